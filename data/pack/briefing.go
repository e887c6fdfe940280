package pack

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// BriefingOptions choose the meeting, period, language and author.
type BriefingOptions struct {
	Meeting string      // YYYY-MM-DD
	Period  data.Period // zero: the store's default period (latest with outcome)
	Lang    lang.Lang
	Author  string
	Written time.Time
}

// Briefing builds the chair's briefing (ordförandeberedning): a cover, a
// summary of the committee's figures and gaps, then per area the rows the
// director marked (figures as small tables, narratives in full, gaps with
// their evidence) with the director's own assessment and proposed action.
func Briefing(ctx context.Context, s *data.Store, opt BriefingOptions) (*doc.Doc, error) {
	l := opt.Lang
	m, err := s.MeetingOn(ctx, opt.Meeting)
	if err != nil {
		return nil, err
	}
	p := opt.Period
	if p.IsZero() {
		cov, err := s.Coverage(ctx)
		if err != nil {
			return nil, err
		}
		p = cov.DefaultPeriod()
	}
	muni, err := s.Municipality(ctx)
	if err != nil {
		return nil, err
	}
	res, err := gaps.Compute(ctx, s, p, l)
	if err != nil {
		return nil, err
	}
	notes, err := s.BriefingNotes(ctx, opt.Meeting, p)
	if err != nil {
		return nil, err
	}
	areas, err := s.Areas(ctx)
	if err != nil {
		return nil, err
	}
	committee := muni.Committee
	if committee == "" {
		committee = "Socialnämnden"
	}
	d := &doc.Doc{
		Lang:    l.Code(),
		Title:   l.T("briefing.title", l.Date(m.Day())),
		Author:  opt.Author,
		Subject: l.T("briefing.subject", l.Period(p)),
		Footer:  l.T("briefing.footer", committee, m.Date),
		Labels:  doc.Labels{Contents: l.T("pack.contents"), PageOf: l.T("pack.page_of"), Page: l.T("pack.page")},
	}
	d.Front = []doc.Block{doc.Fields{Rows: []doc.Field{
		{Label: l.T("pack.field.municipality"), Value: muni.Name},
		{Label: l.T("pack.field.committee"), Value: committee},
		{Label: l.T("briefing.field.meeting"), Value: l.Date(m.Day())},
		{Label: l.T("briefing.field.period"), Value: l.Period(p)},
		{Label: l.T("briefing.field.written"), Value: opt.Written.Format(time.DateOnly)},
	}}}
	if opt.Author != "" {
		f := d.Front[0].(doc.Fields)
		f.Rows = append(f.Rows, doc.Field{Label: l.T("briefing.field.author"), Value: opt.Author})
		d.Front[0] = f
	}

	b := &briefingBuilder{ctx: ctx, s: s, l: l, p: p, gaps: res, details: map[data.Scope]data.Detail{}}
	summary, err := b.summary(areas)
	if err != nil {
		return nil, err
	}
	d.Sections = append(d.Sections, summary)
	byArea := map[int64][]data.BriefingNote{}
	for _, n := range notes {
		byArea[n.AreaID] = append(byArea[n.AreaID], n)
	}
	for _, a := range areas {
		ns := byArea[a.ID]
		if len(ns) == 0 {
			continue
		}
		sec := &doc.Section{ID: fmt.Sprintf("omrade-%d", a.ID), Number: fmt.Sprintf("%d.", len(d.Sections)+1), Title: a.Name}
		for i, n := range ns {
			child, err := b.note(n, a, fmt.Sprintf("%s%d", sec.Number, i+1))
			if err != nil {
				return nil, err
			}
			child.ID = fmt.Sprintf("%s-%d", sec.ID, i+1)
			sec.Children = append(sec.Children, child)
		}
		lv, err := b.longView(a, fmt.Sprintf("%s%d", sec.Number, len(ns)+1))
		if err != nil {
			return nil, err
		}
		lv.ID = sec.ID + "-ekonomi"
		sec.Children = append(sec.Children, lv)
		d.Sections = append(d.Sections, sec)
	}
	if len(notes) == 0 {
		summary.Blocks = append(summary.Blocks, doc.Notice{Text: l.T("briefing.no_marks")})
	}
	return d, nil
}

