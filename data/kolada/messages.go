package kolada

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"kolada.where.line":   {"rad %d", "line %d"},
		"kolada.where.column": {"kolumn %s", "column %s"},
		"kolada.where.value":  {"(värde: %q)", "(value: %q)"},

		"kolada.reason.missing":    {"filen eller mappen finns inte", "the file or folder does not exist"},
		"kolada.reason.permission": {"du saknar behörighet att läsa den", "you may not read it"},
		"kolada.reason.no_files":   {"mappen innehåller inga Kolada-filer (.json, .csv eller en DDF-mapp)", "the folder holds no Kolada files (.json, .csv or a DDF folder)"},
		"kolada.reason.unreadable": {"den går inte att läsa", "it cannot be read"},

		"kolada.err.too_many":              {"fler än %d fel; resten av filen har inte kontrollerats", "more than %d errors; the rest of the file was not checked"},
		"kolada.err.csv":                   {"filen är inte en läsbar CSV-fil (%s)", "the file is not a readable CSV file (%s)"},
		"kolada.err.json":                  {"filen är inte ett läsbart svar från Kolada-API:t (%s)", "the file is not a readable Kolada API answer (%s)"},
		"kolada.err.api_element":           {"posten har varken kpi eller id; det är inte ett svar från Kolada-API:t", "the entry has neither kpi nor id; it is not a Kolada API answer"},
		"kolada.err.ddf_header":            {"okänd DDF-fil: rubrikraden ska börja med concept, kommun, region, rike eller geo", "unknown DDF file: the header must start with concept, kommun, region, rike or geo"},
		"kolada.err.ddf_kpi":               {"rubrikraden saknar en nyckeltalskolumn (till exempel n33816)", "the header has no KPI column (for example n33816)"},
		"kolada.err.code":                  {"ingen Kolada-kod: skriv 0000 för riket, 00NN för en region eller en fyrsiffrig kommunkod (DDF: 0 och två siffror går också)", "not a Kolada code: write 0000 for Riket, 00NN for a region or a four-digit kommunkod (DDF: 0 and two digits work too)"},
		"kolada.err.year":                  {"ogiltigt år; skriv fyra siffror, till exempel 2022", "invalid year; write four digits, for example 2022"},
		"kolada.err.gender":                {"okänt kön; Kolada skriver T (totalt), K (kvinnor) eller M (män)", "unknown gender; Kolada writes T (total), K (women) or M (men)"},
		"kolada.err.fields":                {"raden har %d fält men rubrikraden %d (ett decimalkomma i stället för punkt?)", "the line has %d fields but the header %d (a decimal comma instead of a point?)"},
		"kolada.err.number":                {"inte ett tal", "not a number"},
		"kolada.err.kpi_id":                {"inte ett nyckeltals-id; Kolada skriver en bokstav och fem siffror, till exempel N33816", "not a KPI id; Kolada writes a letter and five digits, for example N33816"},
		"kolada.err.webexport_header":      {"exporten från Kolada ska ha kolumnerna Kommun/Landsting, Nyckeltal, År och Visat Värde", "the Kolada export must have the columns Kommun/Landsting, Nyckeltal, År and Visat Värde"},
		"kolada.err.unknown_municipality":  {"okänd kommun eller region; menar du %s?", "unknown municipality or region; did you mean %s?"},
		"kolada.warn.unknown_municipality": {"okänd kommun eller region, raderna hoppas över (närmast: %s)", "unknown municipality or region, its rows are skipped (closest: %s)"},
		"kolada.err.unknown_kpi":           {"nyckeltalet finns inte i katalogen; närmast är %s. Läs in Koladas nyckeltalskatalog i samma import, eller hoppa över okända med --skip-unknown", "the KPI is not in the catalogue; the closest is %s. Import Kolada's KPI catalogue in the same import, or skip unknown ones with --skip-unknown"},
		"kolada.warn.unknown_kpi":          {"nyckeltalet finns inte i katalogen, raderna hoppas över (närmast: %s)", "the KPI is not in the catalogue, its rows are skipped (closest: %s)"},
		"kolada.err.ambiguous_kpi":         {"titeln passar flera nyckeltal (%s); läs in dem med API:t i stället", "the title fits several KPIs (%s); import them through the API instead"},
		"kolada.warn.approx_kpi":           {"läst som %s (%s): titeln skiljer sig bara i enstaka ord", "read as %s (%s): the title differs in a word or so only"},
		"kolada.err.unknown_format":        {"okänt format; beredning läser Kolada-API:ts JSON-svar, open-numbers DDF-mappen, Koladas webbexport (CSV) och nyckeltalskatalogen", "unknown format; beredning reads the Kolada API's JSON answers, the open-numbers DDF folder, Kolada's web export (CSV) and the KPI catalogue"},
		"kolada.err.nothing":               {"inga nyckeltal, kommuner eller värden hittades", "no KPIs, municipalities or values found"},
	})
}
