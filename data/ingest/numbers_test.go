package ingest

import (
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
)

func TestParseMoney(t *testing.T) {
	const bad = int64(-1 << 62)
	for _, tc := range []struct {
		in     string
		ore    int64 // bad: not a number
		suffix string
	}{
		{"1 234,5", 1234_50000, ""},
		{"1\u00a0234,5", 1234_50000, ""},
		{"1\u202f234,5", 1234_50000, ""},
		{" 1 234,5 ", 1234_50000, ""},
		{"-1234,5", -1234_50000, ""},
		{"\u22121234,5", -1234_50000, ""},
		{"\u20131234,5", -1234_50000, ""},
		{"1234,5-", -1234_50000, ""},
		{"(1 234,5)", -1234_50000, ""},
		{"+5", 5_00000, ""},
		{"1234.5", 1234_50000, ""},
		{"1.234,5", 1234_50000, ""},
		{"1,234.5", 1234_50000, ""},
		{"1.234.567", 1234567_00000, ""},
		{"1,234", 1_23400, ""}, // a Swedish comma is a decimal mark
		{"0,1", 10000, ""},
		{",5", 50000, ""},
		{"5,", 5_00000, ""},
		{"1,5E+06", 1500000_00000, ""},
		{"1e3", 1000_00000, ""},
		{"0,000004", 0, ""},
		{"0,000005", 1, ""}, // half an öre rounds away from zero
		{"-0,000005", -1, ""},
		{"-", 0, ""}, // Excel's accounting format shows zero as a dash
		{"1 234 tkr", 1234_00000, "tkr"},
		{"8,5 %", 8_50000, "pct"},
		{"12,3,4", bad, ""},
		{"1.2.3", bad, ""},
		{"12 34", bad, ""},
		{"1 2345", bad, ""},
		{"1,234.5.6", bad, ""},
		{"tolv", bad, ""},
		{"", bad, ""},
		{"1-2", bad, ""},
		{"--5", bad, ""},
		{"99999999999999999999", bad, ""},
		{"1e400", bad, ""},
	} {
		d, suffix, p := parseDecimal(tc.in)
		var got int64 = bad
		if p == numOK {
			m, ok := d.money(unitTkr)
			if ok {
				got = int64(m)
			}
		}
		if got != tc.ore || (p == numOK && suffix != tc.suffix) {
			t.Errorf("parseDecimal(%q) = %d öre, suffix %q (problem %d); want %d, %q", tc.in, got, suffix, p, tc.ore, tc.suffix)
		}
	}
}

func TestDecimalConversions(t *testing.T) {
	d, _, _ := parseDecimal("1 020,6")
	if m, _ := d.money(unitKr); m != 102060 {
		t.Errorf("kr: %d", m)
	}
	if m, _ := d.money(unitMkr); m != 1020_60000_000 {
		t.Errorf("mkr: %d", m)
	}
	if _, ok := d.integer(); ok {
		t.Errorf("1020,6 is no integer")
	}
	d, _, _ = parseDecimal("12,000")
	if n, ok := d.integer(); !ok || n != 12 {
		t.Errorf("12,000 as integer: %d %v", n, ok)
	}
	d, _, _ = parseDecimal("0,1")
	if f := d.float(); f != 0.1 {
		t.Errorf("float %v", f)
	}
	if got := percentCell("0.085"); got != "8.5%" {
		t.Errorf("percentCell = %q", got)
	}
	if got := percentCell("1"); got != "100%" {
		t.Errorf("percentCell(1) = %q", got)
	}
}

// swedish writes öre as tkr the way Excel would: "-1 234,56789".
func swedish(m data.Money) string {
	v := int64(m)
	neg := v < 0
	if neg {
		v = -v
	}
	whole, frac := v/100000, v%100000
	s := itoa(int(whole)) + "," + strings.TrimRight(strings.Repeat("0", 5-len(itoa(int(frac))))+itoa(int(frac)), "0")
	s = strings.TrimSuffix(s, ",")
	if frac == 0 {
		s = itoa(int(whole))
	}
	if neg {
		s = "-" + s
	}
	return s
}

var simpleNumber = regexp.MustCompile(`^-?[0-9]{1,12}(,[0-9]{1,5})?$`)

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1 234,5", "1\u00a0234,5", "\u22121234,5", "1234.5", "1.234,5", "12,3,4", "(5)", "1,5E+06", "-", "0,000005", "99999999999999999999", "8,5 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _, p := parseDecimal(s)
		if p != numOK {
			return
		}
		m, ok := d.money(unitTkr)
		if !ok {
			return
		}
		// What was read writes back and reads again as the same amount.
		back := swedish(m)
		d2, suffix, p2 := parseDecimal(back)
		m2, _ := d2.money(unitTkr)
		if p2 != numOK || suffix != "" || m2 != m {
			t.Fatalf("%q → %d öre → %q → %d", s, m, back, m2)
		}
		// Plain decimals are read exactly, as big.Rat reads them.
		if simpleNumber.MatchString(s) {
			r, _ := new(big.Rat).SetString(strings.Replace(s, ",", ".", 1))
			r.Mul(r, big.NewRat(100000, 1))
			if !r.IsInt() || r.Num().Int64() != int64(m) {
				t.Fatalf("%q = %d öre, want %s", s, m, r.RatString())
			}
		}
	})
}
