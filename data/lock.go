package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// How often a write that waits for another's lock tries again, and how
// long each try lets SQLite wait by itself.
const (
	lockRetry      = 250 * time.Millisecond
	lockTryTimeout = 100 * time.Millisecond
)

// beginWrite begins a write transaction (BEGIN IMMEDIATE) on conn. While
// another process holds the write lock — an import running beside this
// one — it waits, tells onWait once, and tries again as long as the other
// runs, or until the store's wait bound, when it returns ErrBusy. Readers
// are never in its way: in WAL mode they hold no lock a writer needs.
func (s *Store) beginWrite(ctx context.Context, conn *sql.Conn) (*sql.Tx, error) {
	if s.readOnly {
		return nil, fmt.Errorf("%w: %s", ErrReadOnly, s.path)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, lockTryTimeout.Milliseconds())); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA busy_timeout = %d`, readBusyTimeout.Milliseconds()))
	var deadline time.Time
	if s.wait > 0 {
		deadline = time.Now().Add(s.wait)
	}
	told := false
	for {
		tx, err := conn.BeginTx(ctx, nil)
		if err == nil || !isBusy(err) {
			return tx, err
		}
		if !told && s.onWait != nil {
			s.onWait()
			told = true
		}
		if !deadline.IsZero() && time.Now().After(deadline) {
			return nil, fmt.Errorf("%w: %s", ErrBusy, s.path)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockRetry):
		}
	}
}
