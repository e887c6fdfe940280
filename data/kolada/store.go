package kolada

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/beredning/beredning/data"
)

// counts are an import's outcome per value row.
type counts struct{ New, Changed, Unchanged int }

// writeBatch stores a batch inside an import's transaction.
func writeBatch(tx *sql.Tx, ctx context.Context, b *batch) (counts, error) {
	var c counts
	kst, err := tx.PrepareContext(ctx, `INSERT INTO kolada_kpi(id, title, unit, description, area) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET
			title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END,
			unit = CASE WHEN excluded.unit <> '' THEN excluded.unit ELSE unit END,
			description = CASE WHEN excluded.description <> '' THEN excluded.description ELSE description END,
			area = CASE WHEN excluded.area <> '' THEN excluded.area ELSE area END`)
	if err != nil {
		return c, err
	}
	defer kst.Close()
	ids := make([]string, 0, len(b.kpis))
	for id := range b.kpis {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		k := b.kpis[id]
		if _, err := kst.ExecContext(ctx, k.ID, k.Title, k.Unit, k.Description, k.Area); err != nil {
			return c, err
		}
	}
	mst, err := tx.PrepareContext(ctx, `INSERT INTO kolada_municipality(code, name, kind) VALUES (?, ?, ?)
		ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind
		WHERE name IS NOT excluded.name OR kind IS NOT excluded.kind`)
	if err != nil {
		return c, err
	}
	defer mst.Close()
	for _, m := range b.munis {
		if _, err := mst.ExecContext(ctx, m.Code, m.Name, m.Kind); err != nil {
			return c, err
		}
	}
	var before int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM kolada_value`).Scan(&before); err != nil {
		return c, err
	}
	// Many rows per statement: a DDF folder holds some 180 000 values, and
	// one statement each costs more in the driver than in SQLite.
	const perStmt = 200
	upsert := func(n int) string {
		return `INSERT INTO kolada_value(kpi, municipality, year, gender, value) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?),", n), ",") + `
		ON CONFLICT(kpi, municipality, year, gender) DO UPDATE SET value = excluded.value
		WHERE value IS NOT excluded.value`
	}
	full, err := tx.PrepareContext(ctx, upsert(perStmt))
	if err != nil {
		return c, err
	}
	defer full.Close()
	touched := 0
	vals := b.sortedValues()
	args := make([]any, 0, perStmt*5)
	for start := 0; start < len(vals); start += perStmt {
		chunk := vals[start:min(start+perStmt, len(vals))]
		args = args[:0]
		for _, v := range chunk {
			args = append(args, v.KPI, v.Municipality, v.Year, v.Gender, v.Value)
		}
		var res sql.Result
		if len(chunk) == perStmt {
			res, err = full.ExecContext(ctx, args...)
		} else {
			res, err = tx.ExecContext(ctx, upsert(len(chunk)), args...)
		}
		if err != nil {
			return c, err
		}
		n, _ := res.RowsAffected()
		touched += int(n)
	}
	var after int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM kolada_value`).Scan(&after); err != nil {
		return c, err
	}
	c.New = after - before
	c.Changed = touched - c.New
	c.Unchanged = len(b.values) - touched
	return c, nil
}

// storedKPIs is the catalogue in the database, for title lookups.
func storedKPIs(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string]KPI, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, title, unit, description, area FROM kolada_kpi`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]KPI{}
	for rows.Next() {
		var k KPI
		if err := rows.Scan(&k.ID, &k.Title, &k.Unit, &k.Description, &k.Area); err != nil {
			return nil, err
		}
		out[k.ID] = k
	}
	return out, rows.Err()
}

// KPIs returns catalogue entries by id; ids not in the catalogue are
// left out.
func KPIs(ctx context.Context, s *data.Store, ids []string) (map[string]KPI, error) {
	all, err := storedKPIs(ctx, s.DB())
	if err != nil {
		return nil, err
	}
	out := map[string]KPI{}
	for _, id := range ids {
		if k, ok := all[id]; ok {
			out[id] = k
		}
	}
	return out, nil
}

// Names returns the names of municipalities by code: the database's,
// else the built-in list's.
func Names(ctx context.Context, s *data.Store) (map[string]string, error) {
	out := map[string]string{}
	for _, m := range Municipalities() {
		out[m.Code] = m.Name
	}
	rows, err := s.DB().QueryContext(ctx, `SELECT code, name FROM kolada_municipality`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c, n string
		if err := rows.Scan(&c, &n); err != nil {
			return nil, err
		}
		out[c] = n
	}
	return out, rows.Err()
}

// Filter selects stored values; empty fields select all.
type Filter struct {
	KPIs          []string
	Municipality  []string
	Gender        string // "" means every gender
	FromYear      int
	ToYear        int
	OnlyKommuner  bool // only four-digit kommun codes (for ranks)
	Limit, Offset int
}

// List returns stored values in the order kpi, municipality, year, gender.
func List(ctx context.Context, s *data.Store, f Filter) ([]Value, error) {
	var where []string
	var args []any
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		where = append(where, col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")")
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in("kpi", f.KPIs)
	in("municipality", f.Municipality)
	if f.Gender != "" {
		where = append(where, "gender = ?")
		args = append(args, f.Gender)
	}
	if f.FromYear > 0 {
		where = append(where, "year >= ?")
		args = append(args, f.FromYear)
	}
	if f.ToYear > 0 {
		where = append(where, "year <= ?")
		args = append(args, f.ToYear)
	}
	if f.OnlyKommuner {
		where = append(where, "substr(municipality, 1, 2) <> '00'")
	}
	q := `SELECT kpi, municipality, year, gender, value FROM kolada_value`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY kpi, municipality, year, CASE gender WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END"
	if f.Limit > 0 {
		q += " LIMIT ? OFFSET ?"
		args = append(args, f.Limit, f.Offset)
	}
	rows, err := s.DB().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Value
	for rows.Next() {
		var v Value
		if err := rows.Scan(&v.KPI, &v.Municipality, &v.Year, &v.Gender, &v.Value); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Count is how many values are stored.
func Count(ctx context.Context, s *data.Store) (int, error) {
	var n int
	err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM kolada_value`).Scan(&n)
	return n, err
}

// YearSpans is the first and last year with a value, per KPI.
func YearSpans(ctx context.Context, s *data.Store, kpis []string) (map[string][2]int, error) {
	out := map[string][2]int{}
	for _, id := range kpis {
		var lo, hi sql.NullInt64
		if err := s.DB().QueryRowContext(ctx, `SELECT min(year), max(year) FROM kolada_value WHERE kpi = ?`, id).Scan(&lo, &hi); err != nil {
			return nil, err
		}
		if lo.Valid {
			out[id] = [2]int{int(lo.Int64), int(hi.Int64)}
		}
	}
	return out, nil
}
