package lang_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// TestErrNeverShowsRawText: database and file errors reach a user in
// their language, never as SQLite's or Go's English text.
func TestErrNeverShowsRawText(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "text.db")
	os.WriteFile(notDB, []byte(strings.Repeat("not a database at all ", 200)), 0o600)
	db, _ := sql.Open("sqlite", "file:"+notDB)
	defer db.Close()
	_, sqliteErr := db.Exec(`SELECT count(*) FROM sqlite_schema`)
	_, missing := os.Open(filepath.Join(dir, "missing"))
	os.WriteFile(filepath.Join(dir, "locked"), nil, 0)
	cases := map[string]struct {
		err  error
		want string
	}{
		"not sqlite": {sqliteErr, "ingen SQLite-databas"},
		"busy":       {fmt.Errorf("x: %w", data.ErrBusy), "används av en annan import"},
		"read-only":  {data.ErrReadOnly, "skrivskyddad"},
		"panic":      {&data.PanicError{Value: "boom"}, "internt fel"},
		"missing":    {missing, "finns inte"},
		"canceled":   {context.Canceled, "avbrutet"},
	}
	for name, c := range cases {
		if c.err == nil {
			t.Fatalf("%s: no error to test", name)
		}
		got := lang.SV.Err(c.err)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want it to say %q", name, got, c.want)
		}
		if raw := c.err.Error(); strings.Contains(got, raw) {
			t.Errorf("%s: the raw text %q reached the user", name, raw)
		}
		if en := lang.EN.Err(c.err); en == got {
			t.Errorf("%s: no English text", name)
		}
	}
}
