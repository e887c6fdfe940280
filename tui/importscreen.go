package tui

import (
	"context"
	"errors"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
)

// The import screen (key i): choose a file or a folder, see what a dry
// run of the import finds, confirm, watch the progress, and find the
// board reloaded. Every step is a command answered by a message; esc
// backs out of each.

// importStage is where the import screen is.
type importStage int

const (
	stagePick   importStage = iota // choosing a file or folder
	stageCheck                     // the dry run is under way
	stageReport                    // the dry run's report, to confirm or back out of
	stageRun                       // the import is under way
	stageDone                      // the import's report: imported, or refused after all
)

// imports is what outlives an import screen: who the import log names,
// where the browser opens (the start folder, then the last one), the
// runs under way (an import goes on after its screen closed) and which
// run the open screen shows.
type imports struct {
	user      string
	dir       string
	cwd, home string // to show paths as the user knows them
	runs      int    // imports and checks under way
	seq       int    // the last run's number
	shown     int    // the run the open import screen shows; 0: none
}

func newImports(startDir string) imports {
	im := imports{user: importUserName()}
	im.cwd, im.home = workingDirs()
	im.dir = startFolder(startDir, im.cwd)
	return im
}

// done counts a run as ended. A committed import changed the store, so
// everything read from it is read again; an import whose screen was
// closed before it ended says in the footer how it ended.
func (im *imports) done(a *app, msg importDoneMsg) tea.Cmd {
	im.runs = max(im.runs-1, 0)
	committed := msg.rep != nil && msg.rep.Committed && msg.err == nil
	if msg.seq != im.shown && !msg.dryRun {
		a.notice = a.l.T("board.import.cancelled")
		if committed {
			a.notice = a.l.T("board.import.done")
		}
	}
	if committed {
		return a.reload()
	}
	return nil
}

// importScreen is the import screen (i): the folder browser, then a
// run's progress and report.
type importScreen struct {
	*app
	stage   importStage
	browser browser
	target  string // the file or folder chosen, as given to the importer
	maskPNR bool   // store narratives with personnummer masked (--mask-pnr)
	title   string // the target as the title shows it
	seq     int    // the run under way or shown; 0: none (answers to others are dropped)
	cancel  context.CancelFunc

	done, total int64 // bytes read, of the run under way
	rep         *ingest.Report
	err         error // the database failed (a refusal is told by rep)

	// built in Update for the width, so View only draws
	w, h int
	head []string // title and status lines above the report
	view viewport.Model
	bar  progress.Model
}

// ok tells whether the check found nothing to stop the import.
func (s *importScreen) ok() bool { return s.rep != nil && s.rep.OK() && s.err == nil }

// importUserName is who the import log names: as on the command line,
// the environment's user, else the account the program runs as.
func importUserName() string { return ingest.WhoImports("", os.Getenv, user.Current) }

// newImportScreen opens in the folder last browsed (at first the start
// folder); the caller runs browse for its listing.
func newImportScreen(a *app) *importScreen {
	bar := progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
	bar.FullColor, bar.EmptyColor = a.theme.ProgressFull, a.theme.ProgressEmpty
	s := &importScreen{app: a, view: newViewport(), bar: bar}
	s.browser.root = a.opt.ImportRoot
	return s
}

func (s *importScreen) Title() string { return s.l.T("board.import.title") }

func (s *importScreen) Help() help.KeyMap {
	return importKeys{k: s.keys, stage: s.stage, ok: s.ok(), pnr: s.importPNRLine() != ""}
}

func (s *importScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.layoutImport()
}

