package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
)

// A month without placement rows is "–", never "0 (-93)".
func TestPlacementCellMissingIsNotZero(t *testing.T) {
	cases := []struct {
		f    data.Figures
		want string
	}{
		{data.Figures{}, "–"},
		{data.Figures{HasYearAgo: true, PlacementsYearAgo: 93}, "–"},
		{data.Figures{HasPlacements: true, Placements: 98}, "98"},
		{data.Figures{HasPlacements: true, Placements: 98, HasYearAgo: true, PlacementsYearAgo: 92}, "98 (+6)"},
		{data.Figures{HasPlacements: true, Placements: 24, HasYearAgo: true, PlacementsYearAgo: 24}, "24 (±0)"},
		{data.Figures{HasPlacements: true, Placements: 1, HasYearAgo: true, PlacementsYearAgo: 3}, "1 (-2)"},
	}
	for _, c := range cases {
		if got := placementCell(c.f); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
}

// One way to write "no change", and the measure's own decimals.
func TestChangeTextForms(t *testing.T) {
	cases := []struct {
		now, before float64
		dec         int
		want        string
	}{
		{13, 13, 0, "±0"}, {13, 13, 1, "±0"}, {6.02, 6, 1, "±0"}, {6, 6.04, 1, "±0"},
		{17, 14, 0, "+3"}, {14.6, 11.6, 1, "+3,0"}, {6.8, 6.2, 1, "+0,6"}, {5, 7.5, 1, "-2,5"},
	}
	for _, c := range cases {
		if got := changeText(c.now, c.before, c.dec); got != c.want {
			t.Errorf("%v−%v (%d dec): %q, want %q", c.now, c.before, c.dec, got, c.want)
		}
	}
}

func series(vals ...float64) data.Series {
	s := make(data.Series, len(vals))
	for i, v := range vals {
		s[i] = data.Point{Period: data.MustPeriod("2026-01").Add(i), Value: v, Valid: v >= 0}
	}
	return s
}

// A measure keeps one form: a series with any fraction is written with one
// decimal in every month, "6,0" and not "6".
func TestSeriesDecimalsAndValues(t *testing.T) {
	if d := seriesDecimals(series(6, 6.5, 7)); d != 1 {
		t.Errorf("fractional series: %d decimals", d)
	}
	if d := seriesDecimals(series(6, 7, -1, 8)); d != 0 {
		t.Errorf("whole series: %d decimals", d)
	}
	th := newTheme(true, true)
	lines := seriesTable([]seriesRow{{name: "Sjukfrånvaro (%)", series: series(5.5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6)}}, 60, &th, 0)
	row := ansi.Strip(lines[1])
	if !strings.Contains(row, " 6,0 ") || !strings.HasSuffix(strings.TrimSpace(row), "+0,5") {
		t.Errorf("a decimal measure: %q", row)
	}
}

// A deviation that rounds to zero has no direction: "0", not "0 ▼".
func TestZeroDeviationHasNoSymbol(t *testing.T) {
	for _, m := range []data.Money{0, tkr(0.3), tkr(-0.4)} {
		if got := strings.TrimSpace(wholeTkr(m)); got != "0" {
			t.Errorf("%v tkr: %q, want 0", m.Tkr(), got)
		}
	}
	if got := wholeTkr(tkr(-1313)); got != "-1 313 ▲" {
		t.Errorf("over budget: %q", got)
	}
	if got := wholeTkr(tkr(731.6)); got != "+732 ▼" {
		t.Errorf("under budget: %q", got)
	}
	if got := deviationSymbol(tkr(0.04)); got != " " {
		t.Errorf("a deviation of 0,0 has symbol %q", got)
	}
}

// Counts are scaled from zero, so a flat series looks flat, and a month
// without data is a gap, not the lowest bar.
func TestSparklineScalesCountsFromZero(t *testing.T) {
	th := newTheme(true, true)
	flat := ansi.Strip(sparkline(series(12, 12, 12, 12, 13, 13, 13, 13), 8, &th))
	for _, r := range flat {
		if r == '▁' || r == '▂' || r == '▃' {
			t.Fatalf("12→13 drawn as a jump: %q", flat)
		}
	}
	gap := ansi.Strip(sparkline(series(4, -1, 4, 0), 4, &th))
	if gap != "█ █▁" {
		t.Errorf("missing month and zero: %q, want %q", gap, "█ █▁")
	}
}
