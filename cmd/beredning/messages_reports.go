package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.import.flag.reopen": {"skälet att öppna godkända rapporter som importen ändrar (annars vägras importen)",
			"the reason to reopen approved reports the import changes (else the import is refused)"},

		"cli.reports.summary": {"enheternas rapporter: lista, visa, godkänn, återsänd, kommentera, öppna igen",
			"the units' reports: list, show, approve, send back, comment, reopen"},
		"cli.reports.usage": {"beredning reports [--period ÅÅÅÅ-MM] [--status S] [--format table|json]\n" +
			"beredning reports show ENHET [--period ÅÅÅÅ-MM] [--format table|json]\n" +
			"beredning reports approve|send-back|comment|reopen ENHET [--period ÅÅÅÅ-MM] --note TEXT [--row TYP:NYCKEL] [--user NAMN]\n" +
			"ENHET som i inläsningen (skiftläge och å/ä/ö spelar ingen roll); Område/Enhet när två enheter heter lika.",
			"beredning reports [--period YYYY-MM] [--status S] [--format table|json]\n" +
				"beredning reports show UNIT [--period YYYY-MM] [--format table|json]\n" +
				"beredning reports approve|send-back|comment|reopen UNIT [--period YYYY-MM] --note TEXT [--row KIND:KEY] [--user NAME]\n" +
				"UNIT as imports match it (case and å/ä/ö do not matter); Area/Unit when two units share a name."},
		"cli.reports.flag.period": {"perioden (standard: senaste månaden med utfall)", "the period (default: the latest month with outcome)"},
		"cli.reports.flag.status": {"visa bara rapporter med status: väntar, inlämnad, kompletterad, återsänd, godkänd",
			"only reports with status: waiting, submitted, resubmitted, sent-back, approved"},
		"cli.reports.flag.format": {"utdata: table eller json", "output: table or json"},
		"cli.reports.flag.note": {"kommentaren eller skälet (krävs för återsänd och öppna igen)",
			"the comment or reason (required to send back and to reopen)"},
		"cli.reports.flag.row": {"kommentera en rad: budget:KONTO, placement:INSATS, measure:NYCKEL, indicator:NYCKEL, narrative:RUBRIK",
			"comment on a row: budget:KONTO, placement:INSATS, measure:KEY, indicator:KEY, narrative:TITLE"},
		"cli.reports.flag.user":       {"vem som granskar, för granskningsloggen (annars $USER)", "who reviews, for the audit trail (else $USER)"},
		"cli.reports.unknown_action":  {"Okänd åtgärd %q: show, approve, send-back, comment eller reopen.", "Unknown action %q: show, approve, send-back, comment or reopen."},
		"cli.reports.need_unit":       {"Ange en enhet: beredning reports %s ENHET --period ÅÅÅÅ-MM", "Name a unit: beredning reports %s UNIT --period YYYY-MM"},
		"cli.reports.bad_status":      {"Okänd status %q: väntar, inlämnad, kompletterad, återsänd eller godkänd.", "Unknown status %q: waiting, submitted, resubmitted, sent-back or approved."},
		"cli.reports.bad_row":         {"--row %q: ange TYP:NYCKEL (budget, placement, measure, indicator, narrative), och bara med comment.", "--row %q: give KIND:KEY (budget, placement, measure, indicator, narrative), and only with comment."},
		"cli.reports.failed":          {"Rapporterna kunde inte läsas: %s", "The reports could not be read: %s"},
		"cli.reports.no_unit":         {"Ingen enhet heter %q.", "No unit is called %q."},
		"cli.reports.no_unit_near":    {"Ingen enhet heter %q. Menade du %s?", "No unit is called %q. Did you mean %s?"},
		"cli.reports.ambiguous":       {"Flera enheter heter %q: %s. Skriv Område/Enhet.", "Several units are called %q: %s. Write Area/Unit."},
		"cli.reports.done":            {"%s, %s: %s; status %s (händelse %d i granskningsloggen).", "%s, %s: %s; status %s (event %d in the audit trail)."},
		"cli.reports.heading":         {"Enheternas rapporter för %s: %d av %d godkända", "The units' reports for %s: %d of %d approved"},
		"cli.reports.columns":         {"OMRÅDE\tENHET\tSTATUS\tINLÄMNAD\tKONTROLLER\tSENAST", "AREA\tUNIT\tSTATUS\tSUBMITTED\tCHECKS\tLAST"},
		"cli.reports.late":            {"(sen)", "(late)"},
		"cli.reports.overdue":         {"försenad", "overdue"},
		"cli.reports.show_heading":    {"%s › %s, %s", "%s › %s, %s"},
		"cli.reports.show_status":     {"Status %s · inlämnad %s · sista dag %s", "Status %s · submitted %s · due %s"},
		"cli.reports.budget_head":     {"Budget hittills i år (tkr): budget, utfall, avvikelse (budget − utfall)", "Budget year to date (tkr): budget, outcome, deviation (budget − outcome)"},
		"cli.reports.placements":      {"Pågående placeringar: %s", "Ongoing placements: %s"},
		"cli.reports.checks_head":     {"Kontroller %s", "Checks %s"},
		"cli.reports.narratives_head": {"Enhetens berättelser", "The unit's narratives"},
		"cli.reports.trail_head":      {"Kommentarer och händelser", "Comments and events"},
		"cli.reports.none":            {"inga", "none"},

		"cli.audit.summary": {"granskningsloggen: lista den, eller kontrollera att ingen händelse är ändrad eller borttagen",
			"the audit trail: list it, or verify that no event was altered or removed"},
		"cli.audit.usage": {"beredning audit [--period ÅÅÅÅ-MM] [--unit ENHET] [--format table|json]\nberedning audit verify",
			"beredning audit [--period YYYY-MM] [--unit UNIT] [--format table|json]\nberedning audit verify"},
		"cli.audit.flag.period":    {"bara händelser för perioden", "only events of the period"},
		"cli.audit.flag.unit":      {"bara händelser för enheten", "only events of the unit"},
		"cli.audit.unknown_action": {"Okänd åtgärd %q: bara verify.", "Unknown action %q: only verify."},
		"cli.audit.empty":          {"Inga händelser.", "No events."},
		"cli.audit.columns":        {"NR\tPERIOD\tENHET\tHÄNDELSE", "NO\tPERIOD\tUNIT\tEVENT"},
		"cli.audit.ok":             {"Granskningsloggen är hel: %d händelser, kedjans sista hash %s…", "The audit trail is whole: %d events, the chain's last hash %s…"},
		"cli.audit.altered":        {"Granskningsloggen är bruten: händelse %d är ändrad efter att den skrevs.", "The audit trail is broken: event %d was altered after it was written."},
		"cli.audit.removed":        {"Granskningsloggen är bruten: händelse %d är borttagen.", "The audit trail is broken: event %d was removed."},
		"cli.audit.removed_many":   {"Granskningsloggen är bruten: händelserna %d–%d är borttagna.", "The audit trail is broken: events %d–%d were removed."},
		"cli.audit.status":         {"Granskningsloggen stämmer inte: rapporten för enhet %d, %s, har status %s som ingen händelse ger.", "The audit trail does not match: the report of unit %d, %s, has status %s that no event gives."},
	})
}
