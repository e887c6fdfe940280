package tui

import (
	"encoding/json"
	"strings"
	"sync"

	safetext "github.com/beredning/beredning/data/text"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// reader is the screen of one narrative: its Markdown rendered by
// glamour and the figures it is "about" beside it (wide) or above it
// (narrow), the part that does not fit scrolling in a viewport.
type reader struct {
	*app
	item data.NarrativeItem
	list []data.NarrativeItem // the board's list it was opened from, for n and N
	at   int                  // item's place in list
	// the Markdown as rendered for a width and style; rendering happens
	// in Update (open, resize, theme), never in View.
	body      []string
	bodyW     int
	bodyStyle string
	view      viewport.Model
	w, h      int
}

// newReader opens list[at]; n and N step to its neighbours.
func newReader(a *app, list []data.NarrativeItem, at int) *reader {
	return &reader{app: a, list: list, at: at, item: list[at], view: newViewport()}
}

// readerClosedMsg tells the board which narrative the reader showed last,
// so its cursor is there after n and N.
type readerClosedMsg struct{ id int64 }

func (r *reader) close() (Screen, tea.Cmd) {
	msg := readerClosedMsg{id: r.item.ID}
	return nil, func() tea.Msg { return msg }
}

// step shows the narrative d places on in the list, from its top; at an
// end the footer says so.
func (r *reader) step(d int) tea.Cmd {
	next := r.at + d
	if next < 0 || next >= len(r.list) {
		r.notice = r.l.T("board.reader.first")
		if d > 0 {
			r.notice = r.l.T("board.reader.last")
		}
		return nil
	}
	r.at, r.item = next, r.list[next]
	r.body = nil
	r.layout()
	r.view.GotoTop()
	return r.ensureDetail(r.item.Scope)
}

func (r *reader) Title() string { return r.l.T("board.reader.title") }

func (r *reader) Help() help.KeyMap {
	k := r.keys
	return bindings{
		short: []key.Binding{k.Back, k.NextNarrative, k.PrevNarrative, k.Down},
		full: [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.PageUp, k.PageDown, k.NextNarrative, k.PrevNarrative},
			{k.Back, k.Help, k.Quit}},
	}
}

func (r *reader) SetSize(w, h int) {
	r.w, r.h = w, h
	r.layout()
}

// Update scrolls; esc and ← close. The store's answers and a new theme
// lay the narrative out again (its figures may have arrived).
func (r *reader) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return r.close()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, r.keys.Left):
			return r.close()
		case key.Matches(msg, r.keys.NextNarrative):
			return r, r.step(1)
		case key.Matches(msg, r.keys.PrevNarrative):
			return r, r.step(-1)
		case key.Matches(msg, r.keys.Enter): // enter and space page on, as in less
			r.view.PageDown()
		default:
			scrollKey(&r.view, r.keys, msg)
		}
	case tea.MouseWheelMsg:
		scrollWheel(&r.view, wheelDelta(msg))
	case overviewMsg:
		r.layout()
		return r, r.ensureDetail(r.item.Scope)
	case detailsMsg, tea.BackgroundColorMsg:
		r.layout()
	}
	return r, nil
}

// layout renders the Markdown for the text column and puts what scrolls
// into the viewport.
func (r *reader) layout() {
	if r.w <= 0 {
		return
	}
	textW, _, beside := readerGeometry(r.w)
	r.renderBody(textW, r.theme.Markdown)
	v := r.frame()
	r.view.SetHeight(max(r.h-len(v.header(r.w)), 1))
	if beside {
		r.view.SetWidth(textW)
	} else {
		r.view.SetWidth(r.w)
	}
	r.view.SetContentLines(v.bodyLines(r.w))
}

func (r *reader) frame() readerView {
	return readerView{th: &r.theme, l: r.l, r: r, detail: r.detail(r.item.Scope), areaName: r.areaName(r.item.AreaID)}
}

func (r *reader) View(w, h int) string { return r.frame().Render(w, h) }

