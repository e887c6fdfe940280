-- Kolada (RKA's open database of municipal key figures): the KPI catalogue,
-- the municipalities and regions Kolada names, and one value per KPI,
-- municipality, year and gender. Codes are Kolada's own: '0000' Riket,
-- '00NN' a region, four digits a kommun (SCB's kommunkod).

CREATE TABLE kolada_kpi (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[A-Z][0-9][0-9][0-9][0-9][0-9]'),
    title       TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',       -- from the title: 'kr/inv', 'andel (%)', 'antal/1000 inv', 'dagar'
    description TEXT NOT NULL DEFAULT '',
    area        TEXT NOT NULL DEFAULT ''        -- Kolada's operating area, e.g. 'Individ- och familjeomsorg'
);

CREATE TABLE kolada_municipality (
    code TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9][0-9]'),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('K', 'L'))   -- K kommun, L region or Riket, as Kolada says
);

CREATE TABLE kolada_value (
    kpi          TEXT NOT NULL REFERENCES kolada_kpi(id),
    municipality TEXT NOT NULL CHECK (municipality GLOB '[0-9][0-9][0-9][0-9]'),
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    gender       TEXT NOT NULL CHECK (gender IN ('T', 'K', 'M')),   -- total, kvinnor, män
    value        REAL NOT NULL,
    PRIMARY KEY (kpi, municipality, year, gender)
) WITHOUT ROWID;
-- "every municipality for one KPI and year" (ranks, comparison sets)
CREATE INDEX kolada_value_year ON kolada_value(kpi, year, gender);
