package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// The audit trail of the unit reports (table audit_event) is append-only
// twice over: triggers refuse UPDATE and DELETE, and every event carries a
// SHA-256 over its own content and the previous event's hash. Someone with
// the file can drop the triggers, but cannot change or remove an event
// without breaking the chain at that event, which VerifyAudit names.

// EventKind is what happened to a report.
type EventKind string

const (
	EventSubmit   EventKind = "submit"    // an import brought the unit's data: väntar → inlämnad
	EventResubmit EventKind = "resubmit"  // an import after a send-back: återsänd → inlämnad ("kompletterad")
	EventUpdate   EventKind = "update"    // an import changed a submitted report's rows
	EventSendBack EventKind = "send_back" // the controller asks for completion, with a reason
	EventApprove  EventKind = "approve"
	EventReopen   EventKind = "reopen" // an approved report opened again, with a reason
	EventComment  EventKind = "comment"
	EventUndo     EventKind = "undo" // an import that touched the report was undone
)

// EventKinds in the order a legend lists them.
var EventKinds = []EventKind{EventSubmit, EventResubmit, EventUpdate, EventSendBack, EventApprove, EventReopen, EventComment, EventUndo}

// Target kinds: the row of a report a comment is about. Empty: the report.
const (
	TargetBudget    = "budget"    // Target: the konto
	TargetPlacement = "placement" // Target: the insats
	TargetMeasure   = "measure"   // Target: the measure key
	TargetIndicator = "indicator" // Target: the measure key
	TargetNarrative = "narrative" // Target: the narrative's title
)

// AuditEvent is one event of the trail.
type AuditEvent struct {
	ID         int64
	At         string // RFC 3339, UTC
	Actor      string
	Kind       EventKind
	UnitID     int64
	Period     Period
	From, To   ReportStatus
	TargetKind string // "" for the report as a whole
	Target     string
	Text       string
	ImportRun  int64 // the import (or the undone import) that touched the report
	RowsNew    int
	RowsChange int
	PrevHash   string
	Hash       string

	// The area's and unit's names when the event was written.
	Area, Unit string
}

// hashContent is what an event's hash covers, in a fixed order.
type hashContent struct {
	ID         int64  `json:"id"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	Kind       string `json:"kind"`
	UnitID     int64  `json:"unit_id"`
	Area       string `json:"area"`
	Unit       string `json:"unit"`
	Period     string `json:"period"`
	From       string `json:"from"`
	To         string `json:"to"`
	TargetKind string `json:"target_kind"`
	Target     string `json:"target"`
	Text       string `json:"text"`
	ImportRun  int64  `json:"import_run"`
	RowsNew    int    `json:"rows_new"`
	RowsChange int    `json:"rows_changed"`
}

// ComputeHash is the event's SHA-256 (hex) over the previous hash and its
// content; ID must be set.
func (e AuditEvent) ComputeHash() string {
	b, _ := json.Marshal(hashContent{e.ID, e.At, e.Actor, string(e.Kind), e.UnitID, e.Area, e.Unit, e.Period.String(), string(e.From), string(e.To),
		e.TargetKind, e.Target, e.Text, e.ImportRun, e.RowsNew, e.RowsChange})
	h := sha256.New()
	h.Write([]byte(e.PrevHash))
	h.Write([]byte{'\n'})
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// appendEvent adds e at the end of the chain inside tx and returns it with
// its id and hashes. The caller's transaction holds the write lock (every
// transaction begins IMMEDIATE), so nobody appends in between.
// execQuerier is a transaction, or its prepared-statement cache.
type execQuerier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func appendEvent(ctx context.Context, tx execQuerier, e AuditEvent) (AuditEvent, error) {
	w, err := newChainWriter(ctx, tx)
	if err != nil {
		return e, err
	}
	if e, err = w.add(e); err != nil {
		return e, err
	}
	return e, w.flush()
}

// eventsPerInsert is how many events one INSERT writes: 18 values each,
// well under SQLite's 32 766 bound variables, and few enough statements
// that an import touching 200 000 unit-months does not spend its time
// stepping one statement per event.
const eventsPerInsert = 500

// chainWriter appends events at the end of the chain inside a
// transaction, in the order they are added. The chain's tail is read
// once; each event's hash is computed in Go from the one before it, and
// the events are written with multi-row INSERTs, which SQLite steps row
// by row, so the chain trigger checks every event against the one written
// just before it. Only one INSERT's events are held at a time.
type chainWriter struct {
	ctx      context.Context
	tx       execQuerier
	id       int64 // the last id given
	prevHash string
	buf      []AuditEvent
	args     []any
}

func newChainWriter(ctx context.Context, tx execQuerier) (*chainWriter, error) {
	var last sql.NullInt64
	var prev sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1`).Scan(&last, &prev)
	if err != nil && err != sql.ErrNoRows {
		return nil, err
	}
	var seq sql.NullInt64 // AUTOINCREMENT's high-water mark, above max(id) if the tail was removed
	if err := tx.QueryRowContext(ctx, `SELECT max(seq) FROM sqlite_sequence WHERE name = 'audit_event'`).Scan(&seq); err != nil {
		return nil, err
	}
	return &chainWriter{ctx: ctx, tx: tx, id: max(last.Int64, seq.Int64), prevHash: prev.String}, nil
}

