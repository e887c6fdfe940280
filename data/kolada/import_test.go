package kolada_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

// sharedDir is where the real Kolada files lie beside the repository;
// they are not part of it, so tests that need them skip without them.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir := os.Getenv("BEREDNING_KOLADA_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "kolada")
		if abs, err := filepath.Abs("/work/shared/kolada"); err == nil {
			if _, err := os.Stat(dir); err != nil {
				dir = abs
			}
		}
	}
	p := filepath.Join(dir, sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real Kolada data not found at %s (set BEREDNING_KOLADA_DATA to the folder with kolada_ddf_2024/); skipping", p)
	}
	return p
}

func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustImport(t testing.TB, s *data.Store, opts kolada.Options, paths ...string) kolada.Report {
	t.Helper()
	rep, err := kolada.Import(context.Background(), s, paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Refused() {
		var msgs []string
		for _, p := range rep.Problems {
			msgs = append(msgs, p.Message(lang.EN))
		}
		t.Fatalf("import refused:\n%s", strings.Join(msgs, "\n"))
	}
	return rep
}

func value(t testing.TB, s *data.Store, kpi, muni string, year int, gender string) (float64, bool) {
	t.Helper()
	vs, err := kolada.List(context.Background(), s, kolada.Filter{KPIs: []string{kpi}, Municipality: []string{muni}, FromYear: year, ToYear: year, Gender: gender})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) == 0 {
		return 0, false
	}
	return vs[0].Value, true
}

func wantValue(t testing.TB, s *data.Store, kpi, muni string, year int, want float64) {
	t.Helper()
	got, ok := value(t, s, kpi, muni, year, kolada.Total)
	if !ok {
		t.Fatalf("%s %s %d: no value stored", kpi, muni, year)
	}
	// Kolada shows two decimals; the files keep six.
	if math.Round(got*100)/100 != want {
		t.Fatalf("%s %s %d = %v, want %v", kpi, muni, year, got, want)
	}
}

func TestImportDDFRealSpotValues(t *testing.T) {
	dir := sharedDir(t, "kolada_ddf_2024")
	s := newStore(t)
	rep := mustImport(t, s, kolada.Options{}, dir)
	if rep.New == 0 || rep.Changed != 0 {
		t.Fatalf("first import: %d new, %d changed", rep.New, rep.Changed)
	}
	wantValue(t, s, "N01951", "0180", 2022, 984748)
	wantValue(t, s, "U33401", "0127", 2020, 145)
	wantValue(t, s, "N33817", "0480", 2022, 9.57)
	wantValue(t, s, "N33817", kolada.Riket, 2022, 7.28)
	wantValue(t, s, "N33816", "0180", 2020, 0.38)
	wantValue(t, s, "N33816", "0180", 2021, 1.48)
	// Regions are written 00NN, as Kolada does.
	if _, ok := value(t, s, "N01951", "0001", 2022, kolada.Total); !ok {
		t.Fatal("Region Stockholm (DDF geo 01) not stored as 0001")
	}
	// The gender split keeps women and men apart from the total.
	if _, ok := value(t, s, "U33401", "0127", 2020, kolada.Women); !ok {
		t.Fatal("no value for women from the gender files")
	}
	kpis, err := kolada.KPIs(context.Background(), s, []string{"U33401", "N33816"})
	if err != nil {
		t.Fatal(err)
	}
	if k := kpis["U33401"]; !strings.HasPrefix(k.Title, "Utredningstid") || k.Unit != "dagar" || k.Area == "" || k.Description == "" {
		t.Fatalf("U33401 catalogue entry: %+v", k)
	}
	if k := kpis["N33816"]; k.Unit != "antal/1000 inv" {
		t.Fatalf("N33816 unit %q", k.Unit)
	}
	names, err := kolada.Names(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if names["0127"] != "Botkyrka" || names["0001"] != "Region Stockholm" || names[kolada.Riket] != "Riket" {
		t.Fatalf("names: %q %q %q", names["0127"], names["0001"], names[kolada.Riket])
	}

	// Importing again changes nothing.
	again := mustImport(t, s, kolada.Options{}, dir)
	if again.New != 0 || again.Changed != 0 || again.Unchanged != rep.New {
		t.Fatalf("second import: %d new, %d changed, %d unchanged; want 0, 0, %d", again.New, again.Changed, again.Unchanged, rep.New)
	}
}

// BenchmarkImportDDF imports the real DDF folder (45 KPIs, about 183 000
// values with the gender split) into a fresh database.
func BenchmarkImportDDF(b *testing.B) {
	dir := sharedDir(b, "kolada_ddf_2024")
	for b.Loop() {
		b.StopTimer()
		s := newStore(b)
		b.StartTimer()
		if rep, err := kolada.Import(context.Background(), s, []string{dir}, kolada.Options{}); err != nil || rep.Refused() {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare is the Kolada view's load: four KPIs of an area for
// the municipality, its region, Riket and a comparison set, with ranks.
func BenchmarkCompare(b *testing.B) {
	dir := sharedDir(b, "kolada_ddf_2024")
	s := newStore(b)
	mustImport(b, s, kolada.Options{}, dir)
	ctx := context.Background()
	if err := s.SetMunicipality(ctx, func(m *data.Municipality) { m.Kommunkod = "0127" }); err != nil {
		b.Fatal(err)
	}
	s.SetSetting(ctx, data.SettingKoladaCompare, "0180,0480,0138")
	cfg, err := kolada.LoadConfig(ctx, s)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := kolada.Compare(ctx, s, cfg, []string{"N33816", "N33817", "U33401", "N33001"}, 10, 0, 10); err != nil {
			b.Fatal(err)
		}
	}
}
