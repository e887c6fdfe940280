package kolada

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The open-numbers DDF layout (Gapminder's "data description format"):
//
//	ddf--concepts.csv                      concept,concept_type,name,description,…,operating_area
//	ddf--entities--geo--kommun.csv         kommun,name,region,…
//	ddf--entities--geo--region.csv         region,name,…
//	ddf--entities--geo--rike.csv           rike,name,…
//	datapoints--by--geo--year/ddf--datapoints--n33816--by--geo--year.csv          geo,year,n33816
//	datapoints--by--geo--gender--year/ddf--datapoints--n33816--by--geo--gender--year.csv  geo,gender,year,n33816
//
// In geo, "0" is Riket and two digits a region; KPI ids are lower case.

// isDDFDir tells a DDF dataset folder by its files.
func isDDFDir(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, "ddf--concepts.csv")); err == nil {
		return true
	}
	m, _ := filepath.Glob(filepath.Join(dir, "datapoints--by--geo*"))
	n, _ := filepath.Glob(filepath.Join(dir, "ddf--datapoints--*.csv"))
	return len(m)+len(n) > 0
}

// ddfFiles lists a DDF folder's files in the order they are read:
// concepts and entities before datapoints, so names are known first.
func ddfFiles(dir string) ([]string, error) {
	var meta, points []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		name := d.Name()
		switch {
		case name == "ddf--concepts.csv", strings.HasPrefix(name, "ddf--entities--geo--"):
			meta = append(meta, p)
		case strings.HasPrefix(name, "ddf--datapoints--") && strings.HasSuffix(name, ".csv"):
			points = append(points, p)
		}
		return nil
	})
	sort.Strings(meta)
	sort.Strings(points)
	return append(meta, points...), err
}

// csvTable is a CSV file read whole, with the line each record starts on.
type csvTable struct {
	header []string
	rows   [][]string
	lines  []int
}

func readCSV(content []byte, sep rune) (*csvTable, error) {
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(content))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	t := &csvTable{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if t.header == nil {
			for i := range rec {
				rec[i] = strings.TrimSpace(rec[i])
			}
			t.header = rec
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	return t, nil
}

func (t *csvTable) col(name string) int {
	for i, h := range t.header {
		if strings.EqualFold(h, name) {
			return i
		}
	}
	return -1
}

func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// readDDFFile reads one file of a DDF dataset, by its header.
func (b *batch) readDDFFile(path string, content []byte) {
	t, err := readCSV(content, ',')
	if err != nil {
		b.fail(csvProblem(path, err))
		return
	}
	rep := FileReport{Path: path, Format: "ddf"}
	switch {
	case t.col("concept") == 0:
		rep.KPIs = b.readDDFConcepts(path, t)
	case len(t.header) > 0 && (t.header[0] == "kommun" || t.header[0] == "region" || t.header[0] == "rike"):
		b.readDDFEntities(path, t)
	case t.col("geo") >= 0 && t.col("year") >= 0:
		rep.Values = b.readDDFPoints(path, t)
	default:
		b.fail(Problem{File: path, Line: 1, Key: "kolada.err.ddf_header", Value: strings.Join(t.header, ",")})
	}
	b.files = append(b.files, rep)
}

func (b *batch) readDDFConcepts(path string, t *csvTable) int {
	id, typ, name, desc, area := t.col("concept"), t.col("concept_type"), t.col("name"), t.col("description"), t.col("operating_area")
	n := 0
	for _, rec := range t.rows {
		if field(rec, typ) != "measure" {
			continue
		}
		kpi, ok := NormalizeKPI(field(rec, id))
		if !ok {
			continue // DDF concepts also hold entity sets and tags
		}
		b.addKPI(KPI{ID: kpi, Title: field(rec, name), Description: field(rec, desc), Area: field(rec, area)})
		n++
	}
	return n
}

func (b *batch) readDDFEntities(path string, t *csvTable) {
	key := t.header[0]
	name := t.col("name")
	kind := "L"
	if key == "kommun" {
		kind = "K"
	}
	for i, rec := range t.rows {
		code, ok := NormalizeCode(field(rec, 0))
		if !ok {
			if !b.fail(Problem{File: path, Line: t.lines[i], Column: key, Value: field(rec, 0), Key: "kolada.err.code"}) {
				return
			}
			continue
		}
		if n := field(rec, name); n != "" {
			b.munis[code] = Municipality{Code: code, Name: printable(n), Kind: kind}
		}
	}
}

func (b *batch) readDDFPoints(path string, t *csvTable) int {
	geo, year, gender := t.col("geo"), t.col("year"), t.col("gender")
	valueCol := -1
	for i := range t.header {
		if i != geo && i != year && i != gender {
			valueCol = i
		}
	}
	kpi, ok := NormalizeKPI(field(t.header, valueCol))
	if valueCol < 0 || !ok {
		b.fail(Problem{File: path, Line: 1, Column: field(t.header, valueCol), Key: "kolada.err.ddf_kpi", Value: strings.Join(t.header, ",")})
		return 0
	}
	if _, known := b.kpis[kpi]; !known {
		b.addKPI(KPI{ID: kpi})
	}
	n := 0
	for i, rec := range t.rows {
		line := t.lines[i]
		if len(rec) != len(t.header) {
			if !b.fail(Problem{File: path, Line: line, Value: strings.Join(rec, ","), Key: "kolada.err.fields", Args: []any{len(rec), len(t.header)}}) {
				return n
			}
			continue
		}
		v, ok := b.parseRow(path, line, kpi, rec, geo, year, gender, valueCol)
		if !ok {
			if b.errs[path] >= maxProblems {
				return n
			}
			continue
		}
		if v != nil {
			b.addValue(*v)
			n++
		}
	}
	return n
}

// parseRow reads one datapoint; a nil value with ok is an empty cell
// (missing, not zero).
func (b *batch) parseRow(path string, line int, kpi string, rec []string, geo, year, gender, valueCol int) (*Value, bool) {
	code, ok := NormalizeCode(field(rec, geo))
	if !ok {
		b.fail(Problem{File: path, Line: line, Column: "geo", Value: field(rec, geo), Key: "kolada.err.code"})
		return nil, false
	}
	y, err := strconv.Atoi(field(rec, year))
	if err != nil || y < 1900 || y > 2999 {
		b.fail(Problem{File: path, Line: line, Column: "year", Value: field(rec, year), Key: "kolada.err.year"})
		return nil, false
	}
	g := Total
	if gender >= 0 {
		if g, ok = NormalizeGender(field(rec, gender)); !ok {
			b.fail(Problem{File: path, Line: line, Column: "gender", Value: field(rec, gender), Key: "kolada.err.gender"})
			return nil, false
		}
	}
	raw := field(rec, valueCol)
	if raw == "" {
		return nil, true
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		b.fail(Problem{File: path, Line: line, Column: strings.ToLower(kpi), Value: raw, Key: "kolada.err.number"})
		return nil, false
	}
	return &Value{KPI: kpi, Municipality: code, Year: y, Gender: g, Value: f}, true
}

func csvProblem(path string, err error) Problem {
	p := Problem{File: path, Key: "kolada.err.csv", Args: []any{err.Error()}}
	if pe, ok := err.(*csv.ParseError); ok {
		p.Line = pe.Line
		p.Args = []any{pe.Err.Error()}
	}
	return p
}
