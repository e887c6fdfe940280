package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// volumesLines is the volumes pane of the selected scope as plain lines.
func volumesLines(m *Model, w int) []string {
	var out []string
	for _, s := range m.board().volumesPane().lines(w) {
		out = append(out, ansi.Strip(s))
	}
	return out
}

// monthsHeadings are the sparkline headings ("24 mån") of a pane.
func monthsHeadings(lines []string) []string {
	var out []string
	for _, s := range lines {
		if f := strings.Fields(s); len(f) >= 2 && (f[1] == "mån" || f[1] == "mo") {
			out = append(out, f[0]+" "+f[1])
		}
	}
	return out
}

// At 200×50 placements and measures show two years; narrower panes show
// fewer months and say how many.
func TestSparklineTwoYearsWhenWide(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	for _, keys := range [][]string{nil, {"enter", "down"}} {
		press(t, m, keys...)
		r := m.board().layout().panes[paneVolumes]
		got := monthsHeadings(volumesLines(m, r.w))
		if len(got) != 2 || got[0] != "24 mån" || got[1] != "24 mån" {
			t.Fatalf("%s at 200×50 (pane %d wide): headings %v, want two of 24 mån", m.scopeName(m.sel), r.w, got)
		}
		mustContain(t, screen(m), "24 mån")
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	r := m.board().layout().panes[paneVolumes]
	for _, h := range monthsHeadings(volumesLines(m, r.w)) {
		if h == "24 mån" {
			t.Fatalf("120×40 (pane %d wide) claims two years: %s", r.w, h)
		}
	}
}

func TestSeriesWidths(t *testing.T) {
	rows := []seriesRow{{name: "Konsulentstött familjehem"}, {name: "HVB"}}
	cases := []struct {
		avail, spark, name int
	}{
		{60, 24, 36},  // room for everything: the names take what is left
		{44, 24, 20},  // two years beside names of up to 20 cells
		{40, 20, 20},  // names first, then the months
		{32, 12, 20},  // the shortest sparkline worth drawing
		{31, 0, 32},   // less: no sparkline, the names take its space
		{18, 0, 19},   // too narrow: no sparkline, names cut
		{-3, 0, 1},    // never below one cell
		{120, 24, 96}, // wide
	}
	for _, c := range cases {
		spark, name := seriesWidths(rows, c.avail)
		if spark != c.spark || name != c.name {
			t.Errorf("avail %d: spark %d name %d, want %d %d", c.avail, spark, name, c.spark, c.name)
		}
	}
	// a marked name needs two cells more for its "» "
	if spark, name := seriesWidths([]seriesRow{{name: "Vakanta tjänster", marked: true}}, 38); spark != 20 || name != 18 {
		t.Errorf("marked name: spark %d name %d, want 20 18", spark, name)
	}
	// short names need fewer than twelve cells for two years
	spark, name := seriesWidths([]seriesRow{{name: "HVB"}, {name: "SiS"}}, 28)
	if spark != 24 || name != 4 {
		t.Errorf("short names: spark %d name %d", spark, name)
	}
}

func TestCutDistinct(t *testing.T) {
	names := []string{"Pågående utredningar", "Pågående utredningar över 4 månader", "Anmälningar"}
	got := cutDistinct(names, 16)
	want := []string{"Pågående utredn…", "Pågåen…4 månader", "Anmälningar"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("cutDistinct: %q, want %q", got, want)
	}
	for _, w := range []int{1, 5, 8, 12, 20, 40} {
		for i, s := range cutDistinct(names, w) {
			if width(s) > w {
				t.Fatalf("w %d: %q is %d wide", w, s, width(s))
			}
			if width(names[i]) <= w && s != names[i] {
				t.Fatalf("w %d: %q fits but was cut to %q", w, names[i], s)
			}
		}
	}
	// names that differ early are cut as trunc cuts them
	if got := cutDistinct([]string{"Sjukfrånvaro (%)", "Personalomsättning (%)"}, 10); got[0] != "Sjukfrånv…" || got[1] != "Personalo…" {
		t.Fatalf("plain cuts: %q", got)
	}
}

// An opened gap whose evidence names placement kinds marks those kinds'
// rows (and the total, for evidence about all kinds), not the section.
func TestPlacementEvidenceMarksKinds(t *testing.T) {
	g := &gaps.Gap{Evidence: []gaps.Evidence{{Kind: gaps.KindPlacement, PlacementKind: data.KindHVB}}}
	mk := marksOf(g)
	if !mk.placements[data.KindHVB] || mk.placements[placementTotal] || len(mk.placements) != 1 {
		t.Fatalf("marks %v", mk.placements)
	}

	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	press(t, m, "down", "down", "enter", "down") // Vuxen missbruk › Vuxenutredning
	d := m.detail(m.sel)
	if d == nil || len(d.Placements) < 3 {
		t.Fatalf("%s: no placements to mark", m.scopeName(m.sel))
	}
	p := m.board().volumesPane()
	p.markKind = mk.placements
	marked := markedRows(p, 60)
	if strings.Join(marked, "|") != "HVB" {
		t.Fatalf("marked %q, want only HVB", marked)
	}

	// through the band: the placement surge's evidence is the total and
	// the kinds that rose
	gs, _ := m.board().scopeGaps()
	idx := -1
	for i, g := range gs {
		if g.Rule == gaps.RulePlacementSurge {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no placement surge for Vuxenutredning")
	}
	press(t, m, "tab")
	for range idx {
		press(t, m, "down")
	}
	press(t, m, "enter")
	var want []string
	for _, ev := range gs[idx].Evidence {
		if ev.Kind == gaps.KindPlacement && ev.PlacementKind != "" {
			want = append(want, lang.SV.Kind(ev.PlacementKind))
		}
	}
	want = append(want, "Totalt")
	if got := markedRows(m.board().volumesPane(), 60); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("marked %q, want %q", got, want)
	}
	mustContain(t, screen(m), "» HVB")
}

// markedRows names the placement rows of a volumes pane marked with ».
func markedRows(p volumesPane, w int) []string {
	var out []string
	for _, s := range p.lines(w) {
		s = strings.TrimSpace(ansi.Strip(s))
		if name, ok := strings.CutPrefix(s, "» "); ok {
			out = append(out, strings.Fields(name)[0])
		}
	}
	return out
}

// An indicator renamed between plan and report (the demo's BoU-1 was
// "Andel avslutade insatser med uppnådda mål" and is reported in 2026 as
// "Andel familjer där insatsens mål uppnåtts") has one name on the board:
// its series' name, as the measure list and the gap texts call it.
func TestIndicatorHasOneName(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true}, 200, 50)
	sc := screen(m)
	mustContain(t, sc, "Andel avslutade insatser")
	if strings.Contains(sc, "Andel familjer där") {
		t.Errorf("the indicator shows the name a unit reported it under:\n%s", sc)
	}
}
