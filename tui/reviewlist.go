package tui

import (
	"context"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
	"github.com/beredning/beredning/data/text"
)

// The controller's review on the board: r opens Rapporter, the period's
// unit reports with their status and checks; enter opens one (its
// numbers, checks, comments and trail), where a, s, c and o approve, send
// back, comment and reopen through a small form.

// reviewListMsg answers loadReviewList: a period's reports with checks.
type reviewListMsg struct {
	gen    int
	period data.Period
	items  []review.Item
	err    error
}

// reviewStatesMsg answers loadReviewStates: a period's reports without
// checks, for the header's count and the board's list.
type reviewStatesMsg struct {
	gen    int
	period data.Period
	states []data.ReportState
	err    error
}

// reviewDoneMsg: an action on a report was written (or refused).
type reviewDoneMsg struct {
	unit   int64
	period data.Period
	ev     data.AuditEvent
	err    error
}

func loadReviewList(ctx context.Context, s *data.Store, p data.Period, l lang.Lang, gen int) tea.Cmd {
	return func() tea.Msg {
		items, err := review.List(ctx, s, p, time.Now(), l)
		return reviewListMsg{gen: gen, period: p, items: items, err: err}
	}
}

func loadReviewStates(ctx context.Context, s *data.Store, p data.Period, gen int) tea.Cmd {
	return func() tea.Msg {
		states, err := s.ReportStates(ctx, p)
		return reviewStatesMsg{gen: gen, period: p, states: states, err: err}
	}
}

func doReview(ctx context.Context, s *data.Store, a review.Action, l lang.Lang) tea.Cmd {
	return func() tea.Msg {
		ev, err := review.Do(ctx, s, a, l)
		return reviewDoneMsg{unit: a.UnitID, period: a.Period, ev: ev, err: err}
	}
}

// ensureReviewStates loads the period's report states for the header
// unless they are cached or on their way.
func (a *app) ensureReviewStates() tea.Cmd {
	p := a.period
	if p.IsZero() || a.reviewStates[p] != nil || a.loadingReviews[p] {
		return nil
	}
	a.loadingReviews[p] = true
	return loadReviewStates(a.ctx, a.store, p, a.gen)
}

// gotReviewStates caches a period's report states.
func (a *app) gotReviewStates(msg reviewStatesMsg) {
	delete(a.loadingReviews, msg.period)
	if msg.err != nil {
		a.err = msg.err
		return
	}
	a.reviewStates[msg.period] = msg.states
}

// reviewCount is "12 av 16 rapporter godkända" for the period under
// review, "" until loaded or when no unit reports.
func (a *app) reviewCount() string {
	states := a.reviewStates[a.period]
	if len(states) == 0 {
		return ""
	}
	c := review.CountStates(states)
	return a.l.T("board.review.header", c.Approved(), c.Total)
}

// reviewStateOf is a unit's report state in the period under review.
func (a *app) reviewStateOf(unit int64) (data.ReportState, bool) {
	for _, s := range a.reviewStates[a.period] {
		if s.UnitID == unit {
			return s, true
		}
	}
	return data.ReportState{}, false
}

// reviewList is the Rapporter screen.
type reviewList struct {
	*app
	period    data.Period
	items     []review.Item // as loaded, in board order
	loaded    bool
	cursor    int
	offset    int
	byStatus  bool // sorted by status, else by area
	input     textinput.Model
	filtering bool
	filter    string // folded
	w, h      int
}

func newReviewList(a *app) (*reviewList, tea.Cmd) {
	r := &reviewList{app: a, period: a.period, input: textinput.New()}
	r.input.Prompt = "/ "
	r.input.Placeholder = a.l.T("board.review.filter.placeholder")
	r.input.SetStyles(a.theme.Input)
	return r, loadReviewList(a.ctx, a.store, a.period, a.l, a.gen)
}

func (r *reviewList) Title() string { return r.l.T("board.review.title") }

func (r *reviewList) Help() help.KeyMap {
	k := r.keys
	return bindings{
		short: []key.Binding{k.Down, k.Enter, k.SortReports, k.Filter, k.Month, k.Back, k.Quit},
		full: [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}, {k.Enter, k.SortReports, k.Filter},
			{k.PrevMonth, k.NextMonth, k.PrevReport, k.NextReport}, {k.Back, k.Help, k.Quit}},
	}
}

func (r *reviewList) SetSize(w, h int) {
	r.w, r.h = w, h
	r.input.SetWidth(max(w-10, 10))
	r.move(0)
}

func (r *reviewList) Typing() bool { return r.filtering }

func (r *reviewList) FooterLine(w int) string {
	return fit(r.input.View()+"  "+r.theme.Faint.Paint(r.l.T("board.review.filter.keys")), w)
}

