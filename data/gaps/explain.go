package gaps

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Formatting helpers and evidence constructors shared by the rules.

// window is the recent window in words: "aug–okt 2026".
func (e *engine) window() string { return periodRange(e.l, e.f.from, e.f.p) }

func periodRange(l lang.Lang, from, to data.Period) string {
	switch {
	case from == to:
		return l.PeriodShort(to)
	case from.Year() == to.Year():
		return l.MonthShort(from.Month()) + "–" + l.PeriodShort(to)
	}
	return l.PeriodShort(from) + "–" + l.PeriodShort(to)
}

// ytd is year to date in words: "jan–okt 2026".
func (e *engine) ytd() string { return periodRange(e.l, e.f.p.YearStart(), e.f.p) }

// thresholds names settings by their names in the language, with their
// current values: "Trösklar: minsta avvikelse 3 % av budgeten, …". The
// keys are for the command line; a reader sees words.
func (e *engine) thresholds(keys ...string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = SettingValue(e.l, k, e.settingText(k))
	}
	return e.l.T("gaps.thresholds", strings.Join(parts, ", "))
}

// settingText is a setting's value as a reader sees it ("2,5", "medel").
func (e *engine) settingText(key string) string {
	d, _ := data.SettingDefFor(key)
	if d.Kind == data.KindSeverity {
		return e.l.Severity(e.f.set.Severity(key))
	}
	return lang.Value(e.f.set.Float(key))
}

func num(f float64) string { return lang.Value(f) }

func ptrF(f float64) *float64        { return &f }
func ptrM(m data.Money) *data.Money  { return &m }
func nan() float64                   { return math.NaN() }
func joinList(parts []string) string { return strings.Join(parts, "; ") }

