package kolada_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// messages renders a report's problems in English, one per line.
func messages(rep kolada.Report) string {
	var out []string
	for _, p := range rep.Problems {
		out = append(out, p.Message(lang.EN))
	}
	return strings.Join(out, "\n")
}

func TestImportWebExportRealFile(t *testing.T) {
	file := filepath.Join(sharedDir(t, "kolada_webexport_2012"), "kld_sthlm2.latin1.csv")
	catalog := filepath.Join(sharedDir(t, "kolada_meta_2026"), "kolada_kpi_catalog.csv")
	s := newStore(t)
	ctx := context.Background()

	// Without the catalogue no title is known: refused, nothing written,
	// each message naming line, column and a way out.
	rep, err := kolada.Import(ctx, s, []string{file}, kolada.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Refused() {
		t.Fatal("an export whose KPI titles are in no catalogue was accepted")
	}
	if n, _ := kolada.Count(ctx, s); n != 0 {
		t.Fatalf("a refused import wrote %d values", n)
	}
	if msg := messages(rep); !strings.Contains(msg, "kld_sthlm2.latin1.csv, line 53, column Nyckeltal") {
		t.Fatalf("messages do not locate the error:\n%.600s", msg)
	}

	// With the catalogue, one KPI of 2012 is still unknown to Kolada of
	// 2026 ("U. Aktuella familjer/ärenden …"): refused with the closest title.
	rep, _ = kolada.Import(ctx, s, []string{catalog, file}, kolada.Options{})
	if !rep.Refused() || !strings.Contains(messages(rep), "Aktuella familjer") {
		t.Fatalf("unknown KPI title not refused:\n%.800s", messages(rep))
	}

	// Skipping unknown titles imports the rest, names mapped to codes.
	rep = mustImport(t, s, kolada.Options{SkipUnknown: true}, catalog, file)
	wantValue(t, s, "N30101", "0127", 1996, 4846)                        // Botkyrka, as in the DDF dump
	if _, ok := value(t, s, "N30101", "0139", 2011, kolada.Total); !ok { // Upplands-Bro: a hyphenated name
		t.Fatal("Upplands-Bro not mapped to 0139")
	}
	// "U. Utredningstid … 21+ år, medelvärde" of 2012 is the catalogue's
	// "Utredningstid … 21+, medelvärde (- 2024)": U35400.
	wantValue(t, s, "U35400", "0127", 2009, 53)
	// The county's unweighted average is no municipality's figure.
	var skipped int
	for _, f := range rep.Files {
		if f.Format == "webexport" {
			skipped = f.Skipped
		}
	}
	if skipped < 51 {
		t.Fatalf("skipped %d rows, want at least the 51 unweighted county averages", skipped)
	}
}
