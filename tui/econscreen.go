package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/longview"
)

// econScreen (e) is "Ekonomi över tid": for the selected area or unit,
// every month the database holds up to the period under review, as line
// charts that share their months (staff budget and outcome, vacancies,
// placement cost, ongoing placements), each year's deviation, and a
// sentence that says what the figures show.
type econScreen struct {
	*app
	sc   data.Scope
	lv   *data.LongView
	of   data.Period // the period lv (or err) is for
	err  error
	view viewport.Model
	w, h int
}

// longViewMsg answers loadLongView.
type longViewMsg struct {
	gen    int
	scope  data.Scope
	period data.Period
	lv     data.LongView
	err    error
}

func loadLongView(ctx context.Context, s *data.Store, sc data.Scope, p data.Period, gen int) tea.Cmd {
	return func() tea.Msg {
		lv, err := s.LongView(ctx, sc, p)
		return longViewMsg{gen: gen, scope: sc, period: p, lv: lv, err: err}
	}
}

func newEconScreen(a *app) (*econScreen, tea.Cmd) {
	s := &econScreen{app: a, sc: a.sel, view: newViewport()}
	return s, loadLongView(a.ctx, a.store, s.sc, a.period, a.gen)
}

func (s *econScreen) Title() string { return s.l.T("board.econ.title") }

func (s *econScreen) Help() help.KeyMap {
	k := s.keys
	return bindings{short: []key.Binding{k.Down, k.PageDown, k.Month, k.Back, k.Help, k.Quit},
		full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.PrevMonth, k.NextMonth, k.PrevReport, k.NextReport}, {k.Back, k.Help, k.Quit}}}
}

func (s *econScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.view.SetWidth(w)
	s.view.SetHeight(max(h-1, 1))
	s.view.SetContentLines(s.content(w, h))
}

func (s *econScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return nil, nil
	case tea.KeyPressMsg:
		if step := s.periodStep(msg); step != nil {
			return s, s.stepPeriod(step) // the view then ends at the new period
		}
		scrollKey(&s.view, s.keys, msg)
	case tea.MouseWheelMsg:
		scrollWheel(&s.view, wheelDelta(msg))
	case overviewMsg:
		// A new period under review: the view ends there.
		return s, loadLongView(s.ctx, s.store, s.sc, s.period, s.gen)
	case longViewMsg:
		if msg.gen == s.gen && msg.scope == s.sc && msg.period == s.period {
			s.lv, s.err, s.of = &msg.lv, msg.err, msg.period
			s.view.SetContentLines(s.content(s.w, s.h))
		}
	case tea.BackgroundColorMsg:
		s.view.SetContentLines(s.content(s.w, s.h))
	}
	return s, nil
}

func (s *econScreen) View(w, h int) string {
	title := " " + s.theme.Title.Paint(s.l.T("board.econ.heading", s.scopeName(s.sc), s.l.Period(s.period)))
	return block(append([]string{trunc(title, w)}, strings.Split(s.view.View(), "\n")...), w, h)
}

// content lays the charts out for the body's size: each chart as high as
// a quarter of the body allows (3 to 10 rows), all on one month grid.
func (s *econScreen) content(w, h int) []string {
	l, th := s.l, s.theme
	if w <= 0 {
		return nil
	}
	switch {
	case s.err != nil:
		return wrapIndented(l.T("board.error", s.err), w)
	case s.lv == nil:
		return []string{" " + th.Subtle.Paint(l.T("board.econ.loading"))}
	}
	lv := *s.lv
	out := wrapIndented(longview.Summary(l, lv), w)
	if lv.From.IsZero() {
		return out
	}
	g := newMonthGrid(lv.From, lv.To, w)
	// The body scrolls, so a chart keeps a readable height on a small
	// window instead of shrinking to a line.
	chartH := min(max((h-6)/2, 5), 10)
	chart := func(title string, decimals int, fromZero bool, series ...chartSeries) {
		out = append(out, "", " "+th.PaneTitle.Paint(trunc(title, max(w-2, 1))))
		out = append(out, lineChart(l, g, chartH, decimals, fromZero, series...)...)
		out = append(out, th.Subtle.Paint(g.yearAxis()))
	}
	if g.step > 1 {
		out = append(out, " "+th.Subtle.Paint(l.T("board.econ.step", g.step)))
	}
	chart(l.T("board.econ.staff"), 0, false, chartSeries{values: lv.StaffBudget}, chartSeries{values: lv.StaffOutcome})
	chart(l.T("board.econ.staff_dev"), 0, false, chartSeries{values: deviation(lv.StaffBudget, lv.StaffOutcome)})
	chart(l.T("board.econ.vacancies"), 0, true, chartSeries{values: lv.Vacancies})
	chart(l.T("board.econ.cost"), 0, false, chartSeries{values: lv.PlacementCost})
	chart(l.T("board.econ.placements"), 0, false, chartSeries{values: lv.Placements})
	out = append(out, "", " "+th.PaneTitle.Paint(trunc(l.T("board.econ.years"), max(w-2, 1))))
	for _, y := range lv.Years {
		if y.Months == 0 {
			out = append(out, "  "+th.Subtle.Paint(l.T("board.econ.year_none", y.Year)))
			continue
		}
		out = append(out, trunc("  "+l.T("board.econ.year_row", y.Year, y.Months,
			deviationCell(y.Deviation(), &th), deviationCell(y.StaffDeviation(), &th)), w))
	}
	out = append(out, " "+th.Subtle.Paint(trunc(l.T("board.sign_rule"), max(w-2, 1))))
	return out
}

// deviation is budget − outcome month by month, where both are known.
func deviation(budget, outcome data.Series) data.Series {
	out := make(data.Series, len(budget))
	for i, b := range budget {
		out[i].Period = b.Period
		if o := outcome[i]; b.Valid && o.Valid {
			out[i].Value, out[i].Valid = b.Value-o.Value, true
		}
	}
	return out
}

func wrapIndented(text string, w int) []string {
	var out []string
	for _, line := range wrapLines(text, max(w-2, 1), 8) {
		out = append(out, " "+line)
	}
	return out
}

// loading tells whether the long view of the period under review is on its way.
func (s *econScreen) loading() bool { return s.lv == nil && s.err == nil || s.of != s.period }
