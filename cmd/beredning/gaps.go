package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/charmbracelet/x/term"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
)

func init() {
	register(command{name: "gaps", summary: "cli.gaps.summary", usage: "cli.gaps.usage", run: runGaps})
}

// gapFormats are the outputs of `beredning gaps`.
var gapFormats = []string{"table", "json", "md"}

// runGaps prints the quality gaps of a period. It exits 0 whether or not
// there are gaps, 1 when the database or the period cannot be used, and 2
// on a wrong command line.
func runGaps(e *env, args []string) int {
	c := commands["gaps"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	period := fs.String("period", "", l.T("cli.gaps.flag.period"))
	format := fs.String("format", "table", l.T("cli.gaps.flag.format"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	if !slices.Contains(gapFormats, *format) {
		fmt.Fprintln(e.stderr, l.T("cli.err.format", *format, "table, json, md"))
		return 2
	}
	var p data.Period
	if *period != "" {
		var err error
		if p, err = data.ParsePeriod(*period); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.gaps.bad_period", *period))
			return 2
		}
	}
	path := e.dbPath(*db)
	s := e.openForReading(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	cov, err := s.Coverage(e.ctx)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.gaps.failed", l.Err(err)))
		return 1
	}
	if cov.First.IsZero() {
		fmt.Fprintln(e.stderr, l.T("cli.gaps.no_data", path))
		return 1
	}
	if p.IsZero() {
		p = cov.DefaultPeriod()
	}
	if p < cov.First || p > cov.Last {
		latest := cov.LatestOutcome.String()
		if latest == "" {
			latest = "–"
		}
		fmt.Fprintln(e.stderr, l.T("cli.gaps.unknown_period", p, cov.First, cov.Last, latest))
		return 1
	}
	res, err := gaps.Compute(e.ctx, s, p, l)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.gaps.failed", l.Err(err)))
		return 1
	}
	switch *format {
	case "json":
		err = gaps.WriteJSON(e.stdout, res)
	case "md":
		err = gaps.WriteMarkdown(e.stdout, res, l)
	default:
		err = gaps.WriteTable(e.stdout, res, l, e.gapsTableWidth())
	}
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.gaps.failed", l.Err(err)))
		return 1
	}
	return 0
}

// gapsTableWidth is the terminal's width when stdout is one, else 100.
func (e *env) gapsTableWidth() int {
	if f, ok := e.stdout.(*os.File); ok && e.isTerminal(f) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 100
}
