package ingest

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// The template is the workbook a controller sends to the units: one sheet
// per kind with data/ingest/FORMATS.md's columns, drop-down lists for the enumerated
// columns, one example row each, and instructions in Swedish. Its example
// rows have an område starting with "Exempel", which the importer passes
// over, so a filled-in template imports cleanly whether or not the units
// delete them.

// templateRows is how many rows the drop-down lists cover.
const templateRows = 2000

type templateSheet struct {
	name    string
	kind    Kind
	headers []string
	example []any
	widths  []float64
	lists   map[int]string // column index → list on the Listor sheet
	open    map[int]bool   // lists that allow other values (konto, mått)
	money   []int          // columns in tkr
	text    []int          // columns kept as text (period, kod)
}

func templateSheets() []templateSheet {
	return []templateSheet{
		{
			name: "Budget", kind: KindBudget,
			headers: []string{"Område", "Enhet", "Period", "Konto", "Budget (tkr)", "Utfall (tkr)", "Prognos (tkr)"},
			example: []any{"Exempel: Barn och unga", "Utredningsenheten", "2026-10", "Personal", 1234.5, 1302.1, 15200.0},
			widths:  []float64{26, 24, 10, 16, 14, 14, 14},
			lists:   map[int]string{3: "konto"}, open: map[int]bool{3: true},
			money: []int{4, 5, 6}, text: []int{2},
		},
		{
			name: "Placeringar", kind: KindPlacements,
			headers: []string{"Område", "Enhet", "Period", "Insats", "Målgrupp", "Antal", "Nya", "Avslutade", "Vårddygn", "Kostnad (tkr)"},
			example: []any{"Exempel: Barn och unga", "Familjehemsenheten", "2026-10", "HVB", "barn", 4, 1, 0, 120, 980.5},
			widths:  []float64{26, 24, 10, 26, 10, 8, 8, 10, 10, 14},
			lists:   map[int]string{3: "insats", 4: "malgrupp"},
			money:   []int{9}, text: []int{2},
		},
		{
			name: "Mått", kind: KindMeasures,
			headers: []string{"Område", "Enhet", "Period", "Mått", "Kod", "Värde", "Mål", "Riktning", "Status"},
			example: []any{"Exempel: Barn och unga", "Utredningsenheten", "2026-10", "Pågående utredningar över 4 månader", "", 3, 0, "låg", "röd"},
			widths:  []float64{26, 24, 10, 40, 10, 10, 10, 10, 10},
			lists:   map[int]string{3: "matt", 7: "riktning", 8: "status"}, open: map[int]bool{3: true},
			text: []int{2, 4},
		},
		{
			name: "Berättelser", kind: KindNarratives,
			headers: []string{"Område", "Enhet", "Period", "Typ", "Allvar", "Rubrik", "Text", "Författare", "Avser"},
			example: []any{"Exempel: Barn och unga", "Utredningsenheten", "2026-10", "Tillkortakommande", "hög",
				"Uppföljningar av placerade barn hinns inte med",
				"Två av sex tjänster har varit vakanta sedan augusti. Uppföljningsbesök hos placerade barn har skjutits upp; tre barn har inte fått besök på över sex månader.",
				"Enhetschef", "utredningar_over_4_man"},
			widths: []float64{26, 24, 10, 20, 10, 40, 80, 18, 24},
			lists:  map[int]string{3: "typ", 4: "allvar"},
			text:   []int{2},
		},
	}
}

// templateLists are the drop-down lists, as display names the importer
// reads back.
func templateLists() []struct {
	key    string
	header string
	values []string
} {
	l := lang.SV
	var konto, insats, matt, typ []string
	for _, a := range data.KnownAccounts {
		konto = append(konto, l.Account(a))
	}
	for _, k := range data.PlacementKinds {
		insats = append(insats, l.Kind(k))
	}
	for _, m := range data.KnownMeasures {
		matt = append(matt, m.Name)
	}
	for _, t := range data.NarrativeTypes {
		typ = append(typ, l.NarrativeType(t))
	}
	return []struct {
		key    string
		header string
		values []string
	}{
		{"konto", "Konto", konto},
		{"insats", "Insats", insats},
		{"malgrupp", "Målgrupp", []string{"barn", "vuxen"}},
		{"matt", "Mått", matt},
		{"riktning", "Riktning", []string{"hög", "låg"}},
		{"status", "Status", []string{"grön", "gul", "röd"}},
		{"typ", "Typ", typ},
		{"allvar", "Allvar", []string{"låg", "medel", "hög"}},
	}
}

// WriteTemplate writes the template workbook.
func WriteTemplate(w io.Writer) error {
	f, err := Template()
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Write(w)
}

