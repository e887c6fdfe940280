package kolada

import (
	"fmt"
	"sort"
	"strings"

	"github.com/beredning/beredning/data/lang"
)

// maxProblems caps the errors listed per file, as the other imports do.
const maxProblems = 50

// Problem is a located error or warning, written in the user's language.
type Problem struct {
	File    string
	Line    int    // 0 when the problem is about the whole file
	Column  string // header name or JSON field; "" when not about one
	Value   string // the offending value as read
	Key     string // catalogue key of the message
	Args    []any
	Warning bool // reported, but does not stop the import
}

// Message writes the problem with its place: "fil.csv, rad 12, kolumn geo: …".
func (p Problem) Message(l lang.Lang) string {
	var where []string
	where = append(where, printable(p.File))
	if p.Line > 0 {
		where = append(where, l.T("kolada.where.line", p.Line))
	}
	if p.Column != "" {
		where = append(where, l.T("kolada.where.column", p.Column))
	}
	msg := l.T(p.Key, p.Args...)
	if p.Value != "" {
		msg += " " + l.T("kolada.where.value", clip(p.Value, 80))
	}
	return strings.Join(where, ", ") + ": " + msg
}

// printable drops control characters (an escape sequence in a file name
// or title must not reach a terminal) and turns line breaks into spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// FileReport says what one file held.
type FileReport struct {
	Path    string
	Format  string // "ddf", "api", "webexport", "catalog", "municipalities"
	Values  int    // values read
	KPIs    int    // catalogue entries read
	Skipped int    // rows not stored, with a warning saying why
}

// batch gathers everything an import read before it is written in one
// transaction.
type batch struct {
	kpis     map[string]KPI
	munis    map[string]Municipality
	values   map[valueKey]Value
	files    []FileReport
	problems []Problem
	errs     map[string]int // errors per file, for the cap
}

type valueKey struct {
	kpi, muni string
	year      int
	gender    string
}

func newBatch() *batch {
	return &batch{kpis: map[string]KPI{}, munis: map[string]Municipality{}, values: map[valueKey]Value{}, errs: map[string]int{}}
}

// fail records an error; it returns false once the file has too many, so
// a reader can stop.
func (b *batch) fail(p Problem) bool {
	if b.errs[p.File] >= maxProblems {
		return false
	}
	b.errs[p.File]++
	if b.errs[p.File] == maxProblems {
		p2 := Problem{File: p.File, Key: "kolada.err.too_many", Args: []any{maxProblems}}
		b.problems = append(b.problems, p, p2)
		return false
	}
	b.problems = append(b.problems, p)
	return true
}

func (b *batch) warn(p Problem) {
	p.Warning = true
	b.problems = append(b.problems, p)
}

// addKPI merges a catalogue entry: a non-empty field wins over an empty one.
func (b *batch) addKPI(k KPI) {
	old := b.kpis[k.ID]
	old.ID = k.ID
	k.Title, k.Description, k.Area, k.Unit = printable(k.Title), printable(k.Description), printable(k.Area), printable(k.Unit)
	if k.Title != "" {
		old.Title = k.Title
	}
	if k.Description != "" {
		old.Description = k.Description
	}
	if k.Area != "" {
		old.Area = k.Area
	}
	if k.Unit != "" {
		old.Unit = k.Unit
	} else if old.Unit == "" {
		old.Unit = UnitFromTitle(old.Title)
	}
	b.kpis[k.ID] = old
}

func (b *batch) addValue(v Value) {
	b.values[valueKey{v.KPI, v.Municipality, v.Year, v.Gender}] = v
}

func (b *batch) sortedValues() []Value {
	out := make([]Value, 0, len(b.values))
	for _, v := range b.values {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		a, c := out[i], out[j]
		if a.KPI != c.KPI {
			return a.KPI < c.KPI
		}
		if a.Municipality != c.Municipality {
			return a.Municipality < c.Municipality
		}
		if a.Year != c.Year {
			return a.Year < c.Year
		}
		return a.Gender < c.Gender
	})
	return out
}

func (f FileReport) String() string { return fmt.Sprintf("%s (%s): %d", f.Path, f.Format, f.Values) }