// rows are the items shown: filtered, in the chosen order.
func (r *reviewList) rows() []review.Item {
	out := make([]review.Item, 0, len(r.items))
	for _, it := range r.items {
		if r.filter == "" || strings.Contains(text.Fold(it.Area+" "+it.Unit+" "+review.StatusName(r.l, it.ReportState)), r.filter) {
			out = append(out, it)
		}
	}
	if r.byStatus {
		rank := func(it review.Item) int { return slices.Index(data.ReportStatuses, it.Status) }
		slices.SortStableFunc(out, func(a, b review.Item) int { return rank(a) - rank(b) })
	}
	return out
}

func (r *reviewList) listRows() int { return max(r.h-2, 1) }

func (r *reviewList) move(d int) {
	n := len(r.rows())
	if n == 0 {
		r.cursor, r.offset = 0, 0
		return
	}
	r.cursor = clamp(r.cursor+d, 0, n-1)
	r.offset = followCursor(r.cursor, clamp(r.offset, 0, max(n-r.listRows(), 0)), r.listRows())
}

func (r *reviewList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k := r.keys
	switch msg := msg.(type) {
	case backMsg:
		return nil, nil
	case reviewListMsg:
		if msg.gen == r.gen && msg.period == r.period {
			r.items, r.loaded = msg.items, true
			if msg.err != nil {
				r.err = msg.err
			}
			r.move(0)
		}
	case overviewMsg, reviewDoneMsg:
		// a new period, an import, or an action: the list is read again
		r.period = r.app.period
		return r, loadReviewList(r.ctx, r.store, r.period, r.l, r.gen)
	case tea.BackgroundColorMsg:
		r.input.SetStyles(r.theme.Input)
	case tea.MouseWheelMsg:
		r.move(wheelDelta(msg))
	case tea.KeyPressMsg:
		if r.filtering {
			return r, r.updateFilter(msg)
		}
		switch {
		case key.Matches(msg, k.Reports):
			return nil, nil
		case key.Matches(msg, k.Up):
			r.move(-1)
		case key.Matches(msg, k.Down):
			r.move(1)
		case key.Matches(msg, k.PageUp):
			r.move(-r.listRows())
		case key.Matches(msg, k.PageDown):
			r.move(r.listRows())
		case key.Matches(msg, k.Top):
			r.move(-1 << 20)
		case key.Matches(msg, k.Bottom):
			r.move(1 << 20)
		case key.Matches(msg, k.SortReports):
			r.byStatus = !r.byStatus
			r.move(0)
		case key.Matches(msg, k.Filter):
			r.filtering = true
			return r, r.input.Focus()
		case key.Matches(msg, k.Enter):
			rows := r.rows()
			if len(rows) == 0 {
				return r, nil
			}
			it := rows[clamp(r.cursor, 0, len(rows)-1)]
			return newReportScreen(r.app, it.ReportState)
		default:
			if step := r.periodStep(msg); step != nil {
				r.cursor, r.offset = 0, 0
				return r, r.stepPeriod(step)
			}
		}
	}
	return r, nil
}

// updateFilter types in the filter line: enter applies, esc clears.
func (r *reviewList) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit
	case key.Matches(msg, k.Confirm):
		r.filtering = false
		r.input.Blur()
	case key.Matches(msg, k.ClearFilter):
		r.filtering, r.filter = false, ""
		r.input.SetValue("")
		r.input.Blur()
		r.move(0)
		return nil
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	r.filter = text.Fold(strings.TrimSpace(r.input.Value()))
	r.cursor = 0
	r.move(0)
	return cmd
}