type briefingBuilder struct {
	ctx     context.Context
	s       *data.Store
	l       lang.Lang
	p       data.Period
	gaps    gaps.Result
	details map[data.Scope]data.Detail
}

func (b *briefingBuilder) detail(sc data.Scope) (data.Detail, error) {
	if d, ok := b.details[sc]; ok {
		return d, nil
	}
	recent := max(b.gaps.Settings.Int(data.SettingRecentMonths), 1)
	d, err := b.s.Detail(b.ctx, sc, b.p, data.DetailOptions{HistoryMonths: 13, NarrativeMonths: max(recent, 6)})
	if err != nil {
		return d, err
	}
	b.details[sc] = d
	return d, nil
}

// summary is the committee's deviation and forecast, the gaps by severity
// and the unit reports approved.
func (b *briefingBuilder) summary(areas []data.AreaSummary) (*doc.Section, error) {
	l := b.l
	var total data.BudgetLine
	months := 0
	for _, a := range areas {
		d, err := b.detail(data.Scope{AreaID: a.ID})
		if err != nil {
			return nil, err
		}
		t := d.Total
		total.BudgetYTD += t.BudgetYTD
		total.OutcomeYTD += t.OutcomeYTD
		total.AnnualBudget += t.AnnualBudget
		total.Forecast += t.Forecast
		total.HasForecast = total.HasForecast || t.HasForecast
		months = max(months, t.MonthsWithOutcome)
	}
	var rows []doc.Field
	if months == 0 {
		rows = append(rows, doc.Field{Label: l.T("briefing.sum.deviation"), Value: l.T("briefing.sum.no_outcome")})
	} else {
		rows = append(rows, doc.Field{Label: l.T("briefing.sum.deviation"),
			Value: lang.SignedTkr(total.Deviation()) + " tkr (" + pct(total) + ")"})
	}
	if total.HasForecast {
		rows = append(rows, doc.Field{Label: l.T("briefing.sum.forecast"),
			Value: l.T("briefing.sum.forecast_value", lang.Tkr(total.Forecast), lang.Tkr(total.AnnualBudget), lang.SignedTkr(total.ForecastDeviation())+" tkr")})
	} else {
		rows = append(rows, doc.Field{Label: l.T("briefing.sum.forecast"), Value: l.T("briefing.sum.no_forecast")})
	}
	counts := b.gaps.Counts(data.Scope{})
	rows = append(rows, doc.Field{Label: l.T("briefing.sum.gaps"), Value: l.T("briefing.sum.gaps_value",
		len(b.gaps.Gaps), counts[data.SeverityHigh], counts[data.SeverityMedium], counts[data.SeverityLow])})
	approved, reports, err := b.s.UnitReportCounts(b.ctx, b.p)
	if err != nil {
		return nil, err
	}
	if reports > 0 {
		rows = append(rows, doc.Field{Label: l.T("briefing.sum.reports"), Value: l.T("briefing.sum.reports_value", approved, reports)})
	}
	return &doc.Section{ID: "sammanfattning", Number: "1.", Title: l.T("briefing.summary"),
		Blocks: []doc.Block{doc.Paragraph{Spans: []doc.Span{{Text: l.T("briefing.sum.sign")}}}, doc.Fields{Rows: rows}}}, nil
}

