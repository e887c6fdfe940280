// Command bench measures the importer on a large budget CSV against
// sqlite3's own .import of the same file into a plain table, in the same
// run, and prints rows per second, CPU time, peak memory and their ratios.
//
//	go run ./data/ingest/bench -rows 1000000 -runs 3
//
// Each import runs in a child process of its own so its peak resident
// memory is measured alone, and so does sqlite3; the two alternate, and
// the median of the runs is reported (the minimum too, since a shared
// machine only ever makes a run slower).
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
	"slices"
	"syscall"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
)

var profile string

func main() {
	rows := flag.Int("rows", 1_000_000, "budget rows to generate")
	runs := flag.Int("runs", 3, "runs of each measurement")
	dir := flag.String("dir", "", "work directory (default: a new temporary one)")
	child := flag.String("child-import", "", "internal: import this CSV into -db and report")
	db := flag.String("db", "", "internal: database for -child-import")
	flag.StringVar(&profile, "cpuprofile", "", "write the first import's CPU profile here")
	flag.Parse()
	if *child != "" {
		os.Exit(childImport(*child, *db))
	}
	if err := run(*rows, *runs, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measure is one run of one program.
type measure struct {
	wall, cpu time.Duration
	rssMB     float64
}

func runChild(cmd *exec.Cmd) (measure, error) {
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return measure{}, err
	}
	m := measure{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rssMB = float64(ru.Maxrss) / 1024 // kB on Linux
	}
	return m, nil
}

// summary is the median and minimum of runs.
type summary struct{ median, min measure }

func summarize(ms []measure) summary {
	pick := func(f func(measure) float64) (float64, float64) {
		v := make([]float64, len(ms))
		for i, m := range ms {
			v[i] = f(m)
		}
		slices.Sort(v)
		return v[len(v)/2], v[0]
	}
	var s summary
	w, wmin := pick(func(m measure) float64 { return m.wall.Seconds() })
	c, cmin := pick(func(m measure) float64 { return m.cpu.Seconds() })
	r, rmin := pick(func(m measure) float64 { return m.rssMB })
	s.median = measure{time.Duration(w * 1e9), time.Duration(c * 1e9), r}
	s.min = measure{time.Duration(wmin * 1e9), time.Duration(cmin * 1e9), rmin}
	return s
}

func run(rows, runs int, dir string) error {
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
	fmt.Printf("CSV: %d rows, %.1f MB; %d runs each; %d CPUs\n", rows, float64(st.Size())/1e6, runs, runtime.NumCPU())
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var first, again, plain []measure
	for i := 0; i < runs; i++ {
		dbPath := filepath.Join(dir, fmt.Sprintf("beredning%d.db", i))
		s, err := data.Create(context.Background(), dbPath)
		if err != nil {
			return err
		}
		s.Close()
		prof := ""
		if i == 0 {
			prof = profile
		}
		imp := exec.Command(self, "-child-import", csv, "-db", dbPath, "-cpuprofile", prof)
		imp.Stdout, imp.Stderr = os.Stdout, os.Stderr
		m, err := runChild(imp)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		first = append(first, m)
		// The same file again: every row unchanged.
		re := exec.Command(self, "-child-import", csv, "-db", dbPath)
		re.Stdout, re.Stderr = os.Stdout, os.Stderr
		if m, err = runChild(re); err != nil {
			return fmt.Errorf("re-import: %w", err)
		}
		again = append(again, m)
		// sqlite3's .import into a plain table: same file, separator, header.
		sq := exec.Command(sqlite, filepath.Join(dir, fmt.Sprintf("plain%d.db", i)), "-cmd", ".mode csv", "-cmd", ".separator ;", ".import "+csv+" budget")
		sq.Stderr = os.Stderr
		if m, err = runChild(sq); err != nil {
			return fmt.Errorf("sqlite3 .import: %w", err)
		}
		plain = append(plain, m)
		os.Remove(dbPath)
	}
	f, a, p := summarize(first), summarize(again), summarize(plain)
	line := func(name string, s summary) {
		fmt.Printf("%-26s median %6.2f s wall %6.2f s CPU %9.0f rows/s, peak RSS %6.1f MB   (best %5.2f s wall, %5.2f s CPU)\n",
			name, s.median.wall.Seconds(), s.median.cpu.Seconds(), float64(rows)/s.median.wall.Seconds(), s.median.rssMB,
			s.min.wall.Seconds(), s.min.cpu.Seconds())
	}
	line("beredning import", f)
	line("re-import (all unchanged)", a)
	line("sqlite3 .import", p)
	fmt.Printf("ratio beredning/sqlite3: %.2fx wall, %.2fx CPU (median); %.2fx wall, %.2fx CPU (best)   aim: within 3x\n",
		f.median.wall.Seconds()/p.median.wall.Seconds(), f.median.cpu.Seconds()/p.median.cpu.Seconds(),
		f.min.wall.Seconds()/p.min.wall.Seconds(), f.min.cpu.Seconds()/p.min.cpu.Seconds())
	fmt.Printf("peak RSS of the import: %.0f MB   aim: under 200 MB\n", f.median.rssMB)
	return nil
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
		if f, err := os.Create(profile); err == nil {
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
	fmt.Printf("  import: %d rows (%d new, %d changed, %d unchanged) in %.2f s; Go heap peak %.1f MB\n",
		t.Rows, t.New, t.Changed, t.Unchanged, time.Since(start).Seconds(), float64(peakHeap)/1e6)
	return 0
}
