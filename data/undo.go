package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// An import can be undone because it records what it did while it runs:
// the ids of the rows it added (one range per table, see import_insert)
// and the old values of the rows it changed (import_change). Changes are
// caught by temporary triggers that exist only inside the import's own
// transaction, so other writers pay nothing and the bulk insert path pays
// nothing either: a trigger fires only on an update, which an import makes
// only where a value really differs.

// undoTable is a table an import writes, and the columns it may change
// (saved as import_change.v1, v2, … in this order).
type undoTable struct {
	name string
	cols []string
}

// undoTables in the order rows are added: undo removes in reverse.
var undoTables = []undoTable{
	{"area", nil},
	{"unit", []string{"manager"}},
	{"measure", []string{"code"}},
	{"budget", []string{"budget", "outcome", "forecast"}},
	{"placement", []string{"target_group", "ongoing", "started", "ended", "care_days", "cost"}},
	{"measure_value", []string{"reported_name", "value", "target", "direction", "status"}},
	{"narrative", []string{"severity", "body", "author", "about"}},
	{"delegation_decision", []string{"antal"}},
}

// isNamed: areas, units and measures are names other rows point to; an
// undo removes those it created only when nothing points to them any more.
func (u undoTable) isNamed() bool { return u.name == "area" || u.name == "unit" || u.name == "measure" }

func undoTrigger(table string) string { return "undo_" + table }

// BeginImport starts recording an import run in this transaction: the
// run's log line, the tables' id ranges and a trigger per table that
// saves a changed row's old values. Everything is committed with the
// import or rolled back with it. It returns the run's id.
func (t *Tx) BeginImport(at, user string) (int64, error) {
	if t.run != 0 {
		return 0, errors.New("an import run has already begun in this transaction")
	}
	id, err := t.newRun(at, user, true)
	if err != nil {
		return 0, err
	}
	t.runStart = map[string]int64{}
	for _, u := range undoTables {
		var m int64
		if err := t.tx.QueryRowContext(t.ctx, `SELECT ifnull(max(id), 0) FROM `+u.name).Scan(&m); err != nil {
			return 0, err
		}
		t.runStart[u.name] = m
		if len(u.cols) == 0 {
			continue
		}
		vs := make([]string, len(u.cols))
		olds := make([]string, len(u.cols))
		for i, c := range u.cols {
			vs[i] = fmt.Sprintf("v%d", i+1)
			olds[i] = "old." + c
		}
		// INSERT OR IGNORE: the first change of a row in a run holds the
		// values from before the run.
		q := fmt.Sprintf(`CREATE TEMP TRIGGER %s AFTER UPDATE ON %s BEGIN
			INSERT OR IGNORE INTO import_change(run_id, tbl, row_id, %s) VALUES (%d, '%s', old.id, %s); END`,
			undoTrigger(u.name), u.name, strings.Join(vs, ", "), id, u.name, strings.Join(olds, ", "))
		if _, err := t.tx.ExecContext(t.ctx, q); err != nil {
			return 0, err
		}
	}
	t.run, t.runRecorded = id, true
	return id, nil
}

// newRun adds a line to import_run.
func (t *Tx) newRun(at, user string, undoable bool) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(t.ctx, `INSERT INTO import_run(at, user, undoable) VALUES (?, ?, ?) RETURNING id`,
		at, user, undoable).Scan(&id)
	return id, err
}

