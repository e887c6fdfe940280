package gaps_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// TestExportsCarryNoControlCharacters: names stored before the importer
// refused control characters (or written by another program) never reach
// a terminal through gaps --format table, md or json. Before, OSC 0 in a
// unit's name retitled the terminal.
func TestExportsCarryNoControlCharacters(t *testing.T) {
	const bad = "\x1b]0;pwned\x07\u009b2J\u202e"
	oct := data.MustPeriod("2026-10")
	r := gaps.Result{Municipality: "Kommun" + bad, Period: oct, Outcome: data.OutcomeStatus{Has: true, Through: oct},
		Gaps: []gaps.Gap{{Rule: "all_green_nothing_said", Area: "Barn" + bad, Unit: "Enhet" + bad, Severity: data.SeverityHigh,
			Title: "Rubrik" + bad, Explanation: "Förklaring" + bad,
			Evidence: []gaps.Evidence{{Kind: gaps.KindIndicator, Area: "Barn" + bad, Unit: "Enhet" + bad, Period: oct,
				Label: "Mått" + bad, Value: "3" + bad}}}}}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"table": func(b *bytes.Buffer) error { return gaps.WriteTable(b, r, lang.SV, 100) },
		"md":    func(b *bytes.Buffer) error { return gaps.WriteMarkdown(b, r, lang.SV) },
		"json":  func(b *bytes.Buffer) error { return gaps.WriteJSON(b, r) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.ContainsFunc(out, func(r rune) bool { return text.IsControl(r) && r != '\n' }) {
			t.Errorf("%s output carries a control character: %q", name, out)
		}
		if strings.Contains(out, `\u001b`) || strings.Contains(out, `\u0007`) {
			t.Errorf("%s output carries an escaped control character: %q", name, out)
		}
	}
}
