package ingest

import (
	"testing"

	"github.com/beredning/beredning/data/lang"
)

func TestSmoke(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	p := writeFile(t, dir, "budget_2026.csv", []byte("Område;Enhet;Period;Konto;Budget (tkr);Utfall (tkr);Prognos\r\nBarn och unga;Utredning;2026-10;personal;1\u00a0234,5;-410,7;\r\nBarn och unga;;okt 2026;Lokaler;100;;\r\n"))
	rep := mustImport(t, s, Options{}, p)
	t.Log(rep.Render(lang.SV))
	b, o, f := budgetOf(t, s, "Barn och unga", "Utredning", "2026-10", "personal")
	t.Log(b, o, f)
	rep = mustImport(t, s, Options{}, p)
	t.Log(rep.Render(lang.EN))
}
