package data

import (
	"context"
	"database/sql"
	"slices"
)

// BudgetLine is one konto (or the total) for a scope, year to date.
type BudgetLine struct {
	Account    Account // empty on the total line
	BudgetYTD  Money   // budget of the months that have outcome
	OutcomeYTD Money
	// MonthsWithOutcome counts the months Jan–P with outcome on this line;
	// OutcomeThrough is the latest of them (zero when none).
	MonthsWithOutcome int
	OutcomeThrough    Period
	AnnualBudget      Money
	// Forecast is the whole-year forecast as of P: each row's latest forecast
	// in the year up to P; parts that never forecast count at their budget.
	// HasForecast is false when no part has forecast at all.
	Forecast    Money
	HasForecast bool
}

// Deviation is budget − outcome, YTD: positive is under budget.
func (b BudgetLine) Deviation() Money { return b.BudgetYTD - b.OutcomeYTD }

// DeviationPct is the deviation as a share of the YTD budget.
func (b BudgetLine) DeviationPct() float64 { return Percent(b.Deviation(), b.BudgetYTD) }

// ForecastDeviation is annual budget − forecast: positive is under budget.
func (b BudgetLine) ForecastDeviation() Money { return b.AnnualBudget - b.Forecast }

// Point is one month of a series; Valid is false for a month without data.
type Point struct {
	Period Period
	Value  float64
	Valid  bool
}

// Series is a dense run of months ending in the period under review.
type Series []Point

// Last is the value in the last month of the series.
func (s Series) Last() (float64, bool) {
	if len(s) == 0 {
		return 0, false
	}
	p := s[len(s)-1]
	return p.Value, p.Valid
}

// At returns the value n months before the last (0: the last).
func (s Series) At(monthsBack int) (float64, bool) {
	i := len(s) - 1 - monthsBack
	if i < 0 || i >= len(s) {
		return 0, false
	}
	return s[i].Value, s[i].Valid
}

// PlacementSeries is the ongoing placements of one kind over time.
type PlacementSeries struct {
	Kind    PlacementKind // empty on the total
	History Series
	CostYTD Money
}

// MeasureSeries is a measure over time for the scope.
type MeasureSeries struct {
	MeasureDef
	History Series
}

// Indicator is one reported goal indicator ("dot") in P, with its history.
type Indicator struct {
	MeasureDef
	UnitID       int64 // 0: reported for the area as a whole
	UnitName     string
	ReportedName string
	Value        float64
	Target       float64
	Direction    Direction
	Status       Status
	History      Series // the values of this unit's series
}

// NarrativeItem is a narrative with the name of its unit.
type NarrativeItem struct {
	Narrative
	UnitName string
}

// Detail is everything the three panes show for one area or unit.
type Detail struct {
	Scope      Scope
	Period     Period
	Budget     []BudgetLine // known konton first, then others by name
	Total      BudgetLine
	Placements []PlacementSeries
	Total24    PlacementSeries // all kinds together
	Measures   []MeasureSeries
	Indicators []Indicator
	Narratives []NarrativeItem // newest first
}

// DetailOptions sets the windows of the detail's history.
type DetailOptions struct {
	HistoryMonths   int // months of series, ending in P (at least 24 is useful)
	NarrativeMonths int // months of narratives, ending in P
}

// DefaultDetailOptions: two years of history, narratives of the last six
// months (the gap rules look at three; the reader sees a little more).
var DefaultDetailOptions = DetailOptions{HistoryMonths: 24, NarrativeMonths: 6}

// scopeFilter is the SQL condition for rows of a scope: an area takes its
// own rows and all its units'; a unit only its own.
// alias is the table alias with its dot ("v."), or "".
func scopeFilter(sc Scope, alias string) (string, []any) {
	if sc.IsAreaWide() {
		return alias + `area_id = ? AND ` + alias + `unit_id IS NULL`, []any{sc.AreaID}
	}
	if sc.IsArea() {
		return alias + `area_id = ?`, []any{sc.AreaID}
	}
	return alias + `area_id = ? AND ` + alias + `unit_id = ?`, []any{sc.AreaID, sc.UnitID}
}

