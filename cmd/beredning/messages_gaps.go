package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.gaps.summary": {"visa kvalitetsglappen för en period", "show the quality gaps of a period"},
		"cli.gaps.usage": {
			"Användning: beredning gaps [--db FIL] [--period ÅÅÅÅ-MM] [--format table|json|md]\n\nVisar var punkterna och budgeten säger en sak medan berättelser, volymer och lagkrav säger en annan.\nUtan --period: senaste månaden med utfall. Trösklarna ändras med: beredning settings",
			"Usage: beredning gaps [--db FILE] [--period YYYY-MM] [--format table|json|md]\n\nShows where the dots and the budget say one thing while narratives, volumes and legal limits say another.\nWithout --period: the latest month with outcome. Change the thresholds with: beredning settings",
		},
		"cli.gaps.flag.period": {"månaden att granska, t.ex. 2026-10 (annars senaste med utfall)", "the month to review, e.g. 2026-10 (else the latest with outcome)"},
		"cli.gaps.flag.format": {"utdata: table (terminal), json (skript) eller md (för en promemoria)", "output: table (terminal), json (scripts) or md (for a memo)"},
		"cli.gaps.bad_period":  {"Perioden %q går inte att läsa; skriv den som ÅÅÅÅ-MM, t.ex. 2026-10.", "Cannot read the period %q; write it as YYYY-MM, e.g. 2026-10."},
		"cli.gaps.no_data":     {"Databasen %s har inga uppgifter ännu. Läs in underlag med: beredning import --db FIL MAPP", "The database %s holds no data yet. Import data with: beredning import --db FILE FOLDER"},
		"cli.gaps.unknown_period": {
			"Perioden %s finns inte i databasen. Den har uppgifter för %s – %s; senaste månad med utfall: %s.",
			"The period %s is not in the database. It holds data for %s – %s; the latest month with outcome: %s.",
		},
		"cli.gaps.failed": {"Kunde inte beräkna kvalitetsglappen: %v", "Could not compute the quality gaps: %v"},

		"cli.settings.summary": {"visa och ändra kommunens namn och kod och trösklarna för kvalitetsglappen", "show and change the municipality's name and code and the quality-gap thresholds"},
		"cli.settings.usage": {
			"Användning: beredning settings [--db FIL] [list | set NYCKEL VÄRDE | reset NYCKEL]\n\n  list                 visa alla inställningar (standard)\n  set NYCKEL VÄRDE     ändra en inställning\n  reset NYCKEL         återställ standardvärdet\n\n  Kommunen: kommun.namn, kommun.kod (SCB:s kommunkod, t.ex. 0127), kommun.namnd.\n  Exempel: beredning settings set kommun.kod 0127",
			"Usage: beredning settings [--db FILE] [list | set KEY VALUE | reset KEY]\n\n  list                 show every setting (the default)\n  set KEY VALUE        change a setting\n  reset KEY            restore its default\n\n  The municipality: kommun.namn, kommun.kod (SCB's kommunkod, e.g. 0127), kommun.namnd.\n  Example: beredning settings set kommun.kod 0127",
		},
		"cli.settings.heading":     {"Trösklar för kvalitetsglappen (* = ändrad från standard):", "Quality-gap thresholds (* = changed from the default):"},
		"cli.settings.col.key":     {"NYCKEL", "KEY"},
		"cli.settings.col.value":   {"VÄRDE", "VALUE"},
		"cli.settings.col.default": {"STANDARD", "DEFAULT"},
		"cli.settings.col.meaning": {"BETYDELSE", "MEANING"},
		"cli.settings.hint":        {"Ändra: beredning settings set NYCKEL VÄRDE    Återställ: beredning settings reset NYCKEL", "Change: beredning settings set KEY VALUE    Restore: beredning settings reset KEY"},
		"cli.settings.unknown_action": {
			"Okänd åtgärd %q; välj list, set NYCKEL VÄRDE eller reset NYCKEL.",
			"Unknown action %q; choose list, set KEY VALUE or reset KEY.",
		},
		"cli.settings.need_args":   {"%s behöver %s.", "%s needs %s."},
		"cli.settings.args.set":    {"NYCKEL och VÄRDE", "KEY and VALUE"},
		"cli.settings.args.reset":  {"NYCKEL", "KEY"},
		"cli.settings.unknown_key": {"Okänd inställning %q. De som finns:\n  %s", "Unknown setting %q. These exist:\n  %s"},
		"cli.settings.invalid":     {"%q passar inte %s: %s", "%q does not fit %s: %s"},
		"cli.settings.kind.number": {"ange ett tal, noll eller större (t.ex. 3 eller 2,5)", "give a number, zero or more (e.g. 3 or 2.5)"},
		"cli.settings.kind.int":    {"ange ett heltal, 1 eller större", "give a whole number, 1 or more"},
		"cli.settings.kind.severity": {
			"ange lag, medel eller hog (låg, medel eller hög)",
			"give lag, medel or hog (low, medium or high)",
		},
		"cli.settings.set":    {"%s = %s (standard %s)", "%s = %s (default %s)"},
		"cli.settings.reset":  {"%s återställd till standardvärdet %s", "%s restored to its default %s"},
		"cli.settings.failed": {"Kunde inte ändra inställningen: %v", "Could not change the setting: %v"},
	})
}
