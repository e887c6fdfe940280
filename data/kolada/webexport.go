package kolada

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The Kolada web site's export is a Latin-1 CSV with ';' between fields
// and municipalities and KPIs in words:
//
//	Kommun/Landsting;Nyckeltal;År;Visat Värde
//	Botkyrka;Kostnad individ- och familjeomsorg, kr/inv;1996;4846
//
// Names become codes through the municipality list; KPI titles become
// ids through the catalogue (the database's and any read in the same
// import). Kolada renames KPIs between vintages ("U. " in front, "år"
// added, "(- 2024)" behind), so a title matches its catalogue entry
// ignoring those, and failing that the one entry whose words are nearly
// all the same; the match is then reported as a warning.

// isWebExportHeader tells the export by its first line.
func isWebExportHeader(content []byte) bool {
	line, _, _ := bytes.Cut(content, []byte("\n"))
	l := strings.ToLower(decodeLatin1(line))
	return strings.Contains(l, ";") && strings.Contains(l, "nyckeltal") && strings.HasPrefix(strings.TrimPrefix(l, "\ufeff"), "kommun")
}

// decodeLatin1 reads UTF-8 when the bytes are UTF-8, else Windows-1252
// (a superset of ISO-8859-1 in its printable range).
func decodeLatin1(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return string(b)
	}
	return string(s)
}

// titleIndex finds KPI ids by title.
type titleIndex struct {
	byKey map[string][]string // normalised title → ids
	words map[string][]string // id → the title's words
	title map[string]string   // id → title as in the catalogue
	seen  map[string]kpiMatch // lookups done: an export repeats few titles
}

func newTitleIndex(kpis map[string]KPI) *titleIndex {
	ix := &titleIndex{byKey: map[string][]string{}, words: map[string][]string{}, title: map[string]string{}, seen: map[string]kpiMatch{}}
	ids := make([]string, 0, len(kpis))
	for id := range kpis {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		k := kpis[id]
		if k.Title == "" {
			continue
		}
		key := titleKey(k.Title)
		ix.byKey[key] = append(ix.byKey[key], id)
		ix.words[id] = strings.Fields(key)
		ix.title[id] = k.Title
	}
	return ix
}

var (
	kindPrefix = regexp.MustCompile(`^[A-Za-z]\.\s+`)
	// Words that vintages add or drop without changing the KPI.
	fillerWords = map[string]bool{"år": true}
)

