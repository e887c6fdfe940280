package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/text"
)

// handleKey is the board's keyboard once the root has taken the global
// keys. Some keys open a screen above the board.
func (b *board) handleKey(msg tea.KeyPressMsg) (Screen, tea.Cmd) {
	k := b.keys
	switch {
	case key.Matches(msg, k.NextPane):
		b.cycleFocus(1, true)
	case key.Matches(msg, k.PrevPane):
		b.cycleFocus(-1, true)
	case b.periodStep(msg) != nil:
		return b, b.stepPeriod(b.periodStep(msg))
	case key.Matches(msg, k.Gaps):
		return newGapList(b.app), b.ensureGaps()
	case key.Matches(msg, k.Mark):
		return b, b.mark()
	case key.Matches(msg, k.Briefing):
		s := newBriefingScreen(b.app)
		return s, s.load()
	case key.Matches(msg, k.Meetings):
		s := newMeetingsScreen(b.app)
		return s, s.load()
	case key.Matches(msg, k.Kolada):
		return newKoladaScreen(b.app)
	case key.Matches(msg, k.Economy):
		if b.sel.AreaID == 0 {
			b.notice = b.l.T("board.econ.choose")
			return b, nil
		}
		return newEconScreen(b.app)
	case key.Matches(msg, k.Reports):
		if b.period.IsZero() {
			return b, nil
		}
		return newReviewList(b.app)
	case key.Matches(msg, k.Import):
		if b.imports.runs > 0 {
			return b, nil // one import at a time
		}
		s := newImportScreen(b.app)
		return s, s.browse(b.imports.dir)
	case key.Matches(msg, k.Filter):
		b.filtering = true
		return b, b.input.Focus()
	case key.Matches(msg, k.Up):
		return b, b.move(-1)
	case key.Matches(msg, k.Down):
		return b, b.move(1)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.PageDown):
		d := b.pageSize()
		if key.Matches(msg, k.PageUp) {
			d = -d
		}
		if b.focus == paneGaps && b.gapOpen {
			b.gapScroll = clamp(b.gapScroll+d, 0, b.maxGapScroll())
			return b, nil
		}
		return b, b.move(d)
	case key.Matches(msg, k.Top):
		return b, b.move(-1 << 20)
	case key.Matches(msg, k.Bottom):
		return b, b.move(1 << 20)
	case key.Matches(msg, k.Left):
		return b, b.left()
	case key.Matches(msg, k.Right):
		return b, b.right()
	case key.Matches(msg, k.Enter):
		if b.focus == paneNarratives {
			return b.openReader()
		}
		return b, b.enter()
	}
	return b, nil
}

// cycleFocus moves the focus through list, budget, volumes, narratives.
// With wrap false it stops at the ends (arrow keys); tab wraps.
func (b *board) cycleFocus(d int, wrap bool) {
	next := int(b.focus) + d
	if wrap {
		next = (next + int(numPanes)) % int(numPanes)
	} else {
		next = clamp(next, 0, int(numPanes)-1)
	}
	b.focus = paneID(next)
	if b.focus >= paneBudget {
		b.shown = b.focus
	}
	b.keepListVisible()
	b.keepNarrativeVisible()
}

// back is Esc on the board: first an open gap closes, then the filter
// goes, then the focus returns to the list.
func (b *board) back() {
	switch {
	case b.gapOpen:
		b.gapOpen, b.gapScroll = false, 0
	case b.filter != "":
		b.setFilter("")
		b.input.SetValue("")
	case b.focus != paneList:
		b.focus = paneList
		b.keepListVisible()
	}
}

// pageSize is a screenful of the focused part.
func (b *board) pageSize() int {
	lo := b.layout()
	switch b.focus {
	case paneList:
		return max(lo.list.h-3, 1)
	case paneGaps:
		return max(lo.panes[paneGaps].h-2, 1)
	case paneNarratives:
		return narrativesVisible(max(lo.panes[paneNarratives].h-1, 1))
	}
	return max(lo.panes[b.focus].h-2, 1)
}

// move moves the cursor of the focused list, or scrolls the focused pane.
func (b *board) move(d int) tea.Cmd {
	switch b.focus {
	case paneList:
		return b.moveCursor(d)
	case paneGaps:
		b.moveGap(d)
	case paneNarratives:
		items, _, _ := b.narratives()
		b.narrCursor = clamp(b.narrCursor+d, 0, max(len(items)-1, 0))
		b.keepNarrativeVisible()
	case paneVolumes:
		b.moveVolume(d)
	default:
		b.scroll[b.focus] = clamp(b.scroll[b.focus]+d, 0, b.maxScroll(b.focus))
	}
	return nil
}

