package tui

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/key"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// The language walks open every screen of the demo in one language and
// fail on any word that belongs only to the other: a measure name, a
// setting value or a label that did not go through the catalogue.
//
// The word lists are made, not typed: every word of the catalogue's texts
// in one language (and of the measures' names in it) that the other
// language's texts do not use. Words the demo's own data holds (area and
// unit names, narratives, which are written in Swedish) are allowed in
// both languages: they are what the municipality wrote.

func TestEnglishWalkHasNoSwedishWords(t *testing.T) {
	swedish := onlyIn(t, lang.SV, lang.EN)
	for _, w := range []string{"nyrekryterade", "medel", "avvikelse", "trösklar"} {
		if !swedish[w] {
			t.Fatalf("the Swedish-only words miss %q: the list is made wrong", w)
		}
	}
	walkLanguage(t, lang.EN, swedish)
}

func TestSwedishWalkHasNoEnglishWords(t *testing.T) {
	english := onlyIn(t, lang.EN, lang.SV)
	for _, w := range []string{"deviation", "placements", "narratives", "medium", "thresholds", "target"} {
		if !english[w] {
			t.Fatalf("the English-only words miss %q: the list is made wrong", w)
		}
	}
	walkLanguage(t, lang.SV, english)
}

// walkPaths visit every screen, each from a freshly opened board on
// October 2026: the board and an area's units, the gap band with a gap
// explained, the reader stepping through narratives, the gap overview,
// help, the filter, the import screen and its import log with an undo
// asked, a month without outcome and the earlier reports.
var walkPaths = [][]string{
	{"down", "enter", "down", "down", "down"},
	{"tab", "enter", "pgdown", "pgdown"},
	{"tab", "tab", "tab", "tab", "enter", "n", "n", "N", "pgdown"},
	{"tab", "tab", "tab", "pgdown"},
	{"o", "down", "down", "pgdown", "pgdown", "enter"},
	{"?", "pgdown"},
	{"/", "b", "a"},
	{"i", "down"},
	{"i", "u", "down", "enter"},
	{"]", "o"},
	{"]", "]"},
	{"[", "[", "{", "{", "{"},
}

func walkLanguage(t *testing.T, l lang.Lang, forbidden map[string]bool) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		for _, path := range walkPaths {
			m := newBoard(t, demoStore, Options{Lang: l, NoColor: true}, sz[0], sz[1])
			for i := 0; i <= len(path); i++ {
				if i > 0 {
					press(t, m, path[i-1])
				}
				sc := screen(m)
				if os.Getenv("WALK_SHOW") != "" && sz[0] == 120 {
					t.Logf("%v:\n%s", path[:i], sc)
				}
				for _, w := range wholeWords(sc) {
					if forbidden[w] {
						t.Errorf("%s at %dx%d after %v: %q\n%s", l.Code(), sz[0], sz[1], path[:i], w, sc)
						return
					}
				}
			}
		}
	}
}

// onlyIn is the words of the catalogue's texts (and the demo's measure
// names) in language a that language b's texts never use, less the words
// of the demo's own data.
func onlyIn(t *testing.T, a, b lang.Lang) map[string]bool {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, k := range lang.Keys() {
		for _, w := range words(a.T(k)) {
			inA[w] = true
		}
		for _, w := range words(b.T(k)) {
			inB[w] = true
		}
	}
	// Measures: the names a screen shows in each language.
	defs, err := demoMeasures()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range defs {
		sv, en := d.Name, d.NameEN // what each language should show
		if d.Known {
			sv, en = lang.SV.T("measure."+d.Key), lang.EN.T("measure."+d.Key)
		}
		if en == "" { // imported without an English name: Swedish in both
			en = sv
		}
		names := map[lang.Lang]string{lang.SV: sv, lang.EN: en}
		for _, w := range words(names[a]) {
			inA[w] = true
		}
		for _, w := range words(names[b]) {
			inB[w] = true
		}
	}
	own, err := demoDataWords()
	if err != nil {
		t.Fatal(err)
	}
	// Key names ("shift+tab", "pgdn") are the keyboard's, in both languages.
	km := reflect.ValueOf(newKeyMap(a))
	for i := 0; i < km.NumField(); i++ {
		if kb, ok := km.Field(i).Interface().(key.Binding); ok {
			for _, w := range words(kb.Help().Key + " " + strings.Join(kb.Keys(), " ")) {
				own[w] = true
			}
		}
	}
	// The import screen shows the folder it starts in.
	if wd, err := os.Getwd(); err == nil {
		for _, w := range words(wd) {
			own[w] = true
		}
	}
	out := map[string]bool{}
	for w := range inA {
		if !inB[w] && !own[w] {
			out[w] = true
		}
	}
	return out
}

// demoMeasures reads the demo's measures through the store's detail of
// the whole municipality.
func demoMeasures() ([]data.MeasureDef, error) {
	ctx := context.Background()
	ov, err := demoStore.Overview(ctx, data.MustPeriod("2026-10"))
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []data.MeasureDef
	for _, a := range ov.Areas {
		scopes := []data.Scope{{AreaID: a.ID}}
		for _, u := range a.Units {
			scopes = append(scopes, data.Scope{AreaID: a.ID, UnitID: u.ID})
		}
		for _, sc := range scopes {
			d, err := demoStore.Detail(ctx, sc, data.MustPeriod("2026-10"), data.DefaultDetailOptions)
			if err != nil {
				return nil, err
			}
			for _, ms := range d.Measures {
				if !seen[ms.ID] {
					seen[ms.ID] = true
					out = append(out, ms.MeasureDef)
				}
			}
			for _, in := range d.Indicators {
				if !seen[in.ID] {
					seen[in.ID] = true
					out = append(out, in.MeasureDef)
				}
			}
		}
	}
	return out, nil
}

// demoDataWords is every word the demo's data holds as free text (names,
// narratives, authors, meetings). Coded values (a severity "medel", a
// konto, a status) and the measures' names and the settings are left out:
// the screens must show those in the reader's language.
func demoDataWords() (map[string]bool, error) {
	var b bytes.Buffer
	if err := demoStore.Dump(context.Background(), &b); err != nil {
		return nil, err
	}
	coded := map[string]bool{"severity": true, "type": true, "status": true, "account": true, "kind": true,
		"target_group": true, "direction": true, "aggregation": true, "key": true, "about": true, "ref_kind": true}
	out := map[string]bool{}
	var keep []bool // per column of the table being read
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "-- ") {
			name, cols, _ := strings.Cut(strings.TrimPrefix(line, "-- "), " ")
			keep = nil
			if name == "measure" || name == "measure_value" || name == "setting" {
				continue
			}
			for _, c := range strings.Split(strings.Trim(cols, "()"), ", ") {
				keep = append(keep, !coded[c])
			}
			continue
		}
		for i, v := range strings.Split(line, "|") {
			if i < len(keep) && keep[i] {
				for _, w := range words(v) {
					out[w] = true
				}
			}
		}
	}
	return out, nil
}

// words are the lower-cased words of at least four letters in s.
// wholeWords is words(s) less the fragments a cut leaves before "…"
// ("ekonomi…" of "ekonomiskt"): a fragment of a data word can spell a
// catalogue word of the other language.
func wholeWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.HasSuffix(f, "…") {
			if i := strings.LastIndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && r != '…' }); i >= 0 {
				f = f[:i+1] // keep what stands before the cut word
			} else {
				continue
			}
		}
		out = append(out, words(f)...)
	}
	return out
}

func words(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(f)) >= 4 {
			out = append(out, strings.ToLower(f))
		}
	}
	sort.Strings(out)
	return out
}
