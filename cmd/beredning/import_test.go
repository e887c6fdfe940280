package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/beredning/beredning/data"
)

const ingestTestdata = "../../data/ingest/testdata"

// importEnv is an env whose streams are buffers.
func importEnv(terminal bool) (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{ctx: context.Background(), stdout: &out, stderr: &errb, stdin: strings.NewReader(""),
		getenv: func(k string) string {
			if k == "USER" {
				return "controller"
			}
			return ""
		},
		isTerminal: func(any) bool { return terminal }}, &out, &errb
}

func runImportCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	e, out, errb := importEnv(false)
	code := run(e, args)
	return code, out.String(), errb.String()
}

func emptyDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "b.db")
	s, err := data.Create(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// dumpDB is the database's content without the import log and its runs.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var b bytes.Buffer
	if err := s.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	var keep []string
	skip := false
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "-- ") {
			// the log, its runs and what undo needs; the reports' audit trail only grows
			skip = strings.HasPrefix(line, "-- import_") || strings.HasPrefix(line, "-- audit_event")
		}
		if !skip {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

func TestImportCommand(t *testing.T) {
	db := emptyDB(t)
	code, out, errs := runImportCLI(t, "import", "--db", db, ingestTestdata+"/sv")
	if code != 0 || !strings.Contains(out, "Klart. Nya rader: 21, ändrade: 0, oförändrade: 0.") || errs != "" {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out, `budget_2026.csv, rad 9, kolumn "Konto": kontot "Lokaler"`) {
		t.Errorf("warnings missing from the summary:\n%s", out)
	}
	before := dumpDB(t, db)

	// Again: every row unchanged, nothing changed; in English.
	code, out, _ = runImportCLI(t, "import", "--db", db, "--lang", "en", ingestTestdata+"/sv")
	if code != 0 || !strings.Contains(out, "Done. New rows: 0, changed: 0, unchanged: 21.") {
		t.Fatalf("re-import: exit %d\n%s", code, out)
	}
	if dumpDB(t, db) != before {
		t.Error("re-import changed the database")
	}

	// The import log holds file, hash, user and counts; info shows it.
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM import_log WHERE user = 'controller' AND file LIKE '%budget_2026.csv' AND rows_new = 6 AND length(sha256) = 64`).Scan(&n)
	s.Close()
	if n != 1 {
		t.Errorf("import log: %d entries for budget_2026.csv", n)
	}
	if code, out, _ := runImportCLI(t, "info", "--db", db); code != 0 || !strings.Contains(out, "budget_2026.csv") {
		t.Errorf("info does not show the import: %d\n%s", code, out)
	}
}

func TestImportRefused(t *testing.T) {
	for _, tc := range []struct {
		file string
		want string
	}{
		{"bad/budget_missing_column.csv", `budget_missing_column.csv, rad 1: kolumner saknas för budget: budget`},
		{"bad/text_in_number.csv", `text_in_number.csv, rad 3, kolumn "utfall": "12,3,4" är inget tal`},
		{"bad/bad_period.csv", `bad_period.csv, rad 2, kolumn "period": "2026-13" är ingen period`},
		{"bad/duplicate_key.csv", `duplicate_key.csv, rad 4: samma område, enhet, period och konto som rad 2, men andra värden`},
		{"bad/empty.csv", `empty.csv: filen är tom`},
		{"bad/truncated_quote.csv", `truncated_quote.csv, rad 2: citattecknet som öppnar ett fält på rad 2 stängs aldrig`},
		{"bad/binary.csv", `binary.csv: ser ut som en binärfil`},
		{"bad/unknown_shape.xlsx", `unknown_shape.xlsx, blad "Sheet1": bladet har ingen känd form`},
		{"bad/narrative_pnr.md", `narrative_pnr.md, rad 7, kolumn "text": texten innehåller ett personnummer`},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			db := emptyDB(t)
			if code, _, _ := runImportCLI(t, "import", "--db", db, ingestTestdata+"/sv/budget_2026.csv"); code != 0 {
				t.Fatal("setup import failed")
			}
			before := dumpDB(t, db)
			code, out, errs := runImportCLI(t, "import", "--db", db, ingestTestdata+"/"+tc.file)
			if code != 1 || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "Inget sparades.") || out != "" {
				t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errs)
			}
			if dumpDB(t, db) != before {
				t.Error("a refused import changed the database")
			}
		})
	}
	// English.
	db := emptyDB(t)
	_, _, errs := runImportCLI(t, "import", "--db", db, "--lang", "en", ingestTestdata+"/bad/text_in_number.csv")
	if !strings.Contains(errs, `text_in_number.csv, line 2, column "utfall": "tolv" is not a number`) || !strings.Contains(errs, "Nothing was saved.") {
		t.Errorf("English errors:\n%s", errs)
	}
}

func TestImportFlags(t *testing.T) {
	db := emptyDB(t)
	before := dumpDB(t, db)
	code, out, _ := runImportCLI(t, "import", ingestTestdata+"/sv", "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "Provkörning, inget sparades. Nya rader: 21,") || dumpDB(t, db) != before {
		t.Errorf("dry run: exit %d\n%s", code, out)
	}
	code, out, _ = runImportCLI(t, "import", "--db", db, "--mask-pnr", ingestTestdata+"/bad/narrative_pnr.md")
	if code != 0 || !strings.Contains(out, "maskerade personnummer: 1") {
		t.Errorf("mask-pnr: exit %d\n%s", code, out)
	}
	if code, _, errs := runImportCLI(t, "import", "--db", db); code != 2 || !strings.Contains(errs, "Ange minst en fil") {
		t.Errorf("no paths: exit %d %s", code, errs)
	}
	if code, _, _ := runImportCLI(t, "import", "--db", db, "--no-such-flag", "x.csv"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
	if code, _, errs := runImportCLI(t, "import", "--db", filepath.Join(t.TempDir(), "none.db"), "x.csv"); code != 1 || !strings.Contains(errs, "Det finns ingen databas") {
		t.Errorf("no database: exit %d %s", code, errs)
	}
	if code, out, _ := runImportCLI(t, "import", "--help"); code != 0 || !strings.Contains(out, "--mask-pnr") {
		t.Errorf("help: %d %s", code, out)
	}
	// On a terminal the summary still goes to stdout alone.
	e, outb, _ := importEnv(true)
	if code := run(e, []string{"import", "--db", db, ingestTestdata + "/sv/matt.csv"}); code != 0 || !strings.HasPrefix(outb.String(), ingestTestdata) {
		t.Errorf("terminal: exit %d %q", code, outb.String())
	}
}

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mall.xlsx")
	code, out, errs := runImportCLI(t, "template", path)
	if code != 0 || !strings.Contains(out, path) {
		t.Fatalf("template: exit %d %s %s", code, out, errs)
	}
	if code, _, errs := runImportCLI(t, "template", path); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("overwrite without --force: exit %d %s", code, errs)
	}
	if code, _, _ := runImportCLI(t, "template", "--force", path); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	if code, _, _ := runImportCLI(t, "template", filepath.Join(dir, "mall.csv")); code != 2 {
		t.Errorf("not .xlsx: exit %d", code)
	}
	if code, _, _ := runImportCLI(t, "template"); code != 2 {
		t.Errorf("no file: exit %d", code)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}

	// Filled in, it imports cleanly.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Budget", "A3", &[]any{"Vuxen missbruk", "Öppenvården", "2026-10", "Personal", 812.4, 790, nil})
	f.SetSheetRow("Mått", "A3", &[]any{"Vuxen missbruk", "Öppenvården", "2026-10", "Vakanta tjänster", "", 1, nil, nil, nil})
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	db := emptyDB(t)
	code, out, errs = runImportCLI(t, "import", "--db", db, path)
	if code != 0 || !strings.Contains(out, "Klart. Nya rader: 2,") || strings.Contains(out, "Varningar") {
		t.Errorf("filled template: exit %d\n%s\n%s", code, out, errs)
	}
}

// Without --user and without USER, LOGNAME or USERNAME the log names the
// operating system's account, and says "okänd" only when even that fails.
func TestImportUserFallsBackToTheAccount(t *testing.T) {
	for _, tc := range []struct {
		account func() (*user.User, error)
		want    string
	}{
		{func() (*user.User, error) { return &user.User{Username: "anna"}, nil }, "(anna)"},
		// Without an account the store names its local actor (the same
		// environment and account lookup); "okänd" only when that is empty.
		{func() (*user.User, error) { return nil, errors.New("no passwd entry") }, "(" + localOrUnknown() + ")"},
	} {
		db := emptyDB(t)
		e, _, errb := testEnv()
		e.account = tc.account
		if code := run(e, []string{"import", "--db", db, ingestTestdata + "/sv/budget_2026.csv"}); code != 0 {
			t.Fatalf("import: %d %s", code, errb)
		}
		code, out, _ := runCLI(t, "info", "--db", db)
		if code != 0 || !strings.Contains(out, tc.want) || strings.Contains(out, "()") {
			t.Errorf("info names the user as %q?\n%s", tc.want, out)
		}
	}
}

func localOrUnknown() string {
	if n := data.LocalActor().Login; n != "" {
		return n
	}
	return "okänd"
}
