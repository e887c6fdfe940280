package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/lang"
)

func TestDemoWithoutTerminalBuildsAndPrintsPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "demo.db")
	code, out, errs := runCLI(t, "demo", "--db", path)
	if code != 0 || strings.TrimSpace(out) != path {
		t.Fatalf("demo: exit %d, out %q, err %q", code, out, errs)
	}
	for _, leftover := range []string{path + ".building", path + "-wal"} {
		if _, err := os.Stat(leftover); err == nil {
			t.Errorf("%s left behind", leftover)
		}
	}
	// A second run opens what is there instead of rebuilding it.
	before, _ := os.Stat(path)
	if code, _, _ := runCLI(t, "demo", "--db", path); code != 0 {
		t.Fatal("second demo run failed")
	}
	after, _ := os.Stat(path)
	if !after.ModTime().Equal(before.ModTime()) {
		t.Error("demo rebuilt an existing database without --fresh")
	}

	code, out, errs = runCLI(t, "info", "--db", path, "--format", "json")
	if code != 0 {
		t.Fatalf("info: exit %d: %s", code, errs)
	}
	var info infoJSON
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatalf("info json: %v\n%s", err, out)
	}
	if info.Municipality == "" || info.Committee != "Socialnämnden" || info.FirstPeriod != "2024-01" || info.LatestOutcome != "2026-10" {
		t.Errorf("info: %+v", info)
	}
	if info.Counts["area"] < 5 || info.Counts["unit"] < 12 || info.Counts["narrative"] < 30 || info.Counts["meeting"] < 1 {
		t.Errorf("counts: %v", info.Counts)
	}
	// the counts are the table's, not made up
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var budgetRows int
	db.QueryRow(`SELECT count(*) FROM budget`).Scan(&budgetRows)
	if info.Counts["budget"] != budgetRows || budgetRows == 0 {
		t.Errorf("budget count %d, table has %d", info.Counts["budget"], budgetRows)
	}
	if len(info.LastImports) != 1 || info.LastImports[0].Kind != "demo" {
		t.Errorf("last imports: %+v", info.LastImports)
	}

	code, out, _ = runCLI(t, "info", "--db", path)
	if code != 0 || !strings.Contains(out, "Senaste månad med utfall  2026-10") || !strings.Contains(out, " nya, 0 ändrade, 0 oförändrade (demo)") || strings.Contains(out, "%!") {
		t.Errorf("info text:\n%s", out)
	}
}

func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if code, _, errs := runCLI(t, "init", "--db", path); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("init made %v, %v; want mode 0600", fi, err)
	}
	code, _, errs := runCLI(t, "init", "--db", path)
	if code != 1 || !strings.Contains(errs, "finns redan") {
		t.Errorf("init over an existing file: %d %q", code, errs)
	}
	code, _, errs = runCLI(t, "init")
	if code != 2 || !strings.Contains(errs, "--db") {
		t.Errorf("init without --db: %d %q", code, errs)
	}
	code, out, _ := runCLI(t, "info", "--db", path, "--lang", "en")
	if code != 0 || !strings.Contains(out, "no data yet") || !strings.Contains(out, "No imports yet.") {
		t.Errorf("info on an empty database: %d\n%s", code, out)
	}
}

func TestMissingDatabaseIsExplained(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.db")
	e, _, errb := testEnv()
	e.isTerminal = func(any) bool { return true }
	if code := run(e, []string{"open", "--db", missing}); code != 1 {
		t.Fatalf("exit %d", code)
	}
	msg := errb.String()
	for _, want := range []string{"Det finns ingen databas i " + missing, "beredning init", "beredning demo"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "goroutine") || strings.Contains(msg, ".go:") {
		t.Errorf("a stack trace reached the user:\n%s", msg)
	}
	// BEREDNING_DB is used when --db is not given
	e, _, errb = testEnv()
	e.getenv = func(k string) string {
		if k == "BEREDNING_DB" {
			return missing
		}
		return ""
	}
	run(e, []string{"info"})
	if !strings.Contains(errb.String(), missing) {
		t.Errorf("BEREDNING_DB not used: %s", errb.String())
	}
}

