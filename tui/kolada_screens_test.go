package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

// koladaStore is a small municipality (Botkyrka's code) with a few
// Kolada values of its own, its region's, Riket's and Stockholm's
// (written here, in the API's format): N33816 with Stockholm-like break
// in 2021 for the home series, U33401 with a missing year.
func koladaStore(t testing.TB) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	err = s.Write(ctx, func(tx *data.Tx) error {
		if err := tx.SetMunicipality(data.Municipality{Name: "Botkyrka kommun", Kommunkod: "0127"}); err != nil {
			return err
		}
		a, _, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
		if err != nil {
			return err
		}
		u, _, err := tx.EnsureUnit(a, "Utredning")
		if err != nil {
			return err
		}
		for m := 1; m <= 10; m++ {
			o := data.Money(90+m) * data.Tkr
			if _, err := tx.PutBudget(data.BudgetRow{Scope: data.Scope{AreaID: a, UnitID: u}, Period: data.NewPeriod(2026, time.Month(m)),
				Account: data.AccountStaff, Budget: 100 * data.Tkr, Outcome: &o}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var els []string
	add := func(kpi, code string, year int, v float64) {
		els = append(els, fmt.Sprintf(`{"kpi": %q, "municipality": %q, "period": %d, "values": [{"gender": "T", "value": %g}]}`, kpi, code, year, v))
	}
	for y := 2018; y <= 2022; y++ {
		home := 0.4
		if y >= 2021 {
			home = 1.5
		}
		add("N33816", "0127", y, home)
		add("N33816", "0001", y, 1.1)
		add("N33816", "0000", y, 1.3)
		add("N33816", "0180", y, 0.9)
		if y != 2020 {
			add("U33401", "0127", y, 100+float64(y-2018)*10)
		}
		add("U33401", "0000", y, 110)
	}
	els = append(els, `{"id": "N33816", "title": "Barn och unga 0-20 år som har varit placerade på HVB någon gång under året, antal/1000 inv"}`,
		`{"id": "U33401", "title": "Utredningstid i antal dagar från påbörjad utredning till avslutad utredning inom barn och ungdom 0-20 år, medelvärde"}`)
	p := filepath.Join(t.TempDir(), "answer.json")
	os.WriteFile(p, []byte(`{"values": [`+strings.Join(els, ",\n")+`]}`), 0o600)
	if rep, err := kolada.Import(ctx, s, []string{p}, kolada.Options{}); err != nil || rep.Refused() {
		t.Fatal(err, rep.Problems)
	}
	// A fixed import time, for the header in the goldens.
	if _, err := s.DB().Exec(`UPDATE import_log SET at = '2026-11-20T07:30:00Z'`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, data.SettingKoladaCompare, "0180"); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestKoladaScreen(t *testing.T) {
	s := koladaStore(t)
	m := newBoard(t, s, Options{NoColor: true}, 120, 40)
	press(t, m, "K")
	if _, ok := m.top().(*koladaScreen); !ok {
		t.Fatalf("K did not open the Kolada screen: %T", m.top())
	}
	v := screen(m)
	for _, want := range []string{"Botkyrka jämfört med region, riket och jämförelsekommuner", "Källa: Kolada/RKA",
		"N33816", "Region Stockholm", "Riket", "Stockholm", "1,5‡", "Botkyrka: brott i serien, 0,4 (2020) → 1,5 (2021)",
		"U33401", "Botkyrka saknar värde för 2020", "Nämnden som helhet"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen lacks %q:\n%s", want, v)
		}
	}
	press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Fatalf("esc left %d screens", len(m.stack))
	}
}

func TestKoladaScreenWithoutKommunkod(t *testing.T) {
	m := newBoard(t, testbyStore, Options{NoColor: true}, 100, 30)
	press(t, m, "K")
	if v := screen(m); !strings.Contains(v, "Kommunkoden saknas") {
		t.Fatalf("no word on the missing kommunkod:\n%s", v)
	}
}

func TestEconScreen(t *testing.T) {
	m := newBoard(t, demoStore, Options{NoColor: true, Lang: lang.EN}, 120, 60)
	press(t, m, "e")
	e, ok := m.top().(*econScreen)
	if !ok {
		t.Fatalf("e did not open the long view: %T", m.top())
	}
	if e.lv == nil || e.lv.From != data.MustPeriod("2024-01") {
		t.Fatalf("long view not loaded: %+v", e.lv)
	}
	// What scrolls below the window is in the content.
	v := screen(m) + ansi.Strip(strings.Join(e.content(120, 56), "\n"))
	for _, want := range []string{"Economy over time", "The staff budget showed", "Staff, tkr a month", "Vacant posts",
		"Placement cost", "Ongoing placements", "Staff: deviation a month", "2024", "2025", "2026", "Deviation per year",
		"2024  12 mon  total -617,8 ▲  staff +229,4 ▼ (tkr)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen lacks %q:\n%s", want, v)
		}
	}
	// A period step reloads it up to the new period.
	press(t, m, "[")
	if e.lv == nil || e.lv.To != data.MustPeriod("2026-09") {
		t.Fatalf("after [: %+v", e.lv)
	}
}

