package data

import (
	"context"
	"fmt"
	"strings"
)

// Large imports (a million budget rows) spend most of their time in
// per-statement overhead when every row is its own upsert. WriteBulk and
// the Put…s functions below write many rows per statement, with the same
// natural keys and the same "only when something differs" updates as the
// single-row Put functions in write.go.

// bulkCacheKiB is the page cache a bulk transaction's connection gets.
const bulkCacheKiB = 16 * 1024

// WriteBulk is Write for large imports. The transaction runs on a
// connection of its own whose temporary store is in memory — set before
// BEGIN, because SQLite decides where statement journals go when the
// transaction starts — and whose page cache is larger. SQLite's own
// foreign-key checks are off on that connection (they cost a third of a
// million-row import); instead the Put…s functions below refuse any row
// whose area, unit or measure id this transaction does not know, which
// holds the same guarantee for the rows they write. The settings are
// restored before the connection goes back to the pool.
func (s *Store) WriteBulk(ctx context.Context, fn func(*Tx) error) error {
	if err := s.actor.Check(ActImport); err != nil {
		return err
	}
	if s.readOnly {
		return fmt.Errorf("%w: %s", ErrReadOnly, s.path)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var tempStore, cacheSize, foreignKeys int64
	for q, dst := range map[string]*int64{`PRAGMA temp_store`: &tempStore, `PRAGMA cache_size`: &cacheSize, `PRAGMA foreign_keys`: &foreignKeys} {
		if err := conn.QueryRowContext(ctx, q).Scan(dst); err != nil {
			return err
		}
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -%d`, bulkCacheKiB)); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA temp_store = %d; PRAGMA foreign_keys = %d; PRAGMA cache_size = %d`,
		tempStore, foreignKeys, cacheSize))

	tx, err := s.beginWrite(ctx, conn)
	if err != nil {
		return err
	}
	if err := runTx(ctx, tx, s.actor, &knownIDs{}, fn); err != nil {
		return err
	}
	s.feed.publish(s.actor)
	return nil
}

// BulkCounts is what a Put…s call did to its rows.
type BulkCounts struct {
	New, Changed, Unchanged int
}

// Add sums counts.
func (c *BulkCounts) Add(o BulkCounts) {
	c.New += o.New
	c.Changed += o.Changed
	c.Unchanged += o.Unchanged
}

// bulkChunk is how many rows go into one statement. SQLite allows 32 766
// parameters; 256 rows of at most 10 columns stay well below.
const bulkChunk = 256

// putMany upserts rows in chunks. Inserted rows get ids above the table's
// current maximum, so per chunk new = the rise of max(id) and changed =
// rows affected - new. The rows of one call must have distinct natural
// keys; two rows with one key in the same statement would be counted wrong.
//
// chunk, when set, is told after each statement which rows it wrote and
// how many of them were inserted and how many changed.
func (t *Tx) putMany(table string, u upsert, n int, args func(i int, dst []any) []any,
	chunk func(start, end, added, changed int)) (BulkCounts, error) {
	var c BulkCounts
	buf := make([]any, 0, u.cols*bulkChunk)
	before, err := t.maxIDOf(table)
	if err != nil {
		return c, err
	}
	for start := 0; start < n; start += bulkChunk {
		end := min(start+bulkChunk, n)
		st, err := t.stmt(u.head + valuesList(u.cols, end-start) + u.tail)
		if err != nil {
			return c, err
		}
		buf = buf[:0]
		for i := start; i < end; i++ {
			buf = args(i, buf)
		}
		res, err := st.ExecContext(t.ctx, buf...)
		if err != nil {
			return c, err
		}
		affected, err := res.RowsAffected()
		if err != nil {
			return c, err
		}
		after, err := t.maxIDOf(table)
		if err != nil {
			return c, err
		}
		added := int(after - before)
		if chunk != nil {
			chunk(start, end, added, int(affected)-added)
		}
		c.New += added
		c.Changed += int(affected) - added
		c.Unchanged += end - start - int(affected)
		before = after
	}
	return c, nil
}

func (t *Tx) maxIDOf(table string) (int64, error) {
	st, err := t.stmt(`SELECT ifnull(max(id), 0) FROM ` + table)
	if err != nil {
		return 0, err
	}
	var m int64
	err = st.QueryRowContext(t.ctx).Scan(&m)
	return m, err
}

// knownIDs are the ids a bulk row may refer to: the areas, units and
// measures the transaction loaded or created. Rebuilt when they grow.
type knownIDs struct {
	nAreas, nUnits, nMeasures int
	areas, measures           map[int64]bool
	units                     map[[2]int64]bool // area, unit
}