// Update takes the screen's keys and its runs' answers.
func (s *importScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return s.back()
	case tea.KeyPressMsg:
		if s.stage == stageDone && key.Matches(msg, s.keys.CloseImp) {
			s.closeImport()
			return nil, nil
		}
		if s.stage == stagePick && key.Matches(msg, s.keys.UndoImport) {
			r := newImportRuns(s.app)
			return r, r.load()
		}
		return s, s.importKey(msg)
	case tea.MouseWheelMsg:
		s.importWheel(wheelDelta(msg))
	case tea.MouseClickMsg:
		// a click on a row of the browser puts the cursor there (below
		// the header and the browser's title line)
		if row := msg.Mouse().Y - headerLines - 1; s.stage == stagePick && msg.Mouse().Button == tea.MouseLeft &&
			row >= 0 && row < browserRows(s.h) && s.browser.offset+row < s.browser.rowCount() {
			s.browser.move(s.browser.offset+row-s.browser.cursor, browserRows(s.h))
		}
	case tea.BackgroundColorMsg:
		s.bar.FullColor, s.bar.EmptyColor = s.theme.ProgressFull, s.theme.ProgressEmpty
		s.layoutImport()
	case dirListingMsg:
		if s.browser.gotListing(msg) {
			s.layoutImport()
		}
	case importProgressMsg:
		if msg.seq == s.seq {
			s.done, s.total = msg.done, msg.total
		}
	case importDoneMsg:
		s.gotImportDone(msg)
	}
	return s, nil
}

// back is esc: a check stops, a report goes back to the browser; from
// the browser, or while an import runs (it goes on; the transaction rolls
// back when cancelled), the screen closes.
func (s *importScreen) back() (Screen, tea.Cmd) {
	switch s.stage {
	case stageCheck:
		s.cancel()
		s.seq, s.stage = 0, stagePick
		s.imports.shown = 0
		s.layoutImport()
		return s, nil
	case stageReport:
		s.seq, s.stage, s.rep, s.err = 0, stagePick, nil, nil
		s.imports.shown = 0
		s.layoutImport()
		return s, nil
	case stageRun:
		s.notice = s.l.T("board.import.cancelling")
	}
	s.closeImport()
	return nil, nil
}

// closeImport cancels a run under way and remembers the folder.
func (s *importScreen) closeImport() {
	if s.cancel != nil {
		s.cancel()
	}
	if s.browser.listed {
		s.imports.dir = s.browser.dir
	}
	s.imports.shown = 0
}

// startImport checks (dryRun) or imports target.
func (s *importScreen) startImport(target string, dryRun bool) tea.Cmd {
	if !s.insideImportRoot(target) {
		s.notice = s.l.T("board.import.outside_root")
		return nil
	}
	if s.cancel != nil {
		s.cancel()
	}
	s.imports.seq++
	s.imports.runs++
	ctx, cancel := context.WithCancel(s.ctx)
	s.seq, s.cancel = s.imports.seq, cancel
	s.imports.shown = s.seq
	s.target, s.title = target, s.importTitle(target)
	s.done, s.total, s.rep, s.err = 0, 0, nil, nil
	s.stage = stageRun
	if dryRun {
		s.stage = stageCheck
		s.imports.dir = s.browser.dir
	}
	s.layoutImport()
	return runImport(importJob{seq: s.seq, ctx: ctx, store: s.store, paths: []string{target},
		opts: ingest.Options{DryRun: dryRun, MaskPNR: s.maskPNR, User: s.imports.user}})
}

// gotImportDone shows how the screen's run ended (the root has counted
// it and reloads the board after an import).
func (s *importScreen) gotImportDone(msg importDoneMsg) {
	if msg.seq != s.seq {
		return
	}
	s.cancel()
	s.rep, s.err = msg.rep, msg.err
	if errors.Is(msg.err, ingest.ErrRefused) {
		s.err = nil // the report says why
	}
	if s.rep == nil && s.err == nil {
		s.err = errors.New("no report")
	}
	s.stage = stageDone
	if msg.dryRun {
		s.stage = stageReport
	}
	s.layoutImport()
	s.view.GotoTop() // a new report, from its start
}

// importKey handles the screen's keys.
func (s *importScreen) importKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch s.stage {
	case stagePick:
		return s.browserKey(msg)
	case stageReport:
		switch {
		case key.Matches(msg, k.ImportConfirm):
			if s.ok() {
				return s.startImport(s.target, false)
			}
		case key.Matches(msg, k.MaskPNR):
			// the check runs again: what it finds depends on masking
			s.maskPNR = !s.maskPNR
			return s.startImport(s.target, true)
		default:
			scrollKey(&s.view, k, msg)
		}
	case stageDone:
		scrollKey(&s.view, k, msg)
	}
	return nil
}