// From readerSideBySide columns the figures stand beside the text; the
// text column is kept to a readable measure.
const (
	readerSideBySide = 100
	readerMaxText    = 100
)

// readerGeometry splits the reader's body region: the text column's and
// the figures column's widths, and whether they stand side by side.
func readerGeometry(w int) (textW, figW int, beside bool) {
	if w < readerSideBySide {
		return w, w, false
	}
	figW = clamp(w/3, 40, 64)
	return min(w-figW-1, readerMaxText), figW, true
}

var (
	mdMu        sync.Mutex
	mdRenderers = map[[2]any]*glamour.TermRenderer{}
)

// markdown renders a narrative's text at a width with a glamour style
// ("dark", "light", or "notty" for the board's monochrome mode). Renderers
// are costly to build and are kept per style and width.
func markdown(text, style string, w int) []string {
	w = max(w, 10)
	mdMu.Lock()
	defer mdMu.Unlock()
	key := [2]any{style, w}
	r := mdRenderers[key]
	if r == nil {
		opts := []glamour.TermRendererOption{glamour.WithWordWrap(w - 4), glamour.WithPreservedNewLines()}
		if style == "notty" {
			opts = append(opts, glamour.WithStylesFromJSONBytes(monochromeMarkdown()))
		} else {
			opts = append(opts, glamour.WithStandardStyle(style))
		}
		var err error
		if r, err = glamour.NewTermRenderer(opts...); err != nil {
			return plainLines(text, w)
		}
		mdRenderers[key] = r
	}
	text = safetext.PublicBlock(text)
	out, err := r.Render(text)
	if err != nil {
		return plainLines(text, w)
	}
	// glamour's own escapes: colours stay, hyperlinks and the like go
	out = safetext.KeepStyle(out)
	lines := strings.Split(strings.TrimRight(out, "\n "), "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return lines
}

func plainLines(text string, w int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapLines(clean(para), w-2, 1000)...)
	}
	return out
}

var monoMarkdown = sync.OnceValue(func() []byte {
	// The dark style with every colour taken out: bold, italic and
	// underline stay, so headings and emphasis still read without colour.
	b, _ := json.Marshal(styles.DarkStyleConfig)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	var strip func(v any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "color")
			delete(x, "background_color")
			delete(x, "chroma")
			for _, c := range x {
				strip(c)
			}
		case []any:
			for _, c := range x {
				strip(c)
			}
		}
	}
	strip(m)
	out, _ := json.Marshal(m)
	return out
})

func monochromeMarkdown() []byte { return monoMarkdown() }

// renderBody renders the narrative for the text column's width.
func (r *reader) renderBody(w int, style string) {
	if r.bodyW == w && r.bodyStyle == style && r.body != nil {
		return
	}
	r.body = markdown(r.item.Text, style, w)
	r.bodyW, r.bodyStyle = w, style
}

// readerView is the reader drawn for one frame.
type readerView struct {
	th       *Theme
	l        lang.Lang
	r        *reader
	detail   *data.Detail // the narrative's scope in the period under review; nil while loading
	areaName string
}

// header is the reader's first lines: what kind of narrative, from whom.
func (v readerView) header(w int) []string {
	th, l, n := v.th, v.l, v.r.item
	where := clean(v.areaName)
	if n.UnitName != "" {
		where += " › " + clean(n.UnitName)
	}
	meta := severityGlyph(n.Severity, th) + " " + severityInk(n.Severity, th).Paint(l.Severity(n.Severity)) +
		"  " + typeGlyph(n.Type) + " " + l.NarrativeType(n.Type) + th.Subtle.Paint(" · "+l.Period(n.Period)+" · "+where)
	if n.Author != "" {
		meta += th.Subtle.Paint(" · " + clean(n.Author))
	}
	return []string{" " + meta, " " + th.Title.Paint(clean(n.Title)), ""}
}

