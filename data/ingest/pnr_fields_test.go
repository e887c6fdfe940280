package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/lang"
)

// TestPNRInNamesAndKeys: a personal number in a unit's name, an area, a
// konto or a measure name is refused at its cell (it reached the board,
// gaps and info before), and masked under --mask-pnr.
func TestPNRInNamesAndKeys(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"unit.csv":    "Område;Enhet;Period;Konto;Budget\nBarn och unga;Enhet 811218-9876;2026-01;personal;10\n",
		"area.csv":    "Område;Period;Konto;Budget\nBarn 19811218 9876;2026-01;personal;10\n",
		"konto.csv":   "Område;Period;Konto;Budget\nBarn och unga;2026-01;konto 811218–9876;10\n",
		"measure.csv": "Område;Period;Mått;Värde\nBarn och unga;2026-01;Mått för 8112189876;10\n",
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			before := dump(t, s, false)
			p := writeFile(t, dir, name, []byte(body))
			rep, err := importPaths(t, s, Options{}, p)
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("err = %v, want ErrRefused", err)
			}
			got := rep.RenderErrors(lang.SV)
			if !strings.Contains(got, name+", rad 2, kolumn") || !strings.Contains(got, "personnummer") || strings.Contains(got, "9876") {
				t.Errorf("want a located personnummer error without the number, got:\n%s", got)
			}
			if dump(t, s, false) != before {
				t.Error("a refused import changed the store")
			}
			mustImport(t, s, Options{MaskPNR: true}, p)
			if out := dump(t, s, false); strings.Contains(out, "9876") || !strings.Contains(out, "personnummer") {
				t.Errorf("--mask-pnr did not mask the name:\n%s", out)
			}
		})
	}
}

// TestPNRInFileNameAndUser: a file name or --user with a personal number
// is masked in the report and the import log.
func TestPNRInFileNameAndUser(t *testing.T) {
	s := newStore(t)
	p := writeFile(t, t.TempDir(), "utredning 811218-9876.csv", []byte("Område;Period;Konto;Budget\nBarn och unga;2026-01;personal;10\n"))
	rep := mustImport(t, s, Options{User: "anna 811218-9876"}, p)
	if out := rep.Render(lang.SV); strings.Contains(out, "9876") {
		t.Errorf("the report shows the number: %s", out)
	}
	if out := dump(t, s, false); strings.Contains(out, "9876") {
		t.Errorf("the import log holds the number:\n%s", out)
	}
}
