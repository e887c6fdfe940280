package pnr

import (
	"strings"
	"testing"
)

func TestLuhn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"8112189876", true},
		{"8112189875", false},
		{"7905029802", true}, // 790502-9802
		{"", false},
		{"12a4", false},
	} {
		if got := Luhn(tc.in); got != tc.want {
			t.Errorf("Luhn(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // the matched substrings
		kind Kind
	}{
		{"Barnet 811218-9876 placerades", []string{"811218-9876"}, Personnummer},
		{"pnr 19811218-9876.", []string{"19811218-9876"}, Personnummer},
		{"pnr 198112189876", []string{"198112189876"}, Personnummer},
		{"pnr 8112189876 i akten", []string{"8112189876"}, Personnummer},
		{"äldre 811218+9876", []string{"811218+9876"}, Personnummer},
		{"samordningsnr 701063-2391", []string{"701063-2391"}, Samordningsnummer},
		{"två: 811218-9876 och 19811218-9876", []string{"811218-9876", "19811218-9876"}, Personnummer},
		{"fel kontrollsiffra 811218-9875", nil, 0},
		{"tio siffror utan Luhn 0701234560", nil, 0},
		{"ogiltigt datum 811318-9876", nil, 0}, // month 13
		{"30 februari 810230-0000", nil, 0},
		{"längre tal 98112189876 är inget", nil, 0},
		{"kod ABC8112189876", nil, 0},
		{"belopp 1 234 567,89", nil, 0},
		{"period 2026-10-31", nil, 0},
		{"", nil, 0},
	} {
		got := Find(tc.text)
		var subs []string
		for _, m := range got {
			subs = append(subs, tc.text[m.Start:m.End])
			if m.Kind != tc.kind {
				t.Errorf("Find(%q): kind %v, want %v", tc.text, m.Kind, tc.kind)
			}
		}
		if strings.Join(subs, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", tc.text, subs, tc.want)
		}
	}
}

func TestLeapDay(t *testing.T) {
	// 2000-02-29 is real; 1900-02-29 is not, but YY=00 may be either century.
	if len(Find("000229-0003")) == 0 && Luhn("0002290003") {
		t.Errorf("000229 should be a real date")
	}
	if Contains("19000229-0000") {
		t.Errorf("1900-02-29 is not a real date")
	}
}

func TestMask(t *testing.T) {
	got, n := Mask("Pojken 811218-9876 och 701063-2391 bor hemma.")
	want := "Pojken [personnummer borttaget] och [samordningsnummer borttaget] bor hemma."
	if got != want || n != 2 {
		t.Errorf("Mask = %q, %d; want %q, 2", got, n, want)
	}
	same, n := Mask("inget här 0701234560")
	if same != "inget här 0701234560" || n != 0 {
		t.Errorf("Mask changed a text without numbers: %q %d", same, n)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("811218-9876")
	f.Add("19811218-9876 och 701063-2391")
	f.Add("0701234560")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range Find(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("bad match %+v in %q", m, s)
			}
			prev = m.End
		}
		masked, _ := Mask(s)
		if Contains(masked) {
			t.Fatalf("masked text still holds a number: %q", masked)
		}
	})
}
