package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// gapList is the screen of the whole municipality's quality gaps for the
// period ("Kvalitetsglapp"): every gap, most severe first, then by area;
// the one under the cursor explained below the list, in a viewport that
// pgup/pgdn scroll so its evidence can be reached in a small window.
// Enter goes to its area or unit on the board with the gap open.
type gapList struct {
	*app
	cursor int
	offset int
	w, h   int
	shown  *gaps.Gap // the gap the explanation was laid out for
	detail viewport.Model
}

func newGapList(a *app) *gapList { return &gapList{app: a, detail: newViewport()} }

func (g *gapList) Title() string { return g.l.T("board.pane.gaps") }

func (g *gapList) Help() help.KeyMap {
	k := g.keys
	return bindings{
		short: []key.Binding{k.ScrollDown, k.GoTo, k.Back, k.Down},
		full: [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.ScrollUp, k.ScrollDown, k.GoTo},
			{k.PrevMonth, k.NextMonth, k.PrevReport, k.NextReport}, {k.Back, k.Help, k.Quit}},
	}
}

func (g *gapList) SetSize(w, h int) {
	g.w, g.h = w, h
	g.move(0)
}

// Update moves the cursor and scrolls the explanation; enter goes to the
// gap on the board, esc and o close; [ ] { } step the period here too and
// the list follows.
func (g *gapList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k := g.keys
	switch msg := msg.(type) {
	case backMsg:
		return nil, nil
	case tea.MouseWheelMsg:
		if y := msg.Mouse().Y - headerLines; y > g.listRows() {
			scrollWheel(&g.detail, wheelDelta(msg))
		} else {
			g.move(wheelDelta(msg))
		}
	case tea.MouseClickMsg:
		if row := msg.Mouse().Y - headerLines - 1; msg.Mouse().Button == tea.MouseLeft && row >= 0 && row < g.listRows() {
			g.move(g.offset + row - g.cursor)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Gaps):
			return nil, nil
		case key.Matches(msg, k.Up):
			g.move(-1)
		case key.Matches(msg, k.Down):
			g.move(1)
		case key.Matches(msg, k.ScrollUp):
			g.detail.PageUp()
		case key.Matches(msg, k.ScrollDown):
			g.detail.PageDown()
		case key.Matches(msg, k.Top):
			g.move(-1 << 20)
		case key.Matches(msg, k.Bottom):
			g.move(1 << 20)
		case key.Matches(msg, k.GoTo):
			res := g.periodGaps()
			if res == nil || len(res.Gaps) == 0 {
				return g, nil
			}
			goTo := gotoGapMsg{gap: res.Gaps[clamp(g.cursor, 0, len(res.Gaps)-1)]}
			return nil, func() tea.Msg { return goTo }
		default:
			if step := g.periodStep(msg); step != nil {
				g.cursor, g.offset = 0, 0
				return g, g.stepPeriod(step)
			}
		}
	case gapsMsg, overviewMsg, tea.BackgroundColorMsg:
		g.shown = nil // the gaps, or how they look, may have changed
		g.move(0)
	}
	return g, nil
}

// listRows is how many lines the list takes: its gaps, up to a little
// over half the body; the explanation has the rest.
func (g *gapList) listRows() int {
	n := 0
	if res := g.periodGaps(); res != nil {
		n = len(res.Gaps)
	}
	return clamp(n, 1, gapListRows(g.h))
}

// move moves the cursor and lays out the explanation of the gap under it,
// from its top when the gap is another.
func (g *gapList) move(d int) {
	res := g.periodGaps()
	if res == nil || len(res.Gaps) == 0 {
		g.cursor, g.offset = 0, 0
		return
	}
	g.cursor = clamp(g.cursor+d, 0, len(res.Gaps)-1)
	g.offset = followCursor(g.cursor, clamp(g.offset, 0, max(len(res.Gaps)-g.listRows(), 0)), g.listRows())
	cur := res.Gaps[g.cursor]
	g.detail.SetWidth(max(g.w, 1))
	g.detail.SetHeight(max(g.h-g.listRows()-2, 1)) // the title and the rule above it
	same := g.shown != nil && g.shown.Rule == cur.Rule && g.shown.Scope() == cur.Scope() && g.shown.Title == cur.Title
	g.detail.SetContentLines(gapDetail(cur, g.w, &g.theme, g.l))
	if !same {
		g.detail.GotoTop()
	}
	g.shown = &cur
}

func (g *gapList) View(w, h int) string {
	v := gapListView{th: &g.theme, l: g.l, state: g, res: g.periodGaps(), period: g.period}
	if g.ov != nil {
		v.municipality = g.ov.Municipality.Name
	}
	return v.Render(w, h)
}

// gapListView is the gap list drawn for one frame.
type gapListView struct {
	th           *Theme
	l            lang.Lang
	state        *gapList
	res          *gaps.Result // nil while loading
	municipality string
	period       data.Period
}

// gapListRows is at most how many lines the list part gets of a body of
// height h; the rest explains the gap under the cursor.
func gapListRows(h int) int { return max((h-2)*11/20, 1) }

func (v gapListView) Render(w, h int) string {
	th, l := v.th, v.l
	title := " " + th.Title.Paint(gaps.Heading(l, clean(v.municipality), v.period))
	if v.res == nil {
		return block([]string{title, " " + th.Faint.Paint(l.T("board.loading"))}, w, h)
	}
	if v.period.IsZero() { // an empty database: no month to judge
		return block([]string{title, "", " " + l.T("board.gaplist.no_data")}, w, h)
	}
	gs := v.res.Gaps
	title += "  " + gapSummary(v.res, gs, th, l)
	lines := []string{title}
	if len(gs) == 0 {
		none := l.T("board.gaplist.none")
		if outcomeNote(v.res, l) != "" {
			none = l.T("board.gaplist.no_outcome", upperFirst(l.Period(v.period)), l.Period(v.res.Outcome.Through))
		}
		lines = append(lines, "")
		for _, s := range wrapLines(none, max(w-2, 1), h-2) {
			lines = append(lines, " "+s)
		}
		return block(lines, w, h)
	}
	listH := v.state.listRows()
	cur := clamp(v.state.cursor, 0, len(gs)-1)
	off := clamp(v.state.offset, 0, max(len(gs)-listH, 0))
	sevW := severityWordWidth(l)
	whereW := clamp(w*3/10, 12, 44)
	for i := off; i < len(gs) && i < off+listH; i++ {
		g := gs[i]
		s := " " + fit(severityWord(g.Severity, th, l), sevW) + " " + fit(gapWhere(g, true), whereW) + " " + clean(g.Title)
		if i == cur {
			s = th.Selected.Over("▌" + fit(s[1:], w-1))
		}
		lines = append(lines, s)
	}
	for len(lines) < listH+1 {
		lines = append(lines, "")
	}
	rule := strings.Repeat("─", max(w-2, 0))
	if d := &v.state.detail; !d.AtTop() || !d.AtBottom() {
		// how far the explanation is read, so its end is known to be below
		pct := lang.Int(int64(d.ScrollPercent()*100)) + " %"
		rule = strings.Repeat("─", max(w-3-width(pct)-2, 0)) + " " + pct + " ─"
	}
	lines = append(lines, th.Faint.Paint(" "+rule))
	lines = append(lines, strings.Split(v.state.detail.View(), "\n")...)
	return block(lines, w, h)
}