// Screens survive any size, including none before the first WindowSizeMsg.
func TestKoladaScreensAnySize(t *testing.T) {
	s := koladaStore(t)
	for _, k := range []string{"K", "e"} {
		m := newBoard(t, s, Options{NoColor: true}, 80, 24)
		press(t, m, k)
		for _, sz := range [][2]int{{0, 0}, {1, 1}, {20, 5}, {39, 11}, {80, 24}, {300, 90}} {
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			v := m.View().Content
			for _, line := range strings.Split(v, "\n") {
				if sz[0] > 0 && ansi.StringWidth(line) > sz[0] {
					t.Fatalf("%s at %dx%d: line wider than the window: %q", k, sz[0], sz[1], line)
				}
			}
		}
	}
}

func TestKoladaGolden(t *testing.T) {
	s := koladaStore(t)
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d_sv", sz[0], sz[1]), func(t *testing.T) {
			goldenScreen(t, s, Options{}, sz[0], sz[1], "K")
		})
	}
}

func TestEconGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d_sv", sz[0], sz[1]), func(t *testing.T) {
			goldenBoard(t, Options{}, sz[0], sz[1], "e")
		})
	}
	t.Run("200x50_en", func(t *testing.T) { goldenBoard(t, Options{Lang: lang.EN}, 200, 50, "e") })
}

// A new user's way, on the real DDF dump when it is there: Botkyrka's
// kommunkod, the dump imported, Stockholm to compare with; K shows
// Botkyrka's 145 investigation days of 2020 beside Riket and Stockholm,
// and Stockholm's HVB break of 2021 marked.
func TestKoladaScreenRealBotkyrka(t *testing.T) {
	dir := os.Getenv("BEREDNING_KOLADA_DATA")
	if dir == "" {
		dir = "/work/shared/kolada"
	}
	ddf := filepath.Join(dir, "kolada_ddf_2024")
	if _, err := os.Stat(ddf); err != nil {
		t.Skipf("real Kolada data not found at %s (set BEREDNING_KOLADA_DATA); skipping", ddf)
	}
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Write(ctx, func(tx *data.Tx) error {
		if err := tx.SetMunicipality(data.Municipality{Name: "Botkyrka kommun", Kommunkod: "0127"}); err != nil {
			return err
		}
		_, _, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := kolada.Import(ctx, s, []string{ddf}, kolada.Options{}); err != nil || rep.Refused() {
		t.Fatal(err, rep.Problems)
	}
	if err := s.SetSetting(ctx, data.SettingKoladaCompare, "0180"); err != nil {
		t.Fatal(err)
	}
	m := newBoard(t, s, Options{NoColor: true}, 200, 50)
	press(t, m, "K")
	k, ok := m.top().(*koladaScreen)
	if !ok {
		t.Fatalf("K opened %T", m.top())
	}
	all := ansi.Strip(strings.Join(k.content(200), "\n"))
	for _, want := range []string{"Botkyrka", "Riket", "Stockholm", "U33401", "145", "Stockholm: brott i serien, 0,38 (2020) → 1,48 (2021)"} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q:\n%s", want, all)
		}
	}
}
