package tui

import (
	"context"
	"testing"

	"github.com/beredning/beredning/data"
)

// addArea writes, from a second store on the same file, a new area with
// a budget line for the board's month: 100 tkr budget, 150 tkr outcome.
func addArea(t *testing.T, path, name string) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Write(ctx, func(tx *data.Tx) error {
		id, _, err := tx.EnsureArea(name, data.GroupAdults)
		if err != nil {
			return err
		}
		_, err = tx.PutBudget(data.BudgetRow{Scope: data.Scope{AreaID: id}, Period: tbLast, Account: data.AccountStaff,
			Budget: tkr(100), Outcome: ptr(tkr(150))})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBoardSeesAnotherProgramsChange(t *testing.T) {
	dir := t.TempDir()
	s := buildTestby(t, dir)
	defer s.Close()
	m := newBoard(t, s, Options{NoColor: true}, 200, 50)
	press(t, m, "enter", "down") // Utredningsenheten
	sel, gen := m.sel, m.gen
	drain(t, m, readVersion(m.ctx, s, 0)) // the first answer is the baseline
	drain(t, m, readVersion(m.ctx, s, 0))
	if m.gen != gen {
		t.Fatal("reloaded without a change")
	}
	mustNotContain(t, screen(m), "Kontrollområdet")

	addArea(t, s.Path(), "Kontrollområdet")
	drain(t, m, readVersion(m.ctx, s, 0))
	if m.gen == gen {
		t.Fatal("a change by another store was not noticed")
	}
	if m.sel != sel || m.period != tbLast {
		t.Fatalf("the reload lost the place: sel %+v period %s", m.sel, m.period)
	}
	sc := screen(m)
	mustContain(t, sc, "Kontrollområdet", "-50 ▲", "Databasen har ändrats", "» Barn och unga › Utredningsenheten")
	checkScreen(t, m, "after the reload")

	// ctrl+r reads again by hand, keeping the place too
	gen = m.gen
	press(t, m, "ctrl+r")
	if m.gen == gen || m.sel != sel || m.detail(m.sel) == nil {
		t.Fatalf("ctrl+r: gen %d→%d sel %+v", gen, m.gen, m.sel)
	}
	mustContain(t, screen(m), "Databasen läses om.")
}
