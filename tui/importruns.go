package tui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// importRuns is the screen of the import log (u on the import screen), to
// undo an import: the latest runs, newest first, with what each read and
// did; enter asks to undo the one under the cursor, y confirms. The undo
// is the store's (beredning imports undo): one transaction, refused when
// a later import changed the same rows.
type importRuns struct {
	*app
	runs    []data.ImportRun
	loaded  bool
	loadErr error
	cursor  int
	offset  int
	confirm bool // asking whether to undo runs[cursor]
	undoing bool
	result  string // how the last undo ended
	ok      bool   // it was undone
	w, h    int
}

// importRunsShown is how many runs the screen lists.
const importRunsShown = 50

func newImportRuns(a *app) *importRuns { return &importRuns{app: a} }

// importRunsMsg answers loadImportRuns.
type importRunsMsg struct {
	runs []data.ImportRun
	err  error
}

func loadImportRuns(ctx context.Context, s *data.Store) tea.Cmd {
	return func() tea.Msg {
		runs, err := s.ImportRuns(ctx, importRunsShown)
		return importRunsMsg{runs: runs, err: err}
	}
}

// undoDoneMsg answers undoImport.
type undoDoneMsg struct {
	run int64
	res data.UndoResult
	err error
}

func undoImport(ctx context.Context, s *data.Store, run int64, by string) tea.Cmd {
	return func() tea.Msg {
		res, err := s.UndoImport(ctx, run, by, time.Now().UTC().Format(time.RFC3339))
		return undoDoneMsg{run: run, res: res, err: err}
	}
}

func (r *importRuns) load() tea.Cmd { return loadImportRuns(r.ctx, r.store) }

func (r *importRuns) Title() string { return r.l.T("board.runs.title") }

func (r *importRuns) Help() help.KeyMap {
	k := r.keys
	if r.confirm {
		return bindings{short: []key.Binding{k.ConfirmUndo, k.Back}, full: [][]key.Binding{{k.ConfirmUndo, k.Back, k.Quit}}}
	}
	return bindings{
		short: []key.Binding{k.ChooseUndo, k.Down, k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.ChooseUndo, k.Back, k.Help, k.Quit}},
	}
}

func (r *importRuns) SetSize(w, h int) {
	r.w, r.h = w, h
	r.move(0)
}

func (r *importRuns) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k := r.keys
	switch msg := msg.(type) {
	case backMsg:
		if r.confirm {
			r.confirm = false
			return r, nil
		}
		return nil, nil
	case importRunsMsg:
		r.runs, r.loadErr, r.loaded = msg.runs, msg.err, true
		r.move(0)
	case undoDoneMsg:
		r.undoing = false
		r.result, r.ok = r.undoText(msg), msg.err == nil
		cmds := []tea.Cmd{r.load()}
		if msg.err == nil {
			cmds = append(cmds, r.reload()) // the board shows the store as it is now
		}
		return r, tea.Batch(cmds...)
	case tea.MouseWheelMsg:
		r.move(wheelDelta(msg))
	case tea.MouseClickMsg:
		// below the header, the title and the column headings
		if row := msg.Mouse().Y - headerLines - 2; !r.confirm && msg.Mouse().Button == tea.MouseLeft &&
			row >= 0 && row < r.listRows() && r.offset+row < len(r.runs) {
			r.move(r.offset + row - r.cursor)
		}
	case tea.KeyPressMsg:
		if r.undoing {
			return r, nil
		}
		if r.confirm {
			if key.Matches(msg, k.ConfirmUndo) {
				r.confirm, r.undoing, r.result = false, true, ""
				return r, undoImport(r.ctx, r.store, r.runs[r.cursor].ID, r.imports.user)
			}
			return r, nil
		}
		vis := r.listRows()
		switch {
		case key.Matches(msg, k.Up):
			r.move(-1)
		case key.Matches(msg, k.Down):
			r.move(1)
		case key.Matches(msg, k.PageUp):
			r.move(-vis)
		case key.Matches(msg, k.PageDown):
			r.move(vis)
		case key.Matches(msg, k.Top):
			r.move(-1 << 20)
		case key.Matches(msg, k.Bottom):
			r.move(1 << 20)
		case key.Matches(msg, k.ChooseUndo):
			if len(r.runs) > 0 {
				r.confirm, r.result = true, ""
			}
		}
	}
	return r, nil
}

