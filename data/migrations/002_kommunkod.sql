-- The municipality's SCB code (kommunkod, four digits such as 0127), which
-- Kolada and other national statistics use for it. NULL until it is given.
ALTER TABLE municipality ADD COLUMN kommunkod TEXT
    CHECK (kommunkod IS NULL OR (length(kommunkod) = 4 AND kommunkod GLOB '[0-9][0-9][0-9][0-9]'));
