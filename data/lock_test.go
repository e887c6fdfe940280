package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
)

// holdWrite keeps a write transaction open on s until release is called.
func holdWrite(t *testing.T, s *data.Store) (release func()) {
	t.Helper()
	started, hold, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		done <- s.WriteBulk(context.Background(), func(tx *data.Tx) error {
			close(started)
			<-hold
			return nil
		})
	}()
	<-started
	return func() {
		close(hold)
		if err := <-done; err != nil {
			t.Errorf("the holding write failed: %v", err)
		}
	}
}

// TestOpenAndReadDuringAnImport: opening reads the schema version without
// the write lock, so info, gaps and the board work while an import runs.
// Before, every open began a write transaction and failed after 10 s.
func TestOpenAndReadDuringAnImport(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	release := holdWrite(t, s)
	defer release()
	for name, o := range map[string]data.OpenOptions{"writer": {}, "reader": {Reading: true}} {
		r, err := data.OpenWith(ctx, s.Path(), o)
		if err != nil {
			t.Fatalf("%s: open during an import: %v", name, err)
		}
		if _, err := r.Info(ctx, 5); err != nil {
			t.Errorf("%s: read during an import: %v", name, err)
		}
		r.Close()
	}
}

// TestWriterWaitsForAnotherImport: a second write says it waits, and
// goes on when the first is done.
func TestWriterWaitsForAnotherImport(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	release := holdWrite(t, s)
	var told atomic.Int32
	second, err := data.OpenWith(ctx, s.Path(), data.OpenOptions{OnWait: func() { told.Add(1) }})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	done := make(chan error, 1)
	go func() {
		done <- second.Write(ctx, func(tx *data.Tx) error {
			_, _, err := tx.EnsureArea("Vuxen", data.GroupAdults)
			return err
		})
	}()
	for told.Load() == 0 {
		select {
		case err := <-done:
			t.Fatalf("the second write ended (%v) without waiting", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	release()
	if err := <-done; err != nil {
		t.Fatalf("the waiting write failed after the first ended: %v", err)
	}
	if n := told.Load(); n != 1 {
		t.Errorf("told %d times that it waits, want once", n)
	}
}

// TestWaitBound: with --wait, a write gives up with ErrBusy.
func TestWaitBound(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	release := holdWrite(t, s)
	defer release()
	second, err := data.OpenWith(ctx, s.Path(), data.OpenOptions{Wait: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	err = second.Write(ctx, func(tx *data.Tx) error { return nil })
	if !errors.Is(err, data.ErrBusy) {
		t.Fatalf("got %v, want ErrBusy", err)
	}
	if k, _ := data.Classify(err); k != data.ErrKindBusy {
		t.Errorf("classified as %v", k)
	}
}

// TestReadingLeavesAnEmptyFileAlone: info or gaps on a zero-byte file
// refuse it and neither fill it nor create files beside it.
func TestReadingLeavesAnEmptyFileAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := data.OpenWith(context.Background(), path, data.OpenOptions{Reading: true})
	var notOurs *data.NotBeredningError
	if !errors.As(err, &notOurs) || notOurs.Reason != data.ReasonEmpty {
		t.Fatalf("got %v, want NotBeredningError(empty)", err)
	}
	entries, _ := os.ReadDir(dir)
	if info, _ := os.Stat(path); len(entries) != 1 || info.Size() != 0 {
		t.Errorf("reading changed the folder: %d files, %d bytes", len(entries), info.Size())
	}
}

// TestReadingLeavesTheFileUnchanged: opening a current database to read
// writes nothing to it (no migration, no journal-mode change).
func TestReadingLeavesTheFileUnchanged(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	r, err := data.OpenWith(ctx, path, data.OpenOptions{Reading: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Info(ctx, 5); err != nil {
		t.Fatal(err)
	}
	r.Close()
	after, _ := os.ReadFile(path)
	st2, _ := os.Stat(path)
	if string(before) != string(after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("a read changed the database file")
	}
}

// TestOthersMayRead: a file another user made 0644 is flagged, so the
// command can warn; the program's own files are 0600.
func TestOthersMayRead(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if s.OthersMayRead() {
		t.Errorf("a new database has mode %v", s.Mode())
	}
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := data.OpenWith(ctx, path, data.OpenOptions{Reading: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.OthersMayRead() {
		t.Error("a 0644 database is not flagged as readable by others")
	}
}

// TestReadOnlyFile: a database the user may not write opens read-only for
// reading and is refused at once for writing. Root may write anything, so
// the test needs an ordinary user.
func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write a 0444 file; TestReadOnlyStore covers the read-only store")
	}
	ctx := context.Background()
	s := newStore(t)
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Open(ctx, path); !errors.Is(err, data.ErrReadOnly) {
		t.Errorf("opening a 0444 file to write: %v, want ErrReadOnly", err)
	}
	r, err := data.OpenWith(ctx, path, data.OpenOptions{Reading: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Error("not marked read-only")
	}
}
