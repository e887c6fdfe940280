package main

import (
	"github.com/beredning/beredning/data/lang"
)

// Counts written with their word in the right number: "1 ny", "2 nya".
func init() {
	lang.Register(map[string]lang.Text{
		"cli.count.new":           {"%s nya", "%s new"},
		"cli.count.new.one":       {"%s ny", "%s new"},
		"cli.count.changed":       {"%s ändrade", "%s changed"},
		"cli.count.changed.one":   {"%s ändrad", "%s changed"},
		"cli.count.unchanged":     {"%s oförändrade", "%s unchanged"},
		"cli.count.unchanged.one": {"%s oförändrad", "%s unchanged"},
	})
}

// countWord is a count with its word: "1 ny", "1 234 ändrade".
func countWord(l lang.Lang, n int, key string) string {
	return l.N(n, key, lang.Int(int64(n)))
}
