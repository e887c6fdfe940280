package kolada

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
)

// Options steer an import.
type Options struct {
	DryRun      bool   // check and count, write nothing
	SkipUnknown bool   // web export: skip unknown names and titles with a warning
	User        string // for the import log
}

// Report is what an import did, or why it did nothing.
type Report struct {
	Files                   []FileReport
	Problems                []Problem // errors and warnings, in reading order
	KPIs                    int       // catalogue entries read
	Municipalities          int       // names read
	Values                  int       // distinct values read
	New, Changed, Unchanged int
	DryRun                  bool
}

// Refused tells whether errors stopped the import (nothing was written).
func (r Report) Refused() bool {
	for _, p := range r.Problems {
		if !p.Warning {
			return true
		}
	}
	return false
}

// errRollback ends a dry run's transaction without writing.
var errRollback = errors.New("dry run")

// Import reads Kolada files and folders, recognising each by its content,
// and stores them in one transaction: any error and nothing is written.
func Import(ctx context.Context, s *data.Store, paths []string, opts Options) (Report, error) {
	b := newBatch()
	hash := sha256.New()
	var webExports []string
	contents := map[string][]byte{}
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			b.fail(Problem{File: p, Key: readReason(err)})
			continue
		}
		for _, f := range files {
			content, err := os.ReadFile(f)
			if err != nil {
				b.fail(Problem{File: f, Key: readReason(err)})
				continue
			}
			hash.Write(content)
			switch {
			case looksLikeJSON(content):
				b.readAPIFile(f, content)
			case isWebExportHeader(content):
				// Titles resolve against the whole catalogue, so exports
				// are read after every other file of the import.
				webExports = append(webExports, f)
				contents[f] = content
			default:
				b.readCSVFile(f, content)
			}
		}
	}
	if len(webExports) > 0 {
		stored, err := storedKPIs(ctx, s.DB())
		if err != nil {
			return Report{}, err
		}
		for id, k := range b.kpis {
			stored[id] = k
		}
		var extra []Municipality
		for _, m := range b.munis {
			extra = append(extra, m)
		}
		names, titles := newNameIndex(extra), newTitleIndex(stored)
		for _, f := range webExports {
			b.readWebExport(f, contents[f], names, titles, opts.SkipUnknown)
		}
	}
	return b.commit(ctx, s, strings.Join(paths, ", "), hex.EncodeToString(hash.Sum(nil)), opts)
}

// commit stores what a batch read, in one transaction, unless it holds
// errors; label and sha name the source in the import log.
func (b *batch) commit(ctx context.Context, s *data.Store, label, sha string, opts Options) (Report, error) {
	rep := Report{Files: b.files, Problems: b.problems, KPIs: len(b.kpis), Municipalities: len(b.munis), Values: len(b.values), DryRun: opts.DryRun}
	if rep.Refused() {
		return rep, nil
	}
	if len(b.values) == 0 && len(b.kpis) == 0 && len(b.munis) == 0 {
		rep.Problems = append(rep.Problems, Problem{File: label, Key: "kolada.err.nothing"})
		return rep, nil
	}
	err := s.Write(ctx, func(tx *data.Tx) error {
		c, err := writeBatch(tx.SQL(), ctx, b)
		if err != nil {
			return err
		}
		rep.New, rep.Changed, rep.Unchanged = c.New, c.Changed, c.Unchanged
		if opts.DryRun {
			return errRollback
		}
		return tx.LogImport(data.ImportLogEntry{At: time.Now().UTC().Format(time.RFC3339), User: s.AuditName(opts.User),
			File: label, SHA256: sha, Kind: "kolada",
			New: c.New, Changed: c.Changed, Unchanged: c.Unchanged, Warnings: len(rep.Problems)})
	})
	if err != nil && !errors.Is(err, errRollback) {
		return rep, err
	}
	return rep, nil
}

// expand turns a folder into its files: a DDF dataset's in reading order,
// else every .json and .csv file in it.
func expand(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	if isDDFDir(p) {
		return ddfFiles(p)
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".json" || ext == ".csv") {
			out = append(out, filepath.Join(p, e.Name()))
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, errNoKoladaFiles
	}
	return out, nil
}

var errNoKoladaFiles = errors.New("no Kolada files")

// readReason is a read error without Go's wording, as a catalogue key.
func readReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "kolada.reason.missing"
	case errors.Is(err, os.ErrPermission):
		return "kolada.reason.permission"
	case errors.Is(err, errNoKoladaFiles):
		return "kolada.reason.no_files"
	}
	return "kolada.reason.unreadable"
}

// readCSVFile reads a CSV that is not a web export: a DDF file, the KPI
// catalogue or the municipality list.
func (b *batch) readCSVFile(path string, content []byte) {
	base := filepath.Base(path)
	if strings.HasPrefix(base, "ddf--") {
		b.readDDFFile(path, content)
		return
	}
	t, err := readCSV(content, ',')
	if err != nil {
		b.fail(csvProblem(path, err))
		return
	}
	if kind := catalogKind(t.header); kind != "" {
		b.readCatalog(path, t, kind)
		return
	}
	if t.col("geo") >= 0 && t.col("year") >= 0 || t.col("concept") == 0 {
		b.readDDFFile(path, content)
		return
	}
	b.fail(Problem{File: path, Line: 1, Key: "kolada.err.unknown_format", Value: clip(strings.Join(t.header, ","), 80)})
}
