package lang_test

import (
	"testing"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

func TestTkr(t *testing.T) {
	cases := []struct {
		m    data.Money
		want string
	}{
		{0, "0,0 tkr"},
		{1234*data.Tkr + 50*data.Krona*10, "1 234,5 tkr"},
		{-(410*data.Tkr + 70*data.Krona*10), "-410,7 tkr"},
		{1234567 * data.Tkr, "1 234 567,0 tkr"},
		{49 * data.Krona, "0,0 tkr"},   // 49 kr rounds down
		{50 * data.Krona, "0,1 tkr"},   // 50 kr is half a tenth: away from zero
		{-50 * data.Krona, "-0,1 tkr"}, // symmetric for negatives
		{-49 * data.Krona, "0,0 tkr"},  // no "-0,0"
		{999950 * data.Krona, "1 000,0 tkr"},
	}
	for _, c := range cases {
		if got := lang.Tkr(c.m); got != c.want {
			t.Errorf("Tkr(%d öre) = %q, want %q", c.m, got, c.want)
		}
	}
	if got := lang.SignedTkr(310 * data.Tkr); got != "+310,0" {
		t.Errorf("SignedTkr = %q", got)
	}
	if got := lang.SignedTkr(-310 * data.Tkr); got != "-310,0" {
		t.Errorf("SignedTkr = %q", got)
	}
}

func TestNumber(t *testing.T) {
	cases := []struct {
		f    float64
		d    int
		want string
	}{
		{1234.5, 1, "1 234,5"},
		{-1234.5, 1, "-1 234,5"},
		{-0.04, 1, "0,0"},
		{999, 0, "999"},
		{1000, 0, "1 000"},
		{56123, 0, "56 123"},
	}
	for _, c := range cases {
		if got := lang.Number(c.f, c.d); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.f, c.d, got, c.want)
		}
	}
	if got := lang.Percent(3.25, 1); got != "3,3 %" && got != "3,2 %" {
		t.Errorf("Percent = %q", got)
	}
	if got := lang.SignedPercent(12, 0); got != "+12 %" {
		t.Errorf("SignedPercent = %q", got)
	}
	if got := lang.Int(-1234567); got != "-1 234 567" {
		t.Errorf("Int = %q", got)
	}
}

func TestPeriodsAndLanguages(t *testing.T) {
	p := data.MustPeriod("2026-10")
	if got := lang.SV.Period(p); got != "oktober 2026" {
		t.Errorf("SV.Period = %q", got)
	}
	if got := lang.EN.Period(p); got != "October 2026" {
		t.Errorf("EN.Period = %q", got)
	}
	if got := lang.SV.PeriodShort(data.MustPeriod("2026-05")); got != "maj 2026" {
		t.Errorf("SV.PeriodShort = %q", got)
	}
	if got := lang.SV.Date(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)); got != "26 november 2026" {
		t.Errorf("SV.Date = %q", got)
	}
	if lang.SV.Status(data.StatusGreen) != "grön" || lang.EN.Status(data.StatusRed) != "red" {
		t.Error("status names")
	}
	if lang.SV.Account("lokaler") != "lokaler" {
		t.Error("an unknown konto is shown as it came")
	}
	if lang.EN.Report(data.ReportFor(data.MustPeriod("2026-08"))) != "Interim report" {
		t.Error("August is the interim report")
	}
}

func TestParseAndEnv(t *testing.T) {
	for in, want := range map[string]lang.Lang{"sv": lang.SV, "en": lang.EN, "en_GB.UTF-8": lang.EN, "sv_SE.UTF-8": lang.SV, "English": lang.EN} {
		if got, ok := lang.Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := lang.Parse("de_DE"); ok {
		t.Error("German is not a language of the product")
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	if lang.FromEnv("") != lang.EN {
		t.Error("LANG=en_US gives English")
	}
	if lang.FromEnv("sv") != lang.SV {
		t.Error("the flag wins over LANG")
	}
	t.Setenv("LANG", "C.UTF-8")
	if lang.FromEnv("") != lang.SV {
		t.Error("a non-English LANG gives Swedish")
	}
}

func TestPluralPicksTheFormByCount(t *testing.T) {
	lang.Register(map[string]lang.Text{
		"test.plural.narratives":     {"%d berättelser", "%d narratives"},
		"test.plural.narratives.one": {"%d berättelse", "%d narrative"},
	})
	for _, c := range []struct {
		l    lang.Lang
		n    int
		want string
	}{
		{lang.SV, 0, "0 berättelser"}, {lang.SV, 1, "1 berättelse"}, {lang.SV, 2, "2 berättelser"},
		{lang.EN, 0, "0 narratives"}, {lang.EN, 1, "1 narrative"}, {lang.EN, 21, "21 narratives"},
	} {
		if got := c.l.N(c.n, "test.plural.narratives", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l.Code(), c.n, got, c.want)
		}
	}
	// without a singular form the plural stands
	if got := lang.SV.N(1, "gaps.none.such"); got != "gaps.none.such" {
		t.Errorf("unknown key: %q", got)
	}
}

// A measure has one display name per language: the catalogue's for known
// measures, the municipality's own English name when it gave one, else the
// Swedish name it was imported with.
func TestMeasureNamePerLanguage(t *testing.T) {
	known := data.MeasureDef{Key: data.MeasureSickLeave, Name: "Sjukfrånvaro (%)", Known: true}
	own := data.MeasureDef{Key: "nyrekryterade_familjehem", Name: "Nyrekryterade familjehem", NameEN: "Newly recruited foster families"}
	imported := data.MeasureDef{Key: "vantetid", Name: "Väntetid (dagar)"}
	for _, tc := range []struct {
		def    data.MeasureDef
		sv, en string
	}{
		{known, "Sjukfrånvaro (%)", "Sick leave (%)"},
		{own, "Nyrekryterade familjehem", "Newly recruited foster families"},
		{imported, "Väntetid (dagar)", "Väntetid (dagar)"},
	} {
		if got := lang.SV.Measure(tc.def); got != tc.sv {
			t.Errorf("sv %q, want %q", got, tc.sv)
		}
		if got := lang.EN.Measure(tc.def); got != tc.en {
			t.Errorf("en %q, want %q", got, tc.en)
		}
	}
}
