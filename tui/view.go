package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data/gaps"
)

// View draws the board from what Update stored; it reads no database and
// renders no Markdown.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "beredning"
	return v
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return m.l.T("board.loading")
	}
	lo := m.layout()
	if lo.tooSmall {
		return m.renderTooSmall()
	}
	var b strings.Builder
	b.WriteString(m.renderHeader(w))
	b.WriteByte('\n')
	switch {
	case m.imp != nil:
		b.WriteString(m.importView(w, lo.body.h))
	case m.reader != nil:
		b.WriteString(m.readerView().Render(w, lo.body.h))
	case m.gapView != nil:
		b.WriteString(m.gapListView().Render(w, lo.body.h))
	case m.ov != nil && len(m.ov.Areas) == 0:
		b.WriteString(m.renderEmpty(w, lo.body.h))
	default:
		b.WriteString(m.renderBoard(lo))
	}
	b.WriteByte('\n')
	b.WriteString(m.renderFooter(w))
	return b.String()
}

// renderEmpty is the body for a database with no areas yet.
func (m *Model) renderEmpty(w, h int) string {
	lines := []string{""}
	for _, s := range wrapLines(m.l.T("board.empty", m.keys.Import.Help().Key), max(w-4, 1), h-1) {
		lines = append(lines, "  "+s)
	}
	return block(lines, w, h)
}

// renderTooSmall is the polite note for a window below the minimum.
func (m *Model) renderTooSmall() string {
	w, h := m.width, m.height
	lines := []string{
		m.theme.Strong.Paint(m.l.T("board.too_small")),
		m.l.T("board.too_small_size", minWidth, minHeight, w, h),
	}
	var out []string
	for _, s := range lines {
		out = append(out, wrapLines(s, w, 3)...)
	}
	if len(out) > h {
		out = out[:h]
	}
	top := max((h-len(out))/2, 0)
	padded := make([]string, 0, h)
	for i := 0; i < top; i++ {
		padded = append(padded, "")
	}
	for _, s := range out {
		pad := max((w-width(s))/2, 0)
		padded = append(padded, strings.Repeat(" ", pad)+s)
	}
	return block(padded, w, h)
}

func (m *Model) renderHeader(w int) string {
	hd := header{th: &m.theme, l: m.l, ov: m.ov, pending: m.pending, scope: m.scopeName(m.sel),
		readOnly: m.store != nil && m.store.ReadOnly()}
	return hd.Render(w)
}

// paneTitles are the long names (wide) and tab names (narrow).
func (m *Model) paneTitle(p paneID, short bool) string {
	keys := [numPanes][2]string{
		paneList:       {"board.pane.list", "board.tab.list"},
		paneGaps:       {"board.pane.gaps", "board.tab.gaps"},
		paneBudget:     {"board.pane.budget", "board.tab.budget"},
		paneVolumes:    {"board.pane.volumes", "board.tab.volumes"},
		paneNarratives: {"board.pane.narratives", "board.tab.narratives"},
	}
	if short {
		return m.l.T(keys[p][1])
	}
	return m.l.T(keys[p][0])
}

// titleLine is a region's first line: its name, marked when focused.
// The gap band's title also counts the scope's gaps.
func (m *Model) titleLine(p paneID, w int) string {
	title := m.paneTitle(p, false)
	suffix := ""
	if p == paneGaps {
		if gs, loaded := m.scopeGaps(); loaded {
			suffix = " " + gapSummary(m.gapResults[m.period], gs, &m.theme, m.l)
			if len(gs) > 0 && m.focus != paneGaps {
				suffix += m.theme.Faint.Paint("  " + m.l.T("board.gap.hint"))
			}
		}
	}
	if m.focus == p {
		return fit(m.theme.PaneTitleFocused.Paint("▸ "+title+" ")+suffix, w)
	}
	return fit(m.theme.PaneTitle.Paint("  "+title)+suffix, w)
}

// tabLine names the panes that share one place, the visible one marked.
// When the names do not fit, the others are shortened so the visible one
// always shows whole.
func (m *Model) tabLine(tabs []paneID, active paneID, w int) string {
	sep := m.theme.Faint.Paint(" │")
	render := func(otherW int) string {
		var parts []string
		for _, p := range tabs {
			name := m.paneTitle(p, true)
			switch {
			case p == active && m.focus == p:
				parts = append(parts, m.theme.PaneTitleFocused.Paint("▸ "+name+" "))
			case p == active:
				parts = append(parts, m.theme.PaneTitle.Paint("▸ "+name))
			default:
				parts = append(parts, m.theme.Faint.Paint("  "+trunc(name, otherW)))
			}
		}
		return strings.Join(parts, sep)
	}
	line := render(1 << 10)
	if width(line) > w && len(tabs) > 1 {
		activeW := width(m.paneTitle(active, true)) + 3
		otherW := (w-activeW-2*(len(tabs)-1))/(len(tabs)-1) - 2
		line = render(max(otherW, 1))
	}
	return fit(line, w)
}

