package ingest

import (
	"hash/maphash"
	"math"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/text"
)

// sink is the write side of an import: it finds or creates areas, units
// and measures, catches a natural key given twice, and writes rows in
// batches through the bulk upserts.
type sink struct {
	imp *importer
	tx  *data.Tx

	areaByName map[string]int64 // raw name as written → id
	areas      []namedID        // every area, for the near-miss warning
	areaGroup  map[int64]data.TargetGroup
	areaName   map[int64]string
	unitByName map[unitKey]int64
	units      map[int64][]namedID // by area

	measureIdx   map[string]string // folded spelling → measure key
	measureByKey map[string]int64  // key → id
	codes        map[string]int64  // code → id
	measureRaw   map[[2]string]int64
	accountIDs   map[data.Account]uint32       // konto keys as small numbers
	kindIDs      map[data.PlacementKind]uint32 // and insats keys
	measureIDs   map[int64]uint32              // and measure ids

	// Natural keys written in this import, checked for duplicates at the end.
	budgetKeys, placementKeys, measureKeys keyLog
	seenNarrative                          map[string]seenAt
	seenDelegation                         map[string]seenAt
	seed                                   maphash.Seed

	pending  *batch      // rows waiting to be written
	inflight chan result // the batch being written, if any
	spare    *batch
}

type namedID struct {
	id     int64
	name   string
	folded string
}

type unitKey struct {
	area int64
	name string
}

type seenAt struct {
	table uint32 // index into importer.tables
	line  uint32
	hash  uint64
}

// checkKeys reports natural keys given more than once in this import.
func (s *sink) checkKeys() {
	for _, k := range []*keyLog{&s.budgetKeys, &s.placementKeys, &s.measureKeys} {
		k.check(s.imp)
	}
}

func newSink(imp *importer, tx *data.Tx) *sink {
	return &sink{imp: imp, tx: tx,
		areaByName: map[string]int64{}, areaGroup: map[int64]data.TargetGroup{}, areaName: map[int64]string{},
		unitByName: map[unitKey]int64{}, units: map[int64][]namedID{},
		measureIdx: map[string]string{}, measureByKey: map[string]int64{}, codes: map[string]int64{},
		measureRaw: map[[2]string]int64{}, accountIDs: map[data.Account]uint32{}, kindIDs: map[data.PlacementKind]uint32{},
		measureIDs: map[int64]uint32{},
		budgetKeys: keyLog{what: "import.key.budget"}, placementKeys: keyLog{what: "import.key.placeringar"},
		measureKeys:   keyLog{what: "import.key.matt"},
		seenNarrative: map[string]seenAt{}, seenDelegation: map[string]seenAt{}, seed: maphash.MakeSeed(), pending: &batch{}}
}

// load reads the names already in the database.
func (s *sink) load() error {
	areas, units, measures, err := s.tx.Names()
	if err != nil {
		return err
	}
	for _, a := range areas {
		s.areas = append(s.areas, namedID{id: a.ID, name: a.Name, folded: text.Fold(a.Name)})
		s.areaGroup[a.ID] = a.Group
		s.areaName[a.ID] = a.Name
	}
	for _, u := range units {
		s.units[u.AreaID] = append(s.units[u.AreaID], namedID{id: u.ID, name: u.Name, folded: text.Fold(u.Name)})
	}
	for _, m := range measures {
		s.indexMeasure(m.ID, m.Key, m.Code, m.Name)
	}
	return nil
}

// indexMeasure makes a measure findable by its key, its key without a unit
// suffix, and its display name with or without its unit.
func (s *sink) indexMeasure(id int64, key, code, name string) {
	s.measureByKey[key] = id
	if code != "" {
		s.codes[code] = id
	}
	for _, form := range measureForms(key, name) {
		if _, taken := s.measureIdx[form]; !taken {
			s.measureIdx[form] = key
		}
	}
}

func measureForms(key, name string) []string {
	k1, _ := foldName(key)
	n1, _ := foldName(name)
	return []string{key, text.Fold(key), k1, text.Fold(name), n1}
}

// measureKey finds a measure by any of its spellings.
func (s *sink) measureKey(name string) (string, bool) {
	if k, ok := s.measureIdx[text.Fold(name)]; ok {
		return k, true
	}
	base, _ := foldName(name)
	k, ok := s.measureIdx[base]
	return k, ok
}

