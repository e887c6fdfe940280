package gaps_test

import (
	"context"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

const (
	A  = "Barn och unga"
	U  = A + "/Utredning"
	U2 = A + "/Familjehem"
	V  = "Vuxen missbruk"
	VU = V + "/Öppenvård"
)

type ruleCase struct {
	name     string
	period   string // default 2026-10
	settings map[string]string
	build    func(b *builder)
	want     []string                          // every gap, as "rule@Area/Unit:severity"
	check    func(t *testing.T, r gaps.Result) // further checks (evidence, texts)
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := build(t, c.build)
			for k, v := range c.settings {
				if err := s.SetSetting(context.Background(), k, v); err != nil {
					t.Fatal(err)
				}
			}
			per := c.period
			if per == "" {
				per = "2026-10"
			}
			for _, l := range []lang.Lang{lang.SV, lang.EN} {
				r := compute(t, s, per, l)
				if got := keys(r.Gaps); !sameKeys(got, c.want) {
					t.Fatalf("gaps:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
				}
				for _, g := range r.Gaps {
					if g.Title == "" || g.Explanation == "" || len(g.Evidence) == 0 {
						t.Errorf("%s: empty title, explanation or evidence: %+v", g.Rule, g)
					}
					if strings.Contains(g.Title+g.Explanation, "gaps.") || strings.Contains(g.Title+g.Explanation, "%!") {
						t.Errorf("%s: a text is missing or badly formatted: %q %q", g.Rule, g.Title, g.Explanation)
					}
				}
				if c.check != nil && l == lang.SV {
					c.check(t, r)
				}
			}
		})
	}
}