// renderBoard draws the list and the panes the layout shows, joined
// side by side line by line.
func (m *Model) renderBoard(lo layout) string {
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
		title := m.titleLine(paneList, r.w)
		if lo.mode == layoutSingle {
			title = m.tabLine(allTabs, paneList, r.w)
		}
		add(r, title, m.areaList().Render(r.w, r.h-1))
	}
	for p := paneGaps; p < numPanes; p++ {
		r := lo.panes[p]
		if r.w == 0 || r.h == 0 {
			continue
		}
		title := m.titleLine(p, r.w)
		switch {
		case lo.mode == layoutSingle:
			title = m.tabLine(allTabs, p, r.w)
		case lo.mode == layoutMedium && p != paneGaps:
			title = m.tabLine([]paneID{paneBudget, paneVolumes, paneNarratives}, p, r.w)
		}
		add(r, title, m.renderPane(p, r.w, r.h-1))
	}
	// Paint the regions into rows: each screen row is the regions that
	// cover it, left to right, with a separator between neighbours.
	sep := m.theme.Separator.Paint("│")
	var b strings.Builder
	for y := lo.body.y; y < lo.body.y+lo.body.h; y++ {
		if y > lo.body.y {
			b.WriteByte('\n')
		}
		x := 0
		for _, rg := range regions {
			if y < rg.r.y || y >= rg.r.y+rg.r.h {
				continue
			}
			if rg.r.x > x {
				b.WriteString(sep)
			}
			if i := y - rg.r.y; i < len(rg.lines) {
				b.WriteString(rg.lines[i])
			} else {
				b.WriteString(strings.Repeat(" ", rg.r.w))
			}
			x = rg.r.x + rg.r.w
		}
	}
	return b.String()
}

// allTabs are the tabs of a single-column screen.
var allTabs = []paneID{paneList, paneGaps, paneBudget, paneVolumes, paneNarratives}

func (m *Model) renderPane(p paneID, w, h int) string {
	switch p {
	case paneGaps:
		return m.gapBand().Render(w, h)
	case paneBudget:
		return m.budgetPane().Render(w, h)
	case paneVolumes:
		return m.volumesPane().Render(w, h)
	case paneNarratives:
		return m.narrativesPane().Render(w, h)
	}
	return ""
}

func (m *Model) areaList() areaList {
	a := areaList{th: &m.theme, l: m.l, rows: m.rows, cursor: m.cursor, offset: m.listOffset, focused: m.focus == paneList}
	if m.ov != nil {
		a.total = &m.ov.Total
	}
	if res := m.gapResults[m.period]; res != nil {
		a.gaps = res.Counts
	}
	return a
}

func (m *Model) gapBand() gapBand {
	gs, loaded := m.scopeGaps()
	return gapBand{th: &m.theme, l: m.l, loaded: loaded, gaps: gs, cursor: m.gapCursor, open: m.gapOpen && len(gs) > 0,
		scroll: m.gapScroll, focused: m.focus == paneGaps, showWhere: m.sel.IsArea()}
}

func (m *Model) budgetPane() budgetPane {
	return budgetPane{th: &m.theme, l: m.l, detail: m.detail(m.sel), offset: m.scroll[paneBudget], mark: marksOf(m.openGap()).accounts}
}

func (m *Model) volumesPane() volumesPane {
	mk := marksOf(m.openGap())
	return volumesPane{th: &m.theme, l: m.l, detail: m.detail(m.sel), offset: m.scroll[paneVolumes], mark: mk.measures, markKind: mk.placements}
}

func (m *Model) gapListView() gapListView {
	v := gapListView{th: &m.theme, l: m.l, state: m.gapView, res: m.gapResults[m.period], period: m.period}
	if v.res == nil && m.ov != nil && m.period.IsZero() {
		v.res = &gaps.Result{} // an empty database: nothing to compute
	}
	if m.ov != nil {
		v.municipality = m.ov.Municipality.Name
	}
	return v
}

func (m *Model) narrativesPane() narrativesPane {
	items, total, loading := m.narratives()
	return narrativesPane{
		th: &m.theme, l: m.l, loading: loading, items: items, total: total,
		from: m.period.Recent(6), to: m.period,
		cursor: m.narrCursor, offset: m.narrOffset, focused: m.focus == paneNarratives,
		showUnit: m.sel.IsArea(), mark: marksOf(m.openGap()).narratives,
	}
}

// renderFooter is the key help, or the filter line while typing; an
// applied filter and the last error stand before the help.
func (m *Model) renderFooter(w int) string {
	th, l := &m.theme, m.l
	if m.filtering {
		input := " " + m.input.View()
		hint := m.help.ShortHelpView([]key.Binding{m.keys.Confirm, m.keys.ClearFilter, m.keys.ArrowDown})
		if width(input)+width(hint)+3 > w {
			return block([]string{input}, w, m.footerH) // the typing matters more than the hint
		}
		return block([]string{spread(input, hint+" ", w)}, w, m.footerH)
	}
	var prefix string
	if m.err != nil {
		prefix = th.Error.Paint(l.T("board.error", l.Err(m.err))) + "  "
	}
	if m.notice != "" {
		prefix += th.Strong.Paint(m.notice) + "  "
	}
	if m.filter != "" {
		prefix += th.Highlight.Paint(l.T("board.filter.active", m.input.Value())) + th.Subtle.Paint(" "+l.T("board.filter.clear")) + "  "
	}
	var short, full = m.keys.ShortHelp(), m.keys.FullHelp()
	switch {
	case m.imp != nil:
		ik := m.importKeys()
		short, full = ik.ShortHelp(), ik.FullHelp()
	case m.reader != nil:
		rk := readerKeys{m.keys}
		short, full = rk.ShortHelp(), rk.FullHelp()
	case m.gapView != nil:
		gk := gapListKeys{m.keys}
		short, full = gk.ShortHelp(), gk.FullHelp()
	}
	hm := m.help
	hm.SetWidth(max(w-2-width(prefix), 0))
	first := " " + prefix + shortHelpLine(hm, short, m.keys.Help, m.keys.Quit, max(w-2-width(prefix), 0))
	if !m.help.ShowAll {
		return block([]string{first}, w, m.footerH)
	}
	lines := []string{" " + prefix}
	for _, s := range strings.Split(m.help.FullHelpView(full), "\n") {
		lines = append(lines, " "+s)
	}
	return block(lines, w, m.footerH)
}
