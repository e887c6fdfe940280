package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

const delegationCSV = "Datum;Beslutsfattare;Lagrum;Ärendetyp;Antal\n" +
	"2026-10-01;Socialsekreterare;4 kap. 1 § SoL;Ekonomiskt bistånd, bifall;42\n" +
	"20261002;Enhetschef;11 kap. 1 § SoL;Inleda utredning gällande barn;9\n" +
	"2026-11-03;Enhetschef;11 kap. 1 § SoL;Inleda utredning gällande barn;4\n"

// A delegation-decisions file is known from its columns, read to the day,
// and imported again without change; a count that changes is a change.
func TestImportDelegationDecisions(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	// The name says nothing of the kind: the columns do.
	p := writeFile(t, dir, "oktober.csv", []byte(delegationCSV))
	rep := mustImport(t, s, Options{}, p)
	if len(rep.Summaries) != 1 || rep.Summaries[0].Kind != KindDelegation || rep.Summaries[0].New != 3 {
		t.Fatalf("summary %+v", rep.Summaries[0])
	}
	oct, err := s.DelegationDecisions(context.Background(), data.MustPeriod("2026-10"))
	if err != nil {
		t.Fatal(err)
	}
	want := []data.DelegationDecision{
		{Date: "2026-10-01", Beslutsfattare: "Socialsekreterare", Lagrum: "4 kap. 1 § SoL", Arendetyp: "Ekonomiskt bistånd, bifall", Antal: 42},
		{Date: "2026-10-02", Beslutsfattare: "Enhetschef", Lagrum: "11 kap. 1 § SoL", Arendetyp: "Inleda utredning gällande barn", Antal: 9},
	}
	if len(oct) != 2 || oct[0] != want[0] || oct[1] != want[1] {
		t.Errorf("October: %+v", oct)
	}
	rep = mustImport(t, s, Options{}, p)
	if rep.Summaries[0].Unchanged != 3 {
		t.Errorf("again: %+v", rep.Summaries[0])
	}
	changed := writeFile(t, dir, "delegationsbeslut.csv", []byte(strings.Replace(delegationCSV, ";42\n", ";43\n", 1)))
	rep = mustImport(t, s, Options{}, changed)
	if rep.Summaries[0].Changed != 1 || rep.Summaries[0].Unchanged != 2 {
		t.Errorf("changed: %+v", rep.Summaries[0])
	}
	// Undo restores the count and removes what the first import added.
	if _, err := s.UndoImport(context.Background(), rep.Run, "test", "2026-11-21T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	oct, _ = s.DelegationDecisions(context.Background(), data.MustPeriod("2026-10"))
	if len(oct) != 2 || oct[0].Antal != 42 {
		t.Errorf("after undo: %+v", oct)
	}
}

// Bad rows are named by line and column, nothing is written, and a
// personnummer is refused (the kind carries no personal data).
func TestImportDelegationDecisionsRefusesBadRows(t *testing.T) {
	s := newStore(t)
	p := writeFile(t, t.TempDir(), "delegationsbeslut.csv", []byte("datum,beslutsfattare,lagrum,arendetyp,antal\n"+
		"2026-13-01,Socialsekreterare,4 kap. 1 § SoL,Bistånd,1\n"+
		"2026-10-01,Handläggare 121212-1212,4 kap. 1 § SoL,Bistånd,2\n"+
		"2026-10-02,Socialsekreterare,,Bistånd,-3\n"+
		"2026-10-03,Socialsekreterare,4 kap. 1 § SoL,Bistånd,1\n"+
		"2026-10-03,Socialsekreterare,4 kap. 1 § SoL,Bistånd,2\n"))
	rep, err := importPaths(t, s, Options{}, p)
	if err == nil {
		t.Fatal("a bad file was imported")
	}
	text := rep.RenderErrors(lang.SV)
	for _, want := range []string{
		`rad 2, kolumn "datum": "2026-13-01" är inget datum`,
		`rad 3, kolumn "beslutsfattare": texten innehåller ett personnummer`,
		`rad 4, kolumn "lagrum"`,
		`rad 4, kolumn "antal": "-3" kan inte vara negativt`,
		`rad 6`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("errors lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "121212") {
		t.Error("the error repeats the personnummer")
	}
	if n := count(t, s, "delegation_decision"); n != 0 {
		t.Errorf("%d rows written", n)
	}
}

func TestParseDay(t *testing.T) {
	for in, want := range map[string]string{"2026-10-05": "2026-10-05", "20261005": "2026-10-05", "2026-10-05 00:00:00": "2026-10-05",
		"2026/10/05": "2026-10-05", "2026-02-30": "", "okt 2026": "", "": ""} {
		got, ok := parseDay(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseDay(%q) = %q, %v", in, got, ok)
		}
	}
}
