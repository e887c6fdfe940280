package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

const null = -1 << 62

// TestSwedishFiles imports files as Swedish Excel and case systems write
// them and checks every value in the store.
func TestSwedishFiles(t *testing.T) {
	s := newStore(t)
	rep := mustImport(t, s, Options{User: "controller"}, "testdata/sv")
	tot := rep.Totals()
	if tot.Rows != 21 || tot.New != 21 || tot.Errors != 0 {
		t.Errorf("totals %+v, want 21 new rows\n%s", tot, rep.Render(lang.SV))
	}

	// budget_2026.csv: Windows-1252, no-break-space thousands, decimal commas.
	for _, tc := range []struct {
		area, unit, period, konto string
		b, o, f                   int64
	}{
		{"Barn och unga", "Utredningsenheten", "2026-09", "personal", 1234_50000, 1302_10000, 15200_00000},
		{"Barn och unga", "Utredningsenheten", "2026-10", "personal", 1234_50000, null, 15400_00000}, // "okt 2026", empty utfall
		{"Barn och unga", "Familjehemsenheten", "2026-10", "placeringar", 2100_00000, 2512_75000, null},
		{"Barn och unga", "", "2026-10", "intakter", -410_70000, -380_00000, null},
		{"Försörjningsstöd", "Ekonomiskt bistånd", "2026-10", "bistand", 3000_00000, 2990_40000, 36000_00000},
		{"Försörjningsstöd", "Ekonomiskt bistånd", "2026-10", "lokaler", 85_00000, 85_00000, null}, // unknown konto kept
		// hand.xlsx: a date cell, a number as text "1 020,6", float artefacts
		{"Vuxen missbruk", "Öppenvården", "2026-10", "personal", 812_40000, 1020_60000, null},
		{"Vuxen missbruk", "Öppenvården", "2026-10", "placeringar", 10000, -30000, null},
	} {
		b, o, f := budgetOf(t, s, tc.area, tc.unit, tc.period, tc.konto)
		if b != tc.b || o != tc.o || f != tc.f {
			t.Errorf("budget %s/%s %s %s = %d, %d, %d; want %d, %d, %d", tc.area, tc.unit, tc.period, tc.konto, b, o, f, tc.b, tc.o, tc.f)
		}
	}

	// placeringar.csv: UTF-8 BOM, narrow no-break space, Unicode minus,
	// malgrupp from the area, display names for insats.
	for _, tc := range []struct {
		kind, group             string
		ongoing, started, ended int
		days                    int
		cost                    int64
	}{
		{"hvb", "barn", 4, 1, 0, 120, 1180_50000},
		{"konsulentstott_familjehem", "barn", 6, -1, -1, 186, -12_50000},
		{"sis", "barn", 1, 0, 1, 31, null},
	} {
		var group string
		var ongoing, started, ended, days int
		var cost int64
		queryRow(t, s, `SELECT target_group, ongoing, ifnull(started, -1), ifnull(ended, -1), care_days, ifnull(cost, ?)
			FROM placement WHERE kind = ?`, []any{int64(null), tc.kind}, &group, &ongoing, &started, &ended, &days, &cost)
		if group != tc.group || ongoing != tc.ongoing || started != tc.started || ended != tc.ended || days != tc.days || cost != tc.cost {
			t.Errorf("placement %s = %s %d %d %d %d %d, want %+v", tc.kind, group, ongoing, started, ended, days, cost, tc)
		}
	}

	// matt.csv and hand.xlsx: known measures by name, key and display name,
	// percent cells, a custom measure with a code.
	for _, tc := range []struct {
		key, unit    string
		value        float64
		target       float64 // -1: none
		dir, status  string
		reportedName string
	}{
		{"utredningar_over_4_man", "Utredningsenheten", 7, 0, "lag", "gron", "Pågående utredningar över 4 månader"},
		{"sjukfranvaro_pct", "Utredningsenheten", 8.5, 6, "", "rod", "Sjukfrånvaro (%)"},
		{"sjukfranvaro_pct", "Familjehemsenheten", 4.2, -1, "", "gron", "sjukfranvaro_pct"},
		{"vantetid_till_forsta_kontakt", "Utredningsenheten", 12, 10, "lag", "gul", "Väntetid till första kontakt (dagar)"},
		{"brukarnojdhet_pct", "Öppenvården", 87.5, 80, "", "gron", "Brukarnöjdhet (%)"},
		{"vakanta_tjanster", "Öppenvården", 2, -1, "", "", "Vakanta tjänster"},
		{"arenden_per_handlaggare", "", 31.5, 25, "", "rod", "Ärenden per handläggare"},
	} {
		var value, target float64
		var dir, status, name string
		queryRow(t, s, `SELECT v.value, ifnull(v.target, -1), ifnull(v.direction, ''), ifnull(v.status, ''), v.reported_name
			FROM measure_value v JOIN measure m ON m.id = v.measure_id LEFT JOIN unit u ON u.id = v.unit_id
			WHERE m.key = ? AND ifnull(u.name, '') = ? AND v.period = '2026-10'`, []any{tc.key, tc.unit}, &value, &target, &dir, &status, &name)
		if value != tc.value || target != tc.target || dir != tc.dir || status != tc.status || name != tc.reportedName {
			t.Errorf("measure %s/%s = %v %v %q %q %q, want %+v", tc.key, tc.unit, value, target, dir, status, name, tc)
		}
	}
	var code, agg string
	queryRow(t, s, `SELECT code, aggregation FROM measure WHERE key = 'vantetid_till_forsta_kontakt'`, nil, &code, &agg)
	if code != "VT1" || agg != "sum" {
		t.Errorf("custom measure code %q aggregation %q", code, agg)
	}

	// berattelser.csv and the Markdown narrative: quoted line breaks,
	// separators and quotes; a title from the first heading.
	var body, about, sev string
	queryRow(t, s, `SELECT body, about, severity FROM narrative WHERE title = 'Uppföljningar görs inte'`, nil, &body, &about, &sev)
	if body != "Två tjänster är vakanta sedan augusti.\nUppföljningsbesök skjuts upp; tre barn har inte fått besök på \"över sex månader\"." ||
		about != "utredningar_over_4_man" || sev != "hog" {
		t.Errorf("narrative = %q %q %q", body, about, sev)
	}
	queryRow(t, s, `SELECT about, severity FROM narrative WHERE title = 'Hembesök har strukits'`, nil, &about, &sev)
	if about != "bistand" || sev != "medel" {
		t.Errorf("severity 2 / avser Bistånd = %q %q", sev, about)
	}
	queryRow(t, s, `SELECT body, severity FROM narrative WHERE title = 'Färre externa HVB-placeringar'`, nil, &body, &sev)
	if !strings.HasPrefix(body, "Två nya familjehemssekreterare") || sev != "lag" {
		t.Errorf("markdown narrative = %q %q", body, sev)
	}

	// Areas get a target group from their name; names keep å/ä/ö.
	var group string
	queryRow(t, s, `SELECT target_group FROM area WHERE name = 'Försörjningsstöd'`, nil, &group)
	if group != "vuxen" {
		t.Errorf("Försörjningsstöd target group %q", group)
	}

	// The import log has one entry per file and kind.
	var n int
	queryRow(t, s, `SELECT count(*) FROM import_log WHERE user = 'controller' AND length(sha256) = 64`, nil, &n)
	if n != 7 {
		t.Errorf("import log entries = %d, want 7", n)
	}
}