// area finds or creates an area; a new name close to an existing one is
// a warning naming the existing area, so a typo does not split an area
// silently.
func (s *sink) area(r *rowCtx, name string) (int64, bool) {
	if id, ok := s.areaByName[name]; ok {
		return id, true
	}
	id := s.tx.FindArea(name)
	if id == 0 {
		clean := data.CleanName(name)
		group := groupFromName(clean)
		var created bool
		var err error
		s.wait()
		id, created, err = s.tx.EnsureArea(clean, group)
		if err != nil {
			r.fail(colArea, name, "import.err.db", errText(err))
			return 0, false
		}
		if created {
			r.t.sum.AreasCreated++
			f := text.Fold(clean)
			for _, a := range s.areas {
				if similar(f, a.folded) {
					r.t.problem(false, r.line, r.t.hdr.index[colArea]-1, r.t.hdr.name[colArea], clean, "import.warn.similar_area", clean, a.name)
					break
				}
			}
			s.areas = append(s.areas, namedID{id: id, name: clean, folded: f})
			s.areaGroup[id] = group
			s.areaName[id] = clean
		}
	}
	if len(s.areaByName) < 100_000 {
		s.areaByName[strings.Clone(name)] = id
	}
	return id, true
}

// unit finds or creates a unit of an area; an empty name is the area itself.
func (s *sink) unit(r *rowCtx, area int64, name string) (int64, bool) {
	if name == "" {
		return 0, true
	}
	k := unitKey{area, name}
	if id, ok := s.unitByName[k]; ok {
		return id, true
	}
	id := s.tx.FindUnit(area, name)
	if id == 0 {
		clean := data.CleanName(name)
		var created bool
		var err error
		s.wait()
		id, created, err = s.tx.EnsureUnit(area, clean)
		if err != nil {
			r.fail(colUnit, name, "import.err.db", errText(err))
			return 0, false
		}
		if created {
			r.t.sum.UnitsCreated++
			f := text.Fold(clean)
			for _, u := range s.units[area] {
				if similar(f, u.folded) {
					r.t.problem(false, r.line, r.t.hdr.index[colUnit]-1, r.t.hdr.name[colUnit], clean, "import.warn.similar_unit", clean, s.areaName[area], u.name)
					break
				}
			}
			s.units[area] = append(s.units[area], namedID{id: id, name: clean, folded: f})
		}
	}
	if len(s.unitByName) < 100_000 {
		s.unitByName[unitKey{area, strings.Clone(name)}] = id
	}
	return id, true
}

func (s *sink) scope(r *rowCtx, area, unit string) (data.Scope, bool) {
	a, ok := s.area(r, area)
	if !ok {
		return data.Scope{}, false
	}
	u, ok := s.unit(r, a, unit)
	return data.Scope{AreaID: a, UnitID: u}, ok
}

// duplicate reports a narrative whose key came before in this import.
func (s *sink) duplicate(r *rowCtx, prev seenAt, hash uint64, what string) {
	at := seenAt{table: r.t.file.tableIdx(r.t), line: uint32(r.line)}
	if prev.hash == hash {
		r.t.sum.Unchanged++
	}
	s.imp.reportDuplicate(prev, at, prev.hash == hash, what)
}

func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xbf58476d1ce4e5b9
	return h ^ (h >> 31)
}

func optMoney(m *data.Money) uint64 {
	if m == nil {
		return 1<<63 - 1
	}
	return uint64(*m)
}

func optInt(n *int) uint64 {
	if n == nil {
		return 1<<63 - 1
	}
	return uint64(*n)
}

func optFloat(f *float64) uint64 {
	if f == nil {
		return 0x7ff8dead00000000
	}
	return math.Float64bits(*f)
}

func (s *sink) budget(r *rowCtx, area, unit string, row data.BudgetRow) {
	sc, ok := s.scope(r, area, unit)
	if !ok {
		return
	}
	row.Scope = sc
	what, ok := s.accountIDs[row.Account]
	if !ok {
		what = uint32(len(s.accountIDs) + 1)
		s.accountIDs[row.Account] = what
	}
	h := mix(mix(mix(1, uint64(row.Budget)), optMoney(row.Outcome)), optMoney(row.Forecast))
	s.budgetKeys.add(r, sc, row.Period, what, h)
	s.pending.budgets = append(s.pending.budgets, row)
	if len(s.pending.budgets) >= batchSize {
		s.flushAsync(r.t.sum)
	}
}

func (s *sink) placement(r *rowCtx, area, unit string, row data.PlacementRow) {
	sc, ok := s.scope(r, area, unit)
	if !ok {
		return
	}
	row.Scope = sc
	if row.TargetGroup == "" {
		row.TargetGroup = s.areaGroup[sc.AreaID]
		if row.TargetGroup == "" {
			row.TargetGroup = groupFromName(s.areaName[sc.AreaID])
		}
		if row.TargetGroup == "" {
			r.fail(colGroup, "", "import.err.no_group", s.areaName[sc.AreaID])
			return
		}
	}
	what, ok := s.kindIDs[row.Kind]
	if !ok {
		what = uint32(len(s.kindIDs) + 1)
		s.kindIDs[row.Kind] = what
	}
	h := mix(mix(mix(mix(mix(mix(2, uint64(row.Ongoing)), optInt(row.Started)), optInt(row.Ended)), optInt(row.CareDays)),
		optMoney(row.Cost)), maphash.String(s.seed, string(row.TargetGroup)))
	s.placementKeys.add(r, sc, row.Period, what, h)
	s.pending.placements = append(s.pending.placements, row)
	if len(s.pending.placements) >= batchSize {
		s.flushAsync(r.t.sum)
	}
}

