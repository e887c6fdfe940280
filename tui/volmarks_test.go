package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
)

// cursorLine is the line of the volumes pane, as drawn at its place on
// the screen, that its cursor (▌) is on; "" when none.
func cursorLine(m *Model) string {
	b := m.board()
	r := b.layout().panes[paneVolumes]
	if r.w == 0 {
		return ""
	}
	lines := strings.Split(screen(m), "\n")
	for y := r.y + 1; y < r.y+r.h && y < len(lines); y++ {
		if s := cutCells(lines[y], r.x, r.w); strings.Contains(s, "▌") {
			return s
		}
	}
	return ""
}

// cutCells is w cells of s from cell x.
func cutCells(s string, x, w int) string {
	return ansi.Cut(s, x, x+w)
}

// firstWord is the start of a name, as even a narrow pane shows it.
func firstWord(s string) string {
	s = strings.Fields(s)[0]
	if r := []rune(s); len(r) > 6 {
		return string(r[:6])
	}
	return s
}

// The director moves the cursor in the volumes pane, marks an indicator
// and a measure for the briefing, sees ◆ on both and in Beredning, and
// unmarks them again.
func TestVolumesCursorMarksMeasureAndIndicator(t *testing.T) {
	s := demoCopy(t)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	m := newBoard(t, s, Options{NoColor: true, Period: p}, 120, 40)
	b := m.board()
	if line := cursorLine(m); line != "" {
		t.Fatalf("a cursor in the volumes pane before it has the focus: %q", line)
	}
	press(t, m, "tab", "tab", "tab") // gaps, budget, volumes
	if b.focus != paneVolumes {
		t.Fatalf("focus on pane %d, want the volumes", b.focus)
	}
	rows := volumeRows(b.detail(b.sel), b.l)
	ind := -1
	for i, r := range rows {
		if r.kind == data.RefIndicator {
			ind = i
			break
		}
	}
	if ind < 1 {
		t.Fatalf("the demo's first area needs a measure and an indicator: %+v", rows)
	}
	if line := cursorLine(m); !strings.Contains(line, firstWord(rows[0].label)) {
		t.Fatalf("cursor not on the first measure %q: %q", rows[0].label, line)
	}
	for range ind {
		press(t, m, "down")
	}
	if b.volCursor != ind || !strings.Contains(cursorLine(m), firstWord(rows[ind].label)) {
		t.Fatalf("after %d downs: cursor %d on %q, want the indicator %q", ind, b.volCursor, cursorLine(m), rows[ind].label)
	}
	press(t, m, "m")
	mustContain(t, screen(m), "Markerad för beredningen inför 26 november 2026")
	if line := cursorLine(m); !strings.Contains(line, "◆") {
		t.Errorf("the marked indicator shows no ◆: %q", line)
	}
	press(t, m, "up", "m") // the last measure
	if line := cursorLine(m); !strings.Contains(line, "◆") || !strings.Contains(line, firstWord(rows[ind-1].label)) {
		t.Errorf("the marked measure shows no ◆: %q", line)
	}
	if n := strings.Count(screen(m), "◆"); n < 2 {
		t.Errorf("%d ◆ on the screen, want the measure's and the indicator's:\n%s", n, screen(m))
	}
	notes, err := s.BriefingNotes(ctx, "2026-11-26", p)
	if err != nil || len(notes) != 2 {
		t.Fatalf("%d notes, %v", len(notes), err)
	}
	if notes[0].RefKind != data.RefIndicator || notes[0].Ref != rows[ind].ref || notes[0].Scope != rows[ind].scope ||
		notes[1].RefKind != data.RefMeasure || notes[1].Ref != rows[ind-1].ref || notes[1].Scope != b.sel {
		t.Errorf("stored %+v", notes)
	}

	press(t, m, "b")
	mustContain(t, screen(m), "◆ Indikator", "◆ Mått")
	press(t, m, "esc")

	// The cursor stays in view when the pane is small, at 80×24 too.
	for _, size := range [][2]int{{80, 24}, {200, 50}, {120, 40}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(t, m, "G")
		last := rows[len(rows)-1]
		if line := cursorLine(m); !strings.Contains(line, firstWord(last.label)) {
			t.Errorf("%dx%d: G leaves the cursor off screen (want %q):\n%s", size[0], size[1], last.label, screen(m))
		}
		press(t, m, "g")
		if line := cursorLine(m); !strings.Contains(line, firstWord(rows[0].label)) {
			t.Errorf("%dx%d: g leaves the cursor off screen:\n%s", size[0], size[1], screen(m))
		}
		checkScreen(t, m, "volumes cursor")
	}

	// m again unmarks both.
	for range ind - 1 {
		press(t, m, "down")
	}
	press(t, m, "m", "down", "m")
	mustContain(t, screen(m), "Markeringen för beredningen inför 26 november 2026 är borttagen")
	if strings.Contains(screen(m), "◆") {
		t.Errorf("◆ left after unmarking:\n%s", screen(m))
	}
	if notes, _ := s.BriefingNotes(ctx, "2026-11-26", p); len(notes) != 0 {
		t.Errorf("%d notes after unmarking", len(notes))
	}
}

// The area's own rows ("Gemensamt för området") are no unit a mark can
// name: m there says so and stores nothing.
func TestVolumesMarkRefusedAreaWide(t *testing.T) {
	s := demoCopy(t)
	p := data.MustPeriod("2026-10")
	// a measure booked on the first area itself, as some units' files do
	if _, err := s.DB().Exec(`INSERT INTO measure_value(measure_id, area_id, unit_id, period, value)
		SELECT min(id), (SELECT id FROM area ORDER BY sort, id LIMIT 1), NULL, ?, 7 FROM measure`, p.String()); err != nil {
		t.Fatal(err)
	}
	m := newBoard(t, s, Options{NoColor: true, Period: p}, 120, 40)
	press(t, m, "enter")
	for !m.board().rows[m.board().cursor].areaWide {
		press(t, m, "down")
	}
	press(t, m, "tab", "tab", "tab")
	rows := volumeRows(m.detail(m.sel), m.l)
	if len(rows) == 0 || rows[0].kind != data.RefMeasure {
		t.Fatalf("the area-wide rows show no measure: %+v", rows)
	}
	press(t, m, "m")
	mustContain(t, screen(m), "Välj området eller en enhet för att markera ett mått.")
	if notes, _ := s.BriefingNotes(context.Background(), "2026-11-26", p); len(notes) != 0 {
		t.Errorf("stored %+v", notes)
	}
}
