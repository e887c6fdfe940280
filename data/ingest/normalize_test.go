package ingest

import (
	"testing"

	"github.com/beredning/beredning/data/text"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Konsulentstött familjehem": "konsulentstott_familjehem",
		"Framgång":                  "framgang",
		"åtgärd":                    "atgard",
		"Lex Sarah":                 "lex_sarah",
		"Grön":                      "gron",
		" Barn  och-unga ":          "barn_och_unga",
		"Sjukfrånvaro %":            "sjukfranvaro_pct",
		"Ärenden/handläggare":       "arenden_handlaggare",
		"Café":                      "cafe",
	} {
		if got := text.Fold(in); got != want {
			t.Errorf("text.Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string][2]string{
		"Budget (tkr)":     {"budget", "tkr"},
		"utfall_tkr":       {"utfall", "tkr"},
		"Sjukfrånvaro (%)": {"sjukfranvaro", "pct"},
		"sjukfranvaro_pct": {"sjukfranvaro", "pct"},
		"Kostnad [kr]":     {"kostnad", "kr"},
		"Område":           {"omrade", ""},
	} {
		if k, u := foldName(in); k != want[0] || u != want[1] {
			t.Errorf("foldName(%q) = %q, %q; want %q", in, k, u, want)
		}
	}
}

func TestSimilar(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Forsorjningsstod", "Försörjningsstöd", true},
		{"Barn och unga", "Barn & unga", false},
		{"Barn och unga", "Barn och ung", true},
		{"Utredning", "Utredningar", true},
		{"Grupp 1", "Grupp 2", false},
		{"Enhet 01-01", "Enhet 01-02", false},
		{"HVB", "SiS", false},
		{"Vuxen missbruk", "Barn och unga", false},
	} {
		if got := similar(text.Fold(tc.a), text.Fold(tc.b)); got != tc.want {
			t.Errorf("similar(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestHeaders(t *testing.T) {
	h := mapHeader([]string{"Område", "enhet", "Period", "Konto", "Budget (tkr)", "utfall_tkr", "Prognos (kr)", "Kommentar"}, 1)
	if k, ok := h.kind(); !ok || k != KindBudget {
		t.Errorf("kind %q %v", k, ok)
	}
	if h.unit[colForecast] != unitKr || h.unit[colBudget] != unitTkr || len(h.unknown) != 1 {
		t.Errorf("units %v unknown %v", h.unit, h.unknown)
	}
	for name, want := range map[string]Kind{"budget_2026": KindBudget, "Mått": KindMeasures, "placeringar-okt": KindPlacements,
		"Berättelser": KindNarratives, "budget_och_matt": "", "data": ""} {
		if got, _ := kindFromName(name); got != want {
			t.Errorf("kindFromName(%q) = %q, want %q", name, got, want)
		}
	}
}
