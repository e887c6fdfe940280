package tui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Update tests on Testby: send messages, assert on the model and on the
// screen with ANSI stripped.

func rowNames(m *Model) []string {
	var out []string
	for _, r := range m.board().rows {
		out = append(out, r.name)
	}
	return out
}

func selectedName(m *Model) string { return m.board().rows[m.board().cursor].name }

func mustContain(t *testing.T, screen string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(screen, p) {
			t.Fatalf("screen lacks %q:\n%s", p, screen)
		}
	}
}

func mustNotContain(t *testing.T, screen string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(screen, p) {
			t.Fatalf("screen holds %q:\n%s", p, screen)
		}
	}
}

func TestOpensOnLatestMonthWithOutcome(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	if m.period != tbLast {
		t.Fatalf("period %s, want %s", m.period, tbLast)
	}
	if got := rowNames(m); strings.Join(got, "|") != "Barn och unga|Försörjningsstöd|Vuxen missbruk|Tom verksamhet" {
		t.Fatalf("rows %v", got)
	}
	sc := screen(m)
	mustContain(t, sc, "Testby kommun", "Socialnämnden", "oktober 2026", "Månadsuppföljning",
		"Senast importerat 2026-11-20 07:30", "» Barn och unga", "Hittills i år jan–okt 2026")
	if m.detail(m.sel) == nil || m.gapResults[m.period] == nil {
		t.Fatal("detail or gaps of the selection not loaded")
	}
	// the rows in view are fetched in the background; the units of a
	// closed area are not in view, and not fetched: never the whole tree
	for _, r := range m.board().rows {
		if m.detail(r.scope) == nil {
			t.Fatalf("row %s not prefetched", r.name)
		}
	}
	for _, a := range m.ov.Areas {
		for _, u := range a.Units {
			if d := m.detail(data.Scope{AreaID: a.ID, UnitID: u.ID}); d != nil && !m.board().expanded[a.ID] {
				t.Fatalf("unit %s of a closed area was fetched", u.Name)
			}
		}
	}
}

func TestOpensOnAskedPeriod(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true, Period: data.MustPeriod("2025-08")}, 120, 40)
	if m.period != data.MustPeriod("2025-08") {
		t.Fatalf("period %s", m.period)
	}
	mustContain(t, screen(m), "augusti 2025", "Delårsrapport")
}

func TestListNavigation(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	press(t, m, "down", "j")
	if selectedName(m) != tbArea3 {
		t.Fatalf("after down, j: %s", selectedName(m))
	}
	press(t, m, "k")
	if selectedName(m) != tbArea2 {
		t.Fatalf("after k: %s", selectedName(m))
	}
	press(t, m, "G")
	if selectedName(m) != tbArea4 {
		t.Fatalf("after G: %s", selectedName(m))
	}
	press(t, m, "g")
	if selectedName(m) != tbArea1 {
		t.Fatalf("after g: %s", selectedName(m))
	}
	// enter opens an area, right too; left closes; left on a unit goes up
	press(t, m, "enter")
	if len(m.board().rows) != 7 || !m.board().rows[0].expanded {
		t.Fatalf("enter did not open the area: %v", rowNames(m))
	}
	press(t, m, "down", "down")
	if selectedName(m) != "Familjehemsenheten" || m.sel.IsArea() {
		t.Fatalf("on unit: %s %+v", selectedName(m), m.sel)
	}
	mustContain(t, screen(m), "» Barn och unga › Familjehemsenheten")
	press(t, m, "left")
	if selectedName(m) != tbArea1 || !m.sel.IsArea() {
		t.Fatalf("left from a unit: %s", selectedName(m))
	}
	press(t, m, "h")
	if len(m.board().rows) != 4 {
		t.Fatalf("h did not close the area: %v", rowNames(m))
	}
	press(t, m, "l")
	if len(m.board().rows) != 7 {
		t.Fatalf("l did not open the area: %v", rowNames(m))
	}
	// right on an open area moves into the panes
	press(t, m, "right")
	if m.board().focus != paneGaps {
		t.Fatalf("focus %d after right on an open area", m.board().focus)
	}
	// the long unit name is cut with an ellipsis at the right width
	press(t, m, "esc", "G", "k", "k", "k")
	if !strings.HasPrefix(selectedName(m), "Öppenvården") {
		t.Fatalf("selected %s", selectedName(m))
	}
	mustContain(t, screen(m), "Öppenvården 🏠", "…")
	checkScreen(t, m, "long name")
}

