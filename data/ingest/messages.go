package ingest

import "github.com/beredning/beredning/data/lang"

// Every text a user reads about an import, in Swedish and English. Values
// from the files are quoted as they were written; numbers in summaries are
// written the Swedish way in both languages (see lang).

func init() {
	lang.Register(map[string]lang.Text{
		"import.loc.sheet":  {`, blad "%s"`, `, sheet "%s"`},
		"import.loc.line":   {", rad %d", ", line %d"},
		"import.loc.column": {`, kolumn "%s"`, `, column "%s"`},

		"import.kind.budget":      {"budget", "budget"},
		"import.kind.placeringar": {"placeringar", "placements"},
		"import.kind.matt":        {"mått", "measures"},
		"import.kind.berattelser": {"berättelser", "narratives"},

		"import.key.budget":      {"område, enhet, period och konto", "area, unit, period and konto"},
		"import.key.placeringar": {"område, enhet, period och insats", "area, unit, period and insats"},
		"import.key.matt":        {"område, enhet, period och mått", "area, unit, period and measure"},
		"import.key.berattelser": {"område, enhet, period, typ och rubrik", "area, unit, period, typ and rubrik"},

		"import.pnr.personnummer":      {"ett personnummer", "a personal identity number (personnummer)"},
		"import.pnr.samordningsnummer": {"ett samordningsnummer", "a coordination number (samordningsnummer)"},

		// Errors: the file is refused, nothing is written.
		"import.err.control": {
			"innehåller ett styrtecken (%s, tecken %d), som inte får finnas i namn och nycklar; ta bort det i källfilen",
			"holds a control character (%s, character %d), which names and keys may not hold; remove it in the source file",
		},
		"import.warn.control_removed": {
			"styrtecken (till exempel terminalkoder) togs bort ur texten",
			"control characters (such as escape codes) were removed from the text",
		},
		"import.warn.hidden_sheet": {
			"bladet är dolt och lästes inte in, fast det har innehåll. Ska det med: visa det i Excel (högerklicka på en bladflik, Visa/Ta fram), spara och läs in igen",
			"the sheet is hidden and was not imported, though it has content. To include it: unhide it in Excel (right-click a sheet tab, Unhide), save and import again",
		},
		"import.warn.merged": {
			"bladet har sammanfogade celler: den översta cellens värde gäller för hela det sammanfogade området, som Excel visar det",
			"the sheet has merged cells: the first cell's value is taken for the whole merged range, as Excel shows it",
		},
		"import.err.open":          {"kunde inte läsas: %s", "could not be read: %s"},
		"import.err.no_files":      {"hittade inga filer att läsa in (CSV, XLSX eller Markdown)", "found no files to import (CSV, XLSX or Markdown)"},
		"import.err.empty":         {"filen är tom", "the file is empty"},
		"import.err.binary":        {"ser ut som en binärfil, inte en CSV-fil, ett Excel-ark eller Markdown", "looks like a binary file, not a CSV file, an Excel workbook or Markdown"},
		"import.err.xls":           {"är i Excels gamla format (.xls) eller lösenordsskyddad; spara den som Excel-arbetsbok (.xlsx) eller CSV", "is in Excel's old format (.xls) or password-protected; save it as an Excel workbook (.xlsx) or CSV"},
		"import.err.xlsx":          {"kunde inte läsas som Excel-arbetsbok: %s", "could not be read as an Excel workbook: %s"},
		"import.err.no_sheets":     {"arbetsboken har inget blad med budget, placeringar, mått eller berättelser", "the workbook has no sheet of budget, placements, measures or narratives"},
		"import.err.line_too_long": {"raden är %s lång; en rad får vara högst %s. Är det verkligen en CSV-fil?", "the line is %s long; a line may be at most %s. Is it really a CSV file?"},
		"import.err.quote_unclosed": {
			"citattecknet som öppnar ett fält på rad %d stängs aldrig; filen verkar avkortad",
			"the quote that opens a field on line %d is never closed; the file seems cut short",
		},
		"import.err.quote_runaway": {
			"citattecknet som öppnar ett fält på rad %d stängs inte inom %s; resten av filen lästes inte",
			"the quote that opens a field on line %d is not closed within %s; the rest of the file was not read",
		},
		"import.err.nul":      {"raden innehåller NUL-tecken (binärdata)", "the line holds NUL characters (binary data)"},
		"import.err.bad_utf8": {"raden är inte giltig UTF-8 fast filen började som UTF-8; blandade teckenkodningar?", "the line is not valid UTF-8 although the file began as UTF-8; mixed encodings?"},
		"import.err.no_header": {
			"hittar ingen rubrikrad som säger vad tabellen är (budget, placeringar, mått eller berättelser); första raden: %s",
			"found no header row saying what the table is (budget, placements, measures or narratives); first row: %s",
		},
		"import.err.unknown_shape": {
			"bladet har ingen känd form: namnet säger inte vad det är, och rubrikerna passar ingen av budget, placeringar, mått och berättelser (första raden: %s)",
			"the sheet has no known shape: its name does not say what it is, and its headers fit none of budget, placements, measures and narratives (first row: %s)",
		},
		"import.err.no_kind": {
			"rubrikraden säger inte vad tabellen är; en tabell med budget har konto och budget, placeringar har insats och antal, mått har matt och varde, berättelser har typ och rubrik (rubrikraden har: %s)",
			"the header row does not say what the table is; a budget table has konto and budget, placements have insats and antal, measures have matt and varde, narratives have typ and rubrik (the header row has: %s)",
		},
		"import.err.missing_columns":  {"kolumner saknas för %s: %s (rubrikraden har: %s)", "columns missing for %s: %s (the header row has: %s)"},
		"import.err.duplicate_column": {`kolumnerna "%s" och "%s" betyder båda %s`, `the columns "%s" and "%s" both mean %s`},
		"import.err.extra_fields": {
			"raden har %d värden men rubrikraden bara %d kolumner; ett decimalkomma utan citattecken i en kommaseparerad fil?",
			"the row has %d values but the header only %d columns; a decimal comma without quotes in a comma-separated file?",
		},
		"import.err.required":  {"%s saknas", "%s is missing"},
		"import.err.number":    {`"%s" är inget tal`, `"%s" is not a number`},
		"import.err.too_large": {`"%s" är för stort`, `"%s" is too large`},
		"import.err.integer":   {`"%s" är inget heltal`, `"%s" is not a whole number`},
		"import.err.negative":  {`"%s" kan inte vara negativt`, `"%s" cannot be negative`},
		"import.err.unit":      {`"%s": "%s" hör inte hemma här; kolumnen är ett belopp i %s, skriv bara talet`, `"%s": "%s" does not belong here; the column is an amount in %s, write the number alone`},
		"import.err.md_quote": {
			`värdet ‹%s› börjar med ett citattecken som aldrig stängs; sätt ett likadant sist, eller ta bort det`,
			`the value ‹%s› starts with a quote that is never closed; put the same one at the end, or remove it`,
		},
		"import.err.md_yaml_list": {
			`värdet ‹%s› är en YAML-lista eller -tabell; skriv det som vanlig text, utan [ ] eller { }`,
			`the value ‹%s› is a YAML list or map; write it as plain text, without [ ] or { }`,
		},
		"import.err.money_exponent": {
			`"%s" är skrivet med exponent; ett belopp skrivs ut (100 000, inte 1e5). Formatera cellen som tal i Excel`,
			`"%s" is written with an exponent; an amount is written out (100 000, not 1e5). Format the cell as a number in Excel`,
		},
		"import.err.period":       {`"%s" är ingen period; skriv till exempel 2026-10, 202610 eller okt 2026`, `"%s" is not a period; write for example 2026-10, 202610 or okt 2026`},
		"import.err.enum":         {`"%s" är inget giltigt värde för %s; giltiga: %s`, `"%s" is not a valid value for %s; valid: %s`},
		"import.err.no_group":     {`malgrupp saknas och området "%s" har ingen målgrupp; skriv barn eller vuxen`, `malgrupp is missing and the area "%s" has no target group; write barn or vuxen`},
		"import.err.measure_code": {`koden "%s" är okänd och raden saknar måttets namn`, `the code "%s" is unknown and the row has no measure name`},
		"import.err.duplicate_key": {
			"samma %s som rad %d, men andra värden",
			"the same %s as line %d, but other values",
		},
		"import.err.duplicate_key_other": {
			"samma %s som %s, rad %d, men andra värden",
			"the same %s as %s, line %d, but other values",
		},
		"import.err.pnr": {
			"texten innehåller %s; ta bort det, eller läs in med --mask-pnr så maskeras det",
			"the text holds %s; remove it, or import with --mask-pnr to have it masked",
		},
		"import.err.md_front_matter": {"berättelsen saknar front matter (fält mellan två rader ---)", "the narrative has no front matter (fields between two lines of ---)"},
		"import.err.md_unclosed":     {"front matter avslutas aldrig med en rad ---", "the front matter is never closed by a line of ---"},
		"import.err.md_line":         {`"%s" är inte på formen fält: värde`, `"%s" is not of the form field: value`},
		"import.err.md_too_large":    {"berättelsen är större än %s", "the narrative is larger than %s"},
		"import.err.db":              {"databasfel: %s", "database error: %s"},
		"import.err.too_many":        {"fler än %d fel; resten av filen kontrollerades inte", "more than %d errors; the rest of the file was not checked"},
		"import.err.truncated":       {"Alla fel visas inte.", "Not every error is shown."},

		// Warnings: the import goes ahead.
		"import.warn.unknown_column":  {"okänd kolumn; den lästes inte", "unknown column; it was not read"},
		"import.warn.unknown_account": {`kontot "%s" är inget av personal, placeringar, bistand, ovrigt och intakter; det sparas som "%s"`, `the konto "%s" is none of personal, placeringar, bistand, ovrigt and intakter; it is kept as "%s"`},
		"import.warn.custom_measure":  {`"%s" är inget känt mått; det sparas som eget mått "%s"`, `"%s" is not a known measure; it is kept as a custom measure "%s"`},
		"import.warn.similar_area":    {`nytt område "%s" liknar det befintliga "%s"; stavfel?`, `new area "%s" resembles the existing "%s"; a typo?`},
		"import.warn.similar_unit":    {`ny enhet "%s" i %s liknar den befintliga "%s"; stavfel?`, `new unit "%s" in %s resembles the existing "%s"; a typo?`},
		"import.warn.duplicate_same":  {"raden upprepar rad %d med samma värden; den räknas som oförändrad", "the row repeats line %d with the same values; it counts as unchanged"},
		"import.warn.extra_cell":      {"värde utan rubrik; det lästes inte", "value without a header; it was not read"},
		"import.warn.money_unit":      {"kolumnen är i %s och räknas om till tkr", "the column is in %s and is converted to tkr"},
		"import.warn.no_rows":         {"inga rader att läsa in", "no rows to import"},
		"import.warn.about":           {`avser "%s" är varken ett konto eller ett mått; det sparas som "%s"`, `avser "%s" is neither a konto nor a measure; it is kept as "%s"`},
		"import.warn.md_skipped":      {"hoppades över: Markdown utan front matter är ingen berättelse", "skipped: Markdown without front matter is not a narrative"},
		"import.warn.skipped_file":    {"hoppades över: inte CSV, XLSX eller Markdown", "skipped: not CSV, XLSX or Markdown"},
		"import.warn.more":            {"fler varningar visas inte", "further warnings are not shown"},

		// Summary.
		"import.sum.rows":          {"rader: %s (nya: %s, ändrade: %s, oförändrade: %s)", "rows: %s (new: %s, changed: %s, unchanged: %s)"},
		"import.sum.areas":         {"nya områden: %d", "new areas: %d"},
		"import.sum.units":         {"nya enheter: %d", "new units: %d"},
		"import.sum.measures":      {"nya egna mått: %d", "new custom measures: %d"},
		"import.sum.masked":        {"maskerade personnummer: %d", "masked personal identity numbers: %d"},
		"import.sum.skipped":       {"överhoppade exempelrader: %d", "example rows skipped: %d"},
		"import.sum.warnings":      {"varningar: %d", "warnings: %d"},
		"import.sum.errors":        {"fel: %d", "errors: %d"},
		"import.sum.warnings_head": {"Varningar:", "Warnings:"},
		"import.sum.refused":       {"Inläsningen avbröts (fel: %d). Inget sparades.", "The import was refused (errors: %d). Nothing was saved."},
		"import.sum.dry_run":       {"Provkörning, inget sparades. Nya rader: %s, ändrade: %s, oförändrade: %s.", "Dry run, nothing was saved. New rows: %s, changed: %s, unchanged: %s."},
		"import.sum.done":          {"Klart. Nya rader: %s, ändrade: %s, oförändrade: %s.", "Done. New rows: %s, changed: %s, unchanged: %s."},
	})
}
