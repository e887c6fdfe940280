package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ReportStatus is where a unit's report for a period is in the controller's
// review. ReportWaiting is derived: the unit is expected to report and no
// import has brought its data yet; it is never stored.
type ReportStatus string

const (
	ReportWaiting   ReportStatus = "vantar"
	ReportSubmitted ReportStatus = "inlamnad"
	ReportSentBack  ReportStatus = "atersand" // komplettering begärd
	ReportApproved  ReportStatus = "godkand"
)

// ReportStatuses in lifecycle order.
var ReportStatuses = []ReportStatus{ReportWaiting, ReportSubmitted, ReportSentBack, ReportApproved}

// Review settings.
const (
	// SettingDeadlineDay: a period's report is due on this day of the
	// following month.
	SettingDeadlineDay = "review.deadline_day"
	// SettingPlausiblePct: a measure is implausible when it moves more
	// than this many per cent from its own last twelve months.
	SettingPlausiblePct = "review.plausible_pct"
)

func init() {
	SettingDefs = append(SettingDefs,
		SettingDef{SettingDeadlineDay, "10", KindInt},
		SettingDef{SettingPlausiblePct, "50", KindNumber},
	)
}

// Transition errors: why an action on a report is refused.
var (
	ErrNothingToReview  = errors.New("the report has nothing submitted")
	ErrNoteRequired     = errors.New("a reason is required")
	ErrAlreadyApproved  = errors.New("the report is already approved")
	ErrAlreadySentBack  = errors.New("the report is already sent back")
	ErrNotApproved      = errors.New("only an approved report can be reopened")
	ErrReportLocked     = errors.New("the report is approved and locked")
	ErrNotAReviewAction = errors.New("not an action a person takes")
)

// TransitionError says which action was refused on which report, and
// where the report stands (who moved it there last, and when).
type TransitionError struct {
	Err          error
	Action       EventKind
	UnitID       int64
	Period       Period
	Status       ReportStatus
	LastActor    string
	LastAt       string
	LastKind     EventKind
	LastReported bool // LastActor/LastAt are set
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("%s on report %d/%s (%s): %v", e.Action, e.UnitID, e.Period, e.Status, e.Err)
}

func (e *TransitionError) Unwrap() error { return e.Err }

// Transition is the lifecycle: the status an action leads to from a
// status, or why it is refused. Imports submit (väntar → inlämnad),
// resubmit (återsänd → inlämnad) and update (inlämnad stays); an approved
// report is locked against imports until reopened. Send back and reopen
// need a reason; comments need text and leave the status as it is.
func Transition(from ReportStatus, act EventKind, note string) (ReportStatus, error) {
	hasNote := strings.TrimSpace(note) != ""
	switch act {
	case EventSubmit, EventResubmit, EventUpdate:
		switch from {
		case ReportWaiting, ReportSentBack, ReportSubmitted:
			return ReportSubmitted, nil
		case ReportApproved:
			return from, ErrReportLocked
		}
	case EventSendBack:
		switch {
		case from == ReportWaiting:
			return from, ErrNothingToReview
		case from == ReportApproved:
			return from, ErrAlreadyApproved
		case from == ReportSentBack:
			return from, ErrAlreadySentBack
		case !hasNote:
			return from, ErrNoteRequired
		}
		return ReportSentBack, nil
	case EventApprove:
		switch from {
		case ReportWaiting:
			return from, ErrNothingToReview
		case ReportApproved:
			return from, ErrAlreadyApproved
		case ReportSentBack:
			return from, ErrAlreadySentBack
		}
		return ReportApproved, nil
	case EventReopen:
		switch {
		case from != ReportApproved:
			return from, ErrNotApproved
		case !hasNote:
			return from, ErrNoteRequired
		}
		return ReportSubmitted, nil
	case EventComment:
		switch {
		case from == ReportWaiting:
			return from, ErrNothingToReview
		case !hasNote:
			return from, ErrNoteRequired
		}
		return from, nil
	case EventUndo:
		return from, nil
	}
	return from, ErrNotAReviewAction
}

// importKind is the event an import makes on a report in status from.
func importKind(from ReportStatus) EventKind {
	switch from {
	case ReportWaiting:
		return EventSubmit
	case ReportSentBack:
		return EventResubmit
	}
	return EventUpdate
}

// UnitReport is a unit's report for a period, as stored.
type UnitReport struct {
	ID               int64
	UnitID           int64
	Period           Period
	Status           ReportStatus
	SubmittedAt      string // RFC 3339, UTC: the latest import that brought data
	SubmittedBy      string
	FirstSubmittedAt string // what "on time" is judged by
	ReviewedAt       string
	Reviewer         string
}

// ReportEvent is an event as the demo generator writes it: the status it
// led to, from the status before.
type ReportEvent struct {
	At       string
	Actor    string
	From, To ReportStatus
	Comment  string
}

