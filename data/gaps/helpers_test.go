package gaps_test

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// A small language for test municipalities: places are "Area" or
// "Area/Unit", periods "2026-10", amounts tkr.

type builder struct {
	t      testing.TB
	tx     *data.Tx
	scopes map[string]data.Scope
}

func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// build makes a municipality in a fresh store.
func build(t testing.TB, fns ...func(b *builder)) *data.Store {
	t.Helper()
	s := newStore(t)
	write(t, s, fns...)
	return s
}

// write adds rows to a store.
func write(t testing.TB, s *data.Store, fns ...func(b *builder)) {
	t.Helper()
	err := s.Write(context.Background(), func(tx *data.Tx) error {
		if err := tx.SetMunicipality(data.Municipality{Name: "Testby kommun"}); err != nil {
			return err
		}
		b := &builder{t: t, tx: tx, scopes: map[string]data.Scope{}}
		for _, fn := range fns {
			fn(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (b *builder) check(_ data.Outcome, err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *builder) sc(place string) data.Scope {
	b.t.Helper()
	if s, ok := b.scopes[place]; ok {
		return s
	}
	area, unit, _ := strings.Cut(place, "/")
	group := data.GroupChildren
	if strings.HasPrefix(area, "Vuxen") {
		group = data.GroupAdults
	}
	a, _, err := b.tx.EnsureArea(area, group)
	if err != nil {
		b.t.Fatal(err)
	}
	s := data.Scope{AreaID: a}
	if unit != "" {
		u, _, err := b.tx.EnsureUnit(a, unit)
		if err != nil {
			b.t.Fatal(err)
		}
		s.UnitID = u
	}
	b.scopes[place] = s
	return s
}

func tkr(v float64) data.Money { return data.Money(math.Round(v * float64(data.Tkr))) }

var noOutcome = math.NaN()

// budget writes one month of a konto; outcome NaN: the month is open.
func (b *builder) budget(place, per string, acc data.Account, budget, outcome float64) {
	b.t.Helper()
	r := data.BudgetRow{Scope: b.sc(place), Period: data.MustPeriod(per), Account: acc, Budget: tkr(budget)}
	if !math.IsNaN(outcome) {
		o := tkr(outcome)
		r.Outcome = &o
	}
	b.check(b.tx.PutBudget(r))
}

// months writes the same budget and outcome for every month from..to.
func (b *builder) months(place string, acc data.Account, from, to string, budget, outcome float64) {
	b.t.Helper()
	for p := data.MustPeriod(from); p <= data.MustPeriod(to); p++ {
		b.budget(place, p.String(), acc, budget, outcome)
	}
}

func (b *builder) place(place, per string, kind data.PlacementKind, n int) {
	b.t.Helper()
	b.check(b.tx.PutPlacement(data.PlacementRow{Scope: b.sc(place), Period: data.MustPeriod(per), Kind: kind,
		TargetGroup: data.GroupChildren, Ongoing: n}))
}

func (b *builder) measureID(key string) int64 {
	b.t.Helper()
	def, ok := data.KnownMeasure(key)
	if !ok {
		def = data.MeasureDef{Key: key, Name: key, Direction: data.HigherIsBetter}
	}
	id, _, err := b.tx.EnsureMeasure(def)
	if err != nil {
		b.t.Fatal(err)
	}
	return id
}

func (b *builder) measure(place, per, key string, v float64) {
	b.t.Helper()
	b.check(b.tx.PutMeasure(data.MeasureRow{Scope: b.sc(place), Period: data.MustPeriod(per), MeasureID: b.measureID(key), Value: v}))
}

func (b *builder) indicator(place, per, key string, v, target float64, st data.Status) {
	b.t.Helper()
	b.check(b.tx.PutMeasure(data.MeasureRow{Scope: b.sc(place), Period: data.MustPeriod(per), MeasureID: b.measureID(key),
		Value: v, Target: &target, Status: st}))
}

func (b *builder) indicatorDir(place, per, key string, v, target float64, dir data.Direction, st data.Status) {
	b.t.Helper()
	b.check(b.tx.PutMeasure(data.MeasureRow{Scope: b.sc(place), Period: data.MustPeriod(per), MeasureID: b.measureID(key),
		Value: v, Target: &target, Direction: dir, Status: st}))
}

func (b *builder) narrative(place, per string, typ data.NarrativeType, sev data.Severity, title, about string) {
	b.t.Helper()
	b.check(b.tx.PutNarrative(data.Narrative{Scope: b.sc(place), Period: data.MustPeriod(per), Type: typ, Severity: sev,
		Title: title, Text: "Text.", About: about}))
}

func compute(t testing.TB, s *data.Store, per string, l lang.Lang) gaps.Result {
	t.Helper()
	var p data.Period
	if per != "" {
		p = data.MustPeriod(per)
	}
	r, err := gaps.Compute(context.Background(), s, p, l)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// keys writes gaps as "rule@Area/Unit:severity", sorted.
func keys(gs []gaps.Gap) []string {
	out := make([]string, 0, len(gs))
	for _, g := range gs {
		place := g.Area
		if g.Unit != "" {
			place += "/" + g.Unit
		}
		out = append(out, fmt.Sprintf("%s@%s:%s", g.Rule, place, g.Severity))
	}
	sort.Strings(out)
	return out
}

func sameKeys(got, want []string) bool {
	w := append([]string(nil), want...)
	sort.Strings(w)
	return strings.Join(got, "\n") == strings.Join(w, "\n")
}

// evidenceKinds counts a gap's evidence by kind.
func evidenceKinds(g gaps.Gap) map[string]int {
	out := map[string]int{}
	for _, e := range g.Evidence {
		out[e.Kind]++
	}
	return out
}

func find(t testing.TB, r gaps.Result, rule string) gaps.Gap {
	t.Helper()
	for _, g := range r.Gaps {
		if g.Rule == rule {
			return g
		}
	}
	t.Fatalf("no %s gap in %v", rule, keys(r.Gaps))
	return gaps.Gap{}
}

// clean is a municipality whose data is in order: indicators consistent
// with their targets, budget on track or explained, no vacancies, stable
// placements, narratives present. It yields no gap at all.
func clean(b *builder) {
	for _, area := range []string{"Barn och unga", "Vuxen missbruk"} {
		for _, unit := range []string{"Utredning", "Öppenvård"} {
			u := area + "/" + unit
			b.months(u, data.AccountStaff, "2025-01", "2026-10", 1000, 1000)
			b.months(u, data.AccountOther, "2025-01", "2026-10", 100, 101) // 1 %
			b.months(u, data.AccountStaff, "2026-11", "2026-12", 1000, noOutcome)
			for p := data.MustPeriod("2025-01"); p <= data.MustPeriod("2026-10"); p++ {
				per := p.String()
				b.place(u, per, data.KindHVB, 4)
				b.place(u, per, data.KindFosterFamily, 8+int(p)%2)
				b.measure(u, per, data.MeasureVacancies, 0)
				b.measure(u, per, data.MeasureTurnover, 12)
				b.measure(u, per, data.MeasureSickLeave, 6.5)
				b.measure(u, per, data.MeasureInvOverdue, 0)
				b.indicator(u, per, data.MeasureInvInTimeShare, 92, 90, data.StatusGreen)
				b.indicator(u, per, data.MeasureUserSatisfaction, 78, 80, data.StatusYellow)
				b.indicatorDir(u, per, data.MeasureCaseload, 31, 30, data.LowerIsBetter, data.StatusYellow)
				b.narrative(u, per, data.TypeSuccess, data.SeverityMedium, "Fler uppföljningar i tid", "")
				b.narrative(u, per, data.TypeShortfall, data.SeverityLow, "Enstaka sena journalanteckningar", "")
			}
		}
		for p := data.MustPeriod("2025-01"); p <= data.MustPeriod("2026-10"); p++ {
			b.narrative(area, p.String(), data.TypeAnalysis, data.SeverityMedium, "Månadens analys", "")
		}
	}
	// An underspend that is explained: Vuxen missbruk's area-level placements
	// line is 10 % under budget, with an analysis narrative (above).
	b.months("Vuxen missbruk", data.AccountPlacements, "2026-01", "2026-10", 500, 450)
}

func computeErr(ctx context.Context, s *data.Store, p data.Period, l lang.Lang) (gaps.Result, error) {
	return gaps.Compute(ctx, s, p, l)
}
