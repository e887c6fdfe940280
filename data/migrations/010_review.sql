-- The controller's review. A unit report is inlamnad (submitted by an
-- import), atersand (sent back for completion, komplettering begärd) or
-- godkand (approved); a unit expected to report that has no row is
-- "väntar", which is derived, never stored. Version 1's 'utkast' rows said
-- nothing the derivation does not, so they are left behind;
-- 'komplettering' becomes 'atersand'.
CREATE TABLE unit_report_v2 (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    period       TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    status       TEXT NOT NULL CHECK (status IN ('inlamnad', 'atersand', 'godkand')),
    submitted_at TEXT,                           -- RFC 3339, UTC: the latest import that brought the unit's data
    submitted_by TEXT NOT NULL DEFAULT '',
    first_submitted_at TEXT,                     -- the first one: what "on time" is judged by
    reviewed_at  TEXT,
    reviewer     TEXT NOT NULL DEFAULT '',
    UNIQUE (unit_id, period)
);
INSERT INTO unit_report_v2(id, unit_id, period, status, submitted_at, first_submitted_at, reviewed_at, reviewer)
    SELECT id, unit_id, period, CASE status WHEN 'komplettering' THEN 'atersand' ELSE status END,
        submitted_at, submitted_at, reviewed_at, reviewer
    FROM unit_report WHERE status <> 'utkast';

-- The audit trail: every event of every report, in the order it happened.
-- Append-only: the triggers below refuse UPDATE and DELETE, and each event
-- stores a SHA-256 over its own content and the previous event's hash
-- (data/audit.go), so an event altered or removed with the triggers
-- dropped breaks the chain where it happened. AUTOINCREMENT keeps the
-- highest id ever given in sqlite_sequence: removing the last event shows
-- too. The version 1 trail (report_event) is moved here by the migration's
-- Go step, oldest first, and then dropped.
CREATE TABLE audit_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,                  -- RFC 3339, UTC
    actor        TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('submit', 'resubmit', 'update', 'send_back', 'approve',
                     'reopen', 'comment', 'undo')),
    -- No foreign key: an event outlives a unit an undone import removes,
    -- and carries the names as they were.
    unit_id      INTEGER NOT NULL,
    area_name    TEXT NOT NULL,
    unit_name    TEXT NOT NULL,
    period       TEXT NOT NULL,
    from_status  TEXT NOT NULL,                  -- vantar, inlamnad, atersand, godkand
    to_status    TEXT NOT NULL,
    target_kind  TEXT NOT NULL DEFAULT '',       -- a comment's row: budget, placement, measure, indicator, narrative
    target       TEXT NOT NULL DEFAULT '',       -- the konto, insats, measure key or narrative title
    text         TEXT NOT NULL DEFAULT '',
    import_run   INTEGER,                        -- the import (or undone import) that touched the report
    rows_new     INTEGER NOT NULL DEFAULT 0,
    rows_changed INTEGER NOT NULL DEFAULT 0,
    prev_hash    TEXT NOT NULL,                  -- '' for the first event
    hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_event_report ON audit_event(unit_id, period, id);
CREATE INDEX audit_event_period ON audit_event(period);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
-- An event must continue the chain: two writers cannot both append after
-- the same event (writes are serialised, this states it in the schema).
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
WHEN NEW.prev_hash IS NOT ifnull((SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1), '')
BEGIN SELECT RAISE(ABORT, 'audit_event: prev_hash does not continue the chain'); END;