func TestGreenWithShortfall(t *testing.T) {
	green := func(place string) func(b *builder) {
		return func(b *builder) {
			b.indicator(place, "2026-10", data.MeasureInvInTimeShare, 92, 90, data.StatusGreen)
		}
	}
	with := func(fns ...func(b *builder)) func(b *builder) {
		return func(b *builder) {
			b.sc(U2) // a second unit exists
			for _, f := range fns {
				f(b)
			}
		}
	}
	narr := func(place, per string, typ data.NarrativeType, sev data.Severity) func(b *builder) {
		return func(b *builder) { b.narrative(place, per, typ, sev, "Uppföljningar görs inte", "") }
	}
	runCases(t, []ruleCase{
		{name: "fires: green dot and a bortprioritering of the unit", build: with(green(U), narr(U, "2026-08", data.TypeDropped, data.SeverityMedium)),
			want: []string{"green_with_shortfall@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleGreenWithShortfall)
				if k := evidenceKinds(g); k["indicator"] != 1 || k["narrative"] != 1 {
					t.Errorf("evidence %v", k)
				}
				if !strings.Contains(g.Explanation, "brist av allvarlighet medel eller högre") || !strings.Contains(g.Explanation, "92") {
					t.Errorf("the explanation quotes figures and threshold: %s", g.Explanation)
				}
				if !strings.Contains(g.Title, "Uppföljningar görs inte") {
					t.Errorf("title %q", g.Title)
				}
				ev := g.Evidence[1]
				if ev.NarrativeID == 0 || ev.NarrativeType != data.TypeDropped || ev.Period != data.MustPeriod("2026-08") || ev.Unit != "Utredning" {
					t.Errorf("narrative evidence %+v", ev)
				}
				if ev := g.Evidence[0]; ev.MeasureID == 0 || *ev.Number != 92 || *ev.Target != 90 || ev.Status != data.StatusGreen {
					t.Errorf("indicator evidence %+v", ev)
				}
			}},
		{name: "severity follows the narrative: hog", build: with(green(U), narr(U, "2026-10", data.TypeBetween, data.SeverityHigh)),
			want: []string{"green_with_shortfall@" + U + ":hog"}},
		{name: "lex_sarah and saknad_insats are shortfalls too", build: with(green(U), narr(U, "2026-10", data.TypeLexSarah, data.SeverityMedium), narr(U, "2026-09", data.TypeMissing, data.SeverityHigh)),
			want: []string{"green_with_shortfall@" + U + ":hog"}},
		{name: "below the minimum severity: lag does not fire", build: with(green(U), narr(U, "2026-10", data.TypeShortfall, data.SeverityLow)),
			want: nil},
		{name: "just outside the recent window does not fire (but the area is silent)", build: with(green(U), narr(U, "2026-07", data.TypeDropped, data.SeverityHigh)),
			want: []string{"silence@" + A + ":medel"}},
		{name: "a longer window set in the database reaches it", settings: map[string]string{data.SettingRecentMonths: "4"},
			build: with(green(U), narr(U, "2026-07", data.TypeDropped, data.SeverityHigh)),
			want:  []string{"green_with_shortfall@" + U + ":hog"}},
		{name: "a stricter minimum set in the database", settings: map[string]string{data.SettingShortfallMinSeverity: "hog"},
			build: with(green(U), narr(U, "2026-10", data.TypeDropped, data.SeverityMedium)),
			want:  nil},
		{name: "an explaining but not shortfall narrative does not fire", build: with(green(U), narr(U, "2026-10", data.TypeAnalysis, data.SeverityHigh), narr(U, "2026-10", data.TypeRisk, data.SeverityHigh)),
			want: nil},
		{name: "a yellow dot does not fire", build: with(func(b *builder) {
			b.indicator(U, "2026-10", data.MeasureInvInTimeShare, 85, 90, data.StatusYellow)
		}, narr(U, "2026-10", data.TypeDropped, data.SeverityHigh)),
			want: nil},
		{name: "a green dot of last month does not fire", build: with(func(b *builder) {
			b.indicator(U, "2026-09", data.MeasureInvInTimeShare, 92, 90, data.StatusGreen)
		}, narr(U, "2026-10", data.TypeDropped, data.SeverityHigh)),
			want: nil},
		{name: "area-level narrative counts for the unit's dot", build: with(green(U), narr(A, "2026-09", data.TypeDropped, data.SeverityMedium)),
			want: []string{"green_with_shortfall@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleGreenWithShortfall)
				if !strings.Contains(g.Explanation, "området som helhet") {
					t.Errorf("the explanation says where the narrative belongs: %s", g.Explanation)
				}
			}},
		{name: "a unit's narrative counts for the area's own dot", build: with(green(A), narr(U, "2026-09", data.TypeDropped, data.SeverityMedium)),
			want: []string{"green_with_shortfall@" + A + ":medel"}},
		{name: "another unit's narrative does not count", build: with(green(U), narr(U2, "2026-10", data.TypeDropped, data.SeverityHigh)),
			want: nil},
		{name: "three green dots and one shortfall are one gap", build: with(green(U), func(b *builder) {
			b.indicator(U, "2026-10", data.MeasureUserSatisfaction, 85, 80, data.StatusGreen)
			b.indicatorDir(U, "2026-10", data.MeasureCaseload, 25, 30, data.LowerIsBetter, data.StatusGreen)
		}, narr(U, "2026-10", data.TypeShortfall, data.SeverityMedium)),
			want: []string{"green_with_shortfall@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleGreenWithShortfall)
				if k := evidenceKinds(g); k["indicator"] != 3 || k["narrative"] != 1 {
					t.Errorf("evidence %v", k)
				}
				if !strings.HasPrefix(g.Title, "3 gröna indikatorer") {
					t.Errorf("title %q", g.Title)
				}
			}},
		{name: "a month with no data at all: nothing fires", period: "2026-11", build: with(green(U), narr(U, "2026-10", data.TypeDropped, data.SeverityHigh)),
			want: nil},
	})
}

