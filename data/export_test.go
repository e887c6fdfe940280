package data

import (
	"context"
	"database/sql"
	"fmt"
)

// CreateAtVersion makes a database with only the first v migrations, as an
// older beredning left it, for testing the migrations that follow.
func CreateAtVersion(ctx context.Context, path string, v int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	for _, m := range migrations()[:v] {
		if err := s.applyMigration(ctx, conn, m); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return db, nil
}
