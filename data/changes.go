package data

import (
	"context"
	"sync"
	"time"
)

// Change tells an open board that the database changed under it: a
// commit through the same Store (or one of its As copies), made by By.
type Change struct {
	By Actor
}

// changeFeed fans a commit out to every subscriber of one opened database.
// A subscriber's channel holds one pending change; more commits before it
// reads collapse into that one, since a reload reads everything anyway.
type changeFeed struct {
	mu   sync.Mutex
	subs map[chan Change]struct{}
}

func newChangeFeed() *changeFeed { return &changeFeed{subs: map[chan Change]struct{}{}} }

func (f *changeFeed) publish(by Actor) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subs {
		select {
		case ch <- Change{By: by}:
		default: // one is already waiting: the reload will see this commit too
		}
	}
}

// Subscribe returns a channel that receives a Change after every commit
// made through this database handle (by any session of the same process),
// and a function that ends the subscription. Changes made by other
// processes are not seen here; PRAGMA data_version polling finds those.
func (s *Store) Subscribe() (<-chan Change, func()) {
	ch := make(chan Change, 1)
	if s.feed == nil {
		return ch, func() {}
	}
	s.feed.mu.Lock()
	s.feed.subs[ch] = struct{}{}
	s.feed.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			s.feed.mu.Lock()
			delete(s.feed.subs, ch)
			s.feed.mu.Unlock()
		})
	}
}

// WatchDataVersion calls changed whenever another connection commits to
// the database file (another process's import, or this one's other
// connections), looking every interval with PRAGMA data_version on a
// connection of its own, until ctx ends. It holds no lock between looks.
func (s *Store) WatchDataVersion(ctx context.Context, every time.Duration, changed func()) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var last int64
	if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&last); err != nil {
		return err
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		var v int64
		if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if v != last {
			last = v
			changed()
		}
	}
}