// plusInt writes a change with its sign: "+3".
func plusInt(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// pct is part/whole in per cent of |whole|, NaN without a whole.
func pct(part, whole data.Money) float64 {
	if whole == 0 {
		return math.NaN()
	}
	return float64(part) / math.Abs(float64(whole)) * 100
}

// measureName is a measure's name in the user's language. A series has
// one name on every screen, whatever a unit called it that period.
func (e *engine) measureName(r measureRow) string { return e.l.Measure(r.def) }

func (e *engine) base(kind string, sc data.Scope, p data.Period) Evidence {
	ev := Evidence{Kind: kind, AreaID: sc.AreaID, UnitID: sc.UnitID, Period: p}
	ev.Area, ev.Unit = e.f.names(sc)
	return ev
}

// evIndicator is an indicator row of P.
func (e *engine) evIndicator(r measureRow) Evidence {
	ev := e.base(KindIndicator, r.scope, r.period)
	ev.Label = e.measureName(r)
	ev.MeasureID, ev.MeasureKey = r.def.ID, r.def.Key
	ev.Number, ev.Target = ptrF(r.value), r.target
	ev.Direction, ev.Status = r.dir, r.status
	target := "–"
	if r.target != nil {
		target = num(*r.target)
	}
	ev.Value = e.l.T("gaps.ev.indicator", num(r.value), target, e.l.Status(r.status))
	return ev
}

// evMeasure is a measure value, with an earlier value when given.
func (e *engine) evMeasure(r measureRow, prev *measureRow) Evidence {
	ev := e.base(KindMeasure, r.scope, r.period)
	ev.Label = e.measureName(r)
	ev.MeasureID, ev.MeasureKey = r.def.ID, r.def.Key
	ev.Number = ptrF(r.value)
	ev.Value = num(r.value)
	if prev != nil {
		ev.Previous, ev.PreviousPeriod = ptrF(prev.value), prev.period
		ev.Value = e.l.T("gaps.ev.measure_prev", num(r.value), num(prev.value), e.l.PeriodShort(prev.period))
	}
	return ev
}

// evNarrative is a narrative (its title, type and severity).
func (e *engine) evNarrative(n data.Narrative) Evidence {
	ev := e.base(KindNarrative, n.Scope, n.Period)
	ev.Label = n.Title
	ev.NarrativeID = n.ID
	ev.NarrativeType, ev.Severity, ev.About = n.Type, n.Severity, n.About
	ev.Value = e.l.T("gaps.ev.narrative", e.l.NarrativeType(n.Type), e.l.Severity(n.Severity))
	return ev
}

// evBudget is a konto line (acc empty: the total) of a scope, year to date.
func (e *engine) evBudget(sc data.Scope, acc data.Account, b budgetLine) Evidence {
	ev := e.base(KindBudget, sc, e.f.p)
	ev.Account = acc
	name := e.l.T("gaps.ev.budget_total")
	if acc != "" {
		name = e.l.Account(acc)
	}
	ev.Label = e.l.T("gaps.ev.budget_label", name, e.ytd())
	ev.From = e.f.p.YearStart()
	ev.Budget, ev.Outcome, ev.Deviation = ptrM(b.budget), ptrM(b.outcome), ptrM(b.deviation())
	p := pct(b.deviation(), b.budget)
	if !math.IsNaN(p) {
		ev.DeviationPct = ptrF(math.Round(p*10) / 10)
	}
	ev.Value = e.l.T("gaps.ev.budget", lang.TkrNumber(b.budget), lang.TkrNumber(b.outcome),
		lang.SignedTkr(b.deviation()), lang.SignedPercent(p, 1))
	return ev
}

// evPlacement is ongoing placements of a kind (empty: all kinds) now and a
// year earlier.
func (e *engine) evPlacement(sc data.Scope, kind data.PlacementKind, c placementCount) Evidence {
	ev := e.base(KindPlacement, sc, e.f.p)
	ev.PlacementKind = kind
	ev.Label = e.l.T("gaps.ev.placement_total")
	if kind != "" {
		ev.Label = e.l.Kind(kind)
	}
	if c.hasNow {
		ev.Number = ptrF(float64(c.now))
	}
	ev.PreviousPeriod = e.f.p.Add(-12)
	if c.hasAgo {
		ev.Previous = ptrF(float64(c.ago))
	}
	now, ago := "–", "–"
	if c.hasNow {
		now = strconv.Itoa(c.now)
	}
	if c.hasAgo {
		ago = strconv.Itoa(c.ago)
	}
	ev.Value = e.l.T("gaps.ev.placement", now, ago)
	return ev
}

// narrativeItem is a narrative in a sentence; where is added when the
// narrative belongs elsewhere than the gap's scope.
func (e *engine) narrativeItem(n data.Narrative, gap data.Scope) string {
	t, sev, per := e.l.NarrativeType(n.Type), e.l.Severity(n.Severity), e.l.PeriodShort(n.Period)
	if n.UnitID == gap.UnitID {
		return e.l.T("gaps.narrative_item", t, n.Title, sev, per)
	}
	where := e.f.unitName[n.UnitID]
	if n.UnitID == 0 {
		where = e.l.T("gaps.where.area")
	}
	return e.l.T("gaps.narrative_item_where", t, n.Title, sev, per, where)
}

// indicatorItem is an indicator in a sentence: "Name (72, mål 60)", with
// its unit when it is not the gap's own.
func (e *engine) indicatorItem(r measureRow, gap data.Scope) string {
	target := "–"
	if r.target != nil {
		target = num(*r.target)
	}
	s := e.l.T("gaps.indicator_item", e.measureName(r), num(r.value), target)
	if r.scope.UnitID != gap.UnitID {
		if r.scope.UnitID == 0 {
			return s + " – " + e.l.T("gaps.where.area")
		}
		return s + " – " + e.f.unitName[r.scope.UnitID]
	}
	return s
}

// sortedAccounts lists konton in report order, then others by name.
func sortedAccounts[V any](m map[data.Account]V) []data.Account {
	return slices.SortedFunc(maps.Keys(m), data.CompareAccounts)
}

// sortedKinds lists placement kinds in display order, then others by name.
func sortedKinds[V any](m map[data.PlacementKind]V) []data.PlacementKind {
	return slices.SortedFunc(maps.Keys(m), data.ComparePlacementKinds)
}

// maxSeverity is the highest severity of narratives.
func maxSeverity(ns []data.Narrative) data.Severity {
	best := data.SeverityLow
	for _, n := range ns {
		if n.Severity.Rank() > best.Rank() {
			best = n.Severity
		}
	}
	return best
}

// mostSevere is the newest of the most severe narratives (ns is newest first).
func mostSevere(ns []data.Narrative) data.Narrative {
	best := ns[0]
	for _, n := range ns[1:] {
		if n.Severity.Rank() > best.Severity.Rank() {
			best = n
		}
	}
	return best
}
