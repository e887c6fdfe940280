package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/pnr"
	"github.com/beredning/beredning/data/text"
)

// rowCtx reads one data row of a table into typed values, recording a
// located problem for every cell that is wrong, not only the first.
type rowCtx struct {
	t      *tableState
	line   int
	cells  []string
	failed bool
}

// get is a cell's value, trimmed; "" when the column is absent. A name or
// key (område, enhet, konto, mått, …) with a control character is an
// error at its cell: it would reach every screen and export. A
// narrative's rubrik, text and author have theirs removed instead (see
// narrative).
func (r *rowCtx) get(c column) string {
	i := r.t.hdr.index[c]
	if i == 0 || i > len(r.cells) {
		return ""
	}
	v := trimSpaces(r.cells[i-1])
	if !freeText[c] {
		if ch, pos, bad := text.ControlAt(v); bad {
			r.fail(c, v, "import.err.control", fmt.Sprintf("U+%04X", ch), pos)
		}
		if !ownPNRCheck[c] {
			v = r.noPNRIn(c, v)
		}
	}
	return v
}

// ownPNRCheck are the columns checked for personal numbers where their
// row is read (a narrative's and a delegation decision's texts).
var ownPNRCheck = map[column]bool{colDecisionMaker: true, colLegalGround: true, colMatterType: true}

// noPNRIn refuses a personal number in a name or key (an area, a unit, a
// konto, a measure, avser …), which would reach every screen and export;
// under --mask-pnr it is masked there as in a narrative.
func (r *rowCtx) noPNRIn(c column, v string) string {
	ms := pnr.Find(v)
	if len(ms) == 0 {
		return v
	}
	if r.t.imp.opts.MaskPNR {
		masked, k := pnr.Mask(v)
		r.t.sum.Masked += k
		return masked
	}
	r.failed = true
	for _, m := range ms {
		r.t.problem(true, r.lineOf(c), r.t.hdr.index[c]-1, r.t.hdr.name[c], "", PNRErrorKey, msg("import.pnr."+m.Kind.String()))
	}
	return v
}

// freeText are the columns whose control characters are removed, not
// refused: a narrative pasted from a word processor often carries a tab
// or a stray control character, and its words are what matters.
var freeText = map[column]bool{colTitle: true, colText: true, colAuthor: true}

// fail records an error at a cell.
func (r *rowCtx) fail(c column, value, key string, args ...any) {
	r.failed = true
	r.t.problem(true, r.lineOf(c), r.t.hdr.index[c]-1, r.t.hdr.name[c], value, key, args...)
}

// lineOf is the line a column's value is on: the row's, except in a
// Markdown narrative, where each field has its own line.
func (r *rowCtx) lineOf(c column) int {
	if i := r.t.hdr.index[c] - 1; i >= 0 && i < len(r.t.fieldLines) {
		return r.t.fieldLines[i]
	}
	return r.line
}

func (r *rowCtx) required(c column) (string, bool) {
	v, ok := r.cell(c, true)
	return v, ok && v != ""
}

// cell reads a cell; an empty one is an error only when required. The
// caller treats "" with ok as a missing optional value.
func (r *rowCtx) cell(c column, required bool) (string, bool) {
	v := r.get(c)
	if v == "" && required {
		r.fail(c, "", "import.err.required", c.String())
		return "", false
	}
	return v, true
}

func (r *rowCtx) numberError(c column, v string, p numProblem) {
	if p == numTooLarge {
		r.fail(c, v, "import.err.too_large", shortValue(v))
	} else {
		r.fail(c, v, "import.err.number", shortValue(v))
	}
}

// money reads an amount; a missing optional amount is nil.
func (r *rowCtx) money(c column, required bool) (*data.Money, bool) {
	v, ok := r.cell(c, required)
	if v == "" {
		return nil, ok
	}
	numPart, written := v, ""
	if i := suffixStart(v); i < len(v) {
		numPart, written = v[:i], trimSpaces(v[i:])
	}
	d, suffix, p := parseDecimal(v)
	if p != numOK && !strings.ContainsAny(numPart, "eE") {
		r.numberError(c, v, p)
		return nil, false
	}
	if strings.ContainsAny(numPart, "eE") {
		// 1e5 is a float's way to write 100 000, not a bookkeeper's: in a
		// money column it is a typo or a cell Excel reformatted
		r.fail(c, v, "import.err.money_exponent", shortValue(v))
		return nil, false
	}
	unit := r.t.hdr.unit[c]
	if suffix != "" && !unitMatches(suffix, unit) {
		r.fail(c, v, "import.err.unit", shortValue(v), shortValue(written), unitName(unit))
		return nil, false
	}
	m, ok := d.money(unit)
	if !ok {
		r.fail(c, v, "import.err.too_large", shortValue(v))
		return nil, false
	}
	return r.t.imp.sink.keepMoney(m), true
}

