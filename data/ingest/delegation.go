package ingest

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/pnr"
)

// Delegation decisions (delegationsbeslut) are the fifth kind of table:
// datum, beslutsfattare, lagrum, ärendetyp and antal, one row per day,
// decision-maker, legal ground and kind of matter. They feed the agenda
// pack's report of delegated decisions. They carry no personal data: a
// personnummer in any field is refused (masked under --mask-pnr).

func init() {
	lang.Register(map[string]lang.Text{
		"import.kind.delegationsbeslut": {"delegationsbeslut", "delegated decisions"},
		"import.key.delegationsbeslut":  {"datum, beslutsfattare, lagrum och ärendetyp", "datum, beslutsfattare, lagrum and ärendetyp"},
		"import.err.day":                {`"%s" är inget datum; skriv till exempel 2026-10-05`, `"%s" is not a date; write for example 2026-10-05`},
	})
}

// day reads the date column to the day: 2026-10-05, 20261005, or a date
// cell in a workbook.
func (r *rowCtx) day() (string, bool) {
	v, ok := r.required(colPeriod)
	if !ok {
		return "", false
	}
	if d, ok := parseDay(v); ok {
		return d, true
	}
	if r.t.excel {
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1 && f < 2958466 {
			base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
			if r.t.date1904 {
				base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			return base.AddDate(0, 0, int(math.Floor(f))).Format(time.DateOnly), true
		}
	}
	r.fail(colPeriod, v, "import.err.day", shortValue(v))
	return "", false
}

func parseDay(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, " T"); i == 10 {
		v = v[:10] // a time of day after the date
	}
	for _, layout := range []string{time.DateOnly, "20060102", "2006/01/02", "2006.01.02"} {
		if t, err := time.Parse(layout, v); err == nil && t.Year() >= 1900 && t.Year() <= 2200 {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

func (r *rowCtx) delegation() {
	day, okD := r.day()
	maker, okM := r.required(colDecisionMaker)
	ground, okG := r.required(colLegalGround)
	matter, okT := r.required(colMatterType)
	n, okN := r.count(colOngoing, true)
	d := data.DelegationDecision{Date: day, Beslutsfattare: data.CleanName(maker), Lagrum: data.CleanName(ground), Arendetyp: data.CleanName(matter)}
	okP := r.noPersonalData(map[column]*string{colDecisionMaker: &d.Beslutsfattare, colLegalGround: &d.Lagrum, colMatterType: &d.Arendetyp})
	if !okD || !okM || !okG || !okT || !okN || !okP || r.failed {
		return
	}
	d.Antal = *n
	r.t.imp.sink.delegation(r, d)
}

// noPersonalData refuses a personnummer in any of the fields, or masks it
// under --mask-pnr, like a narrative's.
func (r *rowCtx) noPersonalData(fields map[column]*string) bool {
	ok := true
	for _, c := range []column{colDecisionMaker, colLegalGround, colMatterType} {
		text := fields[c]
		ms := pnr.Find(*text)
		if len(ms) == 0 {
			continue
		}
		if r.t.imp.opts.MaskPNR {
			masked, k := pnr.Mask(*text)
			*text = masked
			r.t.sum.Masked += k
			continue
		}
		for _, m := range ms {
			r.failed, ok = true, false
			r.t.problem(true, r.lineOf(c), r.t.hdr.index[c]-1, r.t.hdr.name[c], "", PNRErrorKey, msg("import.pnr."+m.Kind.String()))
		}
	}
	return ok
}

func (s *sink) delegation(r *rowCtx, d data.DelegationDecision) {
	k := strings.Join([]string{d.Date, d.Beslutsfattare, d.Lagrum, d.Arendetyp}, "\x00")
	h := uint64(d.Antal)
	at := seenAt{table: r.t.file.tableIdx(r.t), line: uint32(r.line), hash: h}
	if prev, dup := s.seenDelegation[k]; dup {
		s.duplicate(r, prev, h, "import.key.delegationsbeslut")
		return
	}
	s.seenDelegation[k] = at
	if s.imp.failed() {
		return
	}
	s.wait()
	out, err := s.tx.PutDelegationDecision(d)
	if err != nil {
		r.fail(colOngoing, "", "import.err.db", errText(err))
		return
	}
	countOutcome(r.t.sum, out)
}
