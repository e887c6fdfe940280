package data

import (
	"context"
	"time"
)

// Info is what `beredning info` tells about a database.
type Info struct {
	Path          string
	SchemaVersion int
	Municipality  Municipality
	Coverage      Coverage
	Counts        []TableCount
	LastImports   []ImportLogEntry // newest first
}

// TableCount is the number of rows of one table.
type TableCount struct {
	Table string
	Rows  int
}

// countedTables are the tables info reports, in this order.
var countedTables = []string{"area", "unit", "budget", "placement", "measure", "measure_value", "narrative",
	"setting", "import_log", "unit_report", "audit_event", "meeting", "agenda_item", "agenda_document", "briefing_note",
	"kolada_kpi", "kolada_value"}

// Info gathers the database's content in one pass over its tables.
func (s *Store) Info(ctx context.Context, lastImports int) (Info, error) {
	in := Info{Path: s.path, SchemaVersion: SchemaVersion()}
	var err error
	if in.Municipality, err = s.Municipality(ctx); err != nil {
		return in, err
	}
	if in.Coverage, err = s.Coverage(ctx); err != nil {
		return in, err
	}
	q := ""
	for i, t := range countedTables {
		if i > 0 {
			q += " UNION ALL "
		}
		q += `SELECT '` + t + `', count(*) FROM ` + t
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return in, err
	}
	for rows.Next() {
		var c TableCount
		if err := rows.Scan(&c.Table, &c.Rows); err != nil {
			rows.Close()
			return in, err
		}
		in.Counts = append(in.Counts, c)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return in, err
	}
	rows.Close()
	if in.LastImports, err = s.ImportLog(ctx, lastImports); err != nil {
		return in, err
	}
	return in, nil
}

// ImportLog returns the latest n import log entries, newest first.
func (s *Store) ImportLog(ctx context.Context, n int) ([]ImportLogEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.at, l.user, l.file, l.sha256, l.kind, l.rows_new, l.rows_changed, l.rows_unchanged,
			l.areas_created, l.units_created, l.warnings, l.masked, ifnull(l.run_id, 0), r.undone_at IS NOT NULL
		FROM import_log l LEFT JOIN import_run r ON r.id = l.run_id ORDER BY l.at DESC, l.id DESC LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ImportLogEntry
	for rows.Next() {
		var e ImportLogEntry
		if err := rows.Scan(&e.At, &e.User, &e.File, &e.SHA256, &e.Kind, &e.New, &e.Changed, &e.Unchanged,
			&e.AreasCreated, &e.UnitsCreated, &e.Warnings, &e.Masked, &e.Run, &e.Undone); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Time parses the entry's time stamp.
func (e ImportLogEntry) Time() time.Time {
	t, _ := time.Parse(time.RFC3339, e.At)
	return t
}
