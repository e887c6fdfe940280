// Command stress tries imports under the two conditions a user meets and
// a unit test cannot: an import killed at a random moment, and two large
// imports started together while others read.
//
//	go run ./data/ingest/stress crash -n 50       (task test:crash)
//	go run ./data/ingest/stress concurrent        (task test:concurrent)
//
// crash builds beredning, makes a database with data, and N times copies
// it, starts `beredning import` of a 100 000-row file and a narrative,
// kills it (SIGKILL) after a random time within the import's length, and
// checks the copy: SQLite's integrity and foreign-key checks pass, and its
// content is exactly the database before the import or exactly after it.
//
// concurrent starts two imports of 1 000 000 budget rows each into one
// database, the second half a second after the first, and runs `info` and
// `gaps` in a loop meanwhile. It reports each import's time and exit
// status, whether the second said it waits, and how the readers fared.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/beredning/beredning/data"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: stress crash [-n N] | concurrent [-rows N]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	n := fs.Int("n", 50, "crash: how many killed imports")
	rows := fs.Int("rows", 1_000_000, "concurrent: budget rows per import")
	fs.Parse(os.Args[2:])
	dir, err := os.MkdirTemp("", "beredning-stress-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "beredning")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/beredning").CombinedOutput(); err != nil {
		fail(fmt.Errorf("go build: %v\n%s", err, out))
	}
	switch os.Args[1] {
	case "crash":
		err = crash(dir, bin, *n)
	case "concurrent":
		err = concurrent(dir, bin, *rows)
	default:
		err = fmt.Errorf("unknown test %q", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "stress:", err)
	os.Exit(1)
}

