package main

import "strings"

// clean makes text from the database or from file names safe for a
// terminal: control characters (C0, DEL and C1, which can move the cursor
// or start an escape sequence) are dropped, line breaks become spaces.
func clean(s string) string {
	bad := func(r rune) bool { return r < ' ' || (r >= 0x7f && r < 0xa0) }
	if !strings.ContainsFunc(s, bad) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case bad(r):
			return -1
		}
		return r
	}, s)
}