// TestReimport: the same files again are all unchanged and change nothing
// but the log; a changed value is one changed row.
func TestReimport(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, Options{}, "testdata/sv")
	before := dump(t, s, true)
	rep := mustImport(t, s, Options{}, "testdata/sv")
	tot := rep.Totals()
	if tot.Unchanged != tot.Rows || tot.New != 0 || tot.Changed != 0 || tot.AreasCreated != 0 || tot.UnitsCreated != 0 || tot.MeasuresCreated != 0 {
		t.Errorf("re-import: %+v\n%s", tot, rep.Render(lang.SV))
	}
	if after := dump(t, s, true); after != before {
		t.Errorf("re-import changed the store")
	}

	dir := t.TempDir()
	p := writeFile(t, dir, "budget.csv", []byte("omrade;enhet;period;konto;budget;utfall\nBarn och unga;Utredningsenheten;2026-10;personal;1234,5;1300\nBarn och unga;Utredningsenheten;2026-11;personal;1234,5;\n"))
	rep = mustImport(t, s, Options{}, p)
	if tot := rep.Totals(); tot.Changed != 1 || tot.New != 1 || tot.Unchanged != 0 {
		t.Errorf("one changed, one new: %+v", tot)
	}
	if _, o, _ := budgetOf(t, s, "Barn och unga", "Utredningsenheten", "2026-10", "personal"); o != 1300_00000 {
		t.Errorf("outcome not replaced: %d", o)
	}
}

