// Package pnr finds and masks Swedish personal identity numbers
// (personnummer) and coordination numbers (samordningsnummer) in free text,
// so that narratives about the organisation never carry a person's number
// into the database or an export.
//
// A match is a date followed by a four-digit number, written YYMMDD-NNNN,
// YYMMDD+NNNN (over 100 years old), YYYYMMDDNNNN, YYYYMMDD-NNNN or ten
// digits YYMMDDNNNN. It counts only when the date is a real date (a
// samordningsnummer adds 60 to the day) and the last digit is the Luhn check
// digit over the ten-digit form, so an ordinary ten-digit number (a phone
// number, an invoice number) is flagged only in the one case in ten where
// its digits happen to pass both tests.
//
// Masking replaces the whole number, date included, with a marker
// ("[personnummer borttaget]"): a birth date and a small unit are often
// enough to identify a child, so keeping YYMMDD would not be anonymous.
package pnr

import "time"

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

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// Find returns the numbers in text, in order, without overlaps.
func Find(text string) []Match {
	var out []Match
	n := len(text)
	for i := 0; i < n; {
		if !isDigit(text[i]) || (i > 0 && (isDigit(text[i-1]) || isWordByte(text[i-1]))) {
			i++
			continue
		}
		// The run of digits starting here.
		j := i
		for j < n && isDigit(text[j]) {
			j++
		}
		if m, ok := matchAt(text, i, j); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		i = j
	}
	return out
}

// isWordByte: a number glued to letters ("ABC8501011234") is a code, not a
// personnummer. Non-ASCII bytes count as letters (å, ä, ö).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 || b == '_'
}

// matchAt tries the forms that start at i, where text[i:j] is a run of digits.
func matchAt(text string, i, j int) (Match, bool) {
	run := j - i
	end := func(e int) bool { // the number must not run on into more digits or letters
		return e == len(text) || !(isDigit(text[e]) || isWordByte(text[e]))
	}
	switch {
	case run == 12 && end(j): // YYYYMMDDNNNN
		if k, ok := valid(text[i:i+8], text[i+8:j], true); ok {
			return Match{i, j, k}, true
		}
	case run == 10 && end(j): // YYMMDDNNNN
		if k, ok := valid(text[i:i+6], text[i+6:j], false); ok {
			return Match{i, j, k}, true
		}
	case run == 8 || run == 6: // date, separator, four digits
		if j+5 <= len(text) && (text[j] == '-' || text[j] == '+') {
			tail := text[j+1 : j+5]
			if allDigits(tail) && end(j+5) {
				if k, ok := valid(text[i:j], tail, run == 8); ok {
					return Match{i, j + 5, k}, true
				}
			}
		}
	}
	return Match{}, false
}

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
