package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The secretary's edits of a föredragningslista: items and documents are
// added at the end, changed in place, removed (the rest close up), and
// moved one place at a time. § numbers are left as they are; `meeting
// number` gives them again.

// ErrNoAgendaRow is returned when an item or document is gone.
var ErrNoAgendaRow = errors.New("no such agenda item or document")

// AddAgendaItem appends an item (with its documents) to a meeting's list.
func (s *Store) AddAgendaItem(ctx context.Context, date string, it AgendaItem) (int64, error) {
	var id int64
	err := s.write(ctx, ActMeetings, func(t *Tx) error {
		var meetingID int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM meeting WHERE date = ?`, date).Scan(&meetingID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: %s", ErrNoMeeting, date)
		}
		if err != nil {
			return err
		}
		var next int
		if err := t.tx.QueryRowContext(t.ctx, `SELECT ifnull(max(ordinal), 0) + 1 FROM agenda_item WHERE meeting_id = ?`, meetingID).Scan(&next); err != nil {
			return err
		}
		err = t.tx.QueryRowContext(t.ctx, `INSERT INTO agenda_item(meeting_id, ordinal, year, title, kind, closed, proposal, period, area_id,
				diarienummer, presenter, public_title)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			meetingID, next, date[:4], it.Title, kindOr(it.Kind), it.Closed, it.Proposal, it.Period, nullZero(it.AreaID),
			it.Diarienummer, it.Presenter, it.PublicTitle).Scan(&id)
		if err != nil {
			return err
		}
		for i, d := range it.Documents {
			if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO agenda_document(item_id, ordinal, title, secret, body, pdf) VALUES (?, ?, ?, ?, ?, ?)`,
				id, i+1, d.Title, d.Secret, d.Body, nullBytes(d.PDF)); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

func kindOr(k string) string {
	if k == "" {
		return "arende"
	}
	return k
}

// UpdateAgendaItem changes an item's own fields (not its documents or place).
func (s *Store) UpdateAgendaItem(ctx context.Context, it AgendaItem) error {
	res, err := s.exec(ctx, ActMeetings, `UPDATE agenda_item SET title = ?, kind = ?, closed = ?, proposal = ?, period = ?, area_id = ?,
			diarienummer = ?, presenter = ?, public_title = ? WHERE id = ?`,
		it.Title, kindOr(it.Kind), it.Closed, it.Proposal, it.Period, nullZero(it.AreaID), it.Diarienummer, it.Presenter, it.PublicTitle, it.ID)
	return rowChanged(res, err)
}

// RemoveAgendaItem removes an item and its documents; the items after it
// move up one place.
func (s *Store) RemoveAgendaItem(ctx context.Context, id int64) error {
	return s.write(ctx, ActMeetings, func(t *Tx) error {
		meetingID, err := t.agendaParent("agenda_item", "meeting_id", id)
		if err != nil {
			return err
		}
		if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM agenda_document WHERE item_id = ?`, id); err != nil {
			return err
		}
		if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM agenda_item WHERE id = ?`, id); err != nil {
			return err
		}
		return t.reorder("agenda_item", "meeting_id", meetingID, nil)
	})
}

// MoveAgendaItem moves an item one place up (-1) or down (+1).
func (s *Store) MoveAgendaItem(ctx context.Context, id int64, delta int) error {
	return s.write(ctx, ActMeetings, func(t *Tx) error {
		meetingID, err := t.agendaParent("agenda_item", "meeting_id", id)
		if err != nil {
			return err
		}
		return t.reorder("agenda_item", "meeting_id", meetingID, &move{id: id, delta: delta})
	})
}

// AddAgendaDocument appends a document to an item.
func (s *Store) AddAgendaDocument(ctx context.Context, itemID int64, d AgendaDocument) (int64, error) {
	var id int64
	err := s.write(ctx, ActMeetings, func(t *Tx) error {
		var next int
		if err := t.tx.QueryRowContext(t.ctx, `SELECT ifnull(max(ordinal), 0) + 1 FROM agenda_document WHERE item_id = ?`, itemID).Scan(&next); err != nil {
			return err
		}
		return t.tx.QueryRowContext(t.ctx, `INSERT INTO agenda_document(item_id, ordinal, title, secret, body, pdf) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			itemID, next, d.Title, d.Secret, d.Body, nullBytes(d.PDF)).Scan(&id)
	})
	return id, err
}

// UpdateAgendaDocument changes a document's title, secrecy, body and PDF.
func (s *Store) UpdateAgendaDocument(ctx context.Context, d AgendaDocument) error {
	res, err := s.exec(ctx, ActMeetings, `UPDATE agenda_document SET title = ?, secret = ?, body = ?, pdf = ? WHERE id = ?`,
		d.Title, d.Secret, d.Body, nullBytes(d.PDF), d.ID)
	return rowChanged(res, err)
}

// RemoveAgendaDocument removes a document; the item's later documents move up.
func (s *Store) RemoveAgendaDocument(ctx context.Context, id int64) error {
	return s.write(ctx, ActMeetings, func(t *Tx) error {
		itemID, err := t.agendaParent("agenda_document", "item_id", id)
		if err != nil {
			return err
		}
		if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM agenda_document WHERE id = ?`, id); err != nil {
			return err
		}
		return t.reorder("agenda_document", "item_id", itemID, nil)
	})
}

// MoveAgendaDocument moves a document one place up (-1) or down (+1).
func (s *Store) MoveAgendaDocument(ctx context.Context, id int64, delta int) error {
	return s.write(ctx, ActMeetings, func(t *Tx) error {
		itemID, err := t.agendaParent("agenda_document", "item_id", id)
		if err != nil {
			return err
		}
		return t.reorder("agenda_document", "item_id", itemID, &move{id: id, delta: delta})
	})
}

// agendaParent is the meeting of an agenda item or the item of a
// document: the list a removal or a move renumbers.
func (t *Tx) agendaParent(table, parentColumn string, id int64) (int64, error) {
	var parent int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT `+parentColumn+` FROM `+table+` WHERE id = ?`, id).Scan(&parent)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNoAgendaRow
	}
	return parent, err
}

type move struct {
	id    int64
	delta int
}

// reorder gives a parent's rows ordinals 1..n in their order, after an
// optional move; ordinals are unique per parent, so they pass through
// negative numbers first.
func (t *Tx) reorder(table, parentCol string, parent int64, mv *move) error {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id FROM `+table+` WHERE `+parentCol+` = ? ORDER BY ordinal`, parent)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if mv != nil {
		for i, id := range ids {
			if id == mv.id {
				if j := i + mv.delta; j >= 0 && j < len(ids) {
					ids[i], ids[j] = ids[j], ids[i]
				}
				break
			}
		}
	}
	for i, id := range ids {
		if _, err := t.tx.ExecContext(t.ctx, `UPDATE `+table+` SET ordinal = ? WHERE id = ?`, -(i + 1), id); err != nil {
			return err
		}
	}
	_, err = t.tx.ExecContext(t.ctx, `UPDATE `+table+` SET ordinal = -ordinal WHERE `+parentCol+` = ?`, parent)
	return err
}

func rowChanged(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNoAgendaRow
	}
	return nil
}
