-- One period's measure values, read by the board's dots and by the gap
-- rules, from an index that holds every column they need: a period's rows
-- are then one range of the index, where in the table they lie one or two
-- on every page (files come unit by unit as often as month by month).
-- It replaces the narrower index of the same name, so an import maintains
-- no more B-trees than before. unit_id, not the generated unit_key: SQLite
-- counts an index as covering only over stored columns.
DROP INDEX measure_value_period;
CREATE INDEX measure_value_period ON measure_value(period, area_id, unit_id, measure_id,
    value, target, direction, status, reported_name);
