package data

import (
	"context"
	"database/sql"
	"time"
)

// Figures are the compact numbers of one line of the area list.
type Figures struct {
	BudgetYTD  Money // budget of the months that have outcome, Jan–P
	OutcomeYTD Money
	HasBudget  bool // any budget row Jan–P with outcome
	// Placements ongoing at the end of P and of the same month a year
	// earlier; HasPlacements tells whether P has any placement rows.
	Placements        int
	PlacementsYearAgo int
	HasPlacements     bool
	HasYearAgo        bool
	Dots              []Dot // indicators as reported in P
}

// Deviation is budget − outcome year to date: positive is under budget.
func (f Figures) Deviation() Money { return f.BudgetYTD - f.OutcomeYTD }

// PlacementChange is ongoing placements now against a year earlier; ok is
// false unless both months have placement rows, since a month without rows
// is missing, not zero.
func (f Figures) PlacementChange() (change int, ok bool) {
	if !f.HasPlacements || !f.HasYearAgo {
		return 0, false
	}
	return f.Placements - f.PlacementsYearAgo, true
}

// IsEmpty tells figures without any row behind them.
func (f Figures) IsEmpty() bool {
	return !f.HasBudget && !f.HasPlacements && !f.HasYearAgo && len(f.Dots) == 0
}

// DeviationPct is the deviation as a share of the YTD budget (NaN without budget).
func (f Figures) DeviationPct() float64 { return Percent(f.Deviation(), f.BudgetYTD) }

// Dot is one reported indicator status, as the unit reported it.
type Dot struct {
	MeasureID int64
	UnitID    int64 // 0 for an area-level indicator
	Name      string
	Status    Status
}

// UnitSummary is a unit's line in the area list.
type UnitSummary struct {
	Unit
	Figures
}

// AreaSummary is an area's line: its own rows and all its units' together.
// Own holds only the rows booked on the area itself, not on a unit, so
// that the units and Own add up to the area.
type AreaSummary struct {
	Area
	Figures
	Own   Figures
	Units []UnitSummary
}

// Overview is what the board's area list and header need for a period.
type Overview struct {
	Municipality Municipality
	Period       Period
	Report       ReportKind
	Coverage     Coverage
	LastImport   time.Time // zero when nothing was imported
	Areas        []AreaSummary
	// Total is the committee as a whole: the sum over every area.
	Total Figures
	// Outcome tells whether Period has budget outcome, and the latest
	// month up to Period that has.
	Outcome OutcomeStatus
}

// OutcomeStatus says whether a month has budget outcome yet. Through is
// the latest month up to and including the month that has any (zero when
// none has); Has is Through == the month.
type OutcomeStatus struct {
	Has     bool
	Through Period
}

// OutcomeStatus tells whether p has budget outcome, and which month up to p
// was the latest that had. Rules and screens that sum year to date use it
// to say "no outcome yet" instead of showing an earlier month's figures as
// p's, or finding nothing and calling it "no gaps".
func (s *Store) OutcomeStatus(ctx context.Context, p Period) (OutcomeStatus, error) {
	var through sql.NullString
	// per scope, the latest month with outcome is one seek in budget_key
	err := s.db.QueryRowContext(ctx, `WITH `+ScopesCTE+`
		SELECT max((SELECT max(period) FROM budget b WHERE b.area_id = s.area_id AND b.unit_key = s.unit_key
			AND b.period <= ? AND b.outcome IS NOT NULL)) FROM scopes s`, p).Scan(&through)
	if err != nil || !through.Valid {
		return OutcomeStatus{}, err
	}
	var st OutcomeStatus
	if err := st.Through.Scan(through.String); err != nil {
		return OutcomeStatus{}, err
	}
	st.Has = st.Through == p
	return st, nil
}

// Coverage is which months the database holds.
type Coverage struct {
	First, Last   Period // any data
	LatestOutcome Period // the latest month with budget outcome
}

// ScopesCTE names every scope — each area as a whole (unit_key 0) and each
// unit — for queries over one period and every area: joined to budget or
// placement on area_id and unit_key, each scope is an index seek in the
// table's natural key. Use it as "WITH " + ScopesCTE + " SELECT …".
const ScopesCTE = `scopes(area_id, unit_key) AS (SELECT id, 0 FROM area UNION ALL SELECT area_id, id FROM unit)`