// bodyLines is the scrollable content below the header when the figures
// stand above the text (narrow), or the text alone (wide).
func (v readerView) bodyLines(w int) []string {
	if _, _, beside := readerGeometry(w); beside {
		return v.r.body
	}
	out := v.figures(w)
	out = append(out, v.th.Faint.Paint(" "+strings.Repeat("─", max(w-2, 0))))
	return append(out, v.r.body...)
}

func (v readerView) Render(w, h int) string {
	head := v.header(w)
	bodyH := max(h-len(head), 0)
	textW, figW, beside := readerGeometry(w)
	lines := append([]string(nil), head...)
	body := strings.Split(v.r.view.View(), "\n")
	if !beside {
		return block(append(lines, body...), w, h)
	}
	figs := v.figures(figW)
	sep := v.th.Separator.Paint("│")
	for i := 0; i < bodyH; i++ {
		left, rightCol := "", ""
		if i < len(body) {
			left = body[i]
		}
		if i < len(figs) {
			rightCol = figs[i]
		}
		lines = append(lines, fit(left, textW)+sep+fit(rightCol, figW))
	}
	return block(lines, w, h)
}

// figures shows the figures the narrative is about: its konto's budget
// line, its measure's series, or the placements; and always the dots its
// scope reported, since the point is what stands next to them.
func (v readerView) figures(w int) []string {
	th, l, n := v.th, v.l, v.r.item
	out := []string{th.Strong.Paint(" " + l.T("board.reader.figures"))}
	d := v.detail
	if d == nil {
		return append(out, " "+th.Faint.Paint(l.T("board.loading")))
	}
	out = append(out, th.Subtle.Paint(" "+l.T("board.reader.as_of", l.PeriodShort(d.Period))))
	about := n.About
	found := false
	for _, b := range d.Budget {
		if string(b.Account) == about && about != "" {
			found = true
			out = append(out, "", " "+th.Highlight.Paint(l.Account(b.Account))+th.Subtle.Paint(" · "+l.T("board.reader.ytd")))
			out = append(out, " "+fit(l.T("board.budget.budget"), 10)+" "+right(lang.Tkr(b.BudgetYTD), w-13))
			if b.MonthsWithOutcome > 0 {
				out = append(out, " "+fit(l.T("board.budget.outcome"), 10)+" "+right(lang.Tkr(b.OutcomeYTD), w-13))
				out = append(out, " "+fit(l.T("board.budget.deviation"), 10)+" "+right(deviationCell(b.Deviation(), th)+" "+pctText(deviationPct(b)), w-13))
			}
			if b.HasForecast {
				out = append(out, " "+fit(l.T("board.budget.forecast"), 10)+" "+right(lang.Tkr(b.Forecast), w-13))
			}
		}
	}
	var rows []seriesRow
	if about == string(data.AccountPlacements) && len(d.Placements) > 0 {
		found = true
		rows = append(rows, seriesRow{name: l.T("board.vol.placements_short"), series: d.Total24.History, marked: true})
	}
	for _, ms := range d.Measures {
		if ms.Key == about && about != "" {
			found = true
			rows = append(rows, seriesRow{name: l.Measure(ms.MeasureDef), series: ms.History, marked: true})
		}
	}
	for _, in := range d.Indicators {
		if in.Key == about && about != "" {
			found = true
			rows = append(rows, seriesRow{name: l.Measure(in.MeasureDef), series: in.History, marked: true})
		}
	}
	if len(rows) > 0 {
		out = append(out, "")
		out = append(out, seriesTable(rows, w, th, l)...)
	}
	if !found {
		msg := l.T("board.reader.no_about")
		if about != "" {
			msg = l.T("board.reader.about_missing", about)
		}
		out = append(out, "")
		for _, s := range wrapLines(msg, w-2, 3) {
			out = append(out, " "+th.Faint.Paint(s))
		}
	}
	if len(d.Indicators) > 0 {
		out = append(out, "", th.Strong.Paint(" "+l.T("board.vol.indicators")))
		out = append(out, indicatorLines(d, w, map[string]bool{about: true}, th, l)...)
	}
	return out
}
