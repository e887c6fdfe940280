package tui

import (
	"strings"
)

// View draws the list and the panes, or a word on what to do when the
// database has no areas.
func (b *board) View(w, h int) string {
	if b.ov != nil && len(b.ov.Areas) == 0 {
		return b.renderEmpty(w, h)
	}
	return b.renderBoard(b.layout())
}

// renderEmpty is the body for a database with no areas yet.
func (b *board) renderEmpty(w, h int) string {
	lines := []string{""}
	for _, s := range wrapLines(b.l.T("board.empty", b.keys.Import.Help().Key), max(w-4, 1), h-1) {
		lines = append(lines, "  "+s)
	}
	return block(lines, w, h)
}

// paneTitles are the long names (wide) and tab names (narrow).
func (b *board) paneTitle(p paneID, short bool) string {
	keys := [numPanes][2]string{
		paneList:       {"board.pane.list", "board.tab.list"},
		paneGaps:       {"board.pane.gaps", "board.tab.gaps"},
		paneBudget:     {"board.pane.budget", "board.tab.budget"},
		paneVolumes:    {"board.pane.volumes", "board.tab.volumes"},
		paneNarratives: {"board.pane.narratives", "board.tab.narratives"},
	}
	if short {
		return b.l.T(keys[p][1])
	}
	return b.l.T(keys[p][0])
}

// titleLine is a region's first line: its name, marked when focused.
// The gap band's title also counts the scope's gaps.
func (b *board) titleLine(p paneID, w int) string {
	title := b.paneTitle(p, false)
	suffix := ""
	if p == paneGaps {
		if gs, loaded := b.scopeGaps(); loaded {
			suffix = " " + gapSummary(b.periodGaps(), gs, &b.theme, b.l)
			if len(gs) > 0 && b.focus != paneGaps {
				suffix += b.theme.Faint.Paint("  " + b.l.T("board.gap.hint"))
			}
		}
	}
	if b.focus == p {
		return fit(b.theme.PaneTitleFocused.Paint("▸ "+title+" ")+suffix, w)
	}
	return fit(b.theme.PaneTitle.Paint("  "+title)+suffix, w)
}

// tabLine names the panes that share one place, the visible one marked.
// When the names do not fit, the others are shortened so the visible one
// always shows whole.
func (b *board) tabLine(tabs []paneID, active paneID, w int) string {
	sep := b.theme.Faint.Paint(" │")
	render := func(otherW int) string {
		var parts []string
		for _, p := range tabs {
			name := b.paneTitle(p, true)
			switch {
			case p == active && b.focus == p:
				parts = append(parts, b.theme.PaneTitleFocused.Paint("▸ "+name+" "))
			case p == active:
				parts = append(parts, b.theme.PaneTitle.Paint("▸ "+name))
			default:
				parts = append(parts, b.theme.Faint.Paint("  "+trunc(name, otherW)))
			}
		}
		return strings.Join(parts, sep)
	}
	line := render(1 << 10)
	if width(line) > w && len(tabs) > 1 {
		activeW := width(b.paneTitle(active, true)) + 3
		otherW := (w-activeW-2*(len(tabs)-1))/(len(tabs)-1) - 2
		line = render(max(otherW, 1))
	}
	return fit(line, w)
}

