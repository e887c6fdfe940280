package ingest

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/text"
)

// Numbers are read as exact decimals from their text, never through a
// float, so 0,1 tkr is exactly 10 000 öre. What is accepted, as Swedish
// Excel and finance systems write numbers:
//
//   - a decimal comma ("1234,5") or a decimal point ("1234.5");
//   - thousands grouped by a space, a no-break space (U+00A0), a narrow
//     no-break space (U+202F) or a thin space, in groups of three;
//   - both a point and a comma: the last of them is the decimal mark and
//     the other groups thousands ("1.234,5" and "1,234.5" are 1234,5);
//   - several points and no comma group thousands ("1.234.567");
//     several commas are an error ("12,3,4"), because in a Swedish file a
//     comma is a decimal mark and "1,234" is one point two three four;
//   - a minus as '-', '−' (U+2212) or '–' (U+2013), leading or trailing
//     ("1234-" as SAP writes it), or brackets "(1 234)";
//   - an exponent ("1,5E+06");
//   - a lone dash is zero, as Excel's accounting format shows zero;
//   - empty is missing, never zero (the caller decides).

// decimal is mant × 10^-scale, negative when neg.
type decimal struct {
	neg   bool
	mant  uint64
	scale int
}

type numProblem int

const (
	numOK numProblem = iota
	numNotNumber
	numTooLarge
)

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u202f', '\u2009', '\u2007':
		return true
	}
	return false
}

// parseDecimal reads a number; suffix is what followed it ("%", "tkr"),
// folded, for the caller to judge.
func parseDecimal(s string) (d decimal, suffix string, p numProblem) {
	// Trim surrounding spaces, including the no-break kinds.
	start, end := 0, len(s)
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !isSpaceRune(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !isSpaceRune(r) {
			break
		}
		end -= n
	}
	s = s[start:end]
	if s == "" {
		return d, "", numNotNumber
	}
	// A unit or percent sign after the number.
	if i := suffixStart(s); i < len(s) {
		suffix = text.Fold(s[i:])
		s = trimSpaces(s[:i])
		if suffix == "" || s == "" {
			return d, "", numNotNumber
		}
	}
	// Sign.
	neg := false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg, s = true, trimSpaces(s[1:len(s)-1])
	}
	if r, n := utf8.DecodeRuneInString(s); isMinus(r) || r == '+' {
		if isMinus(r) {
			neg = !neg
		}
		s = trimSpaces(s[n:])
	} else if r, n := utf8.DecodeLastRuneInString(s); isMinus(r) && n < len(s) {
		neg, s = !neg, trimSpaces(s[:len(s)-n])
	}
	if s == "" { // a lone dash is zero ("- kr" too); a dash and a word ("-Inf") is no number
		switch {
		case neg && suffix == "":
			return decimal{}, "", numOK
		case neg && (suffix == "kr" || suffix == "tkr" || suffix == "mkr" || suffix == "mnkr" || suffix == "sek" || suffix == "st"):
			return decimal{}, suffix, numOK
		}
		return d, "", numNotNumber
	}
	// Exponent.
	exp := 0
	if i := indexExp(s); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 30 || e < -30 {
			return d, "", numNotNumber
		}
		exp, s = e, s[:i]
	}
	// Which mark is the decimal one.
	dots, commas, lastDot, lastComma := 0, 0, -1, -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			dots++
			lastDot = i
		case ',':
			commas++
			lastComma = i
		}
	}
	decPos := -1
	var group byte // a mark used for grouping, besides spaces
	switch {
	case dots > 0 && commas > 0:
		if lastComma > lastDot {
			if commas > 1 {
				return d, "", numNotNumber
			}
			decPos, group = lastComma, '.'
		} else {
			if dots > 1 {
				return d, "", numNotNumber
			}
			decPos, group = lastDot, ','
		}
	case commas == 1:
		decPos = lastComma
	case commas > 1:
		return d, "", numNotNumber
	case dots == 1:
		decPos = lastDot
	case dots > 1:
		group = '.'
	}
	intPart, frac := s, ""
	if decPos >= 0 {
		intPart, frac = s[:decPos], s[decPos+1:]
	}
	var mant uint64
	digits := 0 // significant digits taken into mant
	scale := 0
	add := func(c byte) bool {
		if digits == 0 && c == '0' {
			return true
		}
		if digits >= 19 {
			return false
		}
		mant = mant*10 + uint64(c-'0')
		digits++
		return true
	}
	// Integer part: digits in groups of three after the first group.
	groupLen, groups, sawDigit := 0, 0, false
	for i := 0; i < len(intPart); {
		c := intPart[i]
		if c >= '0' && c <= '9' {
			if !add(c) {
				return d, "", numTooLarge
			}
			groupLen++
			sawDigit = true
			i++
			continue
		}
		var n int
		if c == group && group != 0 {
			n = 1
		} else if r, w := utf8.DecodeRuneInString(intPart[i:]); isSpaceRune(r) {
			n = w
		} else {
			return d, "", numNotNumber
		}
		// A separator must follow a group and come before more digits.
		if groupLen == 0 || (groups > 0 && groupLen != 3) || groupLen > 3 {
			return d, "", numNotNumber
		}
		groups++
		groupLen = 0
		i += n
	}
	if groups > 0 && groupLen != 3 {
		return d, "", numNotNumber
	}
	if group == '.' && dots > 1 && groups == 0 {
		return d, "", numNotNumber
	}
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return d, "", numNotNumber
		}
		sawDigit = true
		if digits == 0 && c == '0' {
			scale++
			continue
		}
		if digits >= 19 { // more precision than we keep: drop the rest (far below an öre)
			continue
		}
		mant = mant*10 + uint64(c-'0')
		digits++
		scale++
	}
	if !sawDigit {
		return d, "", numNotNumber
	}
	scale -= exp
	for scale < 0 {
		if mant > math.MaxUint64/10 {
			return d, "", numTooLarge
		}
		mant *= 10
		scale++
	}
	return decimal{neg: neg && mant != 0, mant: mant, scale: scale}, suffix, numOK
}

