package data

import (
	"context"
	"fmt"
	"time"
)

// Meeting is a sammanträde of the committee.
type Meeting struct {
	ID         int64
	Date       string // YYYY-MM-DD
	Time       string // HH:MM
	Place      string
	NoticeDate string // when the kallelse goes out, YYYY-MM-DD
	Title      string
	// BriefingInPack: the director put the chair's briefing into the
	// members' version of the pack.
	BriefingInPack bool
	Items          []AgendaItem
}

// AgendaItem is one numbered item (§) of a meeting's föredragningslista.
type AgendaItem struct {
	ID        int64
	Ordinal   int // order on the agenda
	Paragraph int // § number, running through the year; 0 until numbered
	Title     string
	Kind      string // arende, information, delegationsbeslut, uppfoljning
	Closed    bool   // sluten del
	Proposal  string // förslag till beslut
	Period    Period // the follow-up an item presents, if any
	AreaID    int64
	// Diarienummer, Presenter (föredragande) and PublicTitle (a closed
	// item's title in the public version) are the secretary's.
	Diarienummer string
	Presenter    string
	PublicTitle  string
	Documents    []AgendaDocument
}

// AgendaDocument is one of an item's handlingar.
type AgendaDocument struct {
	ID      int64
	Ordinal int
	Title   string
	Secret  bool // under secrecy: marked, never published
	Body    string
	PDF     []byte // an attached PDF, merged into the PDF pack page by page
}

// PutMeeting writes a meeting with its agenda and documents, replacing any
// meeting on the same date.
func (t *Tx) PutMeeting(m Meeting) (int64, error) {
	if err := t.actor.Check(ActMeetings); err != nil {
		return 0, err
	}
	ctx, tx := t.ctx, t.tx
	day, err := time.Parse(time.DateOnly, m.Date)
	if err != nil {
		return 0, fmt.Errorf("meeting date %q: want YYYY-MM-DD", m.Date)
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO meeting(date, time, place, notice_date, title) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(date) DO UPDATE SET time = excluded.time, place = excluded.place,
			notice_date = excluded.notice_date, title = excluded.title
		RETURNING id`, m.Date, m.Time, m.Place, nullString(m.NoticeDate), m.Title).Scan(&id)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM agenda_document WHERE item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)`, id); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM agenda_item WHERE meeting_id = ?`, id); err != nil {
		return 0, err
	}
	year := day.Year()
	for _, it := range m.Items {
		var itemID int64
		err := tx.QueryRowContext(ctx, `INSERT INTO agenda_item(meeting_id, ordinal, paragraph, year, title, kind, closed, proposal, period, area_id,
				diarienummer, presenter, public_title)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			id, it.Ordinal, nullZero(int64(it.Paragraph)), year, it.Title, it.Kind, it.Closed, it.Proposal,
			it.Period, nullZero(it.AreaID), it.Diarienummer, it.Presenter, it.PublicTitle).Scan(&itemID)
		if err != nil {
			return 0, err
		}
		for _, d := range it.Documents {
			if _, err := tx.ExecContext(ctx, `INSERT INTO agenda_document(item_id, ordinal, title, secret, body, pdf) VALUES (?, ?, ?, ?, ?, ?)`,
				itemID, d.Ordinal, d.Title, d.Secret, d.Body, nullBytes(d.PDF)); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}

// SaveMeeting writes a meeting with its agenda and documents in one
// transaction, replacing any meeting on the same date: the secretary's
// write, as opposed to an import's.
func (s *Store) SaveMeeting(ctx context.Context, m Meeting) (int64, error) {
	var id int64
	err := s.write(ctx, ActMeetings, func(t *Tx) error {
		var err error
		id, err = t.PutMeeting(m)
		return err
	})
	return id, err
}

// Meetings lists the meetings from a date on (YYYY-MM-DD), with their agendas.
func (s *Store) Meetings(ctx context.Context, from string) ([]Meeting, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.date, m.time, m.place, ifnull(m.notice_date, ''), m.title,
			ifnull(i.id, 0), ifnull(i.ordinal, 0), ifnull(i.paragraph, 0), ifnull(i.title, ''), ifnull(i.kind, ''),
			ifnull(i.closed, 0), ifnull(i.proposal, ''), i.period, ifnull(i.area_id, 0)
		FROM meeting m LEFT JOIN agenda_item i ON i.meeting_id = m.id
		WHERE m.date >= ? ORDER BY m.date, i.ordinal`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		var m Meeting
		var it AgendaItem
		if err := rows.Scan(&m.ID, &m.Date, &m.Time, &m.Place, &m.NoticeDate, &m.Title,
			&it.ID, &it.Ordinal, &it.Paragraph, &it.Title, &it.Kind, &it.Closed, &it.Proposal, &it.Period, &it.AreaID); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != m.ID {
			out = append(out, m)
		}
		if it.ID != 0 {
			last := &out[len(out)-1]
			last.Items = append(last.Items, it)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i] = s.forReader(out[i])
	}
	return out, nil
}
