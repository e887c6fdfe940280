package tui

// paneID names the four focusable parts of the board.
type paneID int

const (
	paneList paneID = iota
	paneGaps        // the gap band above the panes (a tab of its own when narrow)
	paneBudget
	paneVolumes
	paneNarratives
	numPanes
)

// Size limits. Below minWidth×minHeight the board asks for a larger
// window; from wideWidth the three panes stand side by side, from
// mediumWidth one of them stands beside the list, below that the list and
// each pane take the whole width in turn (tab switches).
const (
	minWidth    = 40
	minHeight   = 12
	wideWidth   = 120
	mediumWidth = 72
	headerLines = 2
)

type layoutMode int

const (
	layoutSingle layoutMode = iota
	layoutMedium
	layoutWide
)

// rect is a region of the screen in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && r.h > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where each part goes for a window size. It is a pure function
// of the size, the focus and the footer's height, so Update (mouse, scroll
// clamping) and View agree on it without storing it.
type layout struct {
	mode     layoutMode
	tooSmall bool
	body     rect
	list     rect           // w == 0: hidden
	panes    [numPanes]rect // budget, volumes, narratives; w == 0: hidden
	tabbed   bool           // the visible pane has a tab line instead of its own title
}

// computeLayout places the list, the gap band (bandH lines, title
// included) and the panes. shown is the pane visible when only one fits;
// focus decides what fills a single-column screen.
func computeLayout(w, h, footer, bandH int, focus, shown paneID) layout {
	var lo layout
	if w < minWidth || h < minHeight {
		lo.tooSmall = true
		return lo
	}
	bodyH := h - headerLines - footer
	if bodyH < 3 {
		bodyH = 3
	}
	lo.body = rect{0, headerLines, w, bodyH}
	y := headerLines
	switch {
	case w >= wideWidth:
		lo.mode = layoutWide
		listW := wideListWidth(w)
		bandH = clamp(bandH, 0, maxBandHeight(bodyH))
		rest := w - listW - 3 // three separators
		budgetW := rest * 38 / 100
		volumesW := rest * 33 / 100
		narrW := rest - budgetW - volumesW
		if give := min(volumesFullWidth-volumesW, narrW-narrativesMinWidth); give > 0 {
			// two years of sparklines are worth a few cells of the
			// narratives' previews (the reader shows them whole)
			volumesW, narrW = volumesW+give, narrW-give
		}
		if give := min(volumesFullWidth-volumesW, budgetW-budgetFullWidth); give > 0 {
			// and of the budget's room beyond all its columns
			volumesW, budgetW = volumesW+give, budgetW-give
		}
		lo.list = rect{0, y, listW, bodyH}
		x := listW + 1
		lo.panes[paneGaps] = rect{x, y, w - x, bandH}
		py, ph := y+bandH, bodyH-bandH
		lo.panes[paneBudget] = rect{x, py, budgetW, ph}
		x += budgetW + 1
		lo.panes[paneVolumes] = rect{x, py, volumesW, ph}
		x += volumesW + 1
		lo.panes[paneNarratives] = rect{x, py, narrW, ph}
	case w >= mediumWidth:
		lo.mode = layoutMedium
		lo.tabbed = true
		listW := mediumListWidth(w)
		bandH = clamp(bandH, 0, maxBandHeight(bodyH))
		lo.list = rect{0, y, listW, bodyH}
		lo.panes[paneGaps] = rect{listW + 1, y, w - listW - 1, bandH}
		if shown == paneGaps || shown == paneList {
			shown = paneBudget
		}
		lo.panes[shown] = rect{listW + 1, y + bandH, w - listW - 1, bodyH - bandH}
	default:
		lo.mode = layoutSingle
		lo.tabbed = true
		if focus == paneList {
			lo.list = rect{0, y, w, bodyH}
		} else {
			lo.panes[focus] = rect{0, y, w, bodyH}
		}
	}
	return lo
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// bandWidth is the gap band's width at a window width (zero when the band
// is a tab of its own), so its height can be known before the layout.
func bandWidth(w int) int {
	switch {
	case w >= wideWidth:
		return w - wideListWidth(w) - 1
	case w >= mediumWidth:
		return w - mediumListWidth(w) - 1
	}
	return 0
}

// volumesFullWidth is the volumes pane's width for a full 24-month
// sparkline beside a name of sparkNameWant cells, a value of up to six
// cells and a change of up to six; narrativesMinWidth is as narrow as the
// wide layout makes the narratives to get there.
const (
	volumesFullWidth   = sparkNameWant + sparkMonths + 6 + 6 + 4
	narrativesMinWidth = 34
	budgetFullWidth    = 46
)

// wideListWidth grows from 36 cells at 120 columns to 60 at 160, so that
// wide windows show whole unit names beside every column.
func wideListWidth(w int) int   { return clamp(36+(w-wideWidth)*6/10, 36, 60) }
func mediumListWidth(w int) int { return clamp(w*45/100, 32, 50) }

// maxBandHeight keeps room for the panes under the band.
func maxBandHeight(bodyH int) int { return max(2, min(bodyH*2/5, bodyH-6)) }