// knownRefs brings the transaction's knownIDs up to date; nil in a Write
// transaction, where SQLite checks foreign keys itself.
func (t *Tx) knownRefs() *knownIDs {
	k := t.refs
	if k == nil {
		return nil
	}
	if k.nAreas != len(t.areas) || k.areas == nil {
		k.areas = make(map[int64]bool, len(t.areas))
		for _, id := range t.areas {
			k.areas[id] = true
		}
		k.nAreas = len(t.areas)
	}
	if k.nUnits != len(t.units) || k.units == nil {
		k.units = make(map[[2]int64]bool, len(t.units))
		for key, id := range t.units {
			if area, ok := key[0].(int64); ok {
				k.units[[2]int64{area, id}] = true
			}
		}
		k.nUnits = len(t.units)
	}
	if k.nMeasures != len(t.measures) || k.measures == nil {
		k.measures = make(map[int64]bool, len(t.measures))
		for _, id := range t.measures {
			k.measures[id] = true
		}
		k.nMeasures = len(t.measures)
	}
	return k
}

// checkScope is the foreign-key check the bulk connection leaves out.
func (k *knownIDs) checkScope(s Scope) error {
	if k == nil {
		return nil
	}
	if !k.areas[s.AreaID] {
		return fmt.Errorf("area %d is not in the database", s.AreaID)
	}
	if s.UnitID != 0 && !k.units[[2]int64{s.AreaID, s.UnitID}] {
		return fmt.Errorf("unit %d of area %d is not in the database", s.UnitID, s.AreaID)
	}
	return nil
}

// periodArg boxes a period's text once per period, not once per row.
type periodArgs map[Period]any

func (pa periodArgs) arg(p Period) any {
	v, ok := pa[p]
	if !ok {
		v = p.String()
		pa[p] = v
	}
	return v
}

func valuesList(cols, rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	var b strings.Builder
	b.Grow(rows * (len(one) + 2))
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return b.String()
}

// PutBudgets writes budget rows by their natural keys, many per statement.
func (t *Tx) PutBudgets(rows []BudgetRow) (BulkCounts, error) {
	refs := t.knownRefs()
	for _, r := range rows {
		if r.Period.IsZero() || r.Account == "" {
			return BulkCounts{}, fmt.Errorf("budget row without period or konto")
		}
		if err := refs.checkScope(r.Scope); err != nil {
			return BulkCounts{}, err
		}
	}
	periods, accounts := periodArgs{}, map[Account]any{}
	c, err := t.putMany("budget", budgetUpsert, len(rows), func(i int, dst []any) []any {
		r := &rows[i]
		acct, ok := accounts[r.Account]
		if !ok {
			acct = string(r.Account)
			accounts[r.Account] = acct
		}
		return append(dst, r.AreaID, nullZero(r.UnitID), periods.arg(r.Period), acct, int64(r.Budget),
			nullMoney(r.Outcome), nullMoney(r.Forecast))
	}, func(start, end, added, changed int) {
		// All inserted: their sums add to the totals. Some changed or
		// mixed: which rows did what is not known, so their months are
		// summed again at commit. None: nothing to do.
		switch {
		case added == end-start:
			for i := start; i < end; i++ {
				t.totals.added(&rows[i])
			}
		case added+changed > 0:
			for i := start; i < end; i++ {
				t.totals.changed(&rows[i])
			}
		}
	})
	if err == nil && len(t.totals.scope) >= totalsFlushAt {
		err = t.flushAddedTotals() // the sums add up, so they may go in parts
	}
	return c, err
}

// PutPlacements writes placement rows by their natural keys.
func (t *Tx) PutPlacements(rows []PlacementRow) (BulkCounts, error) {
	refs := t.knownRefs()
	for _, r := range rows {
		if r.Period.IsZero() || r.Kind == "" || r.TargetGroup == "" {
			return BulkCounts{}, fmt.Errorf("placement row without period, insats or målgrupp")
		}
		if err := refs.checkScope(r.Scope); err != nil {
			return BulkCounts{}, err
		}
	}
	periods := periodArgs{}
	return t.putMany("placement", placementUpsert, len(rows), func(i int, dst []any) []any {
		r := &rows[i]
		return append(dst, r.AreaID, nullZero(r.UnitID), periods.arg(r.Period), string(r.Kind), string(r.TargetGroup), r.Ongoing,
			nullInt(r.Started), nullInt(r.Ended), nullInt(r.CareDays), nullMoney(r.Cost))
	}, nil)
}

// PutMeasures writes measure values by their natural keys.
func (t *Tx) PutMeasures(rows []MeasureRow) (BulkCounts, error) {
	refs := t.knownRefs()
	for _, r := range rows {
		if r.Period.IsZero() || r.MeasureID == 0 {
			return BulkCounts{}, fmt.Errorf("measure row without period or measure")
		}
		if err := refs.checkScope(r.Scope); err != nil {
			return BulkCounts{}, err
		}
		if refs != nil && !refs.measures[r.MeasureID] {
			return BulkCounts{}, fmt.Errorf("measure %d is not in the database", r.MeasureID)
		}
	}
	periods := periodArgs{}
	return t.putMany("measure_value", measureUpsert, len(rows), func(i int, dst []any) []any {
		r := &rows[i]
		return append(dst, r.MeasureID, r.AreaID, nullZero(r.UnitID), periods.arg(r.Period), r.ReportedName, r.Value,
			nullFloat(r.Target), nullString(string(r.Direction)), nullString(string(r.Status)))
	}, nil)
}