// TestDryRun counts truly and writes nothing.
func TestDryRun(t *testing.T) {
	s := newStore(t)
	before := dump(t, s, false)
	rep := mustImport(t, s, Options{DryRun: true}, "testdata/sv")
	if tot := rep.Totals(); tot.New != 21 || rep.Committed {
		t.Errorf("dry run: %+v committed %v", tot, rep.Committed)
	}
	if dump(t, s, false) != before {
		t.Errorf("dry run wrote")
	}
	if !strings.Contains(rep.Render(lang.SV), "Provkörning") || !strings.Contains(rep.Render(lang.EN), "Dry run") {
		t.Errorf("dry run summary: %s", rep.Render(lang.SV))
	}
}

// TestBadInput: each bad file is refused with a located, readable message,
// and the store is unchanged.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	long := writeFile(t, dir, "long_line.csv", append([]byte("omrade;period;konto;budget\n"), []byte(strings.Repeat("x", 10<<20)+"\n")...))
	for _, tc := range []struct {
		path string
		want []string // substrings of the Swedish errors, in order
	}{
		{"testdata/bad/budget_missing_column.csv", []string{`budget_missing_column.csv, rad 1: kolumner saknas för budget: budget (rubrikraden har: omrade, enhet, period, konto, utfall)`}},
		{"testdata/bad/text_in_number.csv", []string{`text_in_number.csv, rad 2, kolumn "utfall": "tolv" är inget tal`, `rad 3, kolumn "utfall": "12,3,4" är inget tal`}},
		{"testdata/bad/bad_period.csv", []string{`rad 2, kolumn "period": "2026-13" är ingen period`, `rad 3, kolumn "period": "2026-02-30" är ingen period`}},
		{"testdata/bad/duplicate_key.csv", []string{`duplicate_key.csv, rad 4: samma område, enhet, period och konto som rad 2, men andra värden`}},
		{"testdata/bad/empty.csv", []string{`empty.csv: filen är tom`}},
		{"testdata/bad/truncated_quote.csv", []string{`truncated_quote.csv, rad 2: citattecknet som öppnar ett fält på rad 2 stängs aldrig`}},
		{long, []string{`long_line.csv, rad 2: raden är 10 MB lång; en rad får vara högst 1 MB`}},
		{"testdata/bad/binary.csv", []string{`binary.csv: ser ut som en binärfil`}},
		{"testdata/bad/unknown_shape.xlsx", []string{`unknown_shape.xlsx, blad "Sheet1": bladet har ingen känd form`, `Namn, Telefon, Rum`}},
		{"testdata/bad/what_is_this.csv", []string{`what_is_this.csv, rad 1: rubrikraden säger inte vad tabellen är`}},
		{"testdata/bad/narrative_pnr.md", []string{`narrative_pnr.md, rad 7, kolumn "text": texten innehåller ett personnummer`}},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			s := newStore(t)
			mustImport(t, s, Options{}, "testdata/sv/budget_2026.csv") // something to keep
			before := dump(t, s, false)
			rep, err := importPaths(t, s, Options{}, tc.path)
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("err = %v, want ErrRefused", err)
			}
			got := rep.RenderErrors(lang.SV)
			at := 0
			for _, w := range tc.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Errorf("errors lack %q:\n%s", w, got)
					continue
				}
				at += i
			}
			if strings.Contains(got, "9876") {
				t.Errorf("an error shows the personnummer:\n%s", got)
			}
			if after := dump(t, s, false); after != before {
				t.Errorf("a refused import changed the store")
			}
			if en := rep.RenderErrors(lang.EN); en == got || en == "" {
				t.Errorf("no English errors: %s", en)
			}
		})
	}
}

