package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// handleKey is the board's keyboard: the filter line and the reader take
// keys first when open; ctrl+c always quits.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	m.notice = ""
	if m.imp != nil {
		return m.importKey(msg)
	}
	if m.filtering {
		return m.updateFilter(msg)
	}
	if m.reader != nil {
		return m.readerKey(msg)
	}
	if m.gapView != nil {
		return m.gapListKey(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.resized()
	case key.Matches(msg, k.NextPane):
		m.cycleFocus(1, true)
	case key.Matches(msg, k.PrevPane):
		m.cycleFocus(-1, true)
	case m.periodStep(msg) != nil:
		return m.stepPeriod(m.periodStep(msg))
	case key.Matches(msg, k.Gaps):
		m.gapView = &gapList{}
		m.footerH = m.footerHeight()
		return m.ensureGaps()
	case key.Matches(msg, k.Import):
		return m.openImport()
	case key.Matches(msg, k.Filter):
		m.filtering = true
		m.footerH = m.footerHeight()
		return m.input.Focus()
	case key.Matches(msg, k.Back):
		m.back()
	case key.Matches(msg, k.Up):
		return m.move(-1)
	case key.Matches(msg, k.Down):
		return m.move(1)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.PageDown):
		d := m.pageSize()
		if key.Matches(msg, k.PageUp) {
			d = -d
		}
		if m.focus == paneGaps && m.gapOpen {
			m.gapScroll = clamp(m.gapScroll+d, 0, m.maxGapScroll())
			return nil
		}
		return m.move(d)
	case key.Matches(msg, k.Top):
		return m.move(-1 << 20)
	case key.Matches(msg, k.Bottom):
		return m.move(1 << 20)
	case key.Matches(msg, k.Left):
		return m.left()
	case key.Matches(msg, k.Right):
		return m.right()
	case key.Matches(msg, k.Enter):
		return m.enter()
	}
	return nil
}

// cycleFocus moves the focus through list, budget, volumes, narratives.
// With wrap false it stops at the ends (arrow keys); tab wraps.
func (m *Model) cycleFocus(d int, wrap bool) {
	next := int(m.focus) + d
	if wrap {
		next = (next + int(numPanes)) % int(numPanes)
	} else {
		next = clamp(next, 0, int(numPanes)-1)
	}
	m.focus = paneID(next)
	if m.focus >= paneBudget {
		m.shown = m.focus
	}
	m.keepListVisible()
	m.keepNarrativeVisible()
}

// back is Esc on the board: first an open gap closes, then the filter
// goes, then the focus returns to the list.
func (m *Model) back() {
	switch {
	case m.gapOpen:
		m.gapOpen, m.gapScroll = false, 0
	case m.filter != "":
		m.setFilter("")
		m.input.SetValue("")
	case m.focus != paneList:
		m.focus = paneList
		m.keepListVisible()
	}
}

// pageSize is a screenful of the focused part.
func (m *Model) pageSize() int {
	lo := m.layout()
	if m.reader != nil {
		return max(lo.body.h-4, 1)
	}
	switch m.focus {
	case paneList:
		return max(lo.list.h-3, 1)
	case paneGaps:
		return max(lo.panes[paneGaps].h-2, 1)
	case paneNarratives:
		return narrativesVisible(max(lo.panes[paneNarratives].h-1, 1))
	}
	return max(lo.panes[m.focus].h-2, 1)
}

// move moves the cursor of the focused list, or scrolls the focused pane.
func (m *Model) move(d int) tea.Cmd {
	switch m.focus {
	case paneList:
		return m.moveCursor(d)
	case paneGaps:
		m.moveGap(d)
	case paneNarratives:
		items, _, _ := m.narratives()
		m.narrCursor = clamp(m.narrCursor+d, 0, max(len(items)-1, 0))
		m.keepNarrativeVisible()
	default:
		m.scroll[m.focus] = clamp(m.scroll[m.focus]+d, 0, m.maxScroll(m.focus))
	}
	return nil
}

