package gaps_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

// koladaValues stores values as a Kolada API answer would bring them:
// values[kpi][code][year].
func koladaValues(t testing.TB, s *data.Store, values map[string]map[string]map[int]float64) {
	t.Helper()
	var els []string
	for kpi, byCode := range values {
		for code, byYear := range byCode {
			for y, v := range byYear {
				els = append(els, fmt.Sprintf(`{"kpi": %q, "municipality": %q, "period": %d, "values": [{"gender": "T", "value": %g}]}`, kpi, code, y, v))
			}
		}
	}
	// The catalogue's titles, which say what a figure is about.
	for id, title := range map[string]string{
		"U33401": "Utredningstid i antal dagar från påbörjad utredning till avslutad utredning inom barn och ungdom 0-20 år, medelvärde",
		"N33816": "Barn och unga 0-20 år som har varit placerade på HVB någon gång under året, antal/1000 inv",
		"U35400": "Utredningstid i antal dagar från påbörjad utredning till avslutad utredning för vuxna med missbruksproblem 21+, medelvärde",
	} {
		els = append(els, fmt.Sprintf(`{"id": %q, "title": %q}`, id, title))
	}
	p := filepath.Join(t.TempDir(), "answer.json")
	os.WriteFile(p, []byte(`{"values": [`+strings.Join(els, ",\n")+`], "next_page": null}`), 0o600)
	rep, err := kolada.Import(context.Background(), s, []string{p}, kolada.Options{})
	if err != nil || rep.Refused() {
		t.Fatalf("kolada import: %v %+v", err, rep.Problems)
	}
}

func setKommunkod(t testing.TB, s *data.Store, code string) {
	t.Helper()
	if err := s.SetMunicipality(context.Background(), func(m *data.Municipality) { m.Kommunkod = code }); err != nil {
		t.Fatal(err)
	}
}

// tenMunicipalities gives N33816 (children in HVB per 1 000) for ten
// kommuner in 2024 and 2025; home is 0127.
func tenMunicipalities(home2024, home2025 float64) map[string]map[int]float64 {
	out := map[string]map[int]float64{"0127": {2024: home2024, 2025: home2025}, kolada.Riket: {2024: 2, 2025: 2}}
	for i, code := range []string{"0114", "0115", "0117", "0120", "0123", "0125", "0126", "0128", "0136"} {
		out[code] = map[int]float64{2024: 1 + float64(i)/10, 2025: 1 + float64(i)/10}
	}
	return out
}

func ko(v ...float64) map[int]float64 {
	out := map[int]float64{}
	for i, x := range v {
		if x >= 0 {
			out[2024+i] = x
		}
	}
	return out
}

func TestKoladaOutlierRule(t *testing.T) {
	cases := []struct {
		name     string
		kommun   string
		values   map[string]map[string]map[int]float64
		setting  [2]string // a setting to change first
		narrate  func(b *builder)
		period   string
		want     []string
		contains string // in the explanation (English)
	}{
		{name: "investigation time over the limit", kommun: "0127",
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(100, 145)}},
			period: "2026-03", want: []string{"kolada_outlier@Barn och unga:hog"}, contains: "145 for 2025, above the limit of 120 days"},
		{name: "at the limit is not over it", kommun: "0127",
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(100, 120)}},
			period: "2026-03", want: nil},
		{name: "a period compares with the year before: 2025 in 2026, not 2026", kommun: "0127",
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(100, 90, 150)}},
			period: "2026-11", want: nil},
		{name: "the limit is a setting", kommun: "0127", setting: [2]string{data.SettingOutlierDays, "150"},
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(100, 145)}},
			period: "2026-03", want: nil},
		{name: "over the limit and written about: medium", kommun: "0127",
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(100, 145)}},
			narrate: func(b *builder) {
				b.narrative("Barn och unga/Utredning", "2026-02", data.TypeShortfall, data.SeverityHigh, "Långa utredningar", "utredningar_over_4_man")
			},
			period: "2026-03", want: []string{"kolada_outlier@Barn och unga:medel"}, contains: "has written about it"},
		{name: "no value for the year is not an outlier", kommun: "0127",
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(145, -1)}},
			period: "2026-03", want: nil},
		{name: "no kommunkod, no rule", kommun: "",
			values: map[string]map[string]map[int]float64{"U33401": {"0127": ko(100, 145)}},
			period: "2026-03", want: nil},
		{name: "highest tenth on placements and silent", kommun: "0127",
			values: map[string]map[string]map[int]float64{"N33816": tenMunicipalities(2.5, 3)},
			period: "2026-03", want: []string{"kolada_outlier@Barn och unga:medel"}, contains: "place 1 of 10"},
		{name: "highest tenth but the area writes about placements", kommun: "0127",
			values: map[string]map[string]map[int]float64{"N33816": tenMunicipalities(2.5, 3)},
			narrate: func(b *builder) {
				b.narrative("Barn och unga", "2026-01", data.TypeAnalysis, data.SeverityMedium, "Placeringarna", "placeringar")
			},
			period: "2026-03", want: nil},
		{name: "second highest is not the highest tenth of ten", kommun: "0127",
			values: map[string]map[string]map[int]float64{"N33816": tenMunicipalities(1.5, 1.75)},
			period: "2026-03", want: nil},
		{name: "a break in the series lowers the severity and says so", kommun: "0127",
			values: map[string]map[string]map[int]float64{"N33816": tenMunicipalities(0.5, 3)},
			period: "2026-03", want: []string{"kolada_outlier@Barn och unga:lag"}, contains: "a break in the series"},
		{name: "a KPI not mapped to the area is not judged", kommun: "0127",
			values: map[string]map[string]map[int]float64{"U35400": {"0127": ko(100, 200)}},
			period: "2026-03", want: nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := build(t, func(b *builder) {
				b.sc("Barn och unga/Utredning")
				b.sc("Vuxen missbruk")
				if c.narrate != nil {
					c.narrate(b)
				}
			})
			if c.kommun != "" {
				setKommunkod(t, s, c.kommun)
			}
			if c.setting[0] != "" {
				if err := s.SetSetting(context.Background(), c.setting[0], c.setting[1]); err != nil {
					t.Fatal(err)
				}
			}
			koladaValues(t, s, c.values)
			r := compute(t, s, c.period, lang.EN)
			var got []gaps.Gap
			for _, g := range r.Gaps {
				if g.Rule == gaps.RuleKoladaOutlier {
					got = append(got, g)
				}
			}
			if !sameKeys(keys(got), c.want) {
				t.Fatalf("got %v, want %v", keys(got), c.want)
			}
			if c.contains != "" && !strings.Contains(got[0].Explanation, c.contains) {
				t.Fatalf("explanation lacks %q:\n%s", c.contains, got[0].Explanation)
			}
			for _, g := range got {
				if n := evidenceKinds(g)[gaps.KindKolada]; n < 1 {
					t.Fatalf("no Kolada evidence: %+v", g.Evidence)
				}
			}
		})
	}
}

