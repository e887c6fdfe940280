package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
)

// A typo'd area, a custom measure, a changed outcome, a changed measure
// value and a narrative: everything an import can add or overwrite.
const typoBudget = "omrade;enhet;period;konto;budget;utfall\n" +
	"Barn och ungaa;Utredningsenheten;2026-10;personal;100;90\n" +
	"Barn och unga;Utredningsenheten;2026-09;personal;1234,5;1400\n"

const typoMeasures = "omrade;enhet;period;matt;varde;mal;riktning;status\n" +
	"Barn och unga;Utredningsenheten;2026-10;Sjukfrånvaro (%);9,25;6;lag;rod\n" +
	"Barn och ungaa;;2026-10;Väntetid i dagar;12;;;\n"

const typoNarrative = "omrade;enhet;period;typ;allvar;rubrik;text\n" +
	"Barn och ungaa;;2026-10;risk;hog;Ny risk;Text\n"

func undo(t *testing.T, s *data.Store, run int64) (data.UndoResult, error) {
	t.Helper()
	return s.UndoImport(context.Background(), run, "controller", "2026-11-21T08:00:00Z")
}

func TestUndoTakesBackATypoImport(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, Options{}, "testdata/sv")
	before := dump(t, s, true)
	var measuresBefore int
	queryRow(t, s, `SELECT count(*) FROM measure`, nil, &measuresBefore)

	dir := t.TempDir()
	rep := mustImport(t, s, Options{User: "controller"},
		writeFile(t, dir, "budget.csv", []byte(typoBudget)),
		writeFile(t, dir, "matt.csv", []byte(typoMeasures)),
		writeFile(t, dir, "berattelser.csv", []byte(typoNarrative)))
	if tot := rep.Totals(); tot.AreasCreated != 1 || tot.Changed != 2 || tot.New != 3 || rep.Run == 0 {
		t.Fatalf("typo import: run %d, %+v", rep.Run, tot)
	}
	if dump(t, s, true) == before {
		t.Fatal("the typo import changed nothing")
	}

	res, err := undo(t, s, rep.Run)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 3 || res.Restored != 2 || res.AreasRemoved != 1 || res.MeasuresRemoved != 1 || len(res.Kept) != 0 {
		t.Errorf("undo did %+v", res)
	}
	if after := dump(t, s, true); after != before {
		t.Errorf("after undo the database differs from before the import:\n%s", diffLines(before, after))
	}
	// The log keeps the import, marked undone; a second undo is refused.
	runs, err := s.ImportRuns(context.Background(), 10)
	if err != nil || len(runs) != 2 || runs[0].ID != rep.Run || runs[0].UndoneAt == "" || runs[0].UndoneBy != "controller" || len(runs[0].Files) != 3 {
		t.Fatalf("runs after undo: %+v %v", runs, err)
	}
	if _, err := undo(t, s, rep.Run); !errors.Is(err, data.ErrAlreadyUndone) {
		t.Errorf("second undo: %v", err)
	}
	if _, err := undo(t, s, 999); !errors.Is(err, data.ErrNoSuchImport) {
		t.Errorf("undo of an unknown import: %v", err)
	}
}

// An import that overwrote values gets them back, to the bit: a REAL
// measure value and a NULL forecast included.
func TestUndoRestoresOverwrittenValues(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, Options{}, "testdata/sv")
	_, o0, f0 := budgetOf(t, s, "Barn och unga", "Utredningsenheten", "2026-09", "personal")
	var v0 float64
	queryRow(t, s, `SELECT value FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.key = 'sjukfranvaro_pct' AND v.period = '2026-10'`, nil, &v0)
	before := dump(t, s, true)

	dir := t.TempDir()
	rep := mustImport(t, s, Options{},
		writeFile(t, dir, "budget.csv", []byte("omrade;enhet;period;konto;budget;utfall;prognos\nBarn och unga;Utredningsenheten;2026-09;personal;1234,5;1400;\n")),
		writeFile(t, dir, "matt.csv", []byte("omrade;enhet;period;matt;varde;mal;riktning;status\nBarn och unga;Utredningsenheten;2026-10;Sjukfrånvaro (%);0,1;6;lag;rod\n")))
	if tot := rep.Totals(); tot.Changed != 2 || tot.New != 0 {
		t.Fatalf("overwrite: %+v", tot)
	}
	if _, o, f := budgetOf(t, s, "Barn och unga", "Utredningsenheten", "2026-09", "personal"); o == o0 || f == f0 {
		t.Fatalf("the overwrite did not overwrite: %d %d", o, f)
	}
	if _, err := undo(t, s, rep.Run); err != nil {
		t.Fatal(err)
	}
	_, o, f := budgetOf(t, s, "Barn och unga", "Utredningsenheten", "2026-09", "personal")
	var v float64
	queryRow(t, s, `SELECT value FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.key = 'sjukfranvaro_pct' AND v.period = '2026-10'`, nil, &v)
	if o != o0 || f != f0 || v != v0 {
		t.Errorf("restored outcome %d forecast %d value %v, want %d %d %v", o, f, v, o0, f0, v0)
	}
	if after := dump(t, s, true); after != before {
		t.Errorf("after undo:\n%s", diffLines(before, after))
	}
}

