// Package kolada keeps the key figures of Kolada (RKA's open database of
// municipal key figures, "Källa: Kolada/RKA") beside the municipality's own
// follow-up: the KPI catalogue, the municipalities and regions, and one
// value per KPI, municipality, year and gender.
//
// Codes are stored as Kolada writes them: "0000" Riket, "00NN" a region
// (NN is the county's two-digit code), four digits a kommun (SCB's
// kommunkod, "0127" Botkyrka). Files that write Riket as "0" and regions
// with two digits (the open-numbers DDF dump) are converted on import.
//
// Import (import.go) reads three layouts, recognised by content: the
// Kolada API v3 JSON answer saved to files (api.go), the open-numbers DDF
// folder (ddf.go) and the Kolada web site's Latin-1 CSV export, which
// names municipalities and KPIs in words (webexport.go); it also reads the
// KPI catalogue and the municipality list as CSV (catalog.go). Every
// import is one transaction and importing the same values again changes
// nothing. Fetch (fetch.go) asks the public API for the same answers.
//
// Comparisons (compare.go) put the municipality beside Riket, its region
// and a comparison set, with its rank among all municipalities, and mark
// breaks in a series: a level that changes by more than a factor from one
// year to the next is a change of method or reporting, not a trend.
package kolada

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/beredning/beredning/data/lang"
)

// Riket is Kolada's code for the whole country.
const Riket = "0000"

// Genders as Kolada writes them.
const (
	Total = "T"
	Women = "K"
	Men   = "M"
)

// KPI is one key figure of the catalogue.
type KPI struct {
	ID          string // "N33816"
	Title       string
	Unit        string // from the title: "kr/inv", "andel (%)", "antal/1000 inv", "dagar"
	Description string
	Area        string // Kolada's operating area
}

// Municipality is a kommun, a region or Riket as Kolada names it.
type Municipality struct {
	Code string // "0127", "0001", "0000"
	Name string
	Kind string // "K" kommun, "L" region or Riket
}

// Value is one figure.
type Value struct {
	KPI          string
	Municipality string
	Year         int
	Gender       string // Total, Women, Men
	Value        float64
}

var kpiIDPattern = regexp.MustCompile(`^[A-Z][0-9]{5}$`)

// NormalizeKPI writes a KPI id as Kolada does ("n33816" → "N33816") and
// tells whether it is one.
func NormalizeKPI(s string) (string, bool) {
	id := strings.ToUpper(strings.TrimSpace(s))
	return id, kpiIDPattern.MatchString(id)
}

// NormalizeCode turns a geo code into Kolada's four digits: "0" is Riket,
// two digits a region ("01" → "0001"), four digits a kommun or an already
// written region. Anything else is not a code.
func NormalizeCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	switch len(s) {
	case 1:
		if s == "0" {
			return Riket, true
		}
	case 2:
		if s != "00" {
			return "00" + s, true
		}
	case 4:
		return s, true
	}
	return "", false
}

// IsKommun tells a municipality's code from a region's or Riket's.
func IsKommun(code string) bool { return len(code) == 4 && !strings.HasPrefix(code, "00") }

// RegionOf is the region a kommun lies in: its kommunkod's first two
// digits are the county ("0127" → "0001"). A region's region is itself.
func RegionOf(code string) string {
	if len(code) != 4 || code == Riket {
		return ""
	}
	if !IsKommun(code) {
		return code
	}
	return "00" + code[:2]
}

// NormalizeGender reads "T", "K", "M" and the DDF's "k", "m".
func NormalizeGender(s string) (string, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "T", "":
		return Total, true
	case "K", "W", "F":
		return Women, true
	case "M":
		return Men, true
	}
	return "", false
}

// UnitFromTitle reads the unit Kolada puts at the end of a KPI title
// ("…, kr/inv", "…, andel (%)", "…, antal/1000 inv"); investigation and
// waiting times are days.
func UnitFromTitle(title string) string {
	t := strings.TrimSpace(title)
	// Drop a trailing validity note such as "(- 2024)".
	t = strings.TrimSpace(yearNote.ReplaceAllString(t, ""))
	low := strings.ToLower(t)
	if strings.Contains(low, "antal dagar") {
		return "dagar"
	}
	i := strings.LastIndex(t, ",")
	if i < 0 {
		return ""
	}
	last := strings.TrimSpace(t[i+1:])
	l := strings.ToLower(last)
	switch {
	case strings.Contains(l, "kr/inv"), strings.Contains(l, "(%)"), strings.HasPrefix(l, "antal"),
		strings.Contains(l, "kronor"), l == "tkr", l == "mnkr", strings.HasPrefix(l, "index"), l == "dagar":
		return last
	}
	return ""
}

// yearNote is a trailing "(- 2024)" or "(2015-)" Kolada adds to titles of
// KPIs that changed or ended.
var yearNote = regexp.MustCompile(`\s*\(\s*-?\s*[0-9]{4}\s*-?\s*([0-9]{4})?\s*\)\s*$`)

func (v Value) String() string {
	return fmt.Sprintf("%s %s %d %s %g", v.KPI, v.Municipality, v.Year, v.Gender, v.Value)
}

// FormatValue writes a figure the Swedish way: whole numbers without
// decimals ("984 748"), others with two ("9,57"), as Kolada shows them.
func FormatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return lang.Number(v, 0)
	}
	return lang.Number(v, 2)
}
