package kolada

import (
	"fmt"
	"strings"

	"github.com/beredning/beredning/data/lang"
)

// Render is the import summary in the user's language, warnings included.
func (r Report) Render(l lang.Lang) string {
	var b strings.Builder
	for _, p := range r.Problems {
		if p.Warning {
			fmt.Fprintln(&b, l.T("kolada.report.warning", p.Message(l)))
		}
	}
	skipped := 0
	for _, f := range r.Files {
		skipped += f.Skipped
	}
	fmt.Fprintln(&b, l.T("kolada.report.read", len(r.Files), lang.Int(int64(r.KPIs)), lang.Int(int64(r.Municipalities)), lang.Int(int64(r.Values))))
	if skipped > 0 {
		fmt.Fprintln(&b, l.T("kolada.report.skipped", lang.Int(int64(skipped))))
	}
	key := "kolada.report.done"
	if r.DryRun {
		key = "kolada.report.dry_run"
	}
	fmt.Fprintln(&b, l.T(key, lang.Int(int64(r.New)), lang.Int(int64(r.Changed)), lang.Int(int64(r.Unchanged))))
	return b.String()
}

// RenderErrors lists the errors that stopped an import.
func (r Report) RenderErrors(l lang.Lang) string {
	var b strings.Builder
	n := 0
	for _, p := range r.Problems {
		if !p.Warning {
			fmt.Fprintln(&b, p.Message(l))
			n++
		}
	}
	fmt.Fprintln(&b, l.T("kolada.report.refused", n))
	return b.String()
}

func init() {
	lang.Register(map[string]lang.Text{
		"kolada.report.warning": {"Varning: %s", "Warning: %s"},
		"kolada.report.read":    {"Läste %d filer: %s nyckeltal i katalogen, %s kommun- och regionnamn, %s värden.", "Read %d files: %s KPIs in the catalogue, %s municipality and region names, %s values."},
		"kolada.report.skipped": {"%s rader hoppades över (se varningarna).", "%s rows were skipped (see the warnings)."},
		"kolada.report.done":    {"Sparat: %s nya, %s ändrade, %s oförändrade värden. Källa: Kolada/RKA.", "Stored: %s new, %s changed, %s unchanged values. Source: Kolada/RKA."},
		"kolada.report.dry_run": {"Provläsning, inget sparat: %s nya, %s ändrade, %s oförändrade värden.", "Dry run, nothing stored: %s new, %s changed, %s unchanged values."},
		"kolada.report.refused": {"%d fel: ingenting har sparats. Rätta filerna och läs in igen.", "%d errors: nothing was stored. Correct the files and import again."},
	})
}
