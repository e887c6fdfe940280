package ingest

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The files under testdata/ are written by the generators below, so that
// their bytes — Windows-1252, no-break spaces, CRLF, BOMs — are exactly
// what Swedish Excel writes. Run `go test ./data/ingest -run TestTestdata
// -update` after changing a generator.

var update = flag.Bool("update", false, "rewrite the files under testdata/")

// cp1252 encodes a string in Windows-1252 (the characters used here only).
func cp1252(s string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case r >= 0xa0 && r <= 0xff:
			b = append(b, byte(r))
		case r == '–':
			b = append(b, 0x96)
		case r == '€':
			b = append(b, 0x80)
		case r == '’':
			b = append(b, 0x92)
		default:
			panic("not in Windows-1252: " + string(r))
		}
	}
	return b
}

func crlf(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte("\n"), []byte("\r\n"))) }

const nbsp, nnbsp, minus = "\u00a0", "\u202f", "\u2212"

// textFiles are the CSV and Markdown samples, by path under testdata/.
func textFiles() map[string][]byte {
	return map[string][]byte{
		// Swedish Excel's "CSV (semikolonavgränsad)": Windows-1252, CRLF,
		// a title row, no-break-space thousands, decimal commas, empty
		// outcomes, and periods written three ways.
		"sv/budget_2026.csv": cp1252(crlf(`Budgetuppföljning 2026;;;;;;
;;;;;;
Område;Enhet;Period;Konto;Budget (tkr);Utfall (tkr);Prognos (tkr)
Barn och unga;Utredningsenheten;2026-09;Personal;1` + nbsp + `234,5;1` + nbsp + `302,1;15` + nbsp + `200
Barn och unga;Utredningsenheten;okt 2026;personal;1` + nbsp + `234,5;;15` + nbsp + `400,0
Barn och unga;Familjehemsenheten;202610;Placeringar;2` + nbsp + `100;2` + nbsp + `512,75;
Barn och unga;;2026-10;Intäkter;-410,7;-380;
Försörjningsstöd;Ekonomiskt bistånd;2026-10;Bistånd;3` + nbsp + `000;2` + nbsp + `990,4;36` + nbsp + `000
Försörjningsstöd;Ekonomiskt bistånd;2026-10;Lokaler;85;85;
`)),
		// UTF-8 with a byte order mark, as Excel's "CSV UTF-8" writes it,
		// with a Unicode minus and narrow no-break spaces.
		"sv/placeringar.csv": []byte("\ufeff" + crlf(`område;enhet;period;insats;malgrupp;antal;nya;avslutade;vårddygn;kostnad (tkr)
Barn och unga;Familjehemsenheten;2026-10;HVB;;4;1;0;120;1`+nnbsp+`180,5
Barn och unga;Familjehemsenheten;2026-10;Konsulentstött familjehem;barn;6;;;186;`+minus+`12,5
Barn och unga;Familjehemsenheten;2026-10;SiS;Barn;1;0;1;31;
`)),
		// Comma-separated from a case system: decimal commas must be quoted.
		"sv/matt.csv": []byte(`Område,Enhet,Period,Mått,Kod,Värde,Mål,Riktning,Status
Barn och unga,Utredningsenheten,2026-10,Pågående utredningar över 4 månader,,7,0,låg,Grön
Barn och unga,Utredningsenheten,2026-10,Sjukfrånvaro (%),,"8,5","6,0",,röd
Barn och unga,Familjehemsenheten,2026-10,sjukfranvaro_pct,,"4,2",,,G
Barn och unga,Utredningsenheten,2026-10,Väntetid till första kontakt (dagar),VT1,12,10,lag,gul
`),
		// Narratives with quoted fields holding line breaks, separators and
		// quotes, in Windows-1252.
		"sv/berattelser.csv": cp1252(crlf(`Område;Enhet;Period;Typ;Allvar;Rubrik;Text;Författare;Avser
Barn och unga;Utredningsenheten;2026-10;Tillkortakommande;hög;Uppföljningar görs inte;"Två tjänster är vakanta sedan augusti.
Uppföljningsbesök skjuts upp; tre barn har inte fått besök på ""över sex månader"".";Enhetschef;utredningar_over_4_man
Försörjningsstöd;;2026-10;Bortprioritering;2;Hembesök har strukits;Hembesök och uppföljning av planer görs inte.;;Bistånd
`)),
		"sv/berattelse_framgang.md": []byte(`---
område: Barn och unga
enhet: Familjehemsenheten
period: okt 2026
typ: Framgång
allvar: låg
författare: Enhetschef
---
# Färre externa HVB-placeringar

Två nya familjehemssekreterare anställdes 2025.
Sedan dess har **fyra barn** kunnat flytta från HVB till familjehem.
`),

		// Bad input: each is refused with a located message.
		"bad/budget_missing_column.csv": []byte("omrade;enhet;period;konto;utfall\nBarn och unga;;2026-10;personal;12\n"),
		"bad/text_in_number.csv":        []byte("omrade;enhet;period;konto;budget;utfall\nBarn och unga;;2026-10;personal;100;tolv\nBarn och unga;;2026-10;ovrigt;100;12,3,4\n"),
		"bad/bad_period.csv":            []byte("omrade;enhet;period;konto;budget\nBarn och unga;;2026-13;personal;100\nBarn och unga;;2026-02-30;ovrigt;100\n"),
		"bad/duplicate_key.csv":         []byte("omrade;enhet;period;konto;budget\nBarn och unga;;2026-10;personal;100\nBarn och unga;;2026-10;ovrigt;50\nbarn och unga ;;okt 2026;Personal;101\n"),
		"bad/empty.csv":                 {},
		"bad/what_is_this.csv":          []byte("omrade;period;kommentar\nBarn och unga;2026-10;Allt väl\n"),
		"bad/truncated_quote.csv":       []byte("omrade;enhet;period;typ;rubrik;text\nBarn och unga;;2026-10;risk;Risk;\"En text som\nfortsätter men aldrig slutar\n"),
		"bad/binary.csv":                {0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 'b', 'u', 'd', 0x00, 0x7f, 0x00, 0x00, 0x03},
		"bad/narrative_pnr.md": []byte(`---
område: Barn och unga
period: 2026-10
typ: risk
rubrik: Ett placerat barn
---
Barnet (811218-9876) har flyttat.
`),
		// A ten-digit number that fails the Luhn check is no personnummer.
		"pnr/narrative_not_pnr.md": []byte(`---
område: Barn och unga
period: 2026-10
typ: analys
rubrik: Fakturor
---
Fakturan 8112189875 gällde tre månader.
`),
	}
}

