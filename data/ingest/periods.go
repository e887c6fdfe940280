package ingest

import (
	"math"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
)

// Periods are calendar months. Accepted, as people and systems write them:
//
//	2026-10  2026-1  2026/10  2026.10  202610  2026M10
//	2026-10-31  20261031  2026-10-01 00:00:00  2026-10-01T00:00:00Z
//	10/2026  10-2026
//	okt 2026  oktober 2026  Okt. 2026  okt-26  Oct 2026  October 2026  2026 okt
//
// A date must be a real date (2026-02-30 is refused); its day does not
// matter. Two-digit years are 20xx. Years outside 1990–2099 are refused as
// typos. In XLSX, date cells are read from their serial number whatever
// their display format (see xlsx.go).

const minYear, maxYear = 1990, 2099

var monthWords = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "febr": 2, "februari": 2, "february": 2,
	"mar": 3, "mars": 3, "march": 3,
	"apr": 4, "april": 4,
	"maj": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"aug": 8, "augusti": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oct": 10, "oktober": 10, "october": 10,
	"nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// parsePeriod reads a month in any of the forms above.
func parsePeriod(s string) (data.Period, bool) {
	s = trimSpaces(s)
	if s == "" || len(s) > 40 {
		return 0, false
	}
	// Split into runs of digits and runs of letters; everything else separates.
	var parts []string
	var kinds []byte // 'd' digits, 'a' letters
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			parts, kinds = append(parts, s[i:j]), append(kinds, 'd')
			i = j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			parts, kinds = append(parts, strings.ToLower(s[i:j])), append(kinds, 'a')
			i = j
		case c == '-' || c == '/' || c == '.' || c == ' ' || c == ':' || c == '+' || c == ',':
			i++
		default:
			return 0, false
		}
	}
	k := string(kinds)
	switch {
	case k == "d":
		switch len(parts[0]) {
		case 6: // 202610
			return ym(atoi(parts[0][:4]), atoi(parts[0][4:]))
		case 8: // 20261031
			return ymd(atoi(parts[0][:4]), atoi(parts[0][4:6]), atoi(parts[0][6:]))
		}
	case k == "dd":
		a, b := parts[0], parts[1]
		switch {
		case len(a) == 4 && len(b) <= 2: // 2026-10
			if !sepIn(s, "-/.") {
				return 0, false
			}
			return ym(atoi(a), atoi(b))
		case len(a) <= 2 && len(b) == 4: // 10/2026
			if !sepIn(s, "-/.") {
				return 0, false
			}
			return ym(atoi(b), atoi(a))
		}
	case k == "dad" && parts[1] == "m" && len(parts[0]) == 4: // 2026M10
		return ym(atoi(parts[0]), atoi(parts[2]))
	case strings.HasPrefix(k, "ddd"):
		// A date, perhaps with a time: 2026-10-31, 2026-10-01 00:00:00, 2026-10-01T00:00:00Z.
		if len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
			return 0, false
		}
		rest := k[3:]
		if rest != "" && !timeTail(parts[3:], rest) {
			return 0, false
		}
		return ymd(atoi(parts[0]), atoi(parts[1]), atoi(parts[2]))
	case k == "ad" || k == "da":
		name, year := parts[0], parts[1]
		if k == "da" {
			name, year = parts[1], parts[0]
		}
		m, ok := monthWords[name]
		if !ok {
			return 0, false
		}
		y := atoi(year)
		switch len(year) {
		case 2:
			y += 2000
		case 4:
		default:
			return 0, false
		}
		return ym(y, int(m))
	}
	return 0, false
}

// timeTail accepts what may follow a date: a time ("00:00", "00:00:00",
// "00:00:00.000"), and a T and Z or offset as ISO 8601 writes them.
func timeTail(parts []string, kinds string) bool {
	for i, p := range parts {
		switch kinds[i] {
		case 'a':
			if p != "t" && p != "z" {
				return false
			}
		case 'd':
			if len(p) > 3 && i < len(parts)-1 {
				return false
			}
		}
	}
	return true
}

func sepIn(s, seps string) bool { return strings.ContainsAny(s, seps) }

func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
		if v > 1_000_000 {
			return -1
		}
	}
	return v
}

func ym(y, m int) (data.Period, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 {
		return 0, false
	}
	return data.NewPeriod(y, time.Month(m)), true
}

func ymd(y, m, d int) (data.Period, bool) {
	p, ok := ym(y, m)
	if !ok || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 0, false
	}
	return p, true
}

// periodFromSerial reads an Excel date serial (days since 1899-12-30, or
// since 1904-01-01 in workbooks that use the 1904 system).
func periodFromSerial(serial float64, date1904 bool) (data.Period, bool) {
	if math.IsNaN(serial) || serial < 1 || serial > 2958465 {
		return 0, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, int(math.Floor(serial)))
	return ym(t.Year(), int(t.Month()))
}
