package data

import (
	"context"
	"errors"

	"modernc.org/sqlite"
)

// ErrorKind is what went wrong with the database, in the terms a user can
// act on. SQLite's own error text is never shown to a user; the kind is,
// through the message catalogue (lang.DBError).
type ErrorKind int

const (
	ErrKindOther    ErrorKind = iota // anything else: shown with its SQLite code only
	ErrKindBusy                      // another process holds the write lock
	ErrKindReadOnly                  // the file or its folder may not be written
	ErrKindFull                      // the disk is full
	ErrKindIO                        // the disk failed to read or write
	ErrKindCorrupt                   // the file is damaged
	ErrKindNotDB                     // the file is not SQLite
	ErrKindCantOpen                  // the file or its -wal/-shm could not be opened
	ErrKindInternal                  // a panic inside a transaction (a bug)
	ErrKindCanceled                  // the user interrupted
)

// SQLite's primary result codes this program tells apart.
const (
	sqlitePerm     = 3
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// ErrBusy: a write waited for another process's write lock as long as it
// was allowed to (--wait) and gave up.
var ErrBusy = errors.New("database busy")

// ErrReadOnly: a write was asked of a database opened read-only.
var ErrReadOnly = errors.New("database is read-only")

// Classify names the kind of a database error, and SQLite's result code
// when there is one (0 otherwise).
func Classify(err error) (ErrorKind, int) {
	var pe *PanicError
	var se *sqlite.Error
	switch {
	case err == nil:
		return ErrKindOther, 0
	case errors.As(err, &pe):
		return ErrKindInternal, 0
	case errors.Is(err, ErrBusy):
		return ErrKindBusy, sqliteBusy
	case errors.Is(err, ErrReadOnly):
		return ErrKindReadOnly, sqliteReadOnly
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return ErrKindCanceled, 0
	case errors.As(err, &se):
		code := se.Code()
		switch code & 0xff {
		case sqliteBusy, sqliteLocked:
			return ErrKindBusy, code
		case sqliteReadOnly, sqlitePerm:
			return ErrKindReadOnly, code
		case sqliteFull:
			return ErrKindFull, code
		case sqliteIOErr:
			return ErrKindIO, code
		case sqliteCorrupt:
			return ErrKindCorrupt, code
		case sqliteNotADB:
			return ErrKindNotDB, code
		case sqliteCantOpen:
			return ErrKindCantOpen, code
		}
		return ErrKindOther, code
	}
	return ErrKindOther, 0
}

// isBusy tells a lock held by another process from every other failure.
func isBusy(err error) bool {
	k, _ := Classify(err)
	return k == ErrKindBusy
}
