package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// briefingScreen is Beredning (b): the rows marked for the chair's
// briefing of the period's meeting, grouped by area in the director's
// order. K and J move a row within its area, enter opens a form for the
// director's assessment and proposed action, x removes the mark. Written
// out with `beredning briefing`.
type briefingScreen struct {
	*app
	keys    keyMap // the app's, without the edits the user's role may not make
	period  data.Period
	meeting string
	notes   []data.BriefingNote
	loaded  bool
	cursor  int
	offset  int
	w, h    int
	form    *form
	editing int64 // the note the form edits
	inPack  bool  // the briefing goes into the members' pack
}

// briefingMsg is the period's marks as the store has them.
type briefingMsg struct {
	period  data.Period
	meeting string
	notes   []data.BriefingNote
	keep    int64 // the note to keep the cursor on
	inPack  bool
	err     error
}

func newBriefingScreen(a *app) *briefingScreen {
	return &briefingScreen{app: a, period: a.period, keys: a.keysFor(data.ActBriefing)}
}

func (s *briefingScreen) Title() string { return s.l.T("board.beredning.title") }

func (s *briefingScreen) SetSize(w, h int) { s.w, s.h = w, h }

// load reads the marks; change, when given, writes first.
func (s *briefingScreen) load() tea.Cmd { return s.run(0, nil) }

func (s *briefingScreen) run(keep int64, change func(context.Context, *data.Store) error) tea.Cmd {
	ctx, st, p := s.ctx, s.store, s.period
	return func() tea.Msg {
		if change != nil {
			if err := change(ctx, st); err != nil {
				return briefingMsg{period: p, err: err}
			}
		}
		meeting, err := st.BriefingMeeting(ctx, p)
		if err != nil || meeting == "" {
			return briefingMsg{period: p, err: err}
		}
		notes, err := st.BriefingNotes(ctx, meeting, p)
		if err != nil {
			return briefingMsg{period: p, err: err}
		}
		inPack, err := st.BriefingInPack(ctx, meeting)
		return briefingMsg{period: p, meeting: meeting, notes: notes, keep: keep, inPack: inPack, err: err}
	}
}

func (s *briefingScreen) Help() help.KeyMap {
	k := s.keys
	if s.form != nil {
		return bindings{short: s.form.footerKeys(), full: [][]key.Binding{s.form.footerKeys()}}
	}
	return bindings{
		short: []key.Binding{k.Edit, k.MoveUp, k.MoveDown, k.Remove, k.InPack, k.Back, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Edit, k.MoveUp, k.MoveDown, k.Remove, k.InPack}, {k.Back, k.Help, k.Quit}},
	}
}

// Typing: the form takes every key while it is open.
func (s *briefingScreen) Typing() bool { return s.form != nil }

func (s *briefingScreen) FooterLine(w int) string {
	hm := help.New()
	hm.Styles = s.theme.Help
	return trunc(" "+hm.ShortHelpView(s.form.footerKeys()), w)
}

func (s *briefingScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case briefingMsg:
		if msg.err != nil {
			s.err = msg.err
			return s, nil
		}
		s.meeting, s.notes, s.loaded, s.inPack = msg.meeting, msg.notes, true, msg.inPack
		for i, n := range s.notes {
			if n.ID == msg.keep {
				s.cursor = i
			}
		}
		s.move(0)
		return s, nil
	case backMsg:
		if s.form != nil {
			s.form = nil
			return s, nil
		}
		return nil, nil
	case tea.KeyPressMsg, tea.PasteMsg:
		if s.form != nil {
			return s, s.updateForm(msg)
		}
		if kp, ok := msg.(tea.KeyPressMsg); ok {
			return s.key(kp)
		}
	}
	return s, nil
}

func (s *briefingScreen) key(msg tea.KeyPressMsg) (Screen, tea.Cmd) {
	k := s.keys
	cur := s.current()
	switch {
	case key.Matches(msg, k.Briefing):
		return nil, nil
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.Top):
		s.move(-1 << 20)
	case key.Matches(msg, k.Bottom):
		s.move(1 << 20)
	case key.Matches(msg, k.InPack) && s.meeting != "":
		meeting, on := s.meeting, !s.inPack
		s.notice = s.l.T("board.beredning.out_of_pack")
		if on {
			s.notice = s.l.T("board.beredning.into_pack")
		}
		return s, s.run(0, func(ctx context.Context, st *data.Store) error { return st.SetBriefingInPack(ctx, meeting, on) })
	case cur == nil:
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		d := -1
		if key.Matches(msg, k.MoveDown) {
			d = 1
		}
		id := cur.ID
		return s, s.run(id, func(ctx context.Context, st *data.Store) error { return st.MoveBriefingNote(ctx, id, d) })
	case key.Matches(msg, k.Remove):
		id := cur.ID
		s.notice = s.l.T("board.beredning.removed", clean(cur.Label))
		return s, s.run(0, func(ctx context.Context, st *data.Store) error { return st.RemoveBriefingNote(ctx, id) })
	case key.Matches(msg, k.Edit):
		s.editing = cur.ID
		s.form = newForm(s.app, s.l.T("board.beredning.form_title", clean(cur.Label))).
			addText(s.l.T("board.beredning.assessment"), cur.Assessment).
			addText(s.l.T("board.beredning.action"), cur.Action)
		return s, s.form.start()
	}
	return s, nil
}

