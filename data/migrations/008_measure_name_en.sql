-- A measure's English name, for the board and the exports in English.
-- Known measures take theirs from the message catalogue (data/lang); a
-- municipality's own measure has the Swedish name it was imported with
-- and an English one only when it was given one ('' otherwise, and the
-- Swedish name is shown in both languages).
ALTER TABLE measure ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
