package gaps_test

import (
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
)

func TestUnexplainedDeviation(t *testing.T) {
	// YTD January–October: ten months.
	staff := func(place string, budget, outcome float64) func(b *builder) {
		return func(b *builder) { b.months(place, data.AccountStaff, "2026-01", "2026-10", budget, outcome) }
	}
	all := func(fns ...func(b *builder)) func(b *builder) {
		return func(b *builder) {
			for _, f := range fns {
				f(b)
			}
		}
	}
	narr := func(place, per string, typ data.NarrativeType) func(b *builder) {
		return func(b *builder) { b.narrative(place, per, typ, data.SeverityMedium, "Om kostnaderna", "") }
	}
	runCases(t, []ruleCase{
		{name: "exactly 3 per cent and 300 tkr over budget fires", build: staff(U, 1000, 1030),
			want: []string{"unexplained_deviation@" + A + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleUnexplainedDeviation)
				if len(g.Evidence) != 1 {
					t.Fatalf("one konto: the total is that line, shown once: %+v", g.Evidence)
				}
				ev := g.Evidence[0]
				if ev.Kind != "budget" || ev.Account != data.AccountStaff || *ev.Budget != tkr(10000) || *ev.Outcome != tkr(10300) ||
					*ev.Deviation != tkr(-300) || *ev.DeviationPct != -3 || ev.From != data.MustPeriod("2026-01") || ev.UnitID != 0 {
					t.Errorf("evidence %+v", ev)
				}
				for _, s := range []string{"-300,0 tkr", "-3,0 %", "underskott", "minsta avvikelse 3\u00a0% av budgeten", "minsta avvikelse 300\u00a0tkr"} {
					if !strings.Contains(g.Title+g.Explanation, s) {
						t.Errorf("texts lack %q: %s / %s", s, g.Title, g.Explanation)
					}
				}
			}},
		{name: "just below the tkr minimum", build: all(staff(U, 1000, 1030), func(b *builder) {
			b.budget(U, "2026-10", data.AccountStaff, 1000, 1029.9)
		}), want: nil},
		{name: "just below the share", build: staff(U, 2000, 2059), want: nil},
		{name: "under budget fires too", build: staff(U, 1000, 960), want: []string{"unexplained_deviation@" + A + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				if g := find(t, r, gaps.RuleUnexplainedDeviation); !strings.Contains(g.Explanation, "överskott") || !strings.Contains(g.Title, "+400,0") {
					t.Errorf("%s / %s", g.Title, g.Explanation)
				}
			}},
		{name: "twice the threshold: hog", build: staff(U, 1000, 1070), want: []string{"unexplained_deviation@" + A + ":hog"}},
		{name: "twice the share but not twice the tkr: medel", build: staff(U, 500, 535), want: []string{"unexplained_deviation@" + A + ":medel"}},
		{name: "an analysis of a unit explains it", build: all(staff(U, 1000, 1070), narr(U2, "2026-09", data.TypeAnalysis)), want: nil},
		{name: "an action explains it", build: all(staff(U, 1000, 1070), narr(A, "2026-10", data.TypeAction)), want: nil},
		{name: "a risk explains it", build: all(staff(U, 1000, 1070), narr(U, "2026-08", data.TypeRisk)), want: nil},
		{name: "a shortfall explains it", build: all(staff(U, 1000, 1070), narr(U, "2026-08", data.TypeShortfall)), want: nil},
		{name: "a success does not explain it", build: all(staff(U, 1000, 1070), narr(U, "2026-10", data.TypeSuccess)),
			want: []string{"unexplained_deviation@" + A + ":hog"}},
		{name: "an analysis before the window does not explain it", build: all(staff(U, 1000, 1070), narr(U, "2026-07", data.TypeAnalysis)),
			want: []string{"unexplained_deviation@" + A + ":hog"}},
		{name: "another area's analysis does not explain it", build: all(staff(U, 1000, 1070), narr(VU, "2026-10", data.TypeAnalysis)),
			want: []string{"unexplained_deviation@" + A + ":hog"}},
		{name: "konto lines that cancel out in the total", build: all(staff(U, 1000, 960), func(b *builder) {
			b.months(U2, data.AccountPlacements, "2026-01", "2026-10", 1000, 1040)
		}), want: []string{"unexplained_deviation@" + A + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleUnexplainedDeviation)
				if len(g.Evidence) != 3 || g.Evidence[0].Account != "" || *g.Evidence[0].Deviation != 0 ||
					g.Evidence[1].Account != data.AccountStaff || g.Evidence[2].Account != data.AccountPlacements {
					t.Errorf("evidence: the total, then the lines that cross: %+v", g.Evidence)
				}
			}},
		{name: "area-level and unit rows add up", build: all(staff(A, 500, 520), staff(U, 500, 520)),
			want: []string{"unexplained_deviation@" + A + ":medel"}},
		{name: "revenue short of its budget", build: func(b *builder) {
			b.months(U, data.AccountRevenue, "2026-01", "2026-10", -200, -120)
		}, want: []string{"unexplained_deviation@" + A + ":hog"}},
		{name: "last year's deviation does not count", build: func(b *builder) {
			b.months(U, data.AccountStaff, "2025-01", "2025-12", 1000, 1100)
			b.months(U, data.AccountStaff, "2026-01", "2026-10", 1000, 1000)
		}, want: nil},
		{name: "a month without outcome: no budget rule fires, the others do", period: "2026-11", build: all(staff(U, 1000, 1070), func(b *builder) {
			b.budget(U, "2026-11", data.AccountStaff, 1000, noOutcome)
			b.measure(U, "2026-11", data.MeasureVacancies, 3)
			b.measure(U, "2026-11", data.MeasureInvOverdue, 2)
		}), want: []string{"deadline_breach@" + U + ":medel"}},
	})
}

