// Package tui is beredning's terminal board: for the period under review,
// every area with its numbers and its words side by side, down to a unit
// and into any narrative.
//
// # Shape
//
// One root model (Model, model.go) owns the shared app (app.go: size,
// theme, keymap, language, store handle and its cached answers, the
// period under review and the selection) and a stack of screens
// (screen.go). The board (board.go) is the bottom screen; the reader, the
// gap overview, help and the import screen open above it and close with
// esc. The root draws the header and the footer, routes the global keys
// in one place (ctrl+c and q quit, ? opens and closes help, esc is a
// backMsg to the top screen), gives every other key and the mouse to the
// top screen, and every other message (the store's answers, the theme) to
// every screen. Panes are plain structs with a Render(width, height)
// method, filled from the board for each frame; computeLayout places them.
// Data reaches the screens only as messages answering commands
// (commands.go); no View reads the database. Text longer than its place
// scrolls in a bubbles viewport (scrollKey, scrollWheel).
//
// # How to add a screen
//
//  1. Make a file with a pointer type that embeds *app and implements
//     Screen: Update, View(width, height), Help, SetSize and Title.
//  2. Load what it shows in a tea.Cmd (a store function in package data)
//     that answers with a typed message, handled in its Update; drop
//     answers whose gen is not the app's.
//  3. In Update, answer backMsg with nil (the root pops the screen) unless
//     the screen has a step to go back to; return a new screen to open it
//     above this one.
//  4. Add its key to keyMap (keys.go, with help texts in messages.go) and
//     one case to the board's handleKey (navigation.go) that returns
//     newYourScreen(b.app) and its first load command.
//  5. Test it with press and screen (harness_test.go) and a golden.
//
// The import screen (importscreen.go, key i) reads files and folders into
// the store the way beredning import does: a dry run first, its report,
// then the import on confirmation, after which every cached answer is
// dropped and the board loads again. Its u opens the import log
// (importruns.go), where an import is undone as beredning imports undo
// does. The board also notices changes other programs make to the
// database (watch.go: PRAGMA data_version asked every 1.5 s) and reloads,
// keeping the period and the selection; ctrl+r reloads by hand.
package tui

import (
	"context"
	"os"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Options are what cmd/beredning passes in from its flags.
type Options struct {
	Lang    lang.Lang
	NoColor bool
	// Period is the period under review; zero means the store's default,
	// the latest month with outcome.
	Period data.Period
	// ImportDir is where the import screen starts browsing; empty means
	// the working directory.
	ImportDir string
	// ImportRoot, when set, confines the import screen: it browses and
	// imports nothing outside this folder (beredning serve --import-dir).
	ImportRoot string
	// NoImport turns the import screen off (a server without --import-dir).
	NoImport bool
}

// memoryLimit is the Go heap's soft limit while the board runs.
const memoryLimit = 80 << 20

// Run shows the board until the user quits. The alternate screen and the
// mouse are set on the view (tea.View), not as program options.
func Run(ctx context.Context, s *data.Store, opt Options) error {
	progOpts := []tea.ProgramOption{tea.WithContext(ctx)}
	if os.Getenv("NO_COLOR") != "" {
		opt.NoColor = true // https://no-color.org, also when the caller did not look
	}
	if opt.NoColor {
		progOpts = append(progOpts, tea.WithColorProfile(colorprofile.Ascii))
	}
	// A soft memory limit, unless the user set one: the board caches the
	// months visited (loader.go) and without it the collector lets the
	// heap grow to twice what is live before it runs.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	s.LimitConnections(4)
	m := New(s, opt)
	m.ctx = ctx
	m.watch.every = watchEvery
	_, err := tea.NewProgram(m, progOpts...).Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
