package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
)

// An import touching more reports than one INSERT writes events for
// (600 unit-months: 6 units × 100 months) chains every event, submits
// every report, and puts each reopen right before its report's update;
// undoing it chains an undo event for each report.
func TestImportChainsManyReports(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	files := [2]string{filepath.Join(dir, "a", "budget.csv"), filepath.Join(dir, "b", "budget.csv")}
	for i, f := range files {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := writeBenchCSVOutcome(f, 3000, i+1); err != nil {
			t.Fatal(err)
		}
	}
	rep := mustImport(t, s, Options{User: "enhetschef"}, files[0])
	if len(rep.Reports) != 600 {
		t.Fatalf("%d reports submitted, want 600", len(rep.Reports))
	}
	var reports int
	queryRow(t, s, `SELECT count(*) FROM unit_report WHERE status = 'inlamnad' AND submitted_by = 'enhetschef'`, nil, &reports)
	if reports != 600 {
		t.Fatalf("%d reports stored as submitted, want 600", reports)
	}
	approved := []struct {
		unit   string
		period string
	}{{"Enhet 01-03", "2018-01"}, {"Enhet 01-06", "2026-04"}}
	for _, a := range approved {
		if _, err := s.Review(context.Background(), data.ReviewAction{UnitID: unitID(t, s, a.unit), Period: data.MustPeriod(a.period),
			Kind: data.EventApprove, Actor: "controller", At: "2026-11-12T10:00:00Z"}); err != nil {
			t.Fatal(err)
		}
	}
	rep = mustImport(t, s, Options{User: "enhetschef", Reopen: "Rättat utfall"}, files[1])
	if len(rep.Reports) != 600 {
		t.Fatalf("%d reports updated, want 600", len(rep.Reports))
	}
	sum, brk, err := s.VerifyAudit(context.Background())
	if err != nil || brk != nil {
		t.Fatalf("verify: %v %v", brk, err)
	}
	if want := 600 + len(approved) + len(approved) + 600; sum.Events != want {
		t.Errorf("%d events in the chain, want %d", sum.Events, want)
	}
	evs, err := s.AuditEvents(context.Background(), data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range evs {
		if e.Kind != data.EventReopen {
			continue
		}
		if next := evs[i+1]; next.Kind != data.EventUpdate || next.UnitID != e.UnitID || next.Period != e.Period || e.Text != "Rättat utfall" {
			t.Errorf("reopen %+v followed by %+v", e, next)
		}
	}
	for _, a := range approved {
		evs, err := s.AuditEvents(context.Background(), data.AuditFilter{UnitID: unitID(t, s, a.unit), Period: data.MustPeriod(a.period)})
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, e := range evs {
			kinds = append(kinds, string(e.Kind))
		}
		if got := strings.Join(kinds, " "); got != "submit approve reopen update" {
			t.Errorf("%s %s: trail %s", a.unit, a.period, got)
		}
	}

	if _, err := s.UndoImport(context.Background(), rep.Run, "controller", "2026-11-21T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	sum, brk, err = s.VerifyAudit(context.Background())
	if err != nil || brk != nil {
		t.Fatalf("verify after the undo: %v %v", brk, err)
	}
	if want := 600 + 4 + 600 + 600; sum.Events != want {
		t.Errorf("%d events after the undo, want %d", sum.Events, want)
	}
}
