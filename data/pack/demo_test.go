package pack_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
)

var (
	demoOnce  sync.Once
	demoDir   string
	demoStore *data.Store
	demoErr   error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoStore != nil {
		demoStore.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// demo builds the demo municipality once for the package's tests. Tests
// that change it use their own copy (freshDemo).
func demo(t testing.TB) *data.Store {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "pack-demo-"); demoErr != nil {
			return
		}
		demoStore, demoErr = data.Create(context.Background(), filepath.Join(demoDir, "demo.db"))
		if demoErr == nil {
			demoErr = fixtures.Build(context.Background(), demoStore, fixtures.DefaultSeed)
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoStore
}

// freshDemo is a copy of the demo database a test may change.
func freshDemo(t testing.TB) *data.Store {
	t.Helper()
	src := demo(t)
	dst := filepath.Join(t.TempDir(), "demo.db")
	if _, err := src.DB().ExecContext(context.Background(), `VACUUM INTO ?`, dst); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
