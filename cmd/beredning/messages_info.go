package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.init.summary": {"skapa en tom databas", "create an empty database"},
		"cli.init.usage": {
			"Användning: beredning init --db FIL [--name KOMMUN] [--kommunkod NNNN]\nNamn och kommunkod kan ändras senare: beredning settings set kommun.namn NAMN",
			"Usage: beredning init --db FILE [--name MUNICIPALITY] [--kommunkod NNNN]\nName and kommunkod can be changed later: beredning settings set kommun.namn NAME",
		},
		"cli.init.flag.name":      {"kommunens namn, t.ex. \"Botkyrka kommun\"", "the municipality's name, e.g. \"Botkyrka kommun\""},
		"cli.init.flag.kommunkod": {"kommunens fyrsiffriga kod hos SCB, t.ex. 0127", "the municipality's four-digit SCB code, e.g. 0127"},
		"cli.kommunkod.invalid": {
			"Ogiltig kommunkod %q: skriv SCB:s fyra siffror, länskoden (01–25) och kommunens nummer, till exempel 0127 för Botkyrka.",
			"Invalid kommunkod %q: write SCB's four digits, the county code (01–25) and the municipality's number, for example 0127 for Botkyrka.",
		},
		"cli.muni.unnamed": {
			"inget namn ännu (ge det med beredning settings set kommun.namn NAMN)",
			"no name yet (give it with beredning settings set kommun.namn NAME)",
		},
		"cli.muni.code_only": {
			"kommunkod %s, inget namn ännu (ge det med beredning settings set kommun.namn NAMN)",
			"kommunkod %s, no name yet (give it with beredning settings set kommun.namn NAME)",
		},
		"cli.muni.name_only": {"%s (kommunkod saknas)", "%s (no kommunkod)"},
		"cli.muni.named":     {"%s (kommunkod %s)", "%s (kommunkod %s)"},
		"cli.init.need_db":   {"Ange var databasen ska ligga: beredning init --db FIL", "Say where the database goes: beredning init --db FILE"},
		"cli.init.exists":    {"%s finns redan; den har inte ändrats.", "%s already exists; it was not changed."},
		"cli.init.done": {
			"Skapade en tom databas: %s\nKommun: %s\nLäs in underlag med: beredning import --db FIL MAPP",
			"Created an empty database: %s\nMunicipality: %s\nImport data with: beredning import --db FILE FOLDER",
		},

		"cli.info.summary":        {"visa vad databasen innehåller", "show what the database holds"},
		"cli.info.usage":          {"Användning: beredning info [--db FIL] [--format text|json]", "Usage: beredning info [--db FILE] [--format text|json]"},
		"cli.info.flag.format":    {"utdata: text eller json", "output: text or json"},
		"cli.err.format":          {"Okänt format %q; välj %s.", "Unknown format %q; choose %s."},
		"cli.info.database":       {"Databas", "Database"},
		"cli.info.schema":         {"Schemaversion", "Schema version"},
		"cli.info.municipality":   {"Kommun", "Municipality"},
		"cli.info.committee":      {"Nämnd", "Committee"},
		"cli.info.inhabitants":    {"Invånare", "Inhabitants"},
		"cli.info.periods":        {"Perioder", "Periods"},
		"cli.info.no_data":        {"inga uppgifter ännu", "no data yet"},
		"cli.info.latest_outcome": {"Senaste månad med utfall", "Latest month with outcome"},
		"cli.info.rows":           {"Rader:", "Rows:"},
		"cli.info.no_imports":     {"Inga inläsningar ännu.", "No imports yet."},
		"cli.info.imports":        {"Senaste inläsningar:", "Latest imports:"},
		"cli.info.undone":         {"– ångrad", "– undone"},
		"cli.info.import_counts":  {"%s, %s, %s (%s)", "%s, %s, %s (%s)"},

		"cli.info.table.area":            {"Verksamhetsområden", "Areas"},
		"cli.info.table.unit":            {"Enheter", "Units"},
		"cli.info.table.budget":          {"Budgetrader", "Budget rows"},
		"cli.info.table.placement":       {"Placeringsrader", "Placement rows"},
		"cli.info.table.measure":         {"Mått", "Measures"},
		"cli.info.table.measure_value":   {"Måttvärden", "Measure values"},
		"cli.info.table.narrative":       {"Berättelser", "Narratives"},
		"cli.info.table.setting":         {"Inställningar", "Settings"},
		"cli.info.table.import_log":      {"Inläsningar", "Imports"},
		"cli.info.table.unit_report":     {"Enhetsrapporter", "Unit reports"},
		"cli.info.table.audit_event":     {"Granskningslogg", "Audit trail"},
		"cli.info.table.meeting":         {"Sammanträden", "Meetings"},
		"cli.info.table.agenda_item":     {"Ärenden (§)", "Agenda items (§)"},
		"cli.info.table.agenda_document": {"Handlingar", "Documents"},
		"cli.info.table.briefing_note":   {"Beredningsanteckningar", "Briefing notes"},
	})
}

func init() {
	lang.Register(map[string]lang.Text{
		"cli.demo.summary":    {"bygg demokommunen (om den saknas) och öppna den", "build the demo municipality (if missing) and open it"},
		"cli.demo.usage":      {"Användning: beredning demo [--large] [--db FIL] [--fresh] [--period ÅÅÅÅ-MM]\nUtan terminal byggs databasen och dess sökväg skrivs ut.", "Usage: beredning demo [--large] [--db FILE] [--fresh] [--period YYYY-MM]\nWithout a terminal the database is built and its path printed."},
		"cli.demo.flag.large": {"storstaden: 12 områden, 300 enheter, fem år (en halv minut att bygga)", "the large city: 12 areas, 300 units, five years (half a minute to build)"},
		"cli.demo.flag.db":    {"demodatabasens fil (annars i din cachekatalog)", "the demo database file (else in your cache directory)"},
		"cli.demo.flag.fresh": {"bygg om demodatabasen från början", "rebuild the demo database from scratch"},
		"cli.demo.building":   {"Bygger demokommunen i %s …", "Building the demo municipality in %s …"},
		"cli.demo.not_demo": {
			"%s är ingen demodatabas från beredning, så --fresh bygger inte om den. Filen har inte ändrats. Välj en annan fil med --db, eller ta bort filen själv om den verkligen ska bort.",
			"%s is not a beredning demo database, so --fresh does not rebuild it. The file was not changed. Choose another file with --db, or remove the file yourself if it really is to go.",
		},
		"cli.demo.err":          {"Kunde inte bygga demokommunen i %s: %v", "Could not build the demo municipality in %s: %v"},
		"cli.flag.period":       {"perioden att granska, ÅÅÅÅ-MM (annars senaste månaden med utfall)", "the period to review, YYYY-MM (else the latest month with outcome)"},
		"cli.err.period":        {"Ogiltig period %q; skriv ÅÅÅÅ-MM, till exempel 2026-10.", "Invalid period %q; write YYYY-MM, for example 2026-10."},
		"cli.open.summary":      {"öppna tavlan på din databas (standard)", "open the board on your database (the default)"},
		"cli.open.usage":        {"Användning: beredning [open] [--db FIL] [--period ÅÅÅÅ-MM]", "Usage: beredning [open] [--db FILE] [--period YYYY-MM]"},
		"cli.open.not_terminal": {"Tavlan behöver en terminal. För skript: beredning info, beredning gaps.", "The board needs a terminal. For scripts: beredning info, beredning gaps."},
	})
}
