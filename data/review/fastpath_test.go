package review_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
)

// The list reads every report's rows in one set-based load; Show reads one
// unit's alone. Both must judge a report the same, so the fast path
// cannot drift from the per-report one.
func TestListAgreesWithShow(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	for _, per := range []string{"2026-10", "2026-09", "2026-01", "2025-12", "2025-06"} {
		p := data.MustPeriod(per)
		for _, l := range []lang.Lang{lang.SV, lang.EN} {
			items, err := review.List(ctx, s, p, now, l)
			if err != nil {
				t.Fatal(err)
			}
			if len(items) == 0 {
				t.Fatalf("%s: no reports", per)
			}
			for _, it := range items {
				r, err := review.Show(ctx, s, it.UnitID, p, now, l)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(it, r.Item) {
					t.Errorf("%s %v %s: list and report differ:\nlist   %+v\nreport %+v", per, l, it.Unit, it.Checks, r.Item.Checks)
				}
			}
		}
	}
}

// UnitDetails is Detail of each unit alone, read for all units at once.
func TestUnitDetailsEqualsDetail(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	opt := data.DetailOptions{HistoryMonths: 13, NarrativeMonths: 3}
	for _, per := range []string{"2026-10", "2026-02", "2025-06"} {
		p := data.MustPeriod(per)
		states, err := s.ReportStates(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		units := make([]data.Scope, len(states))
		for i, st := range states {
			units[i] = data.Scope{AreaID: st.AreaID, UnitID: st.UnitID}
		}
		all, err := s.UnitDetails(ctx, units, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(units) {
			t.Fatalf("%s: %d details for %d units", per, len(all), len(units))
		}
		var narratives, indicators int
		for _, sc := range units {
			one, err := s.Detail(ctx, sc, p, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(one, all[sc.UnitID].Detail) {
				t.Errorf("%s unit %d: UnitDetails differs from Detail", per, sc.UnitID)
			}
			names, err := s.ReportedNames(ctx, sc, p.Add(-opt.HistoryMonths+1), p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names, all[sc.UnitID].Names) {
				t.Errorf("%s unit %d: UnitDetails' names differ from ReportedNames", per, sc.UnitID)
			}
			narratives += len(one.Narratives)
			indicators += len(one.Indicators)
		}
		if per == "2026-10" && (narratives == 0 || indicators == 0) {
			t.Errorf("%s: the comparison saw %d narratives and %d indicators", per, narratives, indicators)
		}
	}
}