func (m *Model) moveCursor(d int) tea.Cmd {
	if len(m.rows) == 0 {
		return nil
	}
	m.cursor = clamp(m.cursor+d, 0, len(m.rows)-1)
	m.selectScope(m.rows[m.cursor].scope)
	m.keepListVisible()
	return m.ensureDetails()
}

// moveGap moves the band's cursor; an open gap follows it, from the top
// of its explanation.
func (m *Model) moveGap(d int) {
	gs, _ := m.scopeGaps()
	m.gapCursor = clamp(m.gapCursor+d, 0, max(len(gs)-1, 0))
	m.gapScroll = 0
	if m.gapOpen {
		m.showEvidence()
	}
}

// toggleGap opens or closes the gap under the band's cursor.
func (m *Model) toggleGap() {
	gs, _ := m.scopeGaps()
	if len(gs) == 0 {
		return
	}
	m.gapOpen, m.gapScroll = !m.gapOpen, 0
	if m.gapOpen {
		m.showEvidence()
	}
}

// showEvidence brings the open gap's first narrative into view in the
// narratives pane, and the panes back to their tops where the marks are.
func (m *Model) showEvidence() {
	mk := marksOf(m.openGap())
	items, _, _ := m.narratives()
	for i, n := range items {
		if mk.narratives[n.ID] {
			m.narrCursor = i
			break
		}
	}
	m.scroll[paneBudget], m.scroll[paneVolumes] = 0, 0
	m.keepNarrativeVisible()
}

// maxScroll is how far a pane's content can scroll at the current size.
func (m *Model) maxScroll(p paneID) int {
	lo := m.layout()
	r := lo.panes[p]
	if r.w == 0 {
		return 0
	}
	h := r.h - 1 // the pane's title line
	switch p {
	case paneBudget:
		return max(len(m.budgetPane().lines(r.w))-h, 0)
	case paneVolumes:
		return max(len(m.volumesPane().lines(r.w))-h, 0)
	}
	return 0
}

// left collapses an area or goes from a unit to its area; in a pane it
// moves the focus one pane left.
func (m *Model) left() tea.Cmd {
	if m.focus != paneList {
		m.cycleFocus(-1, false)
		return nil
	}
	if len(m.rows) == 0 {
		return nil
	}
	r := m.rows[m.cursor]
	if !r.isArea {
		m.selectScope(data.Scope{AreaID: r.scope.AreaID})
		m.rebuildRows()
		return m.ensureDetails()
	}
	if r.expanded {
		m.expanded[r.scope.AreaID] = false
		m.rebuildRows()
	}
	return nil
}

// right opens an area; on a unit or an open area it moves to the panes.
func (m *Model) right() tea.Cmd {
	if m.focus == paneList && len(m.rows) > 0 {
		if r := m.rows[m.cursor]; r.isArea && r.hasUnits && !r.expanded {
			m.expanded[r.scope.AreaID] = true
			m.rebuildRows()
			return nil
		}
	}
	m.cycleFocus(1, false)
	return nil
}

// enter opens or closes an area, goes from a unit to its panes, and opens
// a narrative in the reader.
func (m *Model) enter() tea.Cmd {
	switch m.focus {
	case paneList:
		if len(m.rows) == 0 {
			return nil
		}
		r := m.rows[m.cursor]
		if r.isArea && r.hasUnits {
			m.expanded[r.scope.AreaID] = !r.expanded
			m.rebuildRows()
			return nil
		}
		m.cycleFocus(1, false)
	case paneGaps:
		m.toggleGap()
	case paneNarratives:
		return m.openReader()
	}
	return nil
}

// stepPeriod moves the period under review (from the one being loaded,
// if any, so repeated keys add up), within the months the database holds.
// A loaded period is shown at once; another is loaded by a command.
func (m *Model) stepPeriod(step func(data.Period) data.Period) tea.Cmd {
	if m.ov == nil {
		return nil
	}
	base := m.period
	if !m.pending.IsZero() {
		base = m.pending
	}
	cov := m.ov.Coverage
	target := step(base)
	if cov.First.IsZero() || target < cov.First || target > cov.Last || target == base {
		return nil
	}
	if _, ok := m.overviews[target]; ok {
		return m.applyPeriod(target)
	}
	m.pending = target
	return loadOverview(m.ctx, m.store, target, m.gen)
}

