package ingest

import (
	"fmt"
	"github.com/beredning/beredning/data"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// Problem is an error or a warning, located as precisely as the input
// allows, and rendered in either language from its message key and args.
type Problem struct {
	File   string // as given, or as found in a folder
	Sheet  string // XLSX sheet; empty for CSV and Markdown
	Line   int    // CSV line the record starts on, XLSX row, Markdown line; 0 for the whole file
	Column string // the column's header as written in the file
	Cell   string // XLSX cell reference, "C14"
	Value  string // the offending value, shortened for display
	Key    string // message key in the lang catalogue
	Args   []any  // message arguments; msg values are looked up in the catalogue too
}

// msg is an argument that is itself a catalogue key, so that words inside
// a message follow the reader's language.
type msg string

// Location renders where the problem is: `budget.csv, rad 14, kolumn "utfall"`.
func (p Problem) Location(l lang.Lang) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(l.T("import.loc.sheet", p.Sheet))
	}
	if p.Line > 0 {
		b.WriteString(l.T("import.loc.line", p.Line))
	}
	if p.Column != "" {
		b.WriteString(l.T("import.loc.column", p.Column))
	}
	if p.Cell != "" {
		b.WriteString(" (" + p.Cell + ")")
	}
	return b.String()
}

// Message renders what is wrong, without the location.
func (p Problem) Message(l lang.Lang) string {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case msg:
			args[i] = l.T(string(a))
		case errArg:
			args[i] = l.Err(a.err)
		case string:
			// a value quoted from the input: never a page of it
			args[i] = cut(a, maxArg)
		default:
			args[i] = a
		}
	}
	return l.T(p.Key, args...)
}

// Render is the whole line: location, a colon, and the message.
// Render is the problem in one line; file names and values from the input
// pass text.Line, so no control character reaches a terminal.
func (p Problem) Render(l lang.Lang) string { return text.Line(p.Location(l) + ": " + p.Message(l)) }

// Summary is what one table (a CSV file, an XLSX sheet, a Markdown
// narrative) brought.
type Summary struct {
	File  string
	Sheet string
	Kind  Kind
	// Rows read; New, Changed and Unchanged add up to Rows unless the
	// import was refused. An identical duplicate counts as unchanged.
	Rows, New, Changed, Unchanged int
	Skipped                       int // example rows of the template
	AreasCreated, UnitsCreated    int
	MeasuresCreated               int
	Masked                        int // personnummer masked (--mask-pnr)
	Warnings, Errors              int
}

// FileInfo is one file read.
type FileInfo struct {
	Path   string
	Size   int64
	SHA256 string
}

// Report is what an import did, or would do, or why it was refused.
type Report struct {
	Files     []FileInfo
	Summaries []*Summary
	Warnings  []Problem
	Errors    []Problem
	DryRun    bool
	Committed bool                 // written to the database
	Run       int64                // the import run, for `beredning imports undo`; 0 when not written
	Truncated bool                 // an error cap was reached; not every error is listed
	Reports   []data.TouchedReport // the unit reports the import submitted, with their status before
	Duration  time.Duration
}

// OK tells whether the import had no errors.
func (r *Report) OK() bool { return len(r.Errors) == 0 }

// Totals adds up the summaries.
func (r *Report) Totals() Summary {
	var t Summary
	for _, s := range r.Summaries {
		t.Rows += s.Rows
		t.New += s.New
		t.Changed += s.Changed
		t.Unchanged += s.Unchanged
		t.Skipped += s.Skipped
		t.AreasCreated += s.AreasCreated
		t.UnitsCreated += s.UnitsCreated
		t.MeasuresCreated += s.MeasuresCreated
		t.Masked += s.Masked
		t.Warnings += s.Warnings
		t.Errors += s.Errors
	}
	return t
}

// Render writes the summary: one line per table, the warnings, and what
// happened to the database. Errors are rendered by RenderErrors.
func (r *Report) Render(l lang.Lang) string {
	var b strings.Builder
	for _, s := range r.Summaries {
		name := s.File
		if s.Sheet != "" {
			name += l.T("import.loc.sheet", s.Sheet)
		}
		fmt.Fprintf(&b, "%s (%s): %s\n", text.Line(name), l.T("import.kind."+string(s.Kind)),
			l.T("import.sum.rows", lang.Int(int64(s.Rows)), lang.Int(int64(s.New)), lang.Int(int64(s.Changed)), lang.Int(int64(s.Unchanged))))
		var extra []string
		if s.AreasCreated > 0 {
			extra = append(extra, l.T("import.sum.areas", s.AreasCreated))
		}
		if s.UnitsCreated > 0 {
			extra = append(extra, l.T("import.sum.units", s.UnitsCreated))
		}
		if s.MeasuresCreated > 0 {
			extra = append(extra, l.T("import.sum.measures", s.MeasuresCreated))
		}
		if s.Masked > 0 {
			extra = append(extra, l.T("import.sum.masked", s.Masked))
		}
		if s.Skipped > 0 {
			extra = append(extra, l.T("import.sum.skipped", s.Skipped))
		}
		if s.Warnings > 0 {
			extra = append(extra, l.T("import.sum.warnings", s.Warnings))
		}
		if s.Errors > 0 {
			extra = append(extra, l.T("import.sum.errors", s.Errors))
		}
		if len(extra) > 0 {
			b.WriteString("  " + strings.Join(extra, ", ") + "\n")
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString(l.T("import.sum.warnings_head") + "\n")
		for _, w := range r.Warnings {
			b.WriteString("  " + w.Render(l) + "\n")
		}
	}
	t := r.Totals()
	if sub, resub, upd, reop := r.reportCounts(); len(r.Reports) > 0 && r.OK() {
		b.WriteString(l.T("import.sum.reports", sub, resub, upd, reop) + "\n")
	}
	switch {
	case !r.OK():
		b.WriteString(l.T("import.sum.refused", len(r.Errors)) + "\n")
	case r.DryRun:
		b.WriteString(l.T("import.sum.dry_run", lang.Int(int64(t.New)), lang.Int(int64(t.Changed)), lang.Int(int64(t.Unchanged))) + "\n")
	default:
		b.WriteString(l.T("import.sum.done", lang.Int(int64(t.New)), lang.Int(int64(t.Changed)), lang.Int(int64(t.Unchanged))) + "\n")
	}
	return b.String()
}

// RenderErrors writes every error on its own line.
func (r *Report) RenderErrors(l lang.Lang) string {
	var b strings.Builder
	for _, e := range r.Errors {
		b.WriteString(e.Render(l) + "\n")
	}
	if r.Truncated {
		b.WriteString(l.T("import.err.truncated") + "\n")
	}
	return b.String()
}

// maxArg is the most of an input's text a message quotes.
const maxArg = 200

// cut shortens s to n characters, with an ellipsis.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// shortValue makes a value fit in a message: control characters shown
// as spaces, and long values cut with an ellipsis.
func shortValue(s string) string {
	const max = 60
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == max {
			b.WriteString("…")
			_ = i
			break
		}
		if text.IsControl(r) || r == utf8.RuneError {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// sizeText writes a byte count for people: "10 MB", "1 MB", "512 kB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return lang.Number(float64(n)/(1<<20), 0) + " MB"
	case n >= 1<<10:
		return lang.Number(float64(n)/(1<<10), 0) + " kB"
	}
	return lang.Int(n) + " B"
}
