package tui

import (
	"context"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// What a server (beredning serve) tells a board it runs for one of its
// sessions. A board on the command line never receives these.

// ChangedMsg says the database changed under the board (someone else
// imported, reviewed or edited): it reloads what it shows, keeping the
// period and the selection.
type ChangedMsg struct {
	By string // who wrote, as the audit trail names them
}

// PresenceMsg tells who else is connected, by display name.
type PresenceMsg struct {
	Others []string
}

// gotChanged reloads after someone else's write. While an import of this
// board's own is running its end reloads anyway.
func (m *Model) gotChanged(ChangedMsg) tea.Cmd {
	if m.imports.runs > 0 {
		return nil
	}
	return m.reload()
}

// applyRole hides the keys of writes the store's actor may not make; the
// store refuses them anyway, but help shows only what one can do.
func (m *Model) applyRole() {
	if m.store == nil {
		return
	}
	a := m.store.Actor()
	m.keys.Import.SetEnabled(a.May(data.ActImport) && !m.opt.NoImport)
	m.keys.UndoImport.SetEnabled(a.May(data.ActUndoImport))
	m.keys.Mark.SetEnabled(a.May(data.ActBriefing))
	for _, b := range []*key.Binding{&m.keys.Approve, &m.keys.SendBack, &m.keys.Comment, &m.keys.Reopen} {
		b.SetEnabled(a.May(data.ActReview))
	}
	// The chair's briefing is the management's working paper, not the
	// committee's: a member's board does not offer it.
	m.keys.Briefing.SetEnabled(!a.ReadsRestricted())
}

// keysFor is the keymap of a screen whose edits are one action: without
// the edit keys when the store's actor may not take it (the store would
// refuse the write anyway; help shows only what can be done).
func (a *app) keysFor(act data.Action) keyMap {
	k := a.keys
	if a.store == nil || a.store.Actor().May(act) {
		return k
	}
	for _, b := range []*key.Binding{&k.Add, &k.AddDocument, &k.Edit, &k.MoveUp, &k.MoveDown, &k.Remove, &k.Number} {
		b.SetEnabled(false)
	}
	if act == data.ActMeetings {
		// enter, which edits for the secretary, reads for everyone else
		k.ViewDocument = key.NewBinding(key.WithKeys("enter", "v"), key.WithHelp("enter/v", k.ViewDocument.Help().Desc))
	}
	return k
}

// insideImportRoot tells whether a path may be imported: anywhere on the
// command line; over SSH only inside the server's import folder, after
// symbolic links are followed.
func (a *app) insideImportRoot(path string) bool {
	root := a.opt.ImportRoot
	if root == "" {
		return true
	}
	return within(root, path)
}

func within(root, path string) bool {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// NewSession is the board for one session of a server: New, with the
// session's context, so that loads and imports end with the connection.
func NewSession(ctx context.Context, s *data.Store, opt Options) *Model {
	m := New(s, opt)
	m.ctx = ctx
	return m
}
