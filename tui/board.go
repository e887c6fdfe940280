package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
)

// board is the bottom screen: the list of areas and units beside the gap
// band and the panes of the selected one. It never closes.
type board struct {
	*app
	input textinput.Model // the filter line

	expanded   map[int64]bool
	rows       []listRow
	cursor     int
	listOffset int

	focus      paneID
	shown      paneID // the pane beside the list when only one fits
	scroll     [numPanes]int
	narrCursor int
	narrOffset int
	volCursor  int // the volumes pane's measure or indicator row (volumes.go)

	filtering bool   // typing in the filter line
	filter    string // the applied query, folded
	// unselected is the selection a filter without matches took away
	unselected data.Scope

	// the gap band: which gap of the selected scope, whether it is open
	gapCursor int
	gapOpen   bool
	gapScroll int

	marks markSet // rows marked for the chair's briefing (marks.go)
}

func newBoardScreen(a *app) *board {
	b := &board{app: a, input: textinput.New(), expanded: map[int64]bool{}, focus: paneList, shown: paneBudget}
	b.input.Prompt = "/ "
	b.input.Placeholder = a.l.T("board.filter.placeholder")
	b.input.SetStyles(a.theme.Input)
	return b
}

// Update takes the board's keys, the mouse, and the store's answers.
func (b *board) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if b.filtering {
			return b, b.updateFilter(msg)
		}
		return b.handleKey(msg)
	case tea.PasteMsg:
		if b.filtering {
			return b, b.updateFilter(msg)
		}
	case backMsg:
		b.back()
	case tea.MouseWheelMsg:
		return b, b.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		return b, b.click(msg.Mouse())
	case tea.BackgroundColorMsg:
		b.input.SetStyles(b.theme.Input)
	case overviewMsg:
		// the root passes only a new period under review
		return b, tea.Batch(b.periodApplied(), loadMarks(b.ctx, b.store, b.period))
	case marksMsg:
		b.gotMarks(msg)
	case detailsMsg:
		if b.filter != "" && msg.period == b.period && b.narrIndex[b.period] == nil {
			b.rebuildRows() // narratives that match may have arrived
		}
		b.clampNarrative()
	case narrIndexMsg:
		if b.filter != "" && msg.period == b.period {
			b.rebuildRows()
			b.clampNarrative()
			return b, b.ensureDetails()
		}
	case gapsMsg:
		b.clampGap()
	case gotoGapMsg:
		return b, b.jumpToGap(msg.gap)
	case readerClosedMsg:
		items, _, _ := b.narratives()
		for i, n := range items {
			if n.ID == msg.id {
				b.narrCursor = i
				b.keepNarrativeVisible()
			}
		}
	}
	return b, nil
}

// periodApplied follows a new period under review, keeping the selection.
func (b *board) periodApplied() tea.Cmd {
	b.rebuildRows()
	b.clampNarrative()
	b.clampGap()
	return tea.Batch(b.ensureDetails(), b.ensureGaps(), b.ensureFilterIndex(), b.ensureReviewStates())
}

// ensureFilterIndex loads the period's narratives while a filter is set.
func (b *board) ensureFilterIndex() tea.Cmd {
	if b.filter == "" {
		return nil
	}
	return b.ensureNarrIndex()
}

// SetSize keeps the cursors on screen and the scrolls within their panes.
func (b *board) SetSize(w, _ int) {
	// the field's width is what shows of the placeholder (none at zero)
	b.input.SetWidth(max(w-width(b.input.Prompt)-width(b.filterHint())-5, 10))
	b.keepListVisible()
	for p := paneBudget; p < numPanes; p++ {
		b.scroll[p] = min(b.scroll[p], b.maxScroll(p))
	}
	b.keepNarrativeVisible()
	b.clampGap()
}

func (b *board) Title() string { return b.l.T("board.title") }

func (b *board) Help() help.KeyMap { return b.keys }

// HelpNotes explain the list's symbols on the help screen.
func (b *board) HelpNotes() []string {
	return []string{b.l.T("board.legend.dots"), b.l.T("board.legend.gaps"), b.l.T("board.budget.legend")}
}

