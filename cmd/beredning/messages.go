package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.help.intro": {
			"beredning – underlag för socialnämndens ordförandeberedning: budget, placeringar, mått och enheternas egna ord sida vid sida.",
			"beredning – preparing the social-services committee: budget, placements, measures and the units' own words side by side.",
		},
		"cli.help.usage":    {"Användning: beredning [kommando] [flaggor]", "Usage: beredning [command] [flags]"},
		"cli.help.commands": {"Kommandon:", "Commands:"},
		"cli.help.flags":    {"Flaggor:", "Flags:"},
		"cli.help.global": {
			"Gemensamma flaggor: --lang sv|en (språk; annars LANG), --no-color (utan färg; även NO_COLOR).\nDatabasen: --db FIL, annars BEREDNING_DB, annars i din datakatalog.",
			"Common flags: --lang sv|en (language; else LANG), --no-color (no colour; also NO_COLOR).\nThe database: --db FILE, else BEREDNING_DB, else in your data directory.",
		},
		"cli.help.more": {
			"Prova: beredning demo    Mer: beredning KOMMANDO --help",
			"Try: beredning demo    More: beredning COMMAND --help",
		},
		"cli.flag.lang":          {"språk för allt som visas (sv eller en)", "language of everything shown (sv or en)"},
		"cli.flag.no_color":      {"visa utan färger", "show without colours"},
		"cli.flag.db":            {"databasfil (annars BEREDNING_DB eller datakatalogen)", "database file (else BEREDNING_DB or the data directory)"},
		"cli.flag.type.string":   {"TEXT", "TEXT"},
		"cli.flag.type.int":      {"HELTAL", "INTEGER"},
		"cli.flag.type.float":    {"TAL", "NUMBER"},
		"cli.flag.type.duration": {"TID", "DURATION"},
		"cli.err.lang":           {"Okänt språk %q. beredning talar %s.", "Unknown language %q. beredning speaks %s."},
		"cli.user.unknown":       {"okänd", "unknown"},
		"cli.unknown_command":    {"Okänt kommando: %s", "Unknown command: %s"},
		"cli.err.no_database": {
			"Det finns ingen databas i %s.\n  Skapa en tom:        beredning init --db FIL\n  Läs in underlag:     beredning import --db FIL MAPP\n  Prova demokommunen:  beredning demo",
			"There is no database at %s.\n  Create an empty one: beredning init --db FILE\n  Import data:         beredning import --db FILE FOLDER\n  Try the demo:        beredning demo",
		},
		"cli.err.schema_too_new": {
			"%s är skriven av en nyare version av beredning (schemaversion %d; den här versionen kan %d). Filen har inte ändrats. Uppdatera beredning.",
			"%s was written by a newer version of beredning (schema version %d; this version knows %d). The file was not changed. Update beredning.",
		},
		"cli.err.not_beredning":              {"%s är ingen beredning-databas (%s). Filen har inte ändrats.", "%s is not a beredning database (%s). The file was not changed."},
		"cli.err.not_beredning.not_sqlite":   {"ingen SQLite-fil", "not an SQLite file"},
		"cli.err.not_beredning.other_tables": {"den har ett annat programs tabeller", "it holds another program's tables"},
		"cli.err.not_beredning.empty":        {"filen är tom; skapa en databas med beredning init", "the file is empty; create a database with beredning init"},
		"cli.err.read_only": {
			"%s är skrivskyddad: du får inte skriva filen eller mappen den ligger i. Inget ändrades.",
			"%s is read-only: you may not write the file or the folder it is in. Nothing was changed.",
		},
		"cli.waiting": {
			"Väntar på en annan import i %s … (den här fortsätter när den är klar; avbryt med Ctrl-C)",
			"Waiting for another import into %s … (this one goes on when it is done; stop with Ctrl-C)",
		},
		"cli.warn.others_may_read": {
			"Obs: %s kan läsas av andra användare på datorn (läge %s). Den rymmer sekretessbelagda uppgifter; ändra med: chmod 600 %s",
			"Note: %s can be read by other users of this computer (mode %s). It holds confidential material; change with: chmod 600 %s",
		},
		"cli.err.open": {"Kunde inte öppna %s: %v", "Could not open %s: %v"},
		"cli.err.args": {"För många argument: %s", "Too many arguments: %s"},
	})
}
