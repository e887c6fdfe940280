package longview_test

import (
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/longview"
)

func monthSeries(from string, vals ...float64) data.Series {
	p := data.MustPeriod(from)
	s := make(data.Series, len(vals))
	for i, v := range vals {
		s[i] = data.Point{Period: p.Add(i), Value: v, Valid: v >= 0}
	}
	return s
}

func TestEconSummarySaysOnlyWhatTheDataSays(t *testing.T) {
	lv := data.LongView{From: data.MustPeriod("2024-01"), To: data.MustPeriod("2024-04"),
		StaffBudget:  monthSeries("2024-01", 100, 100, 100, 100),
		StaffOutcome: monthSeries("2024-01", 90, 110, 95, -1), // April open
		Vacancies:    monthSeries("2024-01", 2, -1, 4, 3),
		Placements:   monthSeries("2024-01", -1, 82, 90, 98),
	}
	sv := longview.Summary(lang.SV, lv)
	want := "Personalbudgeten visade överskott 2 av 3 månader med utfall, samtidigt som vakanserna var 2–4 och placeringarna ökade från 82 till 98 (jan 2024–apr 2024)."
	if sv != want {
		t.Fatalf("sv:\n%s\nwant\n%s", sv, want)
	}
	if en := longview.Summary(lang.EN, lv); !strings.HasPrefix(en, "The staff budget showed an underspend in 2 of 3 months with outcome, while vacancies were 2–4 and placements rose from 82 to 98") {
		t.Fatalf("en: %s", en)
	}
	// Without a staff konto and vacancies, the sentence leaves them out.
	lv.StaffBudget, lv.StaffOutcome, lv.Vacancies = monthSeries("2024-01", -1, -1, -1, -1), monthSeries("2024-01", -1, -1, -1, -1), monthSeries("2024-01", -1, -1, -1, -1)
	if got := longview.Summary(lang.SV, lv); !strings.HasPrefix(got, "Placeringarna ökade från 82 till 98") {
		t.Fatalf("without staff: %s", got)
	}
	if got := longview.Summary(lang.SV, data.LongView{}); !strings.Contains(got, "Inga uppgifter") {
		t.Fatalf("empty: %s", got)
	}
}
