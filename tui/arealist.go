package tui

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
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
}

// rowFilter narrows the list: q (folded) against area and unit names, and
// narr, when set, tells whether a scope has a narrative matching q.
type rowFilter struct {
	q    string
	narr func(data.Scope) bool
}

func (f rowFilter) active() bool { return f.q != "" }

func (f rowFilter) matchName(name string) bool { return strings.Contains(fold(name), f.q) }

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
		for i, u := range units {
			rows = append(rows, listRow{scope: data.Scope{AreaID: a.ID, UnitID: u.ID}, name: u.Name,
				fig: u.Figures, lastUnit: i == len(units)-1})
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
	// gaps counts the quality gaps of a scope by severity; nil until the
	// gap engine is wired, when the column stays, empty.
	gaps func(data.Scope) map[data.Severity]int
}

// listBodyHeight is how many rows fit under the column headings.
func listBodyHeight(h int) int { return max(h-1, 0) }

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

func (a areaList) Render(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	th, l := a.th, a.l
	type cells struct{ dev, plac, gaps string }
	cs := make([]cells, len(a.rows))
	hdrDev, hdrPlac, hdrDots, hdrGaps := l.T("board.col.deviation"), l.T("board.col.placements"), l.T("board.col.dots"), l.T("board.col.gaps")
	devW, placW, dotsW, gapsW := width(hdrDev), width(hdrPlac), width(hdrDots), width(hdrGaps)
	const maxDots = 10
	hdrDevShort := l.T("board.col.deviation_short")
	devWide, devNarrow := devW, width(hdrDevShort)
	for i, r := range a.rows {
		cs[i].dev = "–"
		if r.fig.HasBudget {
			cs[i].dev = lang.SignedTkr(r.fig.Deviation()) + " " + deviationSymbol(r.fig.Deviation())
			devNarrow = max(devNarrow, width(wholeTkr(r.fig.Deviation())))
		}
		cs[i].plac = placementCell(r.fig)
		devWide = max(devWide, width(cs[i].dev))
		placW = max(placW, width(cs[i].plac))
		if n := len(r.fig.Dots); n <= maxDots {
			dotsW = max(dotsW, n)
		} else {
			dotsW = max(dotsW, dotCountsWidth(r.fig.Dots))
		}
		if a.gaps != nil {
			cs[i].gaps = gapMarker(a.gaps(r.scope), th)
			gapsW = max(gapsW, width(cs[i].gaps))
		}
	}
	// Drop detail, least telling first, until the name has room: the
	// deviation's decimal, the placements, dots beyond five, the gap
	// marker, the dots.
	const nameMin, unitPrefixW = 10, 5
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
		showGaps = false
	}
	if w-fixed() < nameMin {
		showDots = false
	}
	nameW := max(w-fixed(), 1) // a unit's name; an area's starts two cells further left

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
	lines := make([]string, 0, h)
	lines = append(lines, th.Subtle.Paint(line(" ", l.T("board.col.area"), hdrDev, hdrPlac, hdrDots, hdrGaps)))
	if len(a.rows) == 0 {
		lines = append(lines, " "+th.Faint.Paint(l.T("board.list.empty")))
		return block(lines, w, h)
	}
	bodyH := listBodyHeight(h)
	off := clamp(a.offset, 0, max(len(a.rows)-bodyH, 0))
	for i := off; i < len(a.rows) && len(lines) < h; i++ {
		r := a.rows[i]
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
		if r.isArea {
			name = th.Strong.Paint(name)
		}
		dev := cs[i].dev
		switch {
		case r.fig.HasBudget && decimals:
			dev = deviationCell(r.fig.Deviation(), th)
		case r.fig.HasBudget:
			shown := r.fig.Deviation()
			if wholeTkr(shown) == "0  " {
				shown = 0 // painted as it reads: no direction
			}
			dev = paintDeviation(shown, wholeTkr(r.fig.Deviation()), th)
		}
		dots := ""
		if len(r.fig.Dots) <= maxDots && len(r.fig.Dots) <= dotsW {
			dots = dotsCell(r.fig.Dots, dotsW, th)
		} else if len(r.fig.Dots) > 0 {
			dots = dotCounts(r.fig.Dots, th)
		}
		s := line(prefix, name, dev, cs[i].plac, dots, cs[i].gaps)
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
