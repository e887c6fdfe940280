-- The board's dots for one period: a covering index over indicator rows
-- only (those with a target), so the area list reads one index range
-- instead of looking up every measure value of the month in the table.
-- unit_id rather than the generated unit_key, and target among the columns,
-- because SQLite treats an index as covering only then.
CREATE INDEX measure_value_dots ON measure_value(period, area_id, unit_id, measure_id, status, reported_name, target)
    WHERE target IS NOT NULL;
