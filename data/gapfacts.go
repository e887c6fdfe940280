package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// GapFacts are the rows the quality-gap rules judge for one period, read
// set-based: one query per kind of fact over the window a rule needs, each
// a few thousand rows however many areas and units there are.
type GapFacts struct {
	// AreaBudget is year to date per area (its own rows and all its
	// units') and konto, from the budget's month totals.
	AreaBudget []GapBudgetLine
	// StaffBudget is year to date of the personal konto per stored scope
	// (an area's own rows, or a unit's), where it has outcome.
	StaffBudget []GapBudgetLine
	// Placements are ongoing placements per stored scope and insats, in P
	// and in P−12.
	Placements []GapPlacement
	// Measures are what the rules read of the measure values: P's
	// indicators (values with a target) and staff figures (vakanta_tjanster,
	// personalomsattning_pct, sjukfranvaro_pct), and utredningar_over_4_man
	// from the first recent month through P; ordered by measure, area,
	// unit and period.
	Measures []GapMeasure
	// Narratives are those from the first recent month through P, and per
	// area those of its latest month before that (how long it has been
	// quiet); without their text.
	Narratives []Narrative
}

// GapBudgetLine is a konto year to date: only months with outcome count,
// so budget and outcome compare like with like.
type GapBudgetLine struct {
	Scope
	Account         Account
	Budget, Outcome Money
	Rows            int  // rows with outcome
	InP             bool // P itself has outcome
}

// GapPlacement is one insats of a stored scope in one month.
type GapPlacement struct {
	Scope
	Kind    PlacementKind
	Period  Period
	Ongoing int
}

// GapMeasure is a stored measure value with its measure's definition.
type GapMeasure struct {
	Scope
	Period    Period
	Def       MeasureDef
	Reported  string // the name the unit used
	Value     float64
	Target    *float64
	Direction Direction // the row's, else the measure's
	Status    Status
}

// GapFacts reads period p's facts, with the recent window from `from`
// through p. The plans (EXPLAIN QUERY PLAN, kept in TestGapFactsPlans):
//   - area budget: SCAN area, SEARCH budget_area_total USING PRIMARY KEY
//     (area_id=? AND period>? AND period<?)
//   - staff budget: SEARCH budget_scope_total USING PRIMARY KEY
//     (area_id=? AND unit_key=? AND period>? AND period<?) per scope
//   - placements: SEARCH placement USING INDEX placement_key
//     (area_id=? AND unit_key=? AND period=?) per scope
//   - measures of P: SEARCH measure_value USING COVERING INDEX
//     measure_value_period (period=?); the overdue series: SEARCH measure_value USING INDEX
//     measure_value_key (measure_id=? AND area_id=? AND unit_key=? AND
//     period>? AND period<?) per scope
//   - narratives: SEARCH narrative USING INDEX narrative_period
//     (period>? AND period<?); per area the latest month before that by
//     SEARCH narrative_key (area_id=?), then SEARCH narrative_period
//     (period=? AND area_id=?)
//
// At Storstad's size (300 units, 450 000 measure values) the measures of P
// are most of the time; they are read without their definitions, which
// come once from the measure table.
func (s *Store) GapFacts(ctx context.Context, p, from Period) (GapFacts, error) {
	var f GapFacts
	for _, step := range []func(context.Context, Period, Period, *GapFacts) error{
		s.gapBudget, s.gapPlacements, s.gapMeasures, s.gapNarratives} {
		if err := step(ctx, p, from, &f); err != nil {
			return f, fmt.Errorf("gap facts %s: %w", p, err)
		}
	}
	return f, nil
}

// Queries of GapFacts, by name, for the plan test.
const (
	gapAreaBudgetSQL = `SELECT t.area_id, t.account, sum(t.budget), sum(t.outcome), sum(t.closed),
			max(t.period = ? AND t.closed > 0)
		FROM area a CROSS JOIN budget_area_total t ON t.area_id = a.id
		WHERE t.period BETWEEN ? AND ? GROUP BY 1, 2`
	gapStaffBudgetSQL = `WITH ` + ScopesCTE + `
		SELECT t.area_id, t.unit_key, sum(t.staff_budget), sum(t.staff_outcome), sum(t.staff_closed),
			max(t.period = ? AND t.staff_closed > 0)
		FROM scopes s CROSS JOIN budget_scope_total t ON t.area_id = s.area_id AND t.unit_key = s.unit_key
		WHERE t.period BETWEEN ? AND ? GROUP BY 1, 2 HAVING sum(t.staff_closed) > 0`
	gapPlacementsSQL = `WITH ` + ScopesCTE + `
		SELECT b.area_id, b.unit_key, b.kind, b.period, sum(b.ongoing)
		FROM scopes s CROSS JOIN placement b ON b.area_id = s.area_id AND b.unit_key = s.unit_key
		WHERE b.period IN (?, ?) GROUP BY 1, 2, 3, 4`
	gapMeasureCols = `v.area_id, ifnull(v.unit_id, 0), v.period, v.measure_id, v.reported_name, v.value, v.target,
			ifnull(v.direction, ''), ifnull(v.status, '')`
	// P's values, and the overdue series before P through each scope's
	// natural key (the period index would read every measure of the window).
	// Ordered by measure id here and by the measures' own order in Go; the
	// measures' definitions are read once apart.
	gapMeasuresSQL = `SELECT ` + gapMeasureCols + ` FROM measure_value v WHERE v.period = ?
			AND (v.target IS NOT NULL OR v.measure_id IN (SELECT id FROM measure WHERE key IN (?, ?, ?, ?)))
		UNION ALL
		SELECT * FROM (WITH ` + ScopesCTE + `
			SELECT ` + gapMeasureCols + ` FROM measure m CROSS JOIN scopes s CROSS JOIN measure_value v
				ON v.measure_id = m.id AND v.area_id = s.area_id AND v.unit_key = s.unit_key
			WHERE m.key = ? AND v.period >= ? AND v.period < ?)
		ORDER BY 4, 1, 2, 3`
	gapMeasureDefsSQL = `SELECT id, key, ifnull(code, ''), name, name_en, direction, aggregation, known, sort FROM measure`
	gapNarrativeCols  = `n.id, n.area_id, n.unit_key, n.period, n.type, n.severity, n.title, n.author, n.about`
	// Per area the latest month before the window: one backward seek in
	// the area's narratives, materialized so it runs once per area (not
	// once per narrative), then that month's narratives by the period index.
	gapNarrativesSQL = `WITH last AS MATERIALIZED (
			SELECT a.id AS area_id, (SELECT max(x.period) FROM narrative x WHERE x.area_id = a.id AND x.period < ?) AS period
			FROM area a)
		SELECT ` + gapNarrativeCols + ` FROM narrative n WHERE n.period BETWEEN ? AND ?
		UNION ALL
		SELECT ` + gapNarrativeCols + ` FROM last l CROSS JOIN narrative n ON n.period = l.period AND n.area_id = l.area_id
		ORDER BY 4 DESC, 1 DESC`
)

