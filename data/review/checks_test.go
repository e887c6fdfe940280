package review_test

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
)

// builder writes crafted rows for one unit ("Enheten" of "Barn och unga").
type builder struct {
	t    testing.TB
	tx   *data.Tx
	sc   data.Scope
	ids  map[string]int64
	unit int64
}

func tkr(v float64) data.Money { return data.Money(math.Round(v * float64(data.Tkr))) }

func (b *builder) must(_ data.Outcome, err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *builder) budget(per string, acc data.Account, budget, outcome float64) {
	o := tkr(outcome)
	b.must(b.tx.PutBudget(data.BudgetRow{Scope: b.sc, Period: data.MustPeriod(per), Account: acc, Budget: tkr(budget), Outcome: &o}))
}

func (b *builder) measureID(key string) int64 {
	if id, ok := b.ids[key]; ok {
		return id
	}
	def, ok := data.KnownMeasure(key)
	if !ok {
		b.t.Fatalf("unknown measure %s", key)
	}
	id, _, err := b.tx.EnsureMeasure(def)
	if err != nil {
		b.t.Fatal(err)
	}
	b.ids[key] = id
	return id
}

func (b *builder) measure(per, key string, v float64) {
	b.must(b.tx.PutMeasure(data.MeasureRow{Scope: b.sc, Period: data.MustPeriod(per), MeasureID: b.measureID(key), Value: v,
		ReportedName: key}))
}

func (b *builder) indicator(per, key string, v, target float64, st data.Status) {
	b.must(b.tx.PutMeasure(data.MeasureRow{Scope: b.sc, Period: data.MustPeriod(per), MeasureID: b.measureID(key), Value: v,
		Target: &target, Status: st, ReportedName: key}))
}

func (b *builder) narrative(per string, typ data.NarrativeType, title, text string) {
	b.must(b.tx.PutNarrative(data.Narrative{Scope: b.sc, Period: data.MustPeriod(per), Type: typ, Severity: data.SeverityMedium,
		Title: title, Text: text}))
}

func (b *builder) exec(q string, args ...any) {
	if _, err := b.tx.SQL().Exec(q, args...); err != nil {
		b.t.Fatal(err)
	}
}

// clean: a unit that reports everything, in balance, on time, with an
// analysis in October 2026: every check is ok.
func clean(b *builder) {
	for p := data.MustPeriod("2025-01"); p <= data.MustPeriod("2026-10"); p++ {
		b.budget(p.String(), data.AccountStaff, 10000, 10000)
		b.budget(p.String(), data.AccountPlacements, 500, 500)
		b.must(b.tx.PutPlacement(data.PlacementRow{Scope: b.sc, Period: p, Kind: data.KindHVB, TargetGroup: data.GroupChildren, Ongoing: 5}))
		b.measure(p.String(), data.MeasureReports, 100)
		b.indicator(p.String(), "brukarnojdhet_pct", 90, 85, data.StatusGreen)
	}
	b.narrative("2026-10", data.TypeAnalysis, "Läget i oktober", "Allt enligt plan.")
}

const submittedOnTime = "2026-11-05T09:00:00Z"

