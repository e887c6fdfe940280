package tui

import (
	"math"
	"strings"

	"github.com/beredning/beredning/data"
)

var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws the last w months of a series; a month without data is
// a space, never a zero. Counts, shares and rates (every series that never
// goes below zero) are scaled from zero to their highest value, so that a
// flat series looks flat: HVB going from 12 to 13 is a step of one eighth,
// not the whole height. Only a series with negative values is scaled
// between its own lowest and highest. The last month, the period under
// review, is painted stronger.
func sparkline(s data.Series, w int, th *Theme) string {
	if w <= 0 || len(s) == 0 {
		return ""
	}
	if len(s) > w {
		s = s[len(s)-w:]
	}
	lo, hi := sparkScale(s)
	var b strings.Builder
	b.Grow(len(s) * 3)
	for _, p := range s[:len(s)-1] {
		b.WriteRune(sparkRune(p, lo, hi))
	}
	body := th.Spark.Paint(b.String())
	last := th.SparkLast.Paint(string(sparkRune(s[len(s)-1], lo, hi)))
	pad := ""
	if len(s) < w {
		pad = strings.Repeat(" ", w-len(s))
	}
	return pad + body + last
}

// sparkScale is the range a sparkline spans: from zero (or the lowest
// value, when below zero) to the highest value shown.
func sparkScale(s data.Series) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range s {
		if p.Valid {
			lo, hi = min(lo, p.Value), max(hi, p.Value)
		}
	}
	return min(lo, 0), hi
}

func sparkRune(p data.Point, lo, hi float64) rune {
	if !p.Valid {
		return ' '
	}
	if hi <= lo {
		if p.Value == 0 {
			return sparkBlocks[0]
		}
		return sparkBlocks[3]
	}
	i := int(math.Round((p.Value - lo) / (hi - lo) * float64(len(sparkBlocks)-1)))
	return sparkBlocks[max(0, min(i, len(sparkBlocks)-1))]
}

// deviationBar draws a deviation as a bar from a centre line: to the left
// when over budget (negative), to the right when under. scale is the
// percentage that fills a half. The side, not the colour, carries the sign.
func deviationBar(pct, scale float64, w int, th *Theme) string {
	if w < 3 {
		return strings.Repeat(" ", max(w, 0))
	}
	half := (w - 1) / 2
	leftW, rightW := half, w-1-half
	n := 0
	if !math.IsNaN(pct) && scale > 0 && pct != 0 {
		n = int(math.Round(math.Abs(pct) / scale * float64(half)))
		n = max(1, min(n, half))
	}
	axis := th.Axis.Paint("│")
	switch {
	case n > 0 && pct < 0:
		return strings.Repeat(" ", leftW-n) + th.BarOver.Paint(strings.Repeat("█", n)) + axis + strings.Repeat(" ", rightW)
	case n > 0:
		return strings.Repeat(" ", leftW) + axis + th.BarUnder.Paint(strings.Repeat("█", min(n, rightW))) + strings.Repeat(" ", rightW-min(n, rightW))
	}
	return strings.Repeat(" ", leftW) + axis + strings.Repeat(" ", rightW)
}

// barScale is the percentage a full half-bar stands for: the largest
// deviation shown, but never below 5 % so small noise stays small.
func barScale(pcts ...float64) float64 {
	s := 5.0
	for _, p := range pcts {
		if !math.IsNaN(p) && !math.IsInf(p, 0) {
			s = max(s, math.Abs(p))
		}
	}
	return s
}
