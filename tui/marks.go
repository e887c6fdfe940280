package tui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
)

// The chair's briefing starts on the board: m marks the row under the
// cursor (the selected area's or unit's budget in the list or the budget
// pane, the gap under the band's cursor, the narrative under the
// narratives' cursor, the measure or indicator under the volumes pane's
// cursor) for the briefing of the meeting that follows the
// period, and marks it again to unmark. Marked rows show ◆. The marks are
// in the database (briefing_note), shared by everyone on it.

// markKey names a marked row.
type markKey struct {
	kind, ref string
	sc        data.Scope
}

// markSet is the period's marks, for drawing ◆.
type markSet struct {
	period  data.Period
	meeting string
	keys    map[markKey]bool
}

func (m markSet) has(kind, ref string, sc data.Scope) bool {
	return m.keys[markKey{kind, ref, sc}]
}

// marksMsg carries a period's marks, after a load or a toggle.
type marksMsg struct {
	period  data.Period
	meeting string
	notes   []data.BriefingNote
	notice  string // what the toggle did, for the footer
	err     error
}

// loadMarks reads the period's marks for its meeting.
func loadMarks(ctx context.Context, s *data.Store, p data.Period) tea.Cmd {
	return func() tea.Msg {
		meeting, err := s.BriefingMeeting(ctx, p)
		if err != nil || meeting == "" {
			return marksMsg{period: p, err: err}
		}
		notes, err := s.BriefingNotes(ctx, meeting, p)
		return marksMsg{period: p, meeting: meeting, notes: notes, err: err}
	}
}

// toggleMark marks or unmarks a row and reads the marks again.
func toggleMark(ctx context.Context, s *data.Store, p data.Period, n data.BriefingNote, marked, unmarked string) tea.Cmd {
	return func() tea.Msg {
		meeting, err := s.BriefingMeeting(ctx, p)
		if err != nil {
			return marksMsg{period: p, err: err}
		}
		if meeting == "" {
			return marksMsg{period: p, notice: "board.mark.no_meeting"}
		}
		n.MeetingDate, n.Period = meeting, p
		on, err := s.ToggleBriefingMark(ctx, n)
		if err != nil {
			return marksMsg{period: p, err: err}
		}
		notes, err := s.BriefingNotes(ctx, meeting, p)
		notice := unmarked
		if on {
			notice = marked
		}
		return marksMsg{period: p, meeting: meeting, notes: notes, err: err, notice: notice}
	}
}

// gotMarks keeps the period's marks.
func (b *board) gotMarks(msg marksMsg) {
	if msg.err != nil {
		b.err = msg.err
		return
	}
	switch {
	case msg.notice != "" && msg.meeting != "":
		b.notice = b.l.T(msg.notice, b.l.Date(dayOf(msg.meeting)))
	case msg.notice != "":
		b.notice = b.l.T(msg.notice)
	}
	if msg.period != b.period {
		return
	}
	set := markSet{period: msg.period, meeting: msg.meeting, keys: map[markKey]bool{}}
	for _, n := range msg.notes {
		set.keys[markKey{n.RefKind, n.Ref, n.Scope}] = true
	}
	b.marks = set
}

// mark toggles the row under the cursor.
func (b *board) mark() tea.Cmd {
	if b.period.IsZero() || b.sel.AreaID == 0 {
		return nil
	}
	var n data.BriefingNote
	switch b.focus {
	case paneGaps:
		gs, _ := b.scopeGaps()
		if len(gs) == 0 {
			b.notice = b.l.T("board.mark.nothing")
			return nil
		}
		g := gs[clamp(b.gapCursor, 0, len(gs)-1)]
		n = data.BriefingNote{RefKind: data.RefGap, Ref: g.Rule, Scope: g.Scope(), Label: g.Title}
	case paneNarratives:
		items, _, _ := b.narratives()
		if len(items) == 0 {
			b.notice = b.l.T("board.mark.nothing")
			return nil
		}
		it := items[clamp(b.narrCursor, 0, len(items)-1)]
		n = data.BriefingNote{RefKind: data.RefNarrative, Ref: fmt.Sprint(it.ID), Scope: it.Scope, Label: it.Title}
	case paneVolumes:
		rows := volumeRows(b.detail(b.sel), b.l)
		if len(rows) == 0 {
			b.notice = b.l.T("board.mark.nothing")
			return nil
		}
		r := rows[clamp(b.volCursor, 0, len(rows)-1)]
		if r.scope.IsAreaWide() {
			// the area's own rows are no unit: a mark needs an area or a unit
			b.notice = b.l.T("board.mark.area_wide")
			return nil
		}
		n = data.BriefingNote{RefKind: r.kind, Ref: r.ref, Scope: r.scope, Label: r.label}
	case paneList, paneBudget:
		n = data.BriefingNote{RefKind: data.RefBudget, Scope: b.sel, Label: b.l.T("board.mark.budget_label", b.scopeName(b.sel))}
	default:
		b.notice = b.l.T("board.mark.where")
		return nil
	}
	return toggleMark(b.ctx, b.store, b.period, n, "board.mark.marked", "board.mark.unmarked")
}

// scopeName is an area's or unit's name from the overview.
func (b *board) scopeName(sc data.Scope) string {
	if b.ov == nil {
		return ""
	}
	for _, a := range b.ov.Areas {
		if a.ID != sc.AreaID {
			continue
		}
		switch {
		case sc.UnitID == 0:
			return a.Name
		case sc.IsAreaWide():
			return a.Name + " › " + b.l.T("board.area_wide")
		}
		for _, u := range a.Units {
			if u.ID == sc.UnitID {
				return a.Name + " › " + u.Name
			}
		}
	}
	return ""
}

// briefedNarratives are the marked narratives' ids, for the pane's ◆.
func (b *board) briefedNarratives() map[int64]bool {
	out := map[int64]bool{}
	for k := range b.marks.keys {
		if k.kind == data.RefNarrative {
			var id int64
			fmt.Sscan(k.ref, &id)
			out[id] = true
		}
	}
	return out
}

// briefedRow tells whether a measure or indicator row is marked, for the
// volumes pane's ◆.
func (b *board) briefedRow(r volRow) bool { return b.marks.has(r.kind, r.ref, r.scope) }

// briefedGap tells whether a gap is marked, for the band's ◆.
func (b *board) briefedGap(g gaps.Gap) bool {
	return b.marks.has(data.RefGap, g.Rule, g.Scope())
}

// dayOf reads a YYYY-MM-DD date; the zero time when it is not one.
func dayOf(date string) time.Time {
	t, _ := time.Parse(time.DateOnly, date)
	return t
}

// budgetBriefed tells whether the selected scope's budget is marked.
func (b *board) budgetBriefed() bool { return b.marks.has(data.RefBudget, "", b.sel) }
