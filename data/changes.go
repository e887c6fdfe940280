package data

import "sync"

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
