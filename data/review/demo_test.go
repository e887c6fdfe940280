package review_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
	"github.com/beredning/beredning/fixtures"
)

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// demo opens a copy of the demo municipality, built once per test binary.
func demo(t testing.TB) *data.Store {
	t.Helper()
	ctx := context.Background()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "review-demo-")
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		s, err := data.Create(ctx, demoPath)
		if err != nil {
			demoErr = err
			return
		}
		demoErr = fixtures.Build(ctx, s, fixtures.DefaultSeed)
		if demoErr == nil {
			_, demoErr = s.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		}
		s.Close()
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, demoPath, path)
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestDemoOctoberReports(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	sum, brk, err := s.VerifyAudit(ctx)
	if err != nil || brk != nil || sum.Events != 63 {
		t.Fatalf("demo trail: %d events, %v %v", sum.Events, brk, err)
	}
	items, err := review.List(ctx, s, data.MustPeriod("2026-10"), now, lang.SV)
	if err != nil {
		t.Fatal(err)
	}
	states := make([]data.ReportState, len(items))
	for i, it := range items {
		states[i] = it.ReportState
		if len(it.Checks) != len(review.CheckIDs) {
			t.Errorf("%s: %d checks", it.Unit, len(it.Checks))
		}
	}
	c := review.CountStates(states)
	if c.Total != 16 || c.Approved() != 11 || c.ByStatus[data.ReportSubmitted] != 3 || c.ByStatus[data.ReportSentBack] != 2 {
		t.Errorf("October: %d reports, %v", c.Total, c.ByStatus)
	}
	for _, it := range items {
		if it.Unit == "Utredningsenheten barn och unga" {
			if it.Status != data.ReportApproved {
				t.Errorf("%s: %s", it.Unit, it.Status)
			}
		}
	}
}

func BenchmarkReviewList(b *testing.B) {
	for _, c := range []struct {
		name string
		open func(testing.TB) *data.Store
	}{{"Demo", demo}, {"Storstad", large}} {
		b.Run(c.name, func(b *testing.B) {
			s := c.open(b)
			ctx := context.Background()
			for b.Loop() {
				if _, err := review.List(ctx, s, data.MustPeriod("2026-10"), now, lang.SV); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReportChecks(b *testing.B) {
	for _, c := range []struct {
		name string
		open func(testing.TB) *data.Store
	}{{"Demo", demo}, {"Storstad", large}} {
		b.Run(c.name, func(b *testing.B) {
			s := c.open(b)
			ctx := context.Background()
			states, err := s.ReportStates(ctx, data.MustPeriod("2026-10"))
			if err != nil || len(states) == 0 {
				b.Fatal(err)
			}
			unit := states[len(states)/2].UnitID
			for b.Loop() {
				if _, err := review.Show(ctx, s, unit, data.MustPeriod("2026-10"), now, lang.SV); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// large is a copy of the shared Storstad build (opening migrates it, and
// the shared file must stay as other branches' programs expect it).
func large(t testing.TB) *data.Store {
	t.Helper()
	ctx := context.Background()
	shared, err := fixtures.LargeFile(ctx, filepath.Join(os.TempDir(), "beredning-bench"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "storstad.db")
	copyFile(t, shared, path)
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
