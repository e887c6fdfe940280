package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// The keys and the mouse as help and the README describe them.

func TestEscClosesHelp(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 80, 24)
	press(t, m, "?")
	if _, ok := m.top().(*helpScreen); !ok {
		t.Fatal("? did not open help")
	}
	sc := screen(m)
	mustContain(t, sc, "Tangenter: Tavlan", "q avsluta", "? hjälp", "5✓1! = 5 gröna,", "H3 M1 = 3 höga, 1 medel")
	checkScreen(t, m, "help")
	press(t, m, "G") // at 80×24 the note on the mouse is below the fold
	mustContain(t, screen(m), "skift")
	press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Fatalf("esc did not close help: %d screens", len(m.stack))
	}
	press(t, m, "?", "?")
	if len(m.stack) != 1 {
		t.Fatal("? did not close help")
	}
	// over the reader, help lists the reader's keys, and esc goes back to it
	press(t, m, "tab", "tab", "tab", "tab", "enter", "?")
	mustContain(t, screen(m), "Tangenter: Berättelse", "nästa berättelse", "förra berättelse")
	press(t, m, "esc")
	if readerOf(m) == nil {
		t.Fatal("esc from help over the reader did not go back to the reader")
	}
}

func TestReaderStepsThroughNarratives(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	press(t, m, "tab", "tab", "tab", "tab") // the narratives of Barn och unga
	items, _, _ := m.board().narratives()
	if len(items) < 3 {
		t.Fatalf("%d narratives", len(items))
	}
	press(t, m, "enter")
	mustContain(t, screen(m), "n nästa berättelse")
	press(t, m, "n")
	if r := readerOf(m); r == nil || r.item.ID != items[1].ID {
		t.Fatalf("n did not step to the next narrative")
	}
	mustContain(t, screen(m), clean(items[1].Title))
	press(t, m, "N", "N")
	if r := readerOf(m); r.item.ID != items[0].ID {
		t.Fatal("N did not step back")
	}
	mustContain(t, screen(m), "Det här är den nyaste berättelsen i listan.")
	for range items {
		press(t, m, "n")
	}
	if r := readerOf(m); r.item.ID != items[len(items)-1].ID {
		t.Fatal("n did not reach the last narrative")
	}
	mustContain(t, screen(m), "Det här är den äldsta berättelsen i listan.")
	press(t, m, "esc")
	if readerOf(m) != nil || m.board().narrCursor != len(items)-1 {
		t.Fatalf("after esc the board's cursor is on %d, not the narrative read last", m.board().narrCursor)
	}
}

func TestGapOverviewScrollsToEvidence(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true}, 80, 24)
	press(t, m, "o")
	g := gapListOf(m)
	ev := g.periodGaps().Gaps[0].Evidence
	last := clean(ev[len(ev)-1].Label)
	mustNotContain(t, screen(m), last)
	press(t, m, "pgdown")
	mustContain(t, screen(m), "Underlag:", last, "100 %")
	if g.cursor != 0 {
		t.Fatalf("pgdn moved the selection to %d", g.cursor)
	}
	press(t, m, "down") // another gap is explained from its top
	mustNotContain(t, screen(m), "100 %")
	checkScreen(t, m, "gap overview")
}

func TestGapBandScrollsToEvidenceAt80x24(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true}, 80, 24)
	press(t, m, "enter", "down", "tab", "enter") // Mottagningsenheten's gap, open
	mustNotContain(t, screen(m), "Underlag:")
	for i := 0; i < 4 && !strings.Contains(screen(m), "Sjukfrånvaro (%): "); i++ {
		press(t, m, "pgdown")
	}
	mustContain(t, screen(m), "Underlag:", "Sjukfrånvaro (%): ")
}

func TestFilterShowsItsPlaceholder(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 80, 24)
	press(t, m, "/")
	mustContain(t, screen(m), "/ filtrera områden, enheter")
}

func TestFilterWithoutMatchClearsThePanes(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	press(t, m, "enter", "down") // Utredningsenheten
	sel := m.sel
	press(t, m, "/")
	typeText(t, m, "zzqx")
	sc := screen(m)
	mustContain(t, sc, "Inget område matchar filtret.")
	mustNotContain(t, sc, "Utredningsenheten", "Hittills i år", "» Barn och unga")
	checkScreen(t, m, "no match")
	for range 4 {
		press(t, m, "backspace")
	}
	if m.sel != sel {
		t.Fatalf("the selection did not come back: %+v", m.sel)
	}
	mustContain(t, screen(m), "» Barn och unga › Utredningsenheten", "Hittills i år")
}

func TestPeriodStepAtTheEndsSaysSo(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true, Period: tbEnd}, 120, 40)
	press(t, m, "]")
	if m.period != tbEnd {
		t.Fatalf("period %s", m.period)
	}
	mustContain(t, screen(m), "Databasen har inget efter december 2026.")
	press(t, m, "down") // the next key clears it
	mustNotContain(t, screen(m), "Databasen har inget efter")
	m = newBoard(t, testbyStore, Options{NoColor: true, Period: tbFirst}, 120, 40)
	press(t, m, "{")
	mustContain(t, screen(m), "Databasen har inget före januari 2024.")
	if m.period != tbFirst {
		t.Fatalf("period %s", m.period)
	}
}

func TestClickSelects(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 200, 50)
	click := func(x, y int) {
		t.Helper()
		_, cmd := m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
		drain(t, m, cmd)
	}
	b := m.board()
	lo := b.layout()
	// the third row of the list: below the title and the headings
	click(lo.list.x+3, lo.list.y+2+2)
	if b.cursor != 2 || m.sel != b.rows[2].scope {
		t.Fatalf("click on the third row: cursor %d", b.cursor)
	}
	// a narrative: the pane takes the focus and its second item the cursor
	press(t, m, "up", "up") // Barn och unga, with three narratives
	r := b.layout().panes[paneNarratives]
	click(r.x+2, r.y+2+narrativeItemLines)
	if b.focus != paneNarratives || b.narrCursor != 1 {
		t.Fatalf("click on the second narrative: focus %d cursor %d", b.focus, b.narrCursor)
	}
	// the budget pane
	r = b.layout().panes[paneBudget]
	click(r.x+2, r.y+3)
	if b.focus != paneBudget {
		t.Fatalf("click on the budget: focus %d", b.focus)
	}
	// a row of the gap overview
	press(t, m, "o")
	click(5, headerLines+1+1)
	if g := gapListOf(m); g == nil || g.cursor != 1 {
		t.Fatal("click on the second gap did not select it")
	}
	_ = data.Scope{}
}
