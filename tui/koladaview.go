package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

// Rendering of one Kolada key figure for the comparison screen (k): the
// municipality beside its region, Riket and its comparison set over the
// latest years that fit, its rank among all municipalities, and a small
// chart of the last ten years. A year without a value says "–"; a break
// in the municipality's series is marked ‡ and explained, and the chart
// leaves a gap there instead of drawing it as a trend.

const (
	koladaLabelWidth = 20
	koladaCellWidth  = 9
	breakMark        = "‡"
)

// koladaBlock is the lines of one comparison, at most w cells wide.
func koladaBlock(l lang.Lang, th Theme, c kolada.Comparison, w int) []string {
	out := []string{trunc(" "+th.Strong.Paint(c.KPI.ID)+" "+clean(c.KPI.Title), w)}
	if len(c.Years) == 0 {
		return append(out, "   "+th.Subtle.Paint(l.T("board.kolada.no_values", c.KPI.ID)), "")
	}
	lw := min(koladaLabelWidth, max(w/4, 10))
	n := max((w-lw-2)/koladaCellWidth, 1)
	years := c.Years
	if len(years) > n {
		years = years[len(years)-n:]
	}
	head := " " + fit(unitLabel(l, c.KPI), lw)
	for _, y := range years {
		head += right(fmt.Sprint(y)+" ", koladaCellWidth)
	}
	out = append(out, th.Subtle.Paint(head))
	row := func(label string, ink Ink, cell func(y int) string) {
		line := " " + fit(clean(label), lw)
		for _, y := range years {
			// Every cell keeps a column for the break mark, so figures
			// stand under each other in every row.
			c := cell(y)
			if !strings.HasSuffix(c, breakMark) {
				c += " "
			}
			line += right(c, koladaCellWidth)
		}
		out = append(out, ink.Paint(line))
	}
	dec := blockDecimals(c, years)
	num := func(v float64) string { return lang.Number(v, dec) }
	// Every series is marked where it breaks, not only the municipality's.
	type breakNote struct {
		name string
		year int
		from float64
		to   float64
	}
	var notes []breakNote
	value := func(s kolada.Series, name string) func(int) string {
		breaks := c.Breaks
		if s.Code != c.Home.Code {
			breaks = kolada.Breaks(s.Years, c.BreakFactor)
		}
		for _, y := range years {
			if breaks[y] {
				notes = append(notes, breakNote{name, y, s.Years[y-1], s.Years[y]})
			}
		}
		return func(y int) string {
			v, ok := s.Years[y]
			if !ok {
				return "–"
			}
			t := num(v)
			if breaks[y] {
				t += breakMark
			}
			return t
		}
	}
	homeName := nameOr(c.Home, l.T("board.kolada.home"))
	row(homeName, th.Strong, value(c.Home, homeName))
	// A region without any value of the figure (Kolada has none for
	// many kommun figures) is said in a line instead of a row of dashes.
	var absent []string
	if c.Region.Code != "" {
		name := nameOr(c.Region, c.Region.Code)
		if len(missingYears(c.Region, years)) == len(years) {
			absent = append(absent, name)
		} else {
			row(name, Ink{}, value(c.Region, name))
		}
	}
	row(nameOr(c.Riket, "Riket"), Ink{}, value(c.Riket, nameOr(c.Riket, "Riket")))
	// A small comparison set is shown by name, a larger by its median.
	if len(c.Set) > 0 && len(c.Set) <= 3 {
		for _, m := range c.Set {
			if name := nameOr(m, m.Code); len(missingYears(m, years)) == len(years) {
				absent = append(absent, name)
			} else {
				row(name, Ink{}, value(m, name))
			}
		}
	} else if len(c.Set) > 0 {
		row(l.T("board.kolada.set_median", len(c.Set)), Ink{}, func(y int) string {
			if sp, ok := c.SetSpread[y]; ok {
				return num(sp.Median)
			}
			return "–"
		})
	}
	if len(c.Ranks) > 0 {
		row(l.T("board.kolada.rank"), th.Subtle, func(y int) string {
			if r, ok := c.Ranks[y]; ok {
				return fmt.Sprintf("%d/%d", r.Place, r.Of)
			}
			return "–"
		})
	}
	latest := years[len(years)-1]
	if sp, ok := c.SetSpread[latest]; ok {
		out = append(out, trunc("   "+l.T("board.kolada.set_line", latest, num(sp.Min), num(sp.Median), num(sp.Max), sp.N), w))
	}
	// The ten-year chart: the municipality, and Riket beside it when wide.
	tenFrom := c.Years[max(len(c.Years)-10, 0)]
	chart := "   " + l.T("board.kolada.ten_years", tenFrom, c.Years[len(c.Years)-1]) + " " +
		yearSpark(c.Home.Years, c.Years[max(len(c.Years)-10, 0):], c.Breaks)
	if w >= 100 {
		chart += "   Riket " + yearSpark(c.Riket.Years, c.Years[max(len(c.Years)-10, 0):], nil)
	}
	out = append(out, trunc(chart, w))
	for _, n := range notes {
		out = append(out, trunc("   "+th.Warn.Paint(breakMark+" "+l.T("board.kolada.break",
			clean(n.name), num(n.from), n.year-1, num(n.to), n.year)), w))
	}
	if len(absent) > 0 {
		out = append(out, trunc("   "+th.Subtle.Paint(l.T("board.kolada.absent", strings.Join(absent, ", "))), w))
	}
	if missing := missingYears(c.Home, years); len(missing) > 0 {
		out = append(out, trunc("   "+th.Subtle.Paint(l.T("board.kolada.missing", homeName, strings.Join(missing, ", "))), w))
	}
	return append(out, "")
}

