package data

import (
	"cmp"
	"context"
	"database/sql"
	"maps"
	"slices"
)

// The budget's month totals (budget_scope_total, budget_area_total; see
// migration budget_totals) are kept by the write transaction: rows a Put function
// inserts are added in Go as they go, and months where a row changed (or
// that a trigger marked stale) are summed again from the budget table when
// the transaction commits. A fresh import of a million rows thus costs
// a few thousand upserts of totals, not another pass over the rows.

// scopeMonth is one stored scope's month (unit key 0: the area's own rows).
type scopeMonth struct {
	area, unitKey int64
	period        Period
}

type areaMonth struct {
	area    int64
	period  Period
	account Account
}

type scopeSums struct {
	budget, outcome           Money
	closed                    int
	staffBudget, staffOutcome Money
	staffClosed               int
}

type areaSums struct {
	budget, outcome Money
	closed          int
}

// budgetTotals is what a transaction owes the totals tables.
type budgetTotals struct {
	scope map[scopeMonth]scopeSums
	area  map[areaMonth]areaSums
	stale map[scopeMonth]bool
}

// added counts a row that was inserted (there was no row before it).
func (bt *budgetTotals) added(r *BudgetRow) {
	if bt.scope == nil {
		bt.scope, bt.area = map[scopeMonth]scopeSums{}, map[areaMonth]areaSums{}
	}
	sk := scopeMonth{r.AreaID, r.UnitID, r.Period}
	ak := areaMonth{r.AreaID, r.Period, r.Account}
	s, a := bt.scope[sk], bt.area[ak]
	// a month with budget but no outcome yet still gets its rows, with zeros
	if r.Outcome != nil {
		s.budget += r.Budget
		s.outcome += *r.Outcome
		s.closed++
		if r.Account == AccountStaff {
			s.staffBudget += r.Budget
			s.staffOutcome += *r.Outcome
			s.staffClosed++
		}
		a.budget += r.Budget
		a.outcome += *r.Outcome
		a.closed++
	}
	bt.scope[sk], bt.area[ak] = s, a
}

// changed marks a row's month to be summed again at commit.
func (bt *budgetTotals) changed(r *BudgetRow) {
	if bt.stale == nil {
		bt.stale = map[scopeMonth]bool{}
	}
	bt.stale[scopeMonth{r.AreaID, r.UnitID, r.Period}] = true
}

// staleRebuildAll: above this many stale months the totals are summed
// again from the whole table in one pass, which is quicker than one
// statement per month.
const staleRebuildAll = 20_000