// Detail gathers the panes of one area or unit for period p, in four
// set-based queries (budget, placements, measures, narratives).
func (s *Store) Detail(ctx context.Context, sc Scope, p Period, opt DetailOptions) (Detail, error) {
	if opt.HistoryMonths < 1 {
		opt.HistoryMonths = DefaultDetailOptions.HistoryMonths
	}
	if opt.NarrativeMonths < 1 {
		opt.NarrativeMonths = DefaultDetailOptions.NarrativeMonths
	}
	d := Detail{Scope: sc, Period: p}
	var err error
	if d.Budget, d.Total, err = s.budgetLines(ctx, sc, p); err != nil {
		return d, err
	}
	if d.Placements, d.Total24, err = s.placementSeries(ctx, sc, p, opt.HistoryMonths); err != nil {
		return d, err
	}
	if d.Measures, d.Indicators, err = s.measureSeries(ctx, sc, p, opt.HistoryMonths); err != nil {
		return d, err
	}
	if d.Narratives, err = s.narratives(ctx, sc, p.Recent(opt.NarrativeMonths), p); err != nil {
		return d, err
	}
	return d, nil
}

func (s *Store) budgetLines(ctx context.Context, sc Scope, p Period) ([]BudgetLine, BudgetLine, error) {
	where, args := scopeFilter(sc, "")
	// Per stored row (unit and konto): YTD sums, the annual budget and the
	// latest forecast up to P; then summed per konto in Go.
	q := `WITH r AS (SELECT ifnull(unit_id, 0) AS u, account, period, budget, outcome, forecast
			FROM budget WHERE ` + where + ` AND period BETWEEN ? AND ?),
		last AS (SELECT u, account, max(period) AS period FROM r
			WHERE period <= ? AND forecast IS NOT NULL GROUP BY u, account)
		SELECT r.account,
			ifnull(sum(CASE WHEN r.period <= ? AND r.outcome IS NOT NULL THEN r.budget END), 0),
			ifnull(sum(CASE WHEN r.period <= ? THEN r.outcome END), 0),
			count(CASE WHEN r.period <= ? AND r.outcome IS NOT NULL THEN 1 END),
			max(CASE WHEN r.period <= ? AND r.outcome IS NOT NULL THEN r.period END),
			sum(r.budget),
			max(CASE WHEN r.period = last.period THEN r.forecast END)
		FROM r LEFT JOIN last ON last.u = r.u AND last.account = r.account
		GROUP BY r.u, r.account`
	args = append(args, p.YearStart(), p.YearEnd(), p, p, p, p, p)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, BudgetLine{}, err
	}
	defer rows.Close()
	byAccount := map[Account]*BudgetLine{}
	var months = map[Account]int{}
	for rows.Next() {
		var acc Account
		var b, o, annual Money
		var n int
		var through Period
		var fc sql.Null[Money]
		if err := rows.Scan(&acc, &b, &o, &n, &through, &annual, &fc); err != nil {
			return nil, BudgetLine{}, err
		}
		l := byAccount[acc]
		if l == nil {
			l = &BudgetLine{Account: acc}
			byAccount[acc] = l
		}
		l.BudgetYTD += b
		l.OutcomeYTD += o
		l.AnnualBudget += annual
		if n > months[acc] {
			months[acc] = n
		}
		l.OutcomeThrough = max(l.OutcomeThrough, through)
		if fc.Valid {
			l.Forecast += fc.V
			l.HasForecast = true
		} else {
			l.Forecast += annual
		}
	}
	if err := rows.Err(); err != nil {
		return nil, BudgetLine{}, err
	}
	lines := make([]BudgetLine, 0, len(byAccount))
	var total BudgetLine
	for acc, l := range byAccount {
		l.MonthsWithOutcome = months[acc]
		if !l.HasForecast {
			l.Forecast = 0
		}
		lines = append(lines, *l)
	}
	slices.SortFunc(lines, func(a, b BudgetLine) int { return CompareAccounts(a.Account, b.Account) })
	for _, l := range lines {
		total.BudgetYTD += l.BudgetYTD
		total.OutcomeYTD += l.OutcomeYTD
		total.AnnualBudget += l.AnnualBudget
		if l.HasForecast {
			total.Forecast += l.Forecast
			total.HasForecast = true
		} else {
			total.Forecast += l.AnnualBudget
		}
		if l.MonthsWithOutcome > total.MonthsWithOutcome {
			total.MonthsWithOutcome = l.MonthsWithOutcome
		}
		total.OutcomeThrough = max(total.OutcomeThrough, l.OutcomeThrough)
	}
	if !total.HasForecast {
		total.Forecast = 0
	}
	return lines, total, nil
}