func (r *reviewList) View(w, h int) string {
	th, l := &r.theme, r.l
	title := " " + th.Title.Paint(l.T("board.review.list_title", l.Period(r.period)))
	if !r.loaded {
		return block([]string{title, " " + th.Faint.Paint(l.T("board.loading"))}, w, h)
	}
	if c := r.reviewCount(); c != "" {
		title += "  " + th.Subtle.Paint(c)
	}
	if r.byStatus {
		title += "  " + th.Faint.Paint(l.T("board.review.sorted_status"))
	}
	rows := r.rows()
	lines := []string{title}
	if len(rows) == 0 {
		lines = append(lines, "", " "+l.T("board.review.none"))
		return block(lines, w, h)
	}
	// Columns: status, area, unit, submitted, checks, last event; the
	// last event and the area go first when the window is narrow.
	statusW, subW, checksW := 15, 17, 10
	nameW := max(w-statusW-subW-checksW-6, 10)
	areaW, lastW := 0, 0
	if w >= 100 {
		areaW = clamp(w/6, 12, 24)
		lastW = max(w-statusW-subW-checksW-areaW-30-8, 0)
		nameW = 30
	}
	head := " " + fit(l.T("board.review.col.status"), statusW) + " "
	if areaW > 0 {
		head += fit(l.T("board.review.col.area"), areaW) + " "
	}
	head += fit(l.T("board.review.col.unit"), nameW) + " " + fit(l.T("board.review.col.submitted"), subW) + " " + fit(l.T("board.review.col.checks"), checksW)
	if lastW > 0 {
		head += " " + fit(l.T("board.review.col.last"), lastW)
	}
	lines[0] = title
	lines = append(lines, th.Faint.Paint(fit(head, w)))
	cur := clamp(r.cursor, 0, len(rows)-1)
	for i := r.offset; i < len(rows) && i < r.offset+r.listRows()-1; i++ {
		it := rows[i]
		s := " " + fit(reviewStatusWord(it.ReportState, th, l), statusW) + " "
		if areaW > 0 {
			s += fit(clean(it.Area), areaW) + " "
		}
		s += fit(clean(it.Unit), nameW) + " " + fit(submittedText(it, th, l), subW) + " " + fit(checksSummary(it.Summary(), th), checksW)
		if lastW > 0 {
			s += " " + fit(lastEventText(it.ReportState, l), lastW)
		}
		if i == cur {
			s = th.Selected.Over("▌" + fit(s[1:], w-1))
		}
		lines = append(lines, s)
	}
	return block(lines, w, h)
}

// reviewStatusWord is a report's status as a symbol and a word, never
// by colour alone.
func reviewStatusWord(st data.ReportState, th *Theme, l lang.Lang) string {
	word := review.StatusName(l, st)
	switch {
	case st.Resubmitted:
		return th.Accent.Paint("◐ " + word)
	case st.Status == data.ReportApproved:
		return th.Green.Paint("✓ " + word)
	case st.Status == data.ReportSentBack:
		return th.Yellow.Paint("↩ " + word)
	case st.Status == data.ReportSubmitted:
		return th.Accent.Paint("● " + word)
	}
	return th.Faint.Paint("○ " + word)
}

func submittedText(it review.Item, th *Theme, l lang.Lang) string {
	switch {
	case it.Overdue:
		return th.Red.Paint(l.T("board.review.overdue"))
	case it.SubmittedAt == "":
		return th.Faint.Paint("–")
	}
	t, _ := time.Parse(time.RFC3339, it.SubmittedAt)
	s := lang.DateTime(t)[5:]
	if it.Late {
		s += " " + th.Warn.Paint(l.T("board.review.late"))
	}
	return s
}

func checksSummary(s review.Summary, th *Theme) string {
	return th.Green.Paint("✓"+lang.Int(int64(s.OK))) + " " + th.Yellow.Paint("!"+lang.Int(int64(s.Remarks))) + " " +
		th.Red.Paint("✗"+lang.Int(int64(s.Missing)))
}

func lastEventText(st data.ReportState, l lang.Lang) string {
	if st.LastKind == "" {
		return "–"
	}
	t, _ := time.Parse(time.RFC3339, st.LastAt)
	return review.EventName(l, st.LastKind) + " " + lang.DateTime(t)[5:] + " " + clean(st.LastActor)
}

// reviewMark is a unit's review state as one symbol for the board's list.
func (a *app) reviewMark(unit int64) string {
	st, ok := a.reviewStateOf(unit)
	if !ok {
		return ""
	}
	switch {
	case st.Status == data.ReportApproved:
		return "✓"
	case st.Status == data.ReportSentBack:
		return "↩"
	case st.Status == data.ReportSubmitted:
		return "●"
	}
	return "○"
}

// reviewWord is a unit's review state in words for the header: granskad,
// ej granskad, återsänd, väntar; "" for an area or before loading.
func (a *app) reviewWord(sc data.Scope) string {
	if sc.IsArea() || sc.IsAreaWide() {
		return ""
	}
	st, ok := a.reviewStateOf(sc.UnitID)
	if !ok {
		return ""
	}
	return a.reviewMark(sc.UnitID) + " " + a.l.T("board.review.state."+string(st.Status))
}

// gapReportNote says that a unit's gap stands on a report not yet
// approved ("… ej granskad"), "" for an area's gap or an approved report.
func (a *app) gapReportNote(g gaps.Gap) string {
	if g.UnitID == 0 {
		return ""
	}
	st, ok := a.reviewStateOf(g.UnitID)
	if !ok || st.Status == data.ReportApproved {
		return ""
	}
	return a.l.T("board.review.gap_unapproved", a.reviewWord(data.Scope{AreaID: g.AreaID, UnitID: g.UnitID}))
}
