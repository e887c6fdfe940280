package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestReadOnlyStore: a store opened read-only reads, refuses every write
// with ErrReadOnly, and creates no -wal or -shm file beside the database.
func TestReadOnlyStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	s, err := Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r, err := open(ctx, path, true, 0o444, OpenOptions{Reading: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Fatal("not read-only")
	}
	if _, err := r.Info(ctx, 5); err != nil {
		t.Errorf("reading: %v", err)
	}
	if err := r.Write(ctx, func(*Tx) error { return nil }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Write: %v, want ErrReadOnly", err)
	}
	if err := r.WriteBulk(ctx, func(*Tx) error { return nil }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("WriteBulk: %v, want ErrReadOnly", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "ro.db" {
			t.Errorf("reading read-only created %s", e.Name())
		}
	}
}