func newSeries(p Period, months int) Series {
	s := make(Series, months)
	for i := range s {
		s[i].Period = p.Add(i - months + 1)
	}
	return s
}

func (s *Store) placementSeries(ctx context.Context, sc Scope, p Period, months int) ([]PlacementSeries, PlacementSeries, error) {
	where, args := scopeFilter(sc, "")
	from := p.Add(-months + 1)
	q := `SELECT kind, period, sum(ongoing), sum(CASE WHEN period >= ? THEN ifnull(cost, 0) ELSE 0 END)
		FROM placement WHERE ` + where + ` AND period BETWEEN ? AND ? GROUP BY kind, period`
	rows, err := s.db.QueryContext(ctx, q, append([]any{p.YearStart()}, append(args, from, p)...)...)
	if err != nil {
		return nil, PlacementSeries{}, err
	}
	defer rows.Close()
	byKind := map[PlacementKind]*PlacementSeries{}
	total := PlacementSeries{History: newSeries(p, months)}
	for rows.Next() {
		var k PlacementKind
		var per Period
		var n int
		var cost Money
		if err := rows.Scan(&k, &per, &n, &cost); err != nil {
			return nil, total, err
		}
		ps := byKind[k]
		if ps == nil {
			ps = &PlacementSeries{Kind: k, History: newSeries(p, months)}
			byKind[k] = ps
		}
		i := int(per - from)
		ps.History[i] = Point{Period: per, Value: float64(n), Valid: true}
		total.History[i].Value += float64(n)
		total.History[i].Valid = true
		if per <= p && per >= p.YearStart() {
			ps.CostYTD += cost
			total.CostYTD += cost
		}
	}
	if err := rows.Err(); err != nil {
		return nil, total, err
	}
	var out []PlacementSeries
	for _, k := range PlacementKinds {
		if ps := byKind[k]; ps != nil {
			out = append(out, *ps)
			delete(byKind, k)
		}
	}
	var others []PlacementSeries
	for _, ps := range byKind {
		others = append(others, *ps)
	}
	slices.SortFunc(others, func(a, b PlacementSeries) int { return ComparePlacementKinds(a.Kind, b.Kind) })
	return append(out, others...), total, nil
}