func TestPaneFocus(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	want := []paneID{paneGaps, paneBudget, paneVolumes, paneNarratives, paneList}
	for _, p := range want {
		press(t, m, "tab")
		if m.board().focus != p {
			t.Fatalf("tab: focus %d, want %d", m.board().focus, p)
		}
	}
	press(t, m, "shift+tab")
	if m.board().focus != paneNarratives {
		t.Fatalf("shift+tab: focus %d", m.board().focus)
	}
	mustContain(t, screen(m), "▸ Berättelser")
	press(t, m, "esc")
	if m.board().focus != paneList {
		t.Fatalf("esc: focus %d", m.board().focus)
	}

	// narrower than 120: one pane beside the list, switched by tab
	m = newBoard(t, testbyStore, Options{NoColor: true}, 100, 30)
	mustContain(t, screen(m), "Budget", "Volymer", "Berättelser", "Hittills i år")
	press(t, m, "tab", "tab", "tab")
	if m.board().focus != paneVolumes {
		t.Fatalf("focus %d", m.board().focus)
	}
	sc := screen(m)
	mustContain(t, sc, "▸ Volymer", "Pågående placeringar")
	mustNotContain(t, sc, "Hittills i år")
	// the list stays; the volumes stay shown when the focus goes back
	press(t, m, "esc")
	mustContain(t, screen(m), "Pågående placeringar", "Område / enhet")

	// below 72 columns: one thing at a time
	m = newBoard(t, testbyStore, Options{NoColor: true}, 60, 20)
	mustContain(t, screen(m), "Område / enhet")
	press(t, m, "tab", "tab")
	sc = screen(m)
	mustContain(t, sc, "Hittills i år")
	mustNotContain(t, sc, "Område / enhet")
}

func TestNarrativePaneAndReader(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	press(t, m, "tab", "tab", "tab", "tab") // narratives
	sc := screen(m)
	mustContain(t, sc, "3 berättelser, maj–okt 2026", "●●● hög", "Tillkortakommande", "Uppföljningar av placerade barn",
		"●●○ medel", "Analys", "Placeringskostnaderna")
	// newest first: October before September
	if strings.Index(sc, "Uppföljningar av placerade") > strings.Index(sc, "Placeringskostnaderna") {
		t.Fatal("narratives not newest first")
	}
	press(t, m, "down", "enter")
	if readerOf(m) == nil || readerOf(m).item.Title != "Placeringskostnaderna överstiger budget" {
		t.Fatalf("reader: %+v", readerOf(m))
	}
	sc = screen(m)
	mustContain(t, sc, "Analys", "september 2026", "Verksamhetschef", "Siffrorna den handlar om", "Placeringar",
		"Fler barn har placerats på HVB")
	checkScreen(t, m, "reader")
	press(t, m, "esc")
	if readerOf(m) != nil || m.board().focus != paneNarratives {
		t.Fatal("esc did not close the reader")
	}
	// an area with no narrative in the window says so
	press(t, m, "esc", "down", "down")
	press(t, m, "tab", "tab", "tab", "tab")
	mustContain(t, screen(m), "Inga berättelser maj–okt 2026.")
	press(t, m, "enter")
	if readerOf(m) != nil {
		t.Fatal("reader opened without narratives")
	}
}

func TestReaderScrollsAndResizes(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 80, 16)
	press(t, m, "tab", "tab", "tab", "tab", "enter")
	if readerOf(m) == nil {
		t.Fatal("no reader")
	}
	// narrow: the figures stand above the text
	mustContain(t, screen(m), "Siffrorna den handlar om", "Pågående utredningar över 4")
	press(t, m, "G")
	end := readerOf(m).view.YOffset()
	if end == 0 {
		t.Fatal("G did not scroll the reader")
	}
	mustContain(t, screen(m), "Vi behöver stöd från förvaltningen.")
	press(t, m, "g")
	if readerOf(m).view.YOffset() != 0 {
		t.Fatal("g did not go to the top")
	}
	for _, sz := range [][2]int{{200, 50}, {40, 12}, {130, 20}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkScreen(t, m, "reader resized")
	}
	mustContain(t, screen(m), "│ Siffrorna den handlar om")
}

