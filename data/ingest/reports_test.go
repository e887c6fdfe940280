package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

const correction = "omrade;enhet;period;konto;budget;utfall\nBarn och unga;Utredningsenheten;2026-10;personal;1234,5;1300\n"

func unitID(t *testing.T, s *data.Store, name string) int64 {
	t.Helper()
	var id int64
	queryRow(t, s, `SELECT id FROM unit WHERE name = ?`, []any{name}, &id)
	return id
}

func reportOf(t *testing.T, s *data.Store, unit int64, p string) data.ReportState {
	t.Helper()
	r, err := s.ReportStateOf(context.Background(), unit, data.MustPeriod(p))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func review(t *testing.T, s *data.Store, unit int64, kind data.EventKind, note string) {
	t.Helper()
	if _, err := s.Review(context.Background(), data.ReviewAction{UnitID: unit, Period: data.MustPeriod("2026-10"), Kind: kind,
		Actor: "controller", At: "2026-11-12T10:00:00Z", Note: note}); err != nil {
		t.Fatal(err)
	}
}

func kindsOf(t *testing.T, s *data.Store, unit int64) []string {
	t.Helper()
	evs, err := s.AuditEvents(context.Background(), data.AuditFilter{UnitID: unit, Period: data.MustPeriod("2026-10")})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, string(e.Kind))
	}
	return out
}

// An import submits the reports it brings, resubmits one sent back, and
// is refused on an approved one unless told to reopen it.
func TestImportSubmitsAndApprovedReportsAreLocked(t *testing.T) {
	s := newStore(t)
	rep := mustImport(t, s, Options{User: "enhetschef"}, "testdata/sv")
	if len(rep.Reports) == 0 || !strings.Contains(rep.Render(lang.SV), "Enhetsrapporter:") {
		t.Fatalf("the import submitted no reports: %s", rep.Render(lang.SV))
	}
	u := unitID(t, s, "Utredningsenheten")
	if r := reportOf(t, s, u, "2026-10"); r.Status != data.ReportSubmitted || r.SubmittedBy != "enhetschef" {
		t.Fatalf("after the first import: %+v", r)
	}
	// The same files again change nothing, and say nothing in the trail.
	before := len(kindsOf(t, s, u))
	mustImport(t, s, Options{User: "enhetschef"}, "testdata/sv")
	if n := len(kindsOf(t, s, u)); n != before {
		t.Errorf("an unchanged import added %d events", n-before)
	}

	review(t, s, u, data.EventSendBack, "Komplettera personalen")
	dir := t.TempDir()
	mustImport(t, s, Options{User: "enhetschef"}, writeFile(t, dir, "a/budget.csv", []byte(correction)))
	if r := reportOf(t, s, u, "2026-10"); r.Status != data.ReportSubmitted || !r.Resubmitted {
		t.Fatalf("after the correction: %+v", r)
	}
	review(t, s, u, data.EventApprove, "")

	locked := dump(t, s, false)
	changed := writeFile(t, dir, "b/budget.csv", []byte(strings.Replace(correction, "1300", "1350", 1)))
	for _, dry := range []bool{true, false} {
		rep, err := importPaths(t, s, Options{User: "enhetschef", DryRun: dry}, changed)
		if !errors.Is(err, ErrRefused) || len(rep.Errors) != 1 {
			t.Fatalf("import into an approved report (dry run %v): %v %+v", dry, err, rep.Errors)
		}
		for _, l := range []lang.Lang{lang.SV, lang.EN} {
			msg := rep.Errors[0].Render(l)
			if !strings.Contains(msg, "Utredningsenheten") || !strings.Contains(msg, "2026-10") || !strings.Contains(msg, "--reopen") {
				t.Errorf("%s", msg)
			}
		}
	}
	if dump(t, s, false) != locked {
		t.Fatal("a refused import wrote")
	}
	// Unchanged rows of an approved report do not count as changing it.
	mustImport(t, s, Options{User: "enhetschef"}, writeFile(t, dir, "c/budget.csv", []byte(correction)))

	rep = mustImport(t, s, Options{User: "enhetschef", Reopen: "Rättat utfall för personal"}, changed)
	if len(rep.Reports) != 1 || rep.Reports[0].Status != data.ReportApproved {
		t.Fatalf("reopened %+v", rep.Reports)
	}
	want := "submit send_back resubmit approve reopen update"
	if got := strings.Join(kindsOf(t, s, u), " "); got != want {
		t.Errorf("trail %s, want %s", got, want)
	}
	// Only the affected report was reopened.
	for _, r := range mustStates(t, s) {
		if r.UnitID != u && r.Status == data.ReportApproved {
			t.Errorf("%s was approved", r.Unit)
		}
	}
	if _, brk, err := s.VerifyAudit(context.Background()); brk != nil || err != nil {
		t.Fatalf("verify: %v %v", brk, err)
	}
}

func mustStates(t *testing.T, s *data.Store) []data.ReportState {
	t.Helper()
	rs, err := s.ReportStates(context.Background(), data.MustPeriod("2026-10"))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// An undo may not change an approved report either; on a submitted one
// it puts the report back where the import found it.
func TestUndoAndTheReviewLock(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, Options{User: "enhetschef"}, "testdata/sv")
	u := unitID(t, s, "Utredningsenheten")
	review(t, s, u, data.EventSendBack, "Komplettera")
	dir := t.TempDir()
	fix := mustImport(t, s, Options{User: "enhetschef"}, writeFile(t, dir, "a/budget.csv", []byte(correction)))
	review(t, s, u, data.EventApprove, "")
	_, err := undo(t, s, fix.Run)
	var locked *data.LockedReportsError
	if !errors.As(err, &locked) || len(locked.Reports) != 1 || locked.Reports[0].Unit != "Utredningsenheten" {
		t.Fatalf("undo into an approved report: %v", err)
	}
	review2 := func() {
		if _, err := s.Review(context.Background(), data.ReviewAction{UnitID: u, Period: data.MustPeriod("2026-10"), Kind: data.EventReopen,
			Actor: "controller", At: "2026-11-13T10:00:00Z", Note: "Fel fil"}); err != nil {
			t.Fatal(err)
		}
	}
	review2()
	if _, err := undo(t, s, fix.Run); err != nil {
		t.Fatal(err)
	}
	// The correction is taken back: the report waits for one again.
	if r := reportOf(t, s, u, "2026-10"); r.Status != data.ReportSentBack {
		t.Errorf("after undo: %s", r.Status)
	}
	if got := kindsOf(t, s, u); got[len(got)-1] != "undo" {
		t.Errorf("trail %v", got)
	}
}
