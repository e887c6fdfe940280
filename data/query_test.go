package data_test

import (
	"context"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
)

// handMade is a small municipality whose figures are computed by hand in
// the tests below.
type handMade struct {
	s                 *data.Store
	areaA, areaB      int64
	utredning, famhem int64
	ekb               int64
	inTime, ownFamily int64
	sick, overdue     int64
}

func tkr(v float64) data.Money { return data.Money(v * float64(data.Tkr)) }
func ptr[T any](v T) *T        { return &v }

func buildHandMade(t testing.TB) handMade {
	t.Helper()
	ctx := context.Background()
	h := handMade{s: newStore(t)}
	err := h.s.Write(ctx, func(tx *data.Tx) error {
		must := func(_ data.Outcome, err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		tx.SetMunicipality(data.Municipality{Name: "Testby kommun", Inhabitants: 12000})
		h.areaA, _, _ = tx.EnsureArea("Barn och unga", data.GroupChildren)
		h.areaB, _, _ = tx.EnsureArea("Försörjningsstöd", data.GroupAdults)
		h.utredning, _, _ = tx.EnsureUnit(h.areaA, "Utredning")
		h.famhem, _, _ = tx.EnsureUnit(h.areaA, "Familjehem")
		h.ekb, _, _ = tx.EnsureUnit(h.areaB, "Ekonomiskt bistånd")
		A := func(u int64) data.Scope { return data.Scope{AreaID: h.areaA, UnitID: u} }
		B := func(u int64) data.Scope { return data.Scope{AreaID: h.areaB, UnitID: u} }
		// Utredning, personal: 1000 tkr a month in 2025 and 2026; 2025 on
		// budget but December (1100); 2026: 900, 950, then open months.
		for m := 1; m <= 12; m++ {
			p25 := data.NewPeriod(2025, timeMonth(m))
			out := tkr(1000)
			if m == 12 {
				out = tkr(1100)
			}
			must(tx.PutBudget(data.BudgetRow{Scope: A(h.utredning), Period: p25, Account: data.AccountStaff, Budget: tkr(1000), Outcome: &out}))
			row := data.BudgetRow{Scope: A(h.utredning), Period: data.NewPeriod(2026, timeMonth(m)), Account: data.AccountStaff, Budget: tkr(1000)}
			switch m {
			case 1:
				row.Outcome, row.Forecast = ptr(tkr(900)), ptr(tkr(11800))
			case 2:
				row.Outcome, row.Forecast = ptr(tkr(950)), ptr(tkr(11900))
			}
			must(tx.PutBudget(row))
			// Familjehem, placeringar, 500 a month in 2026, no forecast.
			row = data.BudgetRow{Scope: A(h.famhem), Period: data.NewPeriod(2026, timeMonth(m)), Account: data.AccountPlacements, Budget: tkr(500)}
			switch m {
			case 1:
				row.Outcome = ptr(tkr(600))
			case 2:
				row.Outcome = ptr(tkr(700))
			}
			must(tx.PutBudget(row))
			// The area as a whole, övrigt, 100 a month in 2026.
			row = data.BudgetRow{Scope: A(0), Period: data.NewPeriod(2026, timeMonth(m)), Account: data.AccountOther, Budget: tkr(100)}
			switch m {
			case 1:
				row.Outcome = ptr(tkr(80))
			case 2:
				row.Outcome = ptr(tkr(120))
			}
			must(tx.PutBudget(row))
		}
		// Ekonomiskt bistånd around the turn of the year.
		must(tx.PutBudget(data.BudgetRow{Scope: B(h.ekb), Period: data.MustPeriod("2025-12"), Account: data.AccountAid, Budget: tkr(2000), Outcome: ptr(tkr(2100))}))
		must(tx.PutBudget(data.BudgetRow{Scope: B(h.ekb), Period: data.MustPeriod("2026-01"), Account: data.AccountAid, Budget: tkr(2000), Outcome: ptr(tkr(1950.5))}))
		must(tx.PutBudget(data.BudgetRow{Scope: B(h.ekb), Period: data.MustPeriod("2026-02"), Account: data.AccountAid, Budget: tkr(2000), Outcome: ptr(tkr(2049.5))}))

		// Placements: a year apart.
		for _, r := range []data.PlacementRow{
			{Scope: A(h.famhem), Period: data.MustPeriod("2025-02"), Kind: data.KindHVB, Ongoing: 4},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-02"), Kind: data.KindHVB, Ongoing: 6, Cost: ptr(tkr(410))},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-01"), Kind: data.KindHVB, Ongoing: 5, Cost: ptr(tkr(390))},
			{Scope: A(h.famhem), Period: data.MustPeriod("2025-02"), Kind: data.KindFosterFamily, Ongoing: 10},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-02"), Kind: data.KindFosterFamily, Ongoing: 9},
			{Scope: A(0), Period: data.MustPeriod("2026-02"), Kind: data.KindEmergency, Ongoing: 1},
		} {
			r.TargetGroup = data.GroupChildren
			must(tx.PutPlacement(r))
		}

		// Measures and indicators.
		var err error
		if h.overdue, _, err = tx.EnsureMeasure(data.MeasureDef{Key: data.MeasureInvOverdue}); err != nil {
			t.Fatal(err)
		}
		h.sick, _, _ = tx.EnsureMeasure(data.MeasureDef{Key: data.MeasureSickLeave})
		h.inTime, _, _ = tx.EnsureMeasure(data.MeasureDef{Key: data.MeasureInvInTimeShare})
		h.ownFamily, _, _ = tx.EnsureMeasure(data.MeasureDef{Key: "andel_i_egna_familjehem", Code: "BoU-1", Name: "Andel i egna familjehem", Aggregation: data.AggregateMean})
		renamed, _, _ := tx.EnsureMeasure(data.MeasureDef{Key: "andel_placerade_i_egna_familjehem", Code: "BoU-1", Name: "Andel placerade i egna familjehem"})
		if renamed != h.ownFamily {
			t.Fatalf("a renamed indicator with the same code became a new series")
		}
		for _, r := range []data.MeasureRow{
			{Scope: A(h.utredning), Period: data.MustPeriod("2026-01"), MeasureID: h.overdue, Value: 2},
			{Scope: A(h.utredning), Period: data.MustPeriod("2026-02"), MeasureID: h.overdue, Value: 3},
			{Scope: A(0), Period: data.MustPeriod("2026-02"), MeasureID: h.sick, Value: 7.5},
			{Scope: A(h.utredning), Period: data.MustPeriod("2026-02"), MeasureID: h.sick, Value: 8},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-02"), MeasureID: h.sick, Value: 6},
			{Scope: A(h.utredning), Period: data.MustPeriod("2026-01"), MeasureID: h.sick, Value: 9},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-01"), MeasureID: h.sick, Value: 5},
			{Scope: A(h.utredning), Period: data.MustPeriod("2026-02"), MeasureID: h.inTime, Value: 70, Target: ptr(60.0), Status: data.StatusGreen},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-01"), MeasureID: h.ownFamily, ReportedName: "Andel i egna familjehem", Value: 60, Target: ptr(50.0), Status: data.StatusGreen},
			{Scope: A(h.famhem), Period: data.MustPeriod("2026-02"), MeasureID: h.ownFamily, ReportedName: "Andel placerade i egna familjehem", Value: 62, Target: ptr(50.0), Status: data.StatusYellow},
		} {
			must(tx.PutMeasure(r))
		}
		for _, n := range []data.Narrative{
			{Scope: A(h.utredning), Period: data.MustPeriod("2026-02"), Type: data.TypeShortfall, Severity: data.SeverityHigh, Title: "Uppföljningar görs inte"},
			{Scope: A(0), Period: data.MustPeriod("2026-01"), Type: data.TypeAnalysis, Title: "Placeringskostnader", About: "placeringar"},
			{Scope: A(h.famhem), Period: data.MustPeriod("2025-06"), Type: data.TypeSuccess, Title: "Fler egna familjehem"},
			{Scope: B(h.ekb), Period: data.MustPeriod("2026-02"), Type: data.TypeDropped, Title: "Hembesök"},
		} {
			must(tx.PutNarrative(n))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestBudgetLinesByHand(t *testing.T) {
	ctx := context.Background()
	h := buildHandMade(t)
	type want struct {
		budget, outcome, annual, forecast float64
		hasForecast                       bool
		months                            int
	}
	cases := []struct {
		name   string
		scope  data.Scope
		period string
		lines  map[data.Account]want
		total  want
	}{
		{"area A, February", data.Scope{AreaID: h.areaA}, "2026-02", map[data.Account]want{
			data.AccountStaff:      {2000, 1850, 12000, 11900, true, 2},
			data.AccountPlacements: {1000, 1300, 6000, 0, false, 2},
			data.AccountOther:      {200, 200, 1200, 0, false, 2},
		}, want{3200, 3350, 19200, 11900 + 6000 + 1200, true, 2}},
		{"area A, January (a new year starts over)", data.Scope{AreaID: h.areaA}, "2026-01", map[data.Account]want{
			data.AccountStaff:      {1000, 900, 12000, 11800, true, 1},
			data.AccountPlacements: {500, 600, 6000, 0, false, 1},
			data.AccountOther:      {100, 80, 1200, 0, false, 1},
		}, want{1600, 1580, 19200, 11800 + 6000 + 1200, true, 1}},
		{"area A, December of the year before", data.Scope{AreaID: h.areaA}, "2025-12", map[data.Account]want{
			data.AccountStaff: {12000, 12100, 12000, 0, false, 12},
		}, want{12000, 12100, 12000, 0, false, 12}},
		{"area A, an open month counts only closed months", data.Scope{AreaID: h.areaA}, "2026-03", map[data.Account]want{
			data.AccountStaff:      {2000, 1850, 12000, 11900, true, 2},
			data.AccountPlacements: {1000, 1300, 6000, 0, false, 2},
			data.AccountOther:      {200, 200, 1200, 0, false, 2},
		}, want{3200, 3350, 19200, 19100, true, 2}},
		{"unit Utredning only", data.Scope{AreaID: h.areaA, UnitID: h.utredning}, "2026-02", map[data.Account]want{
			data.AccountStaff: {2000, 1850, 12000, 11900, true, 2},
		}, want{2000, 1850, 12000, 11900, true, 2}},
		{"area B, December", data.Scope{AreaID: h.areaB}, "2025-12", map[data.Account]want{
			data.AccountAid: {2000, 2100, 2000, 0, false, 1},
		}, want{2000, 2100, 2000, 0, false, 1}},
		{"area B, January", data.Scope{AreaID: h.areaB}, "2026-01", map[data.Account]want{
			data.AccountAid: {2000, 1950.5, 4000, 0, false, 1},
		}, want{2000, 1950.5, 4000, 0, false, 1}},
		{"area B, February", data.Scope{AreaID: h.areaB}, "2026-02", map[data.Account]want{
			data.AccountAid: {4000, 4000, 4000, 0, false, 2},
		}, want{4000, 4000, 4000, 0, false, 2}},
	}
	check := func(t *testing.T, what string, got data.BudgetLine, w want) {
		t.Helper()
		if got.BudgetYTD != tkr(w.budget) || got.OutcomeYTD != tkr(w.outcome) || got.AnnualBudget != tkr(w.annual) ||
			got.HasForecast != w.hasForecast || (w.hasForecast && got.Forecast != tkr(w.forecast)) || got.MonthsWithOutcome != w.months {
			t.Errorf("%s: got budget %v outcome %v annual %v forecast %v/%v months %d; want %+v",
				what, got.BudgetYTD.Tkr(), got.OutcomeYTD.Tkr(), got.AnnualBudget.Tkr(), got.Forecast.Tkr(), got.HasForecast, got.MonthsWithOutcome, w)
		}
		if got.Deviation() != tkr(w.budget)-tkr(w.outcome) {
			t.Errorf("%s: deviation %v", what, got.Deviation().Tkr())
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := h.s.Detail(ctx, c.scope, data.MustPeriod(c.period), data.DefaultDetailOptions)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Budget) != len(c.lines) {
				t.Fatalf("%d lines, want %d: %+v", len(d.Budget), len(c.lines), d.Budget)
			}
			for _, l := range d.Budget {
				w, ok := c.lines[l.Account]
				if !ok {
					t.Fatalf("unexpected konto %q", l.Account)
				}
				check(t, string(l.Account), l, w)
			}
			check(t, "total", d.Total, c.total)
		})
	}
}

func TestOverviewByHand(t *testing.T) {
	ctx := context.Background()
	h := buildHandMade(t)
	ov, err := h.s.Overview(ctx, data.MustPeriod("2026-02"))
	if err != nil {
		t.Fatal(err)
	}
	if ov.Municipality.Name != "Testby kommun" || ov.Coverage.LatestOutcome != data.MustPeriod("2026-02") || ov.Coverage.First != data.MustPeriod("2025-01") {
		t.Errorf("header: %+v %+v", ov.Municipality, ov.Coverage)
	}
	if len(ov.Areas) != 2 || ov.Areas[0].Name != "Barn och unga" || len(ov.Areas[0].Units) != 2 {
		t.Fatalf("areas: %+v", ov.Areas)
	}
	a := ov.Areas[0]
	if a.BudgetYTD != tkr(3200) || a.OutcomeYTD != tkr(3350) || a.Deviation() != tkr(-150) {
		t.Errorf("area A YTD: %v %v %v", a.BudgetYTD.Tkr(), a.OutcomeYTD.Tkr(), a.Deviation().Tkr())
	}
	if a.Placements != 16 || a.PlacementsYearAgo != 14 {
		t.Errorf("area A placements %d vs %d, want 16 vs 14", a.Placements, a.PlacementsYearAgo)
	}
	if len(a.Dots) != 2 {
		t.Errorf("area A dots: %+v", a.Dots)
	}
	fam := a.Units[1]
	if fam.Name != "Familjehem" || fam.Deviation() != tkr(-300) || fam.Placements != 15 || fam.PlacementsYearAgo != 14 {
		t.Errorf("Familjehem: %+v", fam)
	}
	if len(fam.Dots) != 1 || fam.Dots[0].Status != data.StatusYellow || fam.Dots[0].Name != "Andel placerade i egna familjehem" {
		t.Errorf("Familjehem dots: %+v", fam.Dots)
	}
	b := ov.Areas[1]
	if b.Deviation() != 0 || b.BudgetYTD != tkr(4000) {
		t.Errorf("area B: %v", b.Deviation())
	}
	ovJan, _ := h.s.Overview(ctx, data.MustPeriod("2026-01"))
	if d := ovJan.Areas[1].Deviation(); d != tkr(49.5) {
		t.Errorf("area B January deviation %v, want 49.5", d.Tkr())
	}
	if d := ovJan.Areas[0].Deviation(); d != tkr(20) {
		t.Errorf("area A January deviation %v, want 20", d.Tkr())
	}
	def, _ := h.s.Overview(ctx, 0)
	if def.Period != data.MustPeriod("2026-02") {
		t.Errorf("default period %v, want the latest with outcome", def.Period)
	}
}

func TestDetailSeriesByHand(t *testing.T) {
	ctx := context.Background()
	h := buildHandMade(t)
	d, err := h.s.Detail(ctx, data.Scope{AreaID: h.areaA}, data.MustPeriod("2026-02"), data.DefaultDetailOptions)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Total24.History) != 24 || d.Total24.History[23].Period != data.MustPeriod("2026-02") {
		t.Fatalf("placement history: %d months ending %v", len(d.Total24.History), d.Total24.History[23].Period)
	}
	if now, _ := d.Total24.History.Last(); now != 16 {
		t.Errorf("placements now %v, want 16", now)
	}
	if ago, ok := d.Total24.History.At(12); !ok || ago != 14 {
		t.Errorf("placements a year ago %v, want 14", ago)
	}
	if len(d.Placements) != 3 || d.Placements[0].Kind != data.KindHVB || d.Placements[0].CostYTD != tkr(800) {
		t.Errorf("placement kinds: %+v", d.Placements)
	}
	var sick, overdue *data.MeasureSeries
	for i := range d.Measures {
		switch d.Measures[i].ID {
		case h.sick:
			sick = &d.Measures[i]
		case h.overdue:
			overdue = &d.Measures[i]
		case h.inTime, h.ownFamily:
			t.Errorf("an indicator-only series is listed as a measure: %s", d.Measures[i].Key)
		}
	}
	if sick == nil || overdue == nil {
		t.Fatalf("measures: %+v", d.Measures)
	}
	if v, _ := sick.History.Last(); v != 7.5 {
		t.Errorf("sick leave February %v, want the area's own 7,5", v)
	}
	if v, _ := sick.History.At(1); v != 7 {
		t.Errorf("sick leave January %v, want the mean of 9 and 5", v)
	}
	if v, _ := overdue.History.Last(); v != 3 {
		t.Errorf("overdue %v", v)
	}
	if len(d.Indicators) != 2 {
		t.Fatalf("indicators: %+v", d.Indicators)
	}
	own := d.Indicators[1]
	if own.ID != h.ownFamily || own.ReportedName != "Andel placerade i egna familjehem" || own.Status != data.StatusYellow {
		t.Errorf("renamed indicator: %+v", own)
	}
	if v, ok := own.History.At(1); !ok || v != 60 {
		t.Errorf("renamed indicator keeps its history across the rename: %v %v", v, ok)
	}
	if len(d.Narratives) != 2 || d.Narratives[0].Title != "Uppföljningar görs inte" || d.Narratives[0].UnitName != "Utredning" {
		t.Errorf("narratives: %+v", d.Narratives)
	}
	u, _ := h.s.Detail(ctx, data.Scope{AreaID: h.areaA, UnitID: h.famhem}, data.MustPeriod("2026-02"), data.DefaultDetailOptions)
	if len(u.Narratives) != 1 || u.Narratives[0].Title != "Placeringskostnader" {
		t.Errorf("a unit sees its own and its area's narratives: %+v", u.Narratives)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }

func TestDeviationPercentKeepsItsSignOnRevenue(t *testing.T) {
	// Revenue is a negative cost: budget -500, outcome -600 is 100 tkr more
	// revenue than budgeted, a positive deviation of 20 %.
	l := data.BudgetLine{Account: data.AccountRevenue, BudgetYTD: tkr(-500), OutcomeYTD: tkr(-600)}
	if l.Deviation() != tkr(100) || l.DeviationPct() != 20 {
		t.Errorf("revenue deviation %v (%v %%), want +100 (+20 %%)", l.Deviation().Tkr(), l.DeviationPct())
	}
}

// The committee's line is the sum over areas, and an area's own rows
// (booked on the area, not a unit) are kept apart so the units and the
// area's own rows add up to the area.
func TestOverviewTotalAndAreaWide(t *testing.T) {
	ctx := context.Background()
	h := buildHandMade(t)
	ov, err := h.s.Overview(ctx, data.MustPeriod("2026-02"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := ov.Areas[0], ov.Areas[1]
	// Barn och unga's own övrigt: 100+100 budget, 80+120 outcome; one jourhem placement.
	if !a.Own.HasBudget || a.Own.BudgetYTD != tkr(200) || a.Own.Deviation() != 0 || !a.Own.HasPlacements || a.Own.Placements != 1 {
		t.Errorf("area A own rows: %+v", a.Own)
	}
	sum := a.Own.Deviation()
	for _, u := range a.Units {
		sum += u.Deviation()
	}
	if sum != a.Deviation() {
		t.Errorf("units and own rows add to %v, area says %v", sum.Tkr(), a.Deviation().Tkr())
	}
	if b.Own.HasBudget || b.Own.HasPlacements {
		t.Errorf("area B has no own rows: %+v", b.Own)
	}
	tot := ov.Total
	if tot.BudgetYTD != a.BudgetYTD+b.BudgetYTD || tot.Deviation() != a.Deviation()+b.Deviation() || !tot.HasBudget {
		t.Errorf("total budget: %v, want %v", tot.Deviation().Tkr(), (a.Deviation() + b.Deviation()).Tkr())
	}
	if tot.Placements != 16 || tot.PlacementsYearAgo != 14 || len(tot.Dots) != 2 {
		t.Errorf("total placements %d/%d, dots %d", tot.Placements, tot.PlacementsYearAgo, len(tot.Dots))
	}
	if c, ok := tot.PlacementChange(); !ok || c != 2 {
		t.Errorf("total change %d %v, want +2", c, ok)
	}
}

// A month after the latest outcome has none yet: the overview, the
// detail and placements say so rather than showing zeros.
func TestMonthWithoutOutcome(t *testing.T) {
	ctx := context.Background()
	h := buildHandMade(t)
	for _, c := range []struct {
		p       string
		has     bool
		through string
	}{{"2026-02", true, "2026-02"}, {"2026-03", false, "2026-02"}, {"2026-12", false, "2026-02"}, {"2025-06", true, "2025-06"}, {"2024-06", false, ""}} {
		st, err := h.s.OutcomeStatus(ctx, data.MustPeriod(c.p))
		if err != nil {
			t.Fatal(err)
		}
		if st.Has != c.has || st.Through.String() != c.through {
			t.Errorf("%s: outcome %+v, want has=%v through=%q", c.p, st, c.has, c.through)
		}
	}
	ov, err := h.s.Overview(ctx, data.MustPeriod("2026-03"))
	if err != nil {
		t.Fatal(err)
	}
	if ov.Outcome.Has || ov.Outcome.Through != data.MustPeriod("2026-02") {
		t.Errorf("overview outcome %+v", ov.Outcome)
	}
	fam := ov.Areas[0].Units[1]
	if fam.HasPlacements {
		t.Errorf("March has no placement rows, yet HasPlacements")
	}
	if _, ok := fam.PlacementChange(); ok {
		t.Errorf("a change against a missing month")
	}
	d, err := h.s.Detail(ctx, data.Scope{AreaID: h.areaA}, data.MustPeriod("2026-03"), data.DefaultDetailOptions)
	if err != nil {
		t.Fatal(err)
	}
	if d.Total.OutcomeThrough != data.MustPeriod("2026-02") || d.Total.MonthsWithOutcome != 2 {
		t.Errorf("detail outcome through %v (%d months), want 2026-02 (2)", d.Total.OutcomeThrough, d.Total.MonthsWithOutcome)
	}
}

// The area-wide scope holds only the rows booked on the area itself.
func TestDetailAreaWide(t *testing.T) {
	ctx := context.Background()
	h := buildHandMade(t)
	d, err := h.s.Detail(ctx, data.AreaWide(h.areaA), data.MustPeriod("2026-02"), data.DefaultDetailOptions)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Budget) != 1 || d.Budget[0].Account != data.AccountOther || d.Total.BudgetYTD != tkr(200) {
		t.Errorf("area-wide budget: %+v", d.Budget)
	}
	if len(d.Placements) != 1 || d.Placements[0].Kind != data.KindEmergency {
		t.Errorf("area-wide placements: %+v", d.Placements)
	}
	if len(d.Narratives) != 1 || d.Narratives[0].Title != "Placeringskostnader" {
		t.Errorf("area-wide narratives: %+v", d.Narratives)
	}
	if len(d.Measures) != 1 || d.Measures[0].Key != data.MeasureSickLeave {
		t.Errorf("area-wide measures: %+v", d.Measures)
	}
}