// blockDecimals is how many decimals a key figure's table needs: none
// for large figures (kr/inv), else the fewest (up to two) that show every
// value as Kolada rounds it, the same for the whole table.
func blockDecimals(c kolada.Comparison, years []int) int {
	series := append([]kolada.Series{c.Home, c.Region, c.Riket}, c.Set...)
	dec, big := 0, false
	for _, s := range series {
		for _, y := range years {
			v, ok := s.Years[y]
			if !ok {
				continue
			}
			if math.Abs(v) >= 100 {
				big = true
			}
			r2 := math.Round(v*100) / 100
			for d := dec; d < 2 && math.Round(v*math.Pow10(d))/math.Pow10(d) != r2; d++ {
				dec = d + 1
			}
		}
	}
	if big {
		return 0
	}
	return dec
}

func nameOr(s kolada.Series, fallback string) string {
	if s.Name != "" {
		return s.Name
	}
	return fallback
}

func unitLabel(l lang.Lang, k kolada.KPI) string {
	if k.Unit != "" {
		return clean(k.Unit)
	}
	return l.T("board.kolada.value")
}

func missingYears(s kolada.Series, years []int) []string {
	var out []string
	for _, y := range years {
		if _, ok := s.Years[y]; !ok {
			out = append(out, fmt.Sprint(y))
		}
	}
	return out
}

// yearSpark is one block per year, scaled from zero to the highest value
// (between the lowest and highest when a value is below zero); a missing
// year is a space and a break a ‡ before the year's block.
func yearSpark(vals map[int]float64, years []int, breaks map[int]bool) string {
	lo, hi := 0.0, 0.0
	for _, y := range years {
		if v, ok := vals[y]; ok {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	var b strings.Builder
	for _, y := range years {
		if breaks[y] {
			b.WriteString(breakMark)
		}
		v, ok := vals[y]
		switch {
		case !ok:
			b.WriteByte(' ')
		case hi-lo <= 0:
			b.WriteRune(sparkBlocks[0])
		default:
			i := int(math.Round((v - lo) / (hi - lo) * float64(len(sparkBlocks)-1)))
			b.WriteRune(sparkBlocks[min(max(i, 0), len(sparkBlocks)-1)])
		}
	}
	return b.String()
}
