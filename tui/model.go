package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// footerLines is the footer's height: one line of status and keys.
const footerLines = 1

// Model is the root model: the shared app, the stack of screens (the
// board at the bottom), and the footer's help.
type Model struct {
	*app
	stack []Screen
	help  help.Model
	// requestBackground is false in tests, whose goldens are monochrome
	// and must not depend on the terminal's answer.
	requestBackground bool
	// others are who else is connected to the same server, by name
	others []string
}

// New makes the board for a store. Nothing is read until Init's command runs.
func New(s *data.Store, opt Options) *Model {
	a := &app{
		store:   s,
		ctx:     context.Background(),
		opt:     opt,
		l:       opt.Lang,
		keys:    newKeyMap(opt.Lang),
		cache:   newCache(0),
		pending: opt.Period,
		imports: newImports(opt.ImportDir),
	}
	m := &Model{app: a, help: help.New(), requestBackground: !opt.NoColor}
	m.stack = []Screen{newBoardScreen(a)}
	m.setTheme(newTheme(true, opt.NoColor))
	m.applyRole()
	return m
}

// Init asks for the terminal's background (to pick light or dark
// colours) and loads the overview of the period under review.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadOverview(m.ctx, m.store, m.opt.Period, m.gen)}
	if m.requestBackground {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.watch.every > 0 {
		cmds = append(cmds, readVersion(m.ctx, m.store, 0))
	}
	return tea.Batch(cmds...)
}

func (m *Model) setTheme(t Theme) {
	m.theme = t
	m.help.Styles = t.Help
}

// top is the screen the user sees and types to.
func (m *Model) top() Screen { return m.stack[len(m.stack)-1] }

// board is the bottom screen.
func (m *Model) board() *board { return m.stack[0].(*board) }

// Update routes every message. It never waits for the database: loads are
// commands, and their answers come back as messages. Keys and the mouse go
// to the top screen (after the global keys); everything else, once the
// shared cache has taken what it keeps, to every screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(max(m.width-1, 0))
		for _, s := range m.stack {
			s.SetSize(m.width, m.bodyHeight())
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.setTheme(newTheme(msg.IsDark(), m.opt.NoColor))
	case tea.KeyPressMsg:
		cmd := m.handleKey(msg)
		return m, tea.Batch(cmd, m.applyPending())
	case tea.MouseMsg, tea.PasteMsg:
		return m, m.updateTop(msg)
	case overviewMsg:
		if msg.gen != m.gen {
			return m, nil // read before the store changed
		}
		if !m.gotOverview(msg) {
			return m, nil
		}
	case detailsMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.gotDetails(msg)
		return m, tea.Batch(m.queuedDone(msg), m.broadcast(msg))
	case gapsMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.gotGaps(msg)
	case narrIndexMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.gotNarrIndex(msg)
	case reviewStatesMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.gotReviewStates(msg)
	case importProgressMsg:
		return m, tea.Batch(m.broadcast(msg), waitProgress(msg.next))
	case dataVersionMsg:
		return m, m.gotVersion(msg)
	case importDoneMsg:
		return m, tea.Batch(m.imports.done(m.app, msg), m.broadcast(msg))
	case ChangedMsg:
		return m, m.gotChanged(msg)
	case PresenceMsg:
		m.others = msg.Others
		return m, nil
	}
	return m, m.broadcast(msg)
}

// applyPending shows a period asked for whose overview is already
// loaded, at once and to every screen as if the store had just answered.
func (m *Model) applyPending() tea.Cmd {
	ov := m.overviews[m.pending]
	if m.pending.IsZero() || ov == nil {
		return nil
	}
	if m.pending == m.period {
		m.pending = 0 // back to the period shown before another was asked for
		return nil
	}
	msg := overviewMsg{gen: m.gen, asked: m.pending, ov: *ov}
	if !m.gotOverview(msg) {
		return nil
	}
	return m.broadcast(msg)
}

