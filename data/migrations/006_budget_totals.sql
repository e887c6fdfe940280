-- Month totals of the budget, so that "one period, every scope" reads a few
-- thousand rows instead of every konto of every month: at a million budget
-- rows the board's area list and the gap rules read 3 000 summary rows
-- where they read 90 000 budget rows. Only rows with outcome count into
-- budget/outcome/closed, as year-to-date figures compare like with like.
--
-- Writers keep them: Tx adds the rows it inserts and recomputes the months
-- it changed when it commits (data/budget_totals.go). Triggers mark a month
-- stale on any UPDATE or DELETE, so a writer that bypasses Tx's Put
-- functions still gets its months recomputed at the next commit.

-- Per stored scope (unit_key 0: the area's own rows) and month, all konton;
-- staff_* are the personal konto alone.
CREATE TABLE budget_scope_total (
    area_id       INTEGER NOT NULL,
    unit_key      INTEGER NOT NULL,
    period        TEXT NOT NULL,
    budget        INTEGER NOT NULL,   -- öre, rows with outcome
    outcome       INTEGER NOT NULL,
    closed        INTEGER NOT NULL,   -- rows with outcome
    staff_budget  INTEGER NOT NULL,
    staff_outcome INTEGER NOT NULL,
    staff_closed  INTEGER NOT NULL,
    PRIMARY KEY (area_id, unit_key, period)
) WITHOUT ROWID;
CREATE INDEX budget_scope_total_period ON budget_scope_total(period, closed);

-- Per area (its own rows and all its units'), month and konto.
CREATE TABLE budget_area_total (
    area_id INTEGER NOT NULL,
    period  TEXT NOT NULL,
    account TEXT NOT NULL,
    budget  INTEGER NOT NULL,
    outcome INTEGER NOT NULL,
    closed  INTEGER NOT NULL,
    PRIMARY KEY (area_id, period, account)
) WITHOUT ROWID;

-- Months whose totals must be recomputed at the next commit.
CREATE TABLE budget_stale (
    area_id  INTEGER NOT NULL,
    unit_key INTEGER NOT NULL,
    period   TEXT NOT NULL,
    PRIMARY KEY (area_id, unit_key, period)
) WITHOUT ROWID;

-- (NOT EXISTS rather than OR IGNORE: an upsert's own conflict policy
-- would override the trigger's.)
CREATE TRIGGER budget_stale_update AFTER UPDATE ON budget BEGIN
    INSERT INTO budget_stale SELECT k.* FROM (SELECT old.area_id AS a, old.unit_key AS u, old.period AS p
            UNION SELECT new.area_id, new.unit_key, new.period) k
        WHERE NOT EXISTS (SELECT 1 FROM budget_stale s WHERE s.area_id = k.a AND s.unit_key = k.u AND s.period = k.p);
END;
CREATE TRIGGER budget_stale_delete AFTER DELETE ON budget BEGIN
    INSERT INTO budget_stale SELECT old.area_id, old.unit_key, old.period
        WHERE NOT EXISTS (SELECT 1 FROM budget_stale s WHERE s.area_id = old.area_id AND s.unit_key = old.unit_key AND s.period = old.period);
END;

-- The rows already there (the same sums as rebuildBudgetTotals in Go).
INSERT INTO budget_scope_total
    SELECT area_id, unit_key, period,
        ifnull(sum(CASE WHEN outcome IS NOT NULL THEN budget END), 0), ifnull(sum(outcome), 0), count(outcome),
        ifnull(sum(CASE WHEN outcome IS NOT NULL AND account = 'personal' THEN budget END), 0),
        ifnull(sum(CASE WHEN account = 'personal' THEN outcome END), 0),
        count(CASE WHEN account = 'personal' THEN outcome END)
    FROM budget GROUP BY area_id, unit_key, period;
INSERT INTO budget_area_total
    SELECT area_id, period, account,
        ifnull(sum(CASE WHEN outcome IS NOT NULL THEN budget END), 0), ifnull(sum(outcome), 0), count(outcome)
    FROM budget GROUP BY area_id, period, account;
