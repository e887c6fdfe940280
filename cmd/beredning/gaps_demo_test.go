package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/fixtures"
)

// `beredning gaps --period 2026-10 --format json` on the demo reports the
// scenarios of package fixtures under the rule ids one would expect.
func TestGapsOnTheDemo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := fixtures.Build(ctx, s, fixtures.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	s.Close()
	englishCommandsOnTheDemo(t, path)
	code, out, errs := runCLI(t, "gaps", "--db", path, "--period", "2026-10", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Municipality string
		Period       string
		Gaps         []struct{ Rule, Area, Unit, Severity string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range doc.Gaps {
		got = append(got, g.Rule+"@"+g.Area+"/"+g.Unit+":"+g.Severity)
	}
	sort.Strings(got)
	want := []string{
		"balance_by_vacancy@Barn och unga/Mottagningsenheten:hog",                // scenario 5
		"deadline_breach@Barn och unga/Utredningsenheten barn och unga:hog",      // scenario 1
		"green_with_shortfall@Barn och unga/Utredningsenheten barn och unga:hog", // scenario 1
		"green_with_shortfall@Försörjningsstöd/Försörjningsstödsenheten:hog",     // scenario 3
		"placement_surge@Barn och unga/Utredningsenheten barn och unga:medel",    // scenario 2, explained
		"silence@Vuxen missbruk/:hog",                                            // scenario 4
	}
	if doc.Municipality != fixtures.MunicipalityName || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n  %s\nwant:\n  %s", doc.Municipality, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// The default period is the demo's latest month with outcome.
	if code, out, _ := runCLI(t, "gaps", "--db", path); code != 0 || !strings.Contains(out, "oktober 2026") {
		t.Errorf("default period: exit %d\n%s", code, out)
	}
}

// November 2026 on the demo has budget rows but no outcome yet: every
// format says so, names October as the latest month with outcome, and never
// reads "no gaps" as if the month were all clear. The exit status is 0.
func TestGapsMonthWithoutOutcome(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := fixtures.Build(ctx, s, fixtures.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, c := range []struct {
		format, lang string
		want         []string
	}{
		{"table", "sv", []string{"November 2026 har inget utfall än; senaste månad med utfall är oktober 2026."}},
		{"md", "sv", []string{"November 2026 har inget utfall än; senaste månad med utfall är oktober 2026."}},
		{"table", "en", []string{"November 2026 has no outcome yet; the latest month with outcome is October 2026."}},
		{"json", "sv", []string{`"has_outcome": false`, `"outcome_through": "2026-10"`, `"gaps": []`}},
	} {
		code, out, errs := runCLI(t, "gaps", "--db", path, "--period", "2026-11", "--format", c.format, "--lang", c.lang)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.format, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s/%s: missing %q in\n%s", c.format, c.lang, w, out)
			}
		}
		if strings.Contains(out, "Inga kvalitetsglapp i") || strings.Contains(out, "No quality gaps in") {
			t.Errorf("%s/%s: a month without outcome reads as all clear:\n%s", c.format, c.lang, out)
		}
	}
	code, out, _ := runCLI(t, "gaps", "--db", path, "--period", "2026-10", "--format", "json")
	if code != 0 || !strings.Contains(out, `"has_outcome": true`) || !strings.Contains(out, `"outcome_through": "2026-10"`) {
		t.Errorf("October has outcome:\n%s", out)
	}
}

// A count of one takes the singular: "1 ny", not "1 nya".
func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		l    lang.Lang
		n    int
		key  string
		want string
	}{
		{lang.SV, 1, "cli.count.new", "1 ny"}, {lang.SV, 2, "cli.count.new", "2 nya"}, {lang.SV, 0, "cli.count.new", "0 nya"},
		{lang.SV, 1, "cli.count.changed", "1 ändrad"}, {lang.SV, 1, "cli.count.unchanged", "1 oförändrad"},
		{lang.SV, 1200, "cli.count.unchanged", "1 200 oförändrade"}, {lang.EN, 1, "cli.count.new", "1 new"},
	} {
		if got := countWord(c.l, c.n, c.key); got != c.want {
			t.Errorf("%s %d %s: %q, want %q", c.l.Code(), c.n, c.key, got, c.want)
		}
	}
}

// englishCommandsOnTheDemo runs the read commands in English and fails on
// words of their Swedish texts: thresholds, severities, labels. The demo's
// narratives, quoted in gap texts, are Swedish and may be.
func englishCommandsOnTheDemo(t *testing.T, path string) {
	t.Helper()
	swedish := []string{"Trösklar", "Underlag", "Allvarlighet", "medel", "HÖG", "MEDEL", "ångras", "Inläsning", "NYCKEL",
		"VÄRDE", "Kommun", "Nämnd", "Perioder", "Senaste", "Rader", "glapp", "Avvikelse", "Regel", "inga", "saknas",
		"kommunkod saknas", "Nyrekryterade", "Pågående insatser", "Ansökningar om"}
	for _, args := range [][]string{
		{"gaps", "--period", "2026-10"}, {"gaps", "--period", "2026-10", "--format", "md"}, {"gaps", "--period", "2026-11"},
		{"info"}, {"imports"}, {"settings"}, {"imports", "undo", "1"}, {"info", "--bogus"},
	} {
		_, out, errs := runCLI(t, append(append([]string{"--lang", "en"}, args...), "--db", path)...)
		if len(out+errs) < 20 {
			t.Errorf("%v: nothing said: %q", args, out+errs)
		}
		for _, w := range swedish {
			if containsWord(out+errs, w) {
				t.Errorf("%v in English says %q:\n%s%s", args, w, out, errs)
			}
		}
	}
}

func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		before, after := i == 0 || !isLetter(s[:i], true), i+len(w) == len(s) || !isLetter(s[i+len(w):], false)
		if before && after {
			return true
		}
		j := strings.Index(s[i+1:], w)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

func isLetter(s string, last bool) bool {
	r := []rune(s)
	if last {
		return unicode.IsLetter(r[len(r)-1])
	}
	return unicode.IsLetter(r[0])
}
