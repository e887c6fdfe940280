package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
)

// Outcome says what an upsert did to the row with a natural key.
type Outcome int

const (
	Unchanged Outcome = iota
	New
	Changed
)

// Tx is one write transaction. Everything an import or the demo generator
// writes goes through it, so both follow the same natural keys; it caches
// area, unit and measure ids so a large import does not look them up per row.
type Tx struct {
	ctx   context.Context
	tx    *sql.Tx
	actor Actor // who writes; some writes check it once more (PutMeeting)
	stmts map[string]*sql.Stmt
	// maxID per fact table at the start: an upsert that returns a higher id
	// inserted the row; a lower one changed it.
	maxID    map[string]int64
	areas    map[string]int64 // by NameKey
	units    map[[2]any]int64 // by area id and NameKey
	measures map[string]int64 // by key
	codes    map[string]int64 // by code
	// refs, set only in WriteBulk, are the ids bulk rows may name: the bulk
	// connection checks references itself instead of SQLite's foreign keys.
	refs *knownIDs
	// totals is what the budget's month totals owe this transaction's
	// budget rows, written at commit (budget_totals.go).
	totals budgetTotals
	// CheckNarrative, when set, vets every narrative before it is written
	// (the personnummer check); an error aborts the transaction.
	CheckNarrative func(Narrative) error
	// run is the import run LogImport files entries under; runRecorded
	// while BeginImport's triggers record it, with the tables' maximum
	// ids at its start (undo.go).
	run         int64
	runRecorded bool
	runStart    map[string]int64
}

// Write runs fn in one transaction: it commits when fn returns nil and
// rolls everything back otherwise, so the database is never half-written.
// It writes facts (an import, Kolada figures, the demo), so the actor must
// be one who imports.
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	return s.write(ctx, ActImport, fn)
}

// write is Write for one guarded action: the actor's role is checked
// before anything is opened, and every open session hears of the commit.
func (s *Store) write(ctx context.Context, act Action, fn func(*Tx) error) error {
	if err := s.actor.Check(act); err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := s.beginWrite(ctx, conn)
	if err != nil {
		return err
	}
	if err := runTx(ctx, tx, s.actor, nil, fn); err != nil {
		return err
	}
	s.feed.publish(s.actor)
	return nil
}