// The period queries of Overview and Coverage; their plans are kept in
// TestPeriodQueryPlans.
const (
	// Per scope, one seek each: min and max period of the budget from its
	// month totals' period index, of placements from their natural key,
	// of measures and narratives from their period indexes (min and max
	// apart: together they scan the whole index).
	coverageSQL = `WITH ` + ScopesCTE + `,
		ends AS (
			SELECT (SELECT min(period) FROM budget_scope_total) AS lo, (SELECT max(period) FROM budget_scope_total) AS hi,
				(SELECT max(period) FROM budget_scope_total WHERE closed > 0) AS outcome
			UNION ALL
			SELECT (SELECT min(period) FROM placement b WHERE b.area_id = s.area_id AND b.unit_key = s.unit_key),
				(SELECT max(period) FROM placement b WHERE b.area_id = s.area_id AND b.unit_key = s.unit_key), NULL
			FROM scopes s
			-- min and max apart: together they scan the whole index
			UNION ALL SELECT (SELECT min(period) FROM measure_value), (SELECT max(period) FROM measure_value), NULL
			UNION ALL SELECT (SELECT min(period) FROM narrative), (SELECT max(period) FROM narrative), NULL)
		SELECT min(lo), max(hi), max(outcome) FROM ends`
	// Year to date from the month totals: per scope one range of at most
	// twelve rows in their primary key, already in GROUP BY order.
	overviewYTDSQL = `WITH ` + ScopesCTE + `
		SELECT t.area_id, t.unit_key, sum(t.budget), sum(t.outcome)
		FROM scopes s CROSS JOIN budget_scope_total t ON t.area_id = s.area_id AND t.unit_key = s.unit_key
		WHERE t.period BETWEEN ? AND ? AND t.closed > 0 GROUP BY 1, 2`
	// Placements now and a year ago: one seek per scope and month.
	overviewPlacementsSQL = `WITH ` + ScopesCTE + `
		SELECT b.area_id, ifnull(b.unit_id, 0), b.period, sum(b.ongoing)
		FROM scopes s CROSS JOIN placement b ON b.area_id = s.area_id AND b.unit_key = s.unit_key
		WHERE b.period IN (?, ?) GROUP BY 1, 2, 3`
	// The dots from the covering period index of measure values.
	overviewDotsSQL = `SELECT v.area_id, ifnull(v.unit_id, 0), v.measure_id,
			CASE WHEN v.reported_name <> '' THEN v.reported_name ELSE m.name END, ifnull(v.status, '')
		FROM measure_value v JOIN measure m ON m.id = v.measure_id
		WHERE v.period = ? AND v.target IS NOT NULL ORDER BY v.area_id, ifnull(v.unit_id, 0), m.sort, m.id`
)

// Coverage tells which months hold data.
func (s *Store) Coverage(ctx context.Context) (Coverage, error) {
	var c Coverage
	var first, last, latest sql.NullString
	// The budget's months come from its month totals (one seek each in
	// their period index); placements' per scope are one seek each in the
	// natural key; measures' and narratives' from their period indexes.
	err := s.db.QueryRowContext(ctx, coverageSQL).Scan(&first, &last, &latest)
	if err != nil {
		return c, err
	}
	for _, x := range []struct {
		src sql.NullString
		dst *Period
	}{{first, &c.First}, {last, &c.Last}, {latest, &c.LatestOutcome}} {
		if x.src.Valid {
			if err := x.dst.Scan(x.src.String); err != nil {
				return c, err
			}
		}
	}
	return c, nil
}

// DefaultPeriod is the period a user reviews unless they choose one: the
// latest month with outcome, else the latest month with any data.
func (c Coverage) DefaultPeriod() Period {
	if !c.LatestOutcome.IsZero() {
		return c.LatestOutcome
	}
	return c.Last
}

