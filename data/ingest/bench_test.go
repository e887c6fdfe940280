package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
)

// BenchmarkImportBudget imports a budget CSV as Swedish Excel writes it
// into a new database; BENCH_ROWS sets its size (default 200 000). It
// reports rows per second and the Go heap's peak. The full comparison with
// sqlite3, a million rows and the process's peak memory, is
// data/ingest/bench/run.sh.
func BenchmarkImportBudget(b *testing.B) {
	rows := 200_000
	if v, err := strconv.Atoi(os.Getenv("BENCH_ROWS")); err == nil && v > 0 {
		rows = v
	}
	dir := b.TempDir()
	csv := filepath.Join(dir, "budget_bench.csv")
	if err := writeBenchCSV(csv, rows); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := data.Create(context.Background(), filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		stop := samplePeakHeap(&peak)
		b.StartTimer()
		rep, err := Import(context.Background(), s, []string{csv}, Options{})
		b.StopTimer()
		stop()
		if err != nil || rep.Totals().New != rows {
			b.Fatalf("%v %+v", err, rep.Totals())
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
}

// BenchmarkReimportChangedBudget imports a corrected budget file over one
// already imported: every row changes (its outcome), so every row takes
// the update path and, with undo, leaves its old values behind. Files with
// two outcomes alternate so each round changes every row again.
func BenchmarkReimportChangedBudget(b *testing.B) {
	rows := 200_000
	if v, err := strconv.Atoi(os.Getenv("BENCH_ROWS")); err == nil && v > 0 {
		rows = v
	}
	dir := b.TempDir()
	files := [2]string{filepath.Join(dir, "budget_a.csv"), filepath.Join(dir, "budget_b.csv")}
	for i, f := range files {
		if err := writeBenchCSVOutcome(f, rows, i+1); err != nil {
			b.Fatal(err)
		}
	}
	s, err := data.Create(context.Background(), filepath.Join(dir, "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := Import(context.Background(), s, files[:1], Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := Import(context.Background(), s, []string{files[(i+1)%2]}, Options{})
		if err != nil || rep.Totals().Changed != rows {
			b.Fatalf("%v %+v", err, rep.Totals())
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// samplePeakHeap records the highest live-heap figure until stopped.
func samplePeakHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() { close(done); <-finished }
}

// writeBenchCSV writes rows distinct budget rows: 40 areas × 50 units ×
// 100 months × 5 konton, UTF-8 with BOM, semicolons, CRLF, decimal commas.
func writeBenchCSV(path string, rows int) error { return writeBenchCSVOutcome(path, rows, 0) }

// writeBenchCSVOutcome is writeBenchCSV with every outcome raised by shift tkr.
func writeBenchCSVOutcome(path string, rows, shift int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("\ufeffOmråde;Enhet;Period;Konto;Budget (tkr);Utfall (tkr);Prognos (tkr)\r\n")
	kontos := []string{"personal", "placeringar", "bistand", "ovrigt", "intakter"}
	n := 0
	for a := 0; a < 40 && n < rows; a++ {
		for u := 0; u < 50 && n < rows; u++ {
			for m := 0; m < 100 && n < rows; m++ {
				for k := 0; k < len(kontos) && n < rows; k++ {
					budget := 1000 + (a*7919+u*104729+m*31+k*17)%90000
					fmt.Fprintf(w, "Område %02d;Enhet %02d-%02d;%04d-%02d;%s;%d\u00a0%03d,%d;%d,5;\r\n",
						a+1, a+1, u+1, 2018+m/12, m%12+1, kontos[k], budget/1000, budget%1000, k, budget+shift)
					n++
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
