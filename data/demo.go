package data

import "context"

// DemoKind is the import-log kind the demo generator writes: it marks a
// database as a beredning demo, which `demo --fresh` may rebuild.
const DemoKind = "demo"

// DemoMark tells whether the database is a beredning demo, and which
// (the SHA-256 its import log records). A database that has had anything
// else imported is the user's, even if it began as a demo.
func (s *Store) DemoMark(ctx context.Context) (sha256 string, isDemo bool, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, sha256 FROM import_log ORDER BY id`)
	if err != nil {
		return "", false, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, sum string
		if err := rows.Scan(&kind, &sum); err != nil {
			return "", false, err
		}
		if kind != DemoKind {
			return "", false, rows.Err()
		}
		sha256, isDemo = sum, true
	}
	return sha256, isDemo, rows.Err()
}

// Checkpoint folds the write-ahead log into the database file, so that one
// file is the whole database (a demo before it is renamed into place).
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}
