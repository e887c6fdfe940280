// Package benchtime times the operations of a benchmark in wall time and
// in the CPU time of the thread that runs them. On a shared machine the
// wall time moves with everyone else's load; the thread's CPU time does
// not. The benchmark's goroutine is locked to its thread while it times,
// and the store's queries (modernc.org/sqlite runs SQLite in Go) run on
// the calling goroutine, so their work is counted.
//
// Only benchmarks import it.
package benchtime

import (
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Stopwatch collects the times of operations.
type Stopwatch struct {
	wall, cpu []time.Duration
}

// Start locks the benchmark's goroutine to its thread until the benchmark
// ends, and returns an empty stopwatch.
func Start(b *testing.B) *Stopwatch {
	lockThread(b)
	return &Stopwatch{}
}

// Time runs fn and records how long it took.
func (w *Stopwatch) Time(fn func()) {
	c0, t0 := ThreadCPU(), time.Now()
	fn()
	w.wall = append(w.wall, time.Since(t0))
	w.cpu = append(w.cpu, ThreadCPU()-c0)
}

// Report gives the medians in milliseconds: the mean of a few dozen
// operations is easily moved by one garbage collection.
func (w *Stopwatch) Report(b *testing.B) {
	b.ReportMetric(median(w.wall), "ms-median")
	b.ReportMetric(median(w.cpu), "ms-cpu-median")
}

func median(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return float64(ds[len(ds)/2]) / 1e6
}

// ThreadCPU is the CPU time the calling thread has used.
func ThreadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