// note is one marked row with the director's text.
func (b *briefingBuilder) note(n data.BriefingNote, a data.AreaSummary, number string) (*doc.Section, error) {
	l := b.l
	sc := data.Scope{AreaID: n.AreaID, UnitID: n.UnitID}
	where := a.Name
	for _, u := range a.Units {
		if u.ID == n.UnitID {
			where += " › " + u.Name
		}
	}
	sec := &doc.Section{Number: number, Title: n.Label}
	var blocks []doc.Block
	switch n.RefKind {
	case data.RefGap:
		var found *gaps.Gap
		for i, g := range b.gaps.Gaps {
			if g.Rule == n.Ref && g.AreaID == n.AreaID && g.UnitID == n.UnitID {
				found = &b.gaps.Gaps[i]
				break
			}
		}
		if found == nil {
			blocks = append(blocks, doc.Notice{Text: l.T("briefing.gone")})
			break
		}
		sec.Title = found.Title
		blocks = append(blocks, doc.Paragraph{Spans: []doc.Span{{Text: l.T("briefing.kind.gap", l.Severity(found.Severity), where), Em: true}}},
			doc.Paragraph{Spans: []doc.Span{{Text: found.Explanation}}})
		var ev [][]doc.Span
		for _, e := range found.Evidence {
			ev = append(ev, []doc.Span{{Text: evidenceText(l, e)}})
		}
		if len(ev) > 0 {
			blocks = append(blocks, doc.List{Items: ev})
		}
	case data.RefNarrative:
		d, err := b.detail(sc)
		if err != nil {
			return nil, err
		}
		id, _ := strconv.ParseInt(n.Ref, 10, 64)
		var found *data.NarrativeItem
		for i := range d.Narratives {
			if d.Narratives[i].ID == id {
				found = &d.Narratives[i]
			}
		}
		if found == nil {
			blocks = append(blocks, doc.Notice{Text: l.T("briefing.gone")})
			break
		}
		sec.Title = found.Title
		blocks = append(blocks, doc.Paragraph{Spans: []doc.Span{{Text: l.T("pack.narrative.head", l.NarrativeType(found.Type),
			l.Severity(found.Severity), where, l.PeriodShort(found.Period)), Em: true}}})
		blocks = append(blocks, doc.FromMarkdown(demoteHeadings(found.Text))...)
	case data.RefBudget:
		d, err := b.detail(sc)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, budgetTable(l, d, data.Account(n.Ref)))
	case data.RefMeasure, data.RefIndicator:
		d, err := b.detail(sc)
		if err != nil {
			return nil, err
		}
		name, table := measureTable(l, d, n, b.p)
		if name != "" {
			sec.Title = name
			if n.RefKind == data.RefIndicator && n.UnitID != 0 {
				sec.Title += " · " + strings.TrimPrefix(where, a.Name+" › ")
			}
		}
		blocks = append(blocks, doc.Paragraph{Spans: []doc.Span{{Text: l.T("briefing.kind."+n.RefKind, where), Em: true}}}, table)
	}
	if sec.Title == "" {
		sec.Title = l.T("briefing.kind."+n.RefKind+".title", where)
	}
	var own []doc.Field
	if strings.TrimSpace(n.Assessment) != "" {
		own = append(own, doc.Field{Label: l.T("briefing.assessment"), Value: n.Assessment})
	}
	if strings.TrimSpace(n.Action) != "" {
		own = append(own, doc.Field{Label: l.T("briefing.action"), Value: n.Action})
	}
	if len(own) > 0 {
		blocks = append(blocks, doc.Fields{Rows: own})
	}
	sec.Blocks = blocks
	return sec, nil
}

