package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoFreshRefusesWhatIsNotADemo: --fresh rebuilt whatever --db named,
// the user's own database or another program's SQLite file, with exit 0.
// Now it refuses, names the file and leaves it byte for byte.
func TestDemoFreshRefusesWhatIsNotADemo(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "own.db")
	if code, _, errs := runCLI(t, "init", "--db", own); code != 0 {
		t.Fatal(errs)
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec(`CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer(name) VALUES ('Anna')`)
	db.Close()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("my notes\n"), 0o600)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, path := range []string{own, foreign, text, empty} {
		before, _ := os.ReadFile(path)
		code, _, errs := runCLI(t, "demo", "--fresh", "--db", path)
		if code != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, "ingen demodatabas") {
			t.Errorf("%s: exit %d, %q; want 1 and a message naming the file", filepath.Base(path), code, errs)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("%s: demo --fresh changed the file", filepath.Base(path))
		}
	}
}

// TestDemoCleansAKilledBuild: a build killed half-way leaves
// demo.db.building and its -wal, -shm and -journal; the next run removes
// them, whether or not it builds.
func TestDemoCleansAKilledBuild(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	if code, _, errs := runCLI(t, "demo", "--db", path); code != 0 {
		t.Fatal(errs)
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.WriteFile(path+".building"+suffix, []byte("half a database"), 0o600)
	}
	if code, _, errs := runCLI(t, "demo", "--db", path); code != 0 {
		t.Fatal(errs)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".building") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// and --fresh does rebuild a demo
	if code, _, errs := runCLI(t, "demo", "--fresh", "--db", path); code != 0 {
		t.Fatalf("demo --fresh on a demo: %s", errs)
	}
}
