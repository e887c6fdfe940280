package data_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/beredning/beredning/data"
)

func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestCreateMigratesFromEmpty(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got := userVersion(t, s.DB()); got != data.SchemaVersion() || got < 1 {
		t.Fatalf("user_version = %d, want %d", got, data.SchemaVersion())
	}
	var fk int
	s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if fk != 1 {
		t.Error("foreign keys are off")
	}
	var mode string
	s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var measures, settings int
	s.DB().QueryRow(`SELECT count(*) FROM measure WHERE known = 1`).Scan(&measures)
	s.DB().QueryRow(`SELECT count(*) FROM setting`).Scan(&settings)
	if measures != len(data.KnownMeasures) || settings != len(data.SettingDefs) {
		t.Errorf("seeded %d measures and %d settings, want %d and %d", measures, settings, len(data.KnownMeasures), len(data.SettingDefs))
	}
	s.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	if _, err := data.Create(ctx, path); !errors.Is(err, data.ErrExists) {
		t.Errorf("Create over an existing file: %v, want ErrExists", err)
	}
}

func TestReopenKeepsDataAndVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "re.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *data.Tx) error {
		_, _, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := userVersion(t, s.DB()); got != data.SchemaVersion() {
		t.Fatalf("user_version after reopen = %d", got)
	}
	areas, err := s.Areas(ctx)
	if err != nil || len(areas) != 1 || areas[0].Name != "Barn och unga" {
		t.Fatalf("areas after reopen = %v, %v", areas, err)
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM measure`).Scan(&n)
	if n != len(data.KnownMeasures) {
		t.Errorf("reopen seeded measures again: %d", n)
	}
}

func TestPathsWithURICharacters(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "100% säker?#")
	path := filepath.Join(dir, "a%20b?.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the file is not where it was asked to be: %v", err)
	}
	s, err = data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestOpenMissingFile(t *testing.T) {
	_, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "nope.db"))
	if !errors.Is(err, data.ErrNoDatabase) {
		t.Fatalf("err = %v, want ErrNoDatabase", err)
	}
}

func fileDigest(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "future.db")
	// A database from a future version, in rollback-journal mode so that
	// any attempt to switch it to WAL would show in its bytes.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE future(x); INSERT INTO future VALUES (1); PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileDigest(t, dir)

	_, err = data.Open(ctx, path)
	var tooNew *data.SchemaTooNewError
	if !errors.As(err, &tooNew) || tooNew.Found != 99 || tooNew.Supports != data.SchemaVersion() {
		t.Fatalf("err = %v, want SchemaTooNewError 99", err)
	}
	after := fileDigest(t, dir)
	if len(after) != len(before) {
		t.Fatalf("files before %d, after %d: opening left files behind", len(before), len(after))
	}
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("%s changed", name)
		}
	}
}

func TestForeignDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", path)
	db.Exec(`CREATE TABLE customers(x)`)
	db.Close()
	var notOurs *data.NotBeredningError
	if _, err := data.Open(context.Background(), path); !errors.As(err, &notOurs) {
		t.Errorf("foreign SQLite file: %v", err)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not a database "), 400), 0o600)
	if _, err := data.Open(context.Background(), junk); !errors.As(err, &notOurs) {
		t.Errorf("junk file: %v", err)
	}
}

func TestNaturalKeysAreUnique(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	p := data.MustPeriod("2026-03")
	var area, unit int64
	put := func(fn func(tx *data.Tx) (data.Outcome, error)) data.Outcome {
		t.Helper()
		var out data.Outcome
		if err := s.Write(ctx, func(tx *data.Tx) error {
			var err error
			area, _, _ = tx.EnsureArea("Försörjningsstöd", data.GroupAdults)
			unit, _, _ = tx.EnsureUnit(area, "Ekonomiskt bistånd")
			out, err = fn(tx)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	outcome := data.Money(95 * data.Tkr)
	row := func(u int64, b data.Money) func(tx *data.Tx) (data.Outcome, error) {
		return func(tx *data.Tx) (data.Outcome, error) {
			return tx.PutBudget(data.BudgetRow{Scope: data.Scope{AreaID: area, UnitID: u}, Period: p,
				Account: data.AccountAid, Budget: b, Outcome: &outcome})
		}
	}
	for _, u := range []bool{false, true} {
		uid := func() int64 {
			if u {
				return unit
			}
			return 0
		}
		if got := put(func(tx *data.Tx) (data.Outcome, error) { return row(uid(), 100*data.Tkr)(tx) }); got != data.New {
			t.Errorf("unit=%v first put: %v, want New", u, got)
		}
		if got := put(func(tx *data.Tx) (data.Outcome, error) { return row(uid(), 100*data.Tkr)(tx) }); got != data.Unchanged {
			t.Errorf("unit=%v same put: %v, want Unchanged", u, got)
		}
		if got := put(func(tx *data.Tx) (data.Outcome, error) { return row(uid(), 110*data.Tkr)(tx) }); got != data.Changed {
			t.Errorf("unit=%v changed put: %v, want Changed", u, got)
		}
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM budget`).Scan(&n)
	if n != 2 {
		t.Fatalf("budget rows = %d, want 2 (one area-level, one unit)", n)
	}
	// Raw SQL cannot slip a second area-level row past the key either:
	// NULL unit ids must not count as distinct.
	for _, q := range []string{
		`INSERT INTO budget(area_id, unit_id, period, account, budget) VALUES (?, NULL, '2026-03', 'bistand', 1)`,
		`INSERT INTO placement(area_id, unit_id, period, kind, target_group, ongoing) VALUES (?, NULL, '2026-03', 'hvb', 'vuxen', 1), (?, NULL, '2026-03', 'hvb', 'vuxen', 2)`,
		`INSERT INTO narrative(area_id, unit_id, period, type, title) VALUES (?, NULL, '2026-03', 'risk', 'A'), (?, NULL, '2026-03', 'risk', 'A')`,
		`INSERT INTO measure_value(measure_id, area_id, unit_id, period, value) VALUES (1, ?, NULL, '2026-03', 1), (1, ?, NULL, '2026-03', 2)`,
		`INSERT INTO area(name, name_key) VALUES ('X', 'försörjningsstöd')`,
		`INSERT INTO unit(area_id, name, name_key) VALUES (?, 'EKONOMISKT BISTÅND', 'ekonomiskt bistånd')`,
	} {
		args := []any{area, area}[:strings.Count(q, "?")]
		if _, err := s.DB().Exec(q, args...); err == nil || !strings.Contains(err.Error(), "UNIQUE") {
			t.Errorf("%s: err = %v, want a UNIQUE violation", q, err)
		}
	}
	// A unit of another area is refused by the composite foreign key.
	other, _ := func() (int64, error) {
		var id int64
		err := s.DB().QueryRow(`INSERT INTO area(name, name_key) VALUES ('Vuxen', 'vuxen') RETURNING id`).Scan(&id)
		return id, err
	}()
	if _, err := s.DB().Exec(`INSERT INTO budget(area_id, unit_id, period, account, budget) VALUES (?, ?, '2026-04', 'bistand', 1)`, other, unit); err == nil {
		t.Error("a budget row naming a unit of another area was accepted")
	}
}

func TestWriteRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	var before, after bytes.Buffer
	if err := s.Dump(ctx, &before); err != nil {
		t.Fatal(err)
	}
	bad := errors.New("line 3: bad")
	err := s.Write(ctx, func(tx *data.Tx) error {
		a, created, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
		if err != nil || !created {
			t.Fatalf("EnsureArea = %d, %v, %v", a, created, err)
		}
		if _, err := tx.PutBudget(data.BudgetRow{Scope: data.Scope{AreaID: a}, Period: data.MustPeriod("2026-01"), Account: "personal", Budget: 1}); err != nil {
			return err
		}
		// The rows are there inside the transaction, so only a rollback
		// can make the dumps equal.
		var n int
		if err := tx.SQL().QueryRowContext(ctx, `SELECT count(*) FROM budget`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("budget rows inside the transaction = %d, %v", n, err)
		}
		return bad
	})
	if !errors.Is(err, bad) {
		t.Fatalf("Write = %v, want the function's error back", err)
	}
	if err := s.Dump(ctx, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Error("a failed write changed the database")
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.Float(data.SettingDeviationMinTkr) != 300 || set.Float(data.SettingSurgePct) != 15 || set.Severity(data.SettingShortfallMinSeverity) != data.SeverityMedium {
		t.Errorf("defaults = %v", set)
	}
	if err := s.SetSetting(ctx, data.SettingSurgePct, "20"); err != nil {
		t.Fatal(err)
	}
	var inv *data.InvalidSettingError
	if err := s.SetSetting(ctx, data.SettingSurgePct, "tjugo"); !errors.As(err, &inv) {
		t.Errorf("text value: %v", err)
	}
	if err := s.SetSetting(ctx, "no_such", "1"); !errors.Is(err, data.ErrUnknownSetting) {
		t.Errorf("unknown key: %v", err)
	}
	set, _ = s.Settings(ctx)
	if set.Float(data.SettingSurgePct) != 20 {
		t.Errorf("after set: %v", set[data.SettingSurgePct])
	}
	s.ResetSetting(ctx, data.SettingSurgePct)
	set, _ = s.Settings(ctx)
	if set.Float(data.SettingSurgePct) != 15 {
		t.Errorf("after reset: %v", set[data.SettingSurgePct])
	}
}
