package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
)

// reportMsg answers loadReport: one unit's report with its checks,
// figures and trail.
type reportMsg struct {
	gen    int
	unit   int64
	period data.Period
	rep    review.Report
	err    error
}

func loadReport(ctx context.Context, s *data.Store, unit int64, p data.Period, l lang.Lang, gen int) tea.Cmd {
	return func() tea.Msg {
		rep, err := review.Show(ctx, s, unit, p, time.Now(), l)
		return reportMsg{gen: gen, unit: unit, period: p, rep: rep, err: err}
	}
}

// formStep is where the report screen's form is.
type formStep int

const (
	formNone    formStep = iota
	formNote             // typing the note
	formConfirm          // asking for confirmation
	formSaving           // written, waiting for the store
)

// reportTarget is a line of the report a comment can be about.
type reportTarget struct {
	line      int
	kind, key string
	label     string
}

// reportScreen is one unit report: checks, the unit's figures and
// narratives (each a row to comment on), and the comments and trail.
type reportScreen struct {
	*app
	period data.Period      // the report's; the board's may move on
	state  data.ReportState // as the list had it, until the report loads
	rep    *review.Report
	lines  []string
	tgts   []reportTarget
	cursor int // into tgts
	offset int // first line shown
	w, h   int

	step    formStep
	action  data.EventKind
	target  reportTarget
	note    textarea.Model
	message string // why the last action was refused, or what it did
}

func newReportScreen(a *app, st data.ReportState) (Screen, tea.Cmd) {
	s := &reportScreen{app: a, period: a.period, state: st, note: textarea.New()}
	s.note.ShowLineNumbers = false
	s.note.Prompt = "│ "
	s.note.KeyMap.InsertNewline = a.keys.NoteNewline
	s.note.SetStyles(a.theme.Note)
	return s, loadReport(a.ctx, a.store, st.UnitID, a.period, a.l, a.gen)
}

func (s *reportScreen) Title() string {
	return s.l.T("board.review.report_title", clean(s.state.Unit))
}

func (s *reportScreen) Help() help.KeyMap {
	k := s.keys
	if s.step == formConfirm {
		return bindings{short: []key.Binding{k.ConfirmReview, k.FormCancel}, full: [][]key.Binding{{k.ConfirmReview, k.FormCancel}}}
	}
	return bindings{
		short: []key.Binding{k.Down, k.Approve, k.SendBack, k.Comment, k.Reopen, k.Back, k.Quit},
		full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Approve, k.SendBack, k.Comment, k.Reopen}, {k.Back, k.Help, k.Quit}},
	}
}

func (s *reportScreen) Typing() bool { return s.step == formNote }

func (s *reportScreen) FooterLine(w int) string {
	k := s.keys
	return fit(" "+s.theme.Faint.Paint(k.NoteNext.Help().Key+" "+k.NoteNext.Help().Desc+" • "+
		k.NoteNewline.Help().Key+" "+k.NoteNewline.Help().Desc+" • "+k.FormCancel.Help().Key+" "+k.FormCancel.Help().Desc), w)
}

func (s *reportScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.note.SetWidth(max(w-4, 10))
	s.note.SetHeight(3)
	s.layout()
}

// formHeight is the lines the form takes at the bottom.
func (s *reportScreen) formHeight() int {
	switch s.step {
	case formNote:
		return 6
	case formConfirm, formSaving:
		return 4
	}
	if s.message != "" {
		return 2
	}
	return 0
}

func (s *reportScreen) bodyRows() int { return max(s.h-1-s.formHeight(), 1) }

