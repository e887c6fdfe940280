package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open beredning database.
type Store struct {
	db   *sql.DB
	path string
}

// ErrNoDatabase: the file does not exist.
var ErrNoDatabase = errors.New("no database")

// ErrExists: Create was asked to make a database over an existing file.
var ErrExists = errors.New("database file already exists")

// SchemaTooNewError: the file was written by a newer beredning. It is
// refused untouched, because an older program cannot know what it holds.
type SchemaTooNewError struct {
	Path            string
	Found, Supports int
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("%s: schema version %d is newer than this program's %d", e.Path, e.Found, e.Supports)
}

// NotBeredningError: the file is not a beredning database (another SQLite
// file, or not SQLite at all).
type NotBeredningError struct {
	Path   string
	Reason string
}

func (e *NotBeredningError) Error() string {
	return fmt.Sprintf("%s: not a beredning database (%s)", e.Path, e.Reason)
}

type migration struct {
	version int
	name    string
	sql     string
	after   func(context.Context, *sql.Tx) error // Go steps, such as seeding
}

// migrations are the numbered files in migrations/, applied in order. A
// migration may have a Go step that runs in the same transaction.
func migrations() []migration {
	afterSteps := map[int]func(context.Context, *sql.Tx) error{
		1: func(ctx context.Context, tx *sql.Tx) error {
			if err := seedMeasures(ctx, tx); err != nil {
				return err
			}
			return seedSettings(ctx, tx)
		},
	}
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err) // embedded at build time
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("migration without a number: " + e.Name())
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b), after: afterSteps[v]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			panic(fmt.Sprintf("migrations must be numbered 1, 2, …: %s", m.name))
		}
	}
	return out
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int { return len(migrations()) }

func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)") // a second process waits instead of failing
	// 16 MiB of page cache per connection (SQLite's default is 2 MiB): a
	// period of a large municipality touches more pages than that, and a
	// page read again from the OS costs a system call.
	q.Add("_pragma", "cache_size(-16384)")
	q.Set("_txlock", "immediate")
	// A "file:" URI, so SQLite decodes %XX escapes: a path may hold the
	// characters that would otherwise start a query or a fragment.
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + escaped + "?" + q.Encode()
}

// Open opens an existing database and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", ErrNoDatabase, path)
		}
		return nil, err
	}
	return open(ctx, path)
}

// Create makes a new, empty database readable only by its owner.
func Create(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%w: %s", ErrExists, path)
		}
		return nil, err
	}
	f.Close()
	s, err := open(ctx, path)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.checkVersion(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// WAL is a property of the file, so it is set only once the file is
	// known to be ours and not from a newer program.
	if _, err := db.ExecContext(ctx, `PRAGMA journal_mode=WAL`); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) checkVersion(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return &NotBeredningError{Path: s.path, Reason: err.Error()}
	}
	if v > SchemaVersion() {
		return &SchemaTooNewError{Path: s.path, Found: v, Supports: SchemaVersion()}
	}
	if v == 0 {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
			return &NotBeredningError{Path: s.path, Reason: err.Error()}
		}
		if n > 0 {
			return &NotBeredningError{Path: s.path, Reason: "it holds other tables"}
		}
	}
	return nil
}

func (s *Store) migrate(ctx context.Context) error {
	for _, m := range migrations() {
		if err := s.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Read the version inside the write transaction: two processes opening
	// a new file at once must not both apply the same step.
	var v int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.after != nil {
		if err := m.after(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB exposes the handle to packages below data (imports, gaps) that run
// their own set-based SQL. Screens use the query functions instead.
func (s *Store) DB() *sql.DB { return s.db }

func seedMeasures(ctx context.Context, tx *sql.Tx) error {
	for i, m := range KnownMeasures {
		if _, err := tx.ExecContext(ctx, `INSERT INTO measure(key, name, direction, aggregation, known, sort)
			VALUES (?, ?, ?, ?, 1, ?)`, m.Key, m.Name, string(m.Direction), string(m.Aggregation), i); err != nil {
			return err
		}
	}
	return nil
}
