package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/pnr"
)

// Options tune an import.
type Options struct {
	DryRun  bool   // check and count, then roll back
	MaskPNR bool   // store narratives with personnummer masked instead of refusing them
	User    string // for the import log and the reports' audit trail
	// Reopen, when set, is the reason approved reports the import would
	// change are reopened; without it such an import is refused.
	Reopen string
	// Progress, when set, is called as bytes are read: done of total.
	Progress func(done, total int64)
	// MaxErrors is how many errors a file may list before it is given up
	// (default 50); the whole import is refused either way.
	MaxErrors int
	// Now gives the time for the import log (default time.Now).
	Now func() time.Time
}

// ErrRefused: the input has errors (listed in the Report); nothing was written.
var ErrRefused = errors.New("import refused")

var errDryRun = errors.New("dry run")

const (
	defaultMaxErrors = 50
	maxTotalErrors   = 500
	maxWarnings      = 50 // listed per file; all are counted
)

// importer is one import's state, inside its transaction.
type importer struct {
	ctx    context.Context
	opts   Options
	rep    *Report
	sink   *sink
	tables []tableRef
	dbErr  error
	at     string // when, for the import log
	run    int64  // the import run, once logged
	// progress
	total, done, reported int64
}

type tableRef struct {
	file  *fileState
	sheet string
	sum   *Summary
}

// fileState is one file being read.
type fileState struct {
	path, display string
	inFolder      bool // found by searching a folder, not named
	size          int64
	hash          hash.Hash
	errors        int
	warnings      int
	capped        bool
	tableIdxs     map[*tableState]uint32
}

func (f *fileState) tableIdx(t *tableState) uint32 {
	if i, ok := f.tableIdxs[t]; ok {
		return i
	}
	i := uint32(len(t.imp.tables))
	t.imp.tables = append(t.imp.tables, tableRef{file: f, sheet: t.sheet, sum: t.sum})
	f.tableIdxs[t] = i
	return i
}

func (imp *importer) failed() bool { return len(imp.rep.Errors) > 0 }

// record files a problem under its file, minding the caps.
func (imp *importer) record(f *fileState, sum *Summary, isErr bool, p Problem) {
	if isErr {
		if sum != nil {
			sum.Errors++
		}
		f.errors++
		if f.capped {
			return
		}
		if f.errors > imp.maxErrors() || len(imp.rep.Errors) >= maxTotalErrors {
			f.capped = true
			imp.rep.Truncated = true
			imp.rep.Errors = append(imp.rep.Errors, Problem{File: f.display, Key: "import.err.too_many", Args: []any{imp.maxErrors()}})
			return
		}
		imp.rep.Errors = append(imp.rep.Errors, p)
		return
	}
	if sum != nil {
		sum.Warnings++
	}
	f.warnings++
	if f.warnings <= maxWarnings {
		imp.rep.Warnings = append(imp.rep.Warnings, p)
	} else if f.warnings == maxWarnings+1 {
		imp.rep.Warnings = append(imp.rep.Warnings, Problem{File: f.display, Key: "import.warn.more"})
	}
}

func (imp *importer) maxErrors() int {
	if imp.opts.MaxErrors > 0 {
		return imp.opts.MaxErrors
	}
	return defaultMaxErrors
}