// listRows is how many runs show: the body less the title, the column
// headings, and below the list the run's files and the status lines.
func (r *importRuns) listRows() int { return max(r.h-2-7, 1) }

func (r *importRuns) move(d int) {
	r.cursor = clamp(r.cursor+d, 0, max(len(r.runs)-1, 0))
	r.offset = followCursor(r.cursor, clamp(r.offset, 0, max(len(r.runs)-r.listRows(), 0)), r.listRows())
}

// undoText says how an undo ended, in the words of beredning imports undo.
func (r *importRuns) undoText(msg undoDoneMsg) string {
	l, id := r.l, msg.run
	var conflict *data.UndoConflictError
	switch {
	case errors.As(msg.err, &conflict):
		ids := make([]string, len(conflict.Later))
		for i, n := range conflict.Later {
			ids[i] = lang.Int(n)
		}
		return l.T("board.runs.conflict", id, strings.Join(ids, ", "))
	case errors.Is(msg.err, data.ErrAlreadyUndone):
		return l.T("board.runs.already_undone", id)
	case errors.Is(msg.err, data.ErrNotUndoable):
		return l.T("board.runs.not_undoable", id)
	case errors.Is(msg.err, data.ErrNoSuchImport):
		return l.T("board.runs.no_such", id)
	case msg.err != nil:
		return l.T("board.runs.failed", id, l.Err(msg.err))
	}
	res := msg.res
	s := l.T("board.runs.undone", id, lang.Int(int64(res.Removed)), lang.Int(int64(res.Restored)),
		lang.Int(int64(res.AreasRemoved)), lang.Int(int64(res.UnitsRemoved)), lang.Int(int64(res.MeasuresRemoved)))
	if len(res.Kept) > 0 {
		kept := make([]string, len(res.Kept))
		for i, k := range res.Kept {
			kept[i] = clean(k)
		}
		s += " " + l.T("board.runs.kept", strings.Join(kept, ", "))
	}
	return s
}

// status is a run's last column: whether it can be undone, or when it was.
func (r *importRuns) status(run data.ImportRun) (string, Ink) {
	switch {
	case run.UndoneAt != "":
		return r.l.T("board.runs.status.undone", runTime(run.UndoneAt)), r.theme.Subtle
	case !run.Undoable:
		return r.l.T("board.runs.status.fixed"), r.theme.Faint
	}
	return r.l.T("board.runs.status.undoable"), r.theme.Green
}

// runTime is an RFC 3339 time as the board writes times.
func runTime(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return clean(at)
	}
	return lang.DateTime(t)
}

