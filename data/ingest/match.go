package ingest

import (
	"strings"

	"github.com/beredning/beredning/data/text"
)

// MatchName finds name among names the way an import matches areas and
// units: ignoring case, å/ä/ö against a/a/o, spaces and punctuation. It
// returns the index of the match, or -1 and the index of a name one typo
// away, or else one that begins with name (-1 when none does), for a "did
// you mean" suggestion.
func MatchName(names []string, name string) (match, nearMiss int) {
	want := text.Fold(name)
	nearMiss, prefix := -1, -1
	for i, n := range names {
		f := text.Fold(n)
		if f == want {
			return i, -1
		}
		if nearMiss < 0 && similar(f, want) {
			nearMiss = i
		}
		if prefix < 0 && len(want) >= 3 && strings.HasPrefix(f, want) {
			prefix = i
		}
	}
	if nearMiss < 0 {
		nearMiss = prefix
	}
	return -1, nearMiss
}