func TestNewerDatabaseIsRefusedByTheCLI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	db, _ := sql.Open("sqlite", path)
	db.Exec(`CREATE TABLE x(y); PRAGMA user_version = 42`)
	db.Close()
	code, _, errs := runCLI(t, "info", "--db", path, "--lang", "en")
	if code != 1 || !strings.Contains(errs, "newer version of beredning") || !strings.Contains(errs, "was not changed") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestHelpInBothLanguages(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	if code != 0 || !strings.Contains(out, "Kommandon:") || !strings.Contains(out, "demo") {
		t.Errorf("Swedish help: %d\n%s", code, out)
	}
	e, o, _ := testEnv()
	e.getenv = func(k string) string {
		if k == "LANG" {
			return "en_GB.UTF-8"
		}
		return ""
	}
	if run(e, []string{"help"}) != 0 || !strings.Contains(o.String(), "Commands:") {
		t.Errorf("LANG=en_GB gives English help:\n%s", o.String())
	}
	code, out, _ = runCLI(t, "info", "--help", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Usage: beredning info") || strings.Count(out, "Usage:") != 1 {
		t.Errorf("info --help:\n%s", out)
	}
	code, _, errs := runCLI(t, "frobnicate")
	if code != 2 || !strings.Contains(errs, "Okänt kommando: frobnicate") {
		t.Errorf("unknown command: %d %s", code, errs)
	}
}

// Every message of every package has both languages with the same verbs,
// so a translation cannot drop or reorder a figure.
func TestCatalogueVerbsMatch(t *testing.T) {
	for _, k := range lang.Keys() {
		sv, en := verbs(lang.SV.T(k)), verbs(lang.EN.T(k))
		if sv != en {
			t.Errorf("%s: Swedish verbs %q, English %q", k, sv, en)
		}
	}
}

func verbs(s string) string {
	var out []byte
	for i := 0; i < len(s)-1; i++ {
		if s[i] != '%' {
			continue
		}
		if s[i+1] == '%' {
			i++
			continue
		}
		if s[i+1] == ' ' { // "3 % av budgeten": a literal per cent sign in a text without arguments
			continue
		}
		j := i + 1
		for j < len(s) && strings.ContainsRune("0123456789.+-#[]", rune(s[j])) {
			j++
		}
		if j < len(s) {
			out = append(out, s[j])
		}
		i = j
	}
	return string(out)
}

// A cached demo from another version of the generator is rebuilt; a
// database of one's own at the demo path is never replaced.
func TestDemoRebuildsAStaleDemoOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := runCLI(t, "demo", "--db", path); code != 0 {
		t.Fatal(errs)
	}
	db, _ := sql.Open("sqlite", path)
	db.Exec(`UPDATE import_log SET sha256 = 'from an older version' WHERE kind = 'demo'`)
	db.Close()
	if code, _, errs := runCLI(t, "demo", "--db", path); code != 0 {
		t.Fatal(errs)
	}
	db, _ = sql.Open("sqlite", path)
	var sum string
	db.QueryRow(`SELECT sha256 FROM import_log WHERE kind = 'demo'`).Scan(&sum)
	db.Close()
	if sum == "from an older version" {
		t.Error("a stale demo was not rebuilt")
	}

	own := filepath.Join(t.TempDir(), "own.db")
	runCLI(t, "init", "--db", own)
	if code, _, errs := runCLI(t, "demo", "--db", own); code != 0 {
		t.Fatal(errs)
	}
	db, _ = sql.Open("sqlite", own)
	var areas int
	db.QueryRow(`SELECT count(*) FROM area`).Scan(&areas)
	db.Close()
	if areas != 0 {
		t.Error("demo replaced a database that was not a demo")
	}
}