func unitMatches(suffix string, u moneyUnit) bool {
	switch suffix {
	case "tkr":
		return u == unitTkr
	case "kr", "sek":
		return u == unitKr
	case "mkr", "mnkr":
		return u == unitMkr
	}
	return false
}

func unitName(u moneyUnit) string {
	switch u {
	case unitKr:
		return "kr"
	case unitMkr:
		return "mkr"
	}
	return "tkr"
}

// count reads a whole, non-negative number; a missing optional count is nil.
func (r *rowCtx) count(c column, required bool) (*int, bool) {
	v, ok := r.cell(c, required)
	if v == "" {
		return nil, ok
	}
	d, suffix, p := parseDecimal(v)
	if p != numOK || (suffix != "" && suffix != "st") {
		r.numberError(c, v, p)
		return nil, false
	}
	n, ok := d.integer()
	switch {
	case !ok:
		r.fail(c, v, "import.err.integer", shortValue(v))
		return nil, false
	case n < 0:
		r.fail(c, v, "import.err.negative", shortValue(v))
		return nil, false
	case n > 1<<31:
		r.fail(c, v, "import.err.too_large", shortValue(v))
		return nil, false
	}
	i := int(n)
	return &i, true
}

// value reads a measure value or target; "8,5 %" is 8.5.
func (r *rowCtx) value(c column, required bool) (*float64, bool) {
	v, ok := r.cell(c, required)
	if v == "" {
		return nil, ok
	}
	d, suffix, p := parseDecimal(v)
	if p != numOK || (suffix != "" && suffix != "pct" && suffix != "st") {
		r.numberError(c, v, p)
		return nil, false
	}
	f := d.float()
	return &f, true
}

// period reads the period, from text or, in XLSX, a date serial.
func (r *rowCtx) period() (data.Period, bool) {
	v, ok := r.required(colPeriod)
	if !ok {
		return 0, false
	}
	if p, ok := r.t.periods[v]; ok {
		return p, true
	}
	p, ok := parsePeriod(v)
	if !ok && r.t.excel {
		p, ok = excelSerialPeriod(v, r.t.date1904)
	}
	if !ok {
		r.fail(colPeriod, v, "import.err.period", shortValue(v))
		return 0, false
	}
	if len(r.t.periods) < 1000 {
		r.t.periods[v] = p
	}
	return p, true
}

// enum reads an enumerated value by its folded spelling.
func enum[T ~string](r *rowCtx, c column, words map[string]T, required bool) (T, bool) {
	var zero T
	v, ok := r.cell(c, required)
	if v == "" {
		return zero, ok
	}
	if x, ok := words[text.Fold(v)]; ok {
		return x, true
	}
	r.fail(c, v, "import.err.enum", shortValue(v), c.String(), allowed(words))
	return zero, false
}