func (s *reportScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k := s.keys
	switch msg := msg.(type) {
	case reportMsg:
		if msg.gen == s.gen && msg.unit == s.state.UnitID && msg.period == s.period {
			if msg.err != nil {
				s.err = msg.err
				return s, nil
			}
			s.rep = &msg.rep
			s.state = msg.rep.ReportState
			s.layout()
		}
	case reviewDoneMsg:
		if msg.unit != s.state.UnitID {
			return s, nil
		}
		s.step = formNone
		if msg.err != nil {
			if m, ok := review.Explain(s.l, msg.err, clean(s.state.Unit)); ok {
				s.message = m
			} else {
				s.message = s.l.T("board.error", s.l.Err(msg.err))
			}
		} else {
			s.message = s.l.T("board.review.done", review.EventName(s.l, msg.ev.Kind))
			delete(s.reviewStates, s.period) // the header's count changes
		}
		return s, tea.Batch(loadReport(s.ctx, s.store, s.state.UnitID, s.period, s.l, s.gen), s.ensureReviewStates())
	case overviewMsg:
		// the store changed (an import here or elsewhere): read it again
		return s, loadReport(s.ctx, s.store, s.state.UnitID, s.period, s.l, s.gen)
	case backMsg:
		if s.step != formNone {
			s.cancelForm()
			return s, nil
		}
		return nil, nil
	case tea.BackgroundColorMsg:
		s.note.SetStyles(s.theme.Note)
		s.layout()
	case tea.MouseWheelMsg:
		s.scroll(3 * wheelDelta(msg))
	case tea.PasteMsg:
		if s.step == formNote {
			var cmd tea.Cmd
			s.note, cmd = s.note.Update(msg)
			return s, cmd
		}
	case tea.KeyPressMsg:
		switch s.step {
		case formNote:
			return s, s.typeNote(msg)
		case formConfirm:
			if key.Matches(msg, k.ConfirmReview) {
				s.step = formSaving
				return s, doReview(s.ctx, s.store, review.Action{UnitID: s.state.UnitID, Period: s.period, Kind: s.action,
					Actor: s.imports.user, Note: strings.TrimSpace(s.note.Value()), TargetKind: s.target.kind, Target: s.target.key}, s.l)
			}
			return s, nil
		case formSaving:
			return s, nil
		}
		s.message = ""
		switch {
		case key.Matches(msg, k.Up):
			s.moveCursor(-1)
		case key.Matches(msg, k.Down):
			s.moveCursor(1)
		case key.Matches(msg, k.PageUp):
			s.scroll(-s.bodyRows())
		case key.Matches(msg, k.PageDown):
			s.scroll(s.bodyRows())
		case key.Matches(msg, k.Top):
			s.cursor, s.offset = 0, 0
		case key.Matches(msg, k.Bottom):
			s.scroll(1 << 20)
		case key.Matches(msg, k.Approve):
			return s, s.openForm(data.EventApprove)
		case key.Matches(msg, k.SendBack):
			return s, s.openForm(data.EventSendBack)
		case key.Matches(msg, k.Comment):
			return s, s.openForm(data.EventComment)
		case key.Matches(msg, k.Reopen):
			return s, s.openForm(data.EventReopen)
		}
	}
	return s, nil
}

// openForm starts an action: the note first (approve may leave it empty),
// then the confirmation.
func (s *reportScreen) openForm(act data.EventKind) tea.Cmd {
	if s.rep == nil {
		return nil
	}
	s.action, s.step = act, formNote
	s.target = reportTarget{}
	if act == data.EventComment && s.cursor < len(s.tgts) {
		s.target = s.tgts[s.cursor]
	}
	s.note.Reset()
	s.note.Placeholder = s.l.T("board.review.form.placeholder." + string(act))
	s.layout()
	return s.note.Focus()
}

func (s *reportScreen) cancelForm() {
	s.step = formNone
	s.note.Blur()
	s.note.Reset()
	s.message = s.l.T("board.review.form.cancelled")
	s.layout()
}

// typeNote edits the note; enter goes on to the confirmation, unless a
// reason is required and missing; esc cancels, writing nothing.
func (s *reportScreen) typeNote(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit
	case key.Matches(msg, k.FormCancel):
		s.cancelForm()
		return nil
	case key.Matches(msg, k.NoteNext):
		if strings.TrimSpace(s.note.Value()) == "" && s.action != data.EventApprove {
			s.message = s.l.T("board.review.form.need_note")
			return nil
		}
		s.message = ""
		s.step = formConfirm
		s.note.Blur()
		s.layout()
		return nil
	}
	var cmd tea.Cmd
	s.note, cmd = s.note.Update(msg)
	return cmd
}

