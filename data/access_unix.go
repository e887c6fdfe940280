//go:build unix

package data

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// writable tells whether the user may write the database and create its
// -wal and -shm files beside it, without touching either.
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil && unix.Access(filepath.Dir(path), unix.W_OK|unix.X_OK) == nil
}
