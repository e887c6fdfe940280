package pnr

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzFindInContext: a valid number between any neighbours that are not letters or
// digits — NBSP, quotes, §, emoji, line breaks — is found and masked whole;
// and on any text Find returns ordered, non-overlapping matches inside it.
func FuzzFindInContext(f *testing.F) {
	for _, seed := range []struct {
		before, after string
		form, number  uint8
	}{
		{"Barnet (", ") har flyttat", 0, 0}, {"«", "»", 3, 1}, {"§", "", 7, 2}, {"\u00a0", "\u00a0", 9, 3}, {"”", "”", 12, 4},
		{"å ", " ä", 5, 5}, {"−", "−", 17, 6}, {"\n", "\r\n", 15, 7}, {"👨‍👩‍👧 ", "…", 10, 8}, {"", "", 16, 9},
	} {
		f.Add(seed.before, seed.after, seed.form, seed.number)
	}
	f.Fuzz(func(t *testing.T, before, after string, form, number uint8) {
		if !utf8.ValidString(before) || !utf8.ValidString(after) {
			return
		}
		v := validNumbers[int(number)%len(validNumbers)]
		fm := forms[int(form)%len(forms)]
		num := fm.write(v[0], v[1], v[2])
		text := before + num + after
		checkMatches(t, text)
		last, _ := utf8.DecodeLastRuneInString(before)
		first, _ := utf8.DecodeRuneInString(after)
		glued := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || digitOf(r) >= 0 }
		// A dash or space right before or after may join the number to
		// digits beyond it; only clean neighbours make a promise.
		cleanEdge := func(s string, r rune) bool {
			return s == "" || !glued(r) && !isDash(r) && !isGap(r) || isGap(r) && !strings.ContainsFunc(s, func(r rune) bool { return digitOf(r) >= 0 })
		}
		if !cleanEdge(before, last) || !cleanEdge(after, first) {
			return
		}
		found := false
		for _, m := range Find(text) {
			if m.Start <= len(before) && m.End >= len(before)+len(num) {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s not found in %q", fm.name, text)
		}
		if masked, _ := Mask(text); strings.Contains(masked, num) {
			t.Fatalf("Mask(%q) = %q keeps the number", text, masked)
		}
	})
}

func checkMatches(t *testing.T, text string) {
	prev := 0
	for _, m := range Find(text) {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad match %+v in %q", m, text)
		}
		prev = m.End
	}
}