func isMinus(r rune) bool { return r == '-' || r == '\u2212' || r == '\u2013' }

func trimSpaces(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[n:]
	}
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// suffixStart finds where a trailing unit begins: the first letter or '%'
// after the last digit, not counting an exponent's E.
func suffixStart(s string) int {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r == '%' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 0x7f && !isSpaceRune(r) && !isMinus(r) {
			i -= n
			continue
		}
		if isSpaceRune(r) {
			i -= n
			continue
		}
		break
	}
	// Give back spaces between the number and the unit.
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpaceRune(r) {
			break
		}
		i += n
	}
	return i
}

func indexExp(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i] == 'e' || s[i] == 'E' {
			return i
		}
	}
	return -1
}

var pow10 = [...]uint64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
	10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000}

// scaled returns the decimal × 10^shift as a whole number, rounded half away
// from zero; ok is false when it does not fit an int64.
func (d decimal) scaled(shift int) (int64, bool) {
	e := shift - d.scale
	m := d.mant
	switch {
	case e >= 0:
		if e >= len(pow10) {
			if m == 0 {
				return 0, true
			}
			return 0, false
		}
		if m != 0 && m > math.MaxInt64/pow10[e] {
			return 0, false
		}
		m *= pow10[e]
	default:
		e = -e
		if e >= len(pow10) {
			m = 0
		} else {
			q, r := m/pow10[e], m%pow10[e]
			if r >= pow10[e]-r { // r ≥ half: round away from zero
				q++
			}
			m = q
		}
	}
	if m > math.MaxInt64 {
		return 0, false
	}
	if d.neg {
		return -int64(m), true
	}
	return int64(m), true
}

// moneyUnit is the unit of a money column: öre per unit written.
type moneyUnit int64

const (
	unitTkr moneyUnit = 100_000     // the default: data/ingest/FORMATS.md's tkr
	unitKr  moneyUnit = 100         // "Budget (kr)"
	unitMkr moneyUnit = 100_000_000 // "Budget (mkr)"
)

func (u moneyUnit) shift() int {
	switch u {
	case unitKr:
		return 2
	case unitMkr:
		return 8
	}
	return 5
}

// money converts to öre, rounding anything below an öre half away from zero.
func (d decimal) money(u moneyUnit) (data.Money, bool) {
	v, ok := d.scaled(u.shift())
	return data.Money(v), ok
}

// integer is the whole number the decimal holds; ok is false for a fraction.
func (d decimal) integer() (int64, bool) {
	if d.scale > 0 {
		if d.scale >= len(pow10) || d.mant%pow10[d.scale] != 0 {
			return 0, false
		}
	}
	return d.scaled(0)
}

// float is the nearest float64, for measure values and targets.
func (d decimal) float() float64 {
	var buf [48]byte
	b := buf[:0]
	if d.neg {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, d.mant, 10)
	b = append(b, 'e')
	b = strconv.AppendInt(b, int64(-d.scale), 10)
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// String writes the decimal in canonical form ("-1234.5"), for tests.
func (d decimal) String() string {
	s := strconv.FormatUint(d.mant, 10)
	if d.scale > 0 {
		for len(s) <= d.scale {
			s = "0" + s
		}
		s = s[:len(s)-d.scale] + "." + s[len(s)-d.scale:]
	}
	if d.neg {
		s = "-" + s
	}
	return s
}
