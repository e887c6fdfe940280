package ingest

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/text"
)

// tableState follows one table — a CSV file, an XLSX sheet — from its
// header to its last row.
type tableState struct {
	imp      *importer
	file     *fileState
	sheet    string
	sum      *Summary
	nameKind Kind // what the file or sheet name says, if anything
	fallback Kind // what the workbook's name says, for its sheets
	kind     Kind
	hdr      *header
	width    int // the header row's width
	excel    bool
	date1904 bool
	// fieldLines gives each field its own line (Markdown front matter).
	fieldLines []int
	periods    map[string]data.Period
	// before the header
	seen       int
	firstLine  int
	firstCells string
	// once per table
	warnedAccount map[string]bool
	accounts      map[string]data.Account // as written → key
	stopped       bool
}

// headerSearch is how many non-empty rows may stand above the header
// (a title, a date, an empty line).
const headerSearch = 10

func (imp *importer) newTable(f *fileState, sheet string, nameKind, fallback Kind, excel, date1904 bool) *tableState {
	return &tableState{imp: imp, file: f, sheet: sheet, nameKind: nameKind, fallback: fallback, excel: excel,
		date1904: date1904, periods: map[string]data.Period{}, warnedAccount: map[string]bool{},
		accounts: map[string]data.Account{}}
}

