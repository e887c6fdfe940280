//go:build sshbench

package serve_test

// The load test behind `task bench:ssh` (build tag sshbench, not in CI):
// 50 boards over SSH press keys while a 100 000-row import runs in the
// same server. Run: go test -tags sshbench -run TestSSHLoad -v -timeout 20m ./serve/

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/serve"
)

const (
	loadSessions = 50
	loadRows     = 100_000 // 200 units × 100 months × 5 konton
)

// loadCSV writes the import: budget rows for 200 new units of Barn och
// unga over 100 months of 2001–2009, so none of them overwrites the demo.
func loadCSV(t *testing.T, dir string) string {
	var b strings.Builder
	b.WriteString("Område;Enhet;Period;Konto;Budget (tkr);Utfall (tkr);Prognos (tkr)\n")
	kontos := []string{"Personal", "Placeringar", "Bistånd", "Övrigt", "Intäkter"}
	n := 0
	for u := range 200 {
		for m := range 100 {
			p := data.NewPeriod(2001, time.January).Add(m)
			for _, k := range kontos {
				fmt.Fprintf(&b, "Barn och unga;Lastenhet %c%c;%s;%s;%d,5;%d;\n", 'A'+u/26, 'a'+u%26, p, k, 100+u, 90+m)
				n++
			}
		}
	}
	if n != loadRows {
		t.Fatalf("%d rows, want %d", n, loadRows)
	}
	path := filepath.Join(dir, "last.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func TestSSHLoad(t *testing.T) {
	people := make([]person, loadSessions)
	for i := range people {
		people[i] = newPerson(t, fmt.Sprintf("led%02d", i), fmt.Sprintf("Ledamot %02d", i), data.RoleLedamot)
	}
	ts := startServer(t, people, func(c *serve.Config) { c.MaxSessions = loadSessions + 5 })
	csv := loadCSV(t, ts.dir)
	ctx := context.Background()
	var before int
	if err := ts.store.DB().QueryRowContext(ctx, `SELECT count(*) FROM budget`).Scan(&before); err != nil {
		t.Fatal(err)
	}

	heap0 := heapInUse()
	terms := make([]*terminal, loadSessions)
	for i, p := range people {
		terms[i] = ts.connectWith(t, p, 120, 40, false)
	}
	for _, tm := range terms {
		tm.waitFor("Ekbacka kommun")
		tm.waitFor("kvalitetsglapp")
	}
	perSession := (int64(heapInUse()) - int64(heap0)) / loadSessions
	if ts.srv.Sessions() != loadSessions {
		t.Fatalf("%d sessions open, want %d", ts.srv.Sessions(), loadSessions)
	}

	// Every session presses j and k in turn, waiting for the frame each
	// key brings, until the import has ended and a few keys more.
	cpu0, wall0 := cpuTime(), time.Now()
	importDone := make(chan struct{})
	var mu sync.Mutex
	var latencies []time.Duration
	var wg sync.WaitGroup
	errs := make(chan error, loadSessions)
	for i, tm := range terms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keys := []string{"j", "k"}
			after := 0
			for n := 0; ; n++ {
				select {
				case <-importDone:
					after++
				default:
				}
				if after > 5 {
					return
				}
				mark := len(tm.out.String())
				start := time.Now()
				if _, err := tm.in.Write([]byte(keys[n%2])); err != nil {
					errs <- fmt.Errorf("session %d: %v", i, err)
					return
				}
				for len(tm.out.String()) == mark {
					select {
					case <-tm.done:
						errs <- fmt.Errorf("session %d ended", i)
						return
					default:
					}
					if time.Since(start) > 30*time.Second {
						errs <- fmt.Errorf("session %d: no frame 30 s after a key", i)
						return
					}
					time.Sleep(time.Millisecond)
				}
				d := time.Since(start)
				mu.Lock()
				latencies = append(latencies, d)
				mu.Unlock()
				time.Sleep(50 * time.Millisecond) // a person's pace, not a flood
			}
		}()
	}

	controller := ts.store.As(data.Actor{Login: "carl", Name: "Carl Ek", Role: data.RoleController})
	impStart := time.Now()
	rep, err := ingest.Import(ctx, controller, []string{csv}, ingest.Options{})
	impTime := time.Since(impStart)
	close(importDone)
	wg.Wait()
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if err != nil {
		t.Fatalf("import: %v %+v", err, rep)
	}
	var after int
	if err := ts.store.DB().QueryRowContext(ctx, `SELECT count(*) FROM budget`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after-before != loadRows {
		t.Fatalf("budget rows %d → %d: %d new, want %d", before, after, after-before, loadRows)
	}

	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("sessions %d, keys %d, import of %d rows %v (while the keys were pressed)", loadSessions, len(latencies), loadRows, impTime.Round(time.Millisecond))
	t.Logf("key-to-frame latency p50 %v, p99 %v, max %v", pct(0.50).Round(100*time.Microsecond), pct(0.99).Round(100*time.Microsecond), latencies[len(latencies)-1].Round(100*time.Microsecond))
	t.Logf("heap per session %.1f KiB (server and the light in-process client)", float64(perSession)/1024)
	t.Logf("CPU %v over %v wall: %.2f cores (server, import and the 50 clients in one process)", cpu.Round(time.Millisecond), wall.Round(time.Millisecond), cpu.Seconds()/wall.Seconds())
	// Every board reloaded: its screen (the bytes replayed into a
	// terminal emulator) shows today's import date in the header (the
	// demo's last import is of 2026-11-20).
	today := lang.DateTime(time.Now())[:10]
	for i, tm := range terms {
		deadline := time.Now().Add(30 * time.Second)
		for {
			em := vt.NewEmulator(120, 40)
			go func() {
				buf := make([]byte, 1024)
				for {
					if _, err := em.Read(buf); err != nil {
						return
					}
				}
			}()
			em.Write([]byte(tm.out.String()))
			shown := ansi.Strip(em.Render())
			em.Close()
			if strings.Contains(shown, today) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("session %d did not reload after the import:\n%s", i, shown)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}

}