// Import reads the files and folders in paths into the store in one
// transaction. It returns ErrRefused when the input has errors (the
// report lists them and nothing is written), another error when the
// database failed, and nil otherwise — with DryRun, after rolling back.
func Import(ctx context.Context, store *data.Store, paths []string, opts Options) (*Report, error) {
	start := time.Now()
	opts.User = store.AuditName(opts.User) // over SSH, the connected person
	opts.User, _ = pnr.Mask(opts.User)     // --user goes into the import log
	rep := &Report{DryRun: opts.DryRun}
	imp := &importer{ctx: ctx, opts: opts, rep: rep}
	files := imp.expand(paths)
	if len(files) == 0 && len(rep.Errors) == 0 {
		rep.Errors = append(rep.Errors, Problem{File: strings.Join(paths, ", "), Key: "import.err.no_files"})
	}
	if !rep.OK() {
		rep.Duration = time.Since(start)
		return rep, ErrRefused
	}
	for _, f := range files {
		imp.total += f.size
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	imp.at = now().UTC().Format(time.RFC3339)
	err := store.WriteBulk(ctx, func(tx *data.Tx) error {
		// Recorded so that `beredning imports undo` can take it back.
		run, err := tx.BeginImport(imp.at, opts.User)
		if err != nil {
			return err
		}
		tx.CheckNarrative = func(n data.Narrative) error {
			if pnr.Contains(n.Title) || pnr.Contains(n.Text) || pnr.Contains(n.Author) {
				return errors.New("narrative holds a personnummer")
			}
			return nil
		}
		imp.sink = newSink(imp, tx)
		defer imp.sink.wait() // never leave a batch writing when the transaction ends
		if err := imp.sink.load(); err != nil {
			return err
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := imp.readFile(f); err != nil {
				return err
			}
			if imp.dbErr != nil {
				return imp.dbErr
			}
			if len(rep.Errors) >= maxTotalErrors {
				break
			}
		}
		imp.sink.wait()
		if imp.dbErr != nil {
			return imp.dbErr
		}
		imp.sink.checkKeys()
		if !rep.OK() {
			return ErrRefused
		}
		if err := imp.submitReports(tx, files); err != nil {
			return err
		}
		if err := imp.log(tx, files); err != nil {
			return err
		}
		imp.run = run
		if opts.DryRun {
			return errDryRun
		}
		return nil
	})
	rep.Duration = time.Since(start)
	imp.sortProblems(files)
	switch {
	case errors.Is(err, ErrRefused):
		return rep, ErrRefused
	case errors.Is(err, errDryRun):
		return rep, nil
	case err != nil:
		return rep, err
	}
	rep.Committed = true
	rep.Run = imp.run
	return rep, nil
}

// sortProblems orders errors and warnings by file (in the order files
// were read), sheet and line; a file's "too many errors" note comes last.
func (imp *importer) sortProblems(files []*fileState) {
	fileRank := map[string]int{}
	for i, f := range files {
		fileRank[f.display] = i
	}
	sheetRank := map[[2]string]int{}
	for i, s := range imp.rep.Summaries {
		k := [2]string{s.File, s.Sheet}
		if _, ok := sheetRank[k]; !ok {
			sheetRank[k] = i
		}
	}
	last := func(p Problem) int {
		if p.Key == "import.err.too_many" {
			return 1
		}
		return 0
	}
	for _, ps := range [][]Problem{imp.rep.Errors, imp.rep.Warnings} {
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if fa, fb := fileRank[a.File], fileRank[b.File]; fa != fb {
				return fa < fb
			}
			if sa, sb := sheetRank[[2]string{a.File, a.Sheet}], sheetRank[[2]string{b.File, b.Sheet}]; sa != sb {
				return sa < sb
			}
			if la, lb := last(a), last(b); la != lb {
				return la < lb
			}
			return a.Line < b.Line
		})
	}
}

// expand lists the files of paths: files as given, folders searched (and
// their subfolders) for CSV, XLSX and Markdown files. Hidden files and
// Excel's lock files are passed over.
func (imp *importer) expand(paths []string) []*fileState {
	var out []*fileState
	seen := map[string]bool{}
	add := func(path, display string) {
		// A file name may carry a personal number ("utredning 811218-9876.csv"):
		// the report, the import log and info show it masked.
		display, _ = pnr.Mask(display)
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		if seen[abs] {
			return
		}
		seen[abs] = true
		st, err := os.Stat(path)
		if err == nil && !st.IsDir() {
			// Every file that cannot be read is listed now, beside a
			// folder that cannot be, not only the first problem found.
			var f *os.File
			if f, err = os.Open(path); err == nil {
				f.Close()
			}
		}
		if err != nil {
			imp.rep.Errors = append(imp.rep.Errors, Problem{File: display, Key: "import.err.open", Args: []any{errText(err)}})
			return
		}
		out = append(out, &fileState{path: path, display: display, size: st.Size(), tableIdxs: map[*tableState]uint32{}})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			imp.rep.Errors = append(imp.rep.Errors, Problem{File: p, Key: "import.err.open", Args: []any{errText(err)}})
			continue
		}
		if !st.IsDir() {
			add(p, p)
			continue
		}
		var found []string
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				imp.rep.Errors = append(imp.rep.Errors, Problem{File: path, Key: "import.err.open", Args: []any{errText(err)}})
				return nil
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if importableExt[strings.ToLower(filepath.Ext(name))] {
				found = append(found, path)
			} else {
				imp.rep.Warnings = append(imp.rep.Warnings, Problem{File: path, Key: "import.warn.skipped_file"})
			}
			return nil
		})
		sort.Strings(found)
		for _, f := range found {
			add(f, f)
			if len(out) > 0 && out[len(out)-1].path == f {
				out[len(out)-1].inFolder = true
			}
		}
	}
	return out
}

func errText(err error) errArg { return errArg{err} }

// errArg is an error as a message argument: rendered by lang.Err in the
// reader's language ("åtkomst nekad", not "permission denied"; no SQLite
// or Go text).
type errArg struct{ err error }

