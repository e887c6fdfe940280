// Package gaps finds the quality gaps of data/gaps/RULES.md: places where the figures a
// committee usually sees (green dots, a budget in balance) and what else is
// known (narratives, volumes, legal deadlines, the staff situation) disagree,
// or where nothing at all is said.
//
// Compute loads one period's facts in a handful of set-based queries
// (load.go), runs every rule over every area and unit (rules_*.go), and
// returns the gaps with their texts (messages.go, explain.go) and evidence.
// The README explains each rule to a chair, in Swedish and English.
package gaps

import (
	"context"
	"sort"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Rule ids. Once published, a rule id keeps its meaning.
const (
	RuleGreenWithShortfall   = "green_with_shortfall"
	RuleStatusContradiction  = "status_contradiction"
	RuleDeadlineBreach       = "deadline_breach"
	RuleUnexplainedDeviation = "unexplained_deviation"
	RuleBalanceByVacancy     = "balance_by_vacancy"
	RulePlacementSurge       = "placement_surge"
	RuleSilence              = "silence"
)

// Rules lists the rule ids in data/gaps/RULES.md's order, which is also the last
// sort key of a result's gaps.
var Rules = []string{
	RuleGreenWithShortfall, RuleStatusContradiction, RuleDeadlineBreach,
	RuleUnexplainedDeviation, RuleBalanceByVacancy, RulePlacementSurge, RuleSilence,
	RuleKoladaOutlier,
}

// Evidence kinds.
const (
	KindIndicator = "indicator"
	KindNarrative = "narrative"
	KindBudget    = "budget"
	KindPlacement = "placement"
	KindMeasure   = "measure"
)

// Evidence is one fact that made a rule fire, or that a reader needs next to
// it: an indicator row, a narrative, a budget line, a placement count or a
// measure value, with where and when it belongs.
type Evidence struct {
	Kind           string // KindIndicator, KindNarrative, KindBudget, KindPlacement, KindMeasure
	AreaID, UnitID int64  // UnitID 0: area level (or, for area sums, the area as a whole)
	Area, Unit     string
	Period         data.Period // the month of the row; for budget lines the last month of YTD
	Label          string      // what it is, in the user's language
	Value          string      // the figure as shown, or a narrative's type and severity

	// References for highlighting in the board's panes (zero when not applicable).
	NarrativeID   int64
	MeasureID     int64
	Account       data.Account       // budget: the konto; empty on the total line
	PlacementKind data.PlacementKind // placement: the insats; empty on the total

	// Raw figures, for JSON and for screens that format on their own.
	MeasureKey     string         // indicator, measure
	Number         *float64       // indicator/measure value; placements ongoing in Period
	Target         *float64       // indicator target
	Direction      data.Direction // indicator direction (the row's, else the measure's)
	Status         data.Status    // indicator status as reported
	Expected       data.Status    // status_contradiction: the status the value earns
	Previous       *float64       // measure: value at PreviousPeriod; placements: a year earlier
	PreviousPeriod data.Period
	From           data.Period // budget: first month of year to date
	Budget         *data.Money // budget: YTD budget of months with outcome
	Outcome        *data.Money // budget: YTD outcome
	Deviation      *data.Money // budget: budget − outcome, positive is under budget
	DeviationPct   *float64    // budget: deviation as % of |budget|; nil without budget
	NarrativeType  data.NarrativeType
	Severity       data.Severity // narrative severity
	About          string        // narrative: konto or measure key it concerns
}

// Gap is one quality gap.
type Gap struct {
	Rule               string
	AreaID, UnitID     int64
	Area, Unit         string // Unit "" for an area-level gap
	Severity           data.Severity
	Title, Explanation string // in the language given to Compute
	Evidence           []Evidence

	areaOrder, unitOrder int // for sorting: positions in the area list
}

// Scope is the gap's area or unit.
func (g Gap) Scope() data.Scope { return data.Scope{AreaID: g.AreaID, UnitID: g.UnitID} }

// Result is every gap of one period.
type Result struct {
	Municipality string
	Kommunkod    string // SCB's code, "" until given
	Period       data.Period
	Settings     data.Settings
	// Outcome tells whether Period has budget outcome yet, and the latest
	// month up to Period that has: without it the budget rules have
	// nothing to test, and "no gaps" would read as "all clear".
	Outcome data.OutcomeStatus
	// Gaps sorted by severity (hog first), then area order, then unit order
	// (the area's own gaps before its units'), then rule (data/gaps/RULES.md order).
	Gaps []Gap
}

// ForScope returns the gaps of an area (its own and all its units'), of
// an area-wide scope (the area's own gaps), or of one unit (only the
// unit's own). The zero scope returns every gap.
func (r Result) ForScope(sc data.Scope) []Gap {
	var out []Gap
	for _, g := range r.Gaps {
		switch {
		case sc.AreaID == 0,
			sc.IsArea() && g.AreaID == sc.AreaID,
			sc.IsAreaWide() && g.AreaID == sc.AreaID && g.UnitID == 0,
			!sc.IsArea() && g.AreaID == sc.AreaID && g.UnitID == sc.UnitID:
			out = append(out, g)
		}
	}
	return out
}

// Counts counts ForScope's gaps by severity.
func (r Result) Counts(sc data.Scope) map[data.Severity]int {
	out := map[data.Severity]int{}
	for _, g := range r.ForScope(sc) {
		out[g.Severity]++
	}
	return out
}

// Compute evaluates every rule over every area and unit for period p. A
// zero p means the store's default period (the latest month with outcome).
// Texts are written in language l.
func Compute(ctx context.Context, s *data.Store, p data.Period, l lang.Lang) (Result, error) {
	if p.IsZero() {
		cov, err := s.Coverage(ctx)
		if err != nil {
			return Result{}, err
		}
		p = cov.DefaultPeriod()
	}
	f, err := load(ctx, s, p)
	if err != nil {
		return Result{}, err
	}
	res := Result{Municipality: f.muni.Name, Kommunkod: f.muni.Kommunkod, Period: p, Settings: f.set}
	if p.IsZero() { // an empty database
		return res, nil
	}
	if res.Outcome, err = s.OutcomeStatus(ctx, p); err != nil {
		return Result{}, err
	}
	kf, err := loadKolada(ctx, s, f)
	if err != nil {
		return Result{}, err
	}
	e := &engine{f: f, l: l}
	e.greenWithShortfall()
	e.statusContradiction()
	e.deadlineBreach()
	e.unexplainedDeviation()
	e.balanceByVacancy()
	e.placementSurge()
	e.silence()
	e.koladaOutlier(kf)
	res.Gaps = e.gaps
	sortGaps(res.Gaps)
	return res, nil
}

// engine collects the gaps of one Compute.
type engine struct {
	f    *facts
	l    lang.Lang
	gaps []Gap
}

func (e *engine) add(rule string, sc data.Scope, sev data.Severity, title, expl string, ev []Evidence) {
	g := Gap{Rule: rule, AreaID: sc.AreaID, UnitID: sc.UnitID, Severity: sev, Title: title, Explanation: expl, Evidence: ev}
	g.Area, g.Unit = e.f.names(sc)
	g.areaOrder, g.unitOrder = e.f.order(sc)
	e.gaps = append(e.gaps, g)
}

func ruleRank(rule string) int {
	for i, r := range Rules {
		if r == rule {
			return i
		}
	}
	return len(Rules)
}

func sortGaps(gs []Gap) {
	sort.SliceStable(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() > b.Severity.Rank()
		}
		if a.areaOrder != b.areaOrder {
			return a.areaOrder < b.areaOrder
		}
		if a.unitOrder != b.unitOrder {
			return a.unitOrder < b.unitOrder
		}
		return ruleRank(a.Rule) < ruleRank(b.Rule)
	})
}
