package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// lineWith is the first line of a screen holding s.
func lineWith(t *testing.T, sc, s string) string {
	t.Helper()
	for _, line := range strings.Split(sc, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	t.Fatalf("no line holds %q:\n%s", s, sc)
	return ""
}

// December 2026 on the demo has budget rows but no placements and no
// outcome: the list says "–", never "0 (-93)".
func TestMonthWithoutPlacementsIsNotZero(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true, Period: data.MustPeriod("2026-12")}, 200, 50)
	sc := screen(m)
	line := lineWith(t, sc, "▸ Barn och unga")
	if strings.Contains(line, "0 (") || !strings.Contains(line, " – ") {
		t.Errorf("a month without placements: %q", line)
	}
	mustNotContain(t, sc, "(-93)")
}

// November 2026 has no outcome yet: the budget pane, the gap band and the
// gap list say so and name October, and nothing reads "no gaps".
func TestMonthWithoutOutcomeOnTheBoard(t *testing.T) {
	for _, c := range []struct {
		l                 lang.Lang
		budget, gap, none string
	}{
		{lang.SV, "Hittills i år jan–okt 2026, tkr (november 2026 har inget utfall än)", "November 2026 har inget utfall än (senaste: okt 2026)", "inga enligt reglerna"},
		{lang.EN, "Year to date Jan–Oct 2026, tkr (November 2026 has no outcome yet)", "November 2026 has no outcome yet (latest: Oct 2026)", "none by the rules"},
	} {
		m := newBoard(t, demoStore, Options{NoColor: true, Lang: c.l, Period: data.MustPeriod("2026-11")}, 200, 50)
		sc := screen(m)
		mustContain(t, sc, c.gap)
		var budget []string
		for _, s := range m.board().budgetPane().lines(120) {
			budget = append(budget, ansi.Strip(s))
		}
		mustContain(t, strings.Join(budget, "\n"), c.budget)
		mustNotContain(t, sc, c.none, "jan–nov", "Jan–Nov")
		press(t, m, "o")
		sc = screen(m)
		mustContain(t, sc, "2026 ")
		mustNotContain(t, sc, "Reglerna hittar inga kvalitetsglapp den här perioden", "The rules find no quality gaps this period")
		if c.l == lang.SV {
			mustContain(t, strings.Join(strings.Fields(sc), " "), "senaste månad med utfall är oktober 2026")
		}
	}
}

// The committee's line comes first, and an area with rows booked on
// itself shows them as "Gemensamt för området", so the rows under the
// area add up to it.
func TestCommitteeTotalAndAreaWide(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true}, 200, 50)
	sc := screen(m)
	total := lineWith(t, sc, "Hela nämnden")
	if want := wholeTkr(m.ov.Total.Deviation()); !strings.Contains(total, want) && !strings.Contains(total, strings.TrimSpace(deviationCellPlain(m.ov.Total.Deviation()))) {
		t.Errorf("committee line %q lacks its deviation %q", total, want)
	}
	var sum data.Money
	for _, a := range m.ov.Areas {
		sum += a.Deviation()
	}
	if sum != m.ov.Total.Deviation() {
		t.Errorf("total %v, areas sum to %v", m.ov.Total.Deviation().Tkr(), sum.Tkr())
	}
	press(t, m, "enter") // open Barn och unga, which books rows on itself
	sc = screen(m)
	mustContain(t, sc, "└ Gemensamt för området")
	a := m.ov.Areas[0]
	parts := a.Own.Deviation()
	for _, u := range a.Units {
		parts += u.Deviation()
	}
	if parts != a.Deviation() {
		t.Errorf("units and area-wide add to %v, area %v", parts.Tkr(), a.Deviation().Tkr())
	}
	// selecting it shows the area's own rows only
	for m.board().rows[m.board().cursor].areaWide == false {
		press(t, m, "down")
	}
	if !m.sel.IsAreaWide() {
		t.Fatalf("selected %+v", m.sel)
	}
	mustContain(t, screen(m), "» Barn och unga › Gemensamt för området")
	if d := m.detail(m.sel); d == nil || d.Total.Deviation() != a.Own.Deviation() {
		t.Errorf("area-wide detail: %+v", d)
	}
}

// deviationCellPlain is a deviation as the wide list writes it.
func deviationCellPlain(dev data.Money) string {
	return lang.SignedTkr(dev) + " " + deviationSymbol(dev)
}

// At every size and in both languages ? and q are on screen, and at
// 120×40 no figure of the budget's year lines or the placements' cost is cut.
func TestHelpAndQuitAlwaysShownAndNumbersWhole(t *testing.T) {
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}, {72, 20}, {40, 12}} {
			m := newBoard(t, demoStore, Options{NoColor: true, Lang: l}, sz[0], sz[1])
			for _, keys := range [][]string{nil, {"enter", "down"}, {"o"}} {
				press(t, m, keys...)
				lines := strings.Split(screen(m), "\n")
				foot := lines[len(lines)-1]
				if !strings.Contains(foot, "?") || !strings.Contains(foot, "q") {
					t.Errorf("%s %dx%d after %v: footer %q lacks ? or q", l.Code(), sz[0], sz[1], keys, foot)
				}
				press(t, m, "esc")
			}
		}
		m := newBoard(t, demoStore, Options{NoColor: true, Lang: l}, 120, 40)
		sc := screen(m)
		mustContain(t, sc, "-1 557,0 tkr", "-1 313,0 tkr", "54 339,7 tkr")
	}
}

// The list says what its columns mean when there is room.
func TestListLegend(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true}, 200, 50)
	list := func(w int) string {
		return strings.Join(strings.Fields(ansi.Strip(m.board().areaList().Render(w, 30))), " ")
	}
	mustContain(t, list(60), "Mål Glapp", "5✓1! = 5 gröna, 1 gult", "H3 M1 = 3 höga, 1 medel")
	mustContain(t, list(36), "Glapp", "H3 M1 = 3 höga, 1 medel")
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	mustContain(t, strings.Join(strings.Fields(screen(m)), " "), "H hög, M medel")
}
