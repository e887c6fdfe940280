package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// An import submits the reports whose rows it adds or changes: the import
// run records both (import_insert's id ranges, import_change's rows), so
// the reports it touched are read from there, not counted row by row.

// factTables are the tables a unit report is made of.
var factTables = []string{"budget", "placement", "measure_value", "narrative"}

// TouchedReport is a unit report whose rows an import added or changed.
type TouchedReport struct {
	UnitID           int64
	Period           Period
	Area, Unit       string
	RowsNew, Changed int
	Status           ReportStatus // before the import
}

// touchedSQL lists (unit, period, new, changed) for rows of a table that
// are new by the condition newRows(table) or changed in run ?1.
func touchedSQL(newRows func(table string) string) string {
	var parts []string
	for _, t := range factTables {
		parts = append(parts, fmt.Sprintf(`SELECT unit_id, period, 1 AS n, 0 AS c FROM %s WHERE unit_id IS NOT NULL AND %s`, t, newRows(t)),
			fmt.Sprintf(`SELECT x.unit_id, x.period, 0, 1 FROM import_change ch JOIN %[1]s x ON x.id = ch.row_id
				WHERE ch.run_id = ?1 AND ch.tbl = '%[1]s' AND x.unit_id IS NOT NULL`, t))
	}
	return `SELECT r.unit_id, r.period, sum(r.n), sum(r.c), a.name, u.name, ifnull(ur.status, 'vantar')
		FROM (` + strings.Join(parts, " UNION ALL ") + `) r
		JOIN unit u ON u.id = r.unit_id JOIN area a ON a.id = u.area_id
		LEFT JOIN unit_report ur ON ur.unit_id = r.unit_id AND ur.period = r.period
		GROUP BY r.unit_id, r.period ORDER BY r.period, a.sort, a.id, u.sort, u.id`
}

func queryTouched(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]TouchedReport, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TouchedReport
	for rows.Next() {
		var r TouchedReport
		var st string
		if err := rows.Scan(&r.UnitID, &r.Period, &r.RowsNew, &r.Changed, &r.Area, &r.Unit, &st); err != nil {
			return nil, err
		}
		r.Status = ReportStatus(st)
		out = append(out, r)
	}
	return out, rows.Err()
}

// LockedReportsError: an import (or an undo) would change approved
// reports; nothing was written. Reports lists them.
type LockedReportsError struct {
	Reports []TouchedReport
}

func (e *LockedReportsError) Error() string {
	return fmt.Sprintf("%d approved reports would change", len(e.Reports))
}

// SubmitReports is the review side of an import, run in its transaction
// after its rows are written (BeginImport must have begun the run): every
// unit report whose rows it added or changed is submitted, resubmitted or
// updated, with an event naming the import. Approved reports are locked:
// without reopen the import is refused with a LockedReportsError naming
// each; with a reopen reason each is reopened (an event of its own)
// before the import's event. Rows of an area as a whole belong to no unit
// report.
func (t *Tx) SubmitReports(actor, at, reopen string) ([]TouchedReport, error) {
	if !t.runRecorded {
		return nil, fmt.Errorf("SubmitReports: no import run has begun")
	}
	newRows := func(table string) string { return fmt.Sprintf(`id > %d`, t.runStart[table]) }
	touched, err := queryTouched(t.ctx, t.tx, touchedSQL(newRows), t.run)
	if err != nil {
		return nil, err
	}
	var locked []TouchedReport
	for _, r := range touched {
		if r.Status == ReportApproved {
			locked = append(locked, r)
		}
	}
	if len(locked) > 0 && strings.TrimSpace(reopen) == "" {
		return touched, &LockedReportsError{Reports: locked}
	}
	if err := t.submitTouched(at, actor, touched); err != nil {
		return nil, err
	}
	// The events, in the order of the touched reports: a reopen right
	// before the import's own event.
	w, err := newChainWriter(t.ctx, prepared{t})
	if err != nil {
		return nil, err
	}
	for _, r := range touched {
		from := r.Status
		if from == ReportApproved {
			if _, err := w.add(AuditEvent{At: at, Actor: actor, Kind: EventReopen, UnitID: r.UnitID, Area: r.Area, Unit: r.Unit, Period: r.Period,
				From: from, To: ReportSubmitted, Text: strings.TrimSpace(reopen), ImportRun: t.run}); err != nil {
				return nil, err
			}
			from = ReportSubmitted
		}
		if _, err := w.add(AuditEvent{At: at, Actor: actor, Kind: importKind(from), UnitID: r.UnitID, Area: r.Area, Unit: r.Unit, Period: r.Period,
			From: from, To: ReportSubmitted, ImportRun: t.run, RowsNew: r.RowsNew, RowsChange: r.Changed}); err != nil {
			return nil, err
		}
	}
	if err := w.flush(); err != nil {
		return nil, err
	}
	return touched, nil
}

