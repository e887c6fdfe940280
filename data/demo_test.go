package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
)

func buildDemo(t testing.TB) (*data.Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := fixtures.Build(ctx, s, fixtures.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// rawBudget is one budget row read straight from the table, to recompute
// the screen's figures the plain way: a loop over every row.
type rawBudget struct {
	area, unit        int64
	period            data.Period
	account           data.Account
	budget            data.Money
	outcome, forecast *data.Money
}

func readRawBudget(t *testing.T, s *data.Store) []rawBudget {
	rows, err := s.DB().Query(`SELECT area_id, ifnull(unit_id, 0), period, account, budget, outcome, forecast FROM budget`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []rawBudget
	for rows.Next() {
		var r rawBudget
		if err := rows.Scan(&r.area, &r.unit, &r.period, &r.account, &r.budget, &r.outcome, &r.forecast); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// The board's figures on the demo, for two areas and two periods on each
// side of a year boundary, against a row-by-row recomputation.
func TestDemoScreenFiguresByRecomputation(t *testing.T) {
	ctx := context.Background()
	s, _ := buildDemo(t)
	defer s.Close()
	raw := readRawBudget(t, s)
	areas, _ := s.Areas(ctx)
	byName := map[string]int64{}
	for _, a := range areas {
		byName[a.Name] = a.ID
	}
	for _, areaName := range []string{"Barn och unga", "Försörjningsstöd"} {
		area := byName[areaName]
		if area == 0 {
			t.Fatalf("the demo has no area %q", areaName)
		}
		for _, per := range []string{"2026-10", "2026-01", "2025-12"} {
			p := data.MustPeriod(per)
			type sums struct{ budget, outcome, annual data.Money }
			want := map[data.Account]*sums{}
			var total sums
			for _, r := range raw {
				if r.area != area || r.period.Year() != p.Year() {
					continue
				}
				w := want[r.account]
				if w == nil {
					w = &sums{}
					want[r.account] = w
				}
				w.annual += r.budget
				total.annual += r.budget
				if r.period <= p && r.outcome != nil {
					w.budget += r.budget
					w.outcome += *r.outcome
					total.budget += r.budget
					total.outcome += *r.outcome
				}
			}
			d, err := s.Detail(ctx, data.Scope{AreaID: area}, p, data.DefaultDetailOptions)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Budget) != len(want) {
				t.Errorf("%s %s: %d konto lines, want %d", areaName, per, len(d.Budget), len(want))
			}
			for _, l := range d.Budget {
				w := want[l.Account]
				if w == nil || l.BudgetYTD != w.budget || l.OutcomeYTD != w.outcome || l.AnnualBudget != w.annual {
					t.Errorf("%s %s %s: got %v/%v/%v, want %+v", areaName, per, l.Account, l.BudgetYTD, l.OutcomeYTD, l.AnnualBudget, w)
				}
			}
			if d.Total.BudgetYTD != total.budget || d.Total.OutcomeYTD != total.outcome || d.Total.AnnualBudget != total.annual {
				t.Errorf("%s %s total: got %v/%v, want %+v", areaName, per, d.Total.BudgetYTD, d.Total.OutcomeYTD, total)
			}
			if p.Month() == 1 && d.Total.MonthsWithOutcome != 1 {
				t.Errorf("%s %s: year to date in January is one month, got %d", areaName, per, d.Total.MonthsWithOutcome)
			}
			ov, err := s.Overview(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range ov.Areas {
				if a.ID == area && a.Deviation() != total.budget-total.outcome {
					t.Errorf("%s %s: overview deviation %v, want %v", areaName, per, a.Deviation(), total.budget-total.outcome)
				}
			}
		}
	}
}

// BenchmarkOpenAndBoard opens the demo database and runs the board's
// queries for one area and period, as the program does at start.
func BenchmarkOpenAndBoard(b *testing.B) {
	ctx := context.Background()
	s, path := buildDemo(b)
	s.Close()
	p := data.MustPeriod("2026-10")
	for b.Loop() {
		s, err := data.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		ov, err := s.Overview(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Detail(ctx, data.Scope{AreaID: ov.Areas[0].ID}, p, data.DefaultDetailOptions); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkBoardQueries is the same without opening: a period step.
func BenchmarkBoardQueries(b *testing.B) {
	ctx := context.Background()
	s, _ := buildDemo(b)
	defer s.Close()
	p := data.MustPeriod("2026-10")
	ov, _ := s.Overview(ctx, p)
	for b.Loop() {
		if _, err := s.Overview(ctx, p); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Detail(ctx, data.Scope{AreaID: ov.Areas[0].ID}, p, data.DefaultDetailOptions); err != nil {
			b.Fatal(err)
		}
	}
}
