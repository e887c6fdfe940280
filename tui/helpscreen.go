package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// helpScreen (?) lists every key of the screen beneath it, in as many
// columns as fit, with notes on the mouse. ? or esc closes it.
type helpScreen struct {
	*app
	of   Screen // the screen whose keys are shown
	view viewport.Model
	w    int
}

func newHelpScreen(a *app, of Screen) *helpScreen {
	return &helpScreen{app: a, of: of, view: newViewport()}
}

func (s *helpScreen) Title() string { return s.l.T("board.help.title") }

func (s *helpScreen) Help() help.KeyMap {
	k := s.keys
	return bindings{short: []key.Binding{k.Back, k.Down, k.Quit}, full: [][]key.Binding{{k.Back, k.Up, k.Down, k.Quit}}}
}

func (s *helpScreen) SetSize(w, h int) {
	s.w = w
	s.view.SetWidth(w)
	s.view.SetHeight(max(h-1, 1))
	s.view.SetContentLines(s.content(w))
}

func (s *helpScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return nil, nil
	case tea.KeyPressMsg:
		scrollKey(&s.view, s.keys, msg)
	case tea.MouseWheelMsg:
		scrollWheel(&s.view, wheelDelta(msg))
	case tea.BackgroundColorMsg:
		s.view.SetContentLines(s.content(s.w))
	}
	return s, nil
}

func (s *helpScreen) View(w, h int) string {
	title := " " + s.theme.Title.Paint(s.l.T("board.help.heading", s.of.Title()))
	if !s.view.AtBottom() {
		title = spread(title, s.theme.Faint.Paint(s.l.T("board.help.more"))+" ", w)
	}
	return block(append([]string{title}, strings.Split(s.view.View(), "\n")...), w, h)
}

// content is the keys of the screen beneath, group by group, packed into
// rows of columns as wide as the window allows (help's own full view
// drops the groups that do not fit), then the notes.
func (s *helpScreen) content(w int) []string {
	hm := help.New()
	hm.Styles = s.theme.Help
	var cols [][]string
	for _, g := range s.of.Help().FullHelp() {
		cols = append(cols, strings.Split(hm.FullHelpView([][]key.Binding{g}), "\n"))
	}
	const gap = 4
	out := []string{""}
	for len(cols) > 0 {
		n, used := 0, 1
		for n < len(cols) && (n == 0 || used+gap+colWidth(cols[n]) <= w) {
			if n > 0 {
				used += gap
			}
			used += colWidth(cols[n])
			n++
		}
		row, height := cols[:n], 0
		for _, c := range row {
			height = max(height, len(c))
		}
		for i := 0; i < height; i++ {
			line := " "
			for j, c := range row {
				cell := ""
				if i < len(c) {
					cell = c[i]
				}
				if j < len(row)-1 {
					cell = fit(cell, colWidth(c)+gap)
				}
				line += cell
			}
			out = append(out, line)
		}
		out = append(out, "")
		cols = cols[n:]
	}
	var notes []string
	if n, ok := s.of.(helpNoter); ok {
		notes = n.HelpNotes()
	}
	for _, note := range append(notes, s.l.T("board.help.mouse")) {
		for _, line := range wrapLines(note, max(w-2, 1), 4) {
			out = append(out, " "+s.theme.Subtle.Paint(line))
		}
	}
	return out
}

// helpNoter is a screen with more to explain in help than its keys (the
// board: what its symbols mean).
type helpNoter interface {
	HelpNotes() []string
}

func colWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, width(l))
	}
	return w
}
