package gaps

import (
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

func TestWrapKeepsUnitsWithFigures(t *testing.T) {
	lines := wrap("sjukfrånvaro 9,4 % och 1 268,2 tkr (+14,0 %)", 15)
	for _, l := range lines {
		if strings.HasPrefix(l, "%") || strings.HasPrefix(l, "tkr") {
			t.Errorf("a line starts with a unit: %q", lines)
		}
		if len([]rune(l)) > 15 && !strings.Contains(l, " ") {
			t.Errorf("line too long: %q", l)
		}
	}
	for _, l := range wrap("avvikelse -1 268 300,5 tkr nu", 12) {
		if strings.HasPrefix(l, "268") || strings.HasPrefix(l, "300") {
			t.Errorf("a number is broken at its thousands: %q", l)
		}
	}
	if got := wrap("", 10); len(got) != 1 || got[0] != "" {
		t.Errorf("empty text: %q", got)
	}
	if got := wrap("ordmedmångatecken kort", 5); len(got) != 2 || got[0] != "ordmedmångatecken" {
		t.Errorf("a long word stands alone: %q", got)
	}
}

func TestHeadingLeavesOutWhatIsMissing(t *testing.T) {
	oct := data.MustPeriod("2026-10")
	for _, tc := range []struct {
		name string
		p    data.Period
		want string
	}{
		{"Ekbacka kommun", oct, "Kvalitetsglapp – Ekbacka kommun – oktober 2026"},
		{"", oct, "Kvalitetsglapp – oktober 2026"},
		{"Ekbacka kommun", 0, "Kvalitetsglapp – Ekbacka kommun"},
		{"", 0, "Kvalitetsglapp"},
	} {
		if got := Heading(lang.SV, tc.name, tc.p); got != tc.want {
			t.Errorf("Heading(%q, %v) = %q, want %q", tc.name, tc.p, got, tc.want)
		}
	}
}