// setFilter applies a query to the list and the narratives.
func (m *Model) setFilter(raw string) {
	q := fold(strings.TrimSpace(raw))
	if q == m.filter {
		return
	}
	m.filter = q
	m.narrCursor, m.narrOffset = 0, 0
	m.rebuildRows()
	m.clampNarrative()
}

// updateFilter handles keys while the filter line is open: the list
// narrows as one types; enter keeps the filter, esc drops it; the arrows
// still move in the list.
func (m *Model) updateFilter(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, m.keys.Back):
			m.filtering = false
			m.input.Blur()
			m.input.SetValue("")
			m.setFilter("")
			m.footerH = m.footerHeight()
			return nil
		case key.Matches(kp, m.keys.Confirm):
			m.filtering = false
			m.input.Blur()
			m.footerH = m.footerHeight()
			return nil
		case key.Matches(kp, m.keys.ArrowUp):
			return m.move(-1)
		case key.Matches(kp, m.keys.ArrowDown):
			return m.move(1)
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.setFilter(m.input.Value())
	return tea.Batch(cmd, m.ensureDetails())
}

// wheel scrolls the part under the pointer.
func (m *Model) wheel(ms tea.Mouse) tea.Cmd {
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = 1
	default:
		return nil
	}
	if m.imp != nil {
		m.importWheel(d)
		return nil
	}
	if m.reader != nil {
		m.scrollReader(3 * d)
		return nil
	}
	if m.gapView != nil {
		m.moveGapList(d)
		return nil
	}
	lo := m.layout()
	if lo.list.contains(ms.X, ms.Y) {
		return m.moveCursor(d)
	}
	for p := paneGaps; p < numPanes; p++ {
		if !lo.panes[p].contains(ms.X, ms.Y) {
			continue
		}
		switch {
		case p == paneGaps && m.gapOpen:
			m.gapScroll = clamp(m.gapScroll+d, 0, m.maxGapScroll())
		case p == paneGaps:
			m.moveGap(d)
		case p == paneNarratives:
			items, _, _ := m.narratives()
			m.narrCursor = clamp(m.narrCursor+d, 0, max(len(items)-1, 0))
			m.keepNarrativeVisible()
		default:
			m.scroll[p] = clamp(m.scroll[p]+3*d, 0, m.maxScroll(p))
		}
	}
	return nil
}

// openReader opens the narrative under the cursor.
func (m *Model) openReader() tea.Cmd {
	items, _, _ := m.narratives()
	if len(items) == 0 {
		return nil
	}
	m.reader = &reader{item: items[clamp(m.narrCursor, 0, len(items)-1)]}
	m.renderReader()
	m.footerH = m.footerHeight()
	return m.ensureDetails()
}

// renderReader renders the open narrative's Markdown for the current
// size and theme (in Update, so View stays cheap).
func (m *Model) renderReader() {
	if m.reader == nil || m.width <= 0 {
		return
	}
	textW, _, _ := readerGeometry(m.width)
	m.reader.renderBody(textW, m.theme.Markdown)
	m.scrollReader(0)
}

func (m *Model) readerView() readerView {
	v := readerView{th: &m.theme, l: m.l, r: m.reader}
	if m.reader != nil {
		v.detail = m.detail(m.reader.item.Scope)
		v.areaName = m.areaName(m.reader.item.AreaID)
	}
	return v
}

func (m *Model) scrollReader(d int) {
	if m.reader == nil {
		return
	}
	lo := m.layout()
	v := m.readerView()
	bodyH := max(lo.body.h-len(v.header(m.width)), 0)
	m.reader.offset = clamp(m.reader.offset+d, 0, max(len(v.bodyLines(m.width))-bodyH, 0))
}

