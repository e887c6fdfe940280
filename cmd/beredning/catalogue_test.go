package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
)

var genXLSX = flag.Bool("gen-xlsx", false, "write the catalogue's XLSX cases into testdata/catalogue")

// catalogueDir holds the bad-input catalogue: one file per case, and
// cases.tsv with each file's expected exit status and message key.
const catalogueDir = "testdata/catalogue"

// TestBadInputCatalogue imports every file of the catalogue through the
// command line into a database with data in it and checks the exit
// status, that the expected message (by its key) is reported, and — for a
// refused file — that the database file is byte for byte what it was.
func TestBadInputCatalogue(t *testing.T) {
	if *genXLSX {
		writeCatalogueXLSX(t)
	}
	cases := readCatalogue(t)
	if len(cases) < 100 {
		t.Errorf("the catalogue has %d cases, want at least 100", len(cases))
	}
	base := filepath.Join(t.TempDir(), "base.db")
	if code, _, errs := runCLI(t, "init", "--db", base, "--name", "Testby"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI(t, "import", "--db", base, "../../data/ingest/testdata/sv/budget_2026.csv"); code != 0 {
		t.Fatal(errs)
	}
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "t.db")
			if err := os.WriteFile(db, baseBytes, 0o600); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(catalogueDir, c.file)
			code, _, errs := runCLI(t, "import", "--db", db, path)
			if code != c.exit {
				t.Errorf("exit %d, want %d\n%s", code, c.exit, errs)
			}
			if c.exit != 0 {
				if after, _ := os.ReadFile(db); !bytes.Equal(after, baseBytes) {
					t.Error("a refused import changed the database")
				}
				if strings.Contains(errs, "%!") || len(errs) > 20000 {
					t.Errorf("a malformed or overlong message (%d bytes)", len(errs))
				}
			}
			if keys := reportedKeys(t, baseBytes, path); !slices.Contains(keys, c.key) {
				t.Errorf("want %s among the reported messages, got %v\n%s", c.key, keys, errs)
			}
		})
	}
}

type catalogueCase struct {
	file string
	exit int
	key  string
}

func readCatalogue(t *testing.T) []catalogueCase {
	f, err := os.Open(filepath.Join(catalogueDir, "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []catalogueCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("cases.tsv: bad line %q", line)
		}
		exit, err := strconv.Atoi(parts[1])
		if err != nil {
			t.Fatalf("cases.tsv: bad exit status in %q", line)
		}
		out = append(out, catalogueCase{file: parts[0], exit: exit, key: parts[2]})
	}
	return out
}

// reportedKeys are the message keys of the errors and warnings an import
// of path reports, run on a copy of the database.
func reportedKeys(t *testing.T, dbBytes []byte, path string) []string {
	db := filepath.Join(t.TempDir(), "keys.db")
	os.WriteFile(db, dbBytes, 0o600)
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, _ := ingest.Import(context.Background(), s, []string{path}, ingest.Options{DryRun: true})
	var keys []string
	for _, p := range append(rep.Errors, rep.Warnings...) {
		keys = append(keys, p.Key)
	}
	return keys
}

// writeCatalogueXLSX makes the workbook cases, which are easier to build
// than to keep by hand: hidden sheets with data, merged cells, a sheet of
// no known shape.
func writeCatalogueXLSX(t *testing.T) {
	budget := [][]any{{"Område", "Enhet", "Period", "Konto", "Budget (tkr)", "Utfall (tkr)"}}
	for m := 1; m <= 3; m++ {
		budget = append(budget, []any{"Barn och unga", "Utredning", "2026-0" + strconv.Itoa(m), "personal", 100, 90})
	}
	write := func(name string, fill func(x *excelize.File)) {
		x := excelize.NewFile()
		fill(x)
		if err := x.SaveAs(filepath.Join(catalogueDir, name)); err != nil {
			t.Fatal(err)
		}
	}
	rows := func(x *excelize.File, sheet string, rs [][]any) {
		for i, r := range rs {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow(sheet, cell, &r)
		}
	}
	write("xlsx_hidden_sheet.xlsx", func(x *excelize.File) {
		x.SetSheetName("Sheet1", "budget")
		rows(x, "budget", budget)
		x.NewSheet("placeringar")
		rows(x, "placeringar", [][]any{{"Område", "Period", "Insats", "Antal"}, {"Barn och unga", "2026-01", "HVB", 2}})
		x.SetSheetVisible("placeringar", false)
	})
	write("xlsx_very_hidden_sheet.xlsx", func(x *excelize.File) {
		x.SetSheetName("Sheet1", "budget")
		rows(x, "budget", budget)
		x.NewSheet("matt")
		rows(x, "matt", [][]any{{"Område", "Period", "Mått", "Värde"}, {"Barn och unga", "2026-01", "Sjukfrånvaro (%)", 5}})
		x.SetSheetVisible("matt", false, true)
	})
	write("xlsx_merged_area.xlsx", func(x *excelize.File) {
		x.SetSheetName("Sheet1", "budget")
		b := [][]any{budget[0]}
		for m := 1; m <= 3; m++ {
			area := ""
			if m == 1 {
				area = "Barn och unga"
			}
			b = append(b, []any{area, "Utredning", "2026-0" + strconv.Itoa(m), "personal", 100, 90})
		}
		rows(x, "budget", b)
		x.MergeCell("budget", "A2", "A4")
	})
	write("xlsx_unknown_shape.xlsx", func(x *excelize.File) {
		rows(x, "Sheet1", [][]any{{"Namn", "Telefon", "Rum"}, {"Anna", "070-123 45 67", "4"}})
	})
	write("xlsx_bad_period.xlsx", func(x *excelize.File) {
		x.SetSheetName("Sheet1", "budget")
		rows(x, "budget", [][]any{budget[0], {"Barn och unga", "Utredning", "2026-13", "personal", 100, 90}})
	})
	write("xlsx_exponent.xlsx", func(x *excelize.File) {
		x.SetSheetName("Sheet1", "budget")
		rows(x, "budget", [][]any{budget[0], {"Barn och unga", "Utredning", "2026-01", "personal", "1e5", 90}})
	})
}
