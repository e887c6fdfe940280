package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.imports.summary": {"visa inläsningarna och ångra en av dem", "list the imports and undo one of them"},
		"cli.imports.usage": {
			"Användning: beredning imports [--db FIL] [--format table|json] [--limit N]\n       beredning imports [--db FIL] undo NR\n\n  Utan åtgärd visas de senaste inläsningarna med sina nummer.\n  undo NR tar bort det inläsningen lade till och återställer det den skrev över, i en transaktion.\n  En inläsning som senare inläsningar har ändrat i ångras inte: ångra de senare först.",
			"Usage: beredning imports [--db FILE] [--format table|json] [--limit N]\n       beredning imports [--db FILE] undo ID\n\n  Without an action the latest imports are listed with their numbers.\n  undo ID removes what the import added and restores what it overwrote, in one transaction.\n  An import that later imports changed is not undone: undo the later ones first.",
		},
		"cli.imports.flag.format": {"utdata: table eller json", "output: table or json"},
		"cli.imports.flag.limit":  {"hur många inläsningar som visas", "how many imports are listed"},
		"cli.imports.unknown_action": {
			"Okänd åtgärd %q; beredning imports visar inläsningarna, beredning imports undo NR ångrar en.",
			"Unknown action %q; beredning imports lists the imports, beredning imports undo ID undoes one.",
		},
		"cli.imports.undo_needs_id":   {"Ange vilken inläsning som ska ångras: beredning imports undo NR (numren visar beredning imports).", "Say which import to undo: beredning imports undo ID (beredning imports shows the numbers)."},
		"cli.imports.bad_id":          {"%q är inget inläsningsnummer; numren visar beredning imports.", "%q is not an import number; beredning imports shows the numbers."},
		"cli.imports.col.id":          {"NR", "ID"},
		"cli.imports.col.at":          {"TID", "TIME"},
		"cli.imports.col.user":        {"VEM", "WHO"},
		"cli.imports.col.new":         {"NYA", "NEW"},
		"cli.imports.col.changed":     {"ÄNDRADE", "CHANGED"},
		"cli.imports.col.unchanged":   {"OFÖRÄNDRADE", "UNCHANGED"},
		"cli.imports.status.undoable": {"kan ångras", "can be undone"},
		"cli.imports.status.undone":   {"ångrad %s av %s", "undone %s by %s"},
		"cli.imports.status.fixed":    {"kan inte ångras (demodata, Kolada eller en äldre version)", "cannot be undone (demo data, Kolada or an older version)"},
		"cli.imports.hint":            {"Ångra en inläsning: beredning imports undo NR", "Undo an import: beredning imports undo ID"},
		"cli.imports.no_such":         {"Det finns ingen inläsning nr %d; numren visar beredning imports.", "There is no import %d; beredning imports shows the numbers."},
		"cli.imports.already_undone":  {"Inläsning %d är redan ångrad.", "Import %d is already undone."},
		"cli.imports.not_undoable": {
			"Inläsning %d kan inte ångras: den gjordes innan beredning sparade vad en inläsning ändrar (demodata, Kolada-tal eller en äldre version). Inget har ändrats.",
			"Import %d cannot be undone: it was made before beredning recorded what an import changes (demo data, Kolada figures or an older version). Nothing was changed.",
		},
		"cli.imports.conflict": {
			"Inläsning %d ångras inte: senare inläsningar (nr %s) har ändrat samma rader. Ångra dem först, den senaste först: beredning imports undo %s. Inget har ändrats.",
			"Import %d is not undone: later imports (%s) changed the same rows. Undo them first, the latest first: beredning imports undo %s. Nothing was changed.",
		},
		"cli.imports.undo_failed": {"Inläsning %d kunde inte ångras: %v. Inget har ändrats.", "Import %d could not be undone: %v. Nothing was changed."},
		"cli.imports.undone": {
			"Inläsning %d är ångrad. Borttagna rader: %s, återställda rader: %s. Borttagna områden: %s, enheter: %s, mått: %s.",
			"Import %d is undone. Rows removed: %s, rows restored: %s. Areas removed: %s, units: %s, measures: %s.",
		},
		"cli.imports.kept": {"Kvar eftersom andra rader använder dem: %s.", "Kept because other rows use them: %s."},
	})
}