func TestBalanceByVacancy(t *testing.T) {
	staff := func(place string, budget, outcome float64) func(b *builder) {
		return func(b *builder) { b.months(place, data.AccountStaff, "2026-01", "2026-10", budget, outcome) }
	}
	m := func(place, per, key string, v float64) func(b *builder) {
		return func(b *builder) { b.measure(place, per, key, v) }
	}
	// an explaining narrative keeps unexplained_deviation out of these cases
	explained := func(b *builder) {
		b.narrative(A, "2026-10", data.TypeAnalysis, data.SeverityMedium, "Personalläget", "personal")
	}
	all := func(fns ...func(b *builder)) func(b *builder) {
		return func(b *builder) {
			explained(b)
			for _, f := range fns {
				f(b)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "3 per cent under with vacancies: medel", build: all(staff(U, 1000, 970), m(U, "2026-10", data.MeasureVacancies, 2)),
			want: []string{"balance_by_vacancy@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleBalanceByVacancy)
				if len(g.Evidence) != 2 || g.Evidence[0].Account != data.AccountStaff || *g.Evidence[0].Deviation != tkr(300) ||
					g.Evidence[1].MeasureKey != data.MeasureVacancies || *g.Evidence[1].Number != 2 {
					t.Errorf("evidence %+v", g.Evidence)
				}
				if !strings.Contains(g.Explanation, "2 vakanta tjänster") || !strings.Contains(g.Explanation, "minsta överskott på personal 3\u00a0%") {
					t.Errorf("%s", g.Explanation)
				}
			}},
		{name: "vacancies and turnover: hog", build: all(staff(U, 1000, 970), m(U, "2026-10", data.MeasureVacancies, 2), m(U, "2026-10", data.MeasureTurnover, 25)),
			want: []string{"balance_by_vacancy@" + U + ":hog"}},
		{name: "turnover exactly 20 counts", build: all(staff(U, 1000, 970), m(U, "2026-10", data.MeasureTurnover, 20)),
			want: []string{"balance_by_vacancy@" + U + ":medel"}},
		{name: "sick leave exactly 8 counts", build: all(staff(U, 1000, 970), m(U, "2026-10", data.MeasureSickLeave, 8)),
			want: []string{"balance_by_vacancy@" + U + ":medel"}},
		{name: "staff signs just below their limits", build: all(staff(U, 1000, 950), m(U, "2026-10", data.MeasureVacancies, 0),
			m(U, "2026-10", data.MeasureTurnover, 19.9), m(U, "2026-10", data.MeasureSickLeave, 7.9)), want: nil},
		{name: "underspend just below 3 per cent", build: all(staff(U, 1000, 970), func(b *builder) { b.budget(U, "2026-10", data.AccountStaff, 1000, 970.1) },
			m(U, "2026-10", data.MeasureVacancies, 4)), want: nil},
		{name: "vacancies of last month do not count", build: all(staff(U, 1000, 970), m(U, "2026-09", data.MeasureVacancies, 4)), want: nil},
		{name: "over budget does not fire", build: all(staff(U, 1000, 1030), m(U, "2026-10", data.MeasureVacancies, 4)), want: nil},
		{name: "the area's figure counts for its unit; the area is not reported twice",
			build: all(staff(U, 1000, 960), staff(U2, 1000, 1000), m(A, "2026-10", data.MeasureVacancies, 3)),
			want:  []string{"balance_by_vacancy@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleBalanceByVacancy)
				if ev := g.Evidence[1]; ev.UnitID != 0 || ev.Unit != "" || !strings.Contains(g.Explanation, "områdets värde") {
					t.Errorf("the staff figure is the area's: %+v / %s", ev, g.Explanation)
				}
			}},
		{name: "a unit's own figure wins over its area's (the area's holds for the area)", build: all(staff(U, 1000, 960), m(A, "2026-10", data.MeasureVacancies, 3), m(U, "2026-10", data.MeasureVacancies, 0)),
			want: []string{"balance_by_vacancy@" + A + ":medel"}},
		{name: "two units under budget, each reported", build: all(staff(U, 1000, 960), staff(U2, 1000, 950), m(A, "2026-10", data.MeasureSickLeave, 9)),
			want: []string{"balance_by_vacancy@" + U + ":medel", "balance_by_vacancy@" + U2 + ":medel"}},
		{name: "the area's own rows", build: all(staff(A, 1000, 900), staff(U, 1000, 1000), m(A, "2026-10", data.MeasureTurnover, 22)),
			want: []string{"balance_by_vacancy@" + A + ":medel"}},
		{name: "the area judged on its units' combined figures", build: all(staff(U, 1000, 980), staff(U2, 1000, 960),
			m(U, "2026-10", data.MeasureVacancies, 1), m(U2, "2026-10", data.MeasureVacancies, 0)),
			want: []string{"balance_by_vacancy@" + A + ":medel"}},
		{name: "a month without outcome", period: "2026-11", build: all(staff(U, 1000, 960), func(b *builder) {
			b.budget(U, "2026-11", data.AccountStaff, 1000, noOutcome)
		}, m(U, "2026-11", data.MeasureVacancies, 3)), want: nil},
	})
}
