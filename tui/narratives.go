package tui

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// narrativesPane is pane 3: the recent months' narratives, newest first,
// each with its type and severity by symbol and word, its title and its
// first lines. Enter opens the one under the cursor in the reader.
type narrativesPane struct {
	th       *Theme
	l        lang.Lang
	loading  bool
	items    []data.NarrativeItem // after the filter
	total    int                  // before the filter
	from, to data.Period
	cursor   int
	offset   int // first item shown
	focused  bool
	showUnit bool           // the scope is an area: name each narrative's unit
	mark     map[int64]bool // narratives that are evidence of a selected gap
	briefed  map[int64]bool // narratives marked for the chair's briefing: ◆
}

// narrativeItemLines is the height of one narrative in the list.
const narrativeItemLines = 5

// narrativesVisible is how many narratives fit in a pane of height h.
func narrativesVisible(h int) int { return max((h-1)/narrativeItemLines, 1) }

// followCursor returns the offset that keeps cursor on screen.
func followCursor(cursor, offset, visible int) int {
	if cursor < offset {
		return cursor
	}
	if cursor >= offset+visible {
		return cursor - visible + 1
	}
	return offset
}

func (p narrativesPane) Render(w, h int) string {
	th, l := p.th, p.l
	if p.loading {
		return block([]string{th.Faint.Paint(l.T("board.loading"))}, w, h)
	}
	months := l.MonthShort(p.from.Month()) + "–" + l.PeriodShort(p.to)
	if p.from.Year() != p.to.Year() {
		months = l.PeriodShort(p.from) + "–" + l.PeriodShort(p.to)
	}
	var lines []string
	switch {
	case p.total == 0:
		// Silence is itself a finding: say it plainly.
		lines = append(lines, " "+th.Warn.Paint(l.T("board.narr.none", months)))
		return block(lines, w, h)
	case len(p.items) == 0:
		lines = append(lines, " "+th.Faint.Paint(l.T("board.narr.none_match", p.total)))
		return block(lines, w, h)
	case len(p.items) < p.total:
		lines = append(lines, th.Subtle.Paint(" "+l.N(p.total, "board.narr.count_filtered", len(p.items), p.total, months)))
	default:
		lines = append(lines, th.Subtle.Paint(" "+l.N(len(p.items), "board.narr.count", len(p.items), months)))
	}
	vis := narrativesVisible(h)
	off := clamp(p.offset, 0, max(len(p.items)-vis, 0))
	off = followCursor(p.cursor, off, vis)
	for i := off; i < len(p.items) && len(lines) < h; i++ {
		lines = append(lines, p.item(i, w)...)
	}
	return block(lines, w, h)
}

// item draws narrative i as narrativeItemLines lines.
func (p narrativesPane) item(i, w int) []string {
	th, l := p.th, p.l
	n := p.items[i]
	selected := i == p.cursor
	gutter := " "
	if selected {
		gutter = th.Accent.Paint("▌")
	}
	meta := severityGlyph(n.Severity, th) + " " + severityInk(n.Severity, th).Paint(l.Severity(n.Severity)) +
		"  " + typeGlyph(n.Type) + " " + l.NarrativeType(n.Type) + th.Subtle.Paint(" · "+l.PeriodShort(n.Period))
	if p.showUnit && n.UnitName != "" {
		meta += th.Subtle.Paint(" · " + clean(n.UnitName))
	}
	title := clean(n.Title)
	if p.briefed[n.ID] {
		title = "◆ " + title
	}
	if p.mark[n.ID] {
		title = th.Highlight.Paint("» " + title)
	} else {
		title = th.Strong.Paint(title)
	}
	head := fit(gutter+meta, w)
	titleLine := fit(gutter+" "+title, w)
	if selected {
		ink := th.SelectedBlurred
		if p.focused {
			ink = th.Selected
		}
		head, titleLine = ink.Over(head), ink.Over(titleLine)
	}
	out := []string{head, titleLine}
	preview := wrapLines(plainMarkdown(n.Text, (narrativeItemLines-2)*w*2), max(w-3, 1), narrativeItemLines-3)
	for j := 0; j < narrativeItemLines-3; j++ {
		s := ""
		if j < len(preview) {
			s = th.Subtle.Paint(preview[j])
		}
		out = append(out, gutter+"  "+s)
	}
	return append(out, "")
}

// narrativeMatches tells whether a narrative holds the folded query in
// its title, text, type, unit or author.
func narrativeMatches(n data.NarrativeItem, q string, l lang.Lang) bool {
	if q == "" {
		return true
	}
	for _, s := range []string{n.Title, n.Text, n.UnitName, n.Author, l.NarrativeType(n.Type), l.Severity(n.Severity)} {
		if strings.Contains(text.Fold(s), q) {
			return true
		}
	}
	return false
}

// filterNarratives keeps the narratives that match q.
func filterNarratives(items []data.NarrativeItem, q string, l lang.Lang) []data.NarrativeItem {
	if q == "" {
		return items
	}
	out := make([]data.NarrativeItem, 0, len(items))
	for _, n := range items {
		if narrativeMatches(n, q, l) {
			out = append(out, n)
		}
	}
	return out
}
