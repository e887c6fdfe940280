package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrNoMeeting is returned when no meeting is held on the date asked for.
var ErrNoMeeting = errors.New("no meeting on that date")

// MeetingOn reads one meeting with its whole agenda: items in order, each
// with its documents (bodies and attached PDFs).
func (s *Store) MeetingOn(ctx context.Context, date string) (Meeting, error) {
	var m Meeting
	err := s.db.QueryRowContext(ctx, `SELECT id, date, time, place, ifnull(notice_date, ''), title, briefing_in_pack FROM meeting WHERE date = ?`, date).
		Scan(&m.ID, &m.Date, &m.Time, &m.Place, &m.NoticeDate, &m.Title, &m.BriefingInPack)
	if errors.Is(err, sql.ErrNoRows) {
		return Meeting{}, fmt.Errorf("%w: %s", ErrNoMeeting, date)
	}
	if err != nil {
		return Meeting{}, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, ordinal, ifnull(paragraph, 0), title, kind, closed, proposal, period,
			ifnull(area_id, 0), diarienummer, presenter, public_title
		FROM agenda_item WHERE meeting_id = ? ORDER BY ordinal`, m.ID)
	if err != nil {
		return Meeting{}, err
	}
	defer rows.Close()
	byID := map[int64]int{}
	for rows.Next() {
		var it AgendaItem
		if err := rows.Scan(&it.ID, &it.Ordinal, &it.Paragraph, &it.Title, &it.Kind, &it.Closed, &it.Proposal, &it.Period,
			&it.AreaID, &it.Diarienummer, &it.Presenter, &it.PublicTitle); err != nil {
			return Meeting{}, err
		}
		byID[it.ID] = len(m.Items)
		m.Items = append(m.Items, it)
	}
	if err := rows.Err(); err != nil {
		return Meeting{}, err
	}
	docs, err := s.db.QueryContext(ctx, `SELECT d.id, d.item_id, d.ordinal, d.title, d.secret, d.body, d.pdf
		FROM agenda_document d JOIN agenda_item i ON i.id = d.item_id
		WHERE i.meeting_id = ? ORDER BY i.ordinal, d.ordinal`, m.ID)
	if err != nil {
		return Meeting{}, err
	}
	defer docs.Close()
	for docs.Next() {
		var itemID int64
		var d AgendaDocument
		if err := docs.Scan(&d.ID, &itemID, &d.Ordinal, &d.Title, &d.Secret, &d.Body, &d.PDF); err != nil {
			return Meeting{}, err
		}
		i := byID[itemID]
		m.Items[i].Documents = append(m.Items[i].Documents, d)
	}
	if err := docs.Err(); err != nil {
		return Meeting{}, err
	}
	return s.forReader(m), nil
}

// forReader is a meeting as the store's actor may read it. A committee
// member reads the agenda as the public does for the closed part: a
// closed item keeps its number and public title, and nothing of its
// proposal or documents; no secret document of any item is given out.
// (Members get the closed part's papers at the meeting itself.)
func (s *Store) forReader(m Meeting) Meeting {
	if !s.actor.ReadsRestricted() {
		return m
	}
	out := m
	out.Items = make([]AgendaItem, len(m.Items))
	for i, it := range m.Items {
		if it.Closed {
			it.Title, it.Proposal, it.Documents = it.PublicTitle, "", nil
			out.Items[i] = it
			continue
		}
		var docs []AgendaDocument
		for _, d := range it.Documents {
			if !d.Secret {
				docs = append(docs, d)
			}
		}
		it.Documents = docs
		out.Items[i] = it
	}
	return out
}

// Day is the meeting's date as a time.
func (m Meeting) Day() time.Time {
	t, _ := time.Parse(time.DateOnly, m.Date)
	return t
}

// ParagraphProblem is why a meeting cannot be numbered: a gap or a
// duplicate in the year's § numbers, or an earlier item without one.
type ParagraphProblem struct {
	Kind      string // ProblemGap, ProblemDuplicate, ProblemUnnumbered
	Meeting   string // the meeting date of the item concerned
	Ordinal   int    // the item's number on that meeting's agenda
	Title     string
	Paragraph int // the § found (0 for an unnumbered item)
	Expected  int // the § the sequence calls for
}

// Kinds of ParagraphProblem.
const (
	ProblemGap        = "gap"
	ProblemDuplicate  = "duplicate"
	ProblemUnnumbered = "unnumbered"
)

// NumberingError lists every problem that stops a meeting being numbered.
type NumberingError struct{ Problems []ParagraphProblem }

func (e *NumberingError) Error() string {
	return fmt.Sprintf("§ numbering refused: %d problems", len(e.Problems))
}

// Numbered is what NumberMeeting did: the meeting's first and last §.
type Numbered struct {
	First, Last int
	Changed     bool // false when the items already had these numbers
}

type yearItem struct {
	id        int64
	meetingID int64
	date      string
	ordinal   int
	title     string
	paragraph int
}

// NumberMeeting gives a meeting's items § numbers that continue from the
// last § of the year's earlier meetings (1 for the year's first meeting).
// The year's numbers, with the new ones, must run without a gap or a
// duplicate from the first § held; anything else is refused with every
// problem named, and nothing is written.
func (s *Store) NumberMeeting(ctx context.Context, date string) (Numbered, error) {
	var out Numbered
	err := s.write(ctx, ActMeetings, func(t *Tx) error {
		var meetingID int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM meeting WHERE date = ?`, date).Scan(&meetingID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: %s", ErrNoMeeting, date)
		}
		if err != nil {
			return err
		}
		year := date[:4]
		rows, err := t.tx.QueryContext(t.ctx, `SELECT i.id, m.id, m.date, i.ordinal, i.title, ifnull(i.paragraph, 0)
			FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
			WHERE substr(m.date, 1, 4) = ? ORDER BY m.date, i.ordinal`, year)
		if err != nil {
			return err
		}
		var items []yearItem
		for rows.Next() {
			var it yearItem
			if err := rows.Scan(&it.id, &it.meetingID, &it.date, &it.ordinal, &it.title, &it.paragraph); err != nil {
				rows.Close()
				return err
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// Continue from the § due after the year's earlier meetings, so
		// one wrong number earlier is named once, not carried forward.
		var earlier []yearItem
		for _, it := range items {
			if it.date < date {
				earlier = append(earlier, it)
			}
		}
		_, last := walkYear(earlier)
		next := last + 1
		out.First = next
		for i := range items {
			if items[i].meetingID != meetingID {
				continue
			}
			if items[i].paragraph != next {
				out.Changed = true
			}
			items[i].paragraph = next
			out.Last = next
			next++
		}
		if out.Last == 0 {
			out.First = 0
			return nil // a meeting without items has nothing to number
		}
		if problems := checkYearSequence(items); len(problems) > 0 {
			return &NumberingError{Problems: problems}
		}
		if !out.Changed {
			return nil
		}
		// § is unique per year: clear the meeting's numbers before setting them.
		if _, err := t.tx.ExecContext(t.ctx, `UPDATE agenda_item SET paragraph = NULL WHERE meeting_id = ?`, meetingID); err != nil {
			return err
		}
		for _, it := range items {
			if it.meetingID != meetingID {
				continue
			}
			if _, err := t.tx.ExecContext(t.ctx, `UPDATE agenda_item SET paragraph = ?, year = ? WHERE id = ?`,
				it.paragraph, date[:4], it.id); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// checkYearSequence walks a year's items in meeting and agenda order and
// names every item whose § breaks the run: unnumbered, repeated, or not
// the previous § plus one. The year's first § may be any number, since
// the database need not hold the year's first meetings.
func checkYearSequence(items []yearItem) []ParagraphProblem {
	out, _ := walkYear(items)
	return out
}

// walkYear is checkYearSequence's walk; it also returns the last § due.
func walkYear(items []yearItem) ([]ParagraphProblem, int) {
	var out []ParagraphProblem
	seen := map[int]bool{}
	prev := 0
	for _, it := range items {
		p := ParagraphProblem{Meeting: it.date, Ordinal: it.ordinal, Title: it.title, Paragraph: it.paragraph, Expected: prev + 1}
		switch {
		case it.paragraph == 0:
			// Later meetings not yet numbered are fine; an unnumbered item
			// before numbered ones is a hole in the year.
			if laterNumbered(items, it) {
				p.Kind = ProblemUnnumbered
				out = append(out, p)
			}
			continue
		case seen[it.paragraph]:
			p.Kind = ProblemDuplicate
		case prev != 0 && it.paragraph != prev+1:
			p.Kind = ProblemGap
		}
		seen[it.paragraph] = true
		if p.Kind != "" {
			// Name this item only: the run goes on as if it had its due §.
			out = append(out, p)
			prev++
			continue
		}
		prev = it.paragraph
	}
	return out, prev
}

func laterNumbered(items []yearItem, after yearItem) bool {
	for _, it := range items {
		if (it.date > after.date || (it.date == after.date && it.ordinal > after.ordinal)) && it.paragraph != 0 {
			return true
		}
	}
	return false
}

func nullBytes(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// ErrNoDocument is returned when an agenda document does not exist, or
// the store's actor may not read it (a member asking for a secret
// document or one of a closed item: to them it does not exist).
var ErrNoDocument = errors.New("no such agenda document")

// AgendaDocumentRead is one document as a reader shows it, with the item
// it belongs to.
type AgendaDocumentRead struct {
	Document  AgendaDocument
	ItemTitle string
	Meeting   string // the meeting's date
}

// AgendaDocument reads one document for reading. For a member the
// filter is in the query itself: a secret document or one of a closed
// item is never read from the database, not read and then hidden.
func (s *Store) AgendaDocument(ctx context.Context, id int64) (AgendaDocumentRead, error) {
	q := `SELECT d.id, d.ordinal, d.title, d.secret, d.body, d.pdf, i.title, m.date
		FROM agenda_document d JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
		WHERE d.id = ?`
	if s.actor.ReadsRestricted() {
		q += ` AND d.secret = 0 AND i.closed = 0`
	}
	var r AgendaDocumentRead
	d := &r.Document
	err := s.db.QueryRowContext(ctx, q, id).Scan(&d.ID, &d.Ordinal, &d.Title, &d.Secret, &d.Body, &d.PDF, &r.ItemTitle, &r.Meeting)
	if errors.Is(err, sql.ErrNoRows) {
		return AgendaDocumentRead{}, fmt.Errorf("%w: %d", ErrNoDocument, id)
	}
	return r, err
}
