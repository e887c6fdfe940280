package ingest

import (
	"testing"

	"github.com/beredning/beredning/data"
)

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" when refused
	}{
		{"2026-10", "2026-10"},
		{"2026-1", "2026-01"},
		{"2026/10", "2026-10"},
		{"2026.10", "2026-10"},
		{"202610", "2026-10"},
		{"2026M10", "2026-10"},
		{"2026-10-31", "2026-10"},
		{"20261031", "2026-10"},
		{"2026-10-01 00:00:00", "2026-10"},
		{"2026-10-01T00:00:00Z", "2026-10"},
		{"2026-10-01T12:30:00+02:00", "2026-10"},
		{"10/2026", "2026-10"},
		{"10-2026", "2026-10"},
		{"okt 2026", "2026-10"},
		{"oktober 2026", "2026-10"},
		{"Okt. 2026", "2026-10"},
		{"OKTOBER 2026", "2026-10"},
		{"okt-26", "2026-10"},
		{"Oct 2026", "2026-10"},
		{"2026 okt", "2026-10"},
		{"maj 2026", "2026-05"},
		{"2026-13", ""},
		{"2026-00", ""},
		{"2026-02-30", ""},
		{"2024-02-29", "2024-02"},
		{"2026-02-29", ""},
		{"1899-10", ""},
		{"2126-10", ""},
		{"okt", ""},
		{"oktobr 2026", ""},
		{"2026", ""},
		{"2026 10", ""},
		{"46296", ""}, // a serial is a date only in an XLSX cell
		{"T1 2026", ""},
		{"", ""},
	} {
		p, ok := parsePeriod(tc.in)
		got := ""
		if ok {
			got = p.String()
		}
		if got != tc.want {
			t.Errorf("parsePeriod(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestExcelSerial(t *testing.T) {
	for _, tc := range []struct {
		in       string
		date1904 bool
		want     string
	}{
		{"46296", false, "2026-10"},
		{"46326.75", false, "2026-10"}, // 2026-10-31 18:00
		{"44834", true, "2026-10"},     // the 1904 system counts from 1904
		{"12", false, ""},
	} {
		p, ok := excelSerialPeriod(tc.in, tc.date1904)
		got := ""
		if ok {
			got = p.String()
		}
		if got != tc.want {
			t.Errorf("excelSerialPeriod(%q, %v) = %q, want %q", tc.in, tc.date1904, got, tc.want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-10", "202610", "2026-10-31", "okt 2026", "oktober 2026", "Okt. 2026", "2026-10-01 00:00:00", "10/2026", "2026M10", "okt-26"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parsePeriod(s)
		if !ok {
			return
		}
		if p.Year() < minYear || p.Year() > maxYear {
			t.Fatalf("%q → %v, outside the years", s, p)
		}
		q, err := data.ParsePeriod(p.String())
		if err != nil || q != p {
			t.Fatalf("%q → %v does not read back (%v)", s, p, err)
		}
		if again, ok := parsePeriod(p.String()); !ok || again != p {
			t.Fatalf("%q → %v → %v", s, p, again)
		}
	})
}
