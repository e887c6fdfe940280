package tui

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// listRow is one line of the area list: an area or one of its units.
type listRow struct {
	scope    data.Scope
	name     string
	fig      data.Figures
	isArea   bool
	hasUnits bool
	expanded bool
	lastUnit bool // the last unit shown under its area
	areaWide bool // the area's own rows, not on any unit: "Gemensamt för området"
}

// rowFilter narrows the list: q (folded) against area and unit names, and
// narr, when set, tells whether a scope has a narrative matching q.
type rowFilter struct {
	q    string
	narr func(data.Scope) bool
}

func (f rowFilter) active() bool { return f.q != "" }

func (f rowFilter) matchName(name string) bool { return strings.Contains(text.Fold(name), f.q) }

func (f rowFilter) matchNarr(sc data.Scope) bool { return f.narr != nil && f.narr(sc) }

// buildRows lays the overview out as list rows. Without a filter an area
// shows its units when expanded; with one, an area stays when its name,
// one of its units or one of its narratives matches, and shows the units
// that match.
func buildRows(ov *data.Overview, expanded map[int64]bool, f rowFilter) []listRow {
	if ov == nil {
		return nil
	}
	rows := make([]listRow, 0, len(ov.Areas)*4)
	for _, a := range ov.Areas {
		areaScope := data.Scope{AreaID: a.ID}
		var units []data.UnitSummary
		show := true
		open := expanded[a.ID]
		if f.active() {
			areaHit := f.matchName(a.Name)
			for _, u := range a.Units {
				if f.matchName(u.Name) || f.matchNarr(data.Scope{AreaID: a.ID, UnitID: u.ID}) {
					units = append(units, u)
				}
			}
			switch {
			case areaHit:
				if !open && len(units) > 0 {
					open = true
				} else if open {
					units = a.Units
				}
			case len(units) > 0:
				open = true
			default:
				show = f.matchNarr(areaScope)
			}
		} else if open {
			units = a.Units
		}
		if !show {
			continue
		}
		rows = append(rows, listRow{scope: areaScope, name: a.Name, fig: a.Figures, isArea: true,
			hasUnits: len(a.Units) > 0, expanded: open && len(units) > 0})
		if !open {
			continue
		}
		// The area's own rows stand as a row of their own when every unit
		// is shown, so that the rows under an area add up to it.
		wide := len(units) == len(a.Units) && !a.Own.IsEmpty()
		for i, u := range units {
			rows = append(rows, listRow{scope: data.Scope{AreaID: a.ID, UnitID: u.ID}, name: u.Name,
				fig: u.Figures, lastUnit: i == len(units)-1 && !wide})
		}
		if wide {
			rows = append(rows, listRow{scope: data.AreaWide(a.ID), fig: a.Own, lastUnit: true, areaWide: true})
		}
	}
	return rows
}

// areaList draws the list. It is a plain struct filled by the root model
// for each frame.
type areaList struct {
	th      *Theme
	l       lang.Lang
	rows    []listRow
	cursor  int
	offset  int
	focused bool
	// total is the committee as a whole, the first line under the
	// headings; nil hides it.
	total *data.Figures
	// gaps counts the quality gaps of a scope by severity (the zero scope:
	// every gap); nil until the gap engine is wired, when the column
	// stays, empty.
	gaps func(data.Scope) map[data.Severity]int
	// review marks a unit's report for the period (✓ granskad, ● ej
	// granskad, ↩ återsänd, ○ väntar); nil or "" adds nothing.
	review func(unitID int64) string
}

// listBodyHeight is how many rows fit under the column headings and the
// committee's line.
func listBodyHeight(h int) int { return max(h-2, 0) }

// placementCell is "12 (+3)": ongoing placements and the change against
// the same month a year earlier. A month without placement rows is "–",
// never a zero, and has no change.
func placementCell(f data.Figures) string {
	if !f.HasPlacements {
		return "–"
	}
	s := lang.Int(int64(f.Placements))
	if c, ok := f.PlacementChange(); ok {
		s += " (" + changeCount(c) + ")"
	}
	return s
}

