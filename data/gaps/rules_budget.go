package gaps

import (
	"math"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// The budget rules: unexplained_deviation and balance_by_vacancy. Both look
// at year to date over the months with outcome, and neither fires when P
// itself has no outcome (a month not yet closed says nothing new).

// crosses tells whether a deviation reaches pct % of |budget| and min tkr.
func crosses(dev, budget data.Money, pctThreshold, minTkr float64) bool {
	d := math.Abs(float64(dev))
	return dev != 0 && d >= minTkr*float64(data.Tkr) && d*100 >= pctThreshold*math.Abs(float64(budget))
}

// unexplainedDeviation: an area's YTD deviation (its own rows and all its
// units'), or one of its konto lines', is at least pct % of the YTD budget
// and at least min tkr, over or under, and no explaining narrative (analys,
// atgard, tillkortakommande, risk) exists for the area or any of its units
// in the recent months. One gap per area with every line that crosses.
// High when some line crosses twice the threshold in both terms.
func (e *engine) unexplainedDeviation() {
	pctT := e.f.set.Float(data.SettingDeviationPct)
	minT := e.f.set.Float(data.SettingDeviationMinTkr)
	for _, a := range e.f.areas {
		sc := data.Scope{AreaID: a.ID}
		lines := e.f.budgetOf(sc)
		var total budgetLine
		for _, l := range lines {
			total.add(l)
		}
		if !total.inP {
			continue
		}
		type hit struct {
			acc data.Account
			l   budgetLine
		}
		// With one konto the total is that line: judged and shown once.
		single := len(lines) == 1
		var hits []hit
		if !single && crosses(total.deviation(), total.budget, pctT, minT) {
			hits = append(hits, hit{"", total})
		}
		for _, acc := range sortedAccounts(lines) {
			l := *lines[acc]
			if l.inP && crosses(l.deviation(), l.budget, pctT, minT) {
				hits = append(hits, hit{acc, l})
			}
		}
		if len(hits) == 0 {
			continue
		}
		explained := false
		for _, n := range e.f.narrativesFor(sc) {
			explained = explained || n.Type.Explains()
		}
		if explained {
			continue
		}
		sev := data.SeverityMedium
		lead := hits[0] // the total when it crosses, else the largest line
		for _, h := range hits {
			if crosses(h.l.deviation(), h.l.budget, 2*pctT, 2*minT) {
				sev = data.SeverityHigh
			}
			if lead.acc != "" && h.l.deviation().Abs() > lead.l.deviation().Abs() {
				lead = h
			}
		}
		var items []string
		ev := []Evidence{}
		if !single && hits[0].acc != "" { // the total as context, though it does not cross
			ev = append(ev, e.evBudget(sc, "", total))
		}
		for _, h := range hits {
			items = append(items, e.l.T("gaps.ud.line", e.lineName(h.acc), lang.SignedTkr(h.l.deviation()),
				lang.SignedPercent(pct(h.l.deviation(), h.l.budget), 1), lang.TkrNumber(h.l.budget), e.direction(h.l.deviation())))
			ev = append(ev, e.evBudget(sc, h.acc, h.l))
		}
		title := e.l.T("gaps.ud.title", e.lineName(lead.acc), lang.SignedTkr(lead.l.deviation()),
			lang.SignedPercent(pct(lead.l.deviation(), lead.l.budget), 1))
		expl := e.l.T("gaps.ud.expl", e.ytd(), joinList(items), e.window()) + " " +
			e.thresholds(data.SettingDeviationPct, data.SettingDeviationMinTkr, data.SettingRecentMonths)
		e.add(RuleUnexplainedDeviation, sc, sev, title, expl, ev)
	}
}

func (e *engine) lineName(acc data.Account) string {
	if acc == "" {
		return e.l.T("gaps.ev.budget_total")
	}
	return e.l.Account(acc)
}

func (e *engine) direction(dev data.Money) string {
	if dev < 0 {
		return e.l.T("gaps.over_budget")
	}
	return e.l.T("gaps.under_budget")
}

// staffSigns are the signs of balance_by_vacancy that hold for a scope in
// P, as sentences, with the measure rows they rest on.
func (e *engine) staffSigns(sc data.Scope) (signs []string, rows []measureRow) {
	checks := []struct {
		key, msg, setting string
		holds             func(v, limit float64) bool
	}{
		{data.MeasureVacancies, "gaps.bv.vac", data.SettingVacancyPosts, func(v, t float64) bool { return v > t }},
		{data.MeasureTurnover, "gaps.bv.turn", data.SettingVacancyTurnoverPct, func(v, t float64) bool { return v >= t }},
		{data.MeasureSickLeave, "gaps.bv.sick", data.SettingVacancySickLeavePct, func(v, t float64) bool { return v >= t }},
	}
	for _, c := range checks {
		v, used, ok := e.f.staffValue(sc, c.key)
		if !ok {
			continue
		}
		rows = append(rows, used...)
		if !c.holds(v, e.f.set.Float(c.setting)) {
			continue
		}
		s := e.l.T(c.msg, num(round1(v)), e.settingText(c.setting))
		switch {
		case !sc.IsArea() && used[0].scope.IsArea():
			s = e.l.T("gaps.bv.area_figure", s)
		case sc.IsArea() && (len(used) != 1 || !used[0].scope.IsArea()):
			s = e.l.T("gaps.bv.units_figure", s)
		}
		signs = append(signs, s)
	}
	return signs, rows
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// underspent tells whether a personal line is under budget by at least pct %.
func underspent(l *budgetLine, pctThreshold float64) bool {
	if l == nil || !l.inP || l.budget <= 0 {
		return false
	}
	dev := l.deviation()
	return dev > 0 && float64(dev)*100 >= pctThreshold*float64(l.budget)
}

// balanceByVacancy: the personal line of a unit, or of an area (its own
// rows and all its units'), is under budget YTD by at least pct %, and in P
// vacancies are above the limit, or turnover or sick leave reach theirs.
// For a unit, staff figures are its own, else its area's; for an area, its
// own, else its units' combined. Units are judged first; an area is
// reported too only when its personal line is still under budget by the
// threshold without the units already reported. High when two or three
// staff signs hold, else medium.
func (e *engine) balanceByVacancy() {
	pctT := e.f.set.Float(data.SettingVacancyStaffPct)
	check := func(sc data.Scope) (*budgetLine, []string, []measureRow, bool) {
		l := e.f.budgetOf(sc)[data.AccountStaff]
		if !underspent(l, pctT) {
			return nil, nil, nil, false
		}
		signs, rows := e.staffSigns(sc)
		return l, signs, rows, len(signs) > 0
	}
	for _, a := range e.f.areas {
		areaSc := data.Scope{AreaID: a.ID}
		var firing []*budgetLine
		for _, u := range e.f.unitsOf(a.ID) {
			if l, signs, rows, ok := check(u); ok {
				firing = append(firing, l)
				e.reportVacancy(u, l, signs, rows)
			}
		}
		l, signs, rows, ok := check(areaSc)
		if !ok {
			continue
		}
		rest := *l
		for _, u := range firing {
			rest.budget -= u.budget
			rest.outcome -= u.outcome
		}
		if len(firing) > 0 && !underspent(&rest, pctT) {
			continue
		}
		e.reportVacancy(areaSc, l, signs, rows)
	}
}

func (e *engine) reportVacancy(sc data.Scope, l *budgetLine, signs []string, rows []measureRow) {
	dev := l.deviation()
	p := lang.SignedPercent(pct(dev, l.budget), 1)
	sev := data.SeverityMedium
	if len(signs) >= 2 {
		sev = data.SeverityHigh
	}
	title := e.l.T("gaps.bv.title", lang.TkrNumber(dev), p)
	expl := e.l.T("gaps.bv.expl", lang.TkrNumber(dev), p, lang.TkrNumber(l.budget), lang.TkrNumber(l.outcome), e.ytd(),
		e.l.Period(e.f.p), joinList(signs)) + " " +
		e.thresholds(data.SettingVacancyStaffPct, data.SettingVacancyPosts, data.SettingVacancyTurnoverPct, data.SettingVacancySickLeavePct)
	ev := []Evidence{e.evBudget(sc, data.AccountStaff, *l)}
	for _, r := range rows {
		ev = append(ev, e.evMeasure(r, nil))
	}
	e.add(RuleBalanceByVacancy, sc, sev, title, expl, ev)
}

// DeviationCrosses tells whether a year-to-date deviation reaches the
// unexplained_deviation thresholds, so the review's checks judge a unit's
// lines by the same rule as the gap engine.
func DeviationCrosses(set data.Settings, dev, budget data.Money) bool {
	return crosses(dev, budget, set.Float(data.SettingDeviationPct), set.Float(data.SettingDeviationMinTkr))
}