func (r *importRuns) View(w, h int) string {
	th, l := &r.theme, r.l
	lines := []string{" " + th.Title.Paint(l.T("board.runs.title"))}
	switch {
	case !r.loaded:
		return block(append(lines, " "+th.Faint.Paint(l.T("board.loading"))), w, h)
	case r.loadErr != nil:
		return block(append(lines, " "+th.Error.Paint(l.Err(r.loadErr))), w, h)
	case len(r.runs) == 0:
		return block(append(lines, "", " "+l.T("board.runs.none")), w, h)
	}
	// NR, time, who, new, changed, files, status: the status is never
	// cut (it holds a time), the files column gets what is left and goes
	// first when the window is narrow.
	const idW, atW, numW = 5, 16, 7
	userW := clamp(w/8, 6, 14)
	statusW := width(l.T("board.runs.col.status"))
	for _, run := range r.runs {
		s, _ := r.status(run)
		statusW = max(statusW, width(s))
	}
	// in a narrow window the counts go, then who (the files below say it)
	showCounts, showUser := w >= 1+idW+atW+2*numW+statusW+4, w >= 1+idW+atW+userW+2*numW+statusW+5
	fixed := 1 + idW + 1 + atW + 1 + statusW
	if showCounts {
		fixed += 2 * (numW + 1)
	}
	if showUser {
		fixed += userW + 1
	}
	filesW := w - fixed - 1
	showFiles := filesW >= 10
	row := func(id, at, user, nw, ch, files, status string) string {
		s := " " + right(id, idW) + " " + fit(at, atW)
		if showUser {
			s += " " + fit(user, userW)
		}
		if showCounts {
			s += " " + right(nw, numW) + " " + right(ch, numW)
		}
		if showFiles {
			s += " " + fit(files, filesW)
		}
		return s + " " + status
	}
	lines = append(lines, th.Subtle.Paint(row(l.T("board.runs.col.id"), l.T("board.runs.col.at"), l.T("board.runs.col.user"),
		l.T("board.runs.col.new"), l.T("board.runs.col.changed"), l.T("board.runs.col.files"), l.T("board.runs.col.status"))))
	vis := r.listRows()
	for i := r.offset; i < len(r.runs) && i < r.offset+vis; i++ {
		run := r.runs[i]
		t := run.Totals()
		user := clean(run.User)
		if user == "" {
			user = l.T("board.runs.unknown_user")
		}
		status, ink := r.status(run)
		s := row(lang.Int(run.ID), runTime(run.At), user, lang.Int(int64(t.New)), lang.Int(int64(t.Changed)),
			runFiles(run, l), ink.Paint(fit(status, statusW)))
		if i == r.cursor {
			s = th.Selected.Over("▌" + fit(s[1:], w-1))
		}
		lines = append(lines, s)
	}
	for len(lines) < vis+2 {
		lines = append(lines, "")
	}
	lines = append(lines, th.Faint.Paint(" "+strings.Repeat("─", max(w-2, 0))))
	// the run under the cursor: its files, then what the screen asks or says
	run := r.runs[r.cursor]
	for i, f := range run.Files {
		if i == 3 {
			lines = append(lines, " "+th.Faint.Paint(l.T("board.runs.more_files", lang.Int(int64(len(run.Files)-3)))))
			break
		}
		counts := l.T("board.runs.file", clean(f.Kind), lang.Int(int64(f.New)), lang.Int(int64(f.Changed)), lang.Int(int64(f.Unchanged)))
		// the counts whole, the file's name cut from its start if need be
		lines = append(lines, " "+cutLeft(clean(f.File), max(w-width(counts)-4, 8))+th.Subtle.Paint("  "+counts))
	}
	var say string
	var ink Ink
	switch {
	case r.undoing:
		say, ink = l.T("board.runs.undoing", run.ID), th.Strong
	case r.confirm:
		say, ink = l.T("board.runs.confirm", run.ID, r.keys.ConfirmUndo.Help().Key), th.Warn
	case r.result != "" && r.ok:
		say, ink = "✓ "+r.result, th.Green
	case r.result != "":
		say, ink = "✗ "+r.result, th.Error
	}
	if say != "" {
		room := max(h-len(lines), 1)
		wrapped := wrapLines(say, max(w-2, 1), room)
		for len(lines)+len(wrapped) < h {
			lines = append(lines, "")
		}
		for _, s := range wrapped {
			lines = append(lines, " "+ink.Paint(s))
		}
	}
	return block(lines, w, h)
}

// runFiles names a run's files: the first one's name, and how many more.
func runFiles(run data.ImportRun, l lang.Lang) string {
	if len(run.Files) == 0 {
		return "–"
	}
	s := clean(filepath.Base(run.Files[0].File))
	if n := len(run.Files) - 1; n > 0 {
		s += " " + l.T("board.runs.and_more", lang.Int(int64(n)))
	}
	return s
}
