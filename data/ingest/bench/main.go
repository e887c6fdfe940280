// Command bench measures the importer on a large budget CSV against
// sqlite3's own .import of the same file into a plain table, in the same
// run, and prints rows per second, peak memory and their ratios.
//
//	go run ./data/ingest/bench -rows 1000000
//
// The import runs in a child process of its own so its peak resident
// memory is measured alone; so does sqlite3.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "budget rows to generate")
	dir := flag.String("dir", "", "work directory (default: a new temporary one)")
	child := flag.String("child-import", "", "internal: import this CSV into -db and report")
	db := flag.String("db", "", "internal: database for -child-import")
	cpuProfile := flag.String("cpuprofile", "", "write the import's CPU profile here")
	flag.Parse()
	profile = *cpuProfile
	if *child != "" {
		os.Exit(childImport(*child, *db))
	}
	if err := run(*rows, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(rows int, dir string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "beredning-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		return fmt.Errorf("sqlite3 is not installed (apt-get install sqlite3): %w", err)
	}
	csv := filepath.Join(dir, "budget_bench.csv")
	if err := writeBudgetCSV(csv, rows); err != nil {
		return err
	}
	st, _ := os.Stat(csv)
	fmt.Printf("CSV: %d rows, %.1f MB\n", rows, float64(st.Size())/1e6)

	self, err := os.Executable()
	if err != nil {
		return err
	}
	// beredning import
	dbPath := filepath.Join(dir, "beredning.db")
	s, err := data.Create(context.Background(), dbPath)
	if err != nil {
		return err
	}
	s.Close()
	imp := exec.Command(self, "-child-import", csv, "-db", dbPath, "-cpuprofile", profile)
	imp.Stdout, imp.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	if err := imp.Run(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	impTime := time.Since(start)
	impRSS := maxRSS(imp.ProcessState)

	// sqlite3 .import into a plain table, same file, separator and header.
	plain := filepath.Join(dir, "plain.db")
	sq := exec.Command(sqlite, plain, "-cmd", ".mode csv", "-cmd", ".separator ;", ".import "+csv+" budget")
	sq.Stderr = os.Stderr
	start = time.Now()
	if err := sq.Run(); err != nil {
		return fmt.Errorf("sqlite3 .import: %w", err)
	}
	sqTime := time.Since(start)
	sqRSS := maxRSS(sq.ProcessState)

	rate := func(d time.Duration) float64 { return float64(rows) / d.Seconds() }
	impCPU, sqCPU := cpuTime(imp.ProcessState), cpuTime(sq.ProcessState)
	fmt.Printf("beredning import: %6.2f s wall %6.2f s CPU  %9.0f rows/s  peak RSS %6.1f MB\n", impTime.Seconds(), impCPU.Seconds(), rate(impTime), impRSS)
	fmt.Printf("sqlite3 .import:  %6.2f s wall %6.2f s CPU  %9.0f rows/s  peak RSS %6.1f MB\n", sqTime.Seconds(), sqCPU.Seconds(), rate(sqTime), sqRSS)
	fmt.Printf("ratio beredning/sqlite3: %.2fx wall, %.2fx CPU (aim: within 3x); peak RSS %.0f MB (aim: under 200 MB)\n",
		impTime.Seconds()/sqTime.Seconds(), impCPU.Seconds()/sqCPU.Seconds(), impRSS)
	return nil
}

var profile string

func cpuTime(ps *os.ProcessState) time.Duration { return ps.UserTime() + ps.SystemTime() }

func maxRSS(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // kB on Linux
	}
	return 0
}

// childImport runs one import and prints its own figures, including the
// Go heap's peak, which the parent's RSS figure includes.
func childImport(csv, dbPath string) int {
	ctx := context.Background()
	s, err := data.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	var peakHeap uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // sample the heap; the GC's own peak is not exported
		defer close(done)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peakHeap {
				peakHeap = v
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	if profile != "" {
		f, err := os.Create(profile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	start := time.Now()
	rep, err := ingest.Import(ctx, s, []string{csv}, ingest.Options{User: "bench"})
	close(stop)
	<-done
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if rep != nil {
			for _, e := range rep.Errors {
				fmt.Fprintf(os.Stderr, "%+v\n", e)
			}
		}
		return 1
	}
	t := rep.Totals()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("import: %d rows (%d new, %d changed, %d unchanged) in %.2f s; Go heap peak %.1f MB, runtime total from OS %.1f MB\n",
		t.Rows, t.New, t.Changed, t.Unchanged, time.Since(start).Seconds(), float64(peakHeap)/1e6, float64(ms.Sys)/1e6)
	return 0
}
