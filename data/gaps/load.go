package gaps

import (
	"context"
	"sort"

	"github.com/beredning/beredning/data"
)

// facts are one period's rows as the store's GapFacts reads them (year to
// date for the budget, P and P−12 for placements, the recent window for
// measures and narratives), indexed for the rules. Rows are kept by the scope they were stored
// under: Scope{AreaID, 0} is a row about the area as a whole.
type facts struct {
	p, from data.Period // the month under review and the first recent month
	recent  int         // recent_months
	set     data.Settings
	muni    data.Municipality
	areas   []data.AreaSummary

	areaPos  map[int64]int    // position in the area list
	unitPos  map[int64]int    // position in its area's unit list, from 1
	unitName map[int64]string // by unit id

	// areaBudget is per area (its own rows and all its units') and konto;
	// staffBudget the personal konto per stored scope.
	areaBudget  map[int64]map[data.Account]*budgetLine
	staffBudget map[data.Scope]*budgetLine
	placements  map[data.Scope]map[data.PlacementKind]*placementCount
	inP         []measureRow                              // every measure value of P
	overdue     map[data.Scope]map[data.Period]measureRow // utredningar_over_4_man in the recent window
	narratives  []data.Narrative                          // the recent window, newest first
	lastBefore  map[int64]data.Narrative                  // per area: the latest narrative before the window
	byScopeKey  map[data.Scope]map[string]measureRow      // P values by scope and measure key
}

// budgetLine is one konto of one stored scope, year to date: only months
// with outcome count, so budget and outcome compare like for like.
type budgetLine struct {
	budget, outcome data.Money
	months          int  // months with outcome, January–P
	inP             bool // P itself has outcome
}

func (b *budgetLine) add(o *budgetLine) {
	b.budget += o.budget
	b.outcome += o.outcome
	b.months = max(b.months, o.months)
	b.inP = b.inP || o.inP
}

func (b budgetLine) deviation() data.Money { return b.budget - b.outcome }

// placementCount is ongoing placements at the end of P and of P−12.
type placementCount struct {
	now, ago       int
	hasNow, hasAgo bool
}

func (c *placementCount) add(o *placementCount) {
	c.now += o.now
	c.ago += o.ago
	c.hasNow = c.hasNow || o.hasNow
	c.hasAgo = c.hasAgo || o.hasAgo
}

// measureRow is one stored measure value with its measure's definition.
type measureRow struct {
	scope    data.Scope
	period   data.Period
	def      data.MeasureDef
	reported string // the name the unit used
	value    float64
	target   *float64
	dir      data.Direction // the row's, else the measure's
	status   data.Status
}

func (m measureRow) isIndicator() bool { return m.target != nil }

func load(ctx context.Context, s *data.Store, p data.Period) (*facts, error) {
	f := &facts{p: p, areaPos: map[int64]int{}, unitPos: map[int64]int{}, unitName: map[int64]string{},
		areaBudget: map[int64]map[data.Account]*budgetLine{}, staffBudget: map[data.Scope]*budgetLine{},
		placements: map[data.Scope]map[data.PlacementKind]*placementCount{},
		overdue:    map[data.Scope]map[data.Period]measureRow{}, lastBefore: map[int64]data.Narrative{},
		byScopeKey: map[data.Scope]map[string]measureRow{}}
	var err error
	if f.muni, err = s.Municipality(ctx); err != nil {
		return nil, err
	}
	if f.set, err = s.Settings(ctx); err != nil {
		return nil, err
	}
	f.recent = max(f.set.Int(data.SettingRecentMonths), 1)
	f.from = p.Recent(f.recent)
	if f.areas, err = s.Areas(ctx); err != nil {
		return nil, err
	}
	for i, a := range f.areas {
		f.areaPos[a.ID] = i
		for j, u := range a.Units {
			f.unitPos[u.ID] = j + 1
			f.unitName[u.ID] = u.Name
		}
	}
	if p.IsZero() {
		return f, nil
	}
	gf, err := s.GapFacts(ctx, p, f.from)
	if err != nil {
		return nil, err
	}
	f.addBudget(gf)
	f.addPlacements(gf.Placements)
	f.addMeasures(gf.Measures)
	f.addNarratives(gf.Narratives)
	return f, nil
}

func (f *facts) addBudget(gf data.GapFacts) {
	for _, l := range gf.AreaBudget {
		if f.areaBudget[l.AreaID] == nil {
			f.areaBudget[l.AreaID] = map[data.Account]*budgetLine{}
		}
		f.areaBudget[l.AreaID][l.Account] = &budgetLine{budget: l.Budget, outcome: l.Outcome, months: l.Rows, inP: l.InP}
	}
	for _, l := range gf.StaffBudget {
		f.staffBudget[l.Scope] = &budgetLine{budget: l.Budget, outcome: l.Outcome, months: l.Rows, inP: l.InP}
	}
}

func (f *facts) addPlacements(rows []data.GapPlacement) {
	for _, r := range rows {
		if f.placements[r.Scope] == nil {
			f.placements[r.Scope] = map[data.PlacementKind]*placementCount{}
		}
		c := f.placements[r.Scope][r.Kind]
		if c == nil {
			c = &placementCount{}
			f.placements[r.Scope][r.Kind] = c
		}
		if r.Period == f.p {
			c.now, c.hasNow = r.Ongoing, true
		} else {
			c.ago, c.hasAgo = r.Ongoing, true
		}
	}
}