func TestPeriodStepping(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	press(t, m, "enter", "down") // Utredningsenheten
	sel := m.sel
	press(t, m, "[")
	if m.period != tbLast.Add(-1) || m.sel != sel {
		t.Fatalf("[: period %s sel %+v", m.period, m.sel)
	}
	mustContain(t, screen(m), "september 2026", "» Barn och unga › Utredningsenheten")
	press(t, m, "]", "]")
	if m.period != tbLast.Add(1) {
		t.Fatalf("]]: period %s", m.period)
	}
	// { and } step a report: April (tertial), August (delår), December (bokslut)
	press(t, m, "{")
	if m.period != data.MustPeriod("2026-08") {
		t.Fatalf("{: %s", m.period)
	}
	mustContain(t, screen(m), "augusti 2026", "Delårsrapport")
	press(t, m, "{")
	if m.period != data.MustPeriod("2026-04") {
		t.Fatalf("{{: %s", m.period)
	}
	mustContain(t, screen(m), "Tertialrapport")
	press(t, m, "}", "}")
	if m.period != data.MustPeriod("2026-12") {
		t.Fatalf("}}: %s", m.period)
	}
	mustContain(t, screen(m), "Bokslut")
	// beyond the data nothing happens
	press(t, m, "]", "}")
	if m.period != tbEnd {
		t.Fatalf("stepped past the data: %s", m.period)
	}
	if m.sel != sel {
		t.Fatal("stepping lost the selection")
	}
	// a period already seen is shown at once, without a command
	_, cmd := m.Update(keyMsg("["))
	if m.period != tbEnd.Add(-1) {
		t.Fatalf("cached period not applied at once: %s", m.period)
	}
	drain(t, m, cmd)
}

func TestPeriodStepKeepsUp(t *testing.T) {
	// keys pressed while a period loads add up, and the load of a period
	// the user has passed by is cancelled: its late answer is dropped
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	_, c1 := m.Update(keyMsg("["))
	_, c2 := m.Update(keyMsg("["))
	if m.pending != tbLast.Add(-2) || m.period != tbLast {
		t.Fatalf("pending %s period %s", m.pending, m.period)
	}
	mustContain(t, screen(m), "laddar aug 2026")
	drain(t, m, c2)
	if m.period != tbLast.Add(-2) {
		t.Fatalf("period %s", m.period)
	}
	drain(t, m, c1) // the September answer comes last
	if m.period != tbLast.Add(-2) {
		t.Fatalf("a stale answer changed the period to %s", m.period)
	}
	if m.overviews[tbLast.Add(-1)] != nil || m.err != nil {
		t.Fatalf("the cancelled answer was kept (error %v)", m.err)
	}
}

func TestFilter(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 40)
	press(t, m, "/")
	if !m.board().filtering {
		t.Fatal("/ did not open the filter")
	}
	typeText(t, m, "forsorj") // å, ä, ö match a, a, o
	if got := rowNames(m); strings.Join(got, "|") != "Försörjningsstöd" {
		t.Fatalf("rows %v", got)
	}
	press(t, m, "enter")
	if m.board().filtering || m.board().filter != "forsorj" {
		t.Fatalf("enter: filtering %v filter %q", m.board().filtering, m.board().filter)
	}
	mustContain(t, screen(m), "Filter: forsorj")
	press(t, m, "esc")
	if m.board().filter != "" || len(m.board().rows) != 4 {
		t.Fatalf("esc did not clear: %q %v", m.board().filter, rowNames(m))
	}
	// a unit name opens its area; a narrative's words find its unit
	press(t, m, "/")
	typeText(t, m, "familjehem")
	if got := strings.Join(rowNames(m), "|"); got != "Barn och unga|Familjehemsenheten" {
		t.Fatalf("unit filter: %s", got)
	}
	for range "familjehem" {
		press(t, m, "backspace")
	}
	typeText(t, m, "HEMBESÖK")
	if got := strings.Join(rowNames(m), "|"); got != "Försörjningsstöd|Ekonomiskt bistånd" {
		t.Fatalf("narrative filter: %s", got)
	}
	press(t, m, "enter", "tab", "tab", "tab", "tab")
	sc := screen(m)
	mustContain(t, sc, "1 berättelse", "Hembesök och uppföljning")
	// esc in the filter line drops the filter
	press(t, m, "/", "esc")
	if m.board().filter != "" || m.board().filtering {
		t.Fatal("esc in the filter line kept the filter")
	}
	// a filter that matches nothing leaves an empty list, not a panic
	press(t, m, "/")
	typeText(t, m, "zzzz")
	mustContain(t, screen(m), "Inga områden att visa.")
	press(t, m, "down", "enter", "tab", "enter")
	checkScreen(t, m, "empty filter")
}

