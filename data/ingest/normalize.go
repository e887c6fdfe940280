package ingest

import (
	"strings"
	"unicode/utf8"

	"github.com/beredning/beredning/data/text"
)

// splitUnit sets aside a unit in brackets at the end: "Budget (tkr)" →
// "Budget", "tkr". A name that is only brackets keeps them.
func splitUnit(s string) (name, unit string) {
	s = strings.TrimSpace(s)
	for _, p := range [][2]string{{"(", ")"}, {"[", "]"}} {
		if strings.HasSuffix(s, p[1]) {
			if i := strings.LastIndex(s, p[0]); i > 0 {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
			}
		}
	}
	return s, ""
}

// unitSuffixes are units written into a folded name: "utfall_tkr".
var unitSuffixes = []string{"tkr", "mnkr", "mkr", "kr", "pct", "procent", "antal", "st"}

// foldName folds a header or measure name and sets its unit aside, whether
// it came in brackets or as a suffix: "Utfall (tkr)" and "utfall_tkr" are
// both "utfall", "tkr".
func foldName(s string) (key, unit string) {
	name, u := splitUnit(s)
	key = text.Fold(name)
	if u != "" {
		return key, text.Fold(u)
	}
	for _, suf := range unitSuffixes {
		if strings.HasSuffix(key, "_"+suf) {
			return strings.TrimSuffix(key, "_"+suf), suf
		}
	}
	return key, ""
}

// similar tells whether two folded names are close enough to be the same
// name mistyped: equal after dropping separators, or a small edit apart.
func similar(a, b string) bool {
	a, b = strings.ReplaceAll(a, "_", ""), strings.ReplaceAll(b, "_", "")
	if a == b {
		return true
	}
	// Names that differ only in their numbers ("Grupp 1", "Grupp 2") are
	// different on purpose.
	noDigits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, s)
	}
	if noDigits(a) == noDigits(b) {
		return false
	}
	n := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	switch {
	case n >= 8:
		return editDistance(a, b, 2) <= 2
	case n >= 5:
		return editDistance(a, b, 1) <= 1
	}
	return false
}

// editDistance is the Levenshtein distance, giving up (returning limit+1)
// once it must exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
