package data_test

import (
	"context"
	"testing"

	"github.com/beredning/beredning/data"
)

// totalsDiffer counts the rows where the month totals differ from the
// budget table summed afresh, in either direction.
func totalsDiffer(t *testing.T, s *data.Store) int {
	t.Helper()
	var n int
	err := s.DB().QueryRow(`WITH fresh AS (
			SELECT area_id, unit_key, period,
				ifnull(sum(CASE WHEN outcome IS NOT NULL THEN budget END), 0) AS b, ifnull(sum(outcome), 0) AS o, count(outcome) AS c,
				ifnull(sum(CASE WHEN outcome IS NOT NULL AND account = 'personal' THEN budget END), 0) AS sb,
				ifnull(sum(CASE WHEN account = 'personal' THEN outcome END), 0) AS so,
				count(CASE WHEN account = 'personal' THEN outcome END) AS sc
			FROM budget GROUP BY 1, 2, 3),
		freshArea AS (
			SELECT area_id, period, account,
				ifnull(sum(CASE WHEN outcome IS NOT NULL THEN budget END), 0) AS b, ifnull(sum(outcome), 0) AS o, count(outcome) AS c
			FROM budget GROUP BY 1, 2, 3)
		SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM budget_scope_total))
			+ (SELECT count(*) FROM (SELECT * FROM budget_scope_total EXCEPT SELECT * FROM fresh))
			+ (SELECT count(*) FROM (SELECT * FROM freshArea EXCEPT SELECT * FROM budget_area_total))
			+ (SELECT count(*) FROM (SELECT * FROM budget_area_total EXCEPT SELECT * FROM freshArea))
			+ (SELECT count(*) FROM budget_stale)`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The month totals agree with the budget after every kind of write: the
// demo's single-row upserts, bulk inserts, a bulk write where some rows
// change and some are new, and rows deleted or updated behind Tx's back.
func TestBudgetTotalsFollowWrites(t *testing.T) {
	s, _ := buildDemo(t)
	ctx := context.Background()
	if n := totalsDiffer(t, s); n != 0 {
		t.Fatalf("after the demo: %d rows differ", n)
	}
	var area, unit int64
	if err := s.DB().QueryRow(`SELECT area_id, id FROM unit ORDER BY id LIMIT 1`).Scan(&area, &unit); err != nil {
		t.Fatal(err)
	}
	money := func(tkr int64) *data.Money { m := data.Money(tkr) * data.Tkr; return &m }
	var rows []data.BudgetRow
	for p := data.MustPeriod("2026-01"); p <= data.MustPeriod("2026-12"); p++ {
		for _, acc := range []data.Account{data.AccountStaff, "lokaler"} {
			r := data.BudgetRow{Scope: data.Scope{AreaID: area, UnitID: unit}, Period: p, Account: acc, Budget: 100 * data.Tkr}
			if p <= data.MustPeriod("2026-10") {
				r.Outcome = money(97)
			}
			rows = append(rows, r)
		}
	}
	if err := s.WriteBulk(ctx, func(tx *data.Tx) error { _, err := tx.PutBudgets(rows); return err }); err != nil {
		t.Fatal(err)
	}
	if n := totalsDiffer(t, s); n != 0 {
		t.Fatalf("after a bulk write of new and changed rows: %d rows differ", n)
	}
	for i := range rows {
		rows[i].Budget = 120 * data.Tkr // every row changed
	}
	rows = append(rows, data.BudgetRow{Scope: data.Scope{AreaID: area}, Period: data.MustPeriod("2027-01"), Account: "ny", Budget: data.Tkr})
	if err := s.WriteBulk(ctx, func(tx *data.Tx) error { _, err := tx.PutBudgets(rows); return err }); err != nil {
		t.Fatal(err)
	}
	if n := totalsDiffer(t, s); n != 0 {
		t.Fatalf("after a bulk write of changed rows: %d rows differ", n)
	}
	err := s.Write(ctx, func(tx *data.Tx) error {
		if _, err := tx.SQL().Exec(`DELETE FROM budget WHERE area_id = ? AND period = '2026-03'`, area); err != nil {
			return err
		}
		_, err := tx.SQL().Exec(`UPDATE budget SET outcome = NULL WHERE period = '2026-10' AND account = 'personal'`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := totalsDiffer(t, s); n != 0 {
		t.Fatalf("after a delete and an update in SQL: %d rows differ", n)
	}
}
