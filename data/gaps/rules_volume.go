package gaps

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// The rules about volumes and the law: deadline_breach and placement_surge.

// deadlineBreach: utredningar_over_4_man is above zero in P, per unit and,
// when the area reports it for itself, per area (area-level rows only: an
// area's units are reported each on their own). High when P's value is
// above the value at the start of the recent window (or, if that month is
// missing, the earliest value in the window before P); medium otherwise.
func (e *engine) deadlineBreach() {
	for _, sc := range e.f.scopes() {
		series := e.f.overdue[sc]
		r, ok := series[e.f.p]
		if !ok || r.value <= 0 {
			continue
		}
		var prev *measureRow
		for q := e.f.from; q < e.f.p; q++ {
			if v, ok := series[q]; ok {
				prev = &v
				break
			}
		}
		sev := data.SeverityMedium
		title := e.l.T("gaps.db.title", num(r.value))
		expl := e.l.T("gaps.db.expl", e.l.Period(e.f.p), num(r.value))
		if r.value == 1 {
			title = e.l.T("gaps.db.title_one")
			expl = e.l.T("gaps.db.expl_one", e.l.Period(e.f.p))
		}
		switch {
		case prev == nil:
			expl += e.l.T("gaps.db.noprev", e.window())
		case r.value > prev.value:
			sev = data.SeverityHigh
			title = e.l.T("gaps.db.title_rose", num(r.value), num(prev.value))
			expl += e.l.T("gaps.db.rose", e.l.Period(prev.period), num(prev.value))
		default:
			expl += e.l.T("gaps.db.same", e.l.Period(prev.period), num(prev.value))
		}
		expl += " " + e.l.T("gaps.thresholds", e.l.T("gaps.db.threshold", e.f.recent))
		e.add(RuleDeadlineBreach, sc, sev, title, expl, []Evidence{e.evMeasure(r, prev)})
	}
}

// surgeTotals sums ongoing placements of all kinds now and a year earlier.
func surgeTotals(m map[data.PlacementKind]*placementCount) placementCount {
	var t placementCount
	for _, c := range m {
		t.add(c)
	}
	return t
}

// surges tells whether a count rose by at least pct % and at least min
// placements against a year earlier. Both months must have rows: a missing
// month is missing data, not zero.
func (e *engine) surges(c placementCount) bool {
	if !c.hasNow || !c.hasAgo {
		return false
	}
	diff := float64(c.now - c.ago)
	return diff >= e.f.set.Float(data.SettingSurgeMin) && diff*100 >= e.f.set.Float(data.SettingSurgePct)*float64(c.ago)
}

// placementSurge: ongoing placements (all kinds) of a unit, or of an area
// (its own rows and all its units'), are at least pct % and min placements
// above the same month a year earlier. Units are judged first; an area is
// reported too only when the rise holds without the units already reported
// (so one unit's surge is not reported twice). High when no narrative of
// the recent months is about placeringar, else medium.
func (e *engine) placementSurge() {
	for _, a := range e.f.areas {
		areaSc := data.Scope{AreaID: a.ID}
		var firing []data.Scope
		for _, u := range e.f.unitsOf(a.ID) {
			c := surgeTotals(e.f.placementsOf(u))
			if e.surges(c) {
				firing = append(firing, u)
				e.reportSurge(u, c, nil, placementCount{})
			}
		}
		c := surgeTotals(e.f.placementsOf(areaSc))
		if !e.surges(c) {
			continue
		}
		rest := c
		for _, u := range firing {
			uc := surgeTotals(e.f.placementsOf(u))
			rest.now -= uc.now
			rest.ago -= uc.ago
		}
		if len(firing) > 0 && !e.surges(rest) {
			continue
		}
		e.reportSurge(areaSc, c, firing, rest)
	}
}

func (e *engine) reportSurge(sc data.Scope, c placementCount, separate []data.Scope, rest placementCount) {
	diff := c.now - c.ago
	change := lang.SignedPercent(pctInt(diff, c.ago), 0)
	title := e.l.T("gaps.ps.title", c.now, c.ago, change)
	expl := e.l.T("gaps.ps.expl", e.l.Period(e.f.p), c.now, c.ago, e.l.Period(e.f.p.Add(-12)), plusInt(diff), change)
	if len(separate) > 0 {
		var names []string
		for _, u := range separate {
			names = append(names, e.f.unitName[u.UnitID])
		}
		expl += e.l.T("gaps.ps.separate", strings.Join(names, ", "), rest.now, rest.ago)
	}
	ev := []Evidence{e.evPlacement(sc, "", c)}
	byKind := e.f.placementsOf(sc)
	for _, k := range sortedKinds(byKind) {
		if x := byKind[k]; x.now > 0 || x.ago > 0 {
			ev = append(ev, e.evPlacement(sc, k, *x))
		}
	}
	var about []data.Narrative
	for _, n := range e.f.narrativesFor(sc) {
		if strings.EqualFold(strings.TrimSpace(n.About), string(data.AccountPlacements)) {
			about = append(about, n)
		}
	}
	sev := data.SeverityHigh
	if len(about) == 0 {
		expl += e.l.T("gaps.ps.none", e.window())
	} else {
		sev = data.SeverityMedium
		var items []string
		for _, n := range about {
			items = append(items, e.narrativeItem(n, sc))
			ev = append(ev, e.evNarrative(n))
		}
		expl += e.l.T("gaps.ps.some", joinList(items))
	}
	expl += " " + e.thresholds(data.SettingSurgePct, data.SettingSurgeMin, data.SettingRecentMonths)
	e.add(RulePlacementSurge, sc, sev, title, expl, ev)
}

// pctInt is the change in per cent of a base; a rise from nothing is NaN
// and shows as "–".
func pctInt(diff, base int) float64 {
	if base == 0 {
		return nan()
	}
	return float64(diff) / float64(base) * 100
}
