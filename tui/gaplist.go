package tui

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// gapList is the whole municipality's quality gaps for the period
// ("Kvalitetsglapp"): every gap, most severe first, then by area; the one
// under the cursor explained below the list. Enter goes to its area or
// unit on the board with the gap open.
type gapList struct {
	cursor int
	offset int
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

// gapListRows is how many lines the list part gets of a body of height h;
// the rest explains the gap under the cursor.
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
	listH := gapListRows(h)
	cur := clamp(v.state.cursor, 0, len(gs)-1)
	off := followCursor(cur, clamp(v.state.offset, 0, max(len(gs)-listH, 0)), listH)
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
	lines = append(lines, th.Faint.Paint(" "+strings.Repeat("─", max(w-2, 0))))
	lines = append(lines, gapDetail(gs[cur], w, th, l)...)
	return block(lines, w, h)
}
