// Package text is the one place where text from data or from file names is
// made safe for a terminal, measured, and folded for matching.
//
// Anything a user did not write into this program — an area's name from a
// CSV file, a narrative, a file name — may carry control characters: ESC
// starts sequences that retitle a terminal, hide text or forge links; C1
// controls such as U+009B do the same in one character; bidi overrides
// (U+202E) make text read backwards. Line and Block remove them; every
// output boundary (the command line's tables and Markdown, info, the
// import report, the board and its reader) passes data through one of
// them. Width is the one width function: display cells as common
// terminals count them, grapheme clusters whole (a family emoji joined by
// ZWJ is two cells, not eight).
package text

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data/pnr"
)

// IsControl tells the characters that never reach a terminal: C0 controls,
// DEL, C1 controls, and the bidi embeddings, overrides and isolates.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// ControlAt is the first control character in s and its position in
// characters (from 1), or ok false.
func ControlAt(s string) (r rune, pos int, ok bool) {
	pos = 0
	for _, c := range s {
		pos++
		if IsControl(c) {
			return c, pos, true
		}
	}
	return 0, 0, false
}

// clean is a fast check: most text has no control characters at all.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			return !strings.ContainsFunc(s[i:], IsControl)
		}
	}
	return true
}

// Line makes s one safe line: tabs and line breaks become spaces, every
// other control character is removed.
func Line(s string) string {
	if clean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case IsControl(r):
			return -1
		}
		return r
	}, s)
}

// Block makes s safe text of many lines: line breaks stay ("\r\n" and a
// lone "\r" become "\n"), a tab becomes four spaces (a tab measures 0
// cells but draws as up to 8), every other control character is removed.
func Block(s string) string {
	if clean(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Public is Line for text that leaves the program (a table, an export, the
// board): personal identity numbers are masked too, whatever the database
// holds.
func Public(s string) string {
	masked, _ := pnr.Mask(s)
	return Line(masked)
}

// PublicBlock is Block with personal identity numbers masked: a
// narrative's text as the reader shows it.
func PublicBlock(s string) string {
	masked, _ := pnr.Mask(s)
	return Block(masked)
}

// Width is the display width of s in terminal cells, ANSI sequences not
// counted, grapheme clusters measured whole.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return ansi.StringWidth(s)
		}
	}
	return len(s) // printable ASCII, most of what is measured
}

// Pad fills s with spaces to w cells (never cuts).
func Pad(s string, w int) string {
	if n := Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft right-aligns s in w cells (never cuts).
func PadLeft(s string, w int) string {
	if n := Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// KeepStyle removes every escape sequence but colour and emphasis (SGR,
// "ESC [ … m") from text a renderer made, and then every control
// character left but line breaks: a Markdown renderer turns a link into
// an OSC 8 hyperlink whose target the reader cannot see.
func KeepStyle(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && IsControl(r) }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				// a stray byte is written as U+FFFD: kept raw, it could
				// join with bytes beside a removed sequence into a control
				b.WriteRune(utf8.RuneError)
			case r == '\n' || !IsControl(r):
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		n := escapeLen(s[i:])
		if seq := s[i : i+n]; n >= 3 && seq[1] == '[' && seq[n-1] == 'm' {
			b.WriteString(seq)
		}
		i += n
	}
	return b.String()
}

// escapeLen is the length of the escape sequence at the start of s (which
// starts with ESC): CSI up to its final byte, OSC, DCS, SOS, PM and APC up
// to their terminator (BEL or ESC \), any other up to its second byte.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if c := s[i]; c >= 0x40 && c <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}
