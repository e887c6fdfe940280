package data

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Dump writes every table's rows in a stable order as text, one row per
// line. Two databases with the same content give the same dump, byte for
// byte; tests use it to show that a refused import changed nothing.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, n)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	rows.Close()
	for _, t := range tables {
		if err := dumpTable(ctx, s, w, t); err != nil {
			return err
		}
	}
	return nil
}

func dumpTable(ctx context.Context, s *Store, w io.Writer, table string) error {
	rows, err := s.db.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY 1`)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "-- %s (%s)\n", table, strings.Join(cols, ", "))
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if i > 0 {
				io.WriteString(w, "|")
			}
			switch x := v.(type) {
			case nil:
				io.WriteString(w, "NULL")
			case []byte:
				fmt.Fprintf(w, "%q", x)
			case string:
				fmt.Fprintf(w, "%q", x)
			default:
				fmt.Fprint(w, x)
			}
		}
		io.WriteString(w, "\n")
	}
	return rows.Err()
}