func build(t testing.TB, submittedAt string, fns ...func(*builder)) (*data.Store, int64) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var unit int64
	err = s.Write(ctx, func(tx *data.Tx) error {
		a, _, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
		if err != nil {
			return err
		}
		u, _, err := tx.EnsureUnit(a, "Enheten")
		if err != nil {
			return err
		}
		unit = u
		b := &builder{t: t, tx: tx, sc: data.Scope{AreaID: a, UnitID: u}, ids: map[string]int64{}, unit: u}
		for _, fn := range fns {
			fn(b)
		}
		if submittedAt != "" {
			r := data.UnitReport{UnitID: u, Period: data.MustPeriod("2026-10"), Status: data.ReportSubmitted, SubmittedAt: submittedAt}
			_, err = tx.PutUnitReport(r, data.ReportEvent{At: submittedAt, Actor: "Chef", From: data.ReportWaiting, To: data.ReportSubmitted})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, unit
}

var now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func checksOf(t testing.TB, s *data.Store, unit int64, l lang.Lang) map[string]review.Check {
	t.Helper()
	r, err := review.Show(context.Background(), s, unit, data.MustPeriod("2026-10"), now, l)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]review.Check{}
	for _, c := range r.Checks {
		out[c.ID] = c
	}
	if len(out) != len(review.CheckIDs) {
		t.Fatalf("checks %v", out)
	}
	return out
}

func TestCleanReportPassesEveryCheck(t *testing.T) {
	s, unit := build(t, submittedOnTime, clean)
	for id, c := range checksOf(t, s, unit, lang.SV) {
		if c.Result != review.ResultOK || c.Text == "" {
			t.Errorf("%s: %s %q", id, c.Result, c.Text)
		}
	}
}

func TestEachCheckFiresAndStaysSilentJustBelow(t *testing.T) {
	cases := []struct {
		name      string
		submitted string
		mutate    func(*builder)
		check     string
		want      review.Result
		quote     []string // in the Swedish explanation
	}{
		// complete
		{"konto missing", submittedOnTime, func(b *builder) {
			b.exec(`DELETE FROM budget WHERE period = '2026-10' AND account = 'placeringar'`)
		}, review.CheckComplete, review.ResultMissing, []string{"Placeringar", "2025"}},
		{"outcome missing", submittedOnTime, func(b *builder) {
			b.exec(`UPDATE budget SET outcome = NULL WHERE period = '2026-10' AND account = 'personal'`)
		}, review.CheckComplete, review.ResultMissing, []string{"utfall för Personal"}},
		{"placements missing", submittedOnTime, func(b *builder) {
			b.exec(`DELETE FROM placement WHERE period = '2026-10'`)
		}, review.CheckComplete, review.ResultMissing, []string{"placeringar (5 pågående"}},
		{"measure missing", submittedOnTime, func(b *builder) {
			b.exec(`DELETE FROM measure_value WHERE period = '2026-10' AND target IS NULL`)
		}, review.CheckComplete, review.ResultMissing, []string{"Anmälningar"}},
		{"indicator without status", submittedOnTime, func(b *builder) {
			b.exec(`UPDATE measure_value SET status = NULL WHERE period = '2026-10' AND target IS NOT NULL`)
		}, review.CheckComplete, review.ResultMissing, []string{"status för indikatorn", "90"}},
		{"konto added this year only", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountOther, 10, 10)
		}, review.CheckComplete, review.ResultOK, nil},

		// explained: YTD personal budget 100 000 tkr, 3 % is 3 000 tkr
		{"deviation without analysis", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountStaff, 10000, 13000)
			b.exec(`UPDATE narrative SET type = 'framgang'`)
		}, review.CheckExplained, review.ResultRemark, []string{"Personal", "-3 000,0", "-3,0 %"}},
		{"deviation just below", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountStaff, 10000, 12990)
			b.exec(`UPDATE narrative SET type = 'framgang'`)
		}, review.CheckExplained, review.ResultOK, nil},
		{"deviation with analysis", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountStaff, 10000, 13000)
		}, review.CheckExplained, review.ResultOK, nil},
		{"yellow indicator, no narrative", submittedOnTime, func(b *builder) {
			b.indicator("2026-10", "brukarnojdhet_pct", 80, 85, data.StatusYellow)
			b.exec(`DELETE FROM narrative`)
		}, review.CheckExplained, review.ResultRemark, []string{"gul", "80 mot målet 85"}},
		{"yellow indicator with a narrative", submittedOnTime, func(b *builder) {
			b.indicator("2026-10", "brukarnojdhet_pct", 80, 85, data.StatusYellow)
		}, review.CheckExplained, review.ResultOK, nil},

		// consistent
		{"status contradiction", submittedOnTime, func(b *builder) {
			b.indicator("2026-10", "brukarnojdhet_pct", 70, 85, data.StatusGreen)
		}, review.CheckConsistent, review.ResultRemark, []string{"Brukarnöjdhet"}},
		{"year to date falls", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountPlacements, 500, -20)
		}, review.CheckConsistent, review.ResultRemark, []string{"Placeringar", "sjunker"}},
		{"year to date stands still", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountPlacements, 500, 0)
		}, review.CheckConsistent, review.ResultOK, nil},
		{"revenue may fall", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountRevenue, -50, -60)
		}, review.CheckConsistent, review.ResultOK, nil},
		// The year's budget rows run to October: 105 000 tkr with placements,
		// against a forecast of 135 000 (placements at budget).
		{"forecast against year to date, silent", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountStaff, 10000, 9000)
			b.exec(`UPDATE budget SET forecast = 130000 * 100000 WHERE period = '2026-10' AND account = 'personal'`)
			b.exec(`DELETE FROM narrative`)
		}, review.CheckConsistent, review.ResultRemark, []string{"prognosen", "-30 000,0", "+1 000,0"}},
		{"forecast against year to date, explained", submittedOnTime, func(b *builder) {
			b.budget("2026-10", data.AccountStaff, 10000, 9000)
			b.exec(`UPDATE budget SET forecast = 130000 * 100000 WHERE period = '2026-10' AND account = 'personal'`)
		}, review.CheckConsistent, review.ResultOK, nil},

		// plausible: limit 50 %
		{"jump", submittedOnTime, func(b *builder) { b.measure("2026-10", data.MeasureReports, 151) },
			review.CheckPlausible, review.ResultRemark, []string{"Anmälningar är 151", "+51 %", "snittet 100"}},
		{"jump just below", submittedOnTime, func(b *builder) { b.measure("2026-10", data.MeasureReports, 150) },
			review.CheckPlausible, review.ResultOK, nil},
		{"restart at another level", submittedOnTime, func(b *builder) {
			b.exec(`DELETE FROM measure_value WHERE period BETWEEN '2026-07' AND '2026-09' AND target IS NULL`)
			b.measure("2026-10", data.MeasureReports, 160)
		}, review.CheckPlausible, review.ResultRemark, []string{"börjar om på 160 efter 3 månader", "förut 100"}},
		{"restart at the same level", submittedOnTime, func(b *builder) {
			b.exec(`DELETE FROM measure_value WHERE period BETWEEN '2026-07' AND '2026-09' AND target IS NULL`)
			b.measure("2026-10", data.MeasureReports, 140)
		}, review.CheckPlausible, review.ResultOK, nil},
		{"renamed at another level", submittedOnTime, func(b *builder) {
			b.measure("2026-10", data.MeasureReports, 160)
			b.exec(`UPDATE measure_value SET reported_name = 'Orosanmälningar (nytt sätt)' WHERE period = '2026-10' AND target IS NULL`)
		}, review.CheckPlausible, review.ResultRemark, []string{"Orosanmälningar (nytt sätt)"}},

		// on time: due 10 November 2026
		{"late", "2026-11-11T09:00:00Z", clean2, review.CheckOnTime, review.ResultRemark, []string{"1 dagar efter", "10 november 2026"}},
		{"on the last day", "2026-11-10T12:00:00Z", clean2, review.CheckOnTime, review.ResultOK, nil},
		{"overdue", "", clean2, review.CheckOnTime, review.ResultMissing, []string{"Inte inlämnad", "10 november 2026"}},

		// no personnummer
		{"personnummer", submittedOnTime, func(b *builder) {
			b.narrative("2026-10", data.TypeRisk, "Ärende 121212-1212", "Text.")
		}, review.CheckNoPNR, review.ResultMissing, []string{"personnummer borttaget"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, unit := build(t, c.submitted, clean, c.mutate)
			checks := checksOf(t, s, unit, lang.SV)
			got := checks[c.check]
			if got.Result != c.want {
				t.Fatalf("%s = %s (%s), want %s", c.check, got.Result, got.Text, c.want)
			}
			for _, q := range c.quote {
				if !strings.Contains(got.Text, q) {
					t.Errorf("%q does not quote %q", got.Text, q)
				}
			}
			if c.want != review.ResultOK && c.check != review.CheckOnTime && len(got.Rows) == 0 {
				t.Errorf("%s points at no rows", c.check)
			}
			en := checksOf(t, s, unit, lang.EN)[c.check]
			if en.Result != got.Result || en.Text == got.Text {
				t.Errorf("English: %s %q", en.Result, en.Text)
			}
		})
	}
}

func clean2(*builder) {}