// listLine is one line's content before it is laid out.
type listLine struct {
	prefix, name string
	fig          data.Figures
	scope        data.Scope
	strong       bool
	dev, plac    string // plain, as measured
	gaps         string // painted
}

// Names keep listNameWant cells (or their whole length, if shorter)
// before they give way to the columns that matter less than a name (the
// deviation's decimal, the placements, the dots), and listNameMin before
// the gap marker goes; only then are they cut further.
const (
	listNameWant = 24
	listNameMin  = 14
)

func (a areaList) Render(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	th, l := a.th, a.l
	ls := make([]listLine, 0, len(a.rows)+1)
	if a.total != nil && len(a.rows) > 0 {
		ls = append(ls, listLine{prefix: " Σ ", name: l.T("board.committee_total"), fig: *a.total, strong: true})
	}
	for _, r := range a.rows {
		var prefix string
		switch {
		case r.isArea && r.expanded:
			prefix = " ▾ "
		case r.isArea && r.hasUnits:
			prefix = " ▸ "
		case r.isArea:
			prefix = " • "
		case r.lastUnit:
			prefix = "   └ "
		default:
			prefix = "   ├ "
		}
		name := clean(r.name)
		if r.areaWide {
			name = l.T("board.area_wide")
		} else if !r.isArea && a.review != nil {
			if mark := a.review(r.scope.UnitID); mark != "" {
				name = mark + " " + name
			}
		}
		ls = append(ls, listLine{prefix: prefix, name: name, fig: r.fig, scope: r.scope, strong: r.isArea})
	}
	hdrDev, hdrPlac, hdrDots, hdrGaps := l.T("board.col.deviation"), l.T("board.col.placements"), l.T("board.col.dots"), l.T("board.col.gaps")
	devW, placW, dotsW, gapsW := width(hdrDev), width(hdrPlac), width(hdrDots), width(hdrGaps)
	const maxDots = 10
	hdrDevShort := l.T("board.col.deviation_short")
	devWide, devNarrow := devW, width(hdrDevShort)
	nameWant := width(l.T("board.col.area")) + 1
	for i := range ls {
		c := &ls[i]
		c.dev = "–"
		if c.fig.HasBudget {
			c.dev = lang.SignedTkr(c.fig.Deviation()) + " " + deviationSymbol(c.fig.Deviation())
			devNarrow = max(devNarrow, width(wholeTkr(c.fig.Deviation())))
		}
		c.plac = placementCell(c.fig)
		devWide = max(devWide, width(c.dev))
		placW = max(placW, width(c.plac))
		if n := len(c.fig.Dots); n <= maxDots {
			dotsW = max(dotsW, n)
		} else {
			dotsW = max(dotsW, dotCountsWidth(c.fig.Dots))
		}
		if a.gaps != nil {
			c.gaps = gapMarker(a.gaps(c.scope), th)
			gapsW = max(gapsW, width(c.gaps))
		}
		nameWant = max(nameWant, width(c.prefix)+width(c.name)-unitPrefixW)
	}
	// Drop detail, least telling first, until the names have room: the
	// deviation's decimal, the placements (the volumes pane has them),
	// dots beyond five, the dots (the pane lists them), the gap marker.
	// The deviation, a number, is never cut.
	nameMin := min(nameWant, listNameWant)
	devW = devWide
	decimals, showGaps, showPlac, showDots := true, true, true, true
	fixed := func() int {
		n := unitPrefixW + 1 + devW
		if showPlac {
			n += 1 + placW
		}
		if showDots {
			n += 1 + dotsW
		}
		if showGaps {
			n += 1 + gapsW
		}
		return n
	}
	if w-fixed() < nameMin && a.gaps == nil {
		showGaps = false
	}
	if w-fixed() < nameMin {
		decimals, devW, hdrDev = false, devNarrow, hdrDevShort
	}
	if w-fixed() < nameMin {
		showPlac = false
	}
	if w-fixed() < nameMin && dotsW > 5 {
		dotsW = 5
	}
	if w-fixed() < nameMin {
		showDots = false
	}
	if w-fixed() < min(nameWant, listNameMin) {
		showGaps = false
	}
	// names take what is left, up to their longest
	nameW := max(min(w-fixed(), nameWant), 1) // a unit's name; an area's starts two cells further left

	line := func(prefix, name, dev, plac, dots, gaps string) string {
		var b strings.Builder
		b.WriteString(prefix)
		b.WriteString(fit(name, nameW+unitPrefixW-width(prefix)))
		b.WriteByte(' ')
		b.WriteString(right(dev, devW))
		if showPlac {
			b.WriteByte(' ')
			b.WriteString(right(plac, placW))
		}
		if showDots {
			b.WriteByte(' ')
			b.WriteString(fit(dots, dotsW))
		}
		if showGaps {
			b.WriteByte(' ')
			b.WriteString(fit(gaps, gapsW))
		}
		return b.String()
	}
	draw := func(c listLine) string {
		name := c.name
		if c.strong {
			name = th.Strong.Paint(name)
		}
		dev := c.dev
		switch {
		case c.fig.HasBudget && decimals:
			dev = deviationCell(c.fig.Deviation(), th)
		case c.fig.HasBudget:
			shown := c.fig.Deviation()
			if wholeTkr(shown) == "0  " {
				shown = 0 // painted as it reads: no direction
			}
			dev = paintDeviation(shown, wholeTkr(c.fig.Deviation()), th)
		}
		dots := ""
		if len(c.fig.Dots) <= maxDots && len(c.fig.Dots) <= dotsW {
			dots = dotsCell(c.fig.Dots, dotsW, th)
		} else if len(c.fig.Dots) > 0 {
			dots = dotCounts(c.fig.Dots, th)
		}
		return line(c.prefix, name, dev, c.plac, dots, c.gaps)
	}
	lines := make([]string, 0, h)
	lines = append(lines, th.Subtle.Paint(line(" ", l.T("board.col.area"), hdrDev, hdrPlac, hdrDots, hdrGaps)))
	if len(a.rows) == 0 {
		lines = append(lines, " "+th.Faint.Paint(l.T("board.list.empty")))
		return block(lines, w, h)
	}
	first := 0
	if a.total != nil {
		lines = append(lines, th.Strong.Over(draw(ls[0])))
		first = 1
	}
	bodyH := listBodyHeight(h)
	off := clamp(a.offset, 0, max(len(a.rows)-bodyH, 0))
	for i := off; i < len(a.rows) && len(lines) < h; i++ {
		s := draw(ls[first+i])
		if i == a.cursor {
			s = "▌" + s[1:]
			if a.focused {
				s = th.Selected.Over(s)
			} else {
				s = th.SelectedBlurred.Over(s)
			}
		}
		lines = append(lines, s)
	}
	// What the dots and the gap marker mean, when there is room below.
	var legend []string
	if showDots {
		legend = append(legend, wrapLines(l.T("board.legend.dots"), max(w-1, 1), 3)...)
	}
	if showGaps {
		legend = append(legend, wrapLines(l.T("board.legend.gaps"), max(w-1, 1), 3)...)
	}
	if len(legend) > 0 && h-len(lines) > len(legend) {
		lines = append(lines, "")
		for _, s := range legend {
			lines = append(lines, " "+th.Faint.Paint(s))
		}
	}
	return block(lines, w, h)
}

// wholeTkr is a deviation in whole tkr with its symbol, for a narrow list.
// The sign and symbol follow the figure shown: what rounds to 0 is "0",
// with neither.
func wholeTkr(dev data.Money) string {
	n := lang.Number(float64(dev.TkrTenths())/10, 0)
	switch {
	case n == "0":
		return n + "  "
	case dev.TkrTenths() > 0:
		n = "+" + n
	}
	return n + " " + deviationSymbol(dev)
}

// unitPrefixW is the width of a unit's tree prefix, "   ├ ".
const unitPrefixW = 5
