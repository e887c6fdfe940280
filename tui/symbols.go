package tui

import (
	"math"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Every status the board shows is told by a symbol (and, where there is
// room, a word) as well as by colour, so a monochrome screen loses nothing.

// statusGlyph is a reported indicator status as one cell: ✓ green,
// ! yellow, ✗ red, ? not reported.
func statusGlyph(s data.Status, th *Theme) string {
	switch s {
	case data.StatusGreen:
		return th.Green.Paint("✓")
	case data.StatusYellow:
		return th.Yellow.Paint("!")
	case data.StatusRed:
		return th.Red.Paint("✗")
	}
	return th.Faint.Paint("?")
}

// statusWord is the glyph with the status in words: "✓ grön".
func statusWord(s data.Status, th *Theme, l lang.Lang) string {
	return statusGlyph(s, th) + " " + statusInk(s, th).Paint(l.Status(s))
}

func statusInk(s data.Status, th *Theme) Ink {
	switch s {
	case data.StatusGreen:
		return th.Green
	case data.StatusYellow:
		return th.Yellow
	case data.StatusRed:
		return th.Red
	}
	return th.Faint
}

// dotsCell draws indicator dots in w cells: one glyph per indicator in the
// order reported when they fit, else counts per status ("5✓2!1✗").
func dotsCell(dots []data.Dot, w int, th *Theme) string {
	if len(dots) == 0 || w <= 0 {
		return ""
	}
	if len(dots) <= w {
		var b strings.Builder
		for _, d := range dots {
			b.WriteString(statusGlyph(d.Status, th))
		}
		return b.String()
	}
	return dotCounts(dots, th)
}

// dotCounts is the compact form of a set of dots: "5✓2!1✗".
func dotCounts(dots []data.Dot, th *Theme) string {
	var n [4]int
	for _, d := range dots {
		n[d.Status.Rank()]++
	}
	var b strings.Builder
	for _, s := range []data.Status{data.StatusGreen, data.StatusYellow, data.StatusRed, data.StatusNone} {
		if c := n[s.Rank()]; c > 0 {
			b.WriteString(lang.Int(int64(c)))
			b.WriteString(statusGlyph(s, th))
		}
	}
	return b.String()
}

// dotCountsWidth is the display width of dotCounts without painting.
func dotCountsWidth(dots []data.Dot) int {
	var n [4]int
	for _, d := range dots {
		n[d.Status.Rank()]++
	}
	w := 0
	for _, c := range n {
		if c > 0 {
			w += len(lang.Int(int64(c))) + 1
		}
	}
	return w
}

// deviationSymbol tells over or under budget: ▲ over (outcome above
// budget, a negative deviation), ▼ under, a space when even.
func deviationSymbol(dev data.Money) string {
	switch t := dev.TkrTenths(); {
	case t < 0:
		return "▲"
	case t > 0:
		return "▼"
	}
	return " "
}

// deviationCell is a signed deviation in tkr with its symbol, painted by
// its direction: "-1 234,5 ▲".
func deviationCell(dev data.Money, th *Theme) string {
	return paintDeviation(dev, lang.SignedTkr(dev)+" "+deviationSymbol(dev), th)
}

// paintDeviation paints a deviation's text by its direction.
func paintDeviation(dev data.Money, s string, th *Theme) string {
	switch t := dev.TkrTenths(); {
	case t < 0:
		return th.Over.Paint(s)
	case t > 0:
		return th.Under.Paint(s)
	}
	return s
}

// overUnderWord says "över budget" / "under budget" / "enligt budget".
func overUnderWord(dev data.Money, l lang.Lang) string {
	switch t := dev.TkrTenths(); {
	case t < 0:
		return l.T("board.over_budget")
	case t > 0:
		return l.T("board.under_budget")
	}
	return l.T("board.on_budget")
}

// severityGlyph is a severity as three cells: ●●● high, ●●○ medium,
// ●○○ low.
func severityGlyph(s data.Severity, th *Theme) string {
	switch s {
	case data.SeverityHigh:
		return th.SevHigh.Paint("●●●")
	case data.SeverityMedium:
		return th.SevMedium.Paint("●●○")
	case data.SeverityLow:
		return th.SevLow.Paint("●○○")
	}
	return th.Faint.Paint("○○○")
}

func severityInk(s data.Severity, th *Theme) Ink {
	switch s {
	case data.SeverityHigh:
		return th.SevHigh
	case data.SeverityMedium:
		return th.SevMedium
	}
	return th.SevLow
}

// typeGlyph is one cell telling a narrative's type at a glance.
func typeGlyph(t data.NarrativeType) string {
	switch t {
	case data.TypeShortfall:
		return "✗"
	case data.TypeDropped:
		return "↓"
	case data.TypeBetween:
		return "⇅"
	case data.TypeMissing:
		return "∅"
	case data.TypeRisk:
		return "△"
	case data.TypeLexSarah:
		return "§"
	case data.TypeAnalysis:
		return "≡"
	case data.TypeAction:
		return "→"
	case data.TypeSuccess:
		return "★"
	}
	return "•"
}

// noChange is how every change column writes "no change": one form for
// counts and decimals alike, and no direction.
const noChange = "±0"

// changeText is a change against a year ago with its sign, written with
// the measure's decimals: "+3", "-1,5"; noChange when it rounds to zero.
func changeText(now, before float64, decimals int) string {
	d := now - before
	s := lang.Number(d, decimals)
	if strings.Trim(s, "-0,") == "" {
		return noChange
	}
	if d > 0 {
		s = "+" + s
	}
	return s
}

// changeCount is a change of a count: "+3", "-2", noChange.
func changeCount(d int) string { return changeText(float64(d), 0, 0) }

// seriesDecimals is how many decimals one measure is written with: one
// when any month of its series has a fraction, else none, so that a column
// never shows "6" in one month and "6,0" in the next.
func seriesDecimals(s data.Series) int {
	for _, p := range s {
		if p.Valid && p.Value != math.Trunc(p.Value) {
			return 1
		}
	}
	return 0
}
