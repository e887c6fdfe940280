package tui

import (
	"context"
	"errors"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
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

// importScreen is the import screen's state; the model holds it while the
// screen is open.
type importScreen struct {
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
	head []string // title and status lines above the report
	view viewport.Model
	bar  progress.Model
}

// ok tells whether the check found nothing to stop the import.
func (s *importScreen) ok() bool { return s.rep != nil && s.rep.OK() && s.err == nil }

// importUserName is who the import log names: as on the command line,
// the environment's user, else the account the program runs as.
func importUserName() string { return ingest.WhoImports("", os.Getenv, user.Current) }

// openImport opens the import screen in the folder last browsed (at
// first the start folder). While an import still runs it does nothing.
func (m *Model) openImport() tea.Cmd {
	if m.importRuns > 0 {
		return nil
	}
	bar := progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
	bar.FullColor, bar.EmptyColor = m.theme.ProgressFull, m.theme.ProgressEmpty
	m.imp = &importScreen{view: viewport.New(), bar: bar}
	m.imp.browser.ask(m.importDir)
	m.footerH = m.footerHeight()
	m.layoutImport()
	return listDir(m.importDir)
}

// closeImport leaves the screen for the board, remembering the folder.
func (m *Model) closeImport() {
	if m.imp.cancel != nil {
		m.imp.cancel()
	}
	if m.imp.browser.listed {
		m.importDir = m.imp.browser.dir
	}
	m.imp = nil
	m.footerH = m.footerHeight()
}

// startImport checks (dryRun) or imports target.
func (m *Model) startImport(target string, dryRun bool) tea.Cmd {
	imp := m.imp
	if imp.cancel != nil {
		imp.cancel()
	}
	m.importSeq++
	m.importRuns++
	ctx, cancel := context.WithCancel(m.ctx)
	imp.seq, imp.cancel = m.importSeq, cancel
	imp.target, imp.title = target, m.importTitle(target)
	imp.done, imp.total, imp.rep, imp.err = 0, 0, nil, nil
	imp.stage = stageRun
	if dryRun {
		imp.stage = stageCheck
		m.importDir = imp.browser.dir
	}
	m.layoutImport()
	return runImport(importJob{seq: imp.seq, ctx: ctx, store: m.store, paths: []string{target},
		opts: ingest.Options{DryRun: dryRun, MaskPNR: imp.maskPNR, User: m.importUser}})
}

// gotImportDone shows how a run ended; a committed import reloads the
// board. A run left with esc before it ended is told in the footer.
func (m *Model) gotImportDone(msg importDoneMsg) tea.Cmd {
	m.importRuns = max(m.importRuns-1, 0)
	committed := msg.rep != nil && msg.rep.Committed && msg.err == nil
	var reload tea.Cmd
	if committed {
		reload = m.reload()
	}
	imp := m.imp
	if imp == nil || msg.seq != imp.seq {
		if !msg.dryRun {
			m.notice = m.l.T("board.import.cancelled")
			if committed {
				m.notice = m.l.T("board.import.done")
			}
		}
		return reload
	}
	imp.cancel()
	imp.rep, imp.err = msg.rep, msg.err
	if errors.Is(msg.err, ingest.ErrRefused) {
		imp.err = nil // the report says why
	}
	if imp.rep == nil && imp.err == nil {
		imp.err = errors.New("no report")
	}
	imp.stage = stageDone
	if msg.dryRun {
		imp.stage = stageReport
	}
	m.layoutImport()
	imp.view.GotoTop() // a new report, from its start
	return reload
}

// reload forgets everything read from the store, which an import has
// changed, and loads the period under review again. Answers to loads
// asked before are dropped by their generation.
func (m *Model) reload() tea.Cmd {
	m.gen++
	m.overviews = map[data.Period]*data.Overview{}
	m.details = map[detailKey]*data.Detail{}
	m.loadingDetail = map[detailKey]bool{}
	m.gapResults = map[data.Period]*gaps.Result{}
	m.loadingGaps = map[data.Period]bool{}
	if m.pending.IsZero() {
		m.pending = m.period // zero in an empty database: the store's default
	}
	return loadOverview(m.ctx, m.store, m.pending, m.gen)
}

// importKey handles keys while the import screen is open.
func (m *Model) importKey(msg tea.KeyPressMsg) tea.Cmd {
	k, imp := m.keys, m.imp
	if key.Matches(msg, k.Help) {
		m.help.ShowAll = !m.help.ShowAll
		m.resized()
		return nil
	}
	switch imp.stage {
	case stagePick:
		return m.browserKey(msg)
	case stageCheck:
		switch {
		case key.Matches(msg, k.CancelImport):
			imp.cancel()
			imp.seq, imp.stage = 0, stagePick
			m.layoutImport()
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
	case stageRun:
		switch {
		case key.Matches(msg, k.CancelImport):
			// the transaction rolls back; the footer tells how it ended
			m.notice = m.l.T("board.import.cancelling")
			m.closeImport()
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
	case stageReport:
		switch {
		case key.Matches(msg, k.ImportConfirm):
			if imp.ok() {
				return m.startImport(imp.target, false)
			}
		case key.Matches(msg, k.MaskPNR):
			// the check runs again: what it finds depends on masking
			imp.maskPNR = !imp.maskPNR
			return m.startImport(imp.target, true)
		case key.Matches(msg, k.Back):
			imp.seq, imp.stage, imp.rep, imp.err = 0, stagePick, nil, nil
			m.layoutImport()
		case key.Matches(msg, k.Quit):
			return tea.Quit
		default:
			m.scrollImportKey(msg)
		}
	case stageDone:
		switch {
		case key.Matches(msg, k.CloseImp):
			m.closeImport()
		case key.Matches(msg, k.Quit):
			return tea.Quit
		default:
			m.scrollImportKey(msg)
		}
	}
	return nil
}

// browserKey handles keys while a file or folder is being chosen.
func (m *Model) browserKey(msg tea.KeyPressMsg) tea.Cmd {
	k, b := m.keys, &m.imp.browser
	vis := browserRows(m.layout().body.h)
	switch {
	case key.Matches(msg, k.Back):
		m.closeImport()
	case key.Matches(msg, k.Quit):
		return tea.Quit
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
			return m.startImport(m.importPath(b.dir), true)
		case kind == rowParent:
			return m.browse(b.up())
		case e.dir:
			return m.browse(filepath.Join(b.dir, e.name))
		}
		return m.startImport(m.importPath(filepath.Join(b.dir, e.name)), true)
	case key.Matches(msg, k.OpenFolder):
		switch kind, e := b.row(b.cursor); {
		case kind == rowParent:
			return m.browse(b.up())
		case kind == rowEntry && e.dir:
			return m.browse(filepath.Join(b.dir, e.name))
		}
	case key.Matches(msg, k.UpFolder):
		if b.hasParent() {
			return m.browse(b.up())
		}
	case key.Matches(msg, k.ImportFolder):
		return m.startImport(m.importPath(b.dir), true)
	}
	return nil
}

// browse reads a folder for the browser.
func (m *Model) browse(dir string) tea.Cmd {
	m.imp.browser.ask(dir)
	return listDir(dir)
}

func (m *Model) scrollImportKey(msg tea.KeyPressMsg) {
	k, v := m.keys, &m.imp.view
	switch {
	case key.Matches(msg, k.Up):
		v.ScrollUp(1)
	case key.Matches(msg, k.Down):
		v.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		v.PageUp()
	case key.Matches(msg, k.PageDown):
		v.PageDown()
	case key.Matches(msg, k.Top):
		v.GotoTop()
	case key.Matches(msg, k.Bottom):
		v.GotoBottom()
	}
}

// importWheel scrolls the import screen.
func (m *Model) importWheel(d int) {
	switch m.imp.stage {
	case stagePick:
		m.imp.browser.move(d, browserRows(m.layout().body.h))
	case stageReport, stageDone:
		if d < 0 {
			m.imp.view.ScrollUp(3)
		} else {
			m.imp.view.ScrollDown(3)
		}
	}
}

// importPath is how a chosen path is given to the importer, and so how
// the report names its files: relative to the working directory when it
// lies inside it, as one would type it on the command line.
func (m *Model) importPath(p string) string {
	if m.cwd == "" {
		return p
	}
	rel, err := filepath.Rel(m.cwd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}

// importTitle is how the screen names what is imported.
func (m *Model) importTitle(target string) string {
	if target == "." {
		return m.showPath(m.cwd)
	}
	return target
}

// showPath shows a folder the way a user knows it, home as "~".
func (m *Model) showPath(p string) string {
	if m.home != "" {
		if rel, err := filepath.Rel(m.home, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
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
func (m *Model) layoutImport() {
	imp := m.imp
	if imp == nil || m.width <= 0 {
		return
	}
	th, l, w := &m.theme, m.l, m.width
	h := m.layout().body.h
	imp.bar.SetWidth(clamp(w-10, 1, 60))
	imp.browser.offset = followCursor(imp.browser.cursor, imp.browser.offset, browserRows(h))
	imp.head = []string{" " + th.Strong.Paint(l.T("board.import.title")) + th.Subtle.Paint(" · "+cutLeft(clean(imp.title), max(w-width(l.T("board.import.title"))-4, 8)))}
	if imp.stage != stageReport && imp.stage != stageDone {
		return
	}
	for _, s := range wrapLines(m.importStatus(), max(w-2, 1), 3) {
		imp.head = append(imp.head, " "+m.importStatusInk().Paint(s))
	}
	if line := m.importPNRLine(); line != "" {
		for _, s := range wrapLines(line, max(w-2, 1), 2) {
			imp.head = append(imp.head, " "+th.Subtle.Paint(s))
		}
	}
	imp.head = append(imp.head, "")
	imp.view.SetWidth(w)
	imp.view.SetHeight(max(h-len(imp.head), 1))
	imp.view.SetContentLines(reportLines(imp.rep, imp.err, w, th, l))
}

// importPNRLine tells how narratives with a personnummer are handled, once
// it matters: a check refused one, or masking is on.
func (m *Model) importPNRLine() string {
	imp, key := m.imp, m.keys.MaskPNR.Help().Key
	if imp.maskPNR {
		return m.l.T("board.import.pnr_masked", key)
	}
	if imp.rep != nil {
		for _, p := range imp.rep.Errors {
			if p.Key == ingest.PNRErrorKey {
				return m.l.T("board.import.pnr_refused", key)
			}
		}
	}
	return ""
}

// importStatus says in words (and a symbol) where the import stands.
func (m *Model) importStatus() string {
	imp, l := m.imp, m.l
	switch {
	case imp.err != nil:
		return l.T("board.import.failed", l.Err(imp.err))
	case !imp.rep.OK():
		return l.T("board.import.refused", lang.Int(int64(len(imp.rep.Errors))))
	case imp.stage == stageReport:
		return l.T("board.import.ready", m.keys.ImportConfirm.Help().Key)
	}
	return l.T("board.import.done")
}

func (m *Model) importStatusInk() Ink {
	if m.imp.ok() {
		return m.theme.Green
	}
	return m.theme.Error
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

// importView draws the import screen's body.
func (m *Model) importView(w, h int) string {
	imp, th, l := m.imp, &m.theme, m.l
	switch imp.stage {
	case stagePick:
		return browserView{th: th, l: l, b: &imp.browser, path: m.showPath}.Render(w, h)
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
