package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// TestEveryScopeEveryPeriod draws every area and unit of the demo for
// every month it holds, at 40×12, 80×24 and 200×60, with every pane in
// view (the narrow layouts show one at a time), the first gap opened and
// the first narrative read: no panic, no line wider than the window, no
// more lines than it has. Under the race detector only each scope's
// default view is drawn (the full run takes minutes there).
func TestEveryScopeEveryPeriod(t *testing.T) {
	if testing.Short() {
		t.Skip("draws some ten thousand frames")
	}
	sizes := [][2]int{{40, 12}, {80, 24}, {200, 60}}
	m := newBoard(t, demoStore, Options{NoColor: true}, 200, 60)
	b := m.board()
	cov := m.ov.Coverage
	for _, a := range m.ov.Areas {
		b.expanded[a.ID] = true
	}
	frames := 0
	for p := cov.First; p <= cov.Last; p++ {
		b.focus = paneList
		drain(t, m, m.stepPeriod(func(data.Period) data.Period { return p }))
		drain(t, m, m.applyPending())
		if m.period != p {
			t.Fatalf("period %s not reached (at %s)", p, m.period)
		}
		for _, sz := range sizes {
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for i := range b.rows {
				b.focus = paneList
				b.cursor = i
				b.selectScope(b.rows[i].scope)
				drain(t, m, b.ensureDetails())
				what := fmt.Sprintf("%s %dx%d %s", p, sz[0], sz[1], b.rows[i].name)
				if raceBuild {
					checkScreen(t, m, what)
					frames++
					continue
				}
				// every pane in turn: the list, the gap band, budget,
				// volumes, narratives
				for f := paneList; f < numPanes; f++ {
					b.focus = f
					if f >= paneBudget {
						b.shown = f
					}
					checkScreen(t, m, what)
					frames++
					if sz[0] > 80 {
						break // everything is on screen at once
					}
				}
				// an open gap, scrolled to its end
				if gs, _ := b.scopeGaps(); len(gs) > 0 {
					b.focus, b.gapOpen = paneGaps, true
					b.gapScroll = 1 << 20
					checkScreen(t, m, what+" gap")
					b.gapOpen, b.gapScroll = false, 0
					frames++
				}
				// the reader on the newest narrative, at its end
				if items, _, _ := b.narratives(); len(items) > 0 {
					b.focus = paneNarratives
					b.narrCursor = len(items) - 1
					press(t, m, "enter", "G")
					if _, ok := m.top().(*reader); !ok {
						t.Fatalf("%s: no reader", what)
					}
					checkScreen(t, m, what+" reader")
					press(t, m, "esc")
					b.narrCursor = 0
					frames++
				}
				b.scroll = [numPanes]int{1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20}
				checkScreen(t, m, what+" scrolled")
				b.scroll = [numPanes]int{}
			}
		}
	}
	t.Logf("%d frames", frames)
}