// problem records an error or warning at a row and field (fieldIdx -1 for
// the whole row).
func (t *tableState) problem(isErr bool, line, fieldIdx int, column, value, key string, args ...any) {
	p := Problem{File: t.file.display, Sheet: t.sheet, Line: line, Column: column, Value: shortValue(value), Key: key, Args: args}
	if t.excel && fieldIdx >= 0 && line > 0 {
		if name, err := excelize.ColumnNumberToName(fieldIdx + 1); err == nil {
			p.Cell = name + itoa(line)
		}
	}
	t.imp.record(t.file, t.sum, isErr, p)
	if t.file.capped {
		t.stopped = true
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func blank(cells []string) bool {
	for _, c := range cells {
		if trimSpaces(c) != "" {
			return false
		}
	}
	return true
}

// consume takes one record; it returns false when the table should not
// be read further.
func (t *tableState) consume(line int, cells []string) bool {
	if t.stopped {
		return false
	}
	if blank(cells) {
		return true
	}
	if t.hdr == nil {
		return t.findHeader(line, cells)
	}
	t.sum.Rows++
	r := rowCtx{t: t, line: line, cells: cells}
	for i := t.width; i < len(cells); i++ {
		if trimSpaces(cells[i]) != "" {
			if t.excel {
				t.problem(false, line, i, "", cells[i], "import.warn.extra_cell")
			} else {
				t.problem(true, line, -1, "", "", "import.err.extra_fields", len(cells), t.width)
				return !t.stopped
			}
			break
		}
	}
	if isExample(r.get(colArea)) { // counted in the summary, not warned about
		t.sum.Rows--
		t.sum.Skipped++
		return true
	}
	switch t.kind {
	case KindBudget:
		r.budget()
	case KindPlacements:
		r.placement()
	case KindMeasures:
		r.measure()
	case KindNarratives:
		r.narrative()
	case KindDelegation:
		r.delegation()
	}
	return !t.stopped
}

// isExample tells the template's example rows, whose område starts with
// "Exempel".
func isExample(area string) bool {
	return len(area) >= 7 && (area[0] == 'E' || area[0] == 'e') && strings.HasPrefix(text.Fold(area), "exempel")
}

// findHeader looks for the header among the first non-empty rows and
// decides the kind; it stops the table when it cannot.
func (t *tableState) findHeader(line int, cells []string) bool {
	t.seen++
	if t.seen == 1 {
		t.firstLine, t.firstCells = line, (&header{}).found(cells)
	}
	h := mapHeader(cells, line)
	if !h.looksLikeHeader() {
		if t.seen >= headerSearch {
			t.noHeader()
			return false
		}
		return true
	}
	kind := t.nameKind
	if kind == "" {
		var ok bool
		if kind, ok = h.kind(); !ok {
			kind = t.fallback
		}
	}
	if kind == "" {
		kind = h.guess() // the kind the columns come closest to; its missing columns are then named
	}
	if kind == "" {
		if t.excel {
			t.noHeader()
		} else {
			t.stopped = true
			t.problem(true, line, -1, "", "", "import.err.no_kind", h.found(cells))
		}
		return false
	}
	return t.useHeader(line, cells, h, kind)
}

// useHeader takes a header row for a kind, checks its columns and opens
// the table's summary.
func (t *tableState) useHeader(line int, cells []string, h *header, kind Kind) bool {
	t.kind, t.hdr = kind, h
	t.sum = &Summary{File: t.file.display, Sheet: t.sheet, Kind: kind}
	t.imp.rep.Summaries = append(t.imp.rep.Summaries, t.sum)
	for i := len(cells); i > 0; i-- {
		if trimSpaces(cells[i-1]) != "" {
			t.width = i
			break
		}
	}
	for i, pair := range h.dups {
		t.problem(true, line, -1, "", "", "import.err.duplicate_column", pair[0], pair[1], h.dupCol[i].String())
	}
	if miss := h.missing(kind); len(miss) > 0 {
		t.problem(true, line, -1, "", "", "import.err.missing_columns", msg("import.kind."+string(kind)),
			strings.Join(miss, ", "), h.found(cells))
		t.stopped = true
		return false
	}
	for _, u := range append(h.unknown, h.unused(kind)...) {
		t.problem(false, line, -1, u, "", "import.warn.unknown_column")
	}
	for c := column(0); c < numColumns; c++ {
		if h.has(c) && c.isMoney() && h.unit[c] != unitTkr {
			t.problem(false, line, -1, h.name[c], "", "import.warn.money_unit", unitName(h.unit[c]))
		}
	}
	if len(h.dups) > 0 {
		t.stopped = true
		return false
	}
	return true
}

func (t *tableState) noHeader() {
	t.stopped = true
	if t.excel {
		t.problem(true, 0, -1, "", "", "import.err.unknown_shape", t.firstCells)
		return
	}
	t.problem(true, t.firstLine, -1, "", "", "import.err.no_header", t.firstCells)
}

// finish writes what is pending and notes a table without rows.
func (t *tableState) finish() error {
	if t.hdr == nil {
		switch {
		case t.stopped:
		case t.seen > 0: // rows, but none a header
			t.noHeader()
		case !t.excel: // an empty sheet is no table; an empty file is an error
			t.problem(true, 0, -1, "", "", "import.err.empty")
		}
		return nil
	}
	if err := t.imp.sink.flush(t.sum); err != nil {
		return err
	}
	if t.sum.Rows == 0 && t.sum.Skipped == 0 && t.sum.Errors == 0 {
		t.problem(false, 0, -1, "", "", "import.warn.no_rows")
	}
	return nil
}

// account reads a konto: a known one by any spelling, or another name
// kept as its folded key with a warning (once per table and name).
func (imp *importer) account(r *rowCtx, cell string) data.Account {
	if a, ok := r.t.accounts[cell]; ok {
		return a
	}
	f := text.Fold(cell)
	if a, ok := accountWords[f]; ok {
		if len(r.t.accounts) < 1000 {
			r.t.accounts[strings.Clone(cell)] = a
		}
		return a
	}
	if !r.t.warnedAccount[f] {
		r.t.warnedAccount[f] = true
		r.t.problem(false, r.line, r.t.hdr.index[colAccount]-1, r.t.hdr.name[colAccount], cell,
			"import.warn.unknown_account", shortValue(cell), f)
	}
	return data.Account(f)
}

// about reads what a narrative is about: a konto or a measure key.
func (imp *importer) about(r *rowCtx, cell string) string {
	f := text.Fold(cell)
	if a, ok := accountWords[f]; ok {
		return string(a)
	}
	if key, ok := imp.sink.measureKey(cell); ok {
		return key
	}
	r.t.problem(false, r.line, r.t.hdr.index[colAbout]-1, r.t.hdr.name[colAbout], cell, "import.warn.about", shortValue(cell), f)
	return f
}