func TestStatusContradiction(t *testing.T) {
	said := func(b *builder) { b.narrative(A, "2026-10", data.TypeSuccess, data.SeverityLow, "Bra månad", "") }
	ind := func(place, key string, v, target float64, st data.Status) func(b *builder) {
		return func(b *builder) {
			said(b)
			b.indicator(place, "2026-10", key, v, target, st)
		}
	}
	runCases(t, []ruleCase{
		{name: "green while missing within the yellow band: medel", build: ind(U, data.MeasureInvInTimeShare, 88, 90, data.StatusGreen),
			want: []string{"status_contradiction@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleStatusContradiction)
				ev := g.Evidence[0]
				if ev.Kind != "indicator" || ev.Status != data.StatusGreen || ev.Expected != data.StatusYellow || *ev.Number != 88 {
					t.Errorf("evidence %+v", ev)
				}
				if !strings.Contains(g.Explanation, "gula bandet 10\u00a0% av målet") {
					t.Errorf("explanation %s", g.Explanation)
				}
			}},
		{name: "green while missing beyond the band: hog", build: ind(U, data.MeasureInvInTimeShare, 80, 90, data.StatusGreen),
			want: []string{"status_contradiction@" + U + ":hog"}},
		{name: "yellow while missing beyond the band: medel", build: ind(U, data.MeasureInvInTimeShare, 80, 90, data.StatusYellow),
			want: []string{"status_contradiction@" + U + ":medel"}},
		{name: "yellow exactly at the band's edge does not fire", build: ind(U, data.MeasureInvInTimeShare, 81, 90, data.StatusYellow),
			want: nil},
		{name: "green exactly on target does not fire", build: ind(U, data.MeasureInvInTimeShare, 90, 90, data.StatusGreen),
			want: nil},
		{name: "red when it earns better does not fire", build: ind(U, data.MeasureInvInTimeShare, 95, 90, data.StatusRed),
			want: nil},
		{name: "no status does not fire", build: ind(U, data.MeasureInvInTimeShare, 50, 90, data.StatusNone),
			want: nil},
		{name: "lower is better, from the measure's default", build: ind(U, data.MeasureSickLeave, 6.2, 6, data.StatusGreen),
			want: []string{"status_contradiction@" + U + ":medel"}},
		{name: "lower is better, meeting it", build: ind(U, data.MeasureSickLeave, 5.9, 6, data.StatusGreen),
			want: nil},
		{name: "the row's direction wins over the measure's", build: func(b *builder) {
			said(b)
			b.indicatorDir(U, "2026-10", data.MeasureUserSatisfaction, 90, 80, data.LowerIsBetter, data.StatusGreen)
		}, want: []string{"status_contradiction@" + U + ":hog"}},
		{name: "area-level indicator", build: ind(A, data.MeasureInvInTimeShare, 88, 90, data.StatusGreen),
			want: []string{"status_contradiction@" + A + ":medel"}},
		{name: "a wider band set in the database", settings: map[string]string{data.SettingYellowBandPct: "20"},
			build: ind(U, data.MeasureInvInTimeShare, 80, 90, data.StatusYellow), want: nil},
		{name: "two contradictions of one unit are one gap", build: func(b *builder) {
			said(b)
			b.indicator(U, "2026-10", data.MeasureInvInTimeShare, 88, 90, data.StatusGreen)
			b.indicator(U, "2026-10", data.MeasureUserSatisfaction, 50, 80, data.StatusYellow)
		}, want: []string{"status_contradiction@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				if g := find(t, r, gaps.RuleStatusContradiction); len(g.Evidence) != 2 || !strings.HasPrefix(g.Title, "2 indikatorer") {
					t.Errorf("%q %d", g.Title, len(g.Evidence))
				}
			}},
	})
}

func TestDeadlineBreach(t *testing.T) {
	series := func(place string, vals map[string]float64) func(b *builder) {
		return func(b *builder) {
			for per, v := range vals {
				b.measure(place, per, data.MeasureInvOverdue, v)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "rose over the recent months: hog", build: series(U, map[string]float64{"2026-08": 2, "2026-09": 4, "2026-10": 5}),
			want: []string{"deadline_breach@" + U + ":hog"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleDeadlineBreach)
				ev := g.Evidence[0]
				if ev.Kind != "measure" || ev.MeasureKey != data.MeasureInvOverdue || *ev.Number != 5 || *ev.Previous != 2 || ev.PreviousPeriod != data.MustPeriod("2026-08") {
					t.Errorf("evidence %+v", ev)
				}
				if !strings.Contains(g.Title, "5 pågående") || !strings.Contains(g.Explanation, "under de senaste 3 månaderna") {
					t.Errorf("%q / %q", g.Title, g.Explanation)
				}
			}},
		{name: "level over the recent months: medel", build: series(U, map[string]float64{"2026-08": 3, "2026-09": 6, "2026-10": 3}),
			want: []string{"deadline_breach@" + U + ":medel"}},
		{name: "falling: medel", build: series(U, map[string]float64{"2026-08": 5, "2026-10": 2}),
			want: []string{"deadline_breach@" + U + ":medel"}},
		{name: "no earlier value: medel", build: series(U, map[string]float64{"2026-10": 2}),
			want: []string{"deadline_breach@" + U + ":medel"}},
		{name: "start of window missing: the earliest in it", build: series(U, map[string]float64{"2026-07": 9, "2026-09": 1, "2026-10": 2}),
			want: []string{"deadline_breach@" + U + ":hog"}},
		{name: "zero does not fire", build: series(U, map[string]float64{"2026-08": 3, "2026-10": 0}),
			want: nil},
		{name: "no value in P does not fire", build: series(U, map[string]float64{"2026-09": 3}),
			want: nil},
		{name: "area-level rows: the area", build: series(A, map[string]float64{"2026-10": 1}),
			want: []string{"deadline_breach@" + A + ":medel"}},
		{name: "two units, each its own", build: func(b *builder) {
			series(U, map[string]float64{"2026-10": 1})(b)
			series(U2, map[string]float64{"2026-08": 1, "2026-10": 2})(b)
		}, want: []string{"deadline_breach@" + U + ":medel", "deadline_breach@" + U2 + ":hog"}},
		{name: "other measures do not count", build: func(b *builder) { b.measure(U, "2026-10", data.MeasureInvOngoing, 40) }, want: nil},
	})
}

