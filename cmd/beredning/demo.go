package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/text"
	"github.com/beredning/beredning/fixtures"
	"github.com/beredning/beredning/tui"
)

func init() {
	register(command{name: "demo", summary: "cli.demo.summary", usage: "cli.demo.usage", run: runDemo})
	register(command{name: "open", summary: "cli.open.summary", usage: "cli.open.usage", run: runOpen})
}

// runDemo builds the demo municipality if it is missing, then opens it.
func runDemo(e *env, args []string) int {
	c := commands["demo"]
	fs := e.flags(c)
	db := fs.String("db", "", e.lang.T("cli.demo.flag.db"))
	fresh := fs.Bool("fresh", false, e.lang.T("cli.demo.flag.fresh"))
	large := fs.Bool("large", false, e.lang.T("cli.demo.flag.large"))
	period := fs.String("period", "", e.lang.T("cli.flag.period"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	kind := smallDemo
	if *large {
		kind = largeDemo
	}
	path := *db
	if path == "" {
		path = demoPath(kind.file)
	}
	if err := ensureDemo(e, path, kind, *fresh); err != nil {
		if errors.Is(err, errNotDemo) {
			fmt.Fprintln(e.stderr, e.lang.T("cli.demo.not_demo", text.Line(path)))
			return 1
		}
		fmt.Fprintln(e.stderr, e.lang.T("cli.demo.err", text.Line(path), e.lang.Err(err)))
		return 1
	}
	if !e.isTerminal(os.Stdout) || !e.isTerminal(os.Stdin) {
		fmt.Fprintln(e.stdout, path)
		return 0
	}
	return e.openTUI(path, *period)
}

// demoKind is one of the two demo municipalities: the small default and
// the large city (Storstad) for trying beredning at scale.
type demoKind struct {
	file   string // in the cache directory
	sha256 string // what its import log records
	build  func(context.Context, *data.Store) error
}

var (
	smallDemo = demoKind{file: "demo.db", sha256: fixtures.DemoSHA256(fixtures.DefaultSeed),
		build: func(ctx context.Context, s *data.Store) error { return fixtures.Build(ctx, s, fixtures.DefaultSeed) }}
	largeDemo = demoKind{file: "storstad.db", sha256: fixtures.LargeSHA256(fixtures.LargeSeed),
		build: func(ctx context.Context, s *data.Store) error { return fixtures.BuildLarge(ctx, s, fixtures.LargeSeed) }}
)

// demoPath is a demo database in the user's cache directory: it can be
// rebuilt at any time, so it is cache, not data.
func demoPath(file string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "beredning", file)
}

// errNotDemo: demo --fresh was pointed at a file that is not a beredning
// demo (the user's own database, another program's SQLite file, anything
// else). It is left untouched.
var errNotDemo = errors.New("not a beredning demo")

// ensureDemo builds the demo into a temporary file and renames it into
// place, so an interrupted build never leaves a half-made database; what an
// earlier, killed build left behind is removed first. An existing file is
// replaced only when it is a demo (data.DemoMark): with --fresh, or when
// it is a demo of another version.
func ensureDemo(e *env, path string, kind demoKind, fresh bool) error {
	tmp := path + ".building"
	removeDB(tmp)
	if _, err := os.Stat(path); err == nil {
		sha, isDemo := demoMark(e, path)
		switch {
		case !isDemo && fresh:
			return errNotDemo
		case !isDemo:
			return nil // someone's own database at the demo path: the open that follows explains
		case !fresh && sha == kind.sha256:
			return nil
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if e.isTerminal(os.Stderr) {
		fmt.Fprintln(e.stderr, e.lang.T("cli.demo.building", text.Line(path)))
	}
	s, err := data.Create(e.ctx, tmp)
	if err != nil {
		return err
	}
	if err := kind.build(e.ctx, s); err != nil {
		s.Close()
		removeDB(tmp)
		return err
	}
	if err := s.Checkpoint(e.ctx); err != nil {
		s.Close()
		removeDB(tmp)
		return err
	}
	if err := s.Close(); err != nil {
		removeDB(tmp)
		return err
	}
	removeDB(path)
	if err := os.Rename(tmp, path); err != nil {
		removeDB(tmp)
		return err
	}
	return nil
}

// demoMark reads, without changing the file, whether it is a demo and which.
func demoMark(e *env, path string) (sha string, isDemo bool) {
	s, err := data.OpenWith(e.ctx, path, data.OpenOptions{Reading: true})
	if err != nil {
		return "", false
	}
	defer s.Close()
	sha, isDemo, err = s.DemoMark(e.ctx)
	return sha, isDemo && err == nil
}

// removeDB removes a database file with its WAL and shared-memory files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// runOpen opens the board on a database.
func runOpen(e *env, args []string) int {
	c := commands["open"]
	fs := e.flags(c)
	db := fs.String("db", "", e.lang.T("cli.flag.db"))
	period := fs.String("period", "", e.lang.T("cli.flag.period"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	path := e.dbPath(*db)
	if !e.isTerminal(os.Stdout) {
		fmt.Fprintln(e.stderr, e.lang.T("cli.open.not_terminal"))
		return 1
	}
	return e.openTUI(path, *period)
}

func (e *env) openTUI(path, period string) int {
	s := e.openForReading(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	var p data.Period
	if period != "" {
		var err error
		if p, err = data.ParsePeriod(period); err != nil {
			fmt.Fprintln(e.stderr, e.lang.T("cli.err.period", period))
			return 2
		}
	}
	if err := tui.Run(e.ctx, s, tui.Options{Lang: e.lang, NoColor: e.noColor, Period: p}); err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	return 0
}
