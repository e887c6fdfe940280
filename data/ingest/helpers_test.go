package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
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

// dump is the store's content; without the import log when noLog is set,
// since a re-import logs itself even when it changes nothing.
func dump(t testing.TB, s *data.Store, noLog bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if !noLog {
		return b.String()
	}
	var out []string
	inLog := false
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "-- ") {
			// the log, its runs and what undo needs; the reports' audit trail only grows
			inLog = strings.HasPrefix(line, "-- import_") || strings.HasPrefix(line, "-- audit_event")
		}
		if !inLog {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func importPaths(t testing.TB, s *data.Store, opts Options, paths ...string) (*Report, error) {
	t.Helper()
	rep, err := Import(context.Background(), s, paths, opts)
	if rep == nil {
		t.Fatalf("Import returned no report (err %v)", err)
	}
	return rep, err
}

// mustImport imports and fails the test on any error.
func mustImport(t testing.TB, s *data.Store, opts Options, paths ...string) *Report {
	t.Helper()
	rep, err := importPaths(t, s, opts, paths...)
	if err != nil {
		t.Fatalf("import %v: %v\n%s", paths, err, rep.RenderErrors(lang.SV))
	}
	return rep
}

// writeFile writes a file into dir and returns its path.
func writeFile(t testing.TB, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// query runs a query returning one row of values.
func queryRow(t testing.TB, s *data.Store, q string, args []any, dest ...any) {
	t.Helper()
	if err := s.DB().QueryRow(q, args...).Scan(dest...); err != nil {
		t.Fatalf("%s %v: %v", q, args, err)
	}
}

// budgetOf reads one budget row: budget, outcome, forecast in öre; NULL as -1<<62.
func budgetOf(t testing.TB, s *data.Store, area, unit, period, account string) (b, o, f int64) {
	t.Helper()
	const null = -1 << 62
	queryRow(t, s, `SELECT b.budget, ifnull(b.outcome, ?), ifnull(b.forecast, ?) FROM budget b
		JOIN area a ON a.id = b.area_id LEFT JOIN unit u ON u.id = b.unit_id
		WHERE a.name = ? AND ifnull(u.name, '') = ? AND b.period = ? AND b.account = ?`,
		[]any{null, null, area, unit, period, account}, &b, &o, &f)
	return
}

func count(t testing.TB, s *data.Store, table string) int {
	t.Helper()
	var n int
	queryRow(t, s, `SELECT count(*) FROM `+table, nil, &n)
	return n
}
