-- beredning schema, version 1.
-- Money columns hold öre (integers); periods are 'YYYY-MM' text.
-- A NULL unit_id means the row is about the area as a whole. Fact tables
-- carry unit_key, a generated ifnull(unit_id, 0), for their natural keys:
-- NULLs would slip past uniqueness, and a plain column is what the query
-- planner matches reliably when "one period, every scope" queries join to it.

CREATE TABLE municipality (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    committee   TEXT NOT NULL DEFAULT 'Socialnämnden',
    inhabitants INTEGER
);

CREATE TABLE area (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL UNIQUE,           -- lower-case, trimmed: how names are matched
    target_group TEXT CHECK (target_group IN ('barn', 'vuxen')),
    sort         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE unit (
    id       INTEGER PRIMARY KEY,
    area_id  INTEGER NOT NULL REFERENCES area(id),
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL,
    manager  TEXT NOT NULL DEFAULT '',
    sort     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, name_key),
    UNIQUE (area_id, id)
);

CREATE TABLE budget (
    id       INTEGER PRIMARY KEY,
    area_id  INTEGER NOT NULL REFERENCES area(id),
    unit_id  INTEGER,
    unit_key INTEGER NOT NULL GENERATED ALWAYS AS (ifnull(unit_id, 0)) VIRTUAL,
    period   TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    account  TEXT NOT NULL CHECK (account <> ''),
    budget   INTEGER NOT NULL,                   -- öre, net cost of the month
    outcome  INTEGER,                            -- öre; NULL while the month is open
    forecast INTEGER,                            -- öre, whole-year forecast as of this month
    FOREIGN KEY (area_id, unit_id) REFERENCES unit(area_id, id)
);
CREATE UNIQUE INDEX budget_key ON budget(area_id, unit_key, period, account);

CREATE TABLE placement (
    id           INTEGER PRIMARY KEY,
    area_id      INTEGER NOT NULL REFERENCES area(id),
    unit_id      INTEGER,
    unit_key INTEGER NOT NULL GENERATED ALWAYS AS (ifnull(unit_id, 0)) VIRTUAL,
    period       TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    kind         TEXT NOT NULL CHECK (kind <> ''),
    target_group TEXT NOT NULL CHECK (target_group IN ('barn', 'vuxen')),
    ongoing      INTEGER NOT NULL CHECK (ongoing >= 0),
    started      INTEGER CHECK (started >= 0),
    ended        INTEGER CHECK (ended >= 0),
    care_days    INTEGER CHECK (care_days >= 0),
    cost         INTEGER,                        -- öre
    FOREIGN KEY (area_id, unit_id) REFERENCES unit(area_id, id)
);
CREATE UNIQUE INDEX placement_key ON placement(area_id, unit_key, period, kind);

-- A measure is one series across periods: known measures by key, others by
-- their normalised name, and any of them by a stable code when files give one.
CREATE TABLE measure (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    code        TEXT UNIQUE,
    name        TEXT NOT NULL,
    direction   TEXT NOT NULL DEFAULT 'hog' CHECK (direction IN ('hog', 'lag')),
    aggregation TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'mean')),
    known       INTEGER NOT NULL DEFAULT 0,
    sort        INTEGER NOT NULL DEFAULT 1000
);

CREATE TABLE measure_value (
    id            INTEGER PRIMARY KEY,
    measure_id    INTEGER NOT NULL REFERENCES measure(id),
    area_id       INTEGER NOT NULL REFERENCES area(id),
    unit_id       INTEGER,
    unit_key INTEGER NOT NULL GENERATED ALWAYS AS (ifnull(unit_id, 0)) VIRTUAL,
    period        TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    reported_name TEXT NOT NULL DEFAULT '',      -- the name used that period
    value         REAL NOT NULL,
    target        REAL,                          -- set: a goal indicator
    direction     TEXT CHECK (direction IN ('hog', 'lag')),
    status        TEXT CHECK (status IN ('gron', 'gul', 'rod')),
    FOREIGN KEY (area_id, unit_id) REFERENCES unit(area_id, id)
);
CREATE UNIQUE INDEX measure_value_key ON measure_value(measure_id, area_id, unit_key, period);
CREATE INDEX measure_value_period ON measure_value(period, area_id); -- one period, every area
CREATE INDEX measure_value_area ON measure_value(area_id, unit_id, period); -- one area or unit, with history
-- Budget and placement rows are read through their natural keys, which
-- lead with area and unit: "one period, every area" queries join the
-- scopes (data.ScopesCTE) to them, so a large import maintains no third
-- B-tree for them. Narratives are few; their key serves area queries too.

