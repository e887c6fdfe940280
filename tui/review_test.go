package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// reviewStore is a copy of the demo, for tests that write to it.
func reviewStore(t *testing.T) *data.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demoStore.DB().Exec(`VACUUM INTO ?`, path); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func eventCount(t *testing.T, s *data.Store) int {
	t.Helper()
	evs, err := s.AuditEvents(context.Background(), data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

func reportOf(m *Model) *reportScreen {
	r, _ := m.top().(*reportScreen)
	return r
}

// The list, a report, a send-back through the form, esc that writes
// nothing, and a refusal shown in words.
func TestReviewSendBackThroughTheForm(t *testing.T) {
	s := reviewStore(t)
	m := newBoard(t, s, Options{}, 120, 40)
	if !strings.Contains(screen(m), "11 av 16 rapporter godkända") {
		t.Fatalf("header:\n%s", screen(m))
	}
	press(t, m, "r")
	if l, ok := m.top().(*reviewList); !ok || len(l.items) != 16 {
		t.Fatalf("the list did not open:\n%s", screen(m))
	}
	checkScreen(t, m, "list")
	press(t, m, "/")
	typeText(t, m, "falt")
	press(t, m, "enter", "enter")
	r := reportOf(m)
	if r == nil || r.state.Unit != "Fältgruppen" {
		t.Fatalf("report:\n%s", screen(m))
	}
	before := eventCount(t, s)
	// esc cancels the form and writes nothing
	press(t, m, "s")
	typeText(t, m, "Halvfärdigt")
	press(t, m, "esc")
	if r.step != formNone || eventCount(t, s) != before || !strings.Contains(screen(m), "Avbrutet, inget sparat.") {
		t.Fatalf("esc wrote or stayed:\n%s", screen(m))
	}
	// a send-back without a reason does not go on
	press(t, m, "s", "enter")
	if r.step != formNote || !strings.Contains(screen(m), "Skriv ett skäl först.") {
		t.Fatalf("empty reason:\n%s", screen(m))
	}
	typeText(t, m, "Beskriv uppsökandet")
	press(t, m, "enter")
	if r.step != formConfirm || !strings.Contains(screen(m), "y eller enter sparar") {
		t.Fatalf("confirmation:\n%s", screen(m))
	}
	press(t, m, "y")
	if r.state.Status != data.ReportSentBack || eventCount(t, s) != before+1 {
		t.Fatalf("not sent back: %s\n%s", r.state.Status, screen(m))
	}
	checkScreen(t, m, "report")
	// approving a report that is sent back is refused, with who sent it back
	press(t, m, "a", "enter", "enter")
	if !strings.Contains(screen(m), "återsänd för komplettering") || eventCount(t, s) != before+1 {
		t.Fatalf("approve of a sent-back report:\n%s", screen(m))
	}
	// a comment on the row under the cursor
	press(t, m, "down", "c")
	typeText(t, m, "Varför?")
	press(t, m, "enter", "enter")
	evs, _ := s.AuditEvents(context.Background(), data.AuditFilter{Period: data.MustPeriod("2026-10"), UnitID: r.state.UnitID})
	last := evs[len(evs)-1]
	if last.Kind != data.EventComment || last.TargetKind != data.TargetBudget || last.Text != "Varför?" {
		t.Errorf("comment %+v", last)
	}
	press(t, m, "esc")
	if _, ok := m.top().(*reviewList); !ok {
		t.Fatal("esc did not go back to the list")
	}
}

func TestReviewScreensSurviveAnySize(t *testing.T) {
	m := newBoard(t, demoStore, Options{}, 120, 40)
	press(t, m, "r", "enter")
	for _, sz := range [][2]int{{0, 0}, {40, 12}, {80, 24}, {200, 50}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		_ = screen(m)
		if sz[0] > 0 {
			checkScreen(t, m, fmt.Sprint(sz))
		}
	}
}

func TestReviewListGolden(t *testing.T) {
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], l.Code()), func(t *testing.T) {
				goldenBoard(t, Options{Lang: l}, sz[0], sz[1], "r")
			})
		}
	}
}

// The report of Utredningsenheten: sent back once, completed, approved.
func TestReportGolden(t *testing.T) {
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], l.Code()), func(t *testing.T) {
				goldenBoard(t, Options{Lang: l}, sz[0], sz[1], "r", "down", "enter")
			})
		}
	}
}

// A gap on a unit whose report is not approved says so when opened.
func TestGapOnAnUnapprovedReportSaysSo(t *testing.T) {
	s := reviewStore(t)
	ctx := context.Background()
	states, err := s.ReportStates(ctx, data.MustPeriod("2026-10"))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range states {
		if st.Unit == "Mottagningsenheten" {
			if _, err := s.Review(ctx, data.ReviewAction{UnitID: st.UnitID, Period: st.Period, Kind: data.EventReopen,
				Actor: "test", At: "2026-11-12T10:00:00Z", Note: "Fel i personalbudgeten"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	m := newBoard(t, s, Options{}, 120, 40)
	press(t, m, "enter", "down")
	if !strings.Contains(screen(m), "Mottagningsenheten · ● ej granskad") {
		t.Fatalf("header:\n%s", screen(m))
	}
	press(t, m, "tab", "enter")
	if !strings.Contains(screen(m), "Glappet står på en rapport som inte är godkänd: ● ej granskad.") {
		t.Errorf("gap:\n%s", screen(m))
	}
}
