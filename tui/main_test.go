package tui

import (
	"context"
	"errors"
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
		testbyStore, err = setup(func(tb testing.TB) *data.Store { return buildTestby(tb, dir) })
		if err != nil {
			fmt.Fprintln(os.Stderr, "testby:", err)
			return 1
		}
		defer testbyStore.Close()
		return m.Run()
	}()
	os.RemoveAll(dir)
	os.Exit(code)
}

// setup runs a builder written for tests before any test exists: its
// Fatal ends it with an error instead of a crash without clean-up.
func setup(build func(testing.TB) *data.Store) (s *data.Store, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(setupFailure)
			if !ok {
				panic(r)
			}
			err = errors.New(string(f))
		}
	}()
	return build(setupTB{}), nil
}

// setupTB is the testing.TB setup gives a builder; its Fatal panics with
// a setupFailure, which setup recovers.
type setupTB struct{ testing.TB }

type setupFailure string

func (setupTB) Helper()                           {}
func (setupTB) Fatal(args ...any)                 { panic(setupFailure(fmt.Sprint(args...))) }
func (setupTB) Fatalf(format string, args ...any) { panic(setupFailure(fmt.Sprintf(format, args...))) }

func TestSetupReportsABuildersFailure(t *testing.T) {
	s, err := setup(func(tb testing.TB) *data.Store {
		tb.Fatal("no such file")
		return nil
	})
	if s != nil || err == nil || err.Error() != "no such file" {
		t.Fatalf("setup: %v, %v", s, err)
	}
	if _, err := setup(func(testing.TB) *data.Store { return testbyStore }); err != nil {
		t.Fatal(err)
	}
}