func TestResize(t *testing.T) {
	m := New(testbyStore, Options{NoColor: true})
	m.requestBackground = false
	if got := m.View().Content; got == "" {
		t.Fatal("empty view before the first size")
	}
	drain(t, m, m.Init())
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {39, 11}, {40, 12}, {71, 20}, {72, 20}, {119, 30}, {120, 30}, {300, 80}, {80, 24}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		if sz[0] > 0 {
			checkScreen(t, m, "resize")
		}
		lo := m.board().layout()
		switch {
		case sz[0] < minWidth || sz[1] < minHeight:
			if sz[0] > 10 && sz[1] > 3 {
				mustContain(t, screen(m), "Gör fönstret större")
			}
		case sz[0] >= wideWidth:
			if lo.mode != layoutWide {
				t.Fatalf("%v: mode %d", sz, lo.mode)
			}
		case sz[0] >= mediumWidth:
			if lo.mode != layoutMedium {
				t.Fatalf("%v: mode %d", sz, lo.mode)
			}
		default:
			if lo.mode != layoutSingle {
				t.Fatalf("%v: mode %d", sz, lo.mode)
			}
		}
	}
	// the cursor stays visible when the window shrinks
	press(t, m, "enter", "G")
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 12})
	mustContain(t, screen(m), "Tom verksamhet")
}

func TestMouseWheel(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	lo := m.board().layout()
	wheel := func(r rect, b tea.MouseButton) {
		_, cmd := m.Update(tea.MouseWheelMsg{X: r.x + 1, Y: r.y + 2, Button: b})
		drain(t, m, cmd)
	}
	wheel(lo.list, tea.MouseWheelDown)
	if m.board().cursor != 1 {
		t.Fatalf("wheel over the list: cursor %d", m.board().cursor)
	}
	wheel(lo.list, tea.MouseWheelUp)
	if m.board().cursor != 0 {
		t.Fatalf("wheel up over the list: cursor %d", m.board().cursor)
	}
	wheel(m.board().layout().panes[paneNarratives], tea.MouseWheelDown)
	if m.board().narrCursor != 1 || m.board().cursor != 0 {
		t.Fatalf("wheel over narratives: %d %d", m.board().narrCursor, m.board().cursor)
	}
	// a short window makes the volumes pane scroll
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 14})
	wheel(m.board().layout().panes[paneVolumes], tea.MouseWheelDown)
	if m.board().scroll[paneVolumes] == 0 {
		t.Fatal("wheel did not scroll the volumes pane")
	}
}

func TestGapBand(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	press(t, m, "enter", "down") // Utredningsenheten
	gs, loaded := m.board().scopeGaps()
	if !loaded || len(gs) == 0 {
		t.Fatal("no gaps for the investigating unit")
	}
	sc := screen(m)
	mustContain(t, sc, "Kvalitetsglapp", "●●● hög", gs[0].Title[:20])
	press(t, m, "tab") // the band
	if m.board().focus != paneGaps {
		t.Fatalf("focus %d", m.board().focus)
	}
	// open the gap about green with a shortfall: its evidence is marked
	for i, g := range gs {
		if g.Rule == "green_with_shortfall" {
			press(t, m, "g")
			for range i {
				press(t, m, "down")
			}
		}
	}
	press(t, m, "enter")
	if !m.board().gapOpen {
		t.Fatal("enter did not open the gap")
	}
	sc = screen(m)
	mustContain(t, sc, "Grönt trots beskriven brist", "Underlag:", "» Uppföljningar av placerade barn")
	press(t, m, "esc")
	if m.board().gapOpen {
		t.Fatal("esc did not close the gap")
	}
	mustNotContain(t, screen(m), "Underlag:")
	// the list carries the marker
	mustContain(t, screen(m), "H")
}

func TestGapList(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	press(t, m, "o")
	if gapListOf(m) == nil {
		t.Fatal("o did not open the gap list")
	}
	res := m.gapResults[m.period]
	sc := screen(m)
	mustContain(t, sc, "Kvalitetsglapp – Testby kommun – oktober 2026", res.Gaps[0].Title[:20], "Underlag:")
	last := res.Gaps[len(res.Gaps)-1]
	press(t, m, "G", "enter")
	if gapListOf(m) != nil || m.sel != last.Scope() || !m.board().gapOpen || m.board().focus != paneGaps {
		t.Fatalf("enter did not jump: sel %+v open %v focus %d", m.sel, m.board().gapOpen, m.board().focus)
	}
	if g := m.board().openGap(); g == nil || g.Title != last.Title {
		t.Fatalf("open gap %+v", g)
	}
	checkScreen(t, m, "after jump")
	press(t, m, "o", "esc")
	if gapListOf(m) != nil {
		t.Fatal("esc did not close the gap list")
	}
}

