package pack

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// generator writes the documents beredning makes itself, from the data as
// it is when the pack is written.
type generator struct {
	ctx     context.Context
	s       *data.Store
	l       lang.Lang
	written time.Time
	gaps    map[data.Period]gaps.Result
	// briefing: the director put the chair's briefing into this (members')
	// version; it goes with the follow-up item of its period.
	meeting  string
	briefing bool
}

// forItem returns the generated documents an item carries: a follow-up
// item its period's side-by-side follow-up, the delegation item the
// report of the month's delegated decisions (when any were imported).
func (g *generator) forItem(it data.AgendaItem, l lang.Lang) ([]*doc.Section, error) {
	if it.Period.IsZero() {
		return nil, nil
	}
	switch it.Kind {
	case "uppfoljning":
		sec, err := g.followUp(it.Period)
		if err != nil {
			return nil, err
		}
		out := []*doc.Section{sec}
		if g.briefing {
			b, err := Briefing(g.ctx, g.s, BriefingOptions{Meeting: g.meeting, Period: it.Period, Lang: l, Written: g.written})
			if err != nil {
				return nil, err
			}
			out = append(out, asSection(b))
		}
		return out, nil
	case "delegationsbeslut":
		ds, err := g.s.DelegationDecisions(g.ctx, it.Period)
		if err != nil || len(ds) == 0 {
			return nil, err
		}
		return []*doc.Section{delegationReport(l, it.Period, ds, g.stamp())}, nil
	}
	return nil, nil
}

func (g *generator) stamp() doc.Block {
	return doc.Paragraph{Spans: []doc.Span{{Text: g.l.T("pack.generated", g.written.Format(time.DateOnly)), Em: true}}}
}

func (g *generator) gapsFor(p data.Period) (gaps.Result, error) {
	if r, ok := g.gaps[p]; ok {
		return r, nil
	}
	r, err := gaps.Compute(g.ctx, g.s, p, g.l)
	if err != nil {
		return gaps.Result{}, err
	}
	if g.gaps == nil {
		g.gaps = map[data.Period]gaps.Result{}
	}
	g.gaps[p] = r
	return r, nil
}

// followUp is the monthly follow-up: per area, the budget year to date,
// the indicators, the narratives of the recent months, and the gaps.
// It is written as Markdown and parsed like every other document, so the
// personnummer check sees it line by line.
func (g *generator) followUp(p data.Period) (*doc.Section, error) {
	l := g.l
	res, err := g.gapsFor(p)
	if err != nil {
		return nil, err
	}
	areas, err := g.s.Areas(g.ctx)
	if err != nil {
		return nil, err
	}
	recent := res.Settings.Int(data.SettingRecentMonths)
	recent = max(recent, 1)
	var b strings.Builder
	ytd := l.PeriodShort(p.YearStart()) + "–" + l.PeriodShort(p)
	fmt.Fprintf(&b, "%s\n\n", mdText(l.T("pack.followup.intro", ytd)))
	for _, a := range areas {
		det, err := g.s.Detail(g.ctx, data.Scope{AreaID: a.ID}, p, data.DetailOptions{HistoryMonths: 1, NarrativeMonths: recent})
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "## %s\n\n", mdText(a.Name))
		writeBudget(&b, l, det)
		writeIndicators(&b, l, det)
		writeNarratives(&b, l, det, p.Recent(recent), p)
		writeGaps(&b, l, res.ForScope(data.Scope{AreaID: a.ID}))
	}
	sec := &doc.Section{Title: l.T("pack.followup.title", l.Period(p))}
	sec.Blocks = append([]doc.Block{g.stamp()}, doc.FromMarkdown(b.String())...)
	return sec, nil
}

