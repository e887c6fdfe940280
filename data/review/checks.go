package review

import (
	"context"
	"math"
	"slices"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/pnr"
)

// Check ids: stable, in the order a report lists them.
const (
	CheckComplete   = "complete"
	CheckExplained  = "explained"
	CheckConsistent = "consistent"
	CheckPlausible  = "plausible"
	CheckOnTime     = "on_time"
	CheckNoPNR      = "no_pnr"
)

// CheckIDs in display order.
var CheckIDs = []string{CheckComplete, CheckExplained, CheckConsistent, CheckPlausible, CheckOnTime, CheckNoPNR}

// Result is a check's verdict.
type Result string

const (
	ResultOK      Result = "ok"
	ResultRemark  Result = "anmarkning" // something for the controller to look at
	ResultMissing Result = "saknas"     // something the report lacks; approving needs a comment
)

// RowRef points at a row of the report: a konto, an insats, a measure or
// indicator (by key), or a narrative (by title). Kind is one of data's
// Target kinds, so a comment can be made on it.
type RowRef struct {
	Kind  string
	Key   string
	Label string // in the user's language
}

// Check is one check of a report.
type Check struct {
	ID     string
	Result Result
	Text   string // one line, in the user's language, quoting the figures
	Rows   []RowRef
}

// Summary counts checks by result.
type Summary struct{ OK, Remarks, Missing int }

// Summarise counts checks by result.
func Summarise(cs []Check) Summary {
	var s Summary
	for _, c := range cs {
		switch c.Result {
		case ResultOK:
			s.OK++
		case ResultRemark:
			s.Remarks++
		case ResultMissing:
			s.Missing++
		}
	}
	return s
}

// inputs are one report's rows, read through the store's query functions.
type inputs struct {
	scope    data.Scope
	detail   data.Detail // P, with 13 months of history
	prior    []data.Account
	month    []data.MonthBudget // P's konto rows
	names    map[int64]map[data.Period]string
	own      []data.Narrative // the unit's own narratives of P
	measures map[int64]string // measure names by id, for measures missing in P
}

const historyMonths = 13 // P and the twelve months before

// loadInputs reads one report's rows: only that unit's.
func loadInputs(ctx context.Context, s *data.Store, st data.ReportState, p data.Period) (*inputs, error) {
	sc := data.Scope{AreaID: st.AreaID, UnitID: st.UnitID}
	d, err := s.Detail(ctx, sc, p, detailOptions)
	if err != nil {
		return nil, err
	}
	rows := &data.UnitReportRows{}
	if rows.PriorYear, err = s.PriorYearAccounts(ctx, sc, p); err != nil {
		return nil, err
	}
	if rows.Month, err = s.MonthBudgets(ctx, sc, p); err != nil {
		return nil, err
	}
	names, err := s.ReportedNames(ctx, sc, p.Add(-historyMonths+1), p)
	if err != nil {
		return nil, err
	}
	return newInputs(st, p, d, rows, names), nil
}

// loadAllInputs reads every listed report's rows in one set-based load
// for the period (a query per kind of fact, for all units together).
func loadAllInputs(ctx context.Context, s *data.Store, states []data.ReportState, p data.Period) (map[int64]*inputs, error) {
	units := make([]data.Scope, len(states))
	for i, st := range states {
		units[i] = data.Scope{AreaID: st.AreaID, UnitID: st.UnitID}
	}
	details, err := s.UnitDetails(ctx, units, p, detailOptions)
	if err != nil {
		return nil, err
	}
	rows, err := s.UnitReportRowsOf(ctx, units, p)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*inputs, len(states))
	for _, st := range states {
		d := details[st.UnitID]
		out[st.UnitID] = newInputs(st, p, d.Detail, rows[st.UnitID], d.Names)
	}
	return out, nil
}

var detailOptions = data.DetailOptions{HistoryMonths: historyMonths, NarrativeMonths: 1}