// titleKey is a title reduced to its words.
func titleKey(title string) string {
	t := kindPrefix.ReplaceAllString(strings.TrimSpace(title), "")
	t = yearNote.ReplaceAllString(t, "")
	var words []string
	for _, w := range strings.Fields(nameKey(t)) {
		if !fillerWords[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// kpiMatch is how a title was resolved.
type kpiMatch struct {
	id         string
	approx     bool   // matched on most words, not all
	suggestion string // when not matched: the closest title
	ambiguous  []string
}

// lookup resolves a title.
func (ix *titleIndex) lookup(title string) kpiMatch {
	if m, ok := ix.seen[title]; ok {
		return m
	}
	m := ix.match(title)
	ix.seen[title] = m
	return m
}

func (ix *titleIndex) match(title string) kpiMatch {
	key := titleKey(title)
	if ids := ix.byKey[key]; len(ids) == 1 {
		return kpiMatch{id: ids[0]}
	} else if len(ids) > 1 {
		return kpiMatch{ambiguous: ids}
	}
	words := strings.Fields(key)
	bestID, best, second := "", 0.0, 0.0
	for id, w := range ix.words {
		s := jaccard(words, w)
		switch {
		case s > best || (s == best && id < bestID):
			second = best
			bestID, best = id, s
		case s > second:
			second = s
		}
	}
	// Nearly the same words, and clearly nearer than any other entry: a
	// renamed title. "median" against "medelvärde" stays apart.
	if best >= 0.9 && best-second >= 0.05 {
		return kpiMatch{id: bestID, approx: true}
	}
	if bestID != "" {
		return kpiMatch{suggestion: bestID + " " + ix.title[bestID]}
	}
	return kpiMatch{}
}

func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	set := map[string]int{}
	for _, w := range a {
		set[w] |= 1
	}
	for _, w := range b {
		set[w] |= 2
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	return float64(both) / float64(len(set))
}

// unweighted tells the export's county averages ("Stockholms län (ovägt
// medel)"), which are no municipality's figure and have no Kolada code.
func unweighted(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "ovägt medel") || strings.Contains(l, "vägt medel")
}

// readWebExport reads the export. skipUnknown turns unknown names and
// titles into warnings instead of errors.
func (b *batch) readWebExport(path string, content []byte, names *nameIndex, titles *titleIndex, skipUnknown bool) {
	text := decodeLatin1(content)
	t, err := readCSV([]byte(text), ';')
	if err != nil {
		b.fail(csvProblem(path, err))
		return
	}
	rep := FileReport{Path: path, Format: "webexport"}
	muni, kpiCol, year, value := -1, -1, -1, -1
	for i, h := range t.header {
		switch k := nameKey(h); {
		case strings.HasPrefix(k, "kommun"):
			muni = i
		case strings.HasPrefix(k, "nyckeltal"):
			kpiCol = i
		case k == "år" || k == "ar":
			year = i
		case strings.Contains(k, "värde") || strings.Contains(k, "varde"):
			value = i
		}
	}
	if muni < 0 || kpiCol < 0 || year < 0 || value < 0 {
		b.fail(Problem{File: path, Line: 1, Key: "kolada.err.webexport_header", Value: strings.Join(t.header, ";")})
		return
	}
	unknownMuni, unknownKPI := map[string]bool{}, map[string]bool{}
	matchedApprox := map[string]bool{}
	for i, rec := range t.rows {
		line := t.lines[i]
		name := field(rec, muni)
		if unweighted(name) {
			rep.Skipped++
			continue
		}
		code, suggestion := names.code(name)
		if code == "" {
			if skipUnknown {
				rep.Skipped++
				if !unknownMuni[name] {
					unknownMuni[name] = true
					b.warn(Problem{File: path, Line: line, Column: t.header[muni], Value: name, Key: "kolada.warn.unknown_municipality", Args: []any{suggestion}})
				}
				continue
			}
			// One error per name, at its first line: the rest say the same.
			if !unknownMuni[name] {
				unknownMuni[name] = true
				if !b.fail(Problem{File: path, Line: line, Column: t.header[muni], Value: name, Key: "kolada.err.unknown_municipality", Args: []any{suggestion}}) {
					return
				}
			}
			continue
		}
		title := field(rec, kpiCol)
		m := titles.lookup(title)
		switch {
		case len(m.ambiguous) > 0:
			if !b.fail(Problem{File: path, Line: line, Column: t.header[kpiCol], Value: title, Key: "kolada.err.ambiguous_kpi", Args: []any{strings.Join(m.ambiguous, ", ")}}) {
				return
			}
			continue
		case m.id == "":
			if skipUnknown {
				rep.Skipped++
				if !unknownKPI[title] {
					unknownKPI[title] = true
					b.warn(Problem{File: path, Line: line, Column: t.header[kpiCol], Value: title, Key: "kolada.warn.unknown_kpi", Args: []any{orDash(m.suggestion)}})
				}
				continue
			}
			if !unknownKPI[title] {
				unknownKPI[title] = true
				if !b.fail(Problem{File: path, Line: line, Column: t.header[kpiCol], Value: title, Key: "kolada.err.unknown_kpi", Args: []any{orDash(m.suggestion)}}) {
					return
				}
			}
			continue
		case m.approx && !matchedApprox[title]:
			matchedApprox[title] = true
			b.warn(Problem{File: path, Line: line, Column: t.header[kpiCol], Value: title, Key: "kolada.warn.approx_kpi", Args: []any{m.id, titles.title[m.id]}})
		}
		y, err := strconv.Atoi(field(rec, year))
		if err != nil || y < 1900 || y > 2999 {
			if !b.fail(Problem{File: path, Line: line, Column: t.header[year], Value: field(rec, year), Key: "kolada.err.year"}) {
				return
			}
			continue
		}
		raw := field(rec, value)
		if raw == "" {
			continue
		}
		f, err := strconv.ParseFloat(strings.Replace(strings.ReplaceAll(raw, " ", ""), ",", ".", 1), 64)
		if err != nil {
			if !b.fail(Problem{File: path, Line: line, Column: t.header[value], Value: raw, Key: "kolada.err.number"}) {
				return
			}
			continue
		}
		b.addValue(Value{KPI: m.id, Municipality: code, Year: y, Gender: Total, Value: f})
		rep.Values++
	}
	b.files = append(b.files, rep)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