func koladaDDF(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("BEREDNING_KOLADA_DATA")
	if dir == "" {
		dir = "/work/shared/kolada"
	}
	p := filepath.Join(dir, "kolada_ddf_2024")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real Kolada data not found at %s (set BEREDNING_KOLADA_DATA); skipping", p)
	}
	return p
}

// The real case: Botkyrka's children's investigations took 145 days on
// average in 2020, so a period of 2021 is flagged; in 2021 they took 110.
// Nyköping's 90 days in 2020 are not flagged.
func TestKoladaOutlierRealBotkyrka(t *testing.T) {
	ddf := koladaDDF(t)
	points := filepath.Join(ddf, "datapoints--by--geo--year")
	s := build(t, func(b *builder) { b.sc("Barn och unga/Utredning") })
	if rep, err := kolada.Import(context.Background(), s, []string{filepath.Join(ddf, "ddf--concepts.csv"),
		filepath.Join(points, "ddf--datapoints--u33401--by--geo--year.csv"),
		filepath.Join(points, "ddf--datapoints--n33816--by--geo--year.csv")}, kolada.Options{}); err != nil || rep.Refused() {
		t.Fatal(err, rep.Problems)
	}
	flagged := func(code, period string) []gaps.Gap {
		setKommunkod(t, s, code)
		var out []gaps.Gap
		for _, g := range compute(t, s, period, lang.SV).Gaps {
			if g.Rule == gaps.RuleKoladaOutlier && strings.HasPrefix(g.Evidence[0].MeasureKey, "U33401") {
				out = append(out, g)
			}
		}
		return out
	}
	got := flagged("0127", "2021-06")
	if len(got) != 1 || got[0].Severity != data.SeverityHigh || !strings.Contains(got[0].Title, "145 år 2020") {
		t.Fatalf("Botkyrka 2021: %+v", got)
	}
	if !strings.Contains(got[0].Explanation, "gränsen gäller U33401") || !strings.Contains(got[0].Explanation, "Källa: Kolada/RKA") {
		t.Fatalf("explanation: %s", got[0].Explanation)
	}
	if got := flagged("0127", "2022-06"); len(got) != 0 {
		t.Fatalf("Botkyrka 2022 (110 days in 2021) flagged: %+v", got)
	}
	// A municipality at 90 days in 2020.
	vs, _ := kolada.List(context.Background(), s, kolada.Filter{KPIs: []string{"U33401"}, Municipality: []string{"0480"}, FromYear: 2020, ToYear: 2020, Gender: kolada.Total})
	if len(vs) != 1 || vs[0].Value != 90 {
		t.Fatalf("Nyköping U33401 2020: %+v", vs)
	}
	if got := flagged("0480", "2021-06"); len(got) != 0 {
		t.Fatalf("90 days flagged: %+v", got)
	}
}

// Stockholm's children in HVB went from 0.38 to 1.48 per 1 000 between
// 2020 and 2021: a break, which comparisons mark instead of drawing it
// as a trend.
func TestKoladaStockholmHVBBreak(t *testing.T) {
	ddf := koladaDDF(t)
	s := newStore(t)
	if rep, err := kolada.Import(context.Background(), s, []string{filepath.Join(ddf, "ddf--concepts.csv"),
		filepath.Join(ddf, "datapoints--by--geo--year", "ddf--datapoints--n33816--by--geo--year.csv")}, kolada.Options{}); err != nil || rep.Refused() {
		t.Fatal(err, rep.Problems)
	}
	setKommunkod(t, s, "0180")
	cfg, err := kolada.LoadConfig(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := kolada.Compare(context.Background(), s, cfg, []string{"N33816"}, 10, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	if !c.Breaks[2021] {
		t.Fatalf("no break marked in 2021: %v (2020 %v, 2021 %v)", c.Breaks, c.Home.Years[2020], c.Home.Years[2021])
	}
	for y := range c.Breaks {
		if y != 2021 {
			t.Errorf("break also marked in %d", y)
		}
	}
	if c.Region.Code != "0001" || c.Riket.Years[2021] == 0 || c.Ranks[2021].Of < 200 {
		t.Fatalf("comparison: region %q, Riket %v, rank %+v", c.Region.Code, c.Riket.Years[2021], c.Ranks[2021])
	}
}
