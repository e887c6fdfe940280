package tui

import (
	"testing"

	"github.com/beredning/beredning/data"
)

// What a server tells a board: who else is here (a few names and how many
// more), and that the database changed (the board loads again, keeping
// its place).
func TestPresenceAndChange(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 120, 30)
	m.Update(PresenceMsg{Others: []string{"Anna Lind", "Carl Ek"}})
	mustContain(t, screen(m), "Även här: Anna Lind, Carl Ek")
	m.Update(PresenceMsg{Others: []string{"A", "B", "C", "D", "E"}})
	mustContain(t, screen(m), "Även här: A, B, C och 2 till")

	press(t, m, "down")
	sel, gen := m.sel, m.gen
	_, cmd := m.Update(ChangedMsg{By: "carl"})
	drain(t, m, cmd)
	if m.gen == gen || m.sel != sel || m.ov == nil {
		t.Fatalf("a change did not reload in place: gen %d→%d, sel %+v→%+v", gen, m.gen, sel, m.sel)
	}
}

// A member's board offers none of the writes: no import, no undo, no
// briefing mark, no briefing; the controller's offers import.
func TestKeysByRole(t *testing.T) {
	member := newBoard(t, testbyStore.As(data.Actor{Login: "lena", Role: data.RoleLedamot}), Options{NoColor: true}, 120, 30)
	for name, k := range map[string]bool{"import": member.keys.Import.Enabled(), "undo": member.keys.UndoImport.Enabled(),
		"mark": member.keys.Mark.Enabled(), "briefing": member.keys.Briefing.Enabled()} {
		if k {
			t.Errorf("the member's board offers %s", name)
		}
	}
	press(t, member, "i")
	if len(member.stack) != 1 {
		t.Fatal("i opened a screen for the member")
	}
	ctrl := newBoard(t, testbyStore.As(data.Actor{Login: "carl", Role: data.RoleController}), Options{NoColor: true}, 120, 30)
	if !ctrl.keys.Import.Enabled() || ctrl.keys.Mark.Enabled() || !ctrl.keys.Approve.Enabled() {
		t.Fatal("the controller imports and reviews, and does not mark the briefing")
	}
	if member.keys.Approve.Enabled() || member.keys.SendBack.Enabled() || member.keys.Comment.Enabled() || member.keys.Reopen.Enabled() {
		t.Fatal("the member's board offers the review's actions")
	}
	if ctrl.keysFor(data.ActMeetings).Add.Enabled() || !newBoard(t, testbyStore, Options{NoColor: true}, 80, 24).keysFor(data.ActMeetings).Add.Enabled() {
		t.Fatal("agenda edits: hidden from the controller, offered to the local user")
	}
}