// progressReader counts bytes for the progress report and hashes them.
type progressReader struct {
	r   io.Reader
	imp *importer
	h   hash.Hash
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.h.Write(b[:n])
		p.imp.advance(int64(n))
	}
	return n, err
}

func (imp *importer) advance(n int64) {
	imp.done += n
	if imp.opts.Progress != nil && (imp.done-imp.reported >= 256<<10 || imp.done == imp.total) {
		imp.reported = imp.done
		imp.opts.Progress(imp.done, imp.total)
	}
}

// readFile reads one file by what it turns out to be.
func (imp *importer) readFile(f *fileState) error {
	fh, err := os.Open(f.path)
	if err != nil {
		imp.record(f, nil, true, Problem{File: f.display, Key: "import.err.open", Args: []any{errText(err)}})
		return nil
	}
	defer fh.Close()
	head := make([]byte, 8192)
	n, err := io.ReadFull(fh, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		imp.record(f, nil, true, Problem{File: f.display, Key: "import.err.open", Args: []any{errText(err)}})
		return nil
	}
	head = head[:n]
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return err
	}
	f.hash = sha256.New()
	before := imp.done
	defer func() { // a file read only in part still counts as done
		imp.advance(before + f.size - imp.done)
	}()
	fail := func(key string, args ...any) error {
		imp.record(f, nil, true, Problem{File: f.display, Key: key, Args: args})
		return nil
	}
	switch sniff(f.path, head) {
	case typeEmpty:
		return fail("import.err.empty")
	case typeXLS:
		return fail("import.err.xls")
	case typeBinary:
		return fail("import.err.binary")
	case typeXLSX:
		return imp.readXLSX(f, &progressReader{r: fh, imp: imp, h: f.hash})
	case typeMarkdown:
		return imp.readMarkdown(f, &progressReader{r: fh, imp: imp, h: f.hash})
	}
	return imp.readCSV(f, &progressReader{r: fh, imp: imp, h: f.hash})
}

func (imp *importer) readCSV(f *fileState, r io.Reader) error {
	ts, err := openText(r)
	if err != nil {
		imp.record(f, nil, true, Problem{File: f.display, Key: "import.err.open", Args: []any{errText(err)}})
		return nil
	}
	base := strings.TrimSuffix(filepath.Base(f.path), filepath.Ext(f.path))
	nameKind, _ := kindFromName(base)
	t := imp.newTable(f, "", nameKind, "", false, false)
	cr := &csvReader{br: ts.r, sep: ts.sep, delim: ts.delim, maxRecord: defaultMaxRecord, enc: ts.enc, line: ts.lines}
	for {
		fields, line, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ce *csvError
			if !errors.As(err, &ce) {
				t.problem(true, 0, -1, "", "", "import.err.open", errText(err))
				break
			}
			t.problem(true, ce.line, -1, "", "", ce.key, ce.args...)
			if ce.fatal || t.stopped {
				break
			}
			continue
		}
		if !t.consume(line, fields) {
			break
		}
		if imp.dbErr != nil {
			return imp.dbErr
		}
	}
	if err := t.finish(); err != nil {
		return err
	}
	// Read to the end so the file's hash is whole.
	io.Copy(io.Discard, r)
	return nil
}

// log records each file and kind in the import log.
func (imp *importer) log(tx *data.Tx, files []*fileState) error {
	at := imp.at
	type fk struct {
		file string
		kind Kind
	}
	byKey := map[fk]*data.ImportLogEntry{}
	var order []fk
	hashes := map[string]string{}
	for _, f := range files {
		if f.hash != nil {
			hashes[f.display] = hex.EncodeToString(f.hash.Sum(nil))
			imp.rep.Files = append(imp.rep.Files, FileInfo{Path: f.display, Size: f.size, SHA256: hashes[f.display]})
		}
	}
	for _, s := range imp.rep.Summaries {
		k := fk{s.File, s.Kind}
		e, ok := byKey[k]
		if !ok {
			e = &data.ImportLogEntry{At: at, User: imp.opts.User, File: s.File, SHA256: hashes[s.File], Kind: string(s.Kind)}
			byKey[k] = e
			order = append(order, k)
		}
		e.New += s.New
		e.Changed += s.Changed
		e.Unchanged += s.Unchanged
		e.AreasCreated += s.AreasCreated
		e.UnitsCreated += s.UnitsCreated
		e.Warnings += s.Warnings
		e.Masked += s.Masked
	}
	for _, k := range order {
		if err := tx.LogImport(*byKey[k]); err != nil {
			return err
		}
	}
	return nil
}