// PutUnitReport writes a unit report's state and appends the event that
// brought it there to the audit trail, so every change is in the chain.
// The event's kind follows from its statuses.
func (t *Tx) PutUnitReport(r UnitReport, ev ReportEvent) (int64, error) {
	if err := t.actor.Check(ActReview); err != nil {
		return 0, err
	}
	if r.FirstSubmittedAt == "" {
		r.FirstSubmittedAt = r.SubmittedAt
	}
	var id int64
	err := t.tx.QueryRowContext(t.ctx, `INSERT INTO unit_report(unit_id, period, status, submitted_at, submitted_by, first_submitted_at, reviewed_at, reviewer)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(unit_id, period) DO UPDATE SET status = excluded.status, submitted_at = excluded.submitted_at,
			submitted_by = excluded.submitted_by, reviewed_at = excluded.reviewed_at, reviewer = excluded.reviewer,
			first_submitted_at = ifnull(unit_report.first_submitted_at, excluded.first_submitted_at)
		RETURNING id`, r.UnitID, r.Period, string(r.Status), nullString(r.SubmittedAt), r.SubmittedBy,
		nullString(r.FirstSubmittedAt), nullString(r.ReviewedAt), r.Reviewer).Scan(&id)
	if err != nil {
		return 0, err
	}
	_, err = appendEvent(t.ctx, t.tx, AuditEvent{At: ev.At, Actor: ev.Actor, Kind: kindOf(ev.From, ev.To),
		UnitID: r.UnitID, Period: r.Period, From: ev.From, To: ev.To, Text: ev.Comment})
	return id, err
}

// kindOf names the event that moved a report from one status to another.
func kindOf(from, to ReportStatus) EventKind {
	switch {
	case to == ReportSentBack:
		return EventSendBack
	case to == ReportApproved:
		return EventApprove
	case from == ReportApproved:
		return EventReopen
	case to == ReportSubmitted:
		return importKind(from)
	}
	return EventComment
}

// reportState reads a report's stored status inside tx; väntar when none.
func reportState(ctx context.Context, tx *sql.Tx, unit int64, p Period) (UnitReport, error) {
	r := UnitReport{UnitID: unit, Period: p, Status: ReportWaiting}
	var sub, first, rev sql.NullString
	var status string
	err := tx.QueryRowContext(ctx, `SELECT id, status, submitted_at, submitted_by, first_submitted_at, reviewed_at, reviewer
		FROM unit_report WHERE unit_id = ? AND period = ?`, unit, p).Scan(&r.ID, &status, &sub, &r.SubmittedBy, &first, &rev, &r.Reviewer)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	r.Status = ReportStatus(status)
	r.SubmittedAt, r.FirstSubmittedAt, r.ReviewedAt = sub.String, first.String, rev.String
	return r, err
}

// ReviewAction is what a person does to a report.
type ReviewAction struct {
	UnitID     int64
	Period     Period
	Kind       EventKind // EventApprove, EventSendBack, EventReopen, EventComment
	Actor      string
	At         string // RFC 3339, UTC
	Note       string
	TargetKind string // a comment's row, "" for the report
	Target     string
}

// Review applies an action to a report in one transaction: the report's
// status is read under the write lock, the action is checked against the
// lifecycle, the status changes and the event is appended to the chain.
// Two people acting on one report at once are served one after the
// other; the second is refused with a TransitionError that says who
// moved the report, unless the action is still legal. The actor is a
// value the caller passes (else the store's actor, see As); the store
// never asks the system who is running it.
func (s *Store) Review(ctx context.Context, a ReviewAction) (AuditEvent, error) {
	var ev AuditEvent
	a.Actor = s.auditName(a.Actor) // over SSH, always the connected person
	err := s.write(ctx, ActReview, func(t *Tx) error {
		r, err := reportState(ctx, t.tx, a.UnitID, a.Period)
		if err != nil {
			return err
		}
		if a.Kind != EventApprove && a.Kind != EventSendBack && a.Kind != EventReopen && a.Kind != EventComment {
			return &TransitionError{Err: ErrNotAReviewAction, Action: a.Kind, UnitID: a.UnitID, Period: a.Period, Status: r.Status}
		}
		to, err := Transition(r.Status, a.Kind, a.Note)
		if err != nil {
			te := &TransitionError{Err: err, Action: a.Kind, UnitID: a.UnitID, Period: a.Period, Status: r.Status}
			err := t.tx.QueryRowContext(ctx, `SELECT actor, at, kind FROM audit_event WHERE unit_id = ? AND period = ? AND kind <> 'comment'
				ORDER BY id DESC LIMIT 1`, a.UnitID, a.Period).Scan(&te.LastActor, &te.LastAt, &te.LastKind)
			te.LastReported = err == nil
			return te
		}
		switch a.Kind {
		case EventApprove, EventSendBack:
			_, err = t.tx.ExecContext(ctx, `UPDATE unit_report SET status = ?, reviewed_at = ?, reviewer = ? WHERE id = ?`,
				string(to), a.At, a.Actor, r.ID)
		case EventReopen:
			_, err = t.tx.ExecContext(ctx, `UPDATE unit_report SET status = ? WHERE id = ?`, string(to), r.ID)
		}
		if err != nil {
			return err
		}
		ev, err = appendEvent(ctx, t.tx, AuditEvent{At: a.At, Actor: a.Actor, Kind: a.Kind, UnitID: a.UnitID, Period: a.Period,
			From: r.Status, To: to, TargetKind: a.TargetKind, Target: a.Target, Text: strings.TrimSpace(a.Note)})
		return err
	})
	return ev, err
}
