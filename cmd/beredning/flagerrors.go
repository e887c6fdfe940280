package main

import (
	"regexp"

	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// The flag package writes its errors in English. parse keeps them from
// the user and says the same in the user's language; the patterns are the
// flag package's own messages (Go 1.26, flag/flag.go).
var flagErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(.+)$`), "cli.flagerr.undefined"},
	{regexp.MustCompile(`^flag needs an argument: -+(.+)$`), "cli.flagerr.needs_value"},
	{regexp.MustCompile(`^bad flag syntax: (.+)$`), "cli.flagerr.syntax"},
	{regexp.MustCompile(`^invalid boolean value "(.*)" for -+([^:]+):`), "cli.flagerr.bool_value"},
	{regexp.MustCompile(`^invalid boolean flag ([^:]+):`), "cli.flagerr.bool_flag"},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -+([^:]+):`), "cli.flagerr.value"},
}

// flagError says what was wrong with a flag, in the user's language.
func flagError(l lang.Lang, err error) string {
	msg := err.Error()
	for _, fe := range flagErrors {
		if m := fe.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = text.Line(s)
			}
			return l.T(fe.key, args...)
		}
	}
	return l.T("cli.flagerr.other", text.Line(msg))
}

func init() {
	lang.Register(map[string]lang.Text{
		"cli.flagerr.undefined":   {"Okänd flagga: --%s", "Unknown flag: --%s"},
		"cli.flagerr.needs_value": {"Flaggan --%s behöver ett värde.", "The flag --%s needs a value."},
		"cli.flagerr.syntax":      {"Felaktigt skriven flagga: %s", "Badly written flag: %s"},
		"cli.flagerr.bool_value":  {"Ogiltigt värde %q för --%s: flaggan står ensam (eller =true, =false).", "Invalid value %q for --%s: the flag stands alone (or =true, =false)."},
		"cli.flagerr.bool_flag":   {"Ogiltigt värde för --%s: flaggan står ensam (eller =true, =false).", "Invalid value for --%s: the flag stands alone (or =true, =false)."},
		"cli.flagerr.value":       {"Ogiltigt värde %q för --%s.", "Invalid value %q for --%s."},
		"cli.flagerr.other":       {"Fel i flaggorna: %s", "Error in the flags: %s"},
	})
}
