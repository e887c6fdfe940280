package lang

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
)

// Amounts and numbers are written the Swedish way in both languages — a
// space between thousands, a decimal comma — because the figures are a
// Swedish municipality's and must read as in its own reports.

// Number formats f with the given decimals: 1234.5 → "1 234,5".
func Number(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	b.WriteString(groupThousands(intPart))
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats a whole number: 12345 → "12 345".
func Int(n int64) string {
	if n < 0 {
		return "-" + groupThousands(strconv.FormatInt(-n, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// TkrNumber is an amount in tkr with one decimal, without the unit:
// "1 234,5". It rounds exactly from öre, half away from zero.
func TkrNumber(m data.Money) string {
	tenths := m.TkrTenths()
	neg := tenths < 0
	if neg {
		tenths = -tenths
	}
	s := groupThousands(strconv.FormatInt(tenths/10, 10)) + "," + strconv.FormatInt(tenths%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

// Tkr is an amount with its unit: "1 234,5 tkr".
func Tkr(m data.Money) string { return TkrNumber(m) + " tkr" }

// SignedTkr writes a deviation with its sign always shown: "+310,0".
func SignedTkr(m data.Money) string {
	if m.TkrTenths() > 0 {
		return "+" + TkrNumber(m)
	}
	return TkrNumber(m)
}

// Percent writes a share: 3.25 → "3,3 %".
func Percent(f float64, decimals int) string {
	return Number(f, decimals) + " %"
}

// SignedPercent writes a change with its sign: "+12 %".
func SignedPercent(f float64, decimals int) string {
	s := Number(f, decimals)
	if f > 0 && strings.Trim(s, "0,") != "" {
		s = "+" + s
	}
	return s + " %"
}

// Value writes a measure's value with as many decimals as it needs (at most one).
func Value(f float64) string {
	if f == math.Trunc(f) {
		return Number(f, 0)
	}
	return Number(f, 1)
}

var monthsSV = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}
var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// MonthName is the month's full name in the language.
func (l Lang) MonthName(m time.Month) string {
	if l == EN {
		return monthsEN[m-1]
	}
	return monthsSV[m-1]
}

// MonthShort is the month's three-letter name: "okt", "Oct".
func (l Lang) MonthShort(m time.Month) string {
	n := []rune(l.MonthName(m))
	return string(n[:3])
}

// Period writes a month in words: "oktober 2026", "October 2026".
func (l Lang) Period(p data.Period) string {
	if p.IsZero() {
		return "–"
	}
	return l.MonthName(p.Month()) + " " + strconv.Itoa(p.Year())
}

// PeriodShort writes "okt 2026", "Oct 2026".
func (l Lang) PeriodShort(p data.Period) string {
	if p.IsZero() {
		return "–"
	}
	return l.MonthShort(p.Month()) + " " + strconv.Itoa(p.Year())
}

// Date writes a day: "26 november 2026", "26 November 2026".
func (l Lang) Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + l.MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// DateTime writes a time stamp the Swedish way in local time: "2026-11-20 14:05".
func DateTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }
