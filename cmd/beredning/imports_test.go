package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportsListAndUndo(t *testing.T) {
	db := emptyDB(t)
	if code, _, errs := runImportCLI(t, "import", "--db", db, ingestTestdata+"/sv"); code != 0 {
		t.Fatal(errs)
	}
	before := dumpDB(t, db)
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo_budget.csv")
	os.WriteFile(typo, []byte("omrade;enhet;period;konto;budget;utfall\n"+
		"Barn och ungaa;Utredningsenheten;2026-10;personal;100;90\n"+
		"Barn och unga;Utredningsenheten;2026-09;personal;1234,5;1400\n"), 0o644)
	code, out, errs := runImportCLI(t, "import", "--db", db, typo)
	if code != 0 || !strings.Contains(out, "liknar det befintliga") || !strings.Contains(out, "beredning imports undo 2") {
		t.Fatalf("typo import: %d\n%s%s", code, out, errs)
	}

	code, out, _ = runImportCLI(t, "imports", "--db", db)
	mustHave(t, out, "NR  TID", "controller", "2  kan ångras: typo_budget.csv (budget)", "1  kan ångras: ")
	if code != 0 {
		t.Fatalf("imports: %d", code)
	}

	code, out, errs = runImportCLI(t, "imports", "--db", db, "undo", "2")
	if code != 0 || !strings.Contains(out, "Inläsning 2 är ångrad. Borttagna rader: 1, återställda rader: 1. Borttagna områden: 1") {
		t.Fatalf("undo: %d\n%s%s", code, out, errs)
	}
	if dumpDB(t, db) != before {
		t.Error("after undo the database is not what it was before the typo import")
	}
	_, out, _ = runImportCLI(t, "info", "--db", db)
	mustHave(t, out, "typo_budget.csv", "(controller) – ångrad")
	_, out, _ = runImportCLI(t, "imports", "--db", db, "--lang", "en", "--format", "json")
	var runs []importRunJSON
	if err := json.Unmarshal([]byte(out), &runs); err != nil || len(runs) != 2 || runs[0].UndoneBy != "controller" || runs[0].Undoable || !runs[1].Undoable {
		t.Errorf("json: %v %+v", err, runs)
	}

	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"undo", "2"}, 1, "redan ångrad"},
		{[]string{"undo", "9"}, 1, "ingen inläsning nr 9"},
		{[]string{"undo", "x"}, 2, `"x" är inget inläsningsnummer`},
		{[]string{"undo"}, 2, "Ange vilken inläsning"},
		{[]string{"redo", "2"}, 2, "Okänd åtgärd"},
	} {
		code, _, errs := runImportCLI(t, append([]string{"imports", "--db", db}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("imports %v: exit %d, %q", tc.args, code, errs)
		}
	}
}

func TestImportsUndoRefusedWhenALaterImportChangedTheRows(t *testing.T) {
	db := emptyDB(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("omrade;enhet;period;konto;budget;utfall\n"+content), 0o644)
		return p
	}
	runImportCLI(t, "import", "--db", db, write("a.csv", "Vuxen;;2026-10;personal;100;90\n"))
	runImportCLI(t, "import", "--db", db, write("b.csv", "Vuxen;;2026-10;personal;100;95\n"))
	before := dumpDB(t, db)
	code, _, errs := runImportCLI(t, "imports", "--db", db, "undo", "1")
	if code != 1 || !strings.Contains(errs, "senare inläsningar (nr 2) har ändrat samma rader") || !strings.Contains(errs, "beredning imports undo 2") {
		t.Fatalf("undo 1: %d %q", code, errs)
	}
	if dumpDB(t, db) != before {
		t.Error("a refused undo changed the database")
	}
}