// endImport records the id ranges the run added and drops its triggers;
// runTx calls it before committing.
func (t *Tx) endImport() error {
	if !t.runRecorded {
		return nil
	}
	for _, u := range undoTables {
		if len(u.cols) > 0 {
			if _, err := t.tx.ExecContext(t.ctx, `DROP TRIGGER IF EXISTS temp.`+undoTrigger(u.name)); err != nil {
				return err
			}
		}
		var last int64
		if err := t.tx.QueryRowContext(t.ctx, `SELECT ifnull(max(id), 0) FROM `+u.name).Scan(&last); err != nil {
			return err
		}
		if first := t.runStart[u.name] + 1; last >= first {
			if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO import_insert(run_id, tbl, first_id, last_id) VALUES (?, ?, ?, ?)`,
				t.run, u.name, first, last); err != nil {
				return err
			}
		}
	}
	t.runRecorded = false
	return nil
}

// ImportRun is one import as `beredning imports` lists it: when, who,
// what it read and what it did, and whether it can be undone.
type ImportRun struct {
	ID       int64
	At       string // RFC 3339, UTC
	User     string
	Undoable bool   // its changes were recorded
	UndoneAt string // set once undone
	UndoneBy string
	Files    []ImportLogEntry // one per file and kind
}

// Totals sums the run's files.
func (r ImportRun) Totals() ImportLogEntry {
	var t ImportLogEntry
	for _, f := range r.Files {
		t.New += f.New
		t.Changed += f.Changed
		t.Unchanged += f.Unchanged
		t.AreasCreated += f.AreasCreated
		t.UnitsCreated += f.UnitsCreated
		t.Warnings += f.Warnings
		t.Masked += f.Masked
	}
	return t
}

// ImportRuns lists the latest n import runs, newest first, with their files.
func (s *Store) ImportRuns(ctx context.Context, n int) ([]ImportRun, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.at, r.user, r.undoable, ifnull(r.undone_at, ''), r.undone_by,
			ifnull(l.at, ''), ifnull(l.user, ''), ifnull(l.file, ''), ifnull(l.sha256, ''), ifnull(l.kind, ''),
			ifnull(l.rows_new, 0), ifnull(l.rows_changed, 0), ifnull(l.rows_unchanged, 0),
			ifnull(l.areas_created, 0), ifnull(l.units_created, 0), ifnull(l.warnings, 0), ifnull(l.masked, 0)
		FROM (SELECT * FROM import_run ORDER BY id DESC LIMIT ?) r
		LEFT JOIN import_log l ON l.run_id = r.id
		ORDER BY r.id DESC, l.id`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ImportRun
	for rows.Next() {
		var r ImportRun
		var e ImportLogEntry
		if err := rows.Scan(&r.ID, &r.At, &r.User, &r.Undoable, &r.UndoneAt, &r.UndoneBy,
			&e.At, &e.User, &e.File, &e.SHA256, &e.Kind, &e.New, &e.Changed, &e.Unchanged,
			&e.AreasCreated, &e.UnitsCreated, &e.Warnings, &e.Masked); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != r.ID {
			out = append(out, r)
		}
		if e.File != "" {
			last := &out[len(out)-1]
			last.Files = append(last.Files, e)
		}
	}
	return out, rows.Err()
}

// Why an undo is refused.
var (
	ErrNoSuchImport  = errors.New("no such import")
	ErrAlreadyUndone = errors.New("the import is already undone")
	ErrNotUndoable   = errors.New("the import was made before imports could be undone")
)

// UndoConflictError: later imports changed rows this import added or
// changed; they must be undone first, newest first.
type UndoConflictError struct {
	Run   int64
	Later []int64
}

func (e *UndoConflictError) Error() string {
	return fmt.Sprintf("import %d: later imports %v changed the same rows", e.Run, e.Later)
}

// UndoResult is what an undo did.
type UndoResult struct {
	Run      int64
	Removed  int // rows of budget, placements, measures and narratives the import added
	Restored int // rows it changed, back to their old values
	// Areas, units and measures the import created: removed, or kept
	// because rows of other imports refer to them.
	AreasRemoved, UnitsRemoved, MeasuresRemoved int
	Kept                                        []string // names kept, "Område" or "Område › Enhet"
}

// UndoImport takes back an import run in one transaction: the rows it
// added are removed, the rows it changed get their old values back, and
// the areas, units and measures it created are removed when nothing else
// refers to them. It is refused when a later import that is not undone
// changed a row this one added or changed.
func (s *Store) UndoImport(ctx context.Context, run int64, by, at string) (UndoResult, error) {
	res := UndoResult{Run: run}
	by = s.auditName(by)
	err := s.write(ctx, ActUndoImport, func(t *Tx) error {
		var undoable bool
		var undone sql.NullString
		err := t.tx.QueryRowContext(ctx, `SELECT undoable, undone_at FROM import_run WHERE id = ?`, run).Scan(&undoable, &undone)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrNoSuchImport
		case err != nil:
			return err
		case undone.Valid:
			return ErrAlreadyUndone
		case !undoable:
			return ErrNotUndoable
		}
		if later, err := t.laterOverlaps(run); err != nil {
			return err
		} else if len(later) > 0 {
			return &UndoConflictError{Run: run, Later: later}
		}
		// The review's lock holds for an undo too; reports it touches get an event.
		if err := t.undoReports(run, by, at); err != nil {
			return err
		}
		if err := t.undoRun(run, &res); err != nil {
			return err
		}
		_, err = t.tx.ExecContext(ctx, `UPDATE import_run SET undone_at = ?, undone_by = ? WHERE id = ?;`, at, by, run)
		if err != nil {
			return err
		}
		_, err = t.tx.ExecContext(ctx, `DELETE FROM import_change WHERE run_id = ?1; DELETE FROM import_insert WHERE run_id = ?1`, run)
		return err
	})
	return res, err
}

// laterOverlaps lists the later runs, not undone, that changed a row this
// run added or changed.
func (t *Tx) laterOverlaps(run int64) ([]int64, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT DISTINCT c.run_id FROM import_change c
		JOIN import_run r ON r.id = c.run_id AND r.undone_at IS NULL
		WHERE c.run_id > ?1 AND (
			EXISTS (SELECT 1 FROM import_change mine WHERE mine.run_id = ?1 AND mine.tbl = c.tbl AND mine.row_id = c.row_id)
			OR EXISTS (SELECT 1 FROM import_insert i WHERE i.run_id = ?1 AND i.tbl = c.tbl AND c.row_id BETWEEN i.first_id AND i.last_id))
		ORDER BY c.run_id DESC`, run)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (t *Tx) undoRun(run int64, res *UndoResult) error {
	// Old values first, while every row is still there.
	for _, u := range undoTables {
		if len(u.cols) == 0 {
			continue
		}
		vs := make([]string, len(u.cols))
		for i := range vs {
			vs[i] = fmt.Sprintf("c.v%d", i+1)
		}
		r, err := t.tx.ExecContext(t.ctx, fmt.Sprintf(`UPDATE %[1]s SET (%[2]s) = (SELECT %[3]s FROM import_change c
				WHERE c.run_id = ?1 AND c.tbl = '%[1]s' AND c.row_id = %[1]s.id)
			WHERE id IN (SELECT row_id FROM import_change WHERE run_id = ?1 AND tbl = '%[1]s')`,
			u.name, strings.Join(u.cols, ", "), strings.Join(vs, ", ")), run)
		if err != nil {
			return err
		}
		if !u.isNamed() {
			n, _ := r.RowsAffected()
			res.Restored += int(n)
		}
	}
	// Then the rows it added, facts before the names they point to.
	for i := len(undoTables) - 1; i >= 0; i-- {
		u := undoTables[i]
		var first, last int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT first_id, last_id FROM import_insert WHERE run_id = ? AND tbl = ?`, run, u.name).Scan(&first, &last)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if !u.isNamed() {
			r, err := t.tx.ExecContext(t.ctx, `DELETE FROM `+u.name+` WHERE id BETWEEN ? AND ?`, first, last)
			if err != nil {
				return err
			}
			n, _ := r.RowsAffected()
			res.Removed += int(n)
			continue
		}
		removed, kept, err := t.removeUnreferenced(u.name, first, last)
		if err != nil {
			return err
		}
		switch u.name {
		case "area":
			res.AreasRemoved = removed
		case "unit":
			res.UnitsRemoved = removed
		case "measure":
			res.MeasuresRemoved = removed
		}
		if u.name != "measure" {
			res.Kept = append(res.Kept, kept...)
		}
	}
	return nil
}