// Typing tells whether the filter line takes the keys.
func (b *board) Typing() bool { return b.filtering }

// FooterLine is the filter line while it is typed in.
func (b *board) FooterLine(w int) string {
	input := " " + b.input.View()
	hint := b.filterHint()
	if width(input)+width(hint)+3 > w {
		return input // the typing matters more than the hint
	}
	return spread(input, hint+" ", w)
}

// filterHint is the keys beside the filter line.
func (b *board) filterHint() string {
	hm := help.New()
	hm.Styles = b.theme.Help
	return hm.ShortHelpView([]key.Binding{b.keys.Confirm, b.keys.ClearFilter, b.keys.ArrowDown})
}

// Status names an applied filter.
func (b *board) Status() string {
	if b.filter == "" {
		return ""
	}
	return b.theme.Highlight.Paint(b.l.T("board.filter.active", b.input.Value())) + b.theme.Subtle.Paint(" "+b.l.T("board.filter.clear"))
}

func (b *board) layout() layout {
	bandH := 0
	if bw := bandWidth(b.width); bw > 0 {
		bandH = 1 + b.gapBand().contentHeight(bw)
	}
	return computeLayout(b.width, b.height, footerLines, bandH, b.focus, b.shown)
}

// scopeGaps is the selected scope's gaps in the period under review.
func (b *board) scopeGaps() (gs []gaps.Gap, loaded bool) {
	res := b.periodGaps()
	if res == nil || b.sel.AreaID == 0 {
		return nil, false
	}
	return res.ForScope(b.sel), true
}

// openGap is the gap opened in the band, or nil.
func (b *board) openGap() *gaps.Gap {
	if !b.gapOpen {
		return nil
	}
	gs, _ := b.scopeGaps()
	if len(gs) == 0 {
		return nil
	}
	g := gs[clamp(b.gapCursor, 0, len(gs)-1)]
	return &g
}

func (b *board) clampGap() {
	gs, loaded := b.scopeGaps()
	b.gapCursor = clamp(b.gapCursor, 0, max(len(gs)-1, 0))
	if loaded && len(gs) == 0 {
		b.gapOpen = false
	}
	b.gapScroll = clamp(b.gapScroll, 0, b.maxGapScroll())
}

// maxGapScroll is how far an open gap's explanation scrolls in the band.
func (b *board) maxGapScroll() int {
	lo := b.layout()
	r := lo.panes[paneGaps]
	if r.w == 0 {
		return 0
	}
	h := r.h - 1
	return max(len(b.gapBand().lines(r.w))-h, 0)
}

// ensureDetails loads the selected scope's detail if it is missing, at
// once, and queues the rows in view from the cursor outwards, then a page
// of neighbours above and below (loader.go); never the whole tree.
func (b *board) ensureDetails() tea.Cmd {
	if b.ov == nil {
		return nil
	}
	return tea.Batch(b.ensureDetail(b.sel), b.wantDetails(b.wantedScopes()))
}

// wantedScopes are the scopes of the rows in view, nearest the cursor
// first, then those of the page below and the page above, alternately.
func (b *board) wantedScopes() []data.Scope {
	if len(b.rows) == 0 {
		return nil
	}
	vis := b.listVisible()
	lo := clamp(b.listOffset, 0, max(len(b.rows)-vis, 0))
	hi := min(lo+vis, len(b.rows))
	cur := clamp(b.cursor, lo, max(hi-1, lo))
	out := make([]data.Scope, 0, 3*vis)
	for d := 0; cur-d >= lo || cur+d < hi; d++ {
		if i := cur + d; i < hi {
			out = append(out, b.rows[i].scope)
		}
		if i := cur - d; d > 0 && i >= lo {
			out = append(out, b.rows[i].scope)
		}
	}
	for d := 0; d < vis; d++ {
		if i := hi + d; i < len(b.rows) {
			out = append(out, b.rows[i].scope)
		}
		if i := lo - 1 - d; i >= 0 {
			out = append(out, b.rows[i].scope)
		}
	}
	return out
}

