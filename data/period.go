package data

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Period is a calendar month, counted as year*12 + month-1 so that
// month arithmetic is plain integer arithmetic. The zero value is "no period".
type Period int32

// NewPeriod returns the period for a year and month (1–12).
func NewPeriod(year int, month time.Month) Period {
	return Period(year*12 + int(month) - 1)
}

// ParsePeriod reads the canonical form "2026-10". Importers accept more
// forms; this is the store's own spelling.
func ParsePeriod(s string) (Period, error) {
	// Parsed by hand: periods are scanned from every row a screen reads.
	bad := func() (Period, error) { return 0, fmt.Errorf("period %q: want YYYY-MM", s) }
	if len(s) != 7 || s[4] != '-' {
		return bad()
	}
	n := 0
	for i, c := range []byte(s) {
		if i == 4 {
			continue
		}
		if c < '0' || c > '9' {
			return bad()
		}
		n = n*10 + int(c-'0')
	}
	y, m := n/100, n%100
	if y < 1900 || y > 2999 || m < 1 || m > 12 {
		return bad()
	}
	return NewPeriod(y, time.Month(m)), nil
}

// MustPeriod is ParsePeriod for constants in code and tests.
func MustPeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func (p Period) Year() int             { return int(p) / 12 }
func (p Period) Month() time.Month     { return time.Month(int(p)%12 + 1) }
func (p Period) IsZero() bool          { return p == 0 }
func (p Period) Add(months int) Period { return p + Period(months) }

// YearStart is January of the period's year: the start of year to date.
func (p Period) YearStart() Period { return NewPeriod(p.Year(), time.January) }

// YearEnd is December of the period's year.
func (p Period) YearEnd() Period { return NewPeriod(p.Year(), time.December) }

func (p Period) String() string {
	if p == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", p.Year(), int(p.Month()))
}

// Value stores a period as its canonical text, so dumps stay readable.
func (p Period) Value() (driver.Value, error) {
	if p == 0 {
		return nil, nil
	}
	return p.String(), nil
}

// Scan reads the canonical text form.
func (p *Period) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*p = 0
		return nil
	case string:
		q, err := ParsePeriod(v)
		*p = q
		return err
	case []byte:
		q, err := ParsePeriod(string(v))
		*p = q
		return err
	}
	return fmt.Errorf("period: cannot scan %T", src)
}

// Recent returns the first month of the "recent" window that ends in p:
// p and the months-1 months before it (data/gaps/RULES.md uses three).
func (p Period) Recent(months int) Period { return p.Add(-(months - 1)) }

// ReportKind names which report a month's follow-up belongs to.
type ReportKind string

const (
	ReportMonth   ReportKind = "manad"   // månadsuppföljning
	ReportTertial ReportKind = "tertial" // tertialrapport (Jan–Apr)
	ReportInterim ReportKind = "delar"   // delårsrapport (Jan–Aug), also tertial 2
	ReportAnnual  ReportKind = "bokslut" // year-end
)

// ReportFor tells which report a month belongs to. Most Swedish
// municipalities report by tertial: April, the interim report in August,
// and the year-end in December; the other months are monthly follow-ups.
func ReportFor(p Period) ReportKind {
	switch p.Month() {
	case time.April:
		return ReportTertial
	case time.August:
		return ReportInterim
	case time.December:
		return ReportAnnual
	}
	return ReportMonth
}

// IsReportMonth tells whether the month closes a tertial.
func IsReportMonth(p Period) bool { return ReportFor(p) != ReportMonth }

// NextReport is the first report month after p; PrevReport the last before p.
func NextReport(p Period) Period {
	q := p.Add(1)
	for !IsReportMonth(q) {
		q = q.Add(1)
	}
	return q
}

func PrevReport(p Period) Period {
	q := p.Add(-1)
	for !IsReportMonth(q) {
		q = q.Add(-1)
	}
	return q
}
