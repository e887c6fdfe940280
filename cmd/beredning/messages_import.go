package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.import.summary": {"läs in budget, placeringar, mått och berättelser från CSV, XLSX och Markdown", "import budget, placements, measures and narratives from CSV, XLSX and Markdown"},
		"cli.import.usage": {
			"Användning: beredning import --db FIL [--dry-run] [--mask-pnr] SÖKVÄG...\n  SÖKVÄG är filer eller mappar (CSV, XLSX, Markdown). Allt läses in i en transaktion: vid fel sparas ingenting.",
			"Usage: beredning import --db FILE [--dry-run] [--mask-pnr] PATH...\n  PATH is files or folders (CSV, XLSX, Markdown). Everything is imported in one transaction: on any error nothing is saved.",
		},
		"cli.import.flag.dry_run":  {"kontrollera och räkna utan att spara", "check and count without saving"},
		"cli.import.flag.mask_pnr": {"maskera personnummer i berättelser i stället för att avvisa dem", "mask personal identity numbers in narratives instead of refusing them"},
		"cli.import.flag.user":     {"vem som läser in, för importloggen (annars $USER)", "who imports, for the import log (else $USER)"},
		"cli.import.flag.wait":     {"hur länge importen får vänta på en annan import, t.ex. 10m (annars så länge den andra pågår)", "how long the import may wait for another import, e.g. 10m (else as long as the other runs)"},
		"cli.import.need_paths":    {"Ange minst en fil eller mapp att läsa in.", "Name at least one file or folder to import."},
		"cli.import.failed":        {"Inläsningen misslyckades: %v. Inget sparades.", "The import failed: %v. Nothing was saved."},
		"cli.import.run":           {"Inläsning nr %d. Ångra den med: beredning imports undo %d", "Import %d. Undo it with: beredning imports undo %d"},
		"cli.import.progress":      {"Läser in … %s %% (%s av %s MB)", "Importing … %s %% (%s of %s MB)"},

		"cli.template.summary": {"skriv Excel-mallen som enheterna fyller i", "write the Excel template the units fill in"},
		"cli.template.usage": {
			"Användning: beredning template [--force] FIL.xlsx\n  Ett blad per slag (budget, placeringar, mått, berättelser) med rubriker, rullistor och en exempelrad, och ett blad med instruktioner.",
			"Usage: beredning template [--force] FILE.xlsx\n  One sheet per kind (budget, placements, measures, narratives) with headers, drop-down lists and an example row, and a sheet of instructions.",
		},
		"cli.template.flag.force": {"skriv över en befintlig fil", "overwrite an existing file"},
		"cli.template.ext":        {"%s: mallen är en Excel-arbetsbok; ge filen ändelsen .xlsx", "%s: the template is an Excel workbook; give the file the extension .xlsx"},
		"cli.template.exists":     {"%s finns redan; använd --force för att skriva över den.", "%s already exists; use --force to overwrite it."},
		"cli.template.failed":     {"Kunde inte skriva %s: %v", "Could not write %s: %v"},
		"cli.template.done":       {"Mallen är skriven: %s", "The template is written: %s"},
	})
}
