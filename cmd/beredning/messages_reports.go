package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.import.flag.reopen": {"skälet att öppna godkända rapporter som importen ändrar (annars vägras importen)",
			"the reason to reopen approved reports the import changes (else the import is refused)"},
	})
}
