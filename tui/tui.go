// Package tui is beredning's terminal board: for the period under review,
// every area with its numbers and its words side by side, down to a unit
// and into any narrative.
//
// One root model (Model) owns the size, theme, keymap, language, store
// handle, current period and selection, routes every message and is the
// only place that returns a tea.View. The panes are plain structs with a
// Render(width, height) method, filled from the model for each frame. Data
// reaches the model only as messages answering commands (commands.go).
//
// The import screen (importscreen.go, key i) reads files and folders into
// the store the way beredning import does: a dry run first, its report,
// then the import on confirmation, after which every cached answer is
// dropped and the board loads again.
package tui

import (
	"context"
	"os"

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
}

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
	m := New(s, opt)
	m.ctx = ctx
	_, err := tea.NewProgram(m, progOpts...).Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