// Template builds the template workbook, for callers that fill it in
// further (tests, or a TUI that pre-fills the units).
func Template() (*excelize.File, error) {
	f := excelize.NewFile()
	if err := buildTemplate(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func buildTemplate(f *excelize.File) error {
	if err := f.SetSheetName("Sheet1", "Instruktioner"); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5EE"}}})
	if err != nil {
		return err
	}
	example, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080"}})
	if err != nil {
		return err
	}
	moneyFmt := "#,##0.0"
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: &moneyFmt})
	if err != nil {
		return err
	}
	exampleMoney, err := f.NewStyle(&excelize.Style{CustomNumFmt: &moneyFmt, Font: &excelize.Font{Italic: true, Color: "808080"}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": Excel keeps 2026-10 as text
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := writeInstructions(f, bold, wrap); err != nil {
		return err
	}

	// The lists, on a hidden sheet the drop-downs refer to.
	lists := templateLists()
	listRef := map[string]string{}
	if _, err := f.NewSheet("Listor"); err != nil {
		return err
	}
	for i, l := range lists {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cells := []any{l.header}
		for _, v := range l.values {
			cells = append(cells, v)
		}
		if err := f.SetSheetCol("Listor", col+"1", &cells); err != nil {
			return err
		}
		listRef[l.key] = fmt.Sprintf("Listor!$%s$2:$%s$%d", col, col, len(l.values)+1)
	}

	for _, ts := range templateSheets() {
		s := ts.name
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
		headers := make([]any, len(ts.headers))
		for i, h := range ts.headers {
			headers[i] = h
		}
		if err := f.SetSheetRow(s, "A1", &headers); err != nil {
			return err
		}
		if err := f.SetSheetRow(s, "A2", &ts.example); err != nil {
			return err
		}
		last, _ := excelize.ColumnNumberToName(len(ts.headers))
		if err := f.SetCellStyle(s, "A1", last+"1", bold); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "A2", last+"2", example); err != nil {
			return err
		}
		for i, w := range ts.widths {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(s, col, col, w); err != nil {
				return err
			}
		}
		for _, c := range ts.money {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetCellStyle(s, col+"3", fmt.Sprintf("%s%d", col, templateRows), money); err != nil {
				return err
			}
			if err := f.SetCellStyle(s, col+"2", col+"2", exampleMoney); err != nil {
				return err
			}
		}
		for _, c := range ts.text {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetCellStyle(s, col+"3", fmt.Sprintf("%s%d", col, templateRows), text); err != nil {
				return err
			}
		}
		for c, key := range ts.lists {
			col, _ := excelize.ColumnNumberToName(c + 1)
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows)
			dv.SetSqrefDropList(listRef[key])
			if ts.open[c] {
				dv.SetError(excelize.DataValidationErrorStyleInformation, ts.headers[c],
					"Värdet finns inte i listan. Det sparas ändå, som ett eget "+map[bool]string{true: "konto", false: "mått"}[key == "konto"]+".")
			} else {
				dv.SetError(excelize.DataValidationErrorStyleStop, ts.headers[c], "Välj ett värde i listan.")
			}
			if err := f.AddDataValidation(s, dv); err != nil {
				return err
			}
		}
		if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible("Listor", false); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}

// instructions are the Swedish text of the first sheet, one paragraph a row.
var instructions = []string{
	"Underlag till socialnämndens uppföljning",
	"Fyll i bladen Budget, Placeringar, Mått och Berättelser för din enhet och skicka tillbaka arbetsboken. Rad 2 på varje blad är ett exempel (grå). Den läses inte in, så länge Område börjar med \"Exempel\"; skriv gärna över den.",
	"Var och när",
	"Varje rad säger var den hör hemma och vilken månad den gäller: Område (verksamhetsområde), Enhet (lämna tom för området som helhet) och Period, en kalendermånad: 2026-10, 202610 eller okt 2026. Ett datum duger också; dagen spelar ingen roll.",
	"Tal",
	"Belopp anges i tusen kronor (tkr), som nettokostnad; intäkter skrivs som negativ kostnad. Decimalkomma och mellanslag mellan tusental går bra: 1 234,5. En tom ruta betyder att värdet saknas (till exempel utfall för en månad som inte är stängd), inte noll.",
	"Budget",
	"En rad per månad och konto: personal, placeringar, bistånd (utbetalt försörjningsstöd), övrigt och intäkter. Andra konton går att använda och sparas som de skrivs. Budget är månadens budget, Utfall månadens utfall och Prognos den prognos för helåret som gjordes den månaden.",
	"Placeringar",
	"En rad per månad och insats: Antal är pågående placeringar vid månadens slut, Nya och Avslutade under månaden, Vårddygn och Kostnad (tkr) för månaden. Målgrupp (barn 0–20 år eller vuxen) kan lämnas tom och tas då från området.",
	"Mått",
	"Ett mått eller en indikator per rad. Välj ett känt mått i listan eller skriv ett eget namn. Kod är en fast beteckning som håller ihop ett mått även om namnet ändras. En rad med Mål är en målindikator; Riktning säger om högt eller lågt är bra, och Status är den färg enheten själv bedömer (grön, gul, röd).",
	"Berättelser",
	"Här beskriver enheten med egna ord det siffrorna inte visar: tillkortakommanden, bortprioriteringar, vilka som hamnar mellan stolarna, saknade insatser, risker, lex Sarah, analys av avvikelser, åtgärder och framgångar. Allvar är låg, medel eller hög. Avser kan peka ut ett konto eller ett mått som berättelsen förklarar.",
	"Sekretess",
	"Skriv aldrig personnummer, samordningsnummer, namn eller annat som pekar ut en enskild person. En berättelse med personnummer avvisas vid inläsningen. Tänk på att små tal i en liten enhet också kan röja vem det gäller.",
	"Inläsning",
	"Controllern läser in arbetsboken med: beredning import --db beredning.db arbetsbok.xlsx (lägg till --dry-run för att först bara kontrollera). Alla fel visas med blad, rad och kolumn, och ingenting sparas förrän alla fel är rättade. Samma rader kan läsas in igen; de räknas då som oförändrade.",
}

func writeInstructions(f *excelize.File, head, wrap int) error {
	s := "Instruktioner"
	if err := f.SetColWidth(s, "A", "A", 110); err != nil {
		return err
	}
	for i, text := range instructions {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellStr(s, cell, text); err != nil {
			return err
		}
		style := wrap
		if i%2 == 0 {
			style = head
		}
		if err := f.SetCellStyle(s, cell, cell, style); err != nil {
			return err
		}
	}
	return nil
}