// add gives e its id and hashes, and writes it with the events before it
// once an INSERT's worth is waiting; flush writes the rest.
func (w *chainWriter) add(e AuditEvent) (AuditEvent, error) {
	if e.Unit == "" {
		if err := w.tx.QueryRowContext(w.ctx, `SELECT a.name, u.name FROM unit u JOIN area a ON a.id = u.area_id WHERE u.id = ?`,
			e.UnitID).Scan(&e.Area, &e.Unit); err != nil {
			return e, fmt.Errorf("audit event for unit %d: %w", e.UnitID, err)
		}
	}
	if e.From == "" {
		e.From = ReportWaiting
	}
	if e.To == "" {
		e.To = e.From
	}
	w.id++
	e.ID, e.PrevHash = w.id, w.prevHash
	e.Hash = e.ComputeHash()
	w.prevHash = e.Hash
	w.buf = append(w.buf, e)
	if len(w.buf) == eventsPerInsert {
		return e, w.flush()
	}
	return e, nil
}

func (w *chainWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	w.args = w.args[:0]
	for _, e := range w.buf {
		w.args = append(w.args, e.ID, e.At, e.Actor, string(e.Kind), e.UnitID, e.Area, e.Unit, e.Period, string(e.From), string(e.To),
			e.TargetKind, e.Target, e.Text, nullZero(e.ImportRun), e.RowsNew, e.RowsChange, e.PrevHash, e.Hash)
	}
	_, err := w.tx.ExecContext(w.ctx, insertEventsSQL(len(w.buf)), w.args...)
	w.buf = w.buf[:0]
	return err
}

// insertEventsSQL is the INSERT of n events.
func insertEventsSQL(n int) string {
	const row = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	return `INSERT INTO audit_event(id, at, actor, kind, unit_id, area_name, unit_name, period, from_status, to_status,
			target_kind, target, text, import_run, rows_new, rows_changed, prev_hash, hash)
		VALUES ` + strings.Repeat(row+`, `, n-1) + row
}

const auditColumns = `e.id, e.at, e.actor, e.kind, e.unit_id, e.period, e.from_status, e.to_status, e.target_kind, e.target,
	e.text, ifnull(e.import_run, 0), e.rows_new, e.rows_changed, e.prev_hash, e.hash, e.area_name, e.unit_name`

func scanEvent(rows *sql.Rows) (AuditEvent, error) {
	var e AuditEvent
	var kind, from, to string
	err := rows.Scan(&e.ID, &e.At, &e.Actor, &kind, &e.UnitID, &e.Period, &from, &to, &e.TargetKind, &e.Target,
		&e.Text, &e.ImportRun, &e.RowsNew, &e.RowsChange, &e.PrevHash, &e.Hash, &e.Area, &e.Unit)
	e.Kind, e.From, e.To = EventKind(kind), ReportStatus(from), ReportStatus(to)
	return e, err
}