func (s *sink) measure(r *rowCtx, area, unit, name, code string, row data.MeasureRow) {
	sc, ok := s.scope(r, area, unit)
	if !ok {
		return
	}
	row.Scope = sc
	id, ok := s.measureID(r, name, code, row.Direction)
	if !ok {
		return
	}
	row.MeasureID = id
	if row.ReportedName == "" {
		row.ReportedName = code
	}
	h := mix(mix(mix(mix(3, math.Float64bits(row.Value)), optFloat(row.Target)),
		maphash.String(s.seed, string(row.Direction))), maphash.String(s.seed, string(row.Status)))
	what, ok := s.measureIDs[id]
	if !ok {
		what = uint32(len(s.measureIDs) + 1)
		s.measureIDs[id] = what
	}
	s.measureKeys.add(r, sc, row.Period, what, h)
	s.pending.measures = append(s.pending.measures, row)
	if len(s.pending.measures) >= batchSize {
		s.flushAsync(r.t.sum)
	}
}

// measureID finds the series a row belongs to: by code when the code is
// known, else by name (a known measure or a custom one already in the
// database), else a new custom measure with a warning.
func (s *sink) measureID(r *rowCtx, name, code string, dir data.Direction) (int64, bool) {
	rk := [2]string{name, code}
	if id, ok := s.measureRaw[rk]; ok {
		return id, true
	}
	var def data.MeasureDef
	key, known := s.measureKey(name)
	switch {
	case code != "" && s.codes[code] != 0:
		def = data.MeasureDef{Key: key, Code: code}
	case known:
		def = data.MeasureDef{Key: key, Code: code}
	case name == "":
		r.fail(colCode, code, "import.err.measure_code", shortValue(code))
		return 0, false
	default:
		base, unit := foldName(name)
		key = base
		if unit == "pct" || unit == "procent" {
			key += "_pct"
		}
		if key == "" {
			key = text.Fold(name)
		}
		def = data.MeasureDef{Key: key, Code: code, Name: name, Direction: dir, Aggregation: aggregationFor(name, key)}
	}
	s.wait()
	id, created, err := s.tx.EnsureMeasure(def)
	if err != nil {
		r.fail(colMeasure, name, "import.err.db", errText(err))
		return 0, false
	}
	if created {
		r.t.sum.MeasuresCreated++
		r.t.problem(false, r.line, r.t.hdr.index[colMeasure]-1, r.t.hdr.name[colMeasure], name, "import.warn.custom_measure", name, def.Key)
		s.indexMeasure(id, def.Key, code, name)
	} else if code != "" {
		s.codes[code] = id
	}
	s.measureRaw[[2]string{strings.Clone(name), strings.Clone(code)}] = id
	return id, true
}

// aggregationFor: shares and ratios average over units, counts add up.
func aggregationFor(name, key string) data.Aggregation {
	f := text.Fold(name)
	if strings.Contains(name, "%") || strings.HasSuffix(key, "_pct") || strings.Contains(f, "andel") ||
		strings.Contains(f, "procent") || strings.Contains(f, "per_") {
		return data.AggregateMean
	}
	return data.AggregateSum
}

func (s *sink) narrative(r *rowCtx, area, unit string, n data.Narrative) {
	sc, ok := s.scope(r, area, unit)
	if !ok {
		return
	}
	n.Scope = sc
	if n.Severity == "" {
		n.Severity = data.SeverityMedium
	}
	k := strings.Join([]string{itoa(int(sc.AreaID)), itoa(int(sc.UnitID)), n.Period.String(), string(n.Type), n.Title}, "\x00")
	h := maphash.String(s.seed, strings.Join([]string{string(n.Severity), n.Text, n.Author, n.About}, "\x00"))
	at := seenAt{table: r.t.file.tableIdx(r.t), line: uint32(r.line), hash: h}
	if prev, dup := s.seenNarrative[k]; dup {
		s.duplicate(r, prev, h, "import.key.berattelser")
		return
	}
	s.seenNarrative[k] = at
	if s.imp.failed() {
		return
	}
	s.wait()
	out, err := s.tx.PutNarrative(n)
	if err != nil {
		r.fail(colText, "", "import.err.db", errText(err))
		return
	}
	countOutcome(r.t.sum, out)
}

func countOutcome(sum *Summary, o data.Outcome) {
	switch o {
	case data.New:
		sum.New++
	case data.Changed:
		sum.Changed++
	default:
		sum.Unchanged++
	}
}
