package kolada

import (
	_ "embed"
	"encoding/csv"
	"strings"
	"sync"
	"unicode"
)

// municipalitiesCSV is Kolada's list of the 290 kommuner (SCB's
// kommunkoder), the 21 regions and Riket, as Kolada's municipality
// endpoint names them. It is reference data a web export needs to turn
// names into codes, and what the board shows when a code has no name in
// the database.
//
//go:embed municipalities.csv
var municipalitiesCSV string

var (
	builtinOnce sync.Once
	builtin     []Municipality
)

// Municipalities is the built-in list, Riket and the regions first.
func Municipalities() []Municipality {
	builtinOnce.Do(func() {
		r := csv.NewReader(strings.NewReader(municipalitiesCSV))
		recs, err := r.ReadAll()
		if err != nil {
			panic("kolada: built-in municipality list: " + err.Error())
		}
		for _, rec := range recs[1:] {
			builtin = append(builtin, Municipality{Code: rec[0], Name: rec[1], Kind: rec[2]})
		}
	})
	return builtin
}

// BuiltinName is a code's name from the built-in list, or "".
func BuiltinName(code string) string {
	for _, m := range Municipalities() {
		if m.Code == code {
			return m.Name
		}
	}
	return ""
}

// nameKey is how names are matched: case, spacing and hyphens ignored
// ("Upplands-Bro" and "upplands bro" are one name).
func nameKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// nameIndex finds municipality codes by name.
type nameIndex struct {
	byKey map[string]string
	names []Municipality
}

func newNameIndex(extra []Municipality) *nameIndex {
	ix := &nameIndex{byKey: map[string]string{}}
	add := func(m Municipality) {
		k := nameKey(m.Name)
		if _, ok := ix.byKey[k]; !ok {
			ix.byKey[k] = m.Code
			ix.names = append(ix.names, m)
		}
	}
	for _, m := range Municipalities() {
		add(m)
	}
	for _, m := range extra {
		add(m)
	}
	return ix
}

// code finds a name's code; failing that it returns the closest name as a
// suggestion.
func (ix *nameIndex) code(name string) (code, suggestion string) {
	if c, ok := ix.byKey[nameKey(name)]; ok {
		return c, ""
	}
	best, bestD := "", 1<<30
	k := nameKey(name)
	for _, m := range ix.names {
		if d := editDistance(k, nameKey(m.Name)); d < bestD {
			best, bestD = m.Name, d
		}
	}
	return "", best
}

// editDistance is the Levenshtein distance over runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
