-- Undoing an import. An import run is one `beredning import` (or one
-- import from the board): every file it read, in one transaction;
-- import_log keeps a line per file and kind and now names its run.
CREATE TABLE import_run (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,                     -- RFC 3339, UTC
    user      TEXT NOT NULL DEFAULT '',
    undoable  INTEGER NOT NULL DEFAULT 0,        -- its changes were recorded (import_insert, import_change)
    undone_at TEXT,                              -- set when it was undone
    undone_by TEXT NOT NULL DEFAULT ''
);
ALTER TABLE import_log ADD COLUMN run_id INTEGER REFERENCES import_run(id);
-- Imports made before this version become runs that cannot be undone.
INSERT INTO import_run(at, user) SELECT at, user FROM import_log GROUP BY at, user ORDER BY at, min(id);
UPDATE import_log SET run_id = (SELECT r.id FROM import_run r WHERE r.at = import_log.at AND r.user = import_log.user);

-- The rows an import added: per table, the ids it gave new rows. Ids are
-- handed out above the table's maximum and the import holds the write
-- lock, so one range per table records every row without a line each.
CREATE TABLE import_insert (
    run_id   INTEGER NOT NULL REFERENCES import_run(id),
    tbl      TEXT NOT NULL,                      -- area, unit, measure, budget, placement, measure_value, narrative
    first_id INTEGER NOT NULL,
    last_id  INTEGER NOT NULL,
    PRIMARY KEY (run_id, tbl)
);

-- The values an import overwrote: one line per changed row, with the old
-- values of the columns an import may change, in the order data/undo.go
-- lists them per table. The columns have no type, so every value comes
-- back exactly as it was (a REAL stays the same REAL, NULL stays NULL).
CREATE TABLE import_change (
    run_id INTEGER NOT NULL REFERENCES import_run(id),
    tbl    TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    v1, v2, v3, v4, v5, v6,
    PRIMARY KEY (run_id, tbl, row_id)
) WITHOUT ROWID;
