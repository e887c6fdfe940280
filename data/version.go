package data

import (
	"context"
	"database/sql"
	"sync"
)

// dataVersion keeps the one connection DataVersion reads on: SQLite's
// data_version is per connection, so answers from different connections
// of the pool could not be compared.
type dataVersion struct {
	mu   sync.Mutex
	conn *sql.Conn
}

// DataVersion is a number that changes when another connection commits a
// change to the database: another process's import, or another Store on
// the same file (SQLite's PRAGMA data_version). Only two answers of the
// same Store can be compared; the number itself means nothing. It takes
// no lock and reads no table, so it is cheap to ask every second.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	dv := s.version
	dv.mu.Lock()
	defer dv.mu.Unlock()
	if dv.conn == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		dv.conn = c
	}
	var v int64
	if err := dv.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		// a broken connection is not kept: the next call takes a new one
		dv.conn.Close()
		dv.conn = nil
		return 0, err
	}
	return v, nil
}

func (dv *dataVersion) close() {
	if dv == nil {
		return
	}
	dv.mu.Lock()
	defer dv.mu.Unlock()
	if dv.conn != nil {
		dv.conn.Close()
		dv.conn = nil
	}
}