func (s *reportScreen) moveCursor(d int) {
	if len(s.tgts) == 0 {
		return
	}
	s.cursor = clamp(s.cursor+d, 0, len(s.tgts)-1)
	line := s.tgts[s.cursor].line
	s.offset = followCursor(line, s.offset, s.bodyRows())
	s.layout()
}

func (s *reportScreen) scroll(d int) {
	s.offset = clamp(s.offset+d, 0, max(len(s.lines)-s.bodyRows(), 0))
}

// layout writes the report's lines for the width; View only slices them.
func (s *reportScreen) layout() {
	if s.rep == nil || s.w <= 0 {
		return
	}
	th, l, w, r := &s.theme, s.l, s.w, s.rep
	var lines []string
	var tgts []reportTarget
	add := func(str string) { lines = append(lines, fit(str, w)) }
	wrapped := func(prefix, text string, n int) {
		for i, part := range wrapLines(text, max(w-width(prefix)-1, 10), n) {
			if i == 0 {
				add(prefix + part)
			} else {
				add(strings.Repeat(" ", width(prefix)) + part)
			}
		}
	}
	sub := "–"
	if t, err := time.Parse(time.RFC3339, r.FirstSubmittedAt); err == nil {
		sub = lang.DateTime(t)
	}
	add(" " + reviewStatusWord(r.ReportState, th, l) + "  " + th.Subtle.Paint(l.T("board.review.submitted_due", sub, l.Date(r.Deadline))))
	add("")
	add(" " + th.Strong.Paint(l.T("board.review.checks")) + "  " + checksSummary(r.Summary(), th))
	for _, c := range r.Checks {
		wrapped("  "+resultGlyph(c.Result, th)+" "+fit(review.CheckName(l, c.ID), 18)+" ", clean(c.Text), 3)
	}
	add("")
	add(" " + th.Strong.Paint(l.T("board.review.rows")) + "  " + th.Faint.Paint(l.T("board.review.rows_hint")))
	comments := map[[2]string]int{}
	for _, ev := range r.Comments() {
		comments[[2]string{ev.TargetKind, ev.Target}]++
	}
	target := func(kind, key, label, text string) {
		mark := ""
		if n := comments[[2]string{kind, key}]; n > 0 {
			mark = th.Accent.Paint(" ✎" + lang.Int(int64(n)))
		}
		tgts = append(tgts, reportTarget{line: len(lines), kind: kind, key: key, label: label})
		add("   " + fit(clean(label), 26) + " " + text + mark)
	}
	target("", "", l.T("board.review.whole"), "")
	for _, b := range r.Detail.Budget {
		target(data.TargetBudget, string(b.Account), l.Account(b.Account), l.T("board.review.budget_line",
			lang.TkrNumber(b.BudgetYTD), lang.TkrNumber(b.OutcomeYTD), lang.SignedTkr(b.Deviation())))
	}
	for _, p := range r.Detail.Placements {
		v, ok := p.History.Last()
		text := "–"
		if ok {
			text = lang.Value(v)
		}
		target(data.TargetPlacement, string(p.Kind), l.Kind(p.Kind), l.T("board.review.ongoing", text))
	}
	for _, ind := range r.Detail.Indicators {
		if ind.UnitID == r.UnitID {
			target(data.TargetIndicator, ind.Key, l.Measure(ind.MeasureDef), statusGlyph(ind.Status, th)+" "+lang.Value(ind.Value)+" / "+lang.Value(ind.Target))
		}
	}
	for _, m := range r.Detail.Measures {
		if v, ok := m.History.Last(); ok {
			target(data.TargetMeasure, m.Key, l.Measure(m.MeasureDef), lang.Value(v))
		}
	}
	for _, n := range r.Detail.Narratives {
		if n.UnitID == r.UnitID && n.Period == r.Period {
			target(data.TargetNarrative, n.Title, l.NarrativeType(n.Type), clean(n.Title))
		}
	}
	add("")
	add(" " + th.Strong.Paint(l.T("board.review.trail")))
	if len(r.Events) == 0 {
		add("   " + th.Faint.Paint(l.T("board.review.no_events")))
	}
	for _, ev := range r.Events {
		wrapped("   ", trailLine(ev, l), 4)
	}
	s.lines, s.tgts = lines, tgts
	s.cursor = clamp(s.cursor, 0, max(len(tgts)-1, 0))
	s.offset = clamp(s.offset, 0, max(len(lines)-s.bodyRows(), 0))
}

