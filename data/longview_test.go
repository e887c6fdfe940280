package data_test

import (
	"context"
	"testing"

	"github.com/beredning/beredning/data"
)

// The long view's series and yearly deviations, recomputed from the raw
// budget rows with a plain loop.
func TestLongViewByRecomputation(t *testing.T) {
	ctx := context.Background()
	s, _ := buildDemo(t)
	defer s.Close()
	raw := readRawBudget(t, s)
	areas, _ := s.Areas(ctx)
	p := data.MustPeriod("2026-10")
	for _, a := range areas[:2] {
		sc := data.Scope{AreaID: a.ID}
		lv, err := s.LongView(ctx, sc, p)
		if err != nil {
			t.Fatal(err)
		}
		if lv.From != data.MustPeriod("2024-01") || len(lv.StaffBudget) != 34 || len(lv.Placements) != 34 || len(lv.Vacancies) != 34 {
			t.Fatalf("%s: from %s, %d months", a.Name, lv.From, len(lv.StaffBudget))
		}
		staff := map[data.Period]data.Money{}
		years := map[int]data.Money{}
		for _, r := range raw {
			if r.area != a.ID || r.period > p || r.outcome == nil {
				continue
			}
			years[r.period.Year()] += r.budget - *r.outcome
			if r.account == data.AccountStaff {
				staff[r.period] += *r.outcome
			}
		}
		for _, pt := range lv.StaffOutcome {
			if want, ok := staff[pt.Period]; ok != pt.Valid || (ok && pt.Value != want.Tkr()) {
				t.Fatalf("%s %s: staff outcome %v (valid %v), want %v", a.Name, pt.Period, pt.Value, pt.Valid, want.Tkr())
			}
		}
		if len(lv.Years) != 3 {
			t.Fatalf("%s: %d years", a.Name, len(lv.Years))
		}
		for _, y := range lv.Years {
			if y.Deviation() != years[y.Year] {
				t.Fatalf("%s %d: deviation %d, want %d", a.Name, y.Year, y.Deviation(), years[y.Year])
			}
		}
		if lv.Years[2].Months != 10 || lv.Years[0].Months != 12 {
			t.Fatalf("%s: months with outcome %d, %d", a.Name, lv.Years[0].Months, lv.Years[2].Months)
		}
	}
	// A scope without rows: an empty view, not an error.
	lv, err := s.LongView(ctx, data.Scope{AreaID: 999}, p)
	if err != nil || !lv.From.IsZero() || len(lv.Placements) != 0 {
		t.Fatalf("empty scope: %+v %v", lv, err)
	}
}

// BenchmarkLongView is the e screen's load: every month of an area.
func BenchmarkLongView(b *testing.B) {
	ctx := context.Background()
	s, _ := buildDemo(b)
	defer s.Close()
	areas, _ := s.Areas(ctx)
	sc, p := data.Scope{AreaID: areas[0].ID}, data.MustPeriod("2026-10")
	for b.Loop() {
		if _, err := s.LongView(ctx, sc, p); err != nil {
			b.Fatal(err)
		}
	}
}
