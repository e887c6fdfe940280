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

// scopeCTE names the stored scopes whose rows make up sc, as a CTE "sc"
// of (area_id, unit_key, unit_id): an area's own rows and each of its
// units', or one unit's. Joined to a fact table on its natural key (or
// measure_value_area), each is one index range, where "area_id = ?" would
// read every month of the whole area.
func scopeCTE(sc Scope) (string, []any) {
	switch {
	case sc.IsAreaWide():
		return `sc(area_id, unit_key, unit_id) AS (SELECT ?, 0, NULL)`, []any{sc.AreaID}
	case sc.IsArea():
		return `sc(area_id, unit_key, unit_id) AS (SELECT ?, 0, NULL UNION ALL SELECT area_id, id, id FROM unit WHERE area_id = ?)`,
			[]any{sc.AreaID, sc.AreaID}
	}
	return `sc(area_id, unit_key, unit_id) AS (SELECT ?, ?, ?)`, []any{sc.AreaID, sc.UnitID, sc.UnitID}
}

// Detail gathers the panes of one area or unit for period p, in four
// set-based queries (budget, placements, measures, narratives).
func (s *Store) Detail(ctx context.Context, sc Scope, p Period, opt DetailOptions) (Detail, error) {
	opt = opt.withDefaults()
	cte, args := scopeCTE(sc)
	q := scopeQuery{cte: cte, args: args, group: "0"}
	d := Detail{Scope: sc, Period: p}
	budget, err := s.budgetLines(ctx, q, p)
	if err != nil {
		return d, err
	}
	d.Budget, d.Total = budget[0].finish()
	pl, err := s.placementSeries(ctx, q, p, opt.HistoryMonths)
	if err != nil {
		return d, err
	}
	d.Placements, d.Total24 = pl[0].finish(p, opt.HistoryMonths)
	defs, order, err := s.measureDefs(ctx)
	if err != nil {
		return d, err
	}
	plain, err := s.plainSeries(ctx, q, p, opt.HistoryMonths, defs)
	if err != nil {
		return d, err
	}
	d.Measures = plain[0].finish(order)
	if d.Indicators, err = s.indicatorSeries(ctx, q, p, opt.HistoryMonths, defs); err != nil {
		return d, err
	}
	if d.Narratives, err = s.narratives(ctx, sc, p.Recent(opt.NarrativeMonths), p); err != nil {
		return d, err
	}
	return d, nil
}

func (opt DetailOptions) withDefaults() DetailOptions {
	if opt.HistoryMonths < 1 {
		opt.HistoryMonths = DefaultDetailOptions.HistoryMonths
	}
	if opt.NarrativeMonths < 1 {
		opt.NarrativeMonths = DefaultDetailOptions.NarrativeMonths
	}
	return opt
}

// scopeQuery is the scope part of a detail query: the CTE "sc" of the
// stored scopes its rows come from, and group, the SQL expression the
// rows are split by ("0": one detail for all of sc; "sc.unit_key": one
// per unit, for reading many units' details in one query).
type scopeQuery struct {
	cte   string
	args  []any
	group string
	names bool // plainSeries also keeps the names each measure was reported under
}

// budgetAcc gathers one detail's konto lines.
type budgetAcc struct {
	byAccount map[Account]*BudgetLine
	months    map[Account]int
}

