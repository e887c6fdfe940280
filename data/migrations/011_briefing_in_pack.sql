-- The social director decides whether the chair's briefing goes into the
-- members' version of a meeting's pack (never into the public version).
ALTER TABLE meeting ADD COLUMN briefing_in_pack INTEGER NOT NULL DEFAULT 0;
