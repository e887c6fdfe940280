package tui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Golden screens of the demo, run through a real tea.Program by teatest:
// commands run in goroutines and their messages come back as they would
// in a terminal. The golden is the final frame as text (monochrome, ANSI
// stripped), so a diff reads like the screen. Update with -update.

// probeMsg asks, on the program's own goroutine, whether the board has
// everything it shows loaded.
type probeMsg struct{ ready chan bool }

// settled tells whether nothing the screen shows is still loading.
func (m *Model) settled() bool {
	if m.ov == nil || !m.pending.IsZero() || m.gapResults[m.period] == nil {
		return false
	}
	if m.sel.AreaID != 0 && m.detail(m.sel) == nil {
		return false
	}
	if r := readerOf(m); r != nil && m.detail(r.item.Scope) == nil {
		return false
	}
	switch s := m.top().(type) {
	case *reviewList:
		if !s.loaded {
			return false
		}
	case *reportScreen:
		if s.rep == nil || s.step == formSaving {
			return false
		}
	}
	if s := importOf(m); m.imports.runs > 0 || s != nil && (!s.browser.listed || s.browser.asked != "") {
		return false
	}
	if s, ok := m.top().(interface{ loading() bool }); ok && s.loading() {
		return false
	}
	return true
}

// probeFilter answers probes from inside the program, so the test reads
// the model without racing its Update.
func probeFilter(m tea.Model, msg tea.Msg) tea.Msg {
	if p, ok := msg.(probeMsg); ok {
		p.ready <- m.(*Model).settled()
		return nil
	}
	return msg
}

// waitSettled sends probes until the board has loaded what it shows.
func waitSettled(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ch := make(chan bool, 1)
		tm.Send(probeMsg{ready: ch})
		select {
		case ok := <-ch:
			if ok {
				return
			}
		case <-time.After(time.Second):
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the board did not settle")
}

// goldenBoard opens the demo at a size, presses keys, and compares the
// final frame with testdata/<test name>.golden.
func goldenBoard(t *testing.T, opt Options, w, h int, keys ...string) {
	t.Helper()
	goldenScreen(t, demoStore, opt, w, h, keys...)
}

// goldenScreen is goldenBoard on any store.
func goldenScreen(t *testing.T, s *data.Store, opt Options, w, h int, keys ...string) {
	t.Helper()
	opt.NoColor = true
	m := New(s, opt)
	m.requestBackground = false
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithFilter(probeFilter)))
	waitSettled(t, tm)
	for _, k := range keys {
		tm.Send(keyMsg(k))
		waitSettled(t, tm)
	}
	tm.Send(keyMsg("ctrl+c"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	frame := ansi.Strip(fm.View().Content)
	checkScreen(t, fm, "golden")
	golden.RequireEqual(t, frame)
}

func TestBoardGolden(t *testing.T) {
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], l.Code()), func(t *testing.T) {
				goldenBoard(t, Options{Lang: l}, sz[0], sz[1])
			})
		}
	}
}

// The first area opened and its investigating unit selected: the unit
// the demo's first scenario is about.
func TestUnitGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d_sv", sz[0], sz[1]), func(t *testing.T) {
			goldenBoard(t, Options{}, sz[0], sz[1], "enter", "down")
		})
	}
}

func TestReaderGolden(t *testing.T) {
	cases := []struct {
		l    lang.Lang
		w, h int
	}{{lang.SV, 80, 24}, {lang.SV, 120, 40}, {lang.EN, 120, 40}}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%dx%d_%s", c.w, c.h, c.l.Code()), func(t *testing.T) {
			goldenBoard(t, Options{Lang: c.l}, c.w, c.h, "enter", "down", "tab", "tab", "tab", "tab", "enter")
		})
	}
}

func TestGapBandGolden(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d_sv", sz[0], sz[1]), func(t *testing.T) {
			goldenBoard(t, Options{}, sz[0], sz[1], "enter", "down", "tab", "enter")
		})
	}
}

func TestGapListGolden(t *testing.T) {
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		t.Run(fmt.Sprintf("120x40_%s", l.Code()), func(t *testing.T) {
			goldenBoard(t, Options{Lang: l}, 120, 40, "o")
		})
	}
}

func TestHelpGolden(t *testing.T) {
	goldenBoard(t, Options{}, 120, 40, "?")
}

func TestTooSmallGolden(t *testing.T) {
	goldenBoard(t, Options{}, 39, 11)
}

// The screens of the stack at the small size, where they are tightest:
// help with the legend, the gap overview scrolled to its evidence, the
// reader after n.
func TestScreensGolden(t *testing.T) {
	cases := []struct {
		name string
		l    lang.Lang
		keys []string
	}{
		{"help_80x24_sv", lang.SV, []string{"?"}},
		{"help_80x24_en", lang.EN, []string{"?"}},
		{"gaps_evidence_80x24_sv", lang.SV, []string{"o", "pgdown"}},
		{"reader_next_80x24_en", lang.EN, []string{"tab", "tab", "tab", "tab", "enter", "n"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			goldenBoard(t, Options{Lang: c.l}, 80, 24, c.keys...)
		})
	}
}

// A committee member reads the November pack's monthly follow-up (the
// agenda's sixth row, enter): the document reader at the sizes and in
// both languages.
func TestDocReaderGolden(t *testing.T) {
	member := demoStore.As(data.Actor{Login: "lena", Name: "Lena Ström", Role: data.RoleLedamot})
	cases := []struct {
		l    lang.Lang
		w, h int
	}{{lang.SV, 80, 24}, {lang.EN, 120, 40}, {lang.SV, 200, 50}}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%dx%d_%s", c.w, c.h, c.l.Code()), func(t *testing.T) {
			goldenScreen(t, member, Options{Lang: c.l, Period: data.MustPeriod("2026-10")}, c.w, c.h,
				"M", "enter", "down", "down", "down", "down", "down", "enter")
		})
	}
}
