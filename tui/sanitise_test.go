package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// hostile is what the hardening issue found stored and drawn raw: OSC 0
// (retitles the terminal), an OSC 8 hyperlink, BEL, the C1 CSI U+009B and
// the bidi override U+202E.
const hostile = "A\x1b]0;pwned\x07B \x1b]8;;http://evil\x1b\\länk\x1b]8;;\x1b\\ C\u009b2J D\u202eE"

// drawnControl tells a control character left once the board's own
// colours (SGR) are taken out.
func drawnControl(s string) bool {
	return strings.ContainsFunc(ansi.Strip(s), func(r rune) bool { return text.IsControl(r) && r != '\n' })
}

func TestReaderDrawsNoControlCharacters(t *testing.T) {
	for _, style := range []string{"dark", "light", "notty"} {
		lines := markdown(hostile+"\n\n[en länk](http://example.org) och text.", style, 60)
		joined := strings.Join(lines, "\n")
		if drawnControl(joined) {
			t.Errorf("%s: the reader draws a control character: %q", style, joined)
		}
		if strings.Contains(joined, "\x1b]") {
			t.Errorf("%s: the reader emits an OSC sequence (title or hyperlink): %q", style, joined)
		}
		if !strings.Contains(ansi.Strip(joined), "länk") {
			t.Errorf("%s: the text is lost: %q", style, joined)
		}
	}
}

func TestHeaderDrawsNoControlCharacters(t *testing.T) {
	th := newTheme(true, false)
	ov := &data.Overview{Municipality: data.Municipality{Name: "Kommun" + hostile, Committee: "Nämnd" + hostile}, Period: data.MustPeriod("2026-10")}
	for _, w := range []int{40, 80, 200} {
		out := header{th: &th, l: lang.SV, ov: ov, scope: "Barn" + hostile, readOnly: true}.Render(w)
		if drawnControl(out) {
			t.Errorf("width %d: the header draws a control character: %q", w, out)
		}
		if w == 200 && !strings.Contains(ansi.Strip(out), "skrivskyddad") {
			t.Errorf("a read-only database's header does not say so: %q", ansi.Strip(out))
		}
	}
}

// TestWidthMatchesTheTerminal: a ZWJ family emoji is two cells, as
// terminals draw it, so a row with one is not four cells off.
func TestWidthMatchesTheTerminal(t *testing.T) {
	name := "Familjehem 👨‍👩‍👧‍👦"
	if got := width(name); got != 13 {
		t.Errorf("width(%q) = %d, want 13", name, got)
	}
	if got := width(fit(name, 20)); got != 20 {
		t.Errorf("fit to 20 gives %d cells", got)
	}
}