// TestAllErrorsListed: a file's errors are all listed, up to the cap.
func TestAllErrorsListed(t *testing.T) {
	var b strings.Builder
	b.WriteString("omrade;period;konto;budget\n")
	for i := 0; i < 80; i++ {
		b.WriteString("Barn och unga;2026-10;personal;x\n")
	}
	p := writeFile(t, t.TempDir(), "budget.csv", []byte(b.String()))
	s := newStore(t)
	rep, err := importPaths(t, s, Options{}, p)
	if !errors.Is(err, ErrRefused) {
		t.Fatal(err)
	}
	if len(rep.Errors) != defaultMaxErrors+1 || !rep.Truncated {
		t.Errorf("%d errors listed (truncated %v), want %d and a note", len(rep.Errors), rep.Truncated, defaultMaxErrors)
	}
	if last := rep.Errors[len(rep.Errors)-1]; last.Key != "import.err.too_many" {
		t.Errorf("last error %+v", last)
	}
	if rep.Errors[0].Line != 2 || rep.Errors[49].Line != 51 {
		t.Errorf("errors not in line order: %d … %d", rep.Errors[0].Line, rep.Errors[49].Line)
	}
}

// TestPersonnummer: refused by default, masked with MaskPNR, and a number
// failing the Luhn check is not one.
func TestPersonnummer(t *testing.T) {
	s := newStore(t)
	rep := mustImport(t, s, Options{MaskPNR: true}, "testdata/bad/narrative_pnr.md")
	if tot := rep.Totals(); tot.Masked != 1 || tot.New != 1 {
		t.Errorf("masked: %+v", tot)
	}
	var body string
	queryRow(t, s, `SELECT body FROM narrative`, nil, &body)
	if body != "Barnet ([personnummer borttaget]) har flyttat." {
		t.Errorf("stored %q", body)
	}
	if !strings.Contains(rep.Render(lang.SV), "maskerade personnummer: 1") {
		t.Errorf("summary does not say it masked:\n%s", rep.Render(lang.SV))
	}
	var masked int
	queryRow(t, s, `SELECT masked FROM import_log`, nil, &masked)
	if masked != 1 {
		t.Errorf("import log masked = %d", masked)
	}

	mustImport(t, s, Options{}, "testdata/pnr/narrative_not_pnr.md")
	queryRow(t, s, `SELECT body FROM narrative WHERE title = 'Fakturor'`, nil, &body)
	if !strings.Contains(body, "8112189875") {
		t.Errorf("a non-personnummer was changed: %q", body)
	}
}

