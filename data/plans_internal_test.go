package data

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The plans the period queries were written for (EXPLAIN QUERY PLAN): each
// reads its period through an index range or a seek per scope, never a
// scan of a fact table. A plan that changes shape fails here first.
func TestPeriodQueryPlans(t *testing.T) {
	ctx := context.Background()
	s, err := Create(ctx, filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := MustPeriod("2026-10")
	for _, c := range []struct {
		name string
		q    string
		args []any
		want []string
	}{
		{"overview ytd", overviewYTDSQL, []any{p.YearStart(), p},
			[]string{"SEARCH t USING PRIMARY KEY (area_id=? AND unit_key=? AND period>? AND period<?)"}},
		{"overview placements", overviewPlacementsSQL, []any{p, p.Add(-12)},
			[]string{"SEARCH b USING INDEX placement_key (area_id=? AND unit_key=? AND period=?)"}},
		{"overview dots", overviewDotsSQL, []any{p},
			[]string{"SEARCH v USING COVERING INDEX measure_value_period (period=?)"}},
		{"coverage", coverageSQL, nil,
			[]string{"SEARCH budget_scope_total USING COVERING INDEX budget_scope_total_period",
				"SEARCH measure_value USING COVERING INDEX measure_value_period",
				"SEARCH narrative USING COVERING INDEX narrative_period"}},
		{"gap area budget", gapAreaBudgetSQL, []any{p, p.YearStart(), p},
			[]string{"SEARCH t USING PRIMARY KEY (area_id=? AND period>? AND period<?)"}},
		{"gap staff budget", gapStaffBudgetSQL, []any{p, p.YearStart(), p},
			[]string{"SEARCH t USING PRIMARY KEY (area_id=? AND unit_key=? AND period>? AND period<?)"}},
		{"gap placements", gapPlacementsSQL, []any{p, p.Add(-12)},
			[]string{"SEARCH b USING INDEX placement_key (area_id=? AND unit_key=? AND period=?)"}},
		{"gap measures", gapMeasuresSQL, []any{p, MeasureVacancies, MeasureTurnover, MeasureSickLeave, MeasureInvOverdue, MeasureInvOverdue, p.Add(-2), p},
			[]string{"SEARCH v USING COVERING INDEX measure_value_period (period=?)",
				"SEARCH v USING INDEX measure_value_key (measure_id=? AND area_id=? AND unit_key=? AND period>? AND period<?)"}},
		{"gap narratives", gapNarrativesSQL, []any{p.Add(-2), p.Add(-2), p},
			[]string{"SEARCH n USING INDEX narrative_period (period>? AND period<?)",
				"SEARCH n USING INDEX narrative_period (period=? AND area_id=?)"}},
	} {
		rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+c.q, c.args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: plan lacks %q:\n%s", c.name, w, all)
			}
		}
		// A SCAN may read the organisation (areas, units, measures) or a
		// CTE, never a fact table: those are named by the aliases below.
		for _, line := range plan {
			if name, ok := strings.CutPrefix(line, "SCAN "); ok {
				table, _, _ := strings.Cut(name, " ")
				if slices.Contains([]string{"budget", "b", "placement", "measure_value", "v", "narrative", "n", "x", "t",
					"budget_scope_total", "budget_area_total"}, table) {
					t.Errorf("%s: scans a fact table: %s\n%s", c.name, line, all)
				}
			}
		}
	}
}