// trailLine is one event: when (local time), who, what, on which row.
func trailLine(ev data.AuditEvent, l lang.Lang) string {
	t, _ := time.Parse(time.RFC3339, ev.At)
	line := lang.DateTime(t) + "  " + clean(ev.Actor) + "  " + review.EventName(l, ev.Kind)
	if tn := review.TargetName(l, ev.TargetKind, ev.Target); tn != "" {
		line += ", " + clean(tn)
	}
	if ev.ImportRun != 0 && ev.Kind != data.EventReopen {
		line += ": " + l.T("review.event.rows", ev.RowsNew, ev.RowsChange, ev.ImportRun)
	}
	if ev.Text != "" {
		line += ": " + clean(ev.Text)
	}
	return line
}

func resultGlyph(r review.Result, th *Theme) string {
	switch r {
	case review.ResultRemark:
		return th.Yellow.Paint("!")
	case review.ResultMissing:
		return th.Red.Paint("✗")
	}
	return th.Green.Paint("✓")
}

func (s *reportScreen) View(w, h int) string {
	th, l := &s.theme, s.l
	title := " " + th.Title.Paint(clean(s.state.Area)+" › "+clean(s.state.Unit)) + th.Subtle.Paint(" · "+l.Period(s.period))
	if s.rep == nil {
		return block([]string{fit(title, w), " " + th.Faint.Paint(l.T("board.loading"))}, w, h)
	}
	out := []string{fit(title, w)}
	rows := s.bodyRows()
	cursorLine := -1
	if s.step == formNone && s.cursor < len(s.tgts) {
		cursorLine = s.tgts[s.cursor].line
	}
	for i := s.offset; i < len(s.lines) && i < s.offset+rows; i++ {
		line := s.lines[i]
		if i == cursorLine {
			line = th.Selected.Over("▌" + fit(line[min(1, len(line)):], w-1))
		}
		out = append(out, line)
	}
	for len(out) < rows+1 {
		out = append(out, "")
	}
	out = append(out, s.formLines(w)...)
	return block(out, w, h)
}

// formLines is the form at the bottom: the note being typed, or the
// question, or the last message.
func (s *reportScreen) formLines(w int) []string {
	th, l := &s.theme, s.l
	rule := th.Faint.Paint(" " + strings.Repeat("─", max(w-2, 0)))
	what := l.T("board.review.form."+string(s.action), clean(s.state.Unit))
	if s.action == data.EventComment && s.target.kind != "" {
		what = l.T("board.review.form.comment_row", clean(s.target.label))
	}
	switch s.step {
	case formNote:
		msg := th.Faint.Paint(l.T("board.review.form.note_hint." + string(s.action)))
		if s.message != "" {
			msg = th.Warn.Paint(s.message)
		}
		lines := []string{rule, fit(" "+th.Strong.Paint(what)+"  "+msg, w)}
		return append(lines, strings.Split(s.note.View(), "\n")...)
	case formConfirm, formSaving:
		note := strings.TrimSpace(s.note.Value())
		if note == "" {
			note = l.T("board.review.form.no_note")
		}
		q := l.T("board.review.form.confirm")
		if s.step == formSaving {
			q = l.T("board.review.form.saving")
		}
		return []string{rule, fit(" "+th.Strong.Paint(what), w), fit("   "+clean(note), w), fit(" "+th.Warn.Paint(q), w)}
	}
	if s.message != "" {
		return []string{rule, fit(" "+s.message, w)}
	}
	return nil
}