// browserKey handles keys while a file or folder is being chosen.
func (s *importScreen) browserKey(msg tea.KeyPressMsg) tea.Cmd {
	k, b := s.keys, &s.browser
	vis := browserRows(s.h)
	switch {
	case key.Matches(msg, k.Up):
		b.move(-1, vis)
	case key.Matches(msg, k.Down):
		b.move(1, vis)
	case key.Matches(msg, k.PageUp):
		b.move(-vis, vis)
	case key.Matches(msg, k.PageDown):
		b.move(vis, vis)
	case key.Matches(msg, k.Top):
		b.move(-1<<20, vis)
	case key.Matches(msg, k.Bottom):
		b.move(1<<20, vis)
	case !b.listed:
		// nothing to choose before the folder is read
	case key.Matches(msg, k.Choose):
		kind, e := b.row(b.cursor)
		switch {
		case kind == rowWholeFolder:
			return s.startImport(s.importPath(b.dir), true)
		case kind == rowParent:
			return s.browse(b.up())
		case e.dir:
			return s.browse(filepath.Join(b.dir, e.name))
		}
		return s.startImport(s.importPath(filepath.Join(b.dir, e.name)), true)
	case key.Matches(msg, k.OpenFolder):
		switch kind, e := b.row(b.cursor); {
		case kind == rowParent:
			return s.browse(b.up())
		case kind == rowEntry && e.dir:
			return s.browse(filepath.Join(b.dir, e.name))
		}
	case key.Matches(msg, k.UpFolder):
		if b.hasParent() {
			return s.browse(b.up())
		}
	case key.Matches(msg, k.ImportFolder):
		return s.startImport(s.importPath(b.dir), true)
	}
	return nil
}

// browse reads a folder for the browser.
func (s *importScreen) browse(dir string) tea.Cmd {
	if !s.insideImportRoot(dir) {
		return nil
	}
	s.browser.ask(dir)
	return listDir(dir)
}

// importWheel scrolls the import screen.
func (s *importScreen) importWheel(d int) {
	switch s.stage {
	case stagePick:
		s.browser.move(d, browserRows(s.h))
	case stageReport, stageDone:
		scrollWheel(&s.view, d)
	}
}