// handWorkbook is an XLSX made "by hand": a title above the header, date
// cells with a month display format, percent cells, numbers as numbers and
// as text, an empty default sheet, and a notes sheet.
func handWorkbook() *excelize.File {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Blad1") // left empty, as Excel leaves it
	f.NewSheet("Mått och nyckeltal")
	s := "Mått och nyckeltal"
	f.SetSheetRow(s, "A1", &[]any{"Nyckeltal oktober 2026"})
	f.SetSheetRow(s, "A3", &[]any{"Område", "Enhet", "Period", "Mått", "Värde", "Mål", "Status"})
	monthFmt := "mmm-yy"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &monthFmt})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	day := time.Date(2026, 10, 17, 0, 0, 0, 0, time.UTC)
	f.SetSheetRow(s, "A4", &[]any{"Vuxen missbruk", "Öppenvården", day, "Brukarnöjdhet (%)", 0.875, 0.8, "grön"})
	f.SetCellStyle(s, "C4", "C4", dateStyle)
	f.SetCellStyle(s, "E4", "F4", pct)
	f.SetSheetRow(s, "A5", &[]any{"Vuxen missbruk", "Öppenvården", "2026-10", "Vakanta tjänster", "2", nil, nil})
	f.SetSheetRow(s, "A6", &[]any{"Vuxen missbruk", "", 46296.0, "Ärenden per handläggare", 31.5, 25, "Röd"}) // 46296 = 2026-10-01 as a serial
	f.SetCellStyle(s, "C6", "C6", dateStyle)
	f.NewSheet("Budget")
	f.SetSheetRow("Budget", "A1", &[]any{"Område", "Enhet", "Period", "Konto", "Budget", "Utfall"})
	f.SetSheetRow("Budget", "A2", &[]any{"Vuxen missbruk", "Öppenvården", time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), "Personal", 812.4, "1 020,6"})
	f.SetSheetRow("Budget", "A3", &[]any{"Vuxen missbruk", "Öppenvården", "2026-10", "Placeringar", 0.1, -0.30000000000000004})
	f.NewSheet("Anteckningar") // notes: a sheet of no known shape would be refused; this one is an info sheet
	f.SetSheetName("Anteckningar", "Info")
	f.SetCellStr("Info", "A1", "Fylld för hand av enhetschefen.")
	return f
}

// unknownShapeWorkbook has a sheet whose name and headers say nothing.
func unknownShapeWorkbook() *excelize.File {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Namn", "Telefon", "Rum"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Anna", "070-123", "B12"})
	return f
}

func workbooks() map[string]*excelize.File {
	return map[string]*excelize.File{
		"sv/hand.xlsx":           handWorkbook(),
		"bad/unknown_shape.xlsx": unknownShapeWorkbook(),
	}
}

// TestTestdata checks the committed files are what the generators write,
// and rewrites them with -update.
func TestTestdata(t *testing.T) {
	for name, want := range textFiles() {
		path := filepath.Join("testdata", name)
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its generator (run with -update)", path)
		}
	}
	for name, f := range workbooks() {
		path := filepath.Join("testdata", name)
		if _, err := os.Stat(path); *update || err != nil {
			if !*update {
				t.Errorf("%s is missing (run with -update)", path)
				continue
			}
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
	}
}
