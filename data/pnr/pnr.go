// Package pnr finds and masks Swedish personal identity numbers
// (personnummer) and coordination numbers (samordningsnummer) in free text,
// so that narratives about the organisation never carry a person's number
// into the database or an export.
//
// A match is a date followed by a four-digit number, written YYMMDD-NNNN,
// YYMMDD+NNNN (over 100 years old), YYYYMMDDNNNN, YYYYMMDD-NNNN or ten
// digits YYMMDDNNNN — and as people really type and paste them: with a
// space, a no-break or narrow no-break space, an en or em dash, a minus
// sign (U+2212) or a full-width hyphen between date and last four, with
// spaces around the dash (" - "), with a line break there, and in
// full-width digits. Only letters and digits glued to it ("ABC8501011234")
// make it part of something else; quotes, §, «», NBSP and other
// punctuation next to it do not. It counts only when the date is a real
// date (a
// samordningsnummer adds 60 to the day) and the last digit is the Luhn check
// digit over the ten-digit form, so an ordinary ten-digit number (a phone
// number, an invoice number) is flagged only in the one case in ten where
// its digits happen to pass both tests.
//
// Masking replaces the whole number, date included, with a marker
// ("[personnummer borttaget]"): a birth date and a small unit are often
// enough to identify a child, so keeping YYMMDD would not be anonymous.
package pnr

import (
	"time"
	"unicode"
)

// Kind tells a personnummer from a samordningsnummer.
type Kind int

const (
	Personnummer Kind = iota
	Samordningsnummer
)

func (k Kind) String() string {
	if k == Samordningsnummer {
		return "samordningsnummer"
	}
	return "personnummer"
}

// Match is one number found in a text; Start and End are byte offsets.
type Match struct {
	Start, End int
	Kind       Kind
}

// Markers that replace a number when it is masked. They are Swedish
// because they become part of the stored Swedish text.
const (
	MaskPersonnummer      = "[personnummer borttaget]"
	MaskSamordningsnummer = "[samordningsnummer borttaget]"
)

// Find returns the numbers in text, in order, without overlaps.
func Find(text string) []Match {
	if !mayHold(text) {
		return nil
	}
	sc := newScan(text)
	var out []Match
	for i := 0; i < len(sc.r); {
		if digitOf(sc.r[i]) < 0 || (i > 0 && isWord(sc.r[i-1])) {
			i++
			continue
		}
		j := i
		for j < len(sc.r) && digitOf(sc.r[j]) >= 0 {
			j++
		}
		if m, end, ok := sc.matchAt(i, j); ok {
			out = append(out, m)
			i = end
			continue
		}
		i = j
	}
	return out
}

// mayHold is the fast path: a text with fewer than ten digits, ASCII or
// full-width (U+FF10–U+FF19, "\xef\xbc\x90"–"\xef\xbc\x99"), holds no
// number.
func mayHold(text string) bool {
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' || c == 0xef && i+2 < len(text) && text[i+1] == 0xbc && text[i+2] >= 0x90 && text[i+2] <= 0x99 {
			n++
			if n >= 10 {
				return true
			}
		}
	}
	return false
}

// scan is the text as runes with their byte offsets.
type scan struct {
	r   []rune
	off []int // byte offset of each rune, and len(text) at the end
}

func newScan(text string) scan {
	sc := scan{r: make([]rune, 0, len(text)), off: make([]int, 0, len(text)+1)}
	for i, r := range text {
		sc.r = append(sc.r, r)
		sc.off = append(sc.off, i)
	}
	sc.off = append(sc.off, len(text))
	return sc
}

// digitOf is a digit's value, ASCII or full-width, or -1.
func digitOf(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// isWord: a letter or digit glued to the number makes it part of a code.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isDash is what people write between date and last four: hyphen-minus,
// plus (over 100 years old), the Unicode hyphens and dashes, the minus
// sign and the full-width hyphen.
func isDash(r rune) bool {
	switch r {
	case '-', '+', '‐', '‑', '‒', '–', '—', '−', '－', '﹣', '＋':
		return true
	}
	return false
}

// isGap is a space of any width, or a line break.
func isGap(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u202f', '\u2009', '\u2007', '\u3000', '\n', '\r':
		return true
	}
	return false
}