// A later import that changed the same rows must be undone first; the
// refused undo changes nothing.
func TestUndoRefusedAfterALaterOverlappingImport(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, Options{}, "testdata/sv")
	original := dump(t, s, true)
	dir := t.TempDir()
	first := mustImport(t, s, Options{}, writeFile(t, dir, "a/budget.csv", []byte(typoBudget)))
	// The second changes a row the first added and a row the first changed.
	second := mustImport(t, s, Options{}, writeFile(t, dir, "b/budget.csv", []byte("omrade;enhet;period;konto;budget;utfall\n"+
		"Barn och ungaa;Utredningsenheten;2026-10;personal;100;95\n"+
		"Barn och unga;Utredningsenheten;2026-09;personal;1234,5;1500\n")))
	// A third touches other rows only.
	third := mustImport(t, s, Options{}, writeFile(t, dir, "c/budget.csv", []byte("omrade;enhet;period;konto;budget;utfall\n"+
		"Vuxen;;2026-10;ovrigt;10;10\n")))
	if second.Totals().Changed != 2 {
		t.Fatalf("second import: %+v", second.Totals())
	}
	mid := dump(t, s, true)
	_, err := undo(t, s, first.Run)
	var conflict *data.UndoConflictError
	if !errors.As(err, &conflict) || len(conflict.Later) != 1 || conflict.Later[0] != second.Run {
		t.Fatalf("undo of the first: %v, want a conflict with import %d only", err, second.Run)
	}
	if dump(t, s, true) != mid {
		t.Fatal("a refused undo changed the database")
	}
	for _, run := range []int64{second.Run, first.Run, third.Run} {
		if _, err := undo(t, s, run); err != nil {
			t.Fatalf("undo %d: %v", run, err)
		}
	}
	if after := dump(t, s, true); after != original {
		t.Errorf("after undoing all three:\n%s", diffLines(original, after))
	}
}

// An area the import created stays while a later import's rows are in
// it, and undo says so.
func TestUndoKeepsAnAreaOthersUse(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	first := mustImport(t, s, Options{}, writeFile(t, dir, "a/budget.csv", []byte("omrade;enhet;period;konto;budget;utfall\nNytt område;Enhet A;2026-10;personal;1;1\n")))
	mustImport(t, s, Options{}, writeFile(t, dir, "b/budget.csv", []byte("omrade;enhet;period;konto;budget;utfall\nNytt område;;2026-11;personal;2;2\n")))
	res, err := undo(t, s, first.Run)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 1 || res.AreasRemoved != 0 || res.UnitsRemoved != 1 || len(res.Kept) != 1 || res.Kept[0] != "Nytt område" {
		t.Errorf("undo: %+v", res)
	}
	if count(t, s, "area") != 1 || count(t, s, "unit") != 0 || count(t, s, "budget") != 1 {
		t.Errorf("left %d areas, %d units, %d budget rows", count(t, s, "area"), count(t, s, "unit"), count(t, s, "budget"))
	}
}

// The recording lives only inside an import: later writes, refused
// imports and dry runs leave nothing behind.
func TestUndoRecordingEndsWithTheImport(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, Options{}, "testdata/sv")
	dir := t.TempDir()
	if _, err := importPaths(t, s, Options{}, writeFile(t, dir, "budget.csv", []byte("omrade;enhet;period;konto;budget\nBarn och unga;;2026-13;personal;1\n"))); !errors.Is(err, ErrRefused) {
		t.Fatalf("bad file: %v", err)
	}
	mustImport(t, s, Options{DryRun: true}, writeFile(t, dir, "b/budget.csv", []byte(typoBudget)))
	changes := count(t, s, "import_change")
	for i := 0; i < 4; i++ { // every pooled connection gets a chance
		err := s.Write(context.Background(), func(tx *data.Tx) error {
			_, err := tx.SQL().Exec(`UPDATE budget SET outcome = ifnull(outcome, 0) + 1`)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, "import_change"); n != changes {
		t.Errorf("plain writes recorded %d changes", n-changes)
	}
	if runs, _ := s.ImportRuns(context.Background(), 10); len(runs) != 1 {
		t.Errorf("a refused import or a dry run left a run: %+v", runs)
	}
}

// diffLines shows the lines of b not in a and of a not in b.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range splitLines(s) {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	out := ""
	for _, l := range splitLines(a) {
		if !mb[l] {
			out += "- " + l + "\n"
		}
	}
	for _, l := range splitLines(b) {
		if !ma[l] {
			out += "+ " + l + "\n"
		}
	}
	return out
}

func splitLines(s string) []string { return strings.Split(s, "\n") }