func TestPlacementSurge(t *testing.T) {
	pl := func(place string, kind data.PlacementKind, ago, now int) func(b *builder) {
		return func(b *builder) {
			b.place(place, "2025-10", kind, ago)
			b.place(place, "2026-10", kind, now)
		}
	}
	all := func(fns ...func(b *builder)) func(b *builder) {
		return func(b *builder) {
			for _, f := range fns {
				f(b)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "unit +3 and +30 per cent, nothing said: hog", build: pl(U, data.KindHVB, 10, 13),
			want: []string{"placement_surge@" + U + ":hog"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RulePlacementSurge)
				if len(g.Evidence) != 2 || g.Evidence[0].PlacementKind != "" || g.Evidence[1].PlacementKind != data.KindHVB ||
					*g.Evidence[0].Number != 13 || *g.Evidence[0].Previous != 10 {
					t.Errorf("evidence %+v", g.Evidence)
				}
				if !strings.Contains(g.Title, "13 mot 10") || !strings.Contains(g.Explanation, "minsta ökning 15\u00a0%") {
					t.Errorf("%q %q", g.Title, g.Explanation)
				}
			}},
		{name: "a narrative about placeringar makes it medel", build: all(pl(U, data.KindHVB, 10, 13), func(b *builder) {
			b.narrative(A, "2026-09", data.TypeAnalysis, data.SeverityMedium, "Fler placeringar", "placeringar")
		}), want: []string{"placement_surge@" + U + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				if k := evidenceKinds(find(t, r, gaps.RulePlacementSurge)); k["narrative"] != 1 {
					t.Errorf("evidence %v", k)
				}
			}},
		{name: "a narrative about something else leaves it hog", build: all(pl(U, data.KindHVB, 10, 13), func(b *builder) {
			b.narrative(U, "2026-09", data.TypeAnalysis, data.SeverityMedium, "Personal", "personal")
		}), want: []string{"placement_surge@" + U + ":hog"}},
		{name: "+2 is below the minimum", build: pl(U, data.KindHVB, 10, 12), want: nil},
		{name: "+3 but only 10 per cent is below the share", build: pl(U, data.KindHVB, 30, 33), want: nil},
		{name: "kinds add up", build: all(pl(U, data.KindHVB, 5, 7), pl(U, data.KindFosterFamily, 5, 6)),
			want: []string{"placement_surge@" + U + ":hog"}},
		{name: "no row a year earlier is missing data", build: func(b *builder) { b.place(U, "2026-10", data.KindHVB, 9) }, want: nil},
		{name: "one unit's surge is not reported again for its area", build: all(pl(U, data.KindHVB, 10, 14), pl(U2, data.KindHVB, 10, 10)),
			want: []string{"placement_surge@" + U + ":hog"}},
		{name: "an area whose units each rise a little", build: all(pl(U, data.KindHVB, 10, 12), pl(U2, data.KindHVB, 10, 12)),
			want: []string{"placement_surge@" + A + ":hog"},
			check: func(t *testing.T, r gaps.Result) {
				if g := find(t, r, gaps.RulePlacementSurge); g.Unit != "" || *g.Evidence[0].Number != 24 {
					t.Errorf("%+v", g)
				}
			}},
		{name: "an area that rises beyond its reported unit", build: all(pl(U, data.KindHVB, 10, 14), pl(U2, data.KindHVB, 10, 12), pl(A, data.KindEmergency, 0, 1)),
			want: []string{"placement_surge@" + U + ":hog", "placement_surge@" + A + ":hog"},
			check: func(t *testing.T, r gaps.Result) {
				for _, g := range r.Gaps {
					if g.Unit == "" && !strings.Contains(g.Explanation, "Utredning redovisas separat") {
						t.Errorf("the area says which unit is reported separately: %s", g.Explanation)
					}
				}
			}},
		{name: "area-level rows alone", build: pl(A, data.KindSiS, 2, 5), want: []string{"placement_surge@" + A + ":hog"}},
	})
}

