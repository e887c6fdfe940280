package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.init.summary": {"skapa en tom databas", "create an empty database"},
		"cli.init.usage":   {"Användning: beredning init --db FIL", "Usage: beredning init --db FILE"},
		"cli.init.need_db": {"Ange var databasen ska ligga: beredning init --db FIL", "Say where the database goes: beredning init --db FILE"},
		"cli.init.exists":  {"%s finns redan; den har inte ändrats.", "%s already exists; it was not changed."},
		"cli.init.done":    {"Skapade en tom databas: %s\nLäs in underlag med: beredning import --db FIL MAPP", "Created an empty database: %s\nImport data with: beredning import --db FILE FOLDER"},

		"cli.info.summary":        {"visa vad databasen innehåller", "show what the database holds"},
		"cli.info.usage":          {"Användning: beredning info [--db FIL] [--format text|json]", "Usage: beredning info [--db FILE] [--format text|json]"},
		"cli.info.flag.format":    {"utdata: text eller json", "output: text or json"},
		"cli.err.format":          {"Okänt format %q; välj %s.", "Unknown format %q; choose %s."},
		"cli.info.database":       {"Databas", "Database"},
		"cli.info.schema":         {"Schemaversion", "Schema version"},
		"cli.info.municipality":   {"Kommun", "Municipality"},
		"cli.info.unnamed":        {"(ej namngiven)", "(not named)"},
		"cli.info.inhabitants":    {"Invånare", "Inhabitants"},
		"cli.info.periods":        {"Perioder", "Periods"},
		"cli.info.no_data":        {"inga uppgifter ännu", "no data yet"},
		"cli.info.latest_outcome": {"Senaste månad med utfall", "Latest month with outcome"},
		"cli.info.rows":           {"Rader:", "Rows:"},
		"cli.info.no_imports":     {"Inga inläsningar ännu.", "No imports yet."},
		"cli.info.imports":        {"Senaste inläsningar:", "Latest imports:"},
		"cli.info.import_counts":  {"%d nya, %d ändrade, %d oförändrade (%s)", "%d new, %d changed, %d unchanged (%s)"},

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
		"cli.info.table.report_event":    {"Rapporthändelser", "Report events"},
		"cli.info.table.meeting":         {"Sammanträden", "Meetings"},
		"cli.info.table.agenda_item":     {"Ärenden (§)", "Agenda items (§)"},
		"cli.info.table.agenda_document": {"Handlingar", "Documents"},
		"cli.info.table.briefing_note":   {"Beredningsanteckningar", "Briefing notes"},
	})
}
