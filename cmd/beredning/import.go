package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
)

func init() {
	register(command{name: "import", summary: "cli.import.summary", usage: "cli.import.usage", run: runImport})
}

// runImport reads files and folders into the database in one transaction:
// exit 0 when imported (or checked, with --dry-run), 1 when the input was
// refused or the database failed, 2 on a usage error.
func runImport(e *env, args []string) int {
	c := commands["import"]
	fs := e.flags(c)
	db := fs.String("db", "", e.lang.T("cli.flag.db"))
	dryRun := fs.Bool("dry-run", false, e.lang.T("cli.import.flag.dry_run"))
	maskPNR := fs.Bool("mask-pnr", false, e.lang.T("cli.import.flag.mask_pnr"))
	user := fs.String("user", "", e.lang.T("cli.import.flag.user"))
	wait := fs.Duration("wait", 0, e.lang.T("cli.import.flag.wait"))
	reopen := fs.String("reopen", "", e.lang.T("cli.import.flag.reopen"))
	paths, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, e.lang.T("cli.import.need_paths"))
		fmt.Fprintln(e.stderr, e.lang.T(c.usage))
		return 2
	}
	path := e.dbPath(*db)
	s := e.open(path, data.OpenOptions{Wait: *wait})
	if s == nil {
		return 1
	}
	defer s.Close()

	opts := ingest.Options{DryRun: *dryRun, MaskPNR: *maskPNR, User: ingest.WhoImports(*user, e.getenv, e.account),
		Reopen: *reopen}
	var progress *progressLine
	if e.isTerminal(os.Stderr) {
		progress = &progressLine{w: e.stderr, l: e.lang}
		opts.Progress = progress.update
	}
	rep, err := ingest.Import(e.ctx, s, paths, opts)
	progress.clear()
	l := e.lang
	switch {
	case errors.Is(err, ingest.ErrRefused):
		fmt.Fprint(e.stderr, rep.RenderErrors(l))
		fmt.Fprintln(e.stderr)
		fmt.Fprint(e.stderr, rep.Render(l))
		return 1
	case err != nil:
		fmt.Fprintln(e.stderr, l.T("cli.import.failed", l.Err(err)))
		return 1
	}
	fmt.Fprint(e.stdout, rep.Render(l))
	if rep.Committed && rep.Run != 0 {
		fmt.Fprintln(e.stdout, l.T("cli.import.run", rep.Run, rep.Run))
	}
	return 0
}

// progressLine shows how far an import has read, on one line of a
// terminal, at most a few times a second.
type progressLine struct {
	w     io.Writer
	l     lang.Lang
	start time.Time
	last  time.Time
	shown bool
}

func (p *progressLine) update(done, total int64) {
	now := time.Now()
	if p.start.IsZero() {
		p.start = now
	}
	if now.Sub(p.last) < 200*time.Millisecond || now.Sub(p.start) < 500*time.Millisecond || total <= 0 {
		return
	}
	p.last, p.shown = now, true
	pct := float64(done) / float64(total) * 100
	fmt.Fprintf(p.w, "\r%s\033[K", p.l.T("cli.import.progress", lang.Number(pct, 0), lang.Number(float64(done)/1e6, 1), lang.Number(float64(total)/1e6, 1)))
}

func (p *progressLine) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