// flush writes what the transaction owes the totals: the added rows'
// sums, then every stale month summed again from the budget table.
func (t *Tx) flushBudgetTotals() error {
	if err := t.flushAddedTotals(); err != nil {
		return err
	}
	bt := &t.totals
	stale := make([]scopeMonth, 0, len(bt.stale))
	for k := range bt.stale {
		stale = append(stale, k)
	}
	bt.stale = nil
	for start := 0; start < len(stale); start += bulkChunk {
		end := min(start+bulkChunk, len(stale))
		args := make([]any, 0, 3*(end-start))
		for _, k := range stale[start:end] {
			args = append(args, k.area, k.unitKey, k.period.String())
		}
		if _, err := t.tx.ExecContext(t.ctx, `INSERT OR IGNORE INTO budget_stale VALUES `+valuesList(3, end-start), args...); err != nil {
			return err
		}
	}
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM budget_stale`).Scan(&n); err != nil || n == 0 {
		return err
	}
	if n > staleRebuildAll {
		return rebuildBudgetTotals(t.ctx, t.tx)
	}
	return t.resumStale()
}

// totalsFlushAt bounds the months of added sums a transaction holds in
// memory: a million-row import writes them in parts.
const totalsFlushAt = 16_384

// flushAddedTotals writes the added rows' sums so far and forgets them.
func (t *Tx) flushAddedTotals() error {
	if err := t.addScopeTotals(t.totals.scope); err != nil {
		return err
	}
	if err := t.addAreaTotals(t.totals.area); err != nil {
		return err
	}
	t.totals.scope, t.totals.area = nil, nil
	return nil
}

// addScopeTotals and addAreaTotals upsert the added sums in key order, so
// the totals' B-trees grow at their ends rather than at random places.
func (t *Tx) addScopeTotals(m map[scopeMonth]scopeSums) error {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b scopeMonth) int {
		return cmp.Or(cmp.Compare(a.area, b.area), cmp.Compare(a.unitKey, b.unitKey), cmp.Compare(a.period, b.period))
	})
	return t.upsertChunks(len(keys), 9, `INSERT INTO budget_scope_total VALUES `, `
			ON CONFLICT(area_id, unit_key, period) DO UPDATE SET budget = budget + excluded.budget,
				outcome = outcome + excluded.outcome, closed = closed + excluded.closed,
				staff_budget = staff_budget + excluded.staff_budget, staff_outcome = staff_outcome + excluded.staff_outcome,
				staff_closed = staff_closed + excluded.staff_closed`,
		func(i int, dst []any) []any {
			k := keys[i]
			s := m[k]
			return append(dst, k.area, k.unitKey, k.period.String(), int64(s.budget), int64(s.outcome), s.closed,
				int64(s.staffBudget), int64(s.staffOutcome), s.staffClosed)
		})
}

func (t *Tx) addAreaTotals(m map[areaMonth]areaSums) error {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b areaMonth) int {
		return cmp.Or(cmp.Compare(a.area, b.area), cmp.Compare(a.period, b.period), cmp.Compare(a.account, b.account))
	})
	return t.upsertChunks(len(keys), 6, `INSERT INTO budget_area_total VALUES `, `
			ON CONFLICT(area_id, period, account) DO UPDATE SET budget = budget + excluded.budget,
				outcome = outcome + excluded.outcome, closed = closed + excluded.closed`,
		func(i int, dst []any) []any {
			k := keys[i]
			s := m[k]
			return append(dst, k.area, k.period.String(), string(k.account), int64(s.budget), int64(s.outcome), s.closed)
		})
}

// upsertChunks runs head + VALUES list + tail over n rows, bulkChunk rows
// per statement, with the statements prepared once.
func (t *Tx) upsertChunks(n, cols int, head, tail string, args func(i int, dst []any) []any) error {
	buf := make([]any, 0, cols*bulkChunk)
	for start := 0; start < n; start += bulkChunk {
		end := min(start+bulkChunk, n)
		st, err := t.stmt(head + valuesList(cols, end-start) + tail)
		if err != nil {
			return err
		}
		buf = buf[:0]
		for i := start; i < end; i++ {
			buf = args(i, buf)
		}
		if _, err := st.ExecContext(t.ctx, buf...); err != nil {
			return err
		}
	}
	return nil
}

// The sums of one scope's month and of one area's month, as the
// migration's rebuild computes them for every month.
const (
	scopeTotalSums = `ifnull(sum(CASE WHEN outcome IS NOT NULL THEN budget END), 0), ifnull(sum(outcome), 0), count(outcome),
		ifnull(sum(CASE WHEN outcome IS NOT NULL AND account = 'personal' THEN budget END), 0),
		ifnull(sum(CASE WHEN account = 'personal' THEN outcome END), 0),
		count(CASE WHEN account = 'personal' THEN outcome END)`
	areaTotalSums = `ifnull(sum(CASE WHEN outcome IS NOT NULL THEN budget END), 0), ifnull(sum(outcome), 0), count(outcome)`
)

// resumStale sums every stale month again: each scope's month through the
// natural key, each area's month over the area's scopes.
func (t *Tx) resumStale() error {
	_, err := t.tx.ExecContext(t.ctx, `
		DELETE FROM budget_scope_total WHERE (area_id, unit_key, period) IN (SELECT area_id, unit_key, period FROM budget_stale);
		INSERT INTO budget_scope_total
			SELECT b.area_id, b.unit_key, b.period, `+scopeTotalSums+`
			FROM budget_stale s JOIN budget b ON b.area_id = s.area_id AND b.unit_key = s.unit_key AND b.period = s.period
			GROUP BY b.area_id, b.unit_key, b.period;
		DELETE FROM budget_area_total WHERE (area_id, period) IN (SELECT DISTINCT area_id, period FROM budget_stale);
		WITH months AS (SELECT DISTINCT area_id, period FROM budget_stale),
			scopes AS (SELECT m.area_id, 0 AS unit_key, m.period FROM months m
				UNION ALL SELECT m.area_id, u.id, m.period FROM months m JOIN unit u ON u.area_id = m.area_id)
		INSERT INTO budget_area_total
			SELECT b.area_id, b.period, b.account, `+areaTotalSums+`
			FROM scopes s JOIN budget b ON b.area_id = s.area_id AND b.unit_key = s.unit_key AND b.period = s.period
			GROUP BY b.area_id, b.period, b.account;
		DELETE FROM budget_stale;`)
	return err
}

// rebuildBudgetTotals sums every month again from the budget table, for a
// transaction that changed most of it (the migration does the same in SQL).
func rebuildBudgetTotals(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
		DELETE FROM budget_scope_total;
		DELETE FROM budget_area_total;
		INSERT INTO budget_scope_total SELECT area_id, unit_key, period, `+scopeTotalSums+`
			FROM budget GROUP BY area_id, unit_key, period;
		INSERT INTO budget_area_total SELECT area_id, period, account, `+areaTotalSums+`
			FROM budget GROUP BY area_id, period, account;
		DELETE FROM budget_stale;`)
	return err
}