// readerKey handles keys while a narrative is open.
func (m *Model) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Back), key.Matches(msg, k.Left):
		m.reader = nil
		m.footerH = m.footerHeight()
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.resized()
	case key.Matches(msg, k.Up):
		m.scrollReader(-1)
	case key.Matches(msg, k.Down):
		m.scrollReader(1)
	case key.Matches(msg, k.PageUp):
		m.scrollReader(-m.pageSize())
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.Enter): // enter and space page on, as in less
		m.scrollReader(m.pageSize())
	case key.Matches(msg, k.Top):
		m.scrollReader(-1 << 20)
	case key.Matches(msg, k.Bottom):
		m.scrollReader(1 << 20)
	}
	return nil
}

// gapListKey handles keys in the whole municipality's gap list.
func (m *Model) gapListKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Back), key.Matches(msg, k.Gaps):
		m.gapView = nil
		m.footerH = m.footerHeight()
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.resized()
	case key.Matches(msg, k.Up):
		m.moveGapList(-1)
	case key.Matches(msg, k.Down):
		m.moveGapList(1)
	case key.Matches(msg, k.PageUp):
		m.moveGapList(-gapListRows(m.layout().body.h))
	case key.Matches(msg, k.PageDown):
		m.moveGapList(gapListRows(m.layout().body.h))
	case key.Matches(msg, k.Top):
		m.moveGapList(-1 << 20)
	case key.Matches(msg, k.Bottom):
		m.moveGapList(1 << 20)
	case key.Matches(msg, k.Enter):
		return m.jumpToGap()
	default:
		// [ ] { } step the period here too; the list follows once loaded
		if step := m.periodStep(msg); step != nil {
			m.gapView.cursor, m.gapView.offset = 0, 0
			return m.stepPeriod(step)
		}
	}
	return nil
}

// periodStep is the step a period key asks for, or nil.
func (m *Model) periodStep(msg tea.KeyPressMsg) func(data.Period) data.Period {
	k := m.keys
	switch {
	case key.Matches(msg, k.PrevMonth):
		return func(p data.Period) data.Period { return p.Add(-1) }
	case key.Matches(msg, k.NextMonth):
		return func(p data.Period) data.Period { return p.Add(1) }
	case key.Matches(msg, k.PrevReport):
		return data.PrevReport
	case key.Matches(msg, k.NextReport):
		return data.NextReport
	}
	return nil
}

func (m *Model) moveGapList(d int) {
	res := m.gapResults[m.period]
	if res == nil || m.gapView == nil {
		return
	}
	n := len(res.Gaps)
	m.gapView.cursor = clamp(m.gapView.cursor+d, 0, max(n-1, 0))
	m.gapView.offset = followCursor(m.gapView.cursor, m.gapView.offset, gapListRows(m.layout().body.h))
}

// jumpToGap leaves the gap list for the gap's area or unit on the board,
// with the gap open in the band and its evidence marked.
func (m *Model) jumpToGap() tea.Cmd {
	res := m.gapResults[m.period]
	if res == nil || len(res.Gaps) == 0 {
		return nil
	}
	g := res.Gaps[clamp(m.gapView.cursor, 0, len(res.Gaps)-1)]
	m.gapView = nil
	m.footerH = m.footerHeight()
	if m.filter != "" {
		m.filter = ""
		m.input.SetValue("")
	}
	if g.UnitID != 0 {
		m.expanded[g.AreaID] = true
	}
	m.selectScope(g.Scope())
	m.rebuildRows()
	m.focus = paneGaps
	for i, sg := range res.ForScope(g.Scope()) {
		if sg.Rule == g.Rule && sg.AreaID == g.AreaID && sg.UnitID == g.UnitID && sg.Title == g.Title {
			m.gapCursor = i
			break
		}
	}
	m.gapOpen, m.gapScroll = true, 0
	cmd := m.ensureDetails()
	m.showEvidence()
	return cmd
}