func (f *facts) addMeasures(rows []data.GapMeasure) {
	for _, m := range rows {
		r := measureRow{scope: m.Scope, period: m.Period, def: m.Def, reported: m.Reported, value: m.Value,
			target: m.Target, dir: m.Direction, status: m.Status}
		if r.def.Key == data.MeasureInvOverdue {
			if f.overdue[r.scope] == nil {
				f.overdue[r.scope] = map[data.Period]measureRow{}
			}
			f.overdue[r.scope][r.period] = r
		}
		if r.period == f.p {
			f.inP = append(f.inP, r)
			if f.byScopeKey[r.scope] == nil {
				f.byScopeKey[r.scope] = map[string]measureRow{}
			}
			f.byScopeKey[r.scope][r.def.Key] = r
		}
	}
}

// addNarratives keeps the recent window, newest first (within a month the
// most severe first, then the latest written), and per area the latest
// narrative before it.
func (f *facts) addNarratives(all []data.Narrative) {
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Period != b.Period {
			return a.Period > b.Period
		}
		return a.Severity.Rank() > b.Severity.Rank()
	})
	for _, n := range all {
		if n.Period >= f.from {
			f.narratives = append(f.narratives, n)
		} else if _, seen := f.lastBefore[n.AreaID]; !seen {
			f.lastBefore[n.AreaID] = n
		}
	}
}

// names returns the area's and unit's names of a scope.
func (f *facts) names(sc data.Scope) (area, unit string) {
	if i, ok := f.areaPos[sc.AreaID]; ok {
		area = f.areas[i].Name
	}
	return area, f.unitName[sc.UnitID]
}

// order returns the scope's position for sorting: area, then its own rows
// (0) before its units (1, 2, …).
func (f *facts) order(sc data.Scope) (int, int) { return f.areaPos[sc.AreaID], f.unitPos[sc.UnitID] }

// scopes lists every area-level scope and unit scope in display order.
func (f *facts) scopes() []data.Scope {
	var out []data.Scope
	for _, a := range f.areas {
		out = append(out, data.Scope{AreaID: a.ID})
		for _, u := range a.Units {
			out = append(out, data.Scope{AreaID: a.ID, UnitID: u.ID})
		}
	}
	return out
}

// unitsOf lists an area's unit scopes.
func (f *facts) unitsOf(areaID int64) []data.Scope {
	var out []data.Scope
	if i, ok := f.areaPos[areaID]; ok {
		for _, u := range f.areas[i].Units {
			out = append(out, data.Scope{AreaID: areaID, UnitID: u.ID})
		}
	}
	return out
}

// budgetOf is the budget of a rule's scope by konto, year to date: an
// area's own rows and all its units' together by konto; for a unit its
// personal konto, the only line a rule judges a unit by. Not to be changed.
func (f *facts) budgetOf(sc data.Scope) map[data.Account]*budgetLine {
	if sc.IsArea() {
		return f.areaBudget[sc.AreaID]
	}
	if l := f.staffBudget[sc]; l != nil {
		return map[data.Account]*budgetLine{data.AccountStaff: l}
	}
	return nil
}

// placementsOf is ongoing placements by kind for a rule's scope, summed
// like budgetOf.
func (f *facts) placementsOf(sc data.Scope) map[data.PlacementKind]*placementCount {
	out := map[data.PlacementKind]*placementCount{}
	add := func(src data.Scope) {
		for k, c := range f.placements[src] {
			if out[k] == nil {
				out[k] = &placementCount{}
			}
			out[k].add(c)
		}
	}
	add(sc)
	if sc.IsArea() {
		for _, u := range f.unitsOf(sc.AreaID) {
			add(u)
		}
	}
	return out
}

// narrativesFor is what counts as said "for" a scope in the recent window:
// for a unit its own and its area's narratives, for an area its own and
// all its units'. Newest first.
func (f *facts) narrativesFor(sc data.Scope) []data.Narrative {
	var out []data.Narrative
	for _, n := range f.narratives {
		if n.AreaID != sc.AreaID {
			continue
		}
		if sc.IsArea() || n.UnitID == 0 || n.UnitID == sc.UnitID {
			out = append(out, n)
		}
	}
	return out
}

// staffValue is a staff measure in P as it applies to a scope: a unit's own
// value, else its area's (area-level rows count for every unit); an area's
// own value, else its units' aggregate (sum or mean by the measure), as the
// detail screen shows it. The rows used are returned as evidence.
func (f *facts) staffValue(sc data.Scope, key string) (float64, []measureRow, bool) {
	if r, ok := f.byScopeKey[sc][key]; ok {
		return r.value, []measureRow{r}, true
	}
	if !sc.IsArea() {
		r, ok := f.byScopeKey[data.Scope{AreaID: sc.AreaID}][key]
		return r.value, []measureRow{r}, ok
	}
	var rows []measureRow
	var sum float64
	for _, u := range f.unitsOf(sc.AreaID) {
		if r, ok := f.byScopeKey[u][key]; ok {
			rows = append(rows, r)
			sum += r.value
		}
	}
	if len(rows) == 0 {
		return 0, nil, false
	}
	if rows[0].def.Aggregation == data.AggregateMean {
		sum /= float64(len(rows))
	}
	return sum, rows, true
}
