package gaps_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// A municipality whose data is in order yields no gap at all: a false
// alarm costs as much as a miss.
func TestCleanMunicipalityHasNoGaps(t *testing.T) {
	s := build(t, clean)
	for _, per := range []string{"2026-10", "2026-09", "2026-04", "2026-01", "2025-12", "2026-11"} {
		for _, l := range []lang.Lang{lang.SV, lang.EN} {
			r := compute(t, s, per, l)
			if len(r.Gaps) != 0 {
				t.Errorf("%s: false alarms:\n  %s", per, strings.Join(keys(r.Gaps), "\n  "))
			}
		}
	}
	// The same municipality, one thing wrong at a time: each is found.
	for _, c := range []struct {
		name string
		add  func(b *builder)
		want string
	}{
		{"a green dot over a shortfall", func(b *builder) {
			b.narrative("Vuxen missbruk/Öppenvård", "2026-10", data.TypeDropped, data.SeverityHigh, "Hembesök görs inte", "")
		}, "green_with_shortfall@Vuxen missbruk/Öppenvård:hog"},
		{"overdue investigations", func(b *builder) {
			b.measure("Barn och unga/Utredning", "2026-10", data.MeasureInvOverdue, 2)
		}, "deadline_breach@Barn och unga/Utredning:hog"},
		{"vacancies", func(b *builder) {
			b.months("Barn och unga/Öppenvård", data.AccountStaff, "2026-01", "2026-10", 1000, 950)
			b.measure("Barn och unga/Öppenvård", "2026-10", data.MeasureVacancies, 2)
		}, "balance_by_vacancy@Barn och unga/Öppenvård:medel"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := build(t, clean, c.add)
			if got := keys(compute(t, s, "2026-10", lang.SV).Gaps); len(got) != 1 || got[0] != c.want {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
}

func TestEmptyDatabase(t *testing.T) {
	s := newStore(t)
	r, err := gaps.Compute(context.Background(), s, 0, lang.SV)
	if err != nil || len(r.Gaps) != 0 || !r.Period.IsZero() {
		t.Fatalf("%+v %v", r, err)
	}
	var out bytes.Buffer
	if err := gaps.WriteJSON(&out, r); err != nil || !strings.Contains(out.String(), `"gaps": []`) {
		t.Errorf("%s %v", out.String(), err)
	}
}

func TestDefaultPeriodIsLatestOutcome(t *testing.T) {
	s := build(t, clean)
	if r := compute(t, s, "", lang.SV); r.Period != data.MustPeriod("2026-10") || r.Municipality != "Testby kommun" {
		t.Errorf("period %v, municipality %q", r.Period, r.Municipality)
	}
}

// mixed has gaps of several severities in two areas.
func mixed(b *builder) {
	b.measure(U, "2026-10", data.MeasureInvOverdue, 2) // medel
	b.measure(A, "2026-08", data.MeasureInvOverdue, 1)
	b.measure(A, "2026-10", data.MeasureInvOverdue, 3)                               // hog, area level
	b.indicator(U2, "2026-10", data.MeasureInvInTimeShare, 50, 90, data.StatusGreen) // hog
	b.narrative(A, "2026-10", data.TypeSuccess, data.SeverityLow, "Bra", "")
	b.indicator(VU, "2026-10", data.MeasureInvInTimeShare, 95, 90, data.StatusGreen)
	b.narrative(VU, "2026-05", data.TypeSuccess, data.SeverityLow, "Bra", "") // silence medel
}

func TestSortScopeAndCounts(t *testing.T) {
	s := build(t, mixed)
	r := compute(t, s, "2026-10", lang.SV)
	var got []string
	for _, g := range r.Gaps {
		got = append(got, g.Rule+"@"+g.Where()+":"+string(g.Severity))
	}
	want := []string{
		"deadline_breach@Barn och unga:hog",
		"status_contradiction@Barn och unga › Familjehem:hog",
		"deadline_breach@Barn och unga › Utredning:medel",
		"silence@Vuxen missbruk:medel",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	a := r.Gaps[0].AreaID
	if n := len(r.ForScope(data.Scope{AreaID: a})); n != 3 {
		t.Errorf("area scope: %d gaps, want 3", n)
	}
	unit := r.Gaps[2].Scope()
	if gs := r.ForScope(unit); len(gs) != 1 || gs[0].Rule != gaps.RuleDeadlineBreach {
		t.Errorf("unit scope: %v", keys(gs))
	}
	if c := r.Counts(data.Scope{AreaID: a}); c[data.SeverityHigh] != 2 || c[data.SeverityMedium] != 1 {
		t.Errorf("counts %v", c)
	}
	if c := r.Counts(data.Scope{}); c[data.SeverityHigh] != 2 || c[data.SeverityMedium] != 2 {
		t.Errorf("all counts %v", c)
	}
}

func TestOutputs(t *testing.T) {
	s := build(t, mixed, func(b *builder) {
		b.months(U, data.AccountStaff, "2026-01", "2026-10", 1000, 1080)
		b.narrative(A, "2026-10", data.TypeDropped, data.SeverityHigh, "Uppföljningar *görs* inte", "")
		b.indicator(U, "2026-10", data.MeasureUserSatisfaction, 85, 80, data.StatusGreen)
	})
	r := compute(t, s, "2026-10", lang.SV)

	var js bytes.Buffer
	if err := gaps.WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Municipality string `json:"municipality"`
		Period       string `json:"period"`
		Gaps         []struct {
			Rule, Area, Unit, Severity, Title, Explanation string
			Evidence                                       []map[string]any
		} `json:"gaps"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Municipality != "Testby kommun" || doc.Period != "2026-10" || len(doc.Gaps) != len(r.Gaps) {
		t.Fatalf("%s", js.String())
	}
	var raw map[string]any
	json.Unmarshal(js.Bytes(), &raw)
	for k := range raw {
		if k != "municipality" && k != "kommunkod" && k != "period" && k != "gaps" && k != "has_outcome" && k != "outcome_through" {
			t.Errorf("unexpected top-level key %q", k)
		}
	}
	for _, g := range raw["gaps"].([]any) {
		gm := g.(map[string]any)
		if len(gm) != 7 {
			t.Errorf("gap keys: %v", gm)
		}
		for _, k := range []string{"rule", "area", "unit", "severity", "title", "explanation", "evidence"} {
			if _, ok := gm[k]; !ok {
				t.Errorf("gap lacks %q", k)
			}
		}
	}
	var budgetEv map[string]any
	for _, g := range doc.Gaps {
		for _, ev := range g.Evidence {
			if ev["kind"] == "budget" {
				budgetEv = ev
			}
		}
	}
	if budgetEv == nil || budgetEv["deviation_tkr"] != -800.0 || budgetEv["budget_tkr"] != 10000.0 || budgetEv["account"] != "personal" || budgetEv["from"] != "2026-01" {
		t.Errorf("budget evidence %v", budgetEv)
	}

	var tb bytes.Buffer
	if err := gaps.WriteTable(&tb, r, lang.SV, 80); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(tb.String(), "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("table line %d is %d wide: %q", i, n, line)
		}
	}
	for _, s := range []string{"Kvalitetsglapp – Testby kommun – oktober 2026", "HÖG", "Fyramånadersgränsen överskrids", "Underlag:", "budget − utfall"} {
		if !strings.Contains(tb.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, tb.String())
		}
	}
	// Rule ids and setting keys are for scripts and the command line; a
	// reader sees their names.
	for _, id := range append(gaps.Rules, "recent_months", "_pct", "min_severity", "min_tkr") {
		if strings.Contains(tb.String(), id) {
			t.Errorf("table shows the key %q:\n%s", id, tb.String())
		}
	}

	var md bytes.Buffer
	if err := gaps.WriteMarkdown(&md, r, lang.EN); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"# Quality gaps – Testby kommun – October 2026", "## 1. ", "**Rule:** Four-month limit exceeded", `\*görs\*`, "**Severity:** high"} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("markdown lacks %q:\n%s", s, md.String())
		}
	}
	for _, id := range append(gaps.Rules, "recent_months", "_pct", "min_severity", "min_tkr") {
		if strings.Contains(md.String(), id) {
			t.Errorf("markdown shows the key %q:\n%s", id, md.String())
		}
	}

	en := compute(t, s, "2026-10", lang.EN)
	for _, g := range en.Gaps {
		if strings.Contains(g.Explanation, "utredningar") || strings.Contains(g.Title, "Oförklarad") {
			t.Errorf("English text has Swedish words: %q %q", g.Title, g.Explanation)
		}
	}

	var none bytes.Buffer
	oct := data.MustPeriod("2026-10")
	gaps.WriteTable(&none, gaps.Result{Municipality: "X", Period: oct, Outcome: data.OutcomeStatus{Has: true, Through: oct}}, lang.SV, 100)
	if !strings.Contains(none.String(), "Inga kvalitetsglapp i oktober 2026") {
		t.Errorf("%s", none.String())
	}
}

func TestEveryRuleAndSettingHasTexts(t *testing.T) {
	for _, r := range gaps.Rules {
		if gaps.RuleName(lang.SV, r) == r || gaps.RuleName(lang.EN, r) == r {
			t.Errorf("rule %s has no name", r)
		}
	}
	for _, d := range data.SettingDefs {
		if gaps.SettingHelp(lang.SV, d.Key) == "" || gaps.SettingHelp(lang.EN, d.Key) == "" {
			t.Errorf("setting %s has no help", d.Key)
		}
	}
}

func TestExportsMaskPersonnummer(t *testing.T) {
	// A narrative title written past the importer's check (the write API
	// does not vet text unless CheckNarrative is set).
	s := build(t, func(b *builder) {
		b.indicator(U, "2026-10", data.MeasureInvInTimeShare, 92, 90, data.StatusGreen)
		b.narrative(U, "2026-10", data.TypeDropped, data.SeverityHigh, "Uppföljning av 121212-1212 uteblev", "")
	})
	r := compute(t, s, "2026-10", lang.SV)
	for name, w := range map[string]func(*bytes.Buffer) error{
		"json":  func(b *bytes.Buffer) error { return gaps.WriteJSON(b, r) },
		"table": func(b *bytes.Buffer) error { return gaps.WriteTable(b, r, lang.SV, 100) },
		"md":    func(b *bytes.Buffer) error { return gaps.WriteMarkdown(b, r, lang.SV) },
	} {
		var out bytes.Buffer
		if err := w(&out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "121212-1212") || !strings.Contains(out.String(), "personnummer borttaget") {
			t.Errorf("%s: the personnummer is not masked:\n%s", name, out.String())
		}
	}
}