// narrativeOf tells whether a narrative is among a scope's, as Detail
// lists them: an area's own and all its units', an area's own rows' only
// their own, a unit's own and its area's.
func narrativeOf(n data.NarrativeItem, sc data.Scope) bool {
	switch {
	case n.AreaID != sc.AreaID:
		return false
	case sc.IsAreaWide():
		return n.UnitID == 0
	case sc.IsArea():
		return true
	}
	return n.UnitID == 0 || n.UnitID == sc.UnitID
}

func (b *board) rowFilter() rowFilter {
	if b.filter == "" {
		return rowFilter{}
	}
	q := b.filter
	if items, ok := b.narrIndex[b.period]; ok {
		return rowFilter{q: q, narr: func(sc data.Scope) bool {
			for _, n := range items {
				if narrativeOf(n, sc) && narrativeMatches(n, q, b.l) {
					return true
				}
			}
			return false
		}}
	}
	return rowFilter{q: q, narr: func(sc data.Scope) bool {
		d := b.detail(sc)
		if d == nil {
			return false
		}
		for _, n := range d.Narratives {
			if narrativeMatches(n, q, b.l) {
				return true
			}
		}
		return false
	}}
}

// rebuildRows lays out the list again and puts the cursor back on the
// selected scope (or its area, or the first row). When a filter leaves
// no row, nothing is selected, so the panes show no stale area; the
// selection comes back when the rows do.
func (b *board) rebuildRows() {
	b.rows = buildRows(b.ov, b.expanded, b.rowFilter())
	want := b.sel
	if want == (data.Scope{}) {
		want = b.unselected
	}
	if len(b.rows) == 0 {
		if b.sel != (data.Scope{}) {
			b.unselected = b.sel
		}
		b.selectScope(data.Scope{})
		b.cursor, b.listOffset = 0, 0
		return
	}
	idx := b.rowIndex(want)
	if idx < 0 {
		idx = b.rowIndex(data.Scope{AreaID: want.AreaID})
	}
	if idx < 0 {
		idx = 0
	}
	b.cursor = idx
	b.selectScope(b.rows[idx].scope)
	b.unselected = data.Scope{}
	b.keepListVisible()
}

func (b *board) rowIndex(sc data.Scope) int {
	for i, r := range b.rows {
		if r.scope == sc {
			return i
		}
	}
	return -1
}

// selectScope makes sc what the panes show; a new scope starts its panes
// from the top.
func (b *board) selectScope(sc data.Scope) {
	if sc == b.sel {
		return
	}
	b.sel = sc
	b.scroll = [numPanes]int{}
	b.narrCursor, b.narrOffset, b.volCursor = 0, 0, 0
	b.gapCursor, b.gapOpen, b.gapScroll = 0, false, 0
}

// narratives returns the selected scope's narratives after the filter,
// how many there are before it, and whether they are still loading.
func (b *board) narratives() (items []data.NarrativeItem, total int, loading bool) {
	d := b.detail(b.sel)
	if d == nil {
		return nil, 0, true
	}
	return filterNarratives(d.Narratives, b.filter, b.l), len(d.Narratives), false
}

func (b *board) clampNarrative() {
	items, _, _ := b.narratives()
	b.narrCursor = clamp(b.narrCursor, 0, max(len(items)-1, 0))
	b.keepNarrativeVisible()
}

func (b *board) keepNarrativeVisible() {
	lo := b.layout()
	h := lo.panes[paneNarratives].h
	if h <= 1 {
		h = max(b.bodyHeight(), 2)
	}
	b.narrOffset = followCursor(b.narrCursor, b.narrOffset, narrativesVisible(h-1))
}

// listVisible is how many rows of the list are on screen.
func (b *board) listVisible() int {
	lo := b.layout()
	h := lo.list.h
	if h == 0 {
		h = lo.body.h
	}
	return max(listBodyHeight(h-1), 1) // the region's title, then the column headings
}

// keepListVisible scrolls the list so the cursor is on screen.
func (b *board) keepListVisible() {
	vis := b.listVisible()
	b.listOffset = followCursor(b.cursor, b.listOffset, vis)
	b.listOffset = clamp(b.listOffset, 0, max(len(b.rows)-vis, 0))
}
