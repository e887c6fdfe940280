package lang

import (
	"archive/zip"
	"errors"
	"io"
	"io/fs"
	"syscall"

	"github.com/beredning/beredning/data"
)

func init() {
	Register(map[string]Text{
		"db.err.busy":     {"databasen används av en annan import", "the database is in use by another import"},
		"db.err.readonly": {"databasen är skrivskyddad (filen eller dess mapp får inte skrivas)", "the database is read-only (the file or its folder may not be written)"},
		"db.err.full":     {"disken är full", "the disk is full"},
		"db.err.io":       {"disken kunde inte läsas eller skrivas", "the disk could not be read or written"},
		"db.err.corrupt":  {"databasfilen är skadad", "the database file is damaged"},
		"db.err.notdb":    {"filen är ingen SQLite-databas", "the file is not an SQLite database"},
		"db.err.cantopen": {"filen (eller dess -wal/-shm) kunde inte öppnas", "the file (or its -wal/-shm) could not be opened"},
		"db.err.internal": {"ett internt fel i programmet (%v); rapportera det gärna", "an internal error in the program (%v); please report it"},
		"db.err.canceled": {"avbrutet", "interrupted"},
		"db.err.other":    {"ett oväntat databasfel (SQLite-kod %d)", "an unexpected database error (SQLite code %d)"},
		"db.err.unknown":  {"ett oväntat fel", "an unexpected error"},

		"err.permission": {"åtkomst nekad", "permission denied"},
		"err.not_exist":  {"finns inte", "does not exist"},
		"err.exist":      {"finns redan", "already exists"},
		"err.loop":       {"för många nivåer av symboliska länkar", "too many levels of symbolic links"},
		"err.is_dir":     {"är en mapp", "is a folder"},
		"err.not_dir":    {"är ingen mapp", "is not a folder"},
		"err.eof":        {"filen tar slut för tidigt", "the file ends too early"},
		"err.zip":        {"ingen giltig xlsx-fil (zip-formatet är trasigt)", "not a valid xlsx file (its zip format is broken)"},
		"err.name_long":  {"namnet är för långt", "the name is too long"},
	})
}

// Err says in the user's language what went wrong: with the database, or
// with a file. SQLite's and Go's own error text is never part of it.
func (l Lang) Err(err error) string {
	if msg := l.forbidden(err); msg != "" {
		return msg
	}
	if key := fileErrKey(err); key != "" {
		return l.T(key)
	}
	kind, code := data.Classify(err)
	switch kind {
	case data.ErrKindBusy:
		return l.T("db.err.busy")
	case data.ErrKindReadOnly:
		return l.T("db.err.readonly")
	case data.ErrKindFull:
		return l.T("db.err.full")
	case data.ErrKindIO:
		return l.T("db.err.io")
	case data.ErrKindCorrupt:
		return l.T("db.err.corrupt")
	case data.ErrKindNotDB:
		return l.T("db.err.notdb")
	case data.ErrKindCantOpen:
		return l.T("db.err.cantopen")
	case data.ErrKindInternal:
		var pe *data.PanicError
		if errors.As(err, &pe) {
			return l.T("db.err.internal", pe.Value)
		}
		return l.T("db.err.internal", "?")
	case data.ErrKindCanceled:
		return l.T("db.err.canceled")
	}
	if code != 0 {
		return l.T("db.err.other", code)
	}
	return l.T("db.err.unknown")
}

// fileErrKey names the common file-system and format failures.
func fileErrKey(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ENOSPC):
		return "db.err.full"
	case errors.Is(err, syscall.ELOOP):
		return "err.loop"
	case errors.Is(err, syscall.EISDIR):
		return "err.is_dir"
	case errors.Is(err, syscall.ENOTDIR):
		return "err.not_dir"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "err.name_long"
	case errors.Is(err, fs.ErrPermission):
		return "err.permission"
	case errors.Is(err, fs.ErrNotExist):
		return "err.not_exist"
	case errors.Is(err, fs.ErrExist):
		return "err.exist"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "err.eof"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return "err.zip"
	}
	return ""
}
