package tui

import (
	"math"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// budgetPane is pane 1: per konto the year-to-date budget, outcome and
// deviation, the whole-year forecast and its deviation, a bar, and totals.
type budgetPane struct {
	th     *Theme
	l      lang.Lang
	detail *data.Detail // nil while loading
	offset int
	// mark highlights konton (evidence of a gap, the figure a narrative
	// is about).
	mark map[data.Account]bool
	// briefed: the scope's budget is marked for the chair's briefing (◆)
	briefed bool
}

// budgetColumn is one column of the table, in display order; prio says
// which columns stay when the pane is narrow (lower stays longer).
type budgetColumn struct {
	header string
	cells  []string // painted; the last cell is the total
	right  bool
	prio   int
	w      int
}

func (p budgetPane) Render(w, h int) string {
	return window(p.lines(w), p.offset, w, h)
}

// window shows h lines of content from offset (clamped), each w wide.
func window(lines []string, offset, w, h int) string {
	off := clamp(offset, 0, max(len(lines)-h, 0))
	return block(lines[min(off, len(lines)):], w, h)
}

func (p budgetPane) lines(w int) []string {
	th, l := p.th, p.l
	if p.detail == nil {
		return []string{th.Faint.Paint(l.T("board.loading"))}
	}
	d := p.detail
	if len(d.Budget) == 0 {
		return []string{th.Faint.Paint(l.T("board.budget.none"))}
	}
	// The heading names the months the figures cover: up to the latest
	// month with outcome, and says when the month under review has none.
	var heading string
	switch through := d.Total.OutcomeThrough; {
	case through.IsZero():
		heading = l.T("board.budget.no_outcome")
	case through < d.Period:
		heading = l.T("board.budget.ytd_through", ytdRange(l, through), l.Period(d.Period))
	default:
		heading = l.T("board.budget.ytd", ytdRange(l, d.Period))
	}
	var out []string
	if p.briefed {
		out = append(out, " "+th.Accent.Paint("◆ ")+l.T("board.mark.budget_marked"))
	}
	for _, s := range wrapLines(heading, max(w-1, 1), 3) {
		out = append(out, th.Subtle.Paint(" "+s))
	}

	rows := append(append([]data.BudgetLine(nil), d.Budget...), d.Total)
	n := len(rows)
	col := func(header string, right bool, prio int) *budgetColumn {
		return &budgetColumn{header: header, cells: make([]string, n), right: right, prio: prio, w: width(header)}
	}
	account := col(l.T("board.budget.account"), false, 0)
	budget := col(l.T("board.budget.budget"), true, 6)
	outcome := col(l.T("board.budget.outcome"), true, 5)
	dev := col(l.T("board.budget.deviation"), true, 1)
	pct := col("%", true, 2)
	forecast := col(l.T("board.budget.forecast"), true, 7)
	fcDev := col(l.T("board.budget.forecast_dev"), true, 4)
	bar := col("", false, 3)
	var pcts []float64
	for _, r := range rows {
		pcts = append(pcts, deviationPct(r))
	}
	scale := barScale(pcts[:n-1]...)
	for i, r := range rows {
		name := clean(l.Account(r.Account))
		if i == n-1 {
			name = l.T("board.budget.total")
		}
		if p.mark[r.Account] && i < n-1 {
			name = th.Highlight.Paint("» " + name)
		}
		account.cells[i] = name
		budget.cells[i] = lang.TkrNumber(r.BudgetYTD)
		outcome.cells[i] = lang.TkrNumber(r.OutcomeYTD)
		if r.MonthsWithOutcome == 0 {
			outcome.cells[i], dev.cells[i], pct.cells[i] = "–", "–", "–"
		} else {
			dev.cells[i] = deviationCell(r.Deviation(), th)
			pct.cells[i] = pctText(deviationPct(r))
		}
		if r.HasForecast {
			forecast.cells[i] = lang.TkrNumber(r.Forecast)
			fcDev.cells[i] = deviationCell(r.ForecastDeviation(), th)
		} else {
			forecast.cells[i], fcDev.cells[i] = "–", "–"
		}
		if r.MonthsWithOutcome > 0 {
			bar.cells[i] = "bar" // drawn once the width is known
		}
	}
	cols := []*budgetColumn{account, budget, outcome, dev, pct, forecast, fcDev, bar}
	for _, c := range cols {
		for _, s := range c.cells {
			if c != bar {
				c.w = max(c.w, width(s))
			}
		}
	}
	accountMax := account.w
	account.w = min(account.w, 11)
	bar.w = 9
	// Keep columns by priority while they fit; the rest of the width goes
	// to the konto names, then to the bar.
	used := 1 + account.w
	keep := map[*budgetColumn]bool{account: true}
	for prio := 1; prio <= 7; prio++ {
		for _, c := range cols {
			if c.prio == prio && used+1+c.w <= w {
				keep[c] = true
				used += 1 + c.w
			}
		}
	}
	extra := w - used
	grow := min(extra, accountMax-account.w)
	account.w += grow
	extra -= grow
	if keep[bar] {
		bar.w += min(extra, 16)
	}

	render := func(cells func(c *budgetColumn) string) string {
		var b strings.Builder
		b.WriteByte(' ')
		first := true
		for _, c := range cols {
			if !keep[c] {
				continue
			}
			if !first {
				b.WriteByte(' ')
			}
			first = false
			s := cells(c)
			if c.right {
				b.WriteString(right(s, c.w))
			} else {
				b.WriteString(fit(s, c.w))
			}
		}
		return b.String()
	}
	out = append(out, th.Subtle.Paint(render(func(c *budgetColumn) string { return c.header })))
	for i, r := range rows {
		if i == n-1 {
			out = append(out, th.Faint.Paint(" "+strings.Repeat("─", max(used-1, 0))))
		}
		line := render(func(c *budgetColumn) string {
			if c == bar {
				if c.cells[i] == "" {
					return ""
				}
				return deviationBar(deviationPct(r), scale, c.w, th)
			}
			return c.cells[i]
		})
		if i == n-1 {
			line = th.Strong.Over(line)
		}
		out = append(out, line)
	}

	// The whole year in words, since the forecast columns are the first to
	// go when the pane is narrow.
	t := d.Total
	out = append(out, "", th.Strong.Paint(" "+l.T("board.budget.year")))
	type yearLine struct {
		label, num string
		dev        *data.Money // deviations carry their direction in symbol and word
		faint      string      // a note instead of a figure
	}
	ytdDev, yearDev := t.Deviation(), t.ForecastDeviation()
	year := []yearLine{{label: l.T("board.budget.annual"), num: lang.TkrNumber(t.AnnualBudget)}}
	if t.HasForecast {
		year = append(year, yearLine{label: l.T("board.budget.forecast_long"), num: lang.TkrNumber(t.Forecast)},
			yearLine{label: l.T("board.budget.deviation_long"), num: lang.SignedTkr(yearDev), dev: &yearDev})
	} else {
		year = append(year, yearLine{label: l.T("board.budget.forecast_long"), faint: l.T("board.budget.no_forecast")})
	}
	if t.MonthsWithOutcome > 0 {
		year = append(year, yearLine{label: l.T("board.budget.ytd_dev"), num: lang.SignedTkr(ytdDev), dev: &ytdDev})
	}
	labelW, numW := 0, 0
	for _, y := range year {
		labelW, numW = max(labelW, width(y.label)), max(numW, width(y.num))
	}
	// A figure is never cut: its words go first (the direction's word,
	// then the unit), then the label is cut.
	for _, y := range year {
		switch {
		case y.faint != "":
			out = append(out, " "+fit(y.label, labelW)+" "+th.Faint.Paint(y.faint))
		case y.dev != nil:
			num := right(y.num, numW)
			sym := ""
			if s := deviationSymbol(*y.dev); s != " " {
				sym = " " + s
			}
			tails := []string{" tkr" + sym + " " + overUnderWord(*y.dev, l), " tkr" + sym, sym}
			out = append(out, yearFigureLine(y.label, labelW, num, tails, w, func(s string) string { return paintDeviation(*y.dev, s, th) }))
		default:
			out = append(out, yearFigureLine(y.label, labelW, right(y.num, numW), []string{" tkr", ""}, w, func(s string) string { return s }))
		}
	}
	out = append(out, "")
	for _, s := range wrapLines(l.T("board.budget.legend"), w-1, 3) {
		out = append(out, th.Faint.Paint(" "+s))
	}
	return out
}

// yearFigureLine is "label number tail" in w cells: the first tail that fits
// beside the whole number, the label cut only when even the number alone
// does not fit beside it.
func yearFigureLine(label string, labelW int, num string, tails []string, w int, paint func(string) string) string {
	for _, t := range tails {
		if 1+labelW+1+width(num)+width(t) <= w {
			return " " + fit(label, labelW) + " " + paint(num+t)
		}
	}
	t := tails[len(tails)-1]
	lw := max(w-2-width(num)-width(t), 1)
	return " " + fit(label, min(lw, labelW)) + " " + paint(num+t)
}

// deviationPct is the deviation as a share of the budget's size, so that
// its sign is the deviation's also on revenue lines (negative budgets).
func deviationPct(b data.BudgetLine) float64 {
	return data.Percent(b.Deviation(), b.BudgetYTD)
}

// pctText is a deviation in percent with its sign, "–" without budget.
func pctText(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	return lang.SignedPercent(f, 1)
}

// ytdRange is "jan–okt 2026": the months year to date.
func ytdRange(l lang.Lang, p data.Period) string {
	if p.Month() == 1 {
		return l.PeriodShort(p)
	}
	return l.MonthShort(p.YearStart().Month()) + "–" + l.PeriodShort(p)
}