// allowed lists an enumeration's canonical values.
func allowed[T ~string](words map[string]T) string {
	seen := map[T]bool{}
	var out []string
	for _, v := range words {
		if !seen[v] {
			seen[v] = true
			out = append(out, string(v))
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// where reads område, enhet and period.
func (r *rowCtx) where() (area, unit string, p data.Period, ok bool) {
	area, okA := r.required(colArea)
	unit = r.get(colUnit)
	p, okP := r.period()
	return area, unit, p, okA && okP
}

func (r *rowCtx) budget() {
	area, unit, p, ok := r.where()
	acctText, okK := r.required(colAccount)
	budget, okB := r.money(colBudget, true)
	outcome, okO := r.money(colOutcome, false)
	forecast, okF := r.money(colForecast, false)
	if !ok || !okK || !okB || !okO || !okF || r.failed {
		return
	}
	acct := r.t.imp.account(r, acctText)
	r.t.imp.sink.budget(r, area, unit, data.BudgetRow{Period: p, Account: acct, Budget: *budget, Outcome: outcome, Forecast: forecast})
}

func (r *rowCtx) placement() {
	area, unit, p, ok := r.where()
	kind, okK := enum(r, colInsats, kindOfPlacementWords, true)
	group, okG := enum(r, colGroup, groupWords, false)
	ongoing, okO := r.count(colOngoing, true)
	started, ok1 := r.count(colStarted, false)
	ended, ok2 := r.count(colEnded, false)
	days, ok3 := r.count(colCareDays, false)
	cost, ok4 := r.money(colCost, false)
	if !ok || !okK || !okG || !okO || !ok1 || !ok2 || !ok3 || !ok4 || r.failed {
		return
	}
	r.t.imp.sink.placement(r, area, unit, data.PlacementRow{Period: p, Kind: kind, TargetGroup: group,
		Ongoing: *ongoing, Started: started, Ended: ended, CareDays: days, Cost: cost})
}

func (r *rowCtx) measure() {
	area, unit, p, ok := r.where()
	name, code := data.CleanName(r.get(colMeasure)), strings.TrimSpace(r.get(colCode))
	if name == "" && code == "" {
		r.fail(colMeasure, "", "import.err.required", colMeasure.String())
		ok = false
	}
	value, okV := r.value(colValue, true)
	target, okT := r.value(colTarget, false)
	dir, okD := enum(r, colDirection, directionWords, false)
	status, okS := enum(r, colStatus, statusWords, false)
	if !ok || !okV || !okT || !okD || !okS || r.failed {
		return
	}
	r.t.imp.sink.measure(r, area, unit, name, code, data.MeasureRow{Period: p, ReportedName: name, Value: *value,
		Target: target, Direction: dir, Status: status})
}

func (r *rowCtx) narrative() {
	area, unit, p, ok := r.where()
	typ, okT := enum(r, colType, typeWords, true)
	sev, okS := enum(r, colSeverity, severityWords, false)
	title, okR := r.required(colTitle)
	rawText, author := r.get(colText), r.get(colAuthor)
	n := data.Narrative{Period: p, Type: typ, Severity: sev, Title: data.CleanName(text.Line(title)),
		Text: strings.TrimSpace(text.Block(rawText)), Author: data.CleanName(text.Line(author))}
	for _, f := range []struct {
		c column
		v string
	}{{colTitle, title}, {colText, rawText}, {colAuthor, author}} {
		if strings.ContainsFunc(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(f.v), text.IsControl) {
			r.t.problem(false, r.lineOf(f.c), r.t.hdr.index[f.c]-1, r.t.hdr.name[f.c], "", "import.warn.control_removed")
		}
	}
	if about := r.get(colAbout); about != "" {
		n.About = r.t.imp.about(r, about)
	}
	okP := r.personnummer(&n)
	if !ok || !okT || !okS || !okR || !okP || r.failed {
		return
	}
	r.t.imp.sink.narrative(r, area, unit, n)
}

// personnummer refuses a narrative that holds a personal identity number,
// or masks it under --mask-pnr. The message gives the line the number is
// on, never the number itself.
func (r *rowCtx) personnummer(n *data.Narrative) bool {
	ok := true
	for _, f := range []struct {
		c    column
		text *string
	}{{colTitle, &n.Title}, {colText, &n.Text}, {colAuthor, &n.Author}} {
		ms := pnr.Find(*f.text)
		if len(ms) == 0 {
			continue
		}
		if r.t.imp.opts.MaskPNR {
			masked, k := pnr.Mask(*f.text)
			*f.text = masked
			r.t.sum.Masked += k
			continue
		}
		for _, m := range ms {
			line := r.lineOf(f.c)
			if !r.t.excel { // a CSV field may run over lines; an XLSX cell is on its row
				line += strings.Count((*f.text)[:m.Start], "\n")
			}
			r.failed, ok = true, false
			r.t.problem(true, line, r.t.hdr.index[f.c]-1, r.t.hdr.name[f.c], "", PNRErrorKey, msg("import.pnr."+m.Kind.String()))
		}
	}
	return ok
}