func (b *board) moveCursor(d int) tea.Cmd {
	if len(b.rows) == 0 {
		return nil
	}
	b.cursor = clamp(b.cursor+d, 0, len(b.rows)-1)
	b.selectScope(b.rows[b.cursor].scope)
	b.keepListVisible()
	return b.ensureDetails()
}

// moveGap moves the band's cursor; an open gap follows it, from the top
// of its explanation.
func (b *board) moveGap(d int) {
	gs, _ := b.scopeGaps()
	b.gapCursor = clamp(b.gapCursor+d, 0, max(len(gs)-1, 0))
	b.gapScroll = 0
	if b.gapOpen {
		b.showEvidence()
	}
}

// toggleGap opens or closes the gap under the band's cursor.
func (b *board) toggleGap() {
	gs, _ := b.scopeGaps()
	if len(gs) == 0 {
		return
	}
	b.gapOpen, b.gapScroll = !b.gapOpen, 0
	if b.gapOpen {
		b.showEvidence()
	}
}

// showEvidence brings the open gap's first narrative into view in the
// narratives pane, and the panes back to their tops where the marks are.
func (b *board) showEvidence() {
	mk := marksOf(b.openGap())
	items, _, _ := b.narratives()
	for i, n := range items {
		if mk.narratives[n.ID] {
			b.narrCursor = i
			break
		}
	}
	b.scroll[paneBudget], b.scroll[paneVolumes] = 0, 0
	b.keepNarrativeVisible()
}

// maxScroll is how far a pane's content can scroll at the current size.
func (b *board) maxScroll(p paneID) int {
	lo := b.layout()
	r := lo.panes[p]
	if r.w == 0 {
		return 0
	}
	h := r.h - 1 // the pane's title line
	switch p {
	case paneBudget:
		return max(len(b.budgetPane().lines(r.w))-h, 0)
	case paneVolumes:
		return max(len(b.volumesPane().lines(r.w))-h, 0)
	}
	return 0
}

// left collapses an area or goes from a unit to its area; in a pane it
// moves the focus one pane left.
func (b *board) left() tea.Cmd {
	if b.focus != paneList {
		b.cycleFocus(-1, false)
		return nil
	}
	if len(b.rows) == 0 {
		return nil
	}
	r := b.rows[b.cursor]
	if !r.isArea {
		b.selectScope(data.Scope{AreaID: r.scope.AreaID})
		b.rebuildRows()
		return b.ensureDetails()
	}
	if r.expanded {
		b.expanded[r.scope.AreaID] = false
		b.rebuildRows()
	}
	return nil
}

// right opens an area; on a unit or an open area it moves to the panes.
func (b *board) right() tea.Cmd {
	if b.focus == paneList && len(b.rows) > 0 {
		if r := b.rows[b.cursor]; r.isArea && r.hasUnits && !r.expanded {
			b.expanded[r.scope.AreaID] = true
			b.rebuildRows()
			return nil
		}
	}
	b.cycleFocus(1, false)
	return nil
}

// enter opens or closes an area, goes from a unit to its panes, and opens
// a narrative in the reader.
func (b *board) enter() tea.Cmd {
	switch b.focus {
	case paneList:
		if len(b.rows) == 0 {
			return nil
		}
		r := b.rows[b.cursor]
		if r.isArea && r.hasUnits {
			b.expanded[r.scope.AreaID] = !r.expanded
			b.rebuildRows()
			return nil
		}
		b.cycleFocus(1, false)
	case paneGaps:
		b.toggleGap()
	}
	return nil
}

// setFilter applies a query to the list and the narratives.
func (b *board) setFilter(raw string) {
	q := text.Fold(strings.TrimSpace(raw))
	if q == b.filter {
		return
	}
	b.filter = q
	b.narrCursor, b.narrOffset = 0, 0
	b.rebuildRows()
	b.clampNarrative()
}

// updateFilter handles keys while the filter line is open: the list
// narrows as one types; enter keeps the filter, esc drops it; the arrows
// still move in the list.
func (b *board) updateFilter(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, b.keys.Back):
			b.filtering = false
			b.input.Blur()
			b.input.SetValue("")
			b.setFilter("")
			return nil
		case key.Matches(kp, b.keys.Confirm):
			b.filtering = false
			b.input.Blur()
			return nil
		case key.Matches(kp, b.keys.ArrowUp):
			return b.move(-1)
		case key.Matches(kp, b.keys.ArrowDown):
			return b.move(1)
		}
	}
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	b.setFilter(b.input.Value())
	return tea.Batch(cmd, b.ensureDetails(), b.ensureFilterIndex())
}

