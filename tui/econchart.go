package tui

import (
	"math"
	"strconv"
	"strings"

	"github.com/guptarohit/asciigraph"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Line charts of monthly series for the long view (e), drawn with
// asciigraph. Every chart of one screen shares a monthGrid, so a column
// is the same months in each and the charts line up under each other.
// Series are told apart by their marker, never by colour alone: the first
// of two is dots (a budget: where the month should be), the second a
// ─╭╯ line drawn over them (the outcome).

// chartLabelWidth is the y-axis labels' width, the same in every chart;
// asciigraph puts a space before a label and " ┤" after it, so the plot
// starts at plotOffset.
const (
	chartLabelWidth = 9
	plotOffset      = chartLabelWidth + 3
)

// monthGrid maps months to columns: a few columns per month when the
// window is wide, one when they just fit, else a few months per column
// (their mean).
type monthGrid struct {
	from data.Period
	n    int // months
	step int // months per column
	rep  int // columns per month (step is 1 then)
	cols int
}

func newMonthGrid(from, to data.Period, width int) monthGrid {
	n := max(int(to-from)+1, 1)
	plot := max(width-plotOffset-1, 4)
	step := max((n+plot-1)/plot, 1)
	rep := 1
	if step == 1 {
		rep = min(max(plot/n, 1), 4)
	}
	return monthGrid{from: from, n: n, step: step, rep: rep, cols: (n + step - 1) / step * rep}
}

// columns is a series averaged into the grid's columns; a column without
// any month of data is NaN (asciigraph leaves it blank).
func (g monthGrid) columns(s data.Series) []float64 {
	if g.rep > 1 {
		out := make([]float64, 0, g.cols)
		for i := 0; i < g.n; i++ {
			v := math.NaN()
			if i < len(s) && s[i].Valid {
				v = s[i].Value
			}
			for r := 0; r < g.rep; r++ {
				out = append(out, v)
			}
		}
		return out
	}
	out := make([]float64, g.cols)
	for c := range out {
		sum, k := 0.0, 0
		for i := c * g.step; i < min((c+1)*g.step, len(s)); i++ {
			if s[i].Valid {
				sum += s[i].Value
				k++
			}
		}
		if k == 0 {
			out[c] = math.NaN()
		} else {
			out[c] = sum / float64(k)
		}
	}
	return out
}

// yearAxis is the line under a chart: each year's label under the column
// its January (or the first month) falls in.
func (g monthGrid) yearAxis() string {
	line := []rune(strings.Repeat(" ", plotOffset+g.cols+4))
	next := 0
	for c := 0; c < g.cols; c++ {
		if c%g.rep != 0 {
			continue
		}
		m := c / g.rep * g.step
		first := g.from.Add(m)
		last := g.from.Add(min(m+g.step, g.n) - 1)
		startsYear := c == 0 || first.Year() != last.Year() || first.Month() == 1
		if !startsYear {
			continue
		}
		y := last.Year()
		if c == 0 {
			y = first.Year()
		}
		label := strconv.Itoa(y)
		at := plotOffset + c
		if at < next || at+len(label) > len(line) {
			continue
		}
		copy(line[at:], []rune(label))
		next = at + len(label) + 1
	}
	return strings.TrimRight(string(line), " ")
}

// chartSeries is one line of a chart; its name is in the chart's title.
type chartSeries struct {
	values data.Series
}

// lineChart draws up to two series over the grid, height rows high; a
// chart without any value says so in one line instead.
// fromZero scales counts from zero, so that a flat series looks flat;
// amounts are scaled to their own range, where a deviation shows.
func lineChart(l lang.Lang, g monthGrid, height, decimals int, fromZero bool, series ...chartSeries) []string {
	var cols [][]float64
	any := false
	for _, s := range series {
		c := g.columns(s.values)
		for _, v := range c {
			if !math.IsNaN(v) {
				any = true
			}
		}
		cols = append(cols, c)
	}
	if !any || g.cols < 2 {
		return []string{strings.Repeat(" ", plotOffset) + l.T("board.econ.no_data")}
	}
	// Whole numbers over a small range (vacancies 0–3) get a row per
	// step, so no two labels read the same.
	lo, hi := minFinite(cols), maxFinite(cols)
	if fromZero && lo > 0 {
		lo = 0
	}
	if decimals == 0 && hi-lo < float64(height-1) {
		height = max(int(hi-lo)+1, 2)
	}
	opts := []asciigraph.Option{
		asciigraph.Height(max(height-1, 1)), // asciigraph draws height+1 rows
		asciigraph.YAxisValueFormatter(func(v float64) string {
			return padLeft(lang.Number(v, decimals), chartLabelWidth)
		}),
	}
	if len(cols) > 1 {
		opts = append(opts, asciigraph.SeriesChars(dotChars, asciigraph.DefaultCharSet))
	}
	if fromZero && lo >= 0 {
		opts = append(opts, asciigraph.LowerBound(0))
	}
	plot := asciigraph.PlotMany(cols, opts...)
	lines := strings.Split(strings.TrimRight(plot, "\n"), "\n")
	return lines
}

// dotChars draws a series as one dot per column, without connectors, so
// that a line drawn over it stays readable.
var dotChars = asciigraph.CharSet{Horizontal: "·", VerticalLine: " ", ArcDownRight: "·", ArcDownLeft: "·",
	ArcUpRight: "·", ArcUpLeft: "·", EndCap: "·", StartCap: "·", UpRight: "└", DownHorizontal: "┬"}

func maxFinite(data [][]float64) float64 {
	hi := math.Inf(-1)
	for _, s := range data {
		for _, v := range s {
			if !math.IsNaN(v) {
				hi = math.Max(hi, v)
			}
		}
	}
	return hi
}

func minFinite(data [][]float64) float64 {
	lo := math.Inf(1)
	for _, s := range data {
		for _, v := range s {
			if !math.IsNaN(v) {
				lo = math.Min(lo, v)
			}
		}
	}
	return lo
}

func padLeft(s string, w int) string {
	if n := width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}