func (s *Store) gapBudget(ctx context.Context, p, _ Period, f *GapFacts) error {
	scan := func(q string, dst *[]GapBudgetLine, staff bool) error {
		rows, err := s.db.QueryContext(ctx, q, p, p.YearStart(), p)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l GapBudgetLine
			dest := []any{&l.AreaID, &l.Account, &l.Budget, &l.Outcome, &l.Rows, &l.InP}
			if staff {
				l.Account = AccountStaff
				dest[1] = &l.UnitID
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			*dst = append(*dst, l)
		}
		return rows.Err()
	}
	if err := scan(gapAreaBudgetSQL, &f.AreaBudget, false); err != nil {
		return err
	}
	return scan(gapStaffBudgetSQL, &f.StaffBudget, true)
}

func (s *Store) gapPlacements(ctx context.Context, p, _ Period, f *GapFacts) error {
	rows, err := s.db.QueryContext(ctx, gapPlacementsSQL, p, p.Add(-12))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r GapPlacement
		if err := rows.Scan(&r.AreaID, &r.UnitID, &r.Kind, &r.Period, &r.Ongoing); err != nil {
			return err
		}
		f.Placements = append(f.Placements, r)
	}
	return rows.Err()
}

func (s *Store) gapMeasures(ctx context.Context, p, from Period, f *GapFacts) error {
	type def struct {
		MeasureDef
		sort int
	}
	defs := map[int64]def{}
	rows, err := s.db.QueryContext(ctx, gapMeasureDefsSQL)
	if err != nil {
		return err
	}
	for rows.Next() {
		var d def
		if err := rows.Scan(&d.ID, &d.Key, &d.Code, &d.Name, &d.NameEN, &d.Direction, &d.Aggregation, &d.Known, &d.sort); err != nil {
			rows.Close()
			return err
		}
		defs[d.ID] = d
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if rows, err = s.db.QueryContext(ctx, gapMeasuresSQL, p, MeasureVacancies, MeasureTurnover, MeasureSickLeave,
		MeasureInvOverdue, MeasureInvOverdue, from, p); err != nil {
		return err
	}
	defer rows.Close()
	var periods periodCache
	for rows.Next() {
		var r GapMeasure
		var target sql.NullFloat64
		var per string
		if err := rows.Scan(&r.AreaID, &r.UnitID, &per, &r.Def.ID, &r.Reported, &r.Value, &target, &r.Direction, &r.Status); err != nil {
			return err
		}
		if r.Period, err = periods.parse(per); err != nil {
			return err
		}
		r.Def = defs[r.Def.ID].MeasureDef
		if target.Valid {
			r.Target = &target.Float64
		}
		if r.Direction == "" {
			r.Direction = r.Def.Direction
		}
		f.Measures = append(f.Measures, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// The rows come by measure id; put the measures' runs in their order.
	var runs [][]GapMeasure
	for i, start := 0, 0; i <= len(f.Measures); i++ {
		if i == len(f.Measures) || f.Measures[i].Def.ID != f.Measures[start].Def.ID {
			if i > start {
				runs = append(runs, f.Measures[start:i])
			}
			start = i
		}
	}
	slices.SortStableFunc(runs, func(a, b []GapMeasure) int {
		return cmp.Or(cmp.Compare(defs[a[0].Def.ID].sort, defs[b[0].Def.ID].sort), cmp.Compare(a[0].Def.ID, b[0].Def.ID))
	})
	f.Measures = slices.Concat(runs...)
	return nil
}

// periodCache parses each distinct period text once.
type periodCache struct {
	text string
	p    Period
}

func (c *periodCache) parse(s string) (Period, error) {
	if s != c.text {
		p, err := ParsePeriod(s)
		if err != nil {
			return 0, err
		}
		c.text, c.p = s, p
	}
	return c.p, nil
}

func (s *Store) gapNarratives(ctx context.Context, p, from Period, f *GapFacts) error {
	rows, err := s.db.QueryContext(ctx, gapNarrativesSQL, from, from, p)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n Narrative
		if err := rows.Scan(&n.ID, &n.AreaID, &n.UnitID, &n.Period, &n.Type, &n.Severity, &n.Title, &n.Author, &n.About); err != nil {
			return err
		}
		f.Narratives = append(f.Narratives, n)
	}
	return rows.Err()
}
