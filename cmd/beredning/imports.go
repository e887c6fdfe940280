package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

func init() {
	register(command{name: "imports", summary: "cli.imports.summary", usage: "cli.imports.usage", run: runImports})
}

// runImports lists the import log by import run, or undoes one run:
// imports [--format table|json] [--limit N] | imports undo ID.
func runImports(e *env, args []string) int {
	c := commands["imports"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	format := fs.String("format", "table", l.T("cli.imports.flag.format"))
	limit := fs.Int("limit", 20, l.T("cli.imports.flag.limit"))
	user := fs.String("user", "", l.T("cli.import.flag.user"))
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 && rest[0] == "undo" {
		if len(rest) != 2 {
			fmt.Fprintln(e.stderr, l.T("cli.imports.undo_needs_id"))
			return 2
		}
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil || id <= 0 {
			fmt.Fprintln(e.stderr, l.T("cli.imports.bad_id", rest[1]))
			return 2
		}
		return e.undoImport(*db, id, ingest.WhoImports(*user, e.getenv, e.account))
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, l.T("cli.imports.unknown_action", rest[0]))
		return 2
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintln(e.stderr, l.T("cli.err.format", *format, "table, json"))
		return 2
	}
	path := e.dbPath(*db)
	s := e.openStore(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	runs, err := s.ImportRuns(e.ctx, max(*limit, 1))
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.err.open", path, err))
		return 1
	}
	if *format == "json" {
		return writeImportsJSON(e.stdout, runs)
	}
	writeImportsTable(e.stdout, runs, l)
	return 0
}

func (e *env) undoImport(dbFlag string, id int64, by string) int {
	l := e.lang
	path := e.dbPath(dbFlag)
	s := e.openStore(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	res, err := s.UndoImport(e.ctx, id, by, time.Now().UTC().Format(time.RFC3339))
	var conflict *data.UndoConflictError
	switch {
	case errors.Is(err, data.ErrNoSuchImport):
		fmt.Fprintln(e.stderr, l.T("cli.imports.no_such", id))
		return 1
	case errors.Is(err, data.ErrAlreadyUndone):
		fmt.Fprintln(e.stderr, l.T("cli.imports.already_undone", id))
		return 1
	case errors.Is(err, data.ErrNotUndoable):
		fmt.Fprintln(e.stderr, l.T("cli.imports.not_undoable", id))
		return 1
	case errors.As(err, &conflict):
		later := make([]string, len(conflict.Later))
		for i, r := range conflict.Later {
			later[i] = strconv.FormatInt(r, 10)
		}
		fmt.Fprintln(e.stderr, l.T("cli.imports.conflict", id, strings.Join(later, ", "), later[0]))
		return 1
	case err != nil:
		fmt.Fprintln(e.stderr, l.T("cli.imports.undo_failed", id, err))
		return 1
	}
	fmt.Fprintln(e.stdout, l.T("cli.imports.undone", id, lang.Int(int64(res.Removed)), lang.Int(int64(res.Restored)),
		lang.Int(int64(res.AreasRemoved)), lang.Int(int64(res.UnitsRemoved)), lang.Int(int64(res.MeasuresRemoved))))
	if len(res.Kept) > 0 {
		fmt.Fprintln(e.stdout, l.T("cli.imports.kept", text.Line(strings.Join(res.Kept, ", "))))
	}
	return 0
}

// runStatus says whether a run can be undone, or when it was.
func runStatus(r data.ImportRun, l lang.Lang) string {
	switch {
	case r.UndoneAt != "":
		at, _ := time.Parse(time.RFC3339, r.UndoneAt)
		return l.T("cli.imports.status.undone", lang.DateTime(at), userName(l, r.UndoneBy))
	case !r.Undoable:
		return l.T("cli.imports.status.fixed")
	}
	return l.T("cli.imports.status.undoable")
}

func runFiles(r data.ImportRun, l lang.Lang) string {
	parts := make([]string, len(r.Files))
	for i, f := range r.Files {
		kind := f.Kind
		if k := "import.kind." + f.Kind; lang.Has(k) {
			kind = l.T(k)
		}
		parts[i] = filepath.Base(f.File) + " (" + kind + ")"
	}
	return text.Line(strings.Join(parts, ", "))
}

func writeImportsTable(w io.Writer, runs []data.ImportRun, l lang.Lang) {
	if len(runs) == 0 {
		fmt.Fprintln(w, l.T("cli.info.no_imports"))
		return
	}
	tb := text.NewTable(0, 3, 4, 5) // numbers align right
	tb.Row(l.T("cli.imports.col.id"), l.T("cli.imports.col.at"), l.T("cli.imports.col.user"),
		l.T("cli.imports.col.new"), l.T("cli.imports.col.changed"), l.T("cli.imports.col.unchanged"))
	for _, r := range runs {
		t := r.Totals()
		at, _ := time.Parse(time.RFC3339, r.At)
		tb.Row(strconv.FormatInt(r.ID, 10), lang.DateTime(at), userName(l, r.User),
			lang.Int(int64(t.New)), lang.Int(int64(t.Changed)), lang.Int(int64(t.Unchanged)))
	}
	tb.Write(w, "")
	// The table aligns numbers right; what each run read and whether it
	// can be undone follow as a list, where long file names do not
	// stretch the table.
	fmt.Fprintln(w)
	for _, r := range runs {
		fmt.Fprintf(w, "%d  %s: %s\n", r.ID, runStatus(r, l), runFiles(r, l))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.imports.hint"))
}

type importRunJSON struct {
	ID        int64           `json:"id"`
	At        string          `json:"at"`
	User      string          `json:"user"`
	Undoable  bool            `json:"undoable"`
	UndoneAt  string          `json:"undone_at,omitempty"`
	UndoneBy  string          `json:"undone_by,omitempty"`
	New       int             `json:"new"`
	Changed   int             `json:"changed"`
	Unchanged int             `json:"unchanged"`
	Files     []importLogJSON `json:"files"`
}

func writeImportsJSON(w io.Writer, runs []data.ImportRun) int {
	out := []importRunJSON{}
	for _, r := range runs {
		t := r.Totals()
		j := importRunJSON{ID: r.ID, At: r.At, User: r.User, Undoable: r.Undoable && r.UndoneAt == "", UndoneAt: r.UndoneAt,
			UndoneBy: r.UndoneBy, New: t.New, Changed: t.Changed, Unchanged: t.Unchanged, Files: []importLogJSON{}}
		for _, f := range r.Files {
			j.Files = append(j.Files, logJSON(f))
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return 1
	}
	return 0
}
