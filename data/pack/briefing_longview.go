package pack

import (
	"fmt"
	"strconv"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/longview"
)

func init() {
	lang.Register(map[string]lang.Text{
		"briefing.longview.title": {"Ekonomi över tid", "Economy over time"},
		"briefing.longview.caption": {
			"Hittills i år per år (budget − utfall, tkr), över de månader som har utfall",
			"Year to date per year (budget − outcome, tkr), over the months with outcome",
		},
		"briefing.longview.col.year":      {"År", "Year"},
		"briefing.longview.col.months":    {"Månader med utfall", "Months with outcome"},
		"briefing.longview.col.deviation": {"Avvikelse", "Deviation"},
		"briefing.longview.col.staff":     {"Varav personal", "Of which staff"},
		"briefing.longview.col.vacancies": {"Vakanser, sista månaden", "Vacancies, last month"},
		"briefing.longview.col.placed":    {"Placeringar, sista månaden", "Placements, last month"},
	})
}

// longView is the area's economy over every year the database holds, the
// board's "Ekonomi över tid" (e) as a document section: the summary
// sentence and one row per year. A year's vacancies and placements are
// its last month with a figure; a year without one says so ("–").
func (b *briefingBuilder) longView(a data.AreaSummary, number string) (*doc.Section, error) {
	lv, err := b.s.LongView(b.ctx, data.Scope{AreaID: a.ID}, b.p)
	if err != nil {
		return nil, err
	}
	l := b.l
	sec := &doc.Section{Number: number, Title: l.T("briefing.longview.title")}
	sec.Blocks = append(sec.Blocks, doc.Paragraph{Spans: []doc.Span{{Text: longview.Summary(l, lv)}}})
	if len(lv.Years) == 0 {
		return sec, nil
	}
	t := doc.Table{
		Caption: l.T("briefing.longview.caption"),
		Head: []string{l.T("briefing.longview.col.year"), l.T("briefing.longview.col.months"), l.T("briefing.longview.col.deviation"),
			l.T("briefing.longview.col.staff"), l.T("briefing.longview.col.vacancies"), l.T("briefing.longview.col.placed")},
		Right: []bool{false, true, true, true, true, true},
	}
	for _, y := range lv.Years {
		dev, staff := "–", "–"
		if y.Months > 0 {
			dev, staff = lang.SignedTkr(y.Deviation()), lang.SignedTkr(y.StaffDeviation())
		}
		t.Rows = append(t.Rows, []doc.Cell{{Text: strconv.Itoa(y.Year)}, {Text: fmt.Sprint(y.Months)}, {Text: dev}, {Text: staff},
			{Text: lastOfYear(lv, lv.Vacancies, y.Year)}, {Text: lastOfYear(lv, lv.Placements, y.Year)}})
	}
	sec.Blocks = append(sec.Blocks, t)
	return sec, nil
}

// lastOfYear is a series' last valid value in a year, "–" when it has none.
func lastOfYear(lv data.LongView, s data.Series, year int) string {
	out := "–"
	for i, pt := range s {
		if lv.From.Add(i).Year() == year && pt.Valid {
			out = lang.Value(pt.Value)
		}
	}
	return out
}