func TestSilence(t *testing.T) {
	greenArea := func(b *builder) {
		b.indicator(A, "2026-10", data.MeasureUserSatisfaction, 85, 80, data.StatusGreen)
		b.indicator(U, "2026-10", data.MeasureInvInTimeShare, 92, 90, data.StatusGreen)
		b.indicator(U2, "2026-10", data.MeasureInvInTimeShare, 95, 90, data.StatusGreen)
	}
	said := func(place, per string) func(b *builder) {
		return func(b *builder) {
			greenArea(b)
			b.narrative(place, per, data.TypeSuccess, data.SeverityLow, "Bra", "")
		}
	}
	elsewhere := func(b *builder) {
		greenArea(b)
		b.narrative(V, "2026-10", data.TypeAnalysis, data.SeverityLow, "Läget", "")
	}
	runCases(t, []ruleCase{
		{name: "all green, never a word: hog", build: elsewhere, want: []string{"silence@" + A + ":hog"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleSilence)
				if k := evidenceKinds(g); k["indicator"] != 3 || len(g.Evidence) != 3 {
					t.Errorf("evidence %v", k)
				}
				if g.Unit != "" || !strings.Contains(g.Title, "3 gröna") {
					t.Errorf("%+v", g)
				}
			}},
		{name: "quiet for four months: medel, with the last narrative", build: said(U, "2026-06"), want: []string{"silence@" + A + ":medel"},
			check: func(t *testing.T, r gaps.Result) {
				g := find(t, r, gaps.RuleSilence)
				if k := evidenceKinds(g); k["narrative"] != 1 || !strings.Contains(g.Explanation, "juni 2026") {
					t.Errorf("%v %s", k, g.Explanation)
				}
			}},
		{name: "quiet for six months: hog", build: said(U, "2026-04"), want: []string{"silence@" + A + ":hog"}},
		{name: "no narrative in the whole database is missing data, not silence", build: greenArea, want: nil},
		{name: "a unit's narrative in the window breaks the silence", build: said(U2, "2026-08"), want: nil},
		{name: "an area-level narrative breaks it", build: said(A, "2026-10"), want: nil},
		{name: "one yellow dot is not all green", build: func(b *builder) {
			greenArea(b)
			b.indicator(U2, "2026-10", data.MeasureUserSatisfaction, 79, 80, data.StatusYellow)
		}, want: nil},
		{name: "one dot without status is not all green", build: func(b *builder) {
			greenArea(b)
			b.indicator(U2, "2026-10", data.MeasureUserSatisfaction, 85, 80, data.StatusNone)
		}, want: nil},
		{name: "an area with no indicators is not silent", build: func(b *builder) {
			b.measure(U, "2026-10", data.MeasureReports, 40)
			b.months(U, data.AccountStaff, "2026-01", "2026-10", 100, 100)
		}, want: nil},
		{name: "only the silent area", build: func(b *builder) {
			elsewhere(b)
			b.indicator(VU, "2026-10", data.MeasureInvInTimeShare, 92, 90, data.StatusGreen)
			b.narrative(VU, "2026-10", data.TypeRisk, data.SeverityLow, "Risk", "")
		}, want: []string{"silence@" + A + ":hog"}},
	})
}
