package tui

import (
	"context"
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// After a period step the selected scope's detail is the first load asked
// for, ahead of every other row's; the rest come one at a time, and only
// the rows in view and their neighbours.
func TestPeriodStepLoadsSelectionFirst(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	press(t, m, "enter", "down", "down") // a unit of the first area
	sel := m.sel
	if sel.IsArea() {
		t.Fatalf("selection %v is not a unit", sel)
	}
	var asked []detailKey
	m.loads.requested = func(k detailKey) { asked = append(asked, k) }
	// when the month's overview answers, the selection's detail is the
	// one load asked for: the other rows wait until it has come
	_, cmd := m.Update(keyMsg("["))
	_, cmd = m.Update(firstMsg[overviewMsg](cmd))
	p := tbLast.Add(-1)
	if len(asked) != 1 {
		t.Fatalf("on the overview's answer %d loads were asked for: %v", len(asked), asked)
	}
	drain(t, m, cmd)
	if m.period != p {
		t.Fatalf("period %s, want %s", m.period, p)
	}
	if len(asked) == 0 || asked[0] != (detailKey{sel, p}) {
		t.Fatalf("first load %v, want the selection %v", asked, sel)
	}
	seen := map[data.Scope]bool{}
	for _, k := range asked {
		if k.period != p || seen[k.scope] {
			t.Fatalf("load %v asked twice or for another month: %v", k, asked)
		}
		seen[k.scope] = true
	}
	for _, r := range m.board().rows {
		if !seen[r.scope] {
			t.Errorf("row %s in view was not loaded", r.name)
		}
	}
}

// Stepping away from a month cancels its loads: the context they run
// under is done, and an answer that still comes is dropped.
func TestSteppingAwayCancelsTheOldMonth(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	press(t, m, "enter", "down")
	sel := m.sel
	// Step back a month and let only the overview answer: the details it
	// asks for are held, as if the store were still reading them.
	_, cmd := m.Update(keyMsg("["))
	p := tbLast.Add(-1)
	var held []tea.Cmd
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := runWithTimeout(c).(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case overviewMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		case nil:
		default:
			held = append(held, func() tea.Msg { return msg })
		}
	}
	if m.period != p || m.detail(sel) != nil {
		t.Fatalf("period %s, detail loaded %v", m.period, m.detail(sel) != nil)
	}
	pl := m.loads.periods[p]
	if pl == nil || pl.ctx.Err() != nil {
		t.Fatal("the month's loads have no live context")
	}
	ctx := pl.ctx
	press(t, m, "]") // back to the month shown before, cached
	if m.period != tbLast {
		t.Fatalf("period %s", m.period)
	}
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatal("stepping away did not cancel the old month's loads")
	}
	// the held answers arrive late: dropped, nothing shown or kept
	for _, c := range held {
		drain(t, m, c)
	}
	if d := m.details[detailKey{sel, p}]; d != nil || m.err != nil {
		t.Fatalf("a late answer of the month left was kept (error %v)", m.err)
	}
	if m.loadingDetail[detailKey{sel, p}] {
		t.Fatal("the month left still counts as loading")
	}
	// going there again asks again
	press(t, m, "[")
	if m.detail(sel) == nil {
		t.Fatal("the month was not loaded again")
	}
}

// A visited month is shown at once from the cache; past the memory
// budget the least recently shown months go, never the one in view.
func TestVisitedMonthsWithinBudget(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 40)
	press(t, m, "[", "]")
	_, cmd := m.Update(keyMsg("["))
	if m.period != tbLast.Add(-1) || cmd != nil && m.loadingDetail[detailKey{m.sel, m.period}] {
		t.Fatal("a visited month was not shown from the cache")
	}
	drain(t, m, cmd)
	m.loads.budget = 1 // bytes: nothing but the month in view fits
	press(t, m, "[")
	for k := range m.details {
		if k.period != m.period {
			t.Fatalf("detail of %s kept past the budget", k.period)
		}
	}
	for p := range m.overviews {
		if p != m.period {
			t.Fatalf("overview of %s kept past the budget", p)
		}
	}
	if m.ov == nil || m.detail(m.sel) == nil {
		t.Fatal("the month in view was evicted")
	}
}
