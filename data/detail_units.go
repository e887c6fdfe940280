package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
)

// unitsQuery is the scope part of a detail query over many units at once,
// split by unit: the CTE "sc" holds each unit's stored scope, so every
// fact table is still read one index range per unit, in one statement.
func unitsQuery(units []Scope) (scopeQuery, error) {
	ids := make([]int64, len(units))
	for i, u := range units {
		ids[i] = u.UnitID
	}
	js, err := json.Marshal(ids)
	if err != nil {
		return scopeQuery{}, err
	}
	return scopeQuery{
		cte: `sc(area_id, unit_key, unit_id) AS (SELECT u.area_id, u.id, u.id
			FROM json_each(?) j JOIN unit u ON u.id = j.value)`,
		args:  []any{string(js)},
		group: "sc.unit_key",
		names: true,
	}, nil
}

// UnitDetail is a unit's Detail with the names it reported each measure
// under, by measure and month, over the detail's history (as
// ReportedNames gives them).
type UnitDetail struct {
	Detail
	Names map[int64]map[Period]string
}

// UnitDetails is Detail for each of the given units for period p, by unit
// id, read in one set-based query per fact kind for all of them (where
// calling Detail per unit costs a round of queries per unit). Each is
// the same as Detail of that unit alone.
func (s *Store) UnitDetails(ctx context.Context, units []Scope, p Period, opt DetailOptions) (map[int64]UnitDetail, error) {
	opt = opt.withDefaults()
	out := make(map[int64]UnitDetail, len(units))
	if len(units) == 0 {
		return out, nil
	}
	sq, err := unitsQuery(units)
	if err != nil {
		return nil, err
	}
	budget, err := s.budgetLines(ctx, sq, p)
	if err != nil {
		return nil, err
	}
	pl, err := s.placementSeries(ctx, sq, p, opt.HistoryMonths)
	if err != nil {
		return nil, err
	}
	defs, order, err := s.measureDefs(ctx)
	if err != nil {
		return nil, err
	}
	plain, err := s.plainSeries(ctx, sq, p, opt.HistoryMonths, defs)
	if err != nil {
		return nil, err
	}
	inds, err := s.indicatorSeries(ctx, sq, p, opt.HistoryMonths, defs)
	if err != nil {
		return nil, err
	}
	narr, err := s.narratives(ctx, Scope{}, p.Recent(opt.NarrativeMonths), p)
	if err != nil {
		return nil, err
	}
	indsOf := map[int64][]Indicator{}
	for _, ind := range inds {
		indsOf[ind.UnitID] = append(indsOf[ind.UnitID], ind)
	}
	// A unit sees its own narratives and those about its area as a whole.
	type key struct{ area, unit int64 }
	narrOf := map[key][]NarrativeItem{}
	for _, u := range units {
		narrOf[key{u.AreaID, u.UnitID}] = nil
	}
	for _, n := range narr {
		if n.UnitID != 0 {
			k := key{n.AreaID, n.UnitID}
			if _, ok := narrOf[k]; ok {
				narrOf[k] = append(narrOf[k], n)
			}
			continue
		}
		for _, u := range units { // an area-wide narrative goes to each of the area's units
			if u.AreaID == n.AreaID {
				narrOf[key{u.AreaID, u.UnitID}] = append(narrOf[key{u.AreaID, u.UnitID}], n)
			}
		}
	}
	for _, u := range units {
		d := Detail{Scope: u, Period: p, Indicators: indsOf[u.UnitID], Narratives: narrOf[key{u.AreaID, u.UnitID}]}
		d.Budget, d.Total = budget[u.UnitID].finish()
		d.Placements, d.Total24 = pl[u.UnitID].finish(p, opt.HistoryMonths)
		d.Measures = plain[u.UnitID].finish(order)
		names := map[int64]map[Period]string{}
		if pa := plain[u.UnitID]; pa != nil {
			names = pa.names
		}
		out[u.UnitID] = UnitDetail{Detail: d, Names: names}
	}
	return out, nil
}

// UnitReportRows are the budget rows of one unit the review's checks read
// besides its Detail.
type UnitReportRows struct {
	PriorYear []Account     // konton with budget rows the year before p's
	Month     []MonthBudget // p's konto rows, by konto
}

// UnitReportRowsOf reads UnitReportRows for each of the given units, in
// one query per kind for all of them, by unit id.
func (s *Store) UnitReportRowsOf(ctx context.Context, units []Scope, p Period) (map[int64]*UnitReportRows, error) {
	out := make(map[int64]*UnitReportRows, len(units))
	for _, u := range units {
		out[u.UnitID] = &UnitReportRows{}
	}
	if len(units) == 0 {
		return out, nil
	}
	sq, err := unitsQuery(units)
	if err != nil {
		return nil, err
	}
	args := func(more ...any) []any { return append(slices.Clone(sq.args), more...) }
	// The prior year's konton, then p's rows: two index ranges per unit.
	// (read from the key index alone, and made distinct in Go: DISTINCT
	// would sort the year's rows)
	rows, err := s.db.QueryContext(ctx, `WITH `+sq.cte+` SELECT sc.unit_id, b.account
		FROM sc CROSS JOIN budget b ON b.area_id = sc.area_id AND b.unit_key = sc.unit_key
		WHERE b.period BETWEEN ? AND ?`, args(p.YearStart().Add(-12), p.YearStart().Add(-1))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var acc Account
		if err := rows.Scan(&unit, &acc); err != nil {
			return nil, err
		}
		if r := out[unit]; !slices.Contains(r.PriorYear, acc) {
			r.PriorYear = append(r.PriorYear, acc)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `WITH `+sq.cte+` SELECT sc.unit_id, b.account, b.budget, b.outcome
		FROM sc CROSS JOIN budget b ON b.area_id = sc.area_id AND b.unit_key = sc.unit_key
		WHERE b.period = ? ORDER BY sc.unit_id, b.account`, args(p)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var m MonthBudget
		var outcome sql.NullInt64
		if err := rows.Scan(&unit, &m.Account, &m.Budget, &outcome); err != nil {
			return nil, err
		}
		if outcome.Valid {
			o := Money(outcome.Int64)
			m.Outcome = &o
		}
		out[unit].Month = append(out[unit].Month, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, nil
}