func (s *Store) budgetLines(ctx context.Context, sq scopeQuery, p Period) (map[int64]*budgetAcc, error) {
	// The year's stored rows, summed per stored row (unit and konto) in Go:
	// YTD sums, the annual budget and the latest forecast up to P; then
	// summed per konto. Grouping in SQL sorts every row (and the latest
	// forecast needs a second grouping), which costs far more than reading
	// them once many units are read together.
	q := `WITH ` + sq.cte + ` SELECT ` + sq.group + `, b.unit_key, b.account, b.period, b.budget, b.outcome, b.forecast
		FROM sc CROSS JOIN budget b ON b.area_id = sc.area_id AND b.unit_key = sc.unit_key
		WHERE b.period BETWEEN ? AND ?`
	rows, err := s.db.QueryContext(ctx, q, append(slices.Clone(sq.args), p.YearStart(), p.YearEnd())...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type rowKey struct {
		g, u int64
		acc  Account
	}
	type rowSum struct {
		budget, outcome, annual Money
		n                       int
		through                 Period
		fcAt                    Period // month of the latest forecast up to P
		fc                      Money
	}
	sums := map[rowKey]*rowSum{}
	var order []rowKey // first seen, so the sums below run in a fixed order
	for rows.Next() {
		var k rowKey
		var per Period
		var budget Money
		var outcome, forecast sql.Null[Money]
		if err := rows.Scan(&k.g, &k.u, &k.acc, &per, &budget, &outcome, &forecast); err != nil {
			return nil, err
		}
		r := sums[k]
		if r == nil {
			r = &rowSum{}
			sums[k] = r
			order = append(order, k)
		}
		r.annual += budget
		if per <= p {
			if outcome.Valid {
				r.budget += budget
				r.outcome += outcome.V
				r.n++
				r.through = max(r.through, per)
			}
			if forecast.Valid && per >= r.fcAt {
				r.fcAt, r.fc = per, forecast.V
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := map[int64]*budgetAcc{}
	for _, k := range order {
		r := sums[k]
		ba := out[k.g]
		if ba == nil {
			ba = &budgetAcc{byAccount: map[Account]*BudgetLine{}, months: map[Account]int{}}
			out[k.g] = ba
		}
		l := ba.byAccount[k.acc]
		if l == nil {
			l = &BudgetLine{Account: k.acc}
			ba.byAccount[k.acc] = l
		}
		l.BudgetYTD += r.budget
		l.OutcomeYTD += r.outcome
		l.AnnualBudget += r.annual
		if r.n > ba.months[k.acc] {
			ba.months[k.acc] = r.n
		}
		l.OutcomeThrough = max(l.OutcomeThrough, r.through)
		if !r.fcAt.IsZero() {
			l.Forecast += r.fc
			l.HasForecast = true
		} else {
			l.Forecast += r.annual
		}
	}
	return out, nil
}

// finish sorts the konto lines and sums the total; a nil budgetAcc is a
// scope without budget rows.
func (ba *budgetAcc) finish() ([]BudgetLine, BudgetLine) {
	if ba == nil {
		ba = &budgetAcc{}
	}
	lines := make([]BudgetLine, 0, len(ba.byAccount))
	var total BudgetLine
	for acc, l := range ba.byAccount {
		l.MonthsWithOutcome = ba.months[acc]
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
	return lines, total
}

func newSeries(p Period, months int) Series {
	s := make(Series, months)
	for i := range s {
		s[i].Period = p.Add(i - months + 1)
	}
	return s
}

// placementAcc gathers one detail's placement series.
type placementAcc struct {
	byKind map[PlacementKind]*PlacementSeries
	total  PlacementSeries
}

func (s *Store) placementSeries(ctx context.Context, sq scopeQuery, p Period, months int) (map[int64]*placementAcc, error) {
	from := p.Add(-months + 1)
	q := `WITH ` + sq.cte + ` SELECT ` + sq.group + `, b.kind, b.period, sum(b.ongoing),
			sum(CASE WHEN b.period >= ? THEN ifnull(b.cost, 0) ELSE 0 END)
		FROM sc CROSS JOIN placement b ON b.area_id = sc.area_id AND b.unit_key = sc.unit_key
		WHERE b.period BETWEEN ? AND ? GROUP BY 1, b.kind, b.period`
	rows, err := s.db.QueryContext(ctx, q, append(slices.Clone(sq.args), p.YearStart(), from, p)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*placementAcc{}
	for rows.Next() {
		var g int64
		var k PlacementKind
		var per Period
		var n int
		var cost Money
		if err := rows.Scan(&g, &k, &per, &n, &cost); err != nil {
			return nil, err
		}
		pa := out[g]
		if pa == nil {
			pa = &placementAcc{byKind: map[PlacementKind]*PlacementSeries{}, total: PlacementSeries{History: newSeries(p, months)}}
			out[g] = pa
		}
		ps := pa.byKind[k]
		if ps == nil {
			ps = &PlacementSeries{Kind: k, History: newSeries(p, months)}
			pa.byKind[k] = ps
		}
		i := int(per - from)
		ps.History[i] = Point{Period: per, Value: float64(n), Valid: true}
		pa.total.History[i].Value += float64(n)
		pa.total.History[i].Valid = true
		if per <= p && per >= p.YearStart() {
			ps.CostYTD += cost
			pa.total.CostYTD += cost
		}
	}
	return out, rows.Err()
}

// finish orders the kinds (known first, then others by name); a nil
// placementAcc is a scope without placements.
func (pa *placementAcc) finish(p Period, months int) ([]PlacementSeries, PlacementSeries) {
	if pa == nil {
		return nil, PlacementSeries{History: newSeries(p, months)}
	}
	var out []PlacementSeries
	for _, k := range PlacementKinds {
		if ps := pa.byKind[k]; ps != nil {
			out = append(out, *ps)
			delete(pa.byKind, k)
		}
	}
	var others []PlacementSeries
	for _, ps := range pa.byKind {
		others = append(others, *ps)
	}
	slices.SortFunc(others, func(a, b PlacementSeries) int { return ComparePlacementKinds(a.Kind, b.Kind) })
	return append(out, others...), pa.total
}

// measureDefs are every measure's definition by id, and the ids in the
// measures' display order.
func (s *Store) measureDefs(ctx context.Context) (map[int64]MeasureDef, []int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, key, ifnull(code, ''), name, name_en, direction, aggregation, known
		FROM measure ORDER BY sort, id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	defs := map[int64]MeasureDef{}
	var order []int64
	for rows.Next() {
		var d MeasureDef
		if err := rows.Scan(&d.ID, &d.Key, &d.Code, &d.Name, &d.NameEN, &d.Direction, &d.Aggregation, &d.Known); err != nil {
			return nil, nil, err
		}
		defs[d.ID] = d
		order = append(order, d.ID)
	}
	return defs, order, rows.Err()
}

// plainAcc gathers one detail's plain measure series.
type plainAcc struct {
	series map[int64]*MeasureSeries
	plain  map[int64]bool
	names  map[int64]map[Period]string // only when asked for
}

// plainSeries are the measures with a row without target in the window:
// per month the area's own figure where it has one, else its units'
// values summed or averaged by the measure, summed in Go (grouping in SQL
// sorts every row, which costs more than reading them).
func (s *Store) plainSeries(ctx context.Context, sq scopeQuery, p Period, months int, defs map[int64]MeasureDef) (map[int64]*plainAcc, error) {
	from := p.Add(-months + 1)
	rows, err := s.db.QueryContext(ctx, `WITH `+sq.cte+` SELECT `+sq.group+`, v.measure_id, v.period, v.target IS NULL,
			v.unit_id IS NULL, v.value, v.reported_name
		FROM sc CROSS JOIN measure_value v INDEXED BY measure_value_area ON v.area_id = sc.area_id AND v.unit_id IS sc.unit_id
		WHERE v.period BETWEEN ? AND ?`, append(slices.Clone(sq.args), from, p)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Per measure and month: the area's own figure, and its units' sum and count.
	type cell struct {
		hasArea, areaValid bool
		areaVal, unitSum   float64
		units              int
	}
	type series struct {
		ms    *MeasureSeries
		cells []cell
	}
	out := map[int64]*plainAcc{}
	cells := map[int64]map[int64]*series{}
	for rows.Next() {
		var g, id int64
		var per Period
		var noTarget, isArea bool
		var val sql.NullFloat64
		var name string
		if err := rows.Scan(&g, &id, &per, &noTarget, &isArea, &val, &name); err != nil {
			return nil, err
		}
		pa := out[g]
		if pa == nil {
			pa = &plainAcc{series: map[int64]*MeasureSeries{}, plain: map[int64]bool{}, names: map[int64]map[Period]string{}}
			out[g] = pa
			cells[g] = map[int64]*series{}
		}
		if sq.names {
			if pa.names[id] == nil {
				pa.names[id] = map[Period]string{}
			}
			pa.names[id][per] = name
		}
		sr := cells[g][id]
		if sr == nil {
			sr = &series{ms: &MeasureSeries{MeasureDef: defs[id], History: newSeries(p, months)}, cells: make([]cell, months)}
			cells[g][id] = sr
			pa.series[id] = sr.ms
		}
		pa.plain[id] = pa.plain[id] || noTarget
		c := &sr.cells[int(per-from)]
		switch {
		case isArea:
			c.hasArea = true
			if val.Valid {
				c.areaVal += val.Float64
				c.areaValid = true
			}
		default:
			c.units++
			c.unitSum += val.Float64
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, byID := range cells {
		for _, sr := range byID {
			for i, c := range sr.cells {
				pt := &sr.ms.History[i]
				switch {
				case c.hasArea && c.areaValid: // an area's own figure wins over its units' aggregate
					pt.Value, pt.Valid = c.areaVal, true
				case c.units > 0:
					pt.Value, pt.Valid = c.unitSum, true
					if sr.ms.Aggregation == AggregateMean {
						pt.Value /= float64(c.units)
					}
				}
			}
		}
	}
	return out, nil
}

// finish lists the plain series in the measures' display order.
func (pa *plainAcc) finish(order []int64) []MeasureSeries {
	if pa == nil {
		return nil
	}
	var out []MeasureSeries
	for _, id := range order {
		if pa.plain[id] {
			out = append(out, *pa.series[id])
		}
	}
	return out
}

// indicatorSeries are the series (measure and unit, or the area's own)
// reported with a target in P, each with every value of the window.
// Ordered by measure, then unit: one scope's indicators stay in that
// order when a many-unit query is split by unit.
func (s *Store) indicatorSeries(ctx context.Context, sq scopeQuery, p Period, months int, defs map[int64]MeasureDef) ([]Indicator, error) {
	cte, args := sq.cte, slices.Clone(sq.args)
	from := p.Add(-months + 1)
	rows, err := s.db.QueryContext(ctx, `WITH `+cte+`,
		ind AS (SELECT v.measure_id, v.area_id, v.unit_key FROM sc CROSS JOIN measure_value v INDEXED BY measure_value_area
			ON v.area_id = sc.area_id AND v.unit_id IS sc.unit_id WHERE v.period = ? AND v.target IS NOT NULL)
		SELECT v.measure_id, v.unit_key, ifnull(u.name, ''), v.period, v.reported_name, v.value, v.target,
			ifnull(v.direction, ''), ifnull(v.status, '')
		FROM ind CROSS JOIN measure_value v ON v.measure_id = ind.measure_id AND v.area_id = ind.area_id AND v.unit_key = ind.unit_key
			JOIN measure m ON m.id = v.measure_id LEFT JOIN unit u ON u.id = v.unit_id
		WHERE v.period BETWEEN ? AND ?
		ORDER BY m.sort, m.id, ifnull(u.sort, 0), v.unit_key, v.period`, append(args, p, from, p)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		var id, unitID int64
		var unitName, reported string
		var per Period
		var val float64
		var target sql.NullFloat64
		var dir Direction
		var status Status
		if err := rows.Scan(&id, &unitID, &unitName, &per, &reported, &val, &target, &dir, &status); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != id || out[n-1].UnitID != unitID {
			out = append(out, Indicator{MeasureDef: defs[id], UnitID: unitID, UnitName: unitName, History: newSeries(p, months)})
		}
		ind := &out[len(out)-1]
		ind.History[int(per-from)] = Point{Period: per, Value: val, Valid: true}
		if per == p && target.Valid {
			ind.ReportedName, ind.Value, ind.Target, ind.Status = reported, val, target.Float64, status
			ind.Direction = dir
			if ind.Direction == "" {
				ind.Direction = ind.MeasureDef.Direction
			}
		}
	}
	return out, rows.Err()
}
