-- A briefing mark is one row of one scope: the same rule or konto may be
-- marked for two units. The label keeps what the row said when marked.
DROP INDEX IF EXISTS briefing_note_ref;
ALTER TABLE briefing_note ADD COLUMN label TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX briefing_note_mark ON briefing_note(meeting_date, period, ref_kind, ref, ifnull(area_id, 0), ifnull(unit_id, 0));
