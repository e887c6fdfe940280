package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// What a briefing mark points at (briefing_note.ref_kind).
const (
	RefGap       = "gap"       // Ref: the rule id; the scope names where
	RefNarrative = "narrative" // Ref: the narrative's id
	RefBudget    = "budget"    // Ref: the konto, "" for the total
	RefMeasure   = "measure"   // Ref: the measure's id; the scope's series (a volume)
	// RefIndicator is a goal indicator as a unit (or the area, UnitID 0)
	// reported it. Ref: the measure's id.
	RefIndicator = "indicator"
)

// BriefingNote is a row the social director marked for the chair's
// briefing, with the director's own text: an assessment (bedömning) and a
// proposed action (föreslagen åtgärd).
type BriefingNote struct {
	ID          int64
	MeetingDate string // YYYY-MM-DD
	Period      Period
	Scope              // where the marked row belongs
	RefKind     string // RefGap, RefNarrative, RefBudget, RefMeasure, RefIndicator
	Ref         string
	Label       string // what the row said when marked, for the list
	Assessment  string // bedömning
	Action      string // föreslagen åtgärd
	Ordinal     int    // order within the area
	CreatedAt   string
}

// ErrNoNote is returned when a briefing note is gone.
var ErrNoNote = errors.New("no such briefing note")

// ToggleBriefingMark marks a row for a meeting's briefing, or unmarks it
// when it is marked already. It reports whether the row is marked after.
func (s *Store) ToggleBriefingMark(ctx context.Context, n BriefingNote) (bool, error) {
	n = areaWideToStored(n)
	marked := false
	err := s.write(ctx, ActBriefing, func(t *Tx) error {
		var id int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM briefing_note
			WHERE meeting_date = ? AND period = ? AND ref_kind = ? AND ref = ? AND ifnull(area_id, 0) = ? AND ifnull(unit_id, 0) = ?`,
			n.MeetingDate, n.Period, n.RefKind, n.Ref, n.AreaID, n.UnitID).Scan(&id)
		switch {
		case err == nil:
			_, err = t.tx.ExecContext(t.ctx, `DELETE FROM briefing_note WHERE id = ?`, id)
			return err
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		var next int
		if err := t.tx.QueryRowContext(t.ctx, `SELECT ifnull(max(ordinal), 0) + 1 FROM briefing_note
			WHERE meeting_date = ? AND period = ? AND ifnull(area_id, 0) = ?`, n.MeetingDate, n.Period, n.AreaID).Scan(&next); err != nil {
			return err
		}
		created := n.CreatedAt
		if created == "" {
			created = time.Now().UTC().Format(time.RFC3339)
		}
		_, err = t.tx.ExecContext(t.ctx, `INSERT INTO briefing_note(meeting_date, period, area_id, unit_id, ref_kind, ref, label, note, action, ordinal, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			n.MeetingDate, n.Period, nullZero(n.AreaID), nullZero(n.UnitID), n.RefKind, n.Ref, n.Label, n.Assessment, n.Action, next, created)
		marked = err == nil
		return err
	})
	return marked, err
}

