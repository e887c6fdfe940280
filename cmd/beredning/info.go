package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

func init() {
	register(command{name: "info", summary: "cli.info.summary", usage: "cli.info.usage", run: runInfo})
}

// infoJSON is the shape of `info --format json`, stable for scripts.
type infoJSON struct {
	Path          string          `json:"path"`
	SchemaVersion int             `json:"schema_version"`
	Municipality  string          `json:"municipality"`
	Kommunkod     string          `json:"kommunkod"`
	Committee     string          `json:"committee"`
	Inhabitants   int             `json:"inhabitants,omitempty"`
	FirstPeriod   string          `json:"first_period"`
	LastPeriod    string          `json:"last_period"`
	LatestOutcome string          `json:"latest_outcome"`
	Counts        map[string]int  `json:"counts"`
	LastImports   []importLogJSON `json:"last_imports"`
}

type importLogJSON struct {
	At           string `json:"at"`
	User         string `json:"user"`
	File         string `json:"file"`
	SHA256       string `json:"sha256"`
	Kind         string `json:"kind"`
	New          int    `json:"new"`
	Changed      int    `json:"changed"`
	Unchanged    int    `json:"unchanged"`
	AreasCreated int    `json:"areas_created"`
	UnitsCreated int    `json:"units_created"`
	Warnings     int    `json:"warnings"`
	Masked       int    `json:"masked"`
	Import       int64  `json:"import,omitempty"` // the number beredning imports undo takes
	Undone       bool   `json:"undone,omitempty"`
}

func runInfo(e *env, args []string) int {
	c := commands["info"]
	fs := e.flags(c)
	db := fs.String("db", "", e.lang.T("cli.flag.db"))
	format := fs.String("format", "text", e.lang.T("cli.info.flag.format"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintln(e.stderr, e.lang.T("cli.err.format", *format, "text, json"))
		return 2
	}
	path := e.dbPath(*db)
	s := e.openForReading(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	in, err := s.Info(e.ctx, 5)
	if err != nil {
		fmt.Fprintln(e.stderr, e.lang.T("cli.err.open", path, e.lang.Err(err)))
		return 1
	}
	if *format == "json" {
		return writeInfoJSON(e.stdout, in)
	}
	writeInfoText(e.stdout, in, e.lang)
	return 0
}

func logJSON(l data.ImportLogEntry) importLogJSON {
	return importLogJSON{At: l.At, User: l.User, File: l.File, SHA256: l.SHA256, Kind: l.Kind,
		New: l.New, Changed: l.Changed, Unchanged: l.Unchanged, AreasCreated: l.AreasCreated, UnitsCreated: l.UnitsCreated,
		Warnings: l.Warnings, Masked: l.Masked, Import: l.Run, Undone: l.Undone}
}

func writeInfoJSON(w io.Writer, in data.Info) int {
	out := infoJSON{
		Path: in.Path, SchemaVersion: in.SchemaVersion,
		Municipality: in.Municipality.Name, Kommunkod: in.Municipality.Kommunkod, Committee: in.Municipality.Committee, Inhabitants: in.Municipality.Inhabitants,
		FirstPeriod: in.Coverage.First.String(), LastPeriod: in.Coverage.Last.String(), LatestOutcome: in.Coverage.LatestOutcome.String(),
		Counts: map[string]int{}, LastImports: []importLogJSON{},
	}
	for _, c := range in.Counts {
		out.Counts[c.Table] = c.Rows
	}
	for _, l := range in.LastImports {
		out.LastImports = append(out.LastImports, logJSON(l))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return 1
	}
	return 0
}

// writeInfoText writes info for a person: every value from the database
// or a file name passes text.Line (in text.Table), columns line up by
// display width.
func writeInfoText(w io.Writer, in data.Info, l lang.Lang) {
	t := text.NewTable()
	t.Row(l.T("cli.info.database"), in.Path)
	t.Row(l.T("cli.info.schema"), strconv.Itoa(in.SchemaVersion))
	t.Row(l.T("cli.info.municipality"), municipalityLine(l, in.Municipality))
	t.Row(l.T("cli.info.committee"), in.Municipality.Committee)
	if in.Municipality.Inhabitants > 0 {
		t.Row(l.T("cli.info.inhabitants"), lang.Int(int64(in.Municipality.Inhabitants)))
	}
	if in.Coverage.First.IsZero() {
		t.Row(l.T("cli.info.periods"), l.T("cli.info.no_data"))
	} else {
		t.Row(l.T("cli.info.periods"), in.Coverage.First.String()+" – "+in.Coverage.Last.String())
		latest := in.Coverage.LatestOutcome.String()
		if latest == "" {
			latest = "–"
		}
		t.Row(l.T("cli.info.latest_outcome"), latest)
	}
	t.Write(w, "")
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.info.rows"))
	for _, c := range in.Counts {
		t.Row(l.T("cli.info.table."+c.Table), lang.Int(int64(c.Rows)))
	}
	t.Write(w, "  ")
	fmt.Fprintln(w)
	if len(in.LastImports) == 0 {
		fmt.Fprintln(w, l.T("cli.info.no_imports"))
		return
	}
	fmt.Fprintln(w, l.T("cli.info.imports"))
	for _, im := range in.LastImports {
		t.Row(lang.DateTime(im.Time()), im.File, im.Kind,
			l.T("cli.info.import_counts", countWord(l, im.New, "cli.count.new"), countWord(l, im.Changed, "cli.count.changed"),
				countWord(l, im.Unchanged, "cli.count.unchanged"), userName(l, im.User))+undoneMark(l, im))
	}
	t.Write(w, "  ")
}

// undoneMark says that a logged import was taken back.
func undoneMark(l lang.Lang, e data.ImportLogEntry) string {
	if e.Undone {
		return " " + l.T("cli.info.undone")
	}
	return ""
}
