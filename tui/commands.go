package tui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// The board's data flow: a key makes Update return one of these commands;
// the command queries the store with the values it captured (never the
// model's fields) and answers with a typed message that names the period
// and scope it was for, so Update can drop or merely cache a late answer.
// gen is the generation of the store's contents the answer belongs to: an
// import starts a new one, and answers to loads asked before it are
// dropped.

// overviewMsg answers loadOverview. asked is the period requested (zero:
// the store's default), Overview.Period the one it resolved to.
type overviewMsg struct {
	gen   int
	asked data.Period
	ov    data.Overview
	err   error
}

// detailsMsg answers loadDetails with one detail per scope asked for.
type detailsMsg struct {
	gen     int
	period  data.Period
	scopes  []data.Scope
	details []data.Detail
	err     error
}

// detailKey is what a Detail is cached by.
type detailKey struct {
	scope  data.Scope
	period data.Period
}

func loadOverview(ctx context.Context, s *data.Store, p data.Period, gen int) tea.Cmd {
	return func() tea.Msg {
		ov, err := s.Overview(ctx, p)
		return overviewMsg{gen: gen, asked: p, ov: ov, err: err}
	}
}

// loadDetails fetches the panes of several scopes of one period in one
// command: the selected row alone when the selection moves, every row of
// the period in the background after a period change, so moving down the
// list rarely waits for the database.
func loadDetails(ctx context.Context, s *data.Store, p data.Period, scopes []data.Scope, gen int) tea.Cmd {
	return func() tea.Msg {
		msg := detailsMsg{gen: gen, period: p, scopes: scopes}
		for _, sc := range scopes {
			d, err := s.Detail(ctx, sc, p, data.DefaultDetailOptions)
			if err != nil {
				msg.err = err
				break
			}
			msg.details = append(msg.details, d)
		}
		return msg
	}
}

// narrIndexMsg answers loadNarrIndex: every narrative of a period's
// window, for the filter.
type narrIndexMsg struct {
	gen    int
	period data.Period
	items  []data.NarrativeItem
	err    error
}

// loadNarrIndex reads every scope's narratives of the months a detail
// shows, in one query, so the filter finds a narrative's words without
// loading every scope's detail.
func loadNarrIndex(ctx context.Context, s *data.Store, p data.Period, gen int) tea.Cmd {
	return func() tea.Msg {
		items, err := s.NarrativesBetween(ctx, p.Recent(data.DefaultDetailOptions.NarrativeMonths), p)
		return narrIndexMsg{gen: gen, period: p, items: items, err: err}
	}
}

// gapsMsg answers loadGaps: every quality gap of one period.
type gapsMsg struct {
	gen    int
	period data.Period
	res    gaps.Result
	err    error
}

// loadGaps runs the gap engine for a period, its texts in the board's
// language.
func loadGaps(ctx context.Context, s *data.Store, p data.Period, l lang.Lang, gen int) tea.Cmd {
	return func() tea.Msg {
		res, err := gaps.Compute(ctx, s, p, l)
		return gapsMsg{gen: gen, period: p, res: res, err: err}
	}
}

// dirEntry is one line of a folder listing: a folder, or a file the
// importer reads.
type dirEntry struct {
	name string
	dir  bool
	size int64
}

// dirListingMsg answers listDir. others counts the files not listed
// because the importer does not read them.
type dirListingMsg struct {
	dir     string
	entries []dirEntry
	others  int
	err     error
}

// listDir reads a folder for the import screen's browser: folders first,
// then the files an import reads, each by name; hidden files and Excel's
// lock files are left out, as a folder import leaves them out.
func listDir(dir string) tea.Cmd {
	return func() tea.Msg {
		des, err := os.ReadDir(dir)
		msg := dirListingMsg{dir: dir, err: err}
		for _, de := range des {
			name := de.Name()
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				continue
			}
			isDir := de.IsDir()
			if de.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
					isDir = st.IsDir()
				}
			}
			switch {
			case isDir:
				msg.entries = append(msg.entries, dirEntry{name: name, dir: true})
			case ingest.Importable(name):
				e := dirEntry{name: name}
				if info, err := de.Info(); err == nil {
					e.size = info.Size()
				}
				msg.entries = append(msg.entries, e)
			default:
				msg.others++
			}
		}
		slices.SortStableFunc(msg.entries, func(a, b dirEntry) int {
			if a.dir != b.dir {
				if a.dir {
					return -1
				}
				return 1
			}
			return strings.Compare(text.Fold(a.name), text.Fold(b.name))
		})
		return msg
	}
}

// importJob is what an import command needs, captured when the command is
// built: never the model's fields.
type importJob struct {
	seq   int // which run of the import screen this is
	ctx   context.Context
	store *data.Store
	paths []string
	opts  ingest.Options
}

// importProgressMsg is how far an import has read. next waits for the
// one after it.
type importProgressMsg struct {
	seq         int
	done, total int64
	next        <-chan importProgressMsg
}

// importDoneMsg answers runImport: the report, and ErrRefused, a database
// error or the context's error when cancelled.
type importDoneMsg struct {
	seq    int
	dryRun bool
	rep    *ingest.Report
	err    error
}

// runImport runs an import (or a dry run) and reports its progress. The
// importer calls Progress on its own goroutine; the callback only hands
// the figures to a channel, keeping the latest when the screen has not
// taken the last, and a second command waits on the channel and turns
// each into a message. The channel closes when the import ends, which
// ends the waiting.
func runImport(job importJob) tea.Cmd {
	ch := make(chan importProgressMsg, 1)
	run := func() tea.Msg {
		defer close(ch)
		opts := job.opts
		opts.Progress = func(done, total int64) {
			p := importProgressMsg{seq: job.seq, done: done, total: total, next: ch}
			select {
			case ch <- p:
			default:
				select { // replace the figure not yet shown
				case <-ch:
				default:
				}
				select {
				case ch <- p:
				default:
				}
			}
		}
		rep, err := ingest.Import(job.ctx, job.store, job.paths, opts)
		return importDoneMsg{seq: job.seq, dryRun: opts.DryRun, rep: rep, err: err}
	}
	return tea.Batch(run, waitProgress(ch))
}

// waitProgress waits for the next progress figure; nil once the import
// has ended.
func waitProgress(ch <-chan importProgressMsg) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		if !ok {
			return nil
		}
		return p
	}
}
