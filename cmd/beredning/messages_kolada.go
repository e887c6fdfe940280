package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.kolada.summary": {"jämför med andra kommuner: läs in, hämta och visa nyckeltal från Kolada", "compare with other municipalities: import, fetch and show Kolada key figures"},
		"cli.kolada.usage": {
			"Användning:\n  beredning kolada import [--db FIL] [--dry-run] [--skip-unknown] SÖKVÄG...\n  beredning kolada fetch  [--db FIL] [--kpi K,K] [--years 2013-2022] [--save MAPP] [--dry-run]\n  beredning kolada list   [--db FIL] [--kpi K] [--kommun KOD] [--format table|json]\n  beredning kolada kpis   [--db FIL]\n\nimport läser Kolada-API:ts JSON-svar, open-numbers DDF-mapp, Koladas webbexport (CSV, Latin-1) och nyckeltalskatalogen;\nformatet känns igen på innehållet. Kommunkoden sätts med beredning init --kommunkod 0127 eller settings set kommun.kod 0127,\njämförelsekommunerna med kolada.compare och nyckeltalen per område med kolada.area_kpis. Källa: Kolada/RKA.",
			"Usage:\n  beredning kolada import [--db FILE] [--dry-run] [--skip-unknown] PATH...\n  beredning kolada fetch  [--db FILE] [--kpi K,K] [--years 2013-2022] [--dry-run]\n  beredning kolada list   [--db FILE] [--kpi K] [--kommun CODE] [--format table|json]\n  beredning kolada kpis   [--db FILE]\n\nimport reads the Kolada API's JSON answers, the open-numbers DDF folder, Kolada's web export (CSV, Latin-1) and the KPI catalogue;\nthe format is recognised by content. Set the kommunkod with beredning init --kommunkod 0127 or settings set kommun.kod 0127,\nthe comparison set with kolada.compare and the KPIs per area with kolada.area_kpis. Source: Kolada/RKA."},
		"cli.kolada.unknown_action":        {"Okänt kolada-kommando %q.", "Unknown kolada command %q."},
		"cli.kolada.import.summary":        {"läs in Kolada-filer eller mappar", "import Kolada files or folders"},
		"cli.kolada.import.usage":          {"Användning: beredning kolada import [--db FIL] [--dry-run] [--skip-unknown] SÖKVÄG...", "Usage: beredning kolada import [--db FILE] [--dry-run] [--skip-unknown] PATH..."},
		"cli.kolada.list.summary":          {"visa sparade Kolada-värden", "show stored Kolada values"},
		"cli.kolada.list.usage":            {"Användning: beredning kolada list [--db FIL] [--kpi K,K] [--kommun KOD,KOD] [--format table|json]", "Usage: beredning kolada list [--db FILE] [--kpi K,K] [--kommun CODE,CODE] [--format table|json]"},
		"cli.kolada.kpis.summary":          {"visa nyckeltalen per verksamhetsområde", "show the key figures per area"},
		"cli.kolada.kpis.usage":            {"Användning: beredning kolada kpis [--db FIL]", "Usage: beredning kolada kpis [--db FILE]"},
		"cli.kolada.flag.skip_unknown":     {"webbexport: hoppa över okända kommuner och nyckeltal (med en varning) i stället för att avbryta", "web export: skip unknown municipalities and KPIs (with a warning) instead of refusing"},
		"cli.kolada.flag.kpi":              {"nyckeltal, till exempel N33816 eller N33816,U33401", "KPIs, for example N33816 or N33816,U33401"},
		"cli.kolada.flag.kommun":           {"Kolada-koder: 0000 riket, 00NN en region, fyrsiffrig kommunkod", "Kolada codes: 0000 Riket, 00NN a region, a four-digit kommunkod"},
		"cli.kolada.flag.format":           {"utdata: table eller json", "output: table or json"},
		"cli.kolada.bad_kpi":               {"Ogiltigt nyckeltal %q; skriv till exempel N33816.", "Invalid KPI %q; write for example N33816."},
		"cli.kolada.bad_code":              {"Ogiltig kod %q; skriv fyra siffror, till exempel 0127 (0000 är riket).", "Invalid code %q; write four digits, for example 0127 (0000 is Riket)."},
		"cli.kolada.failed":                {"Kunde inte läsa Kolada-uppgifterna: %v", "Could not read the Kolada data: %v"},
		"cli.kolada.list.none":             {"Inga Kolada-värden sparade som passar. Läs in med: beredning kolada import SÖKVÄG", "No stored Kolada values match. Import with: beredning kolada import PATH"},
		"cli.kolada.col.kpi":               {"Nyckeltal", "KPI"},
		"cli.kolada.col.code":              {"Kod", "Code"},
		"cli.kolada.col.name":              {"Namn", "Name"},
		"cli.kolada.col.year":              {"År", "Year"},
		"cli.kolada.col.gender":            {"Kön", "Gender"},
		"cli.kolada.col.value":             {"Värde", "Value"},
		"cli.kolada.source":                {"Källa: Kolada/RKA. Kön: T totalt, K kvinnor, M män.", "Source: Kolada/RKA. Gender: T total, K women, M men."},
		"cli.kolada.kpis.heading":          {"Nyckeltal från Kolada per verksamhetsområde. Kommunkod: %s; jämförs med %s.", "Kolada key figures per area. Kommunkod: %s; compared with %s."},
		"cli.kolada.kpis.no_home":          {"inte satt (beredning settings set kommun.kod KOD)", "not set (beredning settings set kommun.kod CODE)"},
		"cli.kolada.kpis.committee":        {"Nämnden som helhet", "The committee as a whole"},
		"cli.kolada.kpis.unmapped":         {"inga nyckeltal kopplade", "no key figures mapped"},
		"cli.kolada.kpis.not_in_catalogue": {"(inte i katalogen; läs in den eller hämta med kolada fetch)", "(not in the catalogue; import it or fetch with kolada fetch)"},
		"cli.kolada.kpis.no_values":        {"inga värden", "no values"},
		"cli.kolada.kpis.hint":             {"Ändra kopplingen med: beredning settings set %s \"Område=KPI,KPI; *=KPI\"", "Change the mapping with: beredning settings set %s \"Area=KPI,KPI; *=KPI\""},

		"cli.kolada.fetch.summary":    {"hämta nyckeltal från Koladas öppna API (kräver internet)", "fetch key figures from Kolada's open API (needs the internet)"},
		"cli.kolada.fetch.usage":      {"Användning: beredning kolada fetch [--db FIL] [--kpi K,K] [--years 2013-2022] [--dry-run]\nHämtar alla kommuners värden (för rangordningen), och därmed regionens, rikets och jämförelsekommunernas.", "Usage: beredning kolada fetch [--db FILE] [--kpi K,K] [--years 2013-2022] [--dry-run]\nFetches every municipality's values (for the ranks), and with them the region's, Riket's and the comparison set's."},
		"cli.kolada.fetch.flag.kpi":   {"nyckeltal att hämta (annars alla som inställningarna nämner)", "KPIs to fetch (else every one the settings name)"},
		"cli.kolada.fetch.flag.years": {"år, till exempel 2013-2022 eller 2021,2022 (annars de tio senaste åren)", "years, for example 2013-2022 or 2021,2022 (else the last ten years)"},
		"cli.kolada.fetch.flag.api":   {"API:ts adress (för en spegel)", "the API's address (for a mirror)"},
		"cli.kolada.fetch.flag.save":  {"spara svaren som JSON-filer i denna mapp (läs in dem igen med kolada import)", "keep the answers as JSON files in this folder (import them again with kolada import)"},
		"cli.kolada.fetch.bad_years":  {"Ogiltiga år %q; skriv till exempel 2013-2022 eller 2021,2022.", "Invalid years %q; write for example 2013-2022 or 2021,2022."},
		"cli.kolada.fetch.start":      {"Hämtar %d nyckeltal för %d–%d från %s …", "Fetching %d KPIs for %d–%d from %s …"},
		"cli.kolada.fetch.page":       {"  hämtat %s", "  fetched %s"},

		"cli.info.table.kolada_kpi":   {"Kolada-nyckeltal i katalogen", "Kolada KPIs in the catalogue"},
		"cli.info.table.kolada_value": {"Kolada-värden", "Kolada values"},

		"cli.settings.kind.codes":    {"en lista med fyrsiffriga Kolada-koder, till exempel 0180,0480 (tom för ingen)", "a list of four-digit Kolada codes, for example 0180,0480 (empty for none)"},
		"cli.settings.kind.kpis":     {"en lista med nyckeltal, till exempel N33816,N33817", "a list of KPIs, for example N33816,N33817"},
		"cli.settings.kind.area_map": {"en koppling \"Område|Annat namn=KPI,KPI; *=KPI\"", "a mapping \"Area|Other name=KPI,KPI; *=KPI\""},
	})
}