// BriefingNotes lists a meeting's marks for a period, by area order and
// then the director's order.
func (s *Store) BriefingNotes(ctx context.Context, meeting string, p Period) ([]BriefingNote, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.meeting_date, n.period, ifnull(n.area_id, 0), ifnull(n.unit_id, 0),
			n.ref_kind, n.ref, n.label, n.note, n.action, n.ordinal, n.created_at
		FROM briefing_note n LEFT JOIN area a ON a.id = n.area_id
		WHERE n.meeting_date = ? AND n.period = ?
		ORDER BY ifnull(a.sort, 1e9), ifnull(a.id, 0), n.ordinal, n.id`, meeting, p)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BriefingNote
	for rows.Next() {
		var n BriefingNote
		if err := rows.Scan(&n.ID, &n.MeetingDate, &n.Period, &n.AreaID, &n.UnitID, &n.RefKind, &n.Ref, &n.Label, &n.Assessment, &n.Action, &n.Ordinal, &n.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, areaWideFromStored(n))
	}
	return out, rows.Err()
}

// areaWideRef leads the ref of a budget mark on an area's own rows
// ("Gemensamt för området"): the table's unit_id refers to a real unit,
// so the area-wide scope is stored as the area with this prefix before
// the konto.
const areaWideRef = "area_wide:"

func areaWideToStored(n BriefingNote) BriefingNote {
	if n.RefKind == RefBudget && n.Scope.IsAreaWide() {
		n.UnitID, n.Ref = 0, areaWideRef+n.Ref
	}
	return n
}

func areaWideFromStored(n BriefingNote) BriefingNote {
	if konto, ok := strings.CutPrefix(n.Ref, areaWideRef); ok && n.RefKind == RefBudget && n.UnitID == 0 {
		n.UnitID, n.Ref = AreaWideUnit, konto
	}
	return n
}

// SetBriefingText stores the director's assessment and proposed action.
func (s *Store) SetBriefingText(ctx context.Context, id int64, assessment, action string) error {
	res, err := s.exec(ctx, ActBriefing, `UPDATE briefing_note SET note = ?, action = ? WHERE id = ?`, assessment, action, id)
	return noteChanged(res, err)
}

// RemoveBriefingNote removes a mark and its text.
func (s *Store) RemoveBriefingNote(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, ActBriefing, `DELETE FROM briefing_note WHERE id = ?`, id)
	return noteChanged(res, err)
}

func noteChanged(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNoNote
	}
	return nil
}

// MoveBriefingNote moves a note one place up (delta -1) or down (+1)
// among its area's notes; at either end it stays.
func (s *Store) MoveBriefingNote(ctx context.Context, id int64, delta int) error {
	return s.write(ctx, ActBriefing, func(t *Tx) error {
		var meeting string
		var p Period
		var area int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT meeting_date, period, ifnull(area_id, 0) FROM briefing_note WHERE id = ?`, id).
			Scan(&meeting, &p, &area)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNoNote
		}
		if err != nil {
			return err
		}
		rows, err := t.tx.QueryContext(t.ctx, `SELECT id FROM briefing_note
			WHERE meeting_date = ? AND period = ? AND ifnull(area_id, 0) = ? ORDER BY ordinal, id`, meeting, p, area)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var x int64
			if err := rows.Scan(&x); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, x)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
		at := -1
		for i, x := range ids {
			if x == id {
				at = i
			}
		}
		to := at + delta
		if at < 0 || to < 0 || to >= len(ids) {
			return nil
		}
		ids[at], ids[to] = ids[to], ids[at]
		for i, x := range ids {
			if _, err := t.tx.ExecContext(t.ctx, `UPDATE briefing_note SET ordinal = ? WHERE id = ?`, i+1, x); err != nil {
				return err
			}
		}
		return nil
	})
}

// UnitReportCounts counts a period's unit reports and how many are approved.
func (s *Store) UnitReportCounts(ctx context.Context, p Period) (approved, total int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*), ifnull(sum(status = ?), 0) FROM unit_report WHERE period = ?`,
		string(ReportApproved), p).Scan(&total, &approved)
	return approved, total, err
}

// BriefingMeeting is the meeting a period's briefing prepares: the first
// meeting after the period's month, else the latest meeting; "" when the
// database holds no meeting.
func (s *Store) BriefingMeeting(ctx context.Context, p Period) (string, error) {
	end := p.Add(1).String() + "-01"
	var date sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT ifnull((SELECT min(date) FROM meeting WHERE date >= ?), (SELECT max(date) FROM meeting))`, end).Scan(&date)
	return date.String, err
}

// SetBriefingInPack puts the chair's briefing into the members' version of
// a meeting's pack, or takes it out.
func (s *Store) SetBriefingInPack(ctx context.Context, date string, on bool) error {
	res, err := s.db.ExecContext(ctx, `UPDATE meeting SET briefing_in_pack = ? WHERE date = ?`, on, date)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNoMeeting
	}
	return nil
}

// BriefingInPack tells whether the director put the briefing into the
// members' version of the meeting's pack.
func (s *Store) BriefingInPack(ctx context.Context, date string) (bool, error) {
	var on bool
	err := s.db.QueryRowContext(ctx, `SELECT briefing_in_pack FROM meeting WHERE date = ?`, date).Scan(&on)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNoMeeting
	}
	return on, err
}