// importPath is how a chosen path is given to the importer, and so how
// the report names its files: relative to the working directory when it
// lies inside it, as one would type it on the command line.
func (s *importScreen) importPath(p string) string {
	if s.imports.cwd == "" {
		return p
	}
	rel, err := filepath.Rel(s.imports.cwd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}

// importTitle is how the screen names what is imported.
func (s *importScreen) importTitle(target string) string {
	if target == "." {
		return s.showPath(s.imports.cwd)
	}
	return target
}

// showPath shows a folder the way a user knows it, home as "~".
func (s *importScreen) showPath(p string) string {
	if s.imports.home != "" {
		if rel, err := filepath.Rel(s.imports.home, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			if rel == "." {
				return "~"
			}
			return "~" + string(filepath.Separator) + rel
		}
	}
	return p
}

// layoutImport builds what the import screen shows for the window's
// width: the heading and status lines, the report in the viewport, and
// the progress bar's width. It runs in Update (resize, a new stage, an
// answer), so View only draws.
func (s *importScreen) layoutImport() {
	imp := s
	if s.w <= 0 {
		return
	}
	th, l, w, h := &s.theme, s.l, s.w, s.h
	imp.bar.SetWidth(clamp(w-10, 1, 60))
	imp.browser.offset = followCursor(imp.browser.cursor, imp.browser.offset, browserRows(h))
	imp.head = []string{" " + th.Strong.Paint(l.T("board.import.title")) + th.Subtle.Paint(" · "+cutLeft(clean(imp.title), max(w-width(l.T("board.import.title"))-4, 8)))}
	if imp.stage != stageReport && imp.stage != stageDone {
		return
	}
	for _, line := range wrapLines(s.importStatus(), max(w-2, 1), 3) {
		imp.head = append(imp.head, " "+s.importStatusInk().Paint(line))
	}
	if pnr := s.importPNRLine(); pnr != "" {
		for _, line := range wrapLines(pnr, max(w-2, 1), 2) {
			imp.head = append(imp.head, " "+th.Subtle.Paint(line))
		}
	}
	imp.head = append(imp.head, "")
	imp.view.SetWidth(w)
	imp.view.SetHeight(max(h-len(imp.head), 1))
	imp.view.SetContentLines(reportLines(imp.rep, imp.err, w, th, l))
}

// importPNRLine tells how narratives with a personnummer are handled, once
// it matters: a check refused one, or masking is on.
func (s *importScreen) importPNRLine() string {
	imp, key := s, s.keys.MaskPNR.Help().Key
	if imp.maskPNR {
		return s.l.T("board.import.pnr_masked", key)
	}
	if imp.rep != nil {
		for _, p := range imp.rep.Errors {
			if p.Key == ingest.PNRErrorKey {
				return s.l.T("board.import.pnr_refused", key)
			}
		}
	}
	return ""
}

// importStatus says in words (and a symbol) where the import stands.
func (s *importScreen) importStatus() string {
	imp, l := s, s.l
	switch {
	case imp.err != nil:
		return l.T("board.import.failed", l.Err(imp.err))
	case !imp.rep.OK():
		return l.T("board.import.refused", lang.Int(int64(len(imp.rep.Errors))))
	case imp.stage == stageReport:
		return l.T("board.import.ready", s.keys.ImportConfirm.Help().Key)
	}
	return l.T("board.import.done")
}

func (s *importScreen) importStatusInk() Ink {
	if s.ok() {
		return s.theme.Green
	}
	return s.theme.Error
}

// reportLines is an import's report for the viewport: the errors, each
// with its place, then the summary per table, the warnings and what
// happened to the database, wrapped to w with hanging indents.
func reportLines(rep *ingest.Report, err error, w int, th *Theme, l lang.Lang) []string {
	var out []string
	add := func(s, first, rest string, ink Ink) {
		ws := wrapLines(clean(s), max(w-1-max(width(first), width(rest)), 1), 1<<10)
		for i, part := range ws {
			lead := first
			if i > 0 {
				lead = rest
			}
			out = append(out, lead+ink.Paint(part))
		}
	}
	if rep == nil {
		if err != nil {
			add(l.Err(err), " ", " ", Ink{})
		}
		return out
	}
	if len(rep.Errors) > 0 {
		out = append(out, " "+th.Error.Paint(l.T("board.import.errors_head")))
		for _, p := range rep.Errors {
			add(p.Render(l), " "+th.Error.Paint("✗")+" ", "     ", Ink{})
		}
		if rep.Truncated {
			add(l.T("import.err.truncated"), "   ", "   ", th.Subtle)
		}
		out = append(out, "")
	}
	for _, s := range strings.Split(strings.TrimRight(rep.Render(l), "\n"), "\n") {
		indent := len(s) - len(strings.TrimLeft(s, " "))
		add(strings.TrimLeft(s, " "), " "+spaces(indent), " "+spaces(indent+2), Ink{})
	}
	return out
}

// View draws the import screen's body.
func (s *importScreen) View(w, h int) string {
	imp, th, l := s, &s.theme, s.l
	switch imp.stage {
	case stagePick:
		return browserView{th: th, l: l, b: &imp.browser, path: s.showPath}.Render(w, h)
	case stageCheck, stageRun:
		lines := append([]string(nil), imp.head...)
		word := l.T("board.import.checking")
		if imp.stage == stageRun {
			word = l.T("board.import.running")
		}
		lines = append(lines, "", " "+word)
		pct := 0.0
		if imp.total > 0 {
			pct = float64(imp.done) / float64(imp.total)
		}
		lines = append(lines, " "+imp.bar.ViewAs(pct)+" "+lang.Number(pct*100, 0)+" %")
		if imp.total > 0 {
			lines = append(lines, " "+th.Subtle.Paint(l.T("board.import.size", sizeText(imp.done), sizeText(imp.total))))
		}
		return block(lines, w, h)
	}
	lines := append([]string(nil), imp.head...)
	lines = append(lines, strings.Split(imp.view.View(), "\n")...)
	return block(lines, w, h)
}

// startFolder is where the import screen first browses: the folder asked
// for, else the working directory, made absolute so that going up works.
func startFolder(dir, cwd string) string {
	if dir == "" {
		dir = cwd
	}
	if dir == "" {
		dir = "."
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// workingDirs are the working and home directories, read once at start.
func workingDirs() (cwd, home string) {
	cwd, _ = os.Getwd()
	home, _ = os.UserHomeDir()
	return cwd, home
}
