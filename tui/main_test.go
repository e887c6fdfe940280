package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
)

// The test binary builds two databases once, into a temporary folder:
// the demo municipality (goldens, the all-periods test, benchmarks) and
// the small hand-made Testby (Update tests, which should not change when
// the demo's story does). Both are only read by the tests.
var (
	demoStore   *data.Store
	testbyStore *data.Store
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "beredning-tui-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		ctx := context.Background()
		demoStore, err = data.Create(ctx, filepath.Join(dir, "demo.db"))
		if err == nil {
			err = fixtures.Build(ctx, demoStore, fixtures.DefaultSeed)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "demo:", err)
			return 1
		}
		defer demoStore.Close()
		tb := &setupTB{}
		testbyStore = buildTestby(tb, dir)
		if tb.failed != "" {
			fmt.Fprintln(os.Stderr, "testby:", tb.failed)
			return 1
		}
		defer testbyStore.Close()
		return m.Run()
	}()
	os.RemoveAll(dir)
	os.Exit(code)
}

// setupTB lets buildTestby run before any test exists.
type setupTB struct {
	testing.TB
	failed string
}

func (s *setupTB) Helper() {}
func (s *setupTB) Fatal(args ...any) {
	s.failed = fmt.Sprint(args...)
	panic(s.failed)
}
