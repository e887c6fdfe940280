package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// Screen is one screen of the stack: the board at the bottom, and above
// it whatever the user opened (a narrative, the gap overview, help, the
// import). The root model draws the header and the footer, routes the
// global keys and gives a screen the body between them.
//
// Screens are pointers (the root compares what Update returns with the
// screen it asked).
type Screen interface {
	// Update takes every key the root does not route itself (only the
	// top screen gets keys and the mouse) and every other message (all
	// screens get those, bottom first). It returns the screen itself to
	// stay, nil to close (the root pops it; the board never closes), or
	// a new screen to open above it.
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View draws the body: exactly height lines of exactly width cells.
	View(width, height int) string
	// Help is the screen's keys, for the footer (ShortHelp) and the help
	// screen (FullHelp).
	Help() help.KeyMap
	// SetSize tells the body's size when the window changes and when the
	// screen is opened; what depends on the width is laid out here, so
	// View only draws.
	SetSize(width, height int)
	// Title names the screen in the window title and the help screen.
	Title() string
}

// backMsg is esc (outside help and a text field), routed by the root to
// the top screen: a screen with steps of its own goes one step back and
// stays; others answer nil and are closed.
type backMsg struct{}

// typist is a screen with a text field open: while Typing, every key but
// ctrl+c goes to it (q and ? are letters then) and its FooterLine (the
// field and its keys) is the footer.
type typist interface {
	Typing() bool
	FooterLine(width int) string
}

// statuser is a screen that says something in the footer before its keys
// (the board: an applied filter).
type statuser interface {
	Status() string
}

// bindings is a help.KeyMap made of lists.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
}

func (b bindings) ShortHelp() []key.Binding  { return b.short }
func (b bindings) FullHelp() [][]key.Binding { return b.full }

// The one scrolling idiom for text longer than its place: a bubbles
// viewport, moved by the keymap's movement keys and the wheel.

// newViewport is a viewport that draws no gutter and takes no keys of its
// own (scrollKey moves it with the board's keymap).
func newViewport() viewport.Model {
	v := viewport.New()
	v.KeyMap = viewport.KeyMap{}
	v.MouseWheelEnabled = false
	return v
}

// scrollKey moves a viewport for a movement key, and tells whether the
// key was one.
func scrollKey(v *viewport.Model, k keyMap, msg tea.KeyPressMsg) bool {
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
	default:
		return false
	}
	return true
}

// wheelDelta is -1 for the wheel up, 1 for down, 0 for anything else.
func wheelDelta(msg tea.Msg) int {
	w, ok := msg.(tea.MouseWheelMsg)
	if !ok {
		return 0
	}
	switch w.Mouse().Button {
	case tea.MouseWheelUp:
		return -1
	case tea.MouseWheelDown:
		return 1
	}
	return 0
}

// scrollWheel scrolls a viewport three lines per notch of the wheel.
func scrollWheel(v *viewport.Model, d int) {
	if d < 0 {
		v.ScrollUp(3)
	} else if d > 0 {
		v.ScrollDown(3)
	}
}
