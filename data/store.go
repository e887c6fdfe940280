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
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open beredning database.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	mode     fs.FileMode
	wait     time.Duration // how long a write waits for another's lock; 0: as long as it runs
	onWait   func()        // told once per write that has to wait
	actor    Actor         // who writes: checked on every write (actor.go)
	feed     *changeFeed   // told after every commit, shared by As copies (changes.go)
	version  *dataVersion  // the connection DataVersion asks on, shared by As copies (version.go)
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

// Why a file is not a beredning database.
const (
	ReasonNotSQLite   = "not_sqlite"   // not an SQLite file at all
	ReasonOtherTables = "other_tables" // SQLite, holding some other program's tables
	ReasonEmpty       = "empty"        // an empty file, which a reading command does not turn into a database
)

// NotBeredningError: the file is not a beredning database (another SQLite
// file, or not SQLite at all). Reason is one of the Reason… constants.
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
		10: migrateReportEvents, // 010_review: the report trail into the hash chain
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

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", readBusyTimeout.Milliseconds()))
	// 4 MiB of page cache per connection (SQLite's default is 2 MiB): a
	// period of a large municipality touches more pages than that, and a
	// page read again from the OS costs a system call. The board keeps a
	// few connections, so more would cost its memory.
	q.Add("_pragma", "cache_size(-4096)")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
		// Read-only, SQLite still creates -wal and -shm files beside a WAL
		// database, or fails where it may not. Without a WAL file no one is
		// writing, and the file is read as it is, creating nothing; a later
		// import by someone who may write is seen on the next open.
		if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
			q.Set("immutable", "1")
		}
	}
	// A "file:" URI, so SQLite decodes %XX escapes: a path may hold the
	// characters that would otherwise start a query or a fragment.
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + escaped + "?" + q.Encode()
}

// readBusyTimeout bounds how long a statement waits on a lock. Readers
// hardly wait at all in WAL mode; a write waits for another's write lock
// in beginWrite instead, where it can say so.
const readBusyTimeout = 10 * time.Second

// OpenOptions tune how a database is opened.
type OpenOptions struct {
	// Reading is for commands that only read (info, gaps, the board): a
	// file that may not be written is opened read-only, and an empty file
	// is refused instead of being made into a database.
	Reading bool
	// Wait bounds how long a write waits for another process's write lock
	// (an import running beside it); 0 waits as long as the other runs.
	Wait time.Duration
	// OnWait is called once when a write has to wait.
	OnWait func()
}

// Open opens an existing database for writing and brings its schema up to
// date. A file the user may not write is refused with ErrReadOnly before
// anything is opened.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, OpenOptions{})
}

// OpenWith opens an existing database as the options say. Opening reads
// the schema version without a write lock: only a file whose schema is
// older than the program's is migrated, under the write lock, once.
func OpenWith(ctx context.Context, path string, o OpenOptions) (*Store, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", ErrNoDatabase, path)
		}
		return nil, err
	}
	if info.IsDir() {
		return nil, &NotBeredningError{Path: path, Reason: ReasonNotSQLite}
	}
	if o.Reading && info.Size() == 0 {
		return nil, &NotBeredningError{Path: path, Reason: ReasonEmpty}
	}
	readOnly := !writable(path)
	if readOnly && !o.Reading {
		return nil, fmt.Errorf("%w: %s", ErrReadOnly, path)
	}
	return open(ctx, path, readOnly, info.Mode().Perm(), o)
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
	s, err := open(ctx, path, false, 0o600, OpenOptions{})
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, path string, readOnly bool, mode fs.FileMode, o OpenOptions) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path, readOnly))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: readOnly, mode: mode, wait: o.Wait, onWait: o.OnWait,
		actor: LocalActor(), feed: newChangeFeed(), version: &dataVersion{}}
	v, err := s.checkVersion(ctx, o.Reading)
	if err != nil {
		db.Close()
		return nil, err
	}
	if v == SchemaVersion() {
		return s, nil // nothing to write: no lock taken
	}
	if readOnly {
		db.Close()
		return nil, fmt.Errorf("%w: %s (schema %d needs an upgrade to %d)", ErrReadOnly, path, v, SchemaVersion())
	}
	// WAL is a property of the file, so it is set only once the file is
	// known to be ours and not from a newer program.
	var journal string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&journal); err != nil {
		db.Close()
		return nil, err
	}
	if !strings.EqualFold(journal, "wal") {
		if _, err := db.ExecContext(ctx, `PRAGMA journal_mode=WAL`); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkVersion reads the schema version; it takes no write lock.
func (s *Store) checkVersion(ctx context.Context, reading bool) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		if k, _ := Classify(err); k == ErrKindNotDB {
			return 0, &NotBeredningError{Path: s.path, Reason: ReasonNotSQLite}
		}
		return 0, err
	}
	if v > SchemaVersion() {
		return 0, &SchemaTooNewError{Path: s.path, Found: v, Supports: SchemaVersion()}
	}
	if v == 0 {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
			if k, _ := Classify(err); k == ErrKindNotDB {
				return 0, &NotBeredningError{Path: s.path, Reason: ReasonNotSQLite}
			}
			return 0, err
		}
		if n > 0 {
			return 0, &NotBeredningError{Path: s.path, Reason: ReasonOtherTables}
		}
		if reading {
			return 0, &NotBeredningError{Path: s.path, Reason: ReasonEmpty}
		}
	}
	return v, nil
}

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, m := range migrations() {
		if err := s.applyMigration(ctx, conn, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, conn *sql.Conn, m migration) error {
	tx, err := s.beginWrite(ctx, conn)
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

// ReadOnly tells whether the database was opened read-only, because the
// user may not write the file or its folder.
func (s *Store) ReadOnly() bool { return s.readOnly }

// OthersMayRead tells whether the file's mode lets other users read it
// (SQLite gives its -wal and -shm files the same mode).
func (s *Store) OthersMayRead() bool { return s.mode&0o044 != 0 }

// Mode is the database file's permission bits.
func (s *Store) Mode() fs.FileMode { return s.mode }

// LimitConnections bounds the connections the store opens at once. Each
// keeps its own page cache (dsn), so a single user's board, which runs no
// more than a few loads at a time, needs no more than a few; a server with
// many sessions on one store leaves it unbounded.
func (s *Store) LimitConnections(n int) {
	s.db.SetMaxOpenConns(n)
	s.db.SetMaxIdleConns(min(n, 2))
}

// Close closes the database.
func (s *Store) Close() error {
	s.version.close()
	return s.db.Close()
}

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
