package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSanitise: whatever the input, Line leaves no control character,
// Block none but line breaks, KeepStyle none but line breaks and the ESC
// that starts a colour (SGR) sequence; and cleaning twice changes nothing.
func FuzzSanitise(f *testing.F) {
	for _, s := range []string{hostile, "Barn och unga", "å\u00a0ä\u2212ö", "\x1b[1;31mröd\x1b[m", "\x1b]8;;http://x\x1b\\länk\x1b]8;;\x1b\\",
		"a\r\nb\tc", "\u009b31m\u202e\u2066", "👨‍👩‍👧‍👦", "\xff\xfe", "\x1b", "\x1b[", "\x1b]0;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := Line(s)
		if strings.ContainsFunc(line, IsControl) {
			t.Fatalf("Line(%q) = %q keeps a control character", s, line)
		}
		if Line(line) != line {
			t.Fatalf("Line is not idempotent on %q", s)
		}
		block := Block(s)
		if strings.ContainsFunc(block, func(r rune) bool { return r != '\n' && IsControl(r) }) {
			t.Fatalf("Block(%q) = %q keeps a control character", s, block)
		}
		styled := KeepStyle(s)
		for i := 0; i < len(styled); {
			if styled[i] == 0x1b {
				n := escapeLen(styled[i:])
				if seq := styled[i : i+n]; n < 3 || seq[1] != '[' || seq[n-1] != 'm' {
					t.Fatalf("KeepStyle(%q) keeps a non-colour sequence %q", s, seq)
				}
				i += n
				continue
			}
			r, n := utf8.DecodeRuneInString(styled[i:])
			if r != '\n' && IsControl(r) {
				t.Fatalf("KeepStyle(%q) = %q keeps %U", s, styled, r)
			}
			i += n
		}
		if w := Width(line); w < 0 || w > 2*utf8.RuneCountInString(line) {
			t.Fatalf("Width(%q) = %d", line, w)
		}
	})
}