// newInputs: names are the unit's reported names over the detail's
// history (historyMonths, ending in p).
func newInputs(st data.ReportState, p data.Period, d data.Detail, rows *data.UnitReportRows, names map[int64]map[data.Period]string) *inputs {
	in := &inputs{scope: data.Scope{AreaID: st.AreaID, UnitID: st.UnitID}, detail: d, prior: rows.PriorYear, month: rows.Month,
		names: names, measures: map[int64]string{}}
	for _, n := range in.detail.Narratives {
		if n.UnitID == st.UnitID && n.Period == p {
			in.own = append(in.own, n.Narrative)
		}
	}
	for _, m := range in.detail.Measures {
		in.measures[m.ID] = m.Name
	}
	for _, m := range in.detail.Indicators {
		in.measures[m.ID] = m.Name
	}
	return in
}

func (pd *period) checks(it Item, in *inputs) []Check {
	return []Check{
		pd.complete(in),
		pd.explained(in),
		pd.consistent(in),
		pd.plausible(in),
		pd.onTime(it),
		pd.noPNR(in),
	}
}

func verdict(id string, bad Result, items []string, rows []RowRef, okText, badText string) Check {
	if len(items) == 0 {
		return Check{ID: id, Result: ResultOK, Text: okText}
	}
	return Check{ID: id, Result: bad, Text: badText + strings.Join(items, "; "), Rows: rows}
}

// complete: budget rows for every konto the unit had the year before, with
// outcome; placements when the unit places; the measures it reported last
// period; indicators with both value and status.
func (pd *period) complete(in *inputs) Check {
	l := pd.l
	var items []string
	var rows []RowRef
	inP := map[data.Account]data.MonthBudget{}
	for _, m := range in.month {
		inP[m.Account] = m
	}
	prior := slices.Clone(in.prior)
	slices.SortFunc(prior, data.CompareAccounts)
	for _, a := range prior {
		m, ok := inP[a]
		switch {
		case !ok:
			items = append(items, l.T("review.complete.no_budget", l.Account(a), pd.p.Year()-1))
		case m.Outcome == nil:
			items = append(items, l.T("review.complete.no_outcome", l.Account(a), l.PeriodShort(pd.p)))
		default:
			continue
		}
		rows = append(rows, RowRef{data.TargetBudget, string(a), l.Account(a)})
	}
	total := in.detail.Total24.History
	if _, ok := total.Last(); !ok {
		if prev, ok := total.At(1); ok && prev > 0 {
			items = append(items, l.T("review.complete.no_placements", lang.Value(prev), l.PeriodShort(pd.p.Add(-1))))
			rows = append(rows, RowRef{Kind: data.TargetPlacement, Label: l.T("review.row.placements")})
		}
	}
	prevP := pd.p.Add(-1)
	var missing []string
	for id, byPer := range in.names {
		if _, had := byPer[prevP]; !had {
			continue
		}
		if _, has := byPer[pd.p]; has {
			continue
		}
		name := in.measures[id]
		if name == "" {
			name = byPer[prevP]
		}
		missing = append(missing, name)
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		items = append(items, l.T("review.complete.no_measures", l.PeriodShort(prevP), strings.Join(missing, ", ")))
		for _, m := range missing {
			rows = append(rows, RowRef{Kind: data.TargetMeasure, Label: m})
		}
	}
	for _, ind := range in.detail.Indicators {
		if ind.UnitID == in.scope.UnitID && ind.Status == data.StatusNone {
			items = append(items, l.T("review.complete.no_status", l.Measure(ind.MeasureDef), lang.Value(ind.Value)))
			rows = append(rows, RowRef{data.TargetIndicator, ind.Key, l.Measure(ind.MeasureDef)})
		}
	}
	return verdict(CheckComplete, ResultMissing, items, rows,
		l.T("review.complete.ok", len(in.month), len(in.detail.Measures), len(in.detail.Indicators)), l.T("review.missing"))
}

