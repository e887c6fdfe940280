package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// The board on the command line notices when another program changes the
// database (an import from the command line, another board's import) and
// reads again what it shows: every watchEvery a command asks the store
// for its data version, and a new one reloads as a server's ChangedMsg
// does (session.go), keeping the period and the selection. A board a
// server runs does not ask: the server watches once for all its boards.

// watchEvery is how often Run's board asks whether the database changed.
const watchEvery = 1500 * time.Millisecond

// watcher is the version last seen; every is zero when not watching
// (tests, which feed dataVersionMsg themselves).
type watcher struct {
	every time.Duration
	seen  int64
	known bool
}

// dataVersionMsg answers readVersion.
type dataVersionMsg struct {
	v   int64
	err error
}

// readVersion asks the store for its data version, after a pause of d.
func readVersion(ctx context.Context, s *data.Store, d time.Duration) tea.Cmd {
	read := func(time.Time) tea.Msg {
		v, err := s.DataVersion(ctx)
		return dataVersionMsg{v: v, err: err}
	}
	if d <= 0 {
		return func() tea.Msg { return read(time.Time{}) }
	}
	return tea.Tick(d, read)
}

// gotVersion reloads when the version moved since the last answer, and
// asks again after a pause. An error (the file locked for a moment) is
// not shown: the next answer will tell.
func (m *Model) gotVersion(msg dataVersionMsg) tea.Cmd {
	var reload tea.Cmd
	switch {
	case msg.err != nil:
	case !m.watch.known:
		m.watch.seen, m.watch.known = msg.v, true
	case msg.v != m.watch.seen:
		// The board's own import or undo is seen here too, and read a
		// second time: cheaper than a window in which another
		// program's change could pass unseen.
		m.watch.seen = msg.v
		if reload = m.gotChanged(ChangedMsg{}); reload != nil && m.notice == "" {
			m.notice = m.l.T("board.reloaded")
		}
	}
	if m.watch.every <= 0 {
		return reload
	}
	return tea.Batch(reload, readVersion(m.ctx, m.store, m.watch.every))
}