// wheel scrolls the part under the pointer.
func (b *board) wheel(ms tea.Mouse) tea.Cmd {
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = 1
	default:
		return nil
	}
	lo := b.layout()
	if lo.list.contains(ms.X, ms.Y) {
		return b.moveCursor(d)
	}
	for p := paneGaps; p < numPanes; p++ {
		if !lo.panes[p].contains(ms.X, ms.Y) {
			continue
		}
		switch {
		case p == paneGaps && b.gapOpen:
			b.gapScroll = clamp(b.gapScroll+d, 0, b.maxGapScroll())
		case p == paneGaps:
			b.moveGap(d)
		case p == paneNarratives:
			items, _, _ := b.narratives()
			b.narrCursor = clamp(b.narrCursor+d, 0, max(len(items)-1, 0))
			b.keepNarrativeVisible()
		case p == paneVolumes && b.focus == paneVolumes:
			b.moveVolume(d)
		default:
			b.scroll[p] = clamp(b.scroll[p]+3*d, 0, b.maxScroll(p))
		}
	}
	return nil
}

// click selects what the left button is pressed on: a row of the list, a
// gap of the band, a narrative, or else the pane (it takes the focus).
func (b *board) click(ms tea.Mouse) tea.Cmd {
	if ms.Button != tea.MouseLeft {
		return nil
	}
	lo := b.layout()
	if r := lo.list; r.contains(ms.X, ms.Y) {
		b.focus = paneList
		// the region's title, then the column headings, then the rows
		vis := listBodyHeight(r.h - 1)
		off := clamp(b.listOffset, 0, max(len(b.rows)-vis, 0))
		if i := off + ms.Y - r.y - 2; ms.Y-r.y >= 2 && i < len(b.rows) {
			return b.moveCursor(i - b.cursor)
		}
		return nil
	}
	for p := paneGaps; p < numPanes; p++ {
		r := lo.panes[p]
		if !r.contains(ms.X, ms.Y) {
			continue
		}
		b.focus = p
		if p >= paneBudget {
			b.shown = p
		}
		row := ms.Y - r.y - 1 // below the pane's title
		switch {
		case p == paneGaps && !b.gapOpen && row >= 0:
			gs, _ := b.scopeGaps()
			vis := max(r.h-1, 1)
			off := followCursor(b.gapCursor, clamp(b.gapScroll, 0, max(len(gs)-vis, 0)), vis)
			if i := off + row; i < len(gs) {
				b.gapCursor = i
			}
		case p == paneNarratives && row >= 1: // below the count line
			items, _, _ := b.narratives()
			if i := b.narrOffset + (row-1)/narrativeItemLines; i < len(items) {
				b.narrCursor = i
			}
		}
		b.keepListVisible()
		b.keepNarrativeVisible()
	}
	return nil
}

// openReader opens the narrative under the cursor in the reader.
func (b *board) openReader() (Screen, tea.Cmd) {
	items, _, _ := b.narratives()
	if len(items) == 0 {
		return b, nil
	}
	r := newReader(b.app, items, clamp(b.narrCursor, 0, len(items)-1))
	return r, tea.Batch(r.ensureDetail(r.item.Scope), b.ensureDetails())
}

// gotoGapMsg asks the board to show a gap: its area or unit selected,
// the gap open in the band and its evidence marked.
type gotoGapMsg struct{ gap gaps.Gap }

// jumpToGap shows a gap of the period under review on the board.
func (b *board) jumpToGap(g gaps.Gap) tea.Cmd {
	res := b.periodGaps()
	if res == nil {
		return nil
	}
	if b.filter != "" {
		b.filter = ""
		b.input.SetValue("")
	}
	if g.UnitID != 0 {
		b.expanded[g.AreaID] = true
	}
	b.selectScope(g.Scope())
	b.rebuildRows()
	b.focus = paneGaps
	for i, sg := range res.ForScope(g.Scope()) {
		if sg.Rule == g.Rule && sg.AreaID == g.AreaID && sg.UnitID == g.UnitID && sg.Title == g.Title {
			b.gapCursor = i
			break
		}
	}
	b.gapOpen, b.gapScroll = true, 0
	cmd := b.ensureDetails()
	b.showEvidence()
	return cmd
}