// explained: a deviation beyond the unexplained_deviation threshold, a
// non-green indicator, or a quality gap on the unit, each with a
// narrative of the unit's own that period.
func (pd *period) explained(in *inputs) Check {
	l := pd.l
	var items []string
	var rows []RowRef
	explaining, any := false, len(in.own) > 0
	for _, n := range in.own {
		explaining = explaining || n.Type.Explains()
	}
	if !explaining {
		for _, b := range in.detail.Budget {
			if b.MonthsWithOutcome > 0 && gaps.DeviationCrosses(pd.set, b.Deviation(), b.BudgetYTD) {
				items = append(items, l.T("review.explained.deviation", l.Account(b.Account), lang.SignedTkr(b.Deviation()),
					lang.SignedPercent(b.DeviationPct(), 1)))
				rows = append(rows, RowRef{data.TargetBudget, string(b.Account), l.Account(b.Account)})
			}
		}
	}
	if !any {
		for _, ind := range in.detail.Indicators {
			if ind.UnitID == in.scope.UnitID && ind.Status != data.StatusGreen && ind.Status != data.StatusNone {
				items = append(items, l.T("review.explained.indicator", l.Measure(ind.MeasureDef), l.Status(ind.Status), lang.Value(ind.Value), lang.Value(ind.Target)))
				rows = append(rows, RowRef{data.TargetIndicator, ind.Key, l.Measure(ind.MeasureDef)})
			}
		}
		// The unit's own gaps, and its area's: a unit that says nothing
		// while its area's gap stands leaves that gap unexplained too.
		for _, g := range pd.gaps.ForScope(in.scope) {
			items = append(items, l.T("review.explained.gap", gaps.RuleName(l, g.Rule), g.Title))
		}
		for _, g := range pd.gaps.ForScope(data.Scope{AreaID: in.scope.AreaID}) {
			if g.UnitID == 0 {
				items = append(items, l.T("review.explained.area_gap", gaps.RuleName(l, g.Rule), g.Title))
			}
		}
	}
	return verdict(CheckExplained, ResultRemark, items, rows, l.T("review.explained.ok", l.PeriodShort(pd.p)), l.T("review.unexplained"))
}

// consistent: the gap engine's status_contradiction on the unit; a cost
// konto whose year-to-date outcome falls from one month to the next; a
// forecast deviation and a year-to-date deviation of opposite signs
// without a narrative.
func (pd *period) consistent(in *inputs) Check {
	l := pd.l
	var items []string
	var rows []RowRef
	for _, g := range pd.gaps.ForScope(in.scope) {
		if g.Rule == gaps.RuleStatusContradiction {
			items = append(items, g.Title)
			for _, ev := range g.Evidence {
				if ev.Kind == gaps.KindIndicator {
					rows = append(rows, RowRef{data.TargetIndicator, ev.MeasureKey, ev.Label})
				}
			}
		}
	}
	if pd.p.Month() > 1 {
		ytd := map[data.Account]data.Money{} // outcome January–P
		for _, b := range in.detail.Budget {
			ytd[b.Account] = b.OutcomeYTD
		}
		for _, m := range in.month {
			if m.Account == data.AccountRevenue || m.Outcome == nil || *m.Outcome >= 0 {
				continue
			}
			// A negative month is the year to date falling.
			now := ytd[m.Account]
			items = append(items, l.T("review.consistent.ytd_falls", l.Account(m.Account), lang.TkrNumber(now-*m.Outcome),
				l.PeriodShort(pd.p.Add(-1)), lang.TkrNumber(now), l.PeriodShort(pd.p)))
			rows = append(rows, RowRef{data.TargetBudget, string(m.Account), l.Account(m.Account)})
		}
	}
	t := in.detail.Total
	if len(in.own) == 0 && t.HasForecast && t.MonthsWithOutcome > 0 {
		fd, yd := t.ForecastDeviation(), t.Deviation()
		if (fd > 0 && yd < 0) || (fd < 0 && yd > 0) {
			items = append(items, l.T("review.consistent.forecast", lang.SignedTkr(fd), lang.SignedTkr(yd)))
			rows = append(rows, RowRef{Kind: data.TargetBudget, Label: l.T("review.row.total")})
		}
	}
	return verdict(CheckConsistent, ResultRemark, items, rows, l.T("review.consistent.ok"), l.T("review.inconsistent"))
}