func TestEnglish(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true, Lang: lang.EN}, 120, 40)
	mustContain(t, screen(m), "October 2026", "Monthly follow-up", "Last imported", "Area / unit", "Year to date Jan–Oct 2026",
		"Narratives", "Quality gaps", "next pane")
}

func TestMonochrome(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	press(t, m, "enter", "down", "tab")
	content := m.View().Content
	// no colour at all: only bold, underline and reverse
	if bad := sgrColours(content); len(bad) > 0 {
		t.Fatalf("colour in monochrome: %q", bad)
	}
	// every status is still there in symbols and words
	mustContain(t, screen(m), "✓", "▲", "●●● hög", "Tillkortakommande", "över budget")
	// nor on the other screens: the gap overview, help, a narrative
	for _, keys := range [][]string{{"o"}, {"?"}, {"tab", "tab", "tab", "tab", "enter"}, {"/"}} {
		s := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
		press(t, s, keys...)
		if len(s.stack) == 1 && keys[0] != "/" {
			t.Fatalf("%v opened no screen", keys)
		}
		if bad := sgrColours(s.View().Content); len(bad) > 0 {
			t.Fatalf("colour in monochrome after %v: %q", keys, bad)
		}
	}
	// in colour the same screen has the same text
	c := newBoard(t, testbyStore, Options{}, 200, 50)
	press(t, c, "enter", "down", "tab")
	if len(sgrColours(c.View().Content)) == 0 {
		t.Fatal("the colour board shows no colour: the check above could not fail")
	}
	if screen(c) != screen(m) {
		t.Fatal("colour and monochrome screens differ in text")
	}
}

// sgrColours is every SGR sequence in s that sets a colour: a foreground,
// background or underline colour in any form (30–37, 90–97, 40–47,
// 100–107, 38/48/58 with 5;n or 2;r;g;b, also with colons).
func sgrColours(s string) []string {
	var bad []string
	for _, part := range strings.Split(s, "\x1b[")[1:] {
		end := strings.IndexFunc(part, func(r rune) bool { return r >= 0x40 && r <= 0x7e })
		if end < 0 || part[end] != 'm' {
			continue // not an SGR sequence
		}
		for _, p := range strings.FieldsFunc(part[:end], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n == 58 || n >= 90 && n <= 97 || n >= 100 && n <= 107 {
				bad = append(bad, "ESC["+part[:end+1])
				break
			}
		}
	}
	return bad
}

func TestSGRColoursFindsEveryForm(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"\x1b[1;38;2;10;20;30mx\x1b[m", 1}, {"\x1b[38;5;12mx", 1}, {"\x1b[31mx", 1}, {"\x1b[97mx", 1},
		{"\x1b[44mx", 1}, {"\x1b[104mx", 1}, {"\x1b[48:2::1:2:3mx", 1}, {"\x1b[4;58;5;1mx", 1},
		{"\x1b[1mx\x1b[m", 0}, {"\x1b[7;4mx\x1b[0m", 0}, {"\x1b[39;49mx", 0}, {"\x1b[2Kx", 0}, {"plain", 0},
	} {
		if got := sgrColours(c.s); len(got) != c.want {
			t.Errorf("%q: %q", c.s, got)
		}
	}
}

func TestBackgroundColourRebuildsTheme(t *testing.T) {
	m := New(testbyStore, Options{})
	cmd := m.Init()
	if cmd == nil {
		t.Fatal("no init command")
	}
	m.Update(tea.BackgroundColorMsg{Color: lightColor{}})
	if m.theme.IsDark || m.theme.Markdown != "light" {
		t.Fatalf("theme after a light background: dark %v, %s", m.theme.IsDark, m.theme.Markdown)
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestQuit(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 80, 24)
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
	// q in the filter line is a letter
	press(t, m, "/")
	_, cmd := m.Update(keyMsg("q"))
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("q quit from the filter line")
		}
	}
}

func TestEmptyDatabase(t *testing.T) {
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := newBoard(t, s, Options{NoColor: true}, 80, 24)
	mustContain(t, screen(m), "Databasen är tom", "med i här", "beredning demo")
	press(t, m, "down", "enter", "tab", "enter", "[", "}", "o")
	checkScreen(t, m, "empty database")
	// Nothing to judge is not "no gaps", and an unnamed municipality
	// leaves no empty commas in the title.
	sc := screen(m)
	mustContain(t, sc, "Databasen har inga uppgifter ännu")
	for _, bad := range []string{"Reglerna hittar inga", "inga enligt reglerna", " , ", "i ,"} {
		if strings.Contains(sc, bad) {
			t.Errorf("empty database's gap overview says %q:\n%s", bad, sc)
		}
	}
}
