package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

func monthSeries(from string, vals ...float64) data.Series {
	p := data.MustPeriod(from)
	s := make(data.Series, len(vals))
	for i, v := range vals {
		s[i] = data.Point{Period: p.Add(i), Value: v, Valid: v >= 0}
	}
	return s
}

func TestLineChartsLineUp(t *testing.T) {
	from, to := data.MustPeriod("2024-01"), data.MustPeriod("2026-10")
	g := newMonthGrid(from, to, 80)
	if g.cols*g.step < g.n || g.cols+plotOffset > 80 {
		t.Fatalf("grid %+v does not fit 80 columns", g)
	}
	a := lineChart(lang.SV, g, 5, 0, false, chartSeries{values: monthSeries("2024-01", make34(10)...)}, chartSeries{values: monthSeries("2024-01", make34(12)...)})
	b := lineChart(lang.SV, g, 5, 0, false, chartSeries{values: monthSeries("2024-01", make34(2)...)})
	if len(a) != 5 || len(b) != 5 {
		t.Fatalf("heights %d, %d", len(a), len(b))
	}
	// The axis stands in the same column in every chart.
	for _, l := range append(a, b...) {
		if i := strings.IndexAny(l, "┤┼"); i < 0 || ansi.StringWidth(l[:i]) != plotOffset-1 {
			t.Fatalf("axis not at column %d: %q", plotOffset-1, l)
		}
	}
	axis := g.yearAxis()
	if !strings.Contains(axis, "2024") || !strings.Contains(axis, "2025") || !strings.Contains(axis, "2026") {
		t.Fatalf("year axis: %q", axis)
	}
	if strings.Index(axis, "2024") != plotOffset {
		t.Fatalf("2024 not under the first column: %q", axis)
	}
	// A series without data says so instead of drawing zero.
	none := lineChart(lang.EN, g, 5, 0, true, chartSeries{values: monthSeries("2024-01", make34(-1)...)})
	if len(none) != 1 || !strings.Contains(none[0], "no data") {
		t.Fatalf("empty chart: %q", none)
	}
}

func make34(v float64) []float64 {
	out := make([]float64, 34)
	for i := range out {
		out[i] = v + float64(i%5)
		if v < 0 {
			out[i] = -1
		}
	}
	return out
}

func TestKoladaBlockMarksBreaksAndMissingYears(t *testing.T) {
	c := kolada.Comparison{
		KPI:    kolada.KPI{ID: "N33816", Title: "Barn och unga 0-20 år placerade på HVB", Unit: "antal/1000 inv"},
		Home:   kolada.Series{Code: "0180", Name: "Stockholm", Years: map[int]float64{2019: 0.41, 2020: 0.38, 2021: 1.48, 2022: 1.5}},
		Region: kolada.Series{Code: "0001", Name: "Region Stockholm", Years: map[int]float64{2019: 1, 2020: 1, 2021: 1.1}},
		Riket:  kolada.Series{Code: "0000", Name: "Riket", Years: map[int]float64{2018: 2, 2019: 2, 2020: 2, 2021: 2, 2022: 2}},
		Years:  []int{2018, 2019, 2020, 2021, 2022},
		Ranks:  map[int]kolada.Rank{2022: {Place: 12, Of: 290}},
		Breaks: map[int]bool{2021: true}, BreakFactor: 3,
	}
	out := ansi.Strip(strings.Join(koladaBlock(lang.SV, newTheme(true, true), c, 80), "\n"))
	for _, want := range []string{"N33816", "Stockholm", "1,48‡", "Region Stockholm", "Riket", "12/290",
		"Stockholm: brott i serien, 0,38 (2020) → 1,48 (2021)", "Stockholm saknar värde för 2018", "–"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if ansi.StringWidth(line) > 80 {
			t.Errorf("line wider than 80: %q", line)
		}
	}
	if s := yearSpark(c.Home.Years, c.Years, c.Breaks); !strings.HasPrefix(s, " ") || !strings.Contains(s, "‡") {
		t.Errorf("spark %q: missing year not blank or break not marked", s)
	}
}
