package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
)

// The harness drives a Model the way the program does, synchronously:
// every command runs at once and its message goes back into Update.

// drain runs cmd and everything it leads to. Commands that would wait
// (ticks) or leave the program are dropped.
func drain(tb testing.TB, m *Model, cmd tea.Cmd) {
	tb.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			tb.Fatal("drain: commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := runWithTimeout(c)
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// runWithTimeout runs a command, giving up on one that blocks (a tick).
func runWithTimeout(c tea.Cmd) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(5 * time.Second):
		return nil
	}
}

// newBoard opens a board on s at a size, with everything loaded.
func newBoard(tb testing.TB, s *data.Store, opt Options, w, h int) *Model {
	tb.Helper()
	m := New(s, opt)
	m.requestBackground = false
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	drain(tb, m, m.Init())
	return m
}

// press sends keys ("down", "tab", "]", "ctrl+c") and runs what follows.
func press(tb testing.TB, m *Model, keys ...string) {
	tb.Helper()
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		drain(tb, m, cmd)
	}
}

// keyMsg builds the key press for a key name as tea.Key.String spells it.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+r":
		return tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// typeText types into the board one key at a time.
func typeText(tb testing.TB, m *Model, s string) {
	tb.Helper()
	for _, r := range s {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		drain(tb, m, cmd)
	}
}

// screen is the board as plain text.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// checkScreen fails when the frame has more lines than the window or a
// line wider than it.
func checkScreen(tb testing.TB, m *Model, what string) {
	tb.Helper()
	content := m.View().Content
	lines := strings.Split(content, "\n")
	if len(lines) > m.height {
		tb.Fatalf("%s: %d lines in a window of %d", what, len(lines), m.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			tb.Fatalf("%s: line %d is %d wide in a window of %d:\n%q", what, i, w, m.width, ansi.Strip(l))
		}
	}
}

// readerOf is the open reader, or nil.
func readerOf(m *Model) *reader {
	r, _ := m.top().(*reader)
	return r
}

// importOf is the open import screen, or nil.
func importOf(m *Model) *importScreen {
	s, _ := m.top().(*importScreen)
	return s
}

// gapListOf is the open gap overview, or nil.
func gapListOf(m *Model) *gapList {
	g, _ := m.top().(*gapList)
	return g
}
