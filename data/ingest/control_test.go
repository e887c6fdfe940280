package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return text.IsControl(r) && r != '\n' })
}

// TestControlCharactersInNamesAreRefused: ESC, BEL, C1 and bidi controls in
// an area, unit or konto are errors at their cell; before, they were
// stored and printed raw by gaps, info and the board.
func TestControlCharactersInNamesAreRefused(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"area_osc.csv":   "Område;Period;Konto;Budget\n\"Barn\x1b]0;pwned\x07\";2026-01;personal;10\n",
		"unit_c1.csv":    "Område;Enhet;Period;Konto;Budget\nBarn och unga;Enhet\u009b2J;2026-01;personal;10\n",
		"konto_bidi.csv": "Område;Period;Konto;Budget\nBarn och unga;2026-01;pers\u202eonal;10\n",
		"area_bel.csv":   "Område;Period;Konto;Budget\nBarn\x07unga;2026-01;personal;10\n",
	} {
		// ordinary rows after it, so that the file is not taken for binary
		// (more than 1 % control bytes)
		for m := 2; m <= 12; m++ {
			body += fmt.Sprintf("Vuxen;%d-%02d;personal;10\n", 2025, m)
		}
		if strings.HasPrefix(body, "Område;Enhet") {
			body = strings.ReplaceAll(body, "Vuxen;2025", "Vuxen;;2025")
		}
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			before := dump(t, s, false)
			p := writeFile(t, dir, name, []byte(body))
			rep, err := importPaths(t, s, Options{}, p)
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("err = %v, want ErrRefused", err)
			}
			got := rep.RenderErrors(lang.SV)
			if !strings.Contains(got, name+", rad 2, kolumn") || !strings.Contains(got, "styrtecken") {
				t.Errorf("want a located control-character error, got:\n%s", got)
			}
			if hasControl(got) || hasControl(rep.Render(lang.SV)) {
				t.Errorf("the report itself carries the control character: %q", got)
			}
			if dump(t, s, false) != before {
				t.Error("a refused import changed the store")
			}
		})
	}
}

// TestControlCharactersInNarrativesAreRemoved: a narrative keeps its words
// and line breaks, loses its control characters, and the import warns.
func TestControlCharactersInNarrativesAreRemoved(t *testing.T) {
	s := newStore(t)
	md := "---\nområde: Barn och unga\nperiod: 2026-10\ntyp: risk\nrubrik: Rubrik\x1b]0;pwned\x07 här\n---\n" +
		"Första raden \x1b]8;;http://evil\x1b\\länk\x1b]8;;\x1b\\ och \u009b2J\u202edolt.\nAndra raden.\n" +
		strings.Repeat("Ett stycke vanlig text om hur enheten arbetar med uppföljningarna. ", 20) + "\n"
	p := writeFile(t, t.TempDir(), "berattelse.md", []byte(md))
	rep := mustImport(t, s, Options{}, p)
	if !strings.Contains(rep.Render(lang.SV), "styrtecken") {
		t.Errorf("no warning about removed control characters:\n%s", rep.Render(lang.SV))
	}
	out := dump(t, s, false)
	if hasControl(strings.ReplaceAll(out, "\t", "")) {
		t.Errorf("a control character was stored:\n%q", out)
	}
	if !strings.Contains(out, "Andra raden") || !strings.Contains(out, "länk") {
		t.Errorf("the narrative lost its words:\n%s", out)
	}
}

// TestReportSanitisesFileNames: a file name with an escape sequence is
// shown without it in the summary and the errors.
func TestReportSanitisesFileNames(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "budget\x1b]0;pwned\x07.csv", []byte("Område;Period;Konto;Budget\nBarn och unga;2026-01;personal;10\n"))
	rep := mustImport(t, newStore(t), Options{}, p)
	if out := rep.Render(lang.SV); hasControl(out) {
		t.Errorf("the summary carries the file name's escape: %q", out)
	}
	bad := writeFile(t, dir, "bad\x1b[2J.csv", []byte("Område;Period;Konto;Budget\nBarn och unga;2026-13;personal;10\n"))
	rep, _ = importPaths(t, newStore(t), Options{}, bad)
	if out := rep.RenderErrors(lang.SV); hasControl(out) || out == "" {
		t.Errorf("the errors carry the file name's escape: %q", out)
	}
}