// init names the municipality and its SCB code, refuses a code that is
// not one (and then creates no file), and settings changes both later.
func TestInitNamesTheMunicipality(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.db")
	for _, code := range []string{"127", "0000", "0200", "01a7", "12345"} {
		if c, _, errs := runCLI(t, "init", "--db", bad, "--kommunkod", code); c != 2 || !strings.Contains(errs, "Ogiltig kommunkod") {
			t.Errorf("kommunkod %q: exit %d, %q", code, c, errs)
		}
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a refused init created the file")
	}

	path := filepath.Join(dir, "b.db")
	code, out, errs := runCLI(t, "init", "--db", path, "--name", "Botkyrka kommun", "--kommunkod", "0127")
	if code != 0 || !strings.Contains(out, "Kommun: Botkyrka kommun (kommunkod 0127)") {
		t.Fatalf("init: %d %q %q", code, out, errs)
	}
	var info infoJSON
	_, out, _ = runCLI(t, "info", "--db", path, "--format", "json")
	if err := json.Unmarshal([]byte(out), &info); err != nil || info.Municipality != "Botkyrka kommun" || info.Kommunkod != "0127" {
		t.Fatalf("info json %+v %v", info, err)
	}

	if c, _, errs := runCLI(t, "settings", "--db", path, "set", "kommun.kod", "9999"); c != 1 || !strings.Contains(errs, "Ogiltig kommunkod") {
		t.Errorf("settings accepted 9999: %d %q", c, errs)
	}
	for _, kv := range [][2]string{{"kommun.namn", "Ekbacka kommun"}, {"kommun.kod", "0180"}, {"kommun.namnd", "Omsorgsnämnden"}} {
		if c, _, errs := runCLI(t, "settings", "--db", path, "set", kv[0], kv[1]); c != 0 {
			t.Fatalf("settings set %s: %d %q", kv[0], c, errs)
		}
	}
	_, out, _ = runCLI(t, "info", "--db", path)
	mustHave(t, out, "Ekbacka kommun (kommunkod 0180)", "Omsorgsnämnden")
	_, out, _ = runCLI(t, "settings", "--db", path)
	mustHave(t, out, "kommun.namn   Ekbacka kommun", "kommun.kod    0180")

	// Reset: the outputs still read well without a name or code.
	for _, k := range []string{"kommun.namn", "kommun.kod"} {
		if c, _, errs := runCLI(t, "settings", "--db", path, "reset", k); c != 0 {
			t.Fatalf("reset %s: %d %q", k, c, errs)
		}
	}
	_, out, _ = runCLI(t, "info", "--db", path)
	mustHave(t, out, "Kommun  ", "inget namn ännu")
	if strings.Contains(out, "()") || strings.Contains(out, "(ej namngiven)") {
		t.Errorf("info without a name:\n%s", out)
	}
}

func mustHave(t *testing.T, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("output lacks %q:\n%s", p, s)
		}
	}
}

// An unknown --lang is an error naming the languages there are, and the
// flag package's English never reaches a Swedish user.
func TestLanguageAndFlagErrors(t *testing.T) {
	for _, args := range [][]string{{"--lang", "de", "info"}, {"info", "--lang=fi"}, {"gaps", "--lang"}} {
		code, out, errs := runCLI(t, args...)
		if code != 2 || out != "" || !strings.Contains(errs, "sv (svenska), en (English)") {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errs)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"info", "--bogus"}, "Okänd flagga: --bogus"},
		{[]string{"info", "--db"}, "Flaggan --db behöver ett värde."},
		{[]string{"imports", "--limit", "x"}, `Ogiltigt värde "x" för --limit.`},
		{[]string{"import", "--dry-run=kanske", "a.csv"}, `Ogiltigt värde "kanske" för --dry-run`},
		{[]string{"--lang", "en", "info", "--bogus"}, "Unknown flag: --bogus"},
	} {
		code, _, errs := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, want %q in\n%s", tc.args, code, tc.want, errs)
		}
		for _, english := range []string{"flag provided", "needs an argument", "invalid value", "Usage of", " string\n"} {
			if strings.Contains(errs, english) {
				t.Errorf("%v: the flag package's %q in\n%s", tc.args, english, errs)
			}
		}
	}
}