// PanicError is a panic inside a write transaction, turned into an error
// after the transaction was rolled back: the program reports it and exits
// instead of hanging on a connection the panic never released.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// runTx wraps a begun transaction in a Tx, runs fn, and commits only when
// everything succeeded. A panic in fn rolls back and returns a PanicError.
func runTx(ctx context.Context, tx *sql.Tx, actor Actor, refs *knownIDs, fn func(*Tx) error) (err error) {
	t := &Tx{ctx: ctx, tx: tx, actor: actor, stmts: map[string]*sql.Stmt{}, maxID: map[string]int64{}, refs: refs,
		areas: map[string]int64{}, units: map[[2]any]int64{}, measures: map[string]int64{}, codes: map[string]int64{}}
	defer func() {
		for _, st := range t.stmts {
			st.Close()
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			tx.Rollback()
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	if err := t.load(); err != nil {
		tx.Rollback()
		return err
	}
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	if err := t.endImport(); err != nil {
		tx.Rollback()
		return err
	}
	if err := t.flushBudgetTotals(); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (t *Tx) load() error {
	for _, table := range []string{"budget", "placement", "measure_value", "narrative"} {
		var id int64
		if err := t.tx.QueryRowContext(t.ctx, `SELECT ifnull(max(id), 0) FROM `+table).Scan(&id); err != nil {
			return err
		}
		t.maxID[table] = id
	}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, name_key FROM area`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var k string
		if err := rows.Scan(&id, &k); err != nil {
			rows.Close()
			return err
		}
		t.areas[k] = id
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	rows.Close()
	rows, err = t.tx.QueryContext(t.ctx, `SELECT id, area_id, name_key FROM unit`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, area int64
		var k string
		if err := rows.Scan(&id, &area, &k); err != nil {
			rows.Close()
			return err
		}
		t.units[[2]any{area, k}] = id
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	rows.Close()
	rows, err = t.tx.QueryContext(t.ctx, `SELECT id, key, ifnull(code, '') FROM measure`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var k, c string
		if err := rows.Scan(&id, &k, &c); err != nil {
			return err
		}
		t.measures[k] = id
		if c != "" {
			t.codes[c] = id
		}
	}
	return rows.Err()
}

// SQL gives packages below data the transaction for statements of their own.
func (t *Tx) SQL() *sql.Tx { return t.tx }

// Context is the transaction's context.
func (t *Tx) Context() context.Context { return t.ctx }

// queryRow runs a cached statement that returns one row.
func (t *Tx) queryRow(q string, args ...any) *sql.Row {
	st, err := t.stmt(q)
	if err != nil {
		// a *sql.Row cannot be built with an error; run it unprepared so
		// Scan reports the same error
		return t.tx.QueryRowContext(t.ctx, q, args...)
	}
	return st.QueryRowContext(t.ctx, args...)
}

// prepared runs statements through the transaction's prepared-statement
// cache: code that writes many rows one statement at a time (the audit
// trail of a large import) pays for parsing each statement once.
type prepared struct{ t *Tx }

func (p prepared) QueryRowContext(_ context.Context, q string, args ...any) *sql.Row {
	return p.t.queryRow(q, args...)
}

func (p prepared) ExecContext(_ context.Context, q string, args ...any) (sql.Result, error) {
	st, err := p.t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(p.t.ctx, args...)
}

func (t *Tx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

// SetMunicipality names the municipality and its committee. A kommunkod
// must be a valid SCB code (see CheckKommunkod) or empty.
func (t *Tx) SetMunicipality(m Municipality) error {
	if m.Committee == "" {
		m.Committee = DefaultCommittee
	}
	if m.Kommunkod != "" {
		if err := CheckKommunkod(m.Kommunkod); err != nil {
			return err
		}
	}
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO municipality(id, name, committee, inhabitants, kommunkod) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name, committee = excluded.committee,
			inhabitants = excluded.inhabitants, kommunkod = excluded.kommunkod`,
		m.Name, m.Committee, nullZero(int64(m.Inhabitants)), nullString(m.Kommunkod))
	return err
}

// FindArea returns an area's id by name (matched by NameKey), or 0.
func (t *Tx) FindArea(name string) int64 { return t.areas[NameKey(name)] }

// FindUnit returns a unit's id by area and name, or 0.
func (t *Tx) FindUnit(areaID int64, name string) int64 { return t.units[[2]any{areaID, NameKey(name)}] }

// EnsureArea finds an area by name or creates it; created tells which.
func (t *Tx) EnsureArea(name string, group TargetGroup) (id int64, created bool, err error) {
	name = CleanName(name)
	if name == "" {
		return 0, false, errors.New("area name is empty")
	}
	if id := t.areas[NameKey(name)]; id != 0 {
		return id, false, nil
	}
	var grp any
	if group != "" {
		grp = string(group)
	}
	err = t.queryRow(`INSERT INTO area(name, name_key, target_group, sort)
		VALUES (?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM area)) RETURNING id`, name, NameKey(name), grp).Scan(&id)
	if err != nil {
		return 0, false, err
	}
	t.areas[NameKey(name)] = id
	return id, true, nil
}

// EnsureUnit finds a unit of an area by name or creates it.
func (t *Tx) EnsureUnit(areaID int64, name string) (id int64, created bool, err error) {
	name = CleanName(name)
	if name == "" {
		return 0, false, errors.New("unit name is empty")
	}
	k := [2]any{areaID, NameKey(name)}
	if id := t.units[k]; id != 0 {
		return id, false, nil
	}
	err = t.queryRow(`INSERT INTO unit(area_id, name, name_key, sort)
		VALUES (?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM unit WHERE area_id = ?)) RETURNING id`,
		areaID, name, NameKey(name), areaID).Scan(&id)
	if err != nil {
		return 0, false, err
	}
	t.units[k] = id
	return id, true, nil
}

// SetUnitManager records a unit's manager (enhetschef).
func (t *Tx) SetUnitManager(unitID int64, manager string) error {
	_, err := t.tx.ExecContext(t.ctx, `UPDATE unit SET manager = ? WHERE id = ?`, manager, unitID)
	return err
}

// EnsureMeasure finds the series a row belongs to — by code when one is
// given, else by key — or creates a custom measure. A code seen for the
// first time on a known key attaches to that key's series.
func (t *Tx) EnsureMeasure(def MeasureDef) (id int64, created bool, err error) {
	if def.Code != "" {
		if id := t.codes[def.Code]; id != 0 {
			return id, false, nil
		}
	}
	if id := t.measures[def.Key]; id != 0 {
		if def.Code != "" {
			if _, err := t.tx.ExecContext(t.ctx, `UPDATE measure SET code = ? WHERE id = ? AND code IS NULL`, def.Code, id); err != nil {
				return 0, false, err
			}
			t.codes[def.Code] = id
		}
		return id, false, nil
	}
	if def.Key == "" || def.Name == "" {
		return 0, false, errors.New("measure without key or name")
	}
	if def.Direction == "" {
		def.Direction = HigherIsBetter
	}
	if def.Aggregation == "" {
		def.Aggregation = AggregateSum
	}
	var code any
	if def.Code != "" {
		code = def.Code
	}
	err = t.tx.QueryRowContext(t.ctx, `INSERT INTO measure(key, code, name, name_en, direction, aggregation, known)
		VALUES (?, ?, ?, ?, ?, ?, 0) RETURNING id`, def.Key, code, def.Name, def.NameEN, string(def.Direction), string(def.Aggregation)).Scan(&id)
	if err != nil {
		return 0, false, err
	}
	t.measures[def.Key] = id
	if def.Code != "" {
		t.codes[def.Code] = id
	}
	return id, true, nil
}

// outcome runs an upsert whose RETURNING id yields a row only when the
// row was inserted or its values changed.
func (t *Tx) outcome(table, q string, args ...any) (Outcome, error) {
	st, err := t.stmt(q)
	if err != nil {
		return Unchanged, err
	}
	var id int64
	err = st.QueryRowContext(t.ctx, args...).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Unchanged, nil
	case err != nil:
		return Unchanged, err
	case id > t.maxID[table]:
		return New, nil
	}
	return Changed, nil
}

// upsert is one fact table's insert-or-update by natural key. The update
// only happens when a value differs, so "unchanged" leaves the row alone
// and is not counted as a change. Write's single-row Put functions and
// WriteBulk's many-row ones share it.
type upsert struct {
	head string // INSERT INTO t(cols) VALUES
	cols int
	tail string // ON CONFLICT … DO UPDATE … WHERE …
}

// one is the single-row statement; RETURNING yields the id only when the
// row was inserted or changed.
func (u upsert) one() string { return u.head + valuesList(u.cols, 1) + u.tail + " RETURNING id" }

var budgetUpsert = upsert{
	head: `INSERT INTO budget(area_id, unit_id, period, account, budget, outcome, forecast) VALUES `,
	cols: 7,
	tail: ` ON CONFLICT(area_id, unit_key, period, account) DO UPDATE SET
			budget = excluded.budget, outcome = excluded.outcome, forecast = excluded.forecast
		WHERE budget IS NOT excluded.budget OR outcome IS NOT excluded.outcome OR forecast IS NOT excluded.forecast`,
}

var placementUpsert = upsert{
	head: `INSERT INTO placement(area_id, unit_id, period, kind, target_group, ongoing, started, ended, care_days, cost) VALUES `,
	cols: 10,
	tail: ` ON CONFLICT(area_id, unit_key, period, kind) DO UPDATE SET
			target_group = excluded.target_group, ongoing = excluded.ongoing, started = excluded.started,
			ended = excluded.ended, care_days = excluded.care_days, cost = excluded.cost
		WHERE target_group IS NOT excluded.target_group OR ongoing IS NOT excluded.ongoing
			OR started IS NOT excluded.started OR ended IS NOT excluded.ended
			OR care_days IS NOT excluded.care_days OR cost IS NOT excluded.cost`,
}

var measureUpsert = upsert{
	head: `INSERT INTO measure_value(measure_id, area_id, unit_id, period, reported_name, value, target, direction, status) VALUES `,
	cols: 9,
	tail: ` ON CONFLICT(measure_id, area_id, unit_key, period) DO UPDATE SET
			reported_name = excluded.reported_name, value = excluded.value, target = excluded.target,
			direction = excluded.direction, status = excluded.status
		WHERE reported_name IS NOT excluded.reported_name OR value IS NOT excluded.value
			OR target IS NOT excluded.target OR direction IS NOT excluded.direction OR status IS NOT excluded.status`,
}

// PutBudget writes one budget row by its natural key.
func (t *Tx) PutBudget(r BudgetRow) (Outcome, error) {
	if r.Period.IsZero() || r.Account == "" {
		return Unchanged, fmt.Errorf("budget row without period or konto")
	}
	out, err := t.outcome("budget", budgetUpsert.one(),
		r.AreaID, nullZero(r.UnitID), r.Period, string(r.Account), int64(r.Budget), nullMoney(r.Outcome), nullMoney(r.Forecast))
	switch {
	case err != nil:
	case out == New:
		t.totals.added(&r)
	case out == Changed:
		t.totals.changed(&r)
	}
	return out, err
}

// PutPlacement writes one placement row by its natural key.
func (t *Tx) PutPlacement(r PlacementRow) (Outcome, error) {
	if r.Period.IsZero() || r.Kind == "" || r.TargetGroup == "" {
		return Unchanged, fmt.Errorf("placement row without period, insats or målgrupp")
	}
	return t.outcome("placement", placementUpsert.one(),
		r.AreaID, nullZero(r.UnitID), r.Period, string(r.Kind), string(r.TargetGroup), r.Ongoing,
		nullInt(r.Started), nullInt(r.Ended), nullInt(r.CareDays), nullMoney(r.Cost))
}

// PutMeasure writes one measure or indicator value by its natural key.
func (t *Tx) PutMeasure(r MeasureRow) (Outcome, error) {
	if r.Period.IsZero() || r.MeasureID == 0 {
		return Unchanged, fmt.Errorf("measure row without period or measure")
	}
	return t.outcome("measure_value", measureUpsert.one(),
		r.MeasureID, r.AreaID, nullZero(r.UnitID), r.Period, r.ReportedName, r.Value, nullFloat(r.Target),
		nullString(string(r.Direction)), nullString(string(r.Status)))
}

// PutNarrative writes one narrative by its natural key (where, when, type
// and title). CheckNarrative, when set, runs first.
func (t *Tx) PutNarrative(n Narrative) (Outcome, error) {
	if n.Period.IsZero() || n.Type == "" || n.Title == "" {
		return Unchanged, fmt.Errorf("narrative without period, typ or rubrik")
	}
	if n.Severity == "" {
		n.Severity = SeverityMedium
	}
	if t.CheckNarrative != nil {
		if err := t.CheckNarrative(n); err != nil {
			return Unchanged, err
		}
	}
	return t.outcome("narrative", `INSERT INTO narrative(area_id, unit_id, period, type, severity, title, body, author, about)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(area_id, unit_key, period, type, title) DO UPDATE SET
			severity = excluded.severity, body = excluded.body, author = excluded.author, about = excluded.about
		WHERE severity IS NOT excluded.severity OR body IS NOT excluded.body
			OR author IS NOT excluded.author OR about IS NOT excluded.about
		RETURNING id`,
		n.AreaID, nullZero(n.UnitID), n.Period, string(n.Type), string(n.Severity), n.Title, n.Text, n.Author, n.About)
}

// ImportLogEntry is one file (and kind) of an import, as logged.
type ImportLogEntry struct {
	At                         string // RFC 3339, UTC
	User                       string
	File                       string
	SHA256                     string
	Kind                       string
	New, Changed, Unchanged    int
	AreasCreated, UnitsCreated int
	Warnings, Masked           int
	Run                        int64 // the import run (beredning imports); set when read
	Undone                     bool  // the run was undone; set when read
}

// LogImport records a file of an import in the import log, under the
// transaction's import run: the one BeginImport began, else a new run
// that cannot be undone (the demo generator's).
func (t *Tx) LogImport(e ImportLogEntry) error {
	if t.run == 0 {
		id, err := t.newRun(e.At, e.User, false)
		if err != nil {
			return err
		}
		t.run = id
	}
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO import_log(at, user, file, sha256, kind, rows_new, rows_changed,
		rows_unchanged, areas_created, units_created, warnings, masked, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.At, e.User, e.File, e.SHA256, e.Kind, e.New, e.Changed, e.Unchanged, e.AreasCreated, e.UnitsCreated, e.Warnings, e.Masked, t.run)
	return err
}

func nullZero(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullMoney(m *Money) any {
	if m == nil {
		return nil
	}
	return int64(*m)
}

func nullInt(n *int) any {
	if n == nil {
		return nil
	}
	return *n
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
