package data

import (
	"context"
	"database/sql"
)

// LongView is the economy of an area or unit over every month the
// database holds up to a period: staff budget against outcome, vacancies,
// placement cost and ongoing placements, so that "a budget in balance
// because of vacancies while placements rise" shows as a shape over the
// years instead of a footnote in one month. All series run over the same
// months, From to To, so charts drawn from them line up.
type LongView struct {
	Scope    Scope
	From, To Period
	// Monthly, in tkr; a month without a row is not valid (missing, not zero).
	StaffBudget, StaffOutcome Series
	PlacementCost             Series // the placeringar konto's outcome
	Vacancies                 Series // vakanta_tjanster, summed over the scope's rows
	Placements                Series // ongoing placements, all kinds
	Years                     []YearDeviation
}

// YearDeviation is a year's budget against outcome, over its months with
// outcome (to the period), for every konto and for personal alone.
type YearDeviation struct {
	Year                  int
	Budget, Outcome       Money
	StaffBudget, StaffOut Money
	Months                int // months with outcome
}

// Deviation is budget − outcome: positive is under budget.
func (y YearDeviation) Deviation() Money { return y.Budget - y.Outcome }

// StaffDeviation is the personal konto's budget − outcome.
func (y YearDeviation) StaffDeviation() Money { return y.StaffBudget - y.StaffOut }

// LongView gathers the long view of a scope up to period p, in three
// set-based queries.
func (s *Store) LongView(ctx context.Context, sc Scope, p Period) (LongView, error) {
	lv := LongView{Scope: sc, To: p}
	where, args := scopeFilter(sc, "")
	var lo sql.NullString
	q := `SELECT min(period) FROM (
		SELECT period FROM budget WHERE ` + where + ` AND period <= ?
		UNION ALL SELECT period FROM placement WHERE ` + where + ` AND period <= ?
		UNION ALL SELECT period FROM measure_value WHERE ` + where + ` AND period <= ?)`
	all := append(append(append(append(append(append([]any{}, args...), p), args...), p), args...), p)
	if err := s.db.QueryRowContext(ctx, q, all...).Scan(&lo); err != nil {
		return lv, err
	}
	if !lo.Valid || p.IsZero() {
		return lv, nil
	}
	from, err := ParsePeriod(lo.String)
	if err != nil {
		return lv, err
	}
	lv.From = from
	n := int(p-from) + 1
	lv.StaffBudget, lv.StaffOutcome = newSeries(p, n), newSeries(p, n)
	lv.PlacementCost, lv.Vacancies, lv.Placements = newSeries(p, n), newSeries(p, n), newSeries(p, n)
	years := map[int]*YearDeviation{}
	closedMonths := map[Period]bool{}

	rows, err := s.db.QueryContext(ctx, `SELECT period, account, sum(budget), sum(outcome), count(outcome),
			sum(CASE WHEN outcome IS NOT NULL THEN budget END)
		FROM budget WHERE `+where+` AND period BETWEEN ? AND ? GROUP BY period, account`, append(append([]any{}, args...), from, p)...)
	if err != nil {
		return lv, err
	}
	for rows.Next() {
		var per Period
		var acc Account
		var budget Money
		var outcome, budgetClosed sql.NullInt64
		var closed int
		if err := rows.Scan(&per, &acc, &budget, &outcome, &closed, &budgetClosed); err != nil {
			rows.Close()
			return lv, err
		}
		i := int(per - from)
		y := years[per.Year()]
		if y == nil {
			y = &YearDeviation{Year: per.Year()}
			years[per.Year()] = y
		}
		if closed > 0 {
			closedMonths[per] = true
			y.Budget += Money(budgetClosed.Int64)
			y.Outcome += Money(outcome.Int64)
		}
		switch acc {
		case AccountStaff:
			lv.StaffBudget[i] = Point{Period: per, Value: budget.Tkr(), Valid: true}
			if closed > 0 {
				lv.StaffOutcome[i] = Point{Period: per, Value: Money(outcome.Int64).Tkr(), Valid: true}
				y.StaffBudget += Money(budgetClosed.Int64)
				y.StaffOut += Money(outcome.Int64)
			}
		case AccountPlacements:
			if closed > 0 {
				lv.PlacementCost[i] = Point{Period: per, Value: Money(outcome.Int64).Tkr(), Valid: true}
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return lv, err
	}
	for per := range closedMonths {
		years[per.Year()].Months++
	}

	if err := s.fillSeries(ctx, lv.Placements, `SELECT period, sum(ongoing) FROM placement WHERE `+where+
		` AND period BETWEEN ? AND ? GROUP BY period`, append(append([]any{}, args...), from, p)); err != nil {
		return lv, err
	}
	vwhere, vargs := scopeFilter(sc, "v.")
	if err := s.fillSeries(ctx, lv.Vacancies, `SELECT v.period, sum(v.value) FROM measure_value v JOIN measure m ON m.id = v.measure_id
		WHERE m.key = ? AND `+vwhere+` AND v.period BETWEEN ? AND ? GROUP BY v.period`,
		append(append([]any{MeasureVacancies}, vargs...), from, p)); err != nil {
		return lv, err
	}
	for y := from.Year(); y <= p.Year(); y++ {
		if d := years[y]; d != nil {
			lv.Years = append(lv.Years, *d)
		}
	}
	return lv, nil
}

// fillSeries puts (period, value) rows into a series that starts at s[0].
func (s *Store) fillSeries(ctx context.Context, into Series, q string, args []any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var per Period
		var v float64
		if err := rows.Scan(&per, &v); err != nil {
			return err
		}
		if i := int(per - into[0].Period); i >= 0 && i < len(into) {
			into[i] = Point{Period: per, Value: v, Valid: true}
		}
	}
	return rows.Err()
}
