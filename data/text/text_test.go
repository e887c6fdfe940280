package text

import (
	"strings"
	"testing"
)

// hostile holds what the hardening issue found stored and printed raw:
// ESC sequences (OSC 0 retitles the terminal, OSC 8 forges a link), BEL,
// BS, CR, DEL, the C1 CSI U+009B and the bidi override U+202E.
const hostile = "A\x1b]0;pwned\x07B\x1b[31mC\x08D\rE\x7fF\u009b2JG\u202eH\x1b]8;;http://evil\x1b\\I\x1b]8;;\x1b\\J\u2066K\u200fL"

func hasControl(s string, keep string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return IsControl(r) && !strings.ContainsRune(keep, r) })
}

func TestLineRemovesEveryControl(t *testing.T) {
	got := Line(hostile + "\tM\nN")
	if hasControl(got, "") {
		t.Errorf("Line left a control character: %q", got)
	}
	if !strings.Contains(got, "M N") {
		t.Errorf("tab and line break should become spaces: %q", got)
	}
	if Line("Barn och unga · 1 234,5 tkr") != "Barn och unga · 1 234,5 tkr" {
		t.Error("Line changed clean text")
	}
}

func TestBlockKeepsLines(t *testing.T) {
	got := Block(hostile + "\r\nrad två\ttab\rrad tre")
	if hasControl(got, "\n") {
		t.Errorf("Block left a control character: %q", got)
	}
	if want := "rad två    tab\nrad tre"; !strings.HasSuffix(got, want) {
		t.Errorf("Block = %q, want it to end %q", got, want)
	}
}

func TestKeepStyleKeepsColourOnly(t *testing.T) {
	in := "\x1b[1;38;5;2mRubrik\x1b[0m " + hostile + "\nrad två"
	got := KeepStyle(in)
	if !strings.HasPrefix(got, "\x1b[1;38;5;2mRubrik\x1b[0m ") {
		t.Errorf("KeepStyle dropped colour: %q", got)
	}
	rest := strings.TrimPrefix(got, "\x1b[1;38;5;2mRubrik\x1b[0m ")
	rest = strings.ReplaceAll(rest, "\x1b[31m", "")
	if hasControl(rest, "\n") {
		t.Errorf("KeepStyle left a control or non-SGR sequence: %q", rest)
	}
	if strings.Contains(got, "pwned") || strings.Contains(got, "evil") {
		t.Errorf("the payload of an OSC sequence is still there: %q", got)
	}
}

func TestControlAt(t *testing.T) {
	r, pos, ok := ControlAt("Barn\u009bunga")
	if !ok || r != 0x9b || pos != 5 {
		t.Errorf("ControlAt = %U, %d, %v", r, pos, ok)
	}
	if _, _, ok := ControlAt("Område å ä ö\u00a0–"); ok {
		t.Error("ordinary Swedish text has no control character")
	}
}

// TestWidthCountsGraphemes: a family emoji joined by ZWJ is one cluster
// of two cells, as terminals draw it; rune counting made it eight.
func TestWidthCountsGraphemes(t *testing.T) {
	for s, want := range map[string]int{
		"abc":        3,
		"Område":     6,
		"👨‍👩‍👧‍👦":    2,
		"a👨‍👩‍👧b":    4,
		"漢字":         4,
		"e\u0301":    1, // e and a combining acute
		"\x1b[1mfet": 3,
	} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTableAlignsByWidth(t *testing.T) {
	tb := NewTable(1)
	tb.Row("👨‍👩‍👧‍👦 familj", "1", "]0;pwnedy")
	tb.Row("Område", "22", "\x1b]0;pwned\x07y")
	var b strings.Builder
	tb.Write(&b, "")
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if Width(lines[0]) != Width(lines[1]) {
		t.Errorf("rows differ in width:\n%s", b.String())
	}
	if hasControl(b.String(), "\n") {
		t.Errorf("Table let a control character through: %q", b.String())
	}
}

func TestKeepStyleKeepsLineBreaks(t *testing.T) {
	if got := KeepStyle("a\x1b[1mb\x1b[m\nc\n"); got != "a\x1b[1mb\x1b[m\nc\n" {
		t.Errorf("KeepStyle = %q", got)
	}
}