// submitTouched submits the touched reports in one INSERT … SELECT over
// their (unit id, period) pairs as a JSON array, in their order: a new
// report is inlämnad from now, an existing one inlämnad again, keeping
// when it was first submitted.
func (t *Tx) submitTouched(at, actor string, touched []TouchedReport) error {
	if len(touched) == 0 {
		return nil
	}
	var js strings.Builder
	js.Grow(len(touched) * 20)
	js.WriteByte('[')
	for i, r := range touched {
		if i > 0 {
			js.WriteByte(',')
		}
		fmt.Fprintf(&js, `[%d,"%s"]`, r.UnitID, r.Period) // a period is digits and a dash
	}
	js.WriteByte(']')
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO unit_report(unit_id, period, status, submitted_at, submitted_by, first_submitted_at)
		SELECT j.value ->> 0, j.value ->> 1, 'inlamnad', ?1, ?2, ?1 FROM json_each(?3) j WHERE true ORDER BY j.key
		ON CONFLICT(unit_id, period) DO UPDATE SET status = 'inlamnad', submitted_at = ?1, submitted_by = ?2,
			first_submitted_at = ifnull(unit_report.first_submitted_at, ?1)`, at, actor, js.String())
	return err
}

// undoTouched lists the reports an import run added or changed rows of,
// before an undo takes them back.
func (t *Tx) undoTouched(run int64) ([]TouchedReport, error) {
	newRows := func(table string) string {
		return fmt.Sprintf(`id BETWEEN ifnull((SELECT first_id FROM import_insert WHERE run_id = ?1 AND tbl = '%[1]s'), 0)
			AND ifnull((SELECT last_id FROM import_insert WHERE run_id = ?1 AND tbl = '%[1]s'), -1)`, table)
	}
	return queryTouched(t.ctx, t.tx, touchedSQL(newRows), run)
}

// undoReports refuses an undo that would change approved reports, and
// otherwise appends an undo event to each report the run touched.
func (t *Tx) undoReports(run int64, actor, at string) error {
	touched, err := t.undoTouched(run)
	if err != nil {
		return err
	}
	var locked []TouchedReport
	for _, r := range touched {
		if r.Status == ReportApproved {
			locked = append(locked, r)
		}
	}
	if len(locked) > 0 {
		return &LockedReportsError{Reports: locked}
	}
	// The undo events are written in INSERTs of many; the look-ups below
	// read only the import events written before them.
	w, err := newChainWriter(t.ctx, prepared{t})
	if err != nil {
		return err
	}
	for _, r := range touched {
		if r.Status == ReportWaiting {
			continue // no report: nothing to write the event on
		}
		// A report this run submitted goes back to where the run found it,
		// unless the controller has acted on it since.
		to := r.Status
		var before string
		var runEvent int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT id, from_status FROM audit_event WHERE unit_id = ? AND period = ? AND import_run = ?
			AND kind IN ('submit', 'resubmit', 'update') ORDER BY id LIMIT 1`, r.UnitID, r.Period, run).Scan(&runEvent, &before)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		switch {
		case r.Status == ReportSubmitted && before == string(ReportWaiting):
			to = ReportWaiting
			_, err = t.tx.ExecContext(t.ctx, `DELETE FROM unit_report WHERE unit_id = ? AND period = ?`, r.UnitID, r.Period)
		case r.Status == ReportSubmitted && runEvent != 0:
			if before == string(ReportSentBack) {
				to = ReportSentBack
			}
			// Submitted as the import before this one left it.
			_, err = t.tx.ExecContext(t.ctx, `UPDATE unit_report SET status = ?1,
				(submitted_at, submitted_by) = (SELECT at, actor FROM audit_event WHERE unit_id = ?2 AND period = ?3 AND id < ?4
					AND kind IN ('submit', 'resubmit', 'update') ORDER BY id DESC LIMIT 1)
				WHERE unit_id = ?2 AND period = ?3`, string(to), r.UnitID, r.Period, runEvent)
		}
		if err != nil {
			return err
		}
		if _, err := w.add(AuditEvent{At: at, Actor: actor, Kind: EventUndo, UnitID: r.UnitID, Area: r.Area, Unit: r.Unit, Period: r.Period,
			From: r.Status, To: to, ImportRun: run, RowsNew: r.RowsNew, RowsChange: r.Changed}); err != nil {
			return err
		}
	}
	return w.flush()
}

// migrateReportEvents moves version 1's report_event into the chained
// audit_event, oldest first, and replaces unit_report by its new form
// (schema 010). Events that only created a draft are left behind.
func migrateReportEvents(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT e.at, e.actor, ifnull(e.from_status, ''), ifnull(e.to_status, ''), e.comment, r.unit_id, r.period
		FROM report_event e JOIN unit_report r ON r.id = e.report_id
		WHERE ifnull(e.to_status, '') NOT IN ('', 'utkast') ORDER BY e.at, e.id`)
	if err != nil {
		return err
	}
	old := func(s string) ReportStatus {
		switch s {
		case "", "utkast":
			return ReportWaiting
		case "komplettering":
			return ReportSentBack
		}
		return ReportStatus(s)
	}
	var evs []AuditEvent
	for rows.Next() {
		var e AuditEvent
		var from, to string
		if err := rows.Scan(&e.At, &e.Actor, &from, &to, &e.Text, &e.UnitID, &e.Period); err != nil {
			rows.Close()
			return err
		}
		e.From, e.To = old(from), old(to)
		e.Kind = kindOf(e.From, e.To)
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	w, err := newChainWriter(ctx, tx)
	if err != nil {
		return err
	}
	for _, e := range evs {
		if _, err := w.add(e); err != nil {
			return err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DROP TABLE report_event; DROP TABLE unit_report;
		ALTER TABLE unit_report_v2 RENAME TO unit_report`)
	return err
}