func (s *Store) measureSeries(ctx context.Context, sc Scope, p Period, months int) ([]MeasureSeries, []Indicator, error) {
	where, args := scopeFilter(sc, "v.")
	from := p.Add(-months + 1)
	q := `SELECT v.measure_id, m.key, ifnull(m.code, ''), m.name, m.name_en, m.direction, m.aggregation, m.known,
			ifnull(v.unit_id, 0), ifnull(u.name, ''), v.period, v.reported_name, v.value, v.target,
			ifnull(v.direction, ''), ifnull(v.status, '')
		FROM measure_value v JOIN measure m ON m.id = v.measure_id LEFT JOIN unit u ON u.id = v.unit_id
		WHERE ` + where + ` AND v.period BETWEEN ? AND ?
		ORDER BY m.sort, m.id, ifnull(u.sort, 0), ifnull(v.unit_id, 0), v.period`
	rows, err := s.db.QueryContext(ctx, q, append(args, from, p)...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()

	type acc struct {
		def     MeasureDef
		areaVal map[Period]float64   // area-level rows
		unitVal map[Period][]float64 // unit rows, to aggregate
		plain   bool                 // has a row without target
	}
	var order []int64
	measures := map[int64]*acc{}
	type indKey struct{ measure, unit int64 }
	type series struct {
		Indicator
		inP bool // the series is an indicator (has a target) in P
	}
	var indOrder []indKey
	inds := map[indKey]*series{}
	for rows.Next() {
		var def MeasureDef
		var unitID int64
		var unitName, reported, dir string
		var per Period
		var val float64
		var target sql.NullFloat64
		var status Status
		if err := rows.Scan(&def.ID, &def.Key, &def.Code, &def.Name, &def.NameEN, &def.Direction, &def.Aggregation, &def.Known,
			&unitID, &unitName, &per, &reported, &val, &target, &dir, &status); err != nil {
			return nil, nil, err
		}
		a := measures[def.ID]
		if a == nil {
			a = &acc{def: def, areaVal: map[Period]float64{}, unitVal: map[Period][]float64{}}
			measures[def.ID] = a
			order = append(order, def.ID)
		}
		if unitID == 0 {
			a.areaVal[per] = val
		} else {
			a.unitVal[per] = append(a.unitVal[per], val)
		}
		if !target.Valid {
			a.plain = true
		}
		// every row of a series that is an indicator in P feeds its history
		k := indKey{def.ID, unitID}
		ind := inds[k]
		if ind == nil {
			ind = &series{Indicator: Indicator{MeasureDef: def, UnitID: unitID, UnitName: unitName, History: newSeries(p, months)}}
			inds[k] = ind
			indOrder = append(indOrder, k)
		}
		ind.History[int(per-from)] = Point{Period: per, Value: val, Valid: true}
		if per == p && target.Valid {
			ind.ReportedName, ind.Value, ind.Target, ind.Status = reported, val, target.Float64, status
			ind.Direction, ind.inP = Direction(dir), true
			if ind.Direction == "" {
				ind.Direction = def.Direction
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	var plain []MeasureSeries
	for _, id := range order {
		a := measures[id]
		if !a.plain {
			continue
		}
		ms := MeasureSeries{MeasureDef: a.def, History: newSeries(p, months)}
		for i := range ms.History {
			per := ms.History[i].Period
			// an area's own figure wins over its units' aggregate
			if v, ok := a.areaVal[per]; ok {
				ms.History[i].Value, ms.History[i].Valid = v, true
			} else if vs := a.unitVal[per]; len(vs) > 0 {
				ms.History[i].Value, ms.History[i].Valid = aggregate(a.def.Aggregation, vs), true
			}
		}
		plain = append(plain, ms)
	}
	var indicators []Indicator
	for _, k := range indOrder {
		ind := inds[k]
		if ind.inP {
			indicators = append(indicators, ind.Indicator)
		}
	}
	return plain, indicators, nil
}

func aggregate(a Aggregation, vs []float64) float64 {
	var sum float64
	for _, v := range vs {
		sum += v
	}
	if a == AggregateMean {
		return sum / float64(len(vs))
	}
	return sum
}

func (s *Store) narratives(ctx context.Context, sc Scope, from, to Period) ([]NarrativeItem, error) {
	// a unit sees its own narratives and those about its area as a whole
	cond := `n.area_id = ?`
	args := []any{sc.AreaID}
	switch {
	case sc.IsAreaWide():
		cond = `n.area_id = ? AND n.unit_id IS NULL`
	case !sc.IsArea():
		cond = `n.area_id = ? AND (n.unit_id = ? OR n.unit_id IS NULL)`
		args = append(args, sc.UnitID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.area_id, ifnull(n.unit_id, 0), n.period, n.type, n.severity,
			n.title, n.body, n.author, n.about, ifnull(u.name, '')
		FROM narrative n LEFT JOIN unit u ON u.id = n.unit_id
		WHERE `+cond+` AND n.period BETWEEN ? AND ?
		ORDER BY n.period DESC, CASE n.severity WHEN 'hog' THEN 0 WHEN 'medel' THEN 1 ELSE 2 END, n.id DESC`,
		append(args, from, to)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []NarrativeItem
	for rows.Next() {
		var n NarrativeItem
		if err := rows.Scan(&n.ID, &n.AreaID, &n.UnitID, &n.Period, &n.Type, &n.Severity, &n.Title, &n.Text,
			&n.Author, &n.About, &n.UnitName); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
