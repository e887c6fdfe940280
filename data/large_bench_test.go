package data_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
	"github.com/beredning/beredning/internal/benchtime"
)

// openLarge opens Storstad, built once into the temporary directory and
// shared by every package's benchmarks.
func openLarge(b *testing.B) *data.Store {
	b.Helper()
	ctx := context.Background()
	path, err := fixtures.LargeFile(ctx, filepath.Join(os.TempDir(), "beredning-bench"))
	if err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkOverview is the board's area list for October 2026, on the
// demo and on Storstad (300 units, 560 000 budget rows).
func BenchmarkOverview(b *testing.B) {
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	for _, c := range []struct {
		name string
		open func(*testing.B) *data.Store
	}{{"Demo", func(b *testing.B) *data.Store { s, _ := buildDemo(b); return s }}, {"Storstad", openLarge}} {
		b.Run(c.name, func(b *testing.B) {
			s := c.open(b)
			w := benchtime.Start(b)
			for b.Loop() {
				w.Time(func() {
					if _, err := s.Overview(ctx, p); err != nil {
						b.Fatal(err)
					}
				})
			}
			w.Report(b)
		})
	}
}

// BenchmarkDetail is one unit's and one area's detail on Storstad.
func BenchmarkDetail(b *testing.B) {
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	s := openLarge(b)
	ov, err := s.Overview(ctx, p)
	if err != nil {
		b.Fatal(err)
	}
	a := ov.Areas[0]
	for _, sc := range []struct {
		name  string
		scope data.Scope
	}{{"Area", data.Scope{AreaID: a.ID}}, {"Unit", data.Scope{AreaID: a.ID, UnitID: a.Units[0].ID}}} {
		b.Run(sc.name, func(b *testing.B) {
			w := benchtime.Start(b)
			for b.Loop() {
				w.Time(func() {
					if _, err := s.Detail(ctx, sc.scope, p, data.DefaultDetailOptions); err != nil {
						b.Fatal(err)
					}
				})
			}
			w.Report(b)
		})
	}
}