// plausible: a measure in P more than the threshold away from its mean
// over the last twelve months (and outside their usual spread), or a
// series that starts again at another level after months without values
// or under another name.
func (pd *period) plausible(in *inputs) Check {
	l := pd.l
	limit := pd.set.Float(data.SettingPlausiblePct)
	var items []string
	var rows []RowRef
	type series struct {
		def  data.MeasureDef
		hist data.Series
	}
	var all []series
	for _, m := range in.detail.Measures {
		all = append(all, series{m.MeasureDef, m.History})
	}
	for _, ind := range in.detail.Indicators {
		if ind.UnitID == in.scope.UnitID {
			all = append(all, series{ind.MeasureDef, ind.History})
		}
	}
	for _, m := range all {
		v, ok := m.hist.Last()
		if !ok {
			continue
		}
		var before []float64
		lastAt := -1 // months back of the latest earlier value
		for back := 1; back < len(m.hist); back++ {
			if x, ok := m.hist.At(back); ok {
				before = append(before, x)
				if lastAt < 0 {
					lastAt = back
				}
			}
		}
		if len(before) < 3 {
			continue
		}
		name := l.Measure(m.def)
		prevName, nowName := in.names[m.def.ID][pd.p.Add(-lastAt)], in.names[m.def.ID][pd.p]
		renamed := prevName != "" && nowName != "" && prevName != nowName
		prev := before[0]
		switch {
		case (lastAt > 1 || renamed) && beyond(v, prev, limit):
			if renamed {
				items = append(items, l.T("review.plausible.renamed", name, nowName, prevName, lang.Value(v), lang.Value(prev)))
			} else {
				items = append(items, l.T("review.plausible.restart", name, lang.Value(v), lastAt-1, lang.Value(prev)))
			}
		case jumps(v, before, limit):
			mean, _ := meanSD(before)
			items = append(items, l.T("review.plausible.jump", name, lang.Value(v), lang.SignedPercent((v-mean)/math.Abs(mean)*100, 0),
				lang.Value(math.Round(mean*10)/10), len(before)))
		default:
			continue
		}
		rows = append(rows, RowRef{data.TargetMeasure, m.def.Key, name})
	}
	return verdict(CheckPlausible, ResultRemark, items, rows, l.T("review.plausible.ok", lang.Percent(limit, 0)), l.T("review.implausible"))
}

// beyond: v differs from ref by more than pct % of |ref|.
func beyond(v, ref, pct float64) bool {
	if ref == 0 {
		return v != 0
	}
	return math.Abs(v-ref)*100 > pct*math.Abs(ref)
}

// jumps: v is more than pct % from the mean of before, and more than three
// standard deviations from it (a series that always moves a lot is not
// implausible for moving). A mean of zero has no percentage.
func jumps(v float64, before []float64, pct float64) bool {
	mean, sd := meanSD(before)
	if mean == 0 {
		return false
	}
	d := math.Abs(v - mean)
	return d*100 > pct*math.Abs(mean) && d > 3*sd
}

func meanSD(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}

// onTime: first submitted by the deadline; a report still waiting after
// it is missing.
func (pd *period) onTime(it Item) Check {
	l := pd.l
	due := l.Date(it.Deadline)
	c := Check{ID: CheckOnTime, Result: ResultOK}
	at, submitted := parseAt(it.FirstSubmittedAt)
	switch {
	case submitted && it.Late:
		days := int(math.Ceil(at.Sub(it.Deadline).Hours() / 24))
		c.Result, c.Text = ResultRemark, l.T("review.on_time.late", lang.DateTime(at), days, due)
	case submitted:
		c.Text = l.T("review.on_time.ok", lang.DateTime(at), due)
	case it.Status != data.ReportWaiting:
		c.Text = l.T("review.on_time.unknown", due)
	case it.Overdue:
		c.Result, c.Text = ResultMissing, l.T("review.on_time.overdue", due)
	default:
		c.Text = l.T("review.on_time.not_yet", due)
	}
	return c
}

// noPNR: no personnummer in any of the report's texts (the import refuses
// them; this shows the guard held).
func (pd *period) noPNR(in *inputs) Check {
	l := pd.l
	var items []string
	var rows []RowRef
	for _, n := range in.own {
		if pnr.Contains(n.Title) || pnr.Contains(n.Text) || pnr.Contains(n.Author) {
			title, _ := pnr.Mask(n.Title)
			items = append(items, "”"+title+"”")
			rows = append(rows, RowRef{data.TargetNarrative, n.Title, title})
		}
	}
	return verdict(CheckNoPNR, ResultMissing, items, rows, l.T("review.no_pnr.ok", len(in.own)), l.T("review.no_pnr.found"))
}
