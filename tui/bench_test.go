package tui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
	"github.com/beredning/beredning/internal/benchtime"
)

// Benchmarks of the board on the demo and on Storstad (300 units, 560 000
// budget rows), reported rather than asserted. The aims: first frame under
// 100 ms, the area list usable under 150 ms, a key (Update + View) under
// 1 ms, a period step to the selected scope under 50 ms, a step back to a
// visited month under 5 ms, under 150 MB after walking ten months.

var (
	largeOnce  sync.Once
	largePath  string
	largeStore *data.Store
	largeErr   error
)

// storstad is Storstad, built once into the temporary directory (shared
// with the other packages' benchmarks) and opened once.
func storstad(b *testing.B) *data.Store {
	b.Helper()
	largeOnce.Do(func() {
		ctx := context.Background()
		if largePath, largeErr = fixtures.LargeFile(ctx, filepath.Join(os.TempDir(), "beredning-bench")); largeErr == nil {
			largeStore, largeErr = data.Open(ctx, largePath)
		}
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	return largeStore
}

// municipalities runs a benchmark on the demo and on Storstad.
func municipalities(b *testing.B, fn func(b *testing.B, s *data.Store)) {
	b.Run("Demo", func(b *testing.B) { fn(b, demoStore) })
	b.Run("Storstad", func(b *testing.B) { fn(b, storstad(b)) })
}

// BenchmarkOpen is the board from opening the database: FirstFrame is the
// first frame drawn (before any answer: "Laddar …"), ListUsable the area
// list with its figures (keys work), SelectedDrawn the selected scope's
// panes and the gaps as well.
func BenchmarkOpen(b *testing.B) {
	municipalities(b, func(b *testing.B, s *data.Store) {
		ctx := context.Background()
		open := func(b *testing.B, upto int) {
			w := benchtime.Start(b)
			for b.Loop() {
				w.Time(func() { openBoard(b, ctx, s.Path(), upto) })
			}
			w.Report(b)
		}
		b.Run("FirstFrame", func(b *testing.B) { open(b, 0) })
		b.Run("ListUsable", func(b *testing.B) { open(b, 1) })
		b.Run("SelectedDrawn", func(b *testing.B) { open(b, 2) })
	})
}

// openBoard opens the database and the board and draws its frames up to
// the first (0), the area list (1) or the selected scope with the gaps (2).
func openBoard(b *testing.B, ctx context.Context, path string, upto int) {
	st, err := data.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	m := New(st, Options{NoColor: true})
	m.requestBackground = false
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
	_ = m.View()
	if upto > 0 {
		m.Update(m.Init()())
		_ = m.View()
	}
	if upto > 1 {
		m.Update(loadDetails(ctx, st, m.period, []data.Scope{m.sel}, m.gen)())
		m.Update(loadGaps(ctx, st, m.period, m.l, m.gen)())
		_ = m.View()
	}
	m.cancelAll()
	st.Close()
}

// BenchmarkKey is one navigation key, Update and View, at 200×50, in an
// open area whose rows are loaded (as they are a moment after a key).
// Besides the mean it reports the median key.
func BenchmarkKey(b *testing.B) {
	municipalities(b, func(b *testing.B, s *data.Store) { benchmarkKey(b, s, Options{NoColor: true}) })
}

// BenchmarkKeyColour is BenchmarkKey with the colour theme, on the demo.
func BenchmarkKeyColour(b *testing.B) { benchmarkKey(b, demoStore, Options{}) }

func benchmarkKey(b *testing.B, s *data.Store, opt Options) {
	m := newBoard(b, s, opt, 200, 50)
	press(b, m, "enter")
	down, up := keyMsg("down"), keyMsg("up")
	w := benchtime.Start(b)
	i := 0
	for b.Loop() {
		k := down
		if i%8 >= 4 {
			k = up
		}
		i++
		var cmd tea.Cmd
		w.Time(func() {
			_, cmd = m.Update(k)
			_ = m.View()
		})
		if cmd != nil {
			b.StopTimer()
			drain(b, m, cmd)
			b.StartTimer()
		}
	}
	w.Report(b)
}

// BenchmarkView is View alone at 200×50.
func BenchmarkView(b *testing.B) {
	m := newBoard(b, demoStore, Options{}, 200, 50)
	press(b, m, "enter", "down")
	for b.Loop() {
		_ = m.View()
	}
}

// forget empties the cache but for the month in view, so the next step
// queries the store.
func forget(m *Model) {
	ov, p := m.ov, m.period
	m.cancelAll()
	m.cache = newCache(m.gen)
	m.overviews[p] = ov
}

// BenchmarkPeriodStep is a step to a month not loaded, until the selected
// scope is drawn: the key, the overview, the selected scope's detail, each
// answer back into Update, and the frame. WithGaps waits for the month's
// gaps too (the band beside the list).
func BenchmarkPeriodStep(b *testing.B) {
	municipalities(b, func(b *testing.B, s *data.Store) {
		step := func(b *testing.B, withGaps bool) {
			m := newBoard(b, s, Options{NoColor: true}, 200, 50)
			press(b, m, "enter", "down")
			back := true
			w := benchtime.Start(b)
			for b.Loop() {
				b.StopTimer()
				forget(m)
				key := "["
				if !back {
					key = "]"
				}
				back = !back
				b.StartTimer()
				w.Time(func() {
					_, cmd := m.Update(keyMsg(key))
					m.Update(firstMsg[overviewMsg](cmd))
					m.Update(loadDetails(m.periodCtx(m.period), m.store, m.period, []data.Scope{m.sel}, m.gen)())
					if withGaps {
						m.Update(loadGaps(m.periodCtx(m.period), m.store, m.period, m.l, m.gen)())
					}
					_ = m.View()
				})
			}
			w.Report(b)
		}
		b.Run("Selected", func(b *testing.B) { step(b, false) })
		b.Run("WithGaps", func(b *testing.B) { step(b, true) })
	})
}

// firstMsg runs a command (and the commands of a batch, in order) until
// one answers with a T.
func firstMsg[T tea.Msg](cmd tea.Cmd) T {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case T:
			return msg
		}
	}
	var zero T
	return zero
}