// TestNearNames: a new area or unit close to an existing one is a warning
// naming it; case and spaces alone do not make a new area.
func TestNearNames(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	mustImport(t, s, Options{}, writeFile(t, dir, "a/budget.csv", []byte("omrade;enhet;period;konto;budget\nBarn och unga;Utredning;2026-10;personal;1\nFörsörjningsstöd;;2026-10;bistand;1\n")))
	rep := mustImport(t, s, Options{}, writeFile(t, dir, "b/budget.csv", []byte(
		"omrade;enhet;period;konto;budget\nBarn och Unga ;Utredning;2026-11;personal;1\nForsorjningsstod;;2026-11;bistand;1\nBarn och unga;Utredningar;2026-11;ovrigt;1\n")))
	if tot := rep.Totals(); tot.AreasCreated != 1 || tot.UnitsCreated != 1 {
		t.Errorf("created %+v", tot)
	}
	text := rep.Render(lang.SV)
	for _, w := range []string{`nytt område "Forsorjningsstod" liknar det befintliga "Försörjningsstöd"`, `ny enhet "Utredningar" i Barn och unga liknar den befintliga "Utredning"`} {
		if !strings.Contains(text, w) {
			t.Errorf("summary lacks %q:\n%s", w, text)
		}
	}
	if n := count(t, s, "area"); n != 3 {
		t.Errorf("%d areas, want 3", n)
	}
}

// TestDuplicates: identical rows are accepted as unchanged; the same key
// with other values in another file is an error naming both.
func TestDuplicates(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "budget_a.csv", []byte("omrade;period;konto;budget\nX;2026-10;personal;1\nX;2026-10;personal;1,0\n"))
	b := writeFile(t, dir, "budget_b.csv", []byte("omrade;period;konto;budget\nX;2026-10;personal;2\n"))
	s := newStore(t)
	rep := mustImport(t, s, Options{}, a)
	if tot := rep.Totals(); tot.New != 1 || tot.Unchanged != 1 || len(rep.Warnings) != 1 {
		t.Errorf("identical duplicate: %+v %v", tot, rep.Warnings)
	}
	rep, err := importPaths(t, s, Options{}, a, b)
	if !errors.Is(err, ErrRefused) || !strings.Contains(rep.RenderErrors(lang.SV), "budget_b.csv, rad 2: samma område, enhet, period och konto som "+a+", rad 2, men andra värden") {
		t.Errorf("cross-file duplicate: %v\n%s", err, rep.RenderErrors(lang.SV))
	}
}