CREATE TABLE narrative (
    id       INTEGER PRIMARY KEY,
    area_id  INTEGER NOT NULL REFERENCES area(id),
    unit_id  INTEGER,
    unit_key INTEGER NOT NULL GENERATED ALWAYS AS (ifnull(unit_id, 0)) VIRTUAL,
    period   TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    type     TEXT NOT NULL CHECK (type IN ('tillkortakommande', 'bortprioritering', 'mellan_stolarna',
                 'saknad_insats', 'risk', 'lex_sarah', 'analys', 'atgard', 'framgang')),
    severity TEXT NOT NULL DEFAULT 'medel' CHECK (severity IN ('lag', 'medel', 'hog')),
    title    TEXT NOT NULL CHECK (title <> ''),
    body     TEXT NOT NULL DEFAULT '',           -- Markdown
    author   TEXT NOT NULL DEFAULT '',
    about    TEXT NOT NULL DEFAULT '',           -- a konto or a measure key
    FOREIGN KEY (area_id, unit_id) REFERENCES unit(area_id, id)
);
CREATE UNIQUE INDEX narrative_key ON narrative(area_id, unit_key, period, type, title);
CREATE INDEX narrative_period ON narrative(period, area_id); -- one period, every area

-- Gap thresholds and other tunables; default_value is what `reset` restores.
CREATE TABLE setting (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL,
    default_value TEXT NOT NULL
);

CREATE TABLE import_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,                    -- RFC 3339, UTC
    user       TEXT NOT NULL DEFAULT '',
    file       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    kind       TEXT NOT NULL,                    -- budget, placeringar, matt, berattelser, demo
    rows_new       INTEGER NOT NULL DEFAULT 0,
    rows_changed   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    areas_created  INTEGER NOT NULL DEFAULT 0,
    units_created  INTEGER NOT NULL DEFAULT 0,
    warnings       INTEGER NOT NULL DEFAULT 0,
    masked         INTEGER NOT NULL DEFAULT 0    -- personnummer masked under --mask-pnr
);
CREATE INDEX import_log_at ON import_log(at);

-- A unit's report for a period, as the controller reviews it.
CREATE TABLE unit_report (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    period       TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    status       TEXT NOT NULL DEFAULT 'utkast'
                 CHECK (status IN ('utkast', 'inlamnad', 'komplettering', 'godkand')),
    submitted_at TEXT,
    reviewed_at  TEXT,
    reviewer     TEXT NOT NULL DEFAULT '',
    UNIQUE (unit_id, period)
);

-- Every change to a unit report, with who, when and why: the audit trail.
CREATE TABLE report_event (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES unit_report(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    from_status TEXT,
    to_status   TEXT,
    comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_event_report ON report_event(report_id, at);

CREATE TABLE meeting (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL UNIQUE,            -- YYYY-MM-DD
    time        TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    notice_date TEXT,                            -- when the kallelse goes out
    title       TEXT NOT NULL DEFAULT ''
);

-- Agenda items; § numbers run through the year, so they are unique per year.
CREATE TABLE agenda_item (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    ordinal    INTEGER NOT NULL,                 -- order on the agenda
    paragraph  INTEGER,                          -- §, assigned when numbered
    year       INTEGER NOT NULL,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'arende',   -- arende, information, delegationsbeslut, uppfoljning
    closed     INTEGER NOT NULL DEFAULT 0,       -- sluten del: not published
    proposal   TEXT NOT NULL DEFAULT '',         -- förslag till beslut
    period     TEXT,                             -- the follow-up period an item presents
    area_id    INTEGER REFERENCES area(id),
    UNIQUE (meeting_id, ordinal),
    UNIQUE (year, paragraph)
);

CREATE TABLE agenda_document (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id),
    ordinal INTEGER NOT NULL,
    title   TEXT NOT NULL,
    secret  INTEGER NOT NULL DEFAULT 0,          -- under secrecy: marked, never published
    body    TEXT NOT NULL DEFAULT '',            -- Markdown
    UNIQUE (item_id, ordinal)
);

-- The social director's marks and notes for the chair's briefing.
CREATE TABLE briefing_note (
    id          INTEGER PRIMARY KEY,
    period      TEXT NOT NULL,
    area_id     INTEGER REFERENCES area(id),
    unit_id     INTEGER REFERENCES unit(id),
    ref_kind    TEXT NOT NULL DEFAULT '',        -- gap, narrative, budget, measure
    ref         TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    in_briefing INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL
);
CREATE INDEX briefing_note_period ON briefing_note(period);