// AuditFilter narrows the trail; zero values match everything.
type AuditFilter struct {
	Period Period
	UnitID int64
}

// AuditEvents lists the trail in the order it was written.
func (s *Store) AuditEvents(ctx context.Context, f AuditFilter) ([]AuditEvent, error) {
	var where []string
	var args []any
	if !f.Period.IsZero() {
		where, args = append(where, `e.period = ?`), append(args, f.Period)
	}
	if f.UnitID != 0 {
		where, args = append(where, `e.unit_id = ?`), append(args, f.UnitID)
	}
	q := `SELECT ` + auditColumns + ` FROM audit_event e`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEvent
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Chain breaks, as VerifyAudit names them.
const (
	BreakAltered       = "altered"        // the event's content does not match its hash
	BreakRemoved       = "removed"        // events before this one are missing
	BreakRemovedLast   = "removed_last"   // the last events are missing
	BreakStatusMissing = "status_missing" // a report's status is not the one its trail ends in
)

// AuditBreak is the first place the chain does not hold.
type AuditBreak struct {
	Reason  string
	EventID int64 // the altered event; for removed: the first missing id
	LastID  int64 // for removed: the last missing id
	// For BreakStatusMissing: the report.
	UnitID int64
	Period Period
	Status ReportStatus
}

func (b *AuditBreak) Error() string {
	return fmt.Sprintf("audit trail broken (%s) at event %d", b.Reason, b.EventID)
}

// AuditSummary is what VerifyAudit walked.
type AuditSummary struct {
	Events   int
	LastID   int64
	LastHash string
}

// VerifyAudit walks the whole chain and returns the first break, or nil
// when every event is as it was written and none is missing.
func (s *Store) VerifyAudit(ctx context.Context) (AuditSummary, *AuditBreak, error) {
	var sum AuditSummary
	rows, err := s.db.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_event e ORDER BY e.id`)
	if err != nil {
		return sum, nil, err
	}
	defer rows.Close()
	prevHash, prevID := "", int64(0)
	lastStatus := map[reportKey]ReportStatus{}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return sum, nil, err
		}
		switch {
		case e.ID != prevID+1 && e.PrevHash != prevHash:
			return sum, &AuditBreak{Reason: BreakRemoved, EventID: prevID + 1, LastID: e.ID - 1}, nil
		case e.PrevHash != prevHash || e.ComputeHash() != e.Hash:
			return sum, &AuditBreak{Reason: BreakAltered, EventID: e.ID}, nil
		}
		prevHash, prevID = e.Hash, e.ID
		sum.Events++
		if e.Kind != EventComment {
			lastStatus[reportKey{e.UnitID, e.Period}] = e.To
		}
	}
	if err := rows.Err(); err != nil {
		return sum, nil, err
	}
	sum.LastID, sum.LastHash = prevID, prevHash
	var seq sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(seq) FROM sqlite_sequence WHERE name = 'audit_event'`).Scan(&seq); err != nil {
		return sum, nil, err
	}
	if seq.Int64 > prevID {
		return sum, &AuditBreak{Reason: BreakRemovedLast, EventID: prevID + 1, LastID: seq.Int64}, nil
	}
	// Every report's status must be where its trail ends: a status set
	// past the trail, or a trail cut short, shows here.
	st, err := s.db.QueryContext(ctx, `SELECT unit_id, period, status FROM unit_report ORDER BY period, unit_id`)
	if err != nil {
		return sum, nil, err
	}
	defer st.Close()
	for st.Next() {
		var k reportKey
		var status string
		if err := st.Scan(&k.unit, &k.period, &status); err != nil {
			return sum, nil, err
		}
		if lastStatus[k] != ReportStatus(status) {
			return sum, &AuditBreak{Reason: BreakStatusMissing, UnitID: k.unit, Period: k.period, Status: ReportStatus(status)}, nil
		}
	}
	return sum, nil, st.Err()
}

type reportKey struct {
	unit   int64
	period Period
}