// removeUnreferenced deletes the rows of table with ids first…last that no
// row of any table refers to, and names those it keeps. Which tables
// refer to it is read from the schema, so a table added later counts too.
func (t *Tx) removeUnreferenced(table string, first, last int64) (removed int, kept []string, err error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT m.name, p."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) p
		WHERE m.type = 'table' AND p."table" = ? AND ifnull(p."to", 'id') = 'id' ORDER BY m.name, p.id`, table)
	if err != nil {
		return 0, nil, err
	}
	var refs []string
	for rows.Next() {
		var tbl, col string
		if err := rows.Scan(&tbl, &col); err != nil {
			rows.Close()
			return 0, nil, err
		}
		refs = append(refs, fmt.Sprintf(`EXISTS (SELECT 1 FROM "%s" r WHERE r."%s" = x.id)`, tbl, col))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, err
	}
	used := "0"
	if len(refs) > 0 {
		used = strings.Join(refs, " OR ")
	}
	name := `x.name`
	if table == "unit" {
		name = `(SELECT a.name FROM area a WHERE a.id = x.area_id) || ' › ' || x.name`
	}
	krows, err := t.tx.QueryContext(t.ctx, fmt.Sprintf(`SELECT %s FROM %s x WHERE x.id BETWEEN ? AND ? AND (%s) ORDER BY x.id`,
		name, table, used), first, last)
	if err != nil {
		return 0, nil, err
	}
	for krows.Next() {
		var n string
		if err := krows.Scan(&n); err != nil {
			krows.Close()
			return 0, nil, err
		}
		kept = append(kept, n)
	}
	krows.Close()
	if err := krows.Err(); err != nil {
		return 0, nil, err
	}
	r, err := t.tx.ExecContext(t.ctx, fmt.Sprintf(`DELETE FROM %s AS x WHERE x.id BETWEEN ? AND ? AND NOT (%s)`, table, used), first, last)
	if err != nil {
		return 0, nil, err
	}
	n, _ := r.RowsAffected()
	return int(n), kept, nil
}
