package gaps

import (
	"strings"

	"github.com/beredning/beredning/data"
)

// The rules about the dots: green_with_shortfall, status_contradiction and
// silence. An indicator is a measure value of P with a target.

// indicatorsByHolder groups P's indicators by the scope that reported them,
// keeping only those keep accepts.
func (e *engine) indicatorsByHolder(keep func(measureRow) bool) map[data.Scope][]measureRow {
	out := map[data.Scope][]measureRow{}
	for _, r := range e.f.inP {
		if r.isIndicator() && keep(r) {
			out[r.scope] = append(out[r.scope], r)
		}
	}
	return out
}

// greenWithShortfall: an indicator is reported green in P for an area or
// unit, and a shortfall narrative of at least the minimum severity exists
// for the same unit or the area as a whole (for an area-level indicator:
// the area or any of its units) in the recent months. One gap per holder,
// with all its green indicators and all the shortfalls as evidence.
func (e *engine) greenWithShortfall() {
	minSev := e.f.set.Severity(data.SettingShortfallMinSeverity)
	greens := e.indicatorsByHolder(func(r measureRow) bool { return r.status == data.StatusGreen })
	for _, sc := range e.f.scopes() {
		inds := greens[sc]
		if len(inds) == 0 {
			continue
		}
		var short []data.Narrative
		for _, n := range e.f.narrativesFor(sc) {
			if n.Type.IsShortfall() && n.Severity.Rank() >= minSev.Rank() {
				short = append(short, n)
			}
		}
		if len(short) == 0 {
			continue
		}
		lead := mostSevere(short)
		var title string
		if len(inds) == 1 {
			title = e.l.T("gaps.gws.title1", e.measureName(inds[0]), lead.Title)
		} else {
			title = e.l.T("gaps.gws.titleN", len(inds), lead.Title)
		}
		var indItems, narrItems []string
		var ev []Evidence
		for _, r := range inds {
			indItems = append(indItems, e.indicatorItem(r, sc))
			ev = append(ev, e.evIndicator(r))
		}
		for _, n := range short {
			narrItems = append(narrItems, e.narrativeItem(n, sc))
			ev = append(ev, e.evNarrative(n))
		}
		expl := e.l.T("gaps.gws.expl", e.l.Period(e.f.p), strings.Join(indItems, ", "), e.window(),
			e.l.Severity(minSev), joinList(narrItems)) + " " +
			e.thresholds(data.SettingShortfallMinSeverity, data.SettingRecentMonths)
		e.add(RuleGreenWithShortfall, sc, maxSeverity(short), title, expl, ev)
	}
}

// earned is the status an indicator's value earns against its target: green
// when it meets the target, yellow when it misses by at most the yellow band
// (a share of |target|), red beyond.
func earned(r measureRow, bandPct float64) data.Status {
	miss := *r.target - r.value // higher is better: how far below
	if r.dir == data.LowerIsBetter {
		miss = r.value - *r.target
	}
	switch {
	case miss <= 0:
		return data.StatusGreen
	case miss*100 > bandPct*abs(*r.target):
		return data.StatusRed
	}
	return data.StatusYellow
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// statusContradiction: an indicator's reported status is better than its
// value earns: green while the value misses the target, or yellow while it
// misses by more than the yellow band. One gap per holder; high when some
// status is two steps too good (green for red), else medium.
func (e *engine) statusContradiction() {
	band := e.f.set.Float(data.SettingYellowBandPct)
	bad := e.indicatorsByHolder(func(r measureRow) bool {
		return r.status.Rank() > 0 && r.status.Rank() > earned(r, band).Rank()
	})
	for _, sc := range e.f.scopes() {
		inds := bad[sc]
		if len(inds) == 0 {
			continue
		}
		sev := data.SeverityMedium
		var items []string
		var ev []Evidence
		for _, r := range inds {
			exp := earned(r, band)
			if r.status.Rank()-exp.Rank() >= 2 {
				sev = data.SeverityHigh
			}
			items = append(items, e.l.T("gaps.sc.item", e.measureName(r), num(r.value), num(*r.target),
				e.l.Direction(r.dir), e.l.Status(r.status), e.l.Status(exp)))
			x := e.evIndicator(r)
			x.Expected = exp
			x.Value = e.l.T("gaps.ev.indicator_expected", num(r.value), num(*r.target), e.l.Status(r.status), e.l.Status(exp))
			ev = append(ev, x)
		}
		var title string
		if len(inds) == 1 {
			r := inds[0]
			title = e.l.T("gaps.sc.title1", e.measureName(r), e.l.Status(r.status), num(r.value), num(*r.target))
		} else {
			title = e.l.T("gaps.sc.titleN", len(inds))
		}
		expl := e.l.T("gaps.sc.expl", e.l.Period(e.f.p), joinList(items), e.settingText(data.SettingYellowBandPct)) + " " +
			e.thresholds(data.SettingYellowBandPct)
		e.add(RuleStatusContradiction, sc, sev, title, expl, ev)
	}
}

// silence: every indicator of an area in P (its own and its units') is
// reported green, there is at least one, and neither the area nor any of
// its units has a narrative of any type in the recent months. High when the
// quiet has lasted at least twice the recent window (or there never was a
// narrative), else medium.
func (e *engine) silence() {
	// No narrative anywhere in the municipality up to P: narratives are not
	// being imported yet, and their absence is missing data, not silence.
	if len(e.f.narratives) == 0 && len(e.f.lastBefore) == 0 {
		return
	}
	for _, a := range e.f.areas {
		sc := data.Scope{AreaID: a.ID}
		var inds []measureRow
		allGreen := true
		for _, r := range e.f.inP {
			if r.isIndicator() && r.scope.AreaID == a.ID {
				inds = append(inds, r)
				allGreen = allGreen && r.status == data.StatusGreen
			}
		}
		if len(inds) == 0 || !allGreen || len(e.f.narrativesFor(sc)) > 0 {
			continue
		}
		var ev []Evidence
		for _, r := range inds {
			ev = append(ev, e.evIndicator(r))
		}
		title := e.l.T("gaps.si.title", len(inds))
		expl := e.l.T("gaps.si.expl", len(inds), e.l.Period(e.f.p), e.window())
		if len(inds) == 1 {
			title = e.l.T("gaps.si.title1")
			expl = e.l.T("gaps.si.expl1", e.l.Period(e.f.p), e.window())
		}
		long := 2 * e.f.recent
		sev := data.SeverityHigh
		if last, ok := e.f.lastBefore[a.ID]; ok {
			expl += e.l.T("gaps.si.last", e.l.Period(last.Period))
			ev = append(ev, e.evNarrative(last))
			if last.Period >= e.f.p.Recent(long) {
				sev = data.SeverityMedium
			}
		} else {
			expl += e.l.T("gaps.si.never")
		}
		if sev == data.SeverityHigh {
			expl += e.l.T("gaps.si.long", long)
		} else {
			expl += e.l.T("gaps.si.short", long)
		}
		expl += " " + e.thresholds(data.SettingRecentMonths)
		e.add(RuleSilence, sc, sev, title, expl, ev)
	}
}
