package data

import (
	"context"
	"fmt"
	"strings"
)

// Check runs SQLite's integrity and foreign-key checks and returns what
// they found, nil when the file is sound: the crash test's verdict on a
// database whose import was killed.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return err
	}
	fk, err := s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid, n any
		if err := fk.Scan(&table, &rowid, &parent, &n); err != nil {
			return err
		}
		problems = append(problems, fmt.Sprintf("%s row %v refers to a missing %s", table, rowid, parent))
	}
	if err := fk.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("database check: %s", strings.Join(problems, "; "))
	}
	return nil
}