// handleKey routes the global keys: ctrl+c always quits, ctrl+r reads
// the database again; while a screen
// types, everything else is its; q quits, ? opens and closes help, esc
// closes help or goes back one step on the top screen.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	m.notice = ""
	if key.Matches(msg, k.Reload) {
		m.notice = m.l.T("board.reloaded_by_hand")
		return m.reload()
	}
	if t, ok := m.top().(typist); ok && t.Typing() {
		return m.updateTop(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		if _, open := m.top().(*helpScreen); open {
			m.pop()
			return nil
		}
		m.push(newHelpScreen(m.app, m.top()))
		return nil
	case key.Matches(msg, k.Back):
		return m.updateTop(backMsg{})
	}
	return m.updateTop(msg)
}

// updateTop gives a message to the top screen and pops or pushes as it
// answers.
func (m *Model) updateTop(msg tea.Msg) tea.Cmd {
	top := m.top()
	next, cmd := top.Update(msg)
	switch {
	case next == nil:
		m.pop()
	case next != top:
		m.push(next)
	}
	return cmd
}

// broadcast gives a message to every screen, bottom first.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range m.stack {
		_, cmd := s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) push(s Screen) {
	s.SetSize(m.width, m.bodyHeight())
	m.stack = append(m.stack, s)
}

// pop closes the top screen; the board stays.
func (m *Model) pop() {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
}

// View draws the header, the top screen's body and the footer. It reads
// no database and renders no Markdown.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "beredning"
	if t := m.top().Title(); t != "" && len(m.stack) > 1 {
		v.WindowTitle += " · " + clean(t)
	}
	return v
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return m.l.T("board.loading")
	}
	if w < minWidth || h < minHeight {
		return m.renderTooSmall()
	}
	var b strings.Builder
	hd := header{th: &m.theme, l: m.l, ov: m.ov, pending: m.pending, scope: m.scopeWithReview(),
		readOnly: m.store != nil && m.store.ReadOnly(), others: m.others,
		reports: m.reviewCount()}
	b.WriteString(hd.Render(w))
	b.WriteByte('\n')
	b.WriteString(m.top().View(w, m.bodyHeight()))
	b.WriteByte('\n')
	b.WriteString(m.renderFooter(w))
	return b.String()
}

// renderTooSmall is the polite note for a window below the minimum.
func (m *Model) renderTooSmall() string {
	w, h := m.width, m.height
	lines := []string{
		m.theme.Strong.Paint(m.l.T("board.too_small")),
		m.l.T("board.too_small_size", minWidth, minHeight, w, h),
	}
	var out []string
	for _, s := range lines {
		out = append(out, wrapLines(s, w, 3)...)
	}
	if len(out) > h {
		out = out[:h]
	}
	top := max((h-len(out))/2, 0)
	padded := make([]string, 0, h)
	for i := 0; i < top; i++ {
		padded = append(padded, "")
	}
	for _, s := range out {
		pad := max((w-width(s))/2, 0)
		padded = append(padded, strings.Repeat(" ", pad)+s)
	}
	return block(padded, w, h)
}

// renderFooter is the top screen's keys, after the last error, a notice
// and what the screen has to say; a screen that types writes it itself.
func (m *Model) renderFooter(w int) string {
	top := m.top()
	if t, ok := top.(typist); ok && t.Typing() {
		return block([]string{t.FooterLine(w)}, w, footerLines)
	}
	th, l := &m.theme, m.l
	var prefix string
	if m.err != nil {
		prefix = th.Error.Paint(l.T("board.error", l.Err(m.err))) + "  "
	}
	if m.notice != "" {
		prefix += th.Strong.Paint(m.notice) + "  "
	}
	if s, ok := top.(statuser); ok && s.Status() != "" {
		prefix += s.Status() + "  "
	}
	hm := m.help
	hm.SetWidth(max(w-2-width(prefix), 0))
	keys := shortHelpLine(hm, top.Help().ShortHelp(), m.keys.Help, m.keys.Quit, max(w-2-width(prefix), 0))
	return block([]string{" " + prefix + keys}, w, footerLines)
}

// scopeWithReview is the selected scope's name, with a unit's review
// state in words ("… › Utredning · ✓ granskad").
func (m *Model) scopeWithReview() string {
	name := m.scopeName(m.sel)
	if w := m.reviewWord(m.sel); w != "" && name != "" {
		name += " · " + w
	}
	return name
}
