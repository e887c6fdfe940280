package tui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/doc/pdf"
)

// demoCopy is a copy of the demo database a test may change.
func demoCopy(t *testing.T) *data.Store {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demoStore.DB().ExecContext(context.Background(), `VACUUM INTO ?`, dst); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ctrlS() tea.KeyPressMsg { return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl} }

func save(t *testing.T, m *Model) {
	t.Helper()
	_, cmd := m.Update(ctrlS())
	drain(t, m, cmd)
}

// The director marks a budget, a gap and a narrative on the board, sees
// them marked, opens Beredning, writes an assessment, moves and removes.
func TestMarkForBriefingAndWrite(t *testing.T) {
	s := demoCopy(t)
	ctx := context.Background()
	m := newBoard(t, s, Options{NoColor: true, Period: data.MustPeriod("2026-10")}, 120, 40)
	press(t, m, "m")
	mustContain(t, screen(m), "Markerad för beredningen inför 26 november 2026", "◆ markerad för beredningen")
	press(t, m, "tab", "m")               // the gap band
	press(t, m, "tab", "tab", "tab", "m") // the narratives
	sc := screen(m)
	if strings.Count(sc, "◆") < 2 {
		t.Errorf("marked gap and narrative show no ◆:\n%s", sc)
	}
	notes, err := s.BriefingNotes(ctx, "2026-11-26", data.MustPeriod("2026-10"))
	if err != nil || len(notes) != 3 {
		t.Fatalf("%d notes, %v", len(notes), err)
	}
	kinds := notes[0].RefKind + " " + notes[1].RefKind + " " + notes[2].RefKind
	if kinds != "budget gap narrative" {
		t.Errorf("marked %s", kinds)
	}
	// m again unmarks.
	press(t, m, "m")
	mustContain(t, screen(m), "Markeringen för beredningen inför 26 november 2026 är borttagen")
	press(t, m, "m")

	press(t, m, "b")
	mustContain(t, screen(m), "Beredning · oktober 2026", "inför sammanträdet 26 november 2026", "Barn och unga", "◆ Budget", "ingen bedömning ännu")
	checkScreen(t, m, "beredning")
	press(t, m, "down", "enter")
	mustContain(t, screen(m), "Din text om:", "Bedömning", "Föreslagen åtgärd")
	typeText(t, m, "Vakanserna håller budgeten.")
	press(t, m, "tab")
	typeText(t, m, "Överanställ i mottagningen.")
	save(t, m)
	mustContain(t, screen(m), "Sparat.", "✎ Vakanserna håller budgeten.")
	notes, _ = s.BriefingNotes(ctx, "2026-11-26", data.MustPeriod("2026-10"))
	if notes[1].Assessment != "Vakanserna håller budgeten." || notes[1].Action != "Överanställ i mottagningen." {
		t.Errorf("saved %+v", notes[1])
	}
	// K moves it first; x removes the one under the cursor.
	press(t, m, "K")
	notes, _ = s.BriefingNotes(ctx, "2026-11-26", data.MustPeriod("2026-10"))
	if notes[0].Assessment == "" {
		t.Errorf("K did not move the note up: %+v", notes)
	}
	press(t, m, "x")
	notes, _ = s.BriefingNotes(ctx, "2026-11-26", data.MustPeriod("2026-10"))
	if len(notes) != 2 {
		t.Errorf("%d notes after x", len(notes))
	}
	// p puts the briefing into the members' pack.
	press(t, m, "p")
	mustContain(t, screen(m), "[x] med i ledamöternas handlingar")
	if on, _ := s.BriefingInPack(ctx, "2026-11-26"); !on {
		t.Error("p did not put the briefing into the pack")
	}
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkScreen(t, m, "beredning resized")
	}
	press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Errorf("esc left %d screens", len(m.stack))
	}
}