// Municipality returns the municipality, empty if not yet named.
func (s *Store) Municipality(ctx context.Context) (Municipality, error) {
	var m Municipality
	var inh sql.NullInt64
	var code sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT name, committee, inhabitants, kommunkod FROM municipality WHERE id = 1`).
		Scan(&m.Name, &m.Committee, &inh, &code)
	if err == sql.ErrNoRows {
		return Municipality{Committee: DefaultCommittee}, nil
	}
	m.Inhabitants = int(inh.Int64)
	m.Kommunkod = code.String
	return m, err
}

// Areas lists the areas with their units, in their order.
func (s *Store) Areas(ctx context.Context) ([]AreaSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.name, ifnull(a.target_group, ''), a.sort,
			ifnull(u.id, 0), ifnull(u.name, ''), ifnull(u.manager, ''), ifnull(u.sort, 0)
		FROM area a LEFT JOIN unit u ON u.area_id = a.id ORDER BY a.sort, a.id, u.sort, u.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AreaSummary
	for rows.Next() {
		var a Area
		var u Unit
		if err := rows.Scan(&a.ID, &a.Name, &a.TargetGroup, &a.Sort, &u.ID, &u.Name, &u.Manager, &u.Sort); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != a.ID {
			out = append(out, AreaSummary{Area: a})
		}
		if u.ID != 0 {
			u.AreaID = a.ID
			last := &out[len(out)-1]
			last.Units = append(last.Units, UnitSummary{Unit: u})
		}
	}
	return out, rows.Err()
}

// Overview gathers the area list for period p in a handful of set-based
// queries: areas and units, YTD budget, placements now and a year ago, and
// the indicator dots.
func (s *Store) Overview(ctx context.Context, p Period) (Overview, error) {
	var ov Overview
	var err error
	if ov.Municipality, err = s.Municipality(ctx); err != nil {
		return ov, err
	}
	if ov.Coverage, err = s.Coverage(ctx); err != nil {
		return ov, err
	}
	if p.IsZero() {
		p = ov.Coverage.DefaultPeriod()
	}
	ov.Period, ov.Report = p, ReportFor(p)
	if !p.IsZero() {
		if ov.Outcome, err = s.OutcomeStatus(ctx, p); err != nil {
			return ov, err
		}
	}
	if ov.LastImport, err = s.lastImport(ctx); err != nil {
		return ov, err
	}
	if ov.Areas, err = s.Areas(ctx); err != nil {
		return ov, err
	}
	// figures by area and unit (unit 0: area-level rows)
	type key struct{ area, unit int64 }
	figs := map[key]*Figures{}
	at := func(area, unit int64) *Figures {
		k := key{area, unit}
		if figs[k] == nil {
			figs[k] = &Figures{}
		}
		return figs[k]
	}

	// Year to date from the month totals: per scope one range of at most
	// twelve rows in their primary key, already in GROUP BY order.
	rows, err := s.db.QueryContext(ctx, overviewYTDSQL, p.YearStart(), p)
	if err != nil {
		return ov, err
	}
	for rows.Next() {
		var a, u int64
		var b, o Money
		if err := rows.Scan(&a, &u, &b, &o); err != nil {
			rows.Close()
			return ov, err
		}
		f := at(a, u)
		f.BudgetYTD, f.OutcomeYTD, f.HasBudget = b, o, true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return ov, err
	}

	rows, err = s.db.QueryContext(ctx, overviewPlacementsSQL, p, p.Add(-12))
	if err != nil {
		return ov, err
	}
	for rows.Next() {
		var a, u int64
		var per Period
		var n int
		if err := rows.Scan(&a, &u, &per, &n); err != nil {
			rows.Close()
			return ov, err
		}
		f := at(a, u)
		if per == p {
			f.Placements, f.HasPlacements = n, true
		} else {
			f.PlacementsYearAgo, f.HasYearAgo = n, true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return ov, err
	}

	rows, err = s.db.QueryContext(ctx, overviewDotsSQL, p)
	if err != nil {
		return ov, err
	}
	for rows.Next() {
		var a int64
		var d Dot
		if err := rows.Scan(&a, &d.UnitID, &d.MeasureID, &d.Name, &d.Status); err != nil {
			rows.Close()
			return ov, err
		}
		f := at(a, d.UnitID)
		f.Dots = append(f.Dots, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return ov, err
	}

	for i := range ov.Areas {
		area := &ov.Areas[i]
		if f := figs[key{area.ID, 0}]; f != nil {
			area.Own = *f
			area.Figures.add(*f)
		}
		for j := range area.Units {
			u := &area.Units[j]
			if f := figs[key{area.ID, u.ID}]; f != nil {
				u.Figures = *f
				area.Figures.add(*f)
			}
		}
		ov.Total.add(area.Figures)
	}
	return ov, nil
}

// add counts a part's figures (a unit's, an area's) into a whole's.
func (f *Figures) add(o Figures) {
	f.BudgetYTD += o.BudgetYTD
	f.OutcomeYTD += o.OutcomeYTD
	f.HasBudget = f.HasBudget || o.HasBudget
	f.Placements += o.Placements
	f.PlacementsYearAgo += o.PlacementsYearAgo
	f.HasPlacements = f.HasPlacements || o.HasPlacements
	f.HasYearAgo = f.HasYearAgo || o.HasYearAgo
	f.Dots = append(f.Dots, o.Dots...)
}

func (s *Store) lastImport(ctx context.Context) (time.Time, error) {
	var at sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT max(l.at) FROM import_log l
		LEFT JOIN import_run r ON r.id = l.run_id WHERE r.undone_at IS NULL`).Scan(&at); err != nil {
		return time.Time{}, err
	}
	if !at.Valid {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339, at.String)
}
