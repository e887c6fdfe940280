package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The API answer of the data package's tests, in short.
const koladaAnswer = `{"count": 2, "next_page": null, "values": [
 {"kpi": "U33401", "municipality": "0127", "period": 2020, "values": [{"gender": "T", "value": 145.0, "count": 1, "status": ""}]},
 {"kpi": "U33401", "municipality": "0000", "period": 2020, "values": [{"gender": "T", "value": 110.5, "count": 1, "status": ""}]}]}`

func TestKoladaImportListKPIs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	if code, _, errs := runCLI(t, "init", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	answer := filepath.Join(dir, "u33401.json")
	os.WriteFile(answer, []byte(koladaAnswer), 0o600)

	code, out, errs := runCLI(t, "kolada", "import", "--db", db, answer)
	if code != 0 || !strings.Contains(out, "2 nya") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI(t, "kolada", "list", "--db", db, "--kpi", "u33401", "--kommun", "0127", "--format", "json")
	var rows []koladaValueJSON
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 1 {
		t.Fatalf("list json: exit %d\n%s", code, out)
	}
	if r := rows[0]; r.Name != "Botkyrka" || r.Value != 145 || r.Year != 2020 || r.Gender != "T" {
		t.Fatalf("row: %+v", r)
	}
	code, out, _ = runCLI(t, "kolada", "list", "--db", db, "--lang", "en")
	if code != 0 || !strings.Contains(out, "110,5") || !strings.Contains(out, "Riket") || !strings.Contains(out, "Source: Kolada/RKA") {
		t.Fatalf("list table:\n%s", out)
	}
	runCLI(t, "settings", "--db", db, "set", "kommun.kod", "0127")
	code, out, _ = runCLI(t, "kolada", "kpis", "--db", db)
	if code != 0 || !strings.Contains(out, "Kommunkod: 0127; jämförs med 0000, 0001") || !strings.Contains(out, "U33401") || !strings.Contains(out, "(2020–2020)") {
		t.Fatalf("kpis:\n%s", out)
	}

	// list and kpis only read: a file the user may not write still answers.
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "kolada", "list", "--db", db, "--kpi", "U33401"); code != 0 || !strings.Contains(out, "Botkyrka") {
		t.Fatalf("list on a read-only file: exit %d\n%s%s", code, out, errs)
	}
	os.Chmod(db, 0o600)

	// A bad file: exit 1, located message, nothing written.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"values": [{"kpi": "U33401", "municipality": "12", "period": "tjugo", "values": []}]}`), 0o600)
	code, _, errs = runCLI(t, "kolada", "import", "--db", db, "--lang", "en", bad)
	if code != 1 || !strings.Contains(errs, "bad.json, line 1, column values[0].period") || !strings.Contains(errs, "nothing was stored") {
		t.Fatalf("bad import: exit %d\n%s", code, errs)
	}
	if code, _, _ := runCLI(t, "kolada", "list", "--db", db, "--kommun", "12"); code != 2 {
		t.Fatal("a two-digit --kommun was accepted")
	}
	if code, _, _ := runCLI(t, "kolada", "nonsense"); code != 2 {
		t.Fatal("unknown action accepted")
	}
}

func TestKoladaFetchOfflineMessage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	runCLI(t, "init", "--db", db)
	code, _, errs := runCLI(t, "kolada", "fetch", "--db", db, "--api", "http://127.0.0.1:1", "--kpi", "U33401", "--years", "2020")
	if code != 1 || !strings.Contains(errs, "gick inte att nå") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
}