func (s *briefingScreen) updateForm(msg tea.Msg) tea.Cmd {
	res, cmd := s.form.Update(msg)
	switch res {
	case formCancelled:
		s.form = nil
	case formSaved:
		id, assessment, action := s.editing, s.form.value(0), s.form.value(1)
		s.form = nil
		s.notice = s.l.T("board.beredning.saved")
		return s.run(id, func(ctx context.Context, st *data.Store) error {
			return st.SetBriefingText(ctx, id, assessment, action)
		})
	}
	return cmd
}

func (s *briefingScreen) current() *data.BriefingNote {
	if len(s.notes) == 0 {
		return nil
	}
	return &s.notes[clamp(s.cursor, 0, len(s.notes)-1)]
}

func (s *briefingScreen) move(d int) {
	s.cursor = clamp(s.cursor+d, 0, max(len(s.notes)-1, 0))
}

// areaName names an area from the overview.
func (s *briefingScreen) areaName(id int64) string {
	if s.ov != nil {
		for _, a := range s.ov.Areas {
			if a.ID == id {
				return a.Name
			}
		}
	}
	return "–"
}

func (s *briefingScreen) View(w, h int) string {
	if s.form != nil {
		return s.form.View(w, h)
	}
	th, l := &s.theme, s.l
	title := " " + th.Title.Paint(l.T("board.beredning.heading", l.Period(s.period)))
	if s.meeting != "" {
		title += th.Subtle.Paint("  " + l.T("board.beredning.meeting", l.Date(dayOf(s.meeting))))
		pack := "[ ] " + l.T("board.beredning.not_in_pack")
		if s.inPack {
			pack = "[x] " + l.T("board.beredning.in_pack")
		}
		title += "  " + th.Strong.Paint(pack)
	}
	lines := []string{title}
	switch {
	case !s.loaded:
		return block(append(lines, " "+th.Faint.Paint(l.T("board.loading"))), w, h)
	case s.meeting == "":
		return block(append(lines, "", " "+l.T("board.beredning.no_meeting")), w, h)
	case len(s.notes) == 0:
		lines = append(lines, "")
		for _, ln := range wrapLines(l.T("board.beredning.empty"), max(w-2, 1), 4) {
			lines = append(lines, " "+ln)
		}
		return block(lines, w, h)
	}
	// The list takes what the selected note's text leaves.
	detail := s.detailLines(w)
	listH := max(h-len(lines)-len(detail)-1, 3)
	var rows []string
	rowOf := make([]int, len(s.notes))
	var area int64 = -1
	for i, n := range s.notes {
		if n.AreaID != area {
			area = n.AreaID
			rows = append(rows, " "+th.Strong.Paint(clean(s.areaName(area))))
		}
		rowOf[i] = len(rows)
		text := th.Faint.Paint(l.T("board.beredning.no_text"))
		if n.Assessment != "" || n.Action != "" {
			text = "✎ " + clean(n.Assessment+" "+n.Action)
		}
		kindW := 12
		row := "  ◆ " + fit(l.T("board.beredning.kind."+n.RefKind), kindW) + " " + fit(clean(n.Label), max(w*45/100, 10)) + " " + text
		if i == s.cursor {
			row = th.Selected.Over("▌" + fit(row[1:], w-1))
		}
		rows = append(rows, fit(row, w))
	}
	cur := rowOf[clamp(s.cursor, 0, len(rowOf)-1)]
	s.offset = followCursor(cur, clamp(s.offset, 0, max(len(rows)-listH, 0)), listH)
	for i := s.offset; i < len(rows) && i < s.offset+listH; i++ {
		lines = append(lines, rows[i])
	}
	for len(lines) < listH+1 {
		lines = append(lines, "")
	}
	lines = append(lines, th.Faint.Paint(" "+strings.Repeat("─", max(w-2, 0))))
	return block(append(lines, detail...), w, h)
}

// detailLines is the selected note's own text, in full as far as it fits
// a third of the body.
func (s *briefingScreen) detailLines(w int) []string {
	n := s.current()
	if n == nil {
		return nil
	}
	th, l := &s.theme, s.l
	limit := max(s.h/3, 4)
	out := []string{" " + th.Strong.Paint(l.T("board.beredning.assessment"))}
	out = append(out, indentWrap(n.Assessment, w, l.T("board.beredning.no_text"), th)...)
	out = append(out, " "+th.Strong.Paint(l.T("board.beredning.action")))
	out = append(out, indentWrap(n.Action, w, l.T("board.beredning.no_text"), th)...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func indentWrap(text string, w int, empty string, th *Theme) []string {
	if text == "" {
		return []string{"   " + th.Faint.Paint(empty)}
	}
	var out []string
	for _, l := range wrapLines(clean(text), max(w-4, 1), 6) {
		out = append(out, "   "+l)
	}
	return out
}
