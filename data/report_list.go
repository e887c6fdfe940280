package data

import (
	"context"
	"database/sql"
)

// ReportState is one unit's report for a period as the review lists it:
// the stored report, or a derived väntar for a unit expected to report.
type ReportState struct {
	UnitReport
	AreaID     int64
	Area, Unit string
	// Resubmitted: submitted again after a send-back ("kompletterad").
	Resubmitted bool
	// The latest event of the report, if any.
	LastKind  EventKind
	LastActor string
	LastAt    string
	Comments  int
}

// reportStatesSQL: every unit expected to report for ?1 — it has rows in
// ?1 or the twelve months before (?2), or a report for ?1 — with its
// report if there is one. Each fact table is probed through its natural
// key, which leads with area and unit, so the cost follows the units.
const reportStatesSQL = `SELECT u.id, u.area_id, a.name, u.name, ifnull(r.id, 0), ifnull(r.status, 'vantar'),
		ifnull(r.submitted_at, ''), ifnull(r.submitted_by, ''), ifnull(r.first_submitted_at, ''),
		ifnull(r.reviewed_at, ''), ifnull(r.reviewer, ''),
		EXISTS (SELECT 1 FROM audit_event e WHERE e.unit_id = u.id AND e.period = ?1 AND e.kind = 'send_back'),
		ifnull(l.kind, ''), ifnull(l.actor, ''), ifnull(l.at, ''),
		(SELECT count(*) FROM audit_event e WHERE e.unit_id = u.id AND e.period = ?1 AND e.kind = 'comment')
	FROM unit u JOIN area a ON a.id = u.area_id
	LEFT JOIN unit_report r ON r.unit_id = u.id AND r.period = ?1
	LEFT JOIN audit_event l ON l.id = (SELECT max(e.id) FROM audit_event e WHERE e.unit_id = u.id AND e.period = ?1)
	WHERE (?3 = 0 OR u.id = ?3) AND (r.id IS NOT NULL
		OR EXISTS (SELECT 1 FROM budget b WHERE b.area_id = u.area_id AND b.unit_key = u.id AND b.period BETWEEN ?2 AND ?1)
		OR EXISTS (SELECT 1 FROM placement b WHERE b.area_id = u.area_id AND b.unit_key = u.id AND b.period BETWEEN ?2 AND ?1)
		OR EXISTS (SELECT 1 FROM measure_value b WHERE b.area_id = u.area_id AND b.unit_id = u.id AND b.period BETWEEN ?2 AND ?1)
		OR EXISTS (SELECT 1 FROM narrative b WHERE b.area_id = u.area_id AND b.unit_key = u.id AND b.period BETWEEN ?2 AND ?1))
	ORDER BY a.sort, a.id, u.sort, u.id`

// ReportStates lists the reports of period p, one per unit expected to
// report, in board order.
func (s *Store) ReportStates(ctx context.Context, p Period) ([]ReportState, error) {
	return s.reportStates(ctx, p, 0)
}

// ReportStateOf is one unit's report for p; a unit not expected to report
// comes back as väntar all the same.
func (s *Store) ReportStateOf(ctx context.Context, unitID int64, p Period) (ReportState, error) {
	out, err := s.reportStates(ctx, p, unitID)
	if err != nil || len(out) > 0 {
		if len(out) > 0 {
			return out[0], nil
		}
		return ReportState{}, err
	}
	r := ReportState{UnitReport: UnitReport{UnitID: unitID, Period: p, Status: ReportWaiting}}
	err = s.db.QueryRowContext(ctx, `SELECT u.area_id, a.name, u.name FROM unit u JOIN area a ON a.id = u.area_id WHERE u.id = ?`,
		unitID).Scan(&r.AreaID, &r.Area, &r.Unit)
	return r, err
}

func (s *Store) reportStates(ctx context.Context, p Period, unitID int64) ([]ReportState, error) {
	rows, err := s.db.QueryContext(ctx, reportStatesSQL, p, p.Add(-12), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReportState
	for rows.Next() {
		var r ReportState
		var status, kind string
		if err := rows.Scan(&r.UnitID, &r.AreaID, &r.Area, &r.Unit, &r.ID, &status, &r.SubmittedAt, &r.SubmittedBy,
			&r.FirstSubmittedAt, &r.ReviewedAt, &r.Reviewer, &r.Resubmitted, &kind, &r.LastActor, &r.LastAt, &r.Comments); err != nil {
			return nil, err
		}
		r.Period, r.Status, r.LastKind = p, ReportStatus(status), EventKind(kind)
		r.Resubmitted = r.Resubmitted && r.Status == ReportSubmitted
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReportTexts are the texts of a unit's report for p that a personnummer
// must never be in: its narratives' titles, texts and authors.
func (s *Store) ReportTexts(ctx context.Context, unitID int64, p Period) ([]Narrative, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.area_id, n.type, n.severity, n.title, n.body, n.author, n.about
		FROM narrative n JOIN unit u ON u.id = ? AND n.area_id = u.area_id AND n.unit_key = u.id WHERE n.period = ? ORDER BY n.id`, unitID, p)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Narrative
	for rows.Next() {
		n := Narrative{Scope: Scope{UnitID: unitID}, Period: p}
		var typ, sev string
		if err := rows.Scan(&n.ID, &n.AreaID, &typ, &sev, &n.Title, &n.Text, &n.Author, &n.About); err != nil {
			return nil, err
		}
		n.Type, n.Severity = NarrativeType(typ), Severity(sev)
		out = append(out, n)
	}
	return out, rows.Err()
}

// PriorYearAccounts lists the konton a unit had budget rows for in the
// year before p's.
func (s *Store) PriorYearAccounts(ctx context.Context, sc Scope, p Period) ([]Account, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT account FROM budget WHERE area_id = ? AND unit_key = ? AND period BETWEEN ? AND ?`,
		sc.AreaID, sc.UnitID, p.YearStart().Add(-12), p.YearStart().Add(-1))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, Account(a))
	}
	return out, rows.Err()
}

// MonthBudget is one konto of a unit in one month, as stored.
type MonthBudget struct {
	Account Account
	Budget  Money
	Outcome *Money
}

// MonthBudgets lists a unit's konto rows of one month.
func (s *Store) MonthBudgets(ctx context.Context, sc Scope, p Period) ([]MonthBudget, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT account, budget, outcome FROM budget WHERE area_id = ? AND unit_key = ? AND period = ?
		ORDER BY account`,
		sc.AreaID, sc.UnitID, p)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MonthBudget
	for rows.Next() {
		var m MonthBudget
		var acc string
		var outcome sql.NullInt64
		if err := rows.Scan(&acc, &m.Budget, &outcome); err != nil {
			return nil, err
		}
		m.Account = Account(acc)
		if outcome.Valid {
			o := Money(outcome.Int64)
			m.Outcome = &o
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ReportedNames gives, per measure, the name a unit reported it under in
// each month from `from` through p (for telling a new way of counting).
func (s *Store) ReportedNames(ctx context.Context, sc Scope, from, p Period) (map[int64]map[Period]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT measure_id, period, reported_name FROM measure_value
		WHERE area_id = ? AND unit_id = ? AND period BETWEEN ? AND ?`, sc.AreaID, sc.UnitID, from, p)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[Period]string{}
	for rows.Next() {
		var id int64
		var per Period
		var name string
		if err := rows.Scan(&id, &per, &name); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[Period]string{}
		}
		out[id][per] = name
	}
	return out, rows.Err()
}