// budgetTable shows a scope's budget year to date: the marked konto and
// the total, or every konto when the total was marked.
func budgetTable(l lang.Lang, d data.Detail, account data.Account) doc.Block {
	if d.Total.MonthsWithOutcome == 0 {
		return doc.Notice{Text: l.T("pack.followup.no_budget")}
	}
	t := doc.Table{Head: []string{l.T("pack.col.account"), l.T("pack.col.budget"), l.T("pack.col.outcome"), l.T("pack.col.deviation"), l.T("pack.col.deviation_pct")},
		Right: []bool{false, true, true, true, true}}
	row := func(name string, bl data.BudgetLine, strong bool) {
		t.Rows = append(t.Rows, []doc.Cell{{Text: name, Strong: strong}, {Text: lang.TkrNumber(bl.BudgetYTD), Strong: strong},
			{Text: lang.TkrNumber(bl.OutcomeYTD), Strong: strong}, {Text: lang.SignedTkr(bl.Deviation()), Strong: strong}, {Text: pct(bl), Strong: strong}})
	}
	for _, bl := range d.Budget {
		if account == "" || bl.Account == account {
			row(l.Account(bl.Account), bl, false)
		}
	}
	row(l.T("pack.col.total"), d.Total, true)
	return t
}

// measureTable shows a marked measure or indicator as one row: its name
// in the reader's language, its value in the period, the same month a
// year earlier and the change between them, and for an indicator the
// target and the status the unit reported. Missing figures are "–".
func measureTable(l lang.Lang, d data.Detail, n data.BriefingNote, p data.Period) (string, doc.Block) {
	id, _ := strconv.ParseInt(n.Ref, 10, 64)
	t := doc.Table{Head: []string{l.T("pack.col.measure"), l.PeriodShort(p), l.PeriodShort(p.Add(-12)), l.T("pack.col.change")},
		Right: []bool{false, true, true, true}}
	row := func(name string, s data.Series, now *float64) []doc.Cell {
		dec := decimals(s)
		before, hasBefore := pointAt(s, p.Add(-12))
		if now == nil {
			if v, ok := pointAt(s, p); ok {
				now = &v
			}
		}
		cells := []doc.Cell{{Text: name}, {Text: missing}, {Text: missing}, {Text: missing}}
		if now != nil {
			cells[1].Text = lang.Number(*now, dec)
		}
		if hasBefore {
			cells[2].Text = lang.Number(before, dec)
		}
		if now != nil && hasBefore {
			cells[3].Text = signed(*now-before, dec)
		}
		return cells
	}
	if n.RefKind == data.RefIndicator {
		for _, in := range d.Indicators {
			if in.ID != id || in.UnitID != n.UnitID {
				continue
			}
			cmp := "≥"
			if in.Direction == data.LowerIsBetter {
				cmp = "≤"
			}
			t.Head = append(t.Head, l.T("pack.col.target"), l.T("pack.col.status"))
			t.Right = append(t.Right, true, false)
			now := in.Value
			name := l.Measure(in.MeasureDef)
			t.Rows = append(t.Rows, append(row(name, in.History, &now),
				doc.Cell{Text: cmp + " " + lang.Value(in.Target)}, doc.Cell{Text: l.Status(in.Status)}))
			return name, t
		}
		return "", doc.Notice{Text: l.T("briefing.gone")}
	}
	for _, ms := range d.Measures {
		if ms.ID == id {
			name := l.Measure(ms.MeasureDef)
			t.Rows = append(t.Rows, row(name, ms.History, nil))
			return name, t
		}
	}
	return "", doc.Notice{Text: l.T("briefing.gone")}
}

// missing is a figure without data: never 0.
const missing = "–"

// pointAt is a series' value in a month, and whether it has one.
func pointAt(s data.Series, m data.Period) (float64, bool) {
	for _, pt := range s {
		if pt.Period == m && pt.Valid {
			return pt.Value, true
		}
	}
	return 0, false
}

// decimals is one when any month of the series has a fraction, so that
// the figures of one row are written alike.
func decimals(s data.Series) int {
	for _, pt := range s {
		if pt.Valid && pt.Value != math.Trunc(pt.Value) {
			return 1
		}
	}
	return 0
}

// signed is a change with its sign: "+3", "-1,5", "±0".
func signed(d float64, dec int) string {
	s := lang.Number(d, dec)
	switch {
	case strings.Trim(s, "-0,") == "":
		return "±0"
	case d > 0:
		return "+" + s
	}
	return s
}
