package kolada_test

import (
	"context"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

// Two pages of an API v3 answer as Kolada writes them (values from the
// real DDF dump: Botkyrka's and Riket's investigation days).
const apiPage1 = `{
  "count": 3,
  "next_page": "https://api.kolada.se/v3/data/kpi/U33401/municipality/0127,0000/year/2019,2020?page=2&per_page=2",
  "previous_page": null,
  "values": [
    {"kpi": "U33401", "municipality": "0127", "period": 2020,
     "values": [{"count": 1, "gender": "K", "status": "", "value": 140.0},
                {"count": 1, "gender": "M", "status": "", "value": 150.0},
                {"count": 1, "gender": "T", "status": "", "value": 145.0}]},
    {"kpi": "U33401", "municipality": "0127", "period": 2019,
     "values": [{"count": 0, "gender": "T", "status": "Missing", "value": null}]}
  ]
}`

const apiPage2 = `{"count": 3, "next_page": null, "previous_page": "…",
 "values": [{"kpi": "U33401", "municipality": "0000", "period": "2020",
   "values": [{"count": 1, "gender": "T", "status": "", "value": 101.5}]}]}`

const apiKPIs = `{"count": 1, "next_page": null, "values": [
  {"id": "U33401", "title": "Utredningstid i antal dagar från påbörjad utredning till avslutad utredning inom barn och ungdom 0-20 år, medelvärde",
   "description": "Genomsnittligt antal dagar …", "operating_area": "Individ- och familjeomsorg", "is_divided_by_gender": true}]}`

func TestImportAPIAnswers(t *testing.T) {
	dir := t.TempDir()
	p1 := write(t, dir, "page1.json", apiPage1)
	p2 := write(t, dir, "page2.json", apiPage2)
	meta := write(t, dir, "kpi.json", apiKPIs)
	s := newStore(t)
	rep := mustImport(t, s, kolada.Options{}, dir)
	if rep.New != 4 {
		t.Fatalf("%d new values, want 4 (three genders for 2020, Riket; 2019 is null)", rep.New)
	}
	wantValue(t, s, "U33401", "0127", 2020, 145)
	wantValue(t, s, "U33401", kolada.Riket, 2020, 101.5)
	if v, ok := value(t, s, "U33401", "0127", 2020, kolada.Women); !ok || v != 140 {
		t.Fatalf("women: %v %v", v, ok)
	}
	if _, ok := value(t, s, "U33401", "0127", 2019, kolada.Total); ok {
		t.Fatal("a null value was stored; missing is not zero")
	}
	k, _ := kolada.KPIs(context.Background(), s, []string{"U33401"})
	if k["U33401"].Unit != "dagar" || k["U33401"].Area != "Individ- och familjeomsorg" {
		t.Fatalf("catalogue from the kpi answer: %+v", k["U33401"])
	}
	again := mustImport(t, s, kolada.Options{}, p1, p2, meta)
	if again.New != 0 || again.Changed != 0 || again.Unchanged != 4 {
		t.Fatalf("again: %+v", again)
	}
}

func TestImportBadFilesWriteNothing(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, file, content string
		want                []string // in the English message
		wantSV              string
	}{
		{"bad geo", "ddf--datapoints--u33401--by--geo--year.csv", "geo,year,u33401\n0127,2020,145.0\n12345,2020,90\n",
			[]string{"line 3", "column geo", `"12345"`, "not a Kolada code"}, "ingen Kolada-kod"},
		{"bad year and number", "ddf--datapoints--n33816--by--geo--year.csv", "geo,year,n33816\n0180,20x1,1.48\n0180,2021,1,48\n",
			[]string{"line 2", "column year", "invalid year", "line 3: the line has 4 fields"}, "ogiltigt år"},
		{"bad gender", "ddf--datapoints--u33401--by--geo--gender--year.csv", "geo,gender,year,u33401\n0127,x,2020,140\n",
			[]string{"line 2", "column gender", "unknown gender"}, "okänt kön"},
		{"broken JSON", "answer.json", "{\"values\": [\n {\"kpi\": \"U33401\", \"municipality\": \"0127\",\n \"period\": 2020 \"values\": []}]}",
			[]string{"answer.json, line 3", "not a readable Kolada API answer"}, "inte ett läsbart svar"},
		{"bad code in JSON", "answer.json", "{\"values\": [\n {\"kpi\": \"U33401\", \"municipality\": \"Botkyrka\", \"period\": 2020, \"values\": []}]}",
			[]string{"line 2", "values[0].municipality", "not a Kolada code"}, "ingen Kolada-kod"},
		{"bad KPI id in JSON", "answer.json", "{\"values\": [{\"kpi\": \"33401\", \"municipality\": \"0127\", \"period\": 2020, \"values\": []}]}",
			[]string{"values[0].kpi", "not a KPI id"}, "inte ett nyckeltals-id"},
		{"unknown municipality name", "export.csv", "Kommun/Landsting;Nyckeltal;År;Visat Värde\nBotkirka;Kostnad individ- och familjeomsorg, kr/inv;2011;4916\n",
			[]string{"line 2", "column Kommun/Landsting", `"Botkirka"`, "did you mean Botkyrka?"}, "menar du Botkyrka?"},
		{"unknown format", "other.csv", "a,b,c\n1,2,3\n",
			[]string{"other.csv, line 1", "unknown format"}, "okänt format"},
		{"missing file", "", "", []string{"does not exist"}, "finns inte"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			// A good file beside the bad one: it must not be written either.
			good := write(t, t.TempDir(), "good.json", apiPage2)
			path := dir + "/nothing-here"
			if c.file != "" {
				path = write(t, t.TempDir(), c.file, c.content)
			}
			rep, err := kolada.Import(context.Background(), s, []string{good, path}, kolada.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Refused() {
				t.Fatalf("accepted: %+v", rep)
			}
			if n, _ := kolada.Count(context.Background(), s); n != 0 {
				t.Fatalf("a refused import wrote %d values", n)
			}
			en := messages(rep)
			for _, w := range c.want {
				if !strings.Contains(en, w) {
					t.Errorf("message lacks %q:\n%s", w, en)
				}
			}
			var sv []string
			for _, p := range rep.Problems {
				sv = append(sv, p.Message(lang.SV))
			}
			if !strings.Contains(strings.Join(sv, "\n"), c.wantSV) {
				t.Errorf("Swedish message lacks %q:\n%s", c.wantSV, strings.Join(sv, "\n"))
			}
		})
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	s := newStore(t)
	p := write(t, t.TempDir(), "page.json", apiPage1)
	rep, err := kolada.Import(context.Background(), s, []string{p}, kolada.Options{DryRun: true})
	if err != nil || rep.Refused() {
		t.Fatal(err, messages(rep))
	}
	if rep.New != 3 {
		t.Fatalf("dry run counted %d new, want 3", rep.New)
	}
	if n, _ := kolada.Count(context.Background(), s); n != 0 {
		t.Fatalf("dry run wrote %d values", n)
	}
}