// TestTemplateRoundTrip: the template, filled in as a unit would, imports
// cleanly; its example rows are passed over.
func TestTemplateRoundTrip(t *testing.T) {
	f, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Budget", "A3", &[]any{"Barn och unga", "Utredningsenheten", "2026-10", "Bistånd", 100.5, nil, 1200})
	f.SetSheetRow("Budget", "A4", &[]any{"Barn och unga", "", "2026-11", "Övrigt", "1 234,5", "12", nil})
	f.SetSheetRow("Placeringar", "A3", &[]any{"Barn och unga", "Familjehemsenheten", "2026-10", "Konsulentstött familjehem", "", 3, 1, nil, 90, 450})
	f.SetSheetRow("Mått", "A3", &[]any{"Barn och unga", "Utredningsenheten", "2026-10", "Sjukfrånvaro (%)", "SJ1", 7.5, 6, "låg", "gul"})
	f.SetSheetRow("Berättelser", "A3", &[]any{"Barn och unga", "Utredningsenheten", "2026-10", "Åtgärd", "medel", "Rekrytering", "Två tjänster är tillsatta från januari.", "Enhetschef", "Personal"})
	path := filepath.Join(t.TempDir(), "ifylld_mall.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	rep := mustImport(t, s, Options{}, path)
	tot := rep.Totals()
	if tot.New != 5 || tot.Skipped != 4 || tot.Warnings != 0 {
		t.Errorf("template: %+v\n%s", tot, rep.Render(lang.SV))
	}
	if b, o, f := budgetOf(t, s, "Barn och unga", "", "2026-11", "ovrigt"); b != 1234_50000 || o != 12_00000 || f != null {
		t.Errorf("template budget %d %d %d", b, o, f)
	}
	var about string
	queryRow(t, s, `SELECT about FROM narrative`, nil, &about)
	if about != "personal" {
		t.Errorf("avser = %q", about)
	}
	if count(t, s, "area") != 1 {
		t.Errorf("the example rows made areas")
	}

	// The template has its drop-downs and instructions.
	f2, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	for _, sheet := range []string{"Budget", "Placeringar", "Mått", "Berättelser"} {
		dvs, err := f2.GetDataValidations(sheet)
		if err != nil || len(dvs) == 0 {
			t.Errorf("%s: no drop-downs (%v)", sheet, err)
		}
	}
	if v, _ := f2.GetCellValue("Instruktioner", "A1"); !strings.Contains(v, "socialnämndens") {
		t.Errorf("instructions: %q", v)
	}
}

// TestMissingGroup: a placement without malgrupp in an area whose target
// group cannot be known is an error.
func TestMissingGroup(t *testing.T) {
	p := writeFile(t, t.TempDir(), "placeringar.csv", []byte("omrade;period;insats;antal\nIFO;2026-10;hvb;2\n"))
	rep, err := importPaths(t, newStore(t), Options{}, p)
	if !errors.Is(err, ErrRefused) || !strings.Contains(rep.RenderErrors(lang.SV), `placeringar.csv, rad 2: malgrupp saknas och området "IFO" har ingen målgrupp`) {
		t.Errorf("%v\n%s", err, rep.RenderErrors(lang.SV))
	}
}

// TestProgress reports bytes up to the total.
func TestProgress(t *testing.T) {
	var last, total int64
	calls := 0
	mustImport(t, newStore(t), Options{Progress: func(d, t int64) { last, total, calls = d, t, calls+1 }}, "testdata/sv")
	if calls == 0 || last != total || total == 0 {
		t.Errorf("progress %d/%d after %d calls", last, total, calls)
	}
}

// TestCanceled: a cancelled import writes nothing.
func TestCanceled(t *testing.T) {
	s := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Import(ctx, s, []string{"testdata/sv"}, Options{}); err == nil {
		t.Errorf("a cancelled import succeeded")
	}
	if count(t, s, "budget") != 0 {
		t.Errorf("a cancelled import wrote")
	}
}

func TestFolderSkipsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "budget.csv", []byte("omrade;period;konto;budget\nX;2026-10;personal;1\n"))
	writeFile(t, dir, "notes.pdf", []byte("%PDF-1.4"))
	writeFile(t, dir, "~$budget.xlsx", []byte("lock"))
	writeFile(t, dir, ".hidden/budget.csv", []byte("garbage"))
	rep := mustImport(t, newStore(t), Options{}, dir)
	if len(rep.Summaries) != 1 || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Render(lang.SV), "notes.pdf: hoppades över") {
		t.Errorf("%+v %v", rep.Summaries, rep.Warnings)
	}
	if _, err := importPaths(t, newStore(t), Options{}, filepath.Join(dir, "nothing-here")); err == nil {
		t.Errorf("a missing path was accepted")
	}
	os.Remove(filepath.Join(dir, "budget.csv"))
	if rep, err := importPaths(t, newStore(t), Options{}, filepath.Join(dir, ".hidden")); err == nil {
		t.Errorf("garbage accepted: %s", rep.Render(lang.SV))
	}
}

var _ = data.Period(0)