func writeBudget(b *strings.Builder, l lang.Lang, det data.Detail) {
	fmt.Fprintf(b, "### %s\n\n", mdText(l.T("pack.followup.budget")))
	if det.Total.MonthsWithOutcome == 0 {
		fmt.Fprintf(b, "%s\n\n", mdText(l.T("pack.followup.no_budget")))
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n| --- | ---: | ---: | ---: | ---: |\n",
		l.T("pack.col.account"), l.T("pack.col.budget"), l.T("pack.col.outcome"), l.T("pack.col.deviation"), l.T("pack.col.deviation_pct"))
	row := func(name string, bl data.BudgetLine, strong bool) {
		cells := []string{mdCell(name), lang.TkrNumber(bl.BudgetYTD), lang.TkrNumber(bl.OutcomeYTD),
			lang.SignedTkr(bl.Deviation()), pct(bl)}
		if strong {
			for i := range cells {
				cells[i] = "**" + cells[i] + "**"
			}
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	for _, bl := range det.Budget {
		row(l.Account(bl.Account), bl, false)
	}
	row(l.T("pack.col.total"), det.Total, true)
	b.WriteString("\n")
	t := det.Total
	if t.HasForecast {
		fmt.Fprintf(b, "%s\n\n", mdText(l.T("pack.followup.forecast", lang.Tkr(t.AnnualBudget), lang.Tkr(t.Forecast), lang.SignedTkr(t.ForecastDeviation())+" tkr")))
	} else {
		fmt.Fprintf(b, "%s\n\n", mdText(l.T("pack.followup.no_forecast", lang.Tkr(t.AnnualBudget))))
	}
}

func pct(bl data.BudgetLine) string {
	if bl.BudgetYTD == 0 {
		return "–"
	}
	return lang.SignedPercent(bl.DeviationPct(), 1)
}

func writeIndicators(b *strings.Builder, l lang.Lang, det data.Detail) {
	fmt.Fprintf(b, "### %s\n\n", mdText(l.T("pack.followup.indicators")))
	if len(det.Indicators) == 0 {
		fmt.Fprintf(b, "%s\n\n", mdText(l.T("pack.followup.no_indicators")))
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n| --- | --- | ---: | ---: | --- |\n",
		l.T("pack.col.indicator"), l.T("pack.col.unit"), l.T("pack.col.value"), l.T("pack.col.target"), l.T("pack.col.status"))
	for _, in := range det.Indicators {
		unit := in.UnitName
		if in.UnitID == 0 {
			unit = l.T("pack.area_level")
		}
		name := in.ReportedName
		if name == "" {
			name = l.Measure(in.MeasureDef)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdCell(name), mdCell(unit), lang.Value(in.Value), lang.Value(in.Target), l.Status(in.Status))
	}
	b.WriteString("\n")
}

func writeNarratives(b *strings.Builder, l lang.Lang, det data.Detail, from, to data.Period) {
	span := l.PeriodShort(from) + "–" + l.PeriodShort(to)
	fmt.Fprintf(b, "### %s\n\n", mdText(l.T("pack.followup.narratives", span)))
	if len(det.Narratives) == 0 {
		fmt.Fprintf(b, "%s\n\n", mdText(l.T("pack.followup.no_narratives")))
		return
	}
	for _, n := range det.Narratives {
		where := n.UnitName
		if n.UnitID == 0 {
			where = l.T("pack.area_level")
		}
		head := l.T("pack.narrative.head", l.NarrativeType(n.Type), l.Severity(n.Severity), where, l.PeriodShort(n.Period))
		fmt.Fprintf(b, "#### %s\n\n*%s*\n\n%s\n\n", mdText(n.Title), mdText(head), demoteHeadings(strings.TrimSpace(n.Text)))
	}
}

func writeGaps(b *strings.Builder, l lang.Lang, gs []gaps.Gap) {
	fmt.Fprintf(b, "### %s\n\n", mdText(l.T("pack.followup.gaps")))
	if len(gs) == 0 {
		fmt.Fprintf(b, "%s\n\n", mdText(l.T("pack.followup.no_gaps")))
		return
	}
	for _, gp := range gs {
		fmt.Fprintf(b, "- **%s**  \n%s", mdText(l.T("pack.gap.head", l.Severity(gp.Severity), gp.Where(), gp.Title)), mdText(gp.Explanation))
		for _, ev := range gp.Evidence {
			fmt.Fprintf(b, "  \n– %s", mdText(evidenceText(l, ev)))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

func evidenceText(l lang.Lang, ev gaps.Evidence) string {
	where := ev.Area
	if ev.Unit != "" {
		where += " › " + ev.Unit
	}
	s := gaps.KindName(l, ev.Kind) + ": " + ev.Label
	if ev.Value != "" {
		s += " – " + ev.Value
	}
	return s + " (" + where + ", " + l.PeriodShort(ev.Period) + ")"
}

// delegationReport tabulates a month's delegated decisions by kind of
// matter and legal ground, and by decision-maker.
func delegationReport(l lang.Lang, p data.Period, ds []data.DelegationDecision, stamp doc.Block) *doc.Section {
	type key struct{ a, b string }
	var kindOrder, makerOrder []key
	kinds, makers := map[key]int{}, map[key]int{}
	total := 0
	for _, d := range ds {
		k := key{d.Arendetyp, d.Lagrum}
		if _, ok := kinds[k]; !ok {
			kindOrder = append(kindOrder, k)
		}
		kinds[k] += d.Antal
		m := key{d.Beslutsfattare, ""}
		if _, ok := makers[m]; !ok {
			makerOrder = append(makerOrder, m)
		}
		makers[m] += d.Antal
		total += d.Antal
	}
	byKind := doc.Table{Caption: l.T("pack.delegation.by_kind"),
		Head: []string{l.T("pack.col.arendetyp"), l.T("pack.col.lagrum"), l.T("pack.col.antal")}, Right: []bool{false, false, true}}
	for _, k := range kindOrder {
		byKind.Rows = append(byKind.Rows, []doc.Cell{{Text: k.a}, {Text: k.b}, {Text: lang.Int(int64(kinds[k]))}})
	}
	byKind.Rows = append(byKind.Rows, []doc.Cell{{Text: l.T("pack.col.total"), Strong: true}, {}, {Text: lang.Int(int64(total)), Strong: true}})
	byMaker := doc.Table{Caption: l.T("pack.delegation.by_maker"),
		Head: []string{l.T("pack.col.beslutsfattare"), l.T("pack.col.antal")}, Right: []bool{false, true}}
	for _, m := range makerOrder {
		byMaker.Rows = append(byMaker.Rows, []doc.Cell{{Text: m.a}, {Text: lang.Int(int64(makers[m]))}})
	}
	return &doc.Section{Title: l.T("pack.delegation.title", l.Period(p)), Blocks: []doc.Block{
		stamp,
		doc.Paragraph{Spans: []doc.Span{{Text: l.T("pack.delegation.intro", l.Period(p), lang.Int(int64(total)))}}},
		byKind, byMaker,
	}}
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`, "]", `\]`, "#", `\#`)

// mdText keeps text from the data literal inside generated Markdown.
func mdText(s string) string { return mdEscaper.Replace(s) }

func mdCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(mdText(s), "|", `\|`), "\n", " ")
}

// demoteHeadings keeps a narrative's own headings below its title.
func demoteHeadings(s string) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		if strings.HasPrefix(ln, "#") {
			lines[i] = "#####" + strings.TrimLeft(ln, "#")
		}
	}
	return strings.Join(lines, "\n")
}

// asSection folds a whole document into one section of another: its
// front matter first, then each of its sections under a heading.
func asSection(d *doc.Doc) *doc.Section {
	sec := &doc.Section{Title: d.Title, Blocks: append([]doc.Block(nil), d.Front...)}
	for _, s := range d.Sections {
		sec.Blocks = append(sec.Blocks, doc.Heading{Level: 1, Text: s.Heading()})
		sec.Blocks = append(sec.Blocks, shiftHeadings(s.Blocks, 1)...)
		for _, c := range s.Children {
			sec.Blocks = append(sec.Blocks, doc.Heading{Level: 2, Text: c.Heading()})
			sec.Blocks = append(sec.Blocks, shiftHeadings(c.Blocks, 2)...)
		}
	}
	return sec
}

func shiftHeadings(blocks []doc.Block, by int) []doc.Block {
	out := make([]doc.Block, len(blocks))
	for i, b := range blocks {
		if h, ok := b.(doc.Heading); ok {
			h.Level += by
			b = h
		}
		out[i] = b
	}
	return out
}
