package ingest

import (
	"strings"
)

// header is a table's header row, mapped to data/ingest/FORMATS.md's columns.
type header struct {
	line  int
	index [numColumns]int    // field index + 1; 0 when the column is absent
	name  [numColumns]string // the header as written, for messages
	unit  [numColumns]moneyUnit
	// unknown are headers that name no column; dups are pairs of headers
	// that name the same column.
	unknown []string
	dups    [][2]string
	dupCol  []column
}

// mapHeader reads a header row.
func mapHeader(cells []string, line int) *header {
	h := &header{line: line}
	for i, cell := range cells {
		text := strings.TrimSpace(cell)
		if text == "" {
			continue
		}
		key, unit := foldName(text)
		c, ok := headerAliases[key]
		if !ok {
			// "Budget (tkr)" folds its unit away; "utfall_tkr" too. A header
			// with only a known word and digits ("budget_2026") is the column.
			if base := strings.TrimRight(key, "_0123456789"); base != key {
				c, ok = headerAliases[base]
			}
		}
		if !ok {
			h.unknown = append(h.unknown, text)
			continue
		}
		if h.index[c] != 0 {
			h.dups = append(h.dups, [2]string{h.name[c], text})
			h.dupCol = append(h.dupCol, c)
			continue
		}
		h.index[c], h.name[c] = i+1, text
		if c.isMoney() {
			switch unit {
			case "kr", "sek", "kronor":
				h.unit[c] = unitKr
			case "mkr", "mnkr", "msek", "miljoner":
				h.unit[c] = unitMkr
			default:
				h.unit[c] = unitTkr
			}
		}
	}
	return h
}

func (h *header) has(c column) bool { return h.index[c] != 0 }

// looksLikeHeader: a row that names where and when (område and period),
// or three columns of data/ingest/FORMATS.md, or that makes a kind certain. A title
// row above the header names none.
func (h *header) looksLikeHeader() bool {
	if h.has(colArea) && h.has(colPeriod) {
		return true
	}
	n := 0
	for c := column(0); c < numColumns; c++ {
		if h.has(c) {
			n++
		}
	}
	if n >= 3 {
		return true
	}
	_, ok := h.kind()
	return ok
}

// kind guesses the table's kind from its columns: the kind whose required
// columns are all there; when several are, the one with most of its own
// columns.
func (h *header) kind() (Kind, bool) {
	var best Kind
	bestScore, tie := -1, false
	for _, k := range Kinds {
		spec := kindSpecs[k]
		ok := true
		for _, c := range spec.required {
			if !h.has(c) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		score := 0
		for _, c := range append(spec.required, spec.optional...) {
			if h.has(c) && c != colArea && c != colUnit && c != colPeriod {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = k, score, false
		case score == bestScore:
			tie = true
		}
	}
	return best, bestScore >= 0 && !tie
}

// guess is the kind whose own columns (not område, enhet, period) the
// header has most of, when one kind leads; "" otherwise.
func (h *header) guess() Kind {
	var best Kind
	bestScore, tie := 0, false
	for _, k := range Kinds {
		spec := kindSpecs[k]
		score := 0
		for _, c := range append(spec.required, spec.optional...) {
			if h.has(c) && c != colArea && c != colUnit && c != colPeriod {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = k, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// missing lists the required columns of a kind the header lacks.
func (h *header) missing(k Kind) []string {
	var out []string
	for _, c := range kindSpecs[k].required {
		if !h.has(c) {
			out = append(out, c.String())
		}
	}
	return out
}

// unused lists headers that name a column the kind does not use.
func (h *header) unused(k Kind) []string {
	var out []string
	for c := column(0); c < numColumns; c++ {
		if h.has(c) && !k.allows(c) {
			out = append(out, h.name[c])
		}
	}
	return out
}

// found lists the headers as written, for messages.
func (h *header) found(cells []string) string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, cut(c, 30))
		}
	}
	if len(out) > 12 {
		out = append(out[:12], "…")
	}
	return strings.Join(out, ", ")
}