// writeBudget writes a budget CSV of n rows whose areas start with prefix.
func writeBudget(path, prefix string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("Område;Enhet;Period;Konto;Budget (tkr);Utfall (tkr)\n")
	kontos := []string{"personal", "placeringar", "bistand", "ovrigt", "intakter"}
	i := 0
	for a := 0; i < n; a++ {
		for u := 0; u < 50 && i < n; u++ {
			for m := 0; m < 96 && i < n; m++ {
				for k := 0; k < len(kontos) && i < n; k++ {
					b := 1000 + (a*7919+u*104729+m*31+k*17)%90000
					fmt.Fprintf(w, "%s %02d;Enhet %02d-%02d;%04d-%02d;%s;%d;%d,5\n", prefix, a+1, a+1, u+1, 2019+m/12, m%12+1, kontos[k], b, b)
					i++
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func run(bin string, args ...string) (string, error) {
	out, err := exec.Command(bin, args...).CombinedOutput()
	return string(out), err
}

// content is a database's rows without the import log, and the number of
// import-log lines, read through the store; and the store's own check.
func content(path string) (string, int, error) {
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		return "", 0, err
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		return "", 0, err
	}
	var b bytes.Buffer
	if err := s.Dump(ctx, &b); err != nil {
		return "", 0, err
	}
	var keep []string
	logLines, inLog := 0, false
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "-- ") {
			name := strings.Fields(line)[1]
			inLog = strings.HasPrefix(name, "import_") || strings.HasPrefix(name, "audit")
		}
		if inLog {
			logLines++
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n"), logLines, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

func crash(dir, bin string, n int) error {
	start := time.Now()
	base := filepath.Join(dir, "base.db")
	if out, err := run(bin, "init", "--db", base, "--name", "Kraschby"); err != nil {
		return fmt.Errorf("init: %v %s", err, out)
	}
	small := filepath.Join(dir, "small.csv")
	big := filepath.Join(dir, "big.csv")
	md := filepath.Join(dir, "berattelse.md")
	if err := writeBudget(small, "Område", 5_000); err != nil {
		return err
	}
	if err := writeBudget(big, "Område", 100_000); err != nil { // overlaps small: updates and new rows
		return err
	}
	os.WriteFile(md, []byte("---\nområde: Område 01\nperiod: 2026-10\ntyp: risk\nrubrik: Vakanser\n---\nTre tjänster är vakanta.\n"), 0o600)
	if out, err := run(bin, "import", "--db", base, small); err != nil {
		return fmt.Errorf("base import: %v %s", err, out)
	}
	before, logBefore, err := content(base)
	if err != nil {
		return err
	}
	// The whole import once, unkilled: what "all" looks like, and how long it takes.
	full := filepath.Join(dir, "full.db")
	copyFile(base, full)
	t0 := time.Now()
	if out, err := run(bin, "import", "--db", full, big, md); err != nil {
		return fmt.Errorf("full import: %v %s", err, out)
	}
	length := time.Since(t0)
	after, logAfter, err := content(full)
	if err != nil {
		return err
	}
	fmt.Printf("an unkilled import takes %v; killing %d imports at random points within it\n", length.Round(time.Millisecond), n)
	var nothing, all int
	var failures []string
	work := filepath.Join(dir, "work.db")
	for i := 0; i < n; i++ {
		for _, sfx := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(work + sfx)
		}
		copyFile(base, work)
		cmd := exec.Command(bin, "import", "--db", work, big, md)
		if err := cmd.Start(); err != nil {
			return err
		}
		time.Sleep(time.Duration(rand.Int64N(int64(length) * 13 / 10))) // a third of the kills fall after the commit
		cmd.Process.Kill()
		cmd.Wait()
		got, logGot, err := content(work)
		switch {
		case err != nil:
			failures = append(failures, fmt.Sprintf("run %d: %v", i+1, err))
		case got == before && logGot == logBefore:
			nothing++
		case got == after && logGot == logAfter:
			all++
		default:
			failures = append(failures, fmt.Sprintf("run %d: the database is neither as before nor as after the import", i+1))
		}
	}
	fmt.Printf("%d killed imports: %d left nothing, %d left all, %d failed the checks (%v)\n", n, nothing, all, len(failures), time.Since(start).Round(time.Second))
	for _, f := range failures {
		fmt.Println("  " + f)
	}
	if len(failures) > 0 {
		return errors.New("some killed imports left a damaged or half-written database")
	}
	return nil
}

// probe is one info or gaps run during the imports.
type probe struct {
	what string
	took time.Duration
	ok   bool
}

func concurrent(dir, bin string, rows int) error {
	db := filepath.Join(dir, "c.db")
	if out, err := run(bin, "init", "--db", db, "--name", "Samtidaby"); err != nil {
		return fmt.Errorf("init: %v %s", err, out)
	}
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	if err := writeBudget(a, "Område A", rows); err != nil {
		return err
	}
	if err := writeBudget(b, "Område B", rows); err != nil {
		return err
	}
	type result struct {
		took time.Duration
		out  string
		err  error
	}
	results := make([]result, 2)
	var wg sync.WaitGroup
	done := make(chan struct{})
	for i, file := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 500 * time.Millisecond)
			t0 := time.Now()
			out, err := run(bin, "import", "--db", db, file)
			results[i] = result{time.Since(t0), out, err}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	var probes []probe
	time.Sleep(time.Second)
loop:
	for {
		for _, args := range [][]string{{"info", "--db", db}, {"gaps", "--db", db}} {
			t0 := time.Now()
			out, err := run(bin, args...)
			ok := err == nil || strings.Contains(out, "inga uppgifter ännu") // gaps before the first import has committed
			probes = append(probes, probe{args[0], time.Since(t0), ok && !strings.Contains(out, "SQLITE") && !strings.Contains(out, "locked")})
		}
		select {
		case <-done:
			break loop
		case <-time.After(300 * time.Millisecond):
		}
	}
	for i, r := range results {
		status := "exit 0"
		if r.err != nil {
			status = r.err.Error()
		}
		waited := strings.Contains(r.out, "Väntar på en annan import")
		fmt.Printf("import %d (%d rows): %v, %s, said it waits: %v\n", i+1, rows, r.took.Round(time.Millisecond), status, waited)
		if r.err != nil {
			fmt.Println(r.out)
		}
	}
	for _, what := range []string{"info", "gaps"} {
		var ts []time.Duration
		failed := 0
		for _, p := range probes {
			if p.what != what {
				continue
			}
			ts = append(ts, p.took)
			if !p.ok {
				failed++
			}
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		if len(ts) == 0 {
			continue
		}
		fmt.Printf("%s during the imports: %d runs, %d failed, median %v, slowest %v\n", what, len(ts), failed,
			ts[len(ts)/2].Round(time.Millisecond), ts[len(ts)-1].Round(time.Millisecond))
		if failed > 0 {
			return fmt.Errorf("%s failed during the imports", what)
		}
	}
	if results[0].err != nil || results[1].err != nil {
		return errors.New("an import failed")
	}
	return nil
}