// TestLargeFile: more rows than a batch, with new areas and units coming
// all the way through, so rows are written while the next are read (run
// with -race).
func TestLargeFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("sep=;\nomrade;enhet;period;konto;budget;utfall\n")
	n := 0
	for a := 0; a < 5; a++ {
		for u := 0; u < 20; u++ {
			for m := 1; m <= 12; m++ {
				for _, k := range []string{"personal", "ovrigt", "intakter"} {
					fmt.Fprintf(&b, "Område %d;Enhet %d;2026-%02d;%s;%d,5;%d\n", a, u, m, k, n, n%7)
					n++
				}
			}
		}
	}
	p := writeFile(t, t.TempDir(), "budget.csv", []byte(b.String()))
	s := newStore(t)
	rep := mustImport(t, s, Options{}, p)
	if tot := rep.Totals(); tot.New != n || tot.AreasCreated != 5 || tot.UnitsCreated != 100 || tot.Warnings != 0 {
		t.Errorf("%d rows: %+v", n, tot)
	}
	if count(t, s, "budget") != n {
		t.Errorf("budget rows %d", count(t, s, "budget"))
	}
	if b, _, _ := budgetOf(t, s, "Område 4", "Enhet 19", "2026-12", "intakter"); b != int64(n-1)*100000+50000 {
		t.Errorf("last row budget %d", b)
	}
	// A bad value on the last line is found, located after the sep= line.
	bad := strings.TrimSuffix(b.String(), "\n") + "x\n"
	p2 := writeFile(t, t.TempDir(), "budget.csv", []byte(bad))
	rep, err := importPaths(t, newStore(t), Options{}, p2)
	if !errors.Is(err, ErrRefused) || len(rep.Errors) != 1 || rep.Errors[0].Line != n+2 {
		t.Errorf("%v %+v", err, rep.Errors)
	}
	// The bulk connection's settings are put back.
	var fk int
	queryRow(t, s, `PRAGMA foreign_keys`, nil, &fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d after an import", fk)
	}
}

// TestXLSXLocation: an XLSX error names sheet, row, column and cell.
func TestXLSXLocation(t *testing.T) {
	f, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Budget", "A3", &[]any{"Barn och unga", "", "2026-10", "Personal", 10, "tio", nil})
	path := filepath.Join(t.TempDir(), "mall.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	rep, err := importPaths(t, newStore(t), Options{}, path)
	want := `mall.xlsx, blad "Budget", rad 3, kolumn "Utfall (tkr)" (F3): "tio" är inget tal`
	if !errors.Is(err, ErrRefused) || !strings.Contains(rep.RenderErrors(lang.SV), want) {
		t.Errorf("%v\n%s", err, rep.RenderErrors(lang.SV))
	}
}

func TestMarkdownInFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "README.md", []byte("# Underlag\n\nLäs mig.\n"))
	writeFile(t, dir, "budget.csv", []byte("omrade;period;konto;budget\nX;2026-10;personal;1\n"))
	rep := mustImport(t, newStore(t), Options{}, dir)
	if len(rep.Warnings) != 1 || rep.Warnings[0].Key != "import.warn.md_skipped" {
		t.Errorf("%v", rep.Warnings)
	}
	if _, err := importPaths(t, newStore(t), Options{}, filepath.Join(dir, "README.md")); !errors.Is(err, ErrRefused) {
		t.Errorf("a named Markdown file without front matter was accepted")
	}
}

func TestHeaderWithoutArea(t *testing.T) {
	p := writeFile(t, t.TempDir(), "budget.csv", []byte("Enhet;Period;Konto;Budget\nX;2026-10;personal;1\n"))
	rep, err := importPaths(t, newStore(t), Options{}, p)
	if !errors.Is(err, ErrRefused) || !strings.Contains(rep.RenderErrors(lang.SV), "budget.csv, rad 1: kolumner saknas för budget: område") {
		t.Errorf("%v\n%s", err, rep.RenderErrors(lang.SV))
	}
}

// TestPanicDuringImport: a panic inside an import (here injected through
// the progress callback, which runs on the reading goroutine) rolls back,
// frees the database and comes back as an error, instead of hanging.
func TestPanicDuringImport(t *testing.T) {
	s := newStore(t)
	before := dump(t, s, false)
	done := make(chan error, 1)
	go func() {
		_, err := Import(context.Background(), s, []string{"testdata/sv"}, Options{Progress: func(d, total int64) {
			if d > 0 {
				panic("injected")
			}
		}})
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the import hung after a panic")
	}
	var pe *data.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a PanicError", err)
	}
	if after := dump(t, s, false); after != before {
		t.Error("the import that panicked wrote to the database")
	}
	mustImport(t, s, Options{}, "testdata/sv") // the lock is free
}