// renderBoard draws the list and the panes the layout shows, joined
// side by side line by line.
func (b *board) renderBoard(lo layout) string {
	type region struct {
		r     rect
		lines []string
	}
	var regions []region
	add := func(r rect, title string, body string) {
		lines := make([]string, 0, r.h)
		lines = append(lines, title)
		lines = append(lines, strings.Split(body, "\n")...)
		regions = append(regions, region{r, lines})
	}
	if r := lo.list; r.w > 0 {
		title := b.titleLine(paneList, r.w)
		if lo.mode == layoutSingle {
			title = b.tabLine(allTabs, paneList, r.w)
		}
		add(r, title, b.areaList().Render(r.w, r.h-1))
	}
	for p := paneGaps; p < numPanes; p++ {
		r := lo.panes[p]
		if r.w == 0 || r.h == 0 {
			continue
		}
		title := b.titleLine(p, r.w)
		switch {
		case lo.mode == layoutSingle:
			title = b.tabLine(allTabs, p, r.w)
		case lo.mode == layoutMedium && p != paneGaps:
			title = b.tabLine([]paneID{paneBudget, paneVolumes, paneNarratives}, p, r.w)
		}
		add(r, title, b.renderPane(p, r.w, r.h-1))
	}
	// Paint the regions into rows: each screen row is the regions that
	// cover it, left to right, with a separator between neighbours.
	sep := b.theme.Separator.Paint("│")
	var out strings.Builder
	for y := lo.body.y; y < lo.body.y+lo.body.h; y++ {
		if y > lo.body.y {
			out.WriteByte('\n')
		}
		x := 0
		for _, rg := range regions {
			if y < rg.r.y || y >= rg.r.y+rg.r.h {
				continue
			}
			if rg.r.x > x {
				out.WriteString(sep)
			}
			if i := y - rg.r.y; i < len(rg.lines) {
				out.WriteString(rg.lines[i])
			} else {
				out.WriteString(strings.Repeat(" ", rg.r.w))
			}
			x = rg.r.x + rg.r.w
		}
	}
	return out.String()
}

// allTabs are the tabs of a single-column screen.
var allTabs = []paneID{paneList, paneGaps, paneBudget, paneVolumes, paneNarratives}

func (b *board) renderPane(p paneID, w, h int) string {
	if b.sel.AreaID == 0 && b.ov != nil && len(b.ov.Areas) > 0 {
		// a filter without matches: no area, so nothing to show
		return block([]string{" " + b.theme.Faint.Paint(trunc(b.l.T("board.filter.no_match"), w-1))}, w, h)
	}
	switch p {
	case paneGaps:
		return b.gapBand().Render(w, h)
	case paneBudget:
		return b.budgetPane().Render(w, h)
	case paneVolumes:
		return b.volumesPane().Render(w, h)
	case paneNarratives:
		return b.narrativesPane().Render(w, h)
	}
	return ""
}

func (b *board) areaList() areaList {
	a := areaList{th: &b.theme, l: b.l, rows: b.rows, cursor: b.cursor, offset: b.listOffset, focused: b.focus == paneList}
	if b.ov != nil {
		a.total = &b.ov.Total
	}
	if res := b.gapResults[b.period]; res != nil {
		a.gaps = res.Counts
	}
	if len(b.reviewStates[b.period]) > 0 {
		a.review = b.reviewMark
	}
	return a
}

func (b *board) gapBand() gapBand {
	gs, loaded := b.scopeGaps()
	return gapBand{th: &b.theme, l: b.l, loaded: loaded, gaps: gs, cursor: b.gapCursor, open: b.gapOpen && len(gs) > 0,
		scroll: b.gapScroll, focused: b.focus == paneGaps, showWhere: b.sel.IsArea(), briefed: b.briefedGap,
		reportNote: b.gapReportNote}
}

func (b *board) budgetPane() budgetPane {
	return budgetPane{th: &b.theme, l: b.l, detail: b.detail(b.sel), offset: b.scroll[paneBudget], mark: marksOf(b.openGap()).accounts,
		briefed: b.budgetBriefed()}
}

func (b *board) volumesPane() volumesPane {
	mk := marksOf(b.openGap())
	return volumesPane{th: &b.theme, l: b.l, detail: b.detail(b.sel), offset: b.scroll[paneVolumes], mark: mk.measures, markKind: mk.placements,
		cursor: b.volCursor, focused: b.focus == paneVolumes, briefed: b.briefedRow}
}

func (b *board) narrativesPane() narrativesPane {
	items, total, loading := b.narratives()
	return narrativesPane{
		th: &b.theme, l: b.l, loading: loading, items: items, total: total,
		from: b.period.Recent(6), to: b.period,
		cursor: b.narrCursor, offset: b.narrOffset, focused: b.focus == paneNarratives,
		showUnit: b.sel.IsArea(), mark: marksOf(b.openGap()).narratives, briefed: b.briefedNarratives(),
	}
}