// The secretary opens the meetings, the November agenda, adds an item,
// attaches a PDF to it, numbers the meeting, and removes the item.
func TestMeetingsAndAgenda(t *testing.T) {
	s := demoCopy(t)
	ctx := context.Background()
	m := newBoard(t, s, Options{NoColor: true, Period: data.MustPeriod("2026-10")}, 120, 40)
	press(t, m, "M")
	mustContain(t, screen(m), "Sammanträden", "2026-10-22", "2026-11-26", "§ 151–164")
	checkScreen(t, m, "meetings")
	press(t, m, "enter")
	mustContain(t, screen(m), "Föredragningslista · sammanträdet 26 november 2026", "Kallelsen kan gå ut.", "§ 164", "[sluten del]")
	checkScreen(t, m, "agenda")

	press(t, m, "a")
	typeText(t, m, "Information om IVO:s tillsyn")
	save(t, m)
	mustContain(t, screen(m), "Tillagt: Information om IVO:s tillsyn")
	meeting, _ := s.MeetingOn(ctx, "2026-11-26")
	added := meeting.Items[len(meeting.Items)-1]
	if added.Title != "Information om IVO:s tillsyn" || added.Paragraph != 0 {
		t.Fatalf("added %+v", added)
	}
	// Without a proposal or document the check warns.
	mustContain(t, screen(m), "saknar förslag till beslut")

	pdfPath := filepath.Join(t.TempDir(), "ivo-beslut.pdf")
	var pdfBytes bytes.Buffer
	if err := pdf.Write(&pdfBytes, &doc.Doc{Title: "IVO:s beslut"}, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdfPath, pdfBytes.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	press(t, m, "G", "d", "tab", "tab", "tab")
	typeText(t, m, pdfPath)
	save(t, m)
	mustContain(t, screen(m), "ivo-beslut", "(bifogad PDF)")
	if !strings.Contains(screen(m), "▌          · ivo-beslut") {
		t.Errorf("the cursor is not on the new document:\n%s", screen(m))
	}
	meeting, _ = s.MeetingOn(ctx, "2026-11-26")
	docs := meeting.Items[len(meeting.Items)-1].Documents
	if len(docs) != 1 || docs[0].Title != "ivo-beslut" || !strings.HasPrefix(string(docs[0].PDF), "%PDF-") {
		t.Fatalf("documents %+v", docs)
	}
	// A .pdf that is not one is refused, and nothing is saved.
	bad := filepath.Join(t.TempDir(), "fel.pdf")
	os.WriteFile(bad, []byte("%PDF-1.4\nnot really\n"), 0o600)
	press(t, m, "d", "tab", "tab", "tab")
	typeText(t, m, bad)
	save(t, m)
	mustContain(t, screen(m), "är ingen PDF")

	press(t, m, "n")
	mustContain(t, screen(m), "Numrerat: § 151–165.")
	meeting, _ = s.MeetingOn(ctx, "2026-11-26")
	if p := meeting.Items[len(meeting.Items)-1].Paragraph; p != 165 {
		t.Errorf("the new item has § %d", p)
	}
	// x asks once more, then removes the row under the cursor (the new item).
	press(t, m, "up", "x") // from the new document up to its item
	mustContain(t, screen(m), "Tryck x igen")
	press(t, m, "x")
	meeting, _ = s.MeetingOn(ctx, "2026-11-26")
	if len(meeting.Items) != 14 {
		t.Errorf("%d items after removing", len(meeting.Items))
	}
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkScreen(t, m, "agenda resized")
	}
	press(t, m, "esc", "esc")
	if len(m.stack) != 1 {
		t.Errorf("esc esc left %d screens", len(m.stack))
	}
}

// The new screens draw something sensible at any size, even 0×0.
func TestPaperScreensAnySize(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true}, 120, 40)
	a := m.board().app
	for _, s := range []Screen{newBriefingScreen(a), newMeetingsScreen(a), newAgendaScreen(a, "2026-11-26")} {
		for _, size := range [][2]int{{0, 0}, {1, 1}, {20, 5}} {
			s.SetSize(size[0], size[1])
			_ = s.View(size[0], size[1])
		}
	}
}