// separator is the length of a separator at i: at most one dash, with at
// most two gap characters on either side ("-", " ", " - ", "-\n"), and
// at most one line break; 0 when there is none.
func (sc scan) separator(i int) int {
	k, dashes, breaks := i, 0, 0
	for k < len(sc.r) && k-i < 5 {
		r := sc.r[k]
		switch {
		case isDash(r) && dashes == 0:
			dashes++
		case r == '\r' && k+1 < len(sc.r) && sc.r[k+1] == '\n':
			k++ // \r\n is one break
			breaks++
		case isGap(r):
			if r == '\n' || r == '\r' {
				breaks++
			}
		default:
			if breaks > 1 {
				return 0
			}
			return k - i
		}
		k++
	}
	if breaks > 1 {
		return 0
	}
	return k - i
}

// digits is the ASCII form of the digit runes r[i:j].
func (sc scan) digits(i, j int) string {
	b := make([]byte, 0, j-i)
	for _, r := range sc.r[i:j] {
		b = append(b, byte('0'+digitOf(r)))
	}
	return string(b)
}

// endsAt tells whether the number may end before rune e.
func (sc scan) endsAt(e int) bool { return e == len(sc.r) || !isWord(sc.r[e]) }

// matchAt tries the forms that start at rune i, where r[i:j] is a run of
// digits; it returns the match and the rune index after it.
func (sc scan) matchAt(i, j int) (Match, int, bool) {
	run := j - i
	m := func(end int, k Kind) (Match, int, bool) { return Match{sc.off[i], sc.off[end], k}, end, true }
	switch {
	case run == 12 && sc.endsAt(j): // YYYYMMDDNNNN
		d := sc.digits(i, j)
		if k, ok := valid(d[:8], d[8:], true); ok {
			return m(j, k)
		}
	case run == 10 && sc.endsAt(j): // YYMMDDNNNN
		d := sc.digits(i, j)
		if k, ok := valid(d[:6], d[6:], false); ok {
			return m(j, k)
		}
	case run == 8 || run == 6: // date, separator, four digits
		n := sc.separator(j)
		if n == 0 {
			break
		}
		t := j + n
		e := t
		for e < len(sc.r) && digitOf(sc.r[e]) >= 0 {
			e++
		}
		if e-t == 4 && sc.endsAt(e) {
			if k, ok := valid(sc.digits(i, j), sc.digits(t, e), run == 8); ok {
				return m(e, k)
			}
		}
	}
	return Match{}, 0, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func num(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// valid checks the date and the Luhn digit. date is YYMMDD or YYYYMMDD,
// last the four digits after it.
func valid(date, last string, century bool) (Kind, bool) {
	var years []int
	var ten string // the ten-digit form the check digit is computed over
	if century {
		years = []int{num(date[:4])}
		ten = date[2:] + last
	} else {
		yy := num(date[:2])
		// Without a century the date must be real in one of the two
		// centuries a living person can be born in.
		years = []int{2000 + yy, 1900 + yy}
		ten = date + last
	}
	month := num(date[len(date)-4 : len(date)-2])
	day := num(date[len(date)-2:])
	kind := Personnummer
	if day > 60 {
		kind = Samordningsnummer
		day -= 60
	}
	if month < 1 || month > 12 || day < 1 {
		return kind, false
	}
	okDate := false
	for _, y := range years {
		if y < 1850 || y > 2200 {
			continue
		}
		if day <= daysIn(y, time.Month(month)) {
			okDate = true
			break
		}
	}
	if !okDate {
		return kind, false
	}
	return kind, Luhn(ten)
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Luhn reports whether a string of digits ends in its Luhn check digit,
// weighting digits 2, 1, 2, 1, … from the left as the Swedish number does.
func Luhn(digits string) bool {
	if len(digits) == 0 || !allDigits(digits) {
		return false
	}
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[i] - '0')
		if (len(digits)-i)%2 == 0 { // every second digit from the right, starting with the one before the check digit
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// Contains reports whether the text holds a number.
func Contains(text string) bool { return len(Find(text)) > 0 }

// Mask replaces every number in text with its marker and returns the new
// text and how many numbers it replaced.
func Mask(text string) (string, int) {
	ms := Find(text)
	if len(ms) == 0 {
		return text, 0
	}
	b := make([]byte, 0, len(text)+len(ms)*16)
	prev := 0
	for _, m := range ms {
		b = append(b, text[prev:m.Start]...)
		if m.Kind == Samordningsnummer {
			b = append(b, MaskSamordningsnummer...)
		} else {
			b = append(b, MaskPersonnummer...)
		}
		prev = m.End
	}
	b = append(b, text[prev:]...)
	return string(b), len(ms)
}