// BenchmarkCachedPeriodStep is a step back to a month already visited.
func BenchmarkCachedPeriodStep(b *testing.B) {
	municipalities(b, func(b *testing.B, s *data.Store) {
		m := newBoard(b, s, Options{NoColor: true}, 200, 50)
		press(b, m, "[", "]")
		keys := []tea.KeyPressMsg{keyMsg("["), keyMsg("]")}
		w := benchtime.Start(b)
		i := 0
		for b.Loop() {
			var cmd tea.Cmd
			w.Time(func() {
				_, cmd = m.Update(keys[i%2])
				_ = m.View()
			})
			i++
			if cmd != nil {
				b.StopTimer()
				drain(b, m, cmd)
				b.StartTimer()
			}
		}
		w.Report(b)
	})
}

// BenchmarkWalkTenMonths opens the board at 200×50, opens the first area
// and steps back ten months, each loaded as the board loads it (the
// selection, the rows in view, their neighbours, the gaps); then reports
// the Go heap in use and the peak resident memory of the process (Linux;
// the whole test process, so run it alone: -bench WalkTenMonths).
func BenchmarkWalkTenMonths(b *testing.B) {
	municipalities(b, func(b *testing.B, s *data.Store) {
		var m *Model
		for b.Loop() {
			m = newBoard(b, s, Options{NoColor: true}, 200, 50)
			press(b, m, "enter")
			for range 10 {
				press(b, m, "[")
			}
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
		if kb := peakRSSKiB(); kb > 0 {
			b.ReportMetric(float64(kb)/1024, "MB-peak-RSS")
		}
		runtime.KeepAlive(m)
	})
}

// peakRSSKiB is the process's peak resident memory (VmHWM), 0 when unknown.
func peakRSSKiB() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return 0
}
