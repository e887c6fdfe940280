package tui

import (
	"fmt"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// volumesPane is pane 2: ongoing placements by kind with a 24-month
// sparkline and the change against a year ago; the measures with their
// sparklines; the indicators with target, value and reported status.
type volumesPane struct {
	th     *Theme
	l      lang.Lang
	detail *data.Detail
	offset int
	// mark highlights measures by key, markKind placement kinds (the
	// total row under placementTotal): evidence of a gap.
	mark     map[string]bool
	markKind map[data.PlacementKind]bool
	// cursor is the measure or indicator row under the cursor (measures
	// first, see volumeRows), drawn only while the pane has the focus;
	// briefed tells the rows marked for the chair's briefing (◆).
	cursor  int
	focused bool
	briefed func(volRow) bool
}

// Render shows the pane from offset, moved so that the cursor's row is
// on screen while the pane has the focus.
func (p volumesPane) Render(w, h int) string {
	lines, at := p.content(w)
	off := p.offset
	if p.focused && len(at) > 0 {
		off = followCursor(at[clamp(p.cursor, 0, len(at)-1)], clamp(off, 0, max(len(lines)-h, 0)), h)
	}
	return window(lines, off, w, h)
}

// volRow is a row of the volumes pane the cursor stops on and m marks: a
// measure of the selected scope, or an indicator of the unit (or area)
// that reported it.
type volRow struct {
	kind, ref string // data.RefMeasure or data.RefIndicator, and the measure's id
	scope     data.Scope
	label     string
}

// volumeRows are the pane's measure rows, then its indicator rows, in the
// order the pane draws them.
func volumeRows(d *data.Detail, l lang.Lang) []volRow {
	if d == nil {
		return nil
	}
	out := make([]volRow, 0, len(d.Measures)+len(d.Indicators))
	for _, ms := range d.Measures {
		out = append(out, volRow{kind: data.RefMeasure, ref: fmt.Sprint(ms.ID), scope: d.Scope, label: l.Measure(ms.MeasureDef)})
	}
	for _, in := range d.Indicators {
		label := l.Measure(in.MeasureDef)
		if in.UnitName != "" {
			label += " · " + in.UnitName
		}
		out = append(out, volRow{kind: data.RefIndicator, ref: fmt.Sprint(in.ID),
			scope: data.Scope{AreaID: d.Scope.AreaID, UnitID: in.UnitID}, label: label})
	}
	return out
}

// seriesRow is one line of a sparkline table.
type seriesRow struct {
	name     string
	series   data.Series
	strong   bool
	marked   bool // evidence of the open gap: »
	briefed  bool // marked for the chair's briefing: ◆
	selected bool // under the focused pane's cursor: ▌
}

// prefix is what goes before the name: ◆ for the briefing, » for a gap.
func (r seriesRow) prefix() string {
	s := ""
	if r.briefed {
		s += "◆ "
	}
	if r.marked {
		s += "» "
	}
	return s
}

// seriesTable draws rows as: name, sparkline, value in P, change against
// twelve months earlier. The sparkline shrinks, then goes, when narrow.
func seriesTable(rows []seriesRow, w int, th *Theme, l lang.Lang) []string {
	valW, chgW := width(l.T("board.vol.now")), width(l.T("board.vol.change"))
	vals := make([]string, len(rows))
	chgs := make([]string, len(rows))
	for i, r := range rows {
		v, ok := r.series.Last()
		vals[i], chgs[i] = "–", ""
		if ok {
			dec := seriesDecimals(r.series)
			vals[i] = lang.Number(v, dec)
			if before, ok := r.series.At(12); ok {
				chgs[i] = changeText(v, before, dec)
			}
		}
		valW, chgW = max(valW, width(vals[i])), max(chgW, width(chgs[i]))
	}
	sparkW, nameW := seriesWidths(rows, w-valW-chgW-4)
	out := make([]string, 0, len(rows)+1)
	hdr := " " + fit("", nameW)
	if sparkW > 0 {
		hdr += " " + right(l.T("board.vol.months", min(sparkW, len(rows[0].series))), sparkW)
	}
	hdr += " " + right(l.T("board.vol.now"), valW) + " " + right(l.T("board.vol.change"), chgW)
	out = append(out, th.Faint.Paint(hdr))
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = clean(r.name)
	}
	cuts := map[int][]string{} // by the width of the prefix, so names stay distinct
	for i, r := range rows {
		pre := r.prefix()
		cut, ok := cuts[width(pre)]
		if !ok {
			cut = cutDistinct(names, nameW-width(pre))
			cuts[width(pre)] = cut
		}
		name := pre + cut[i]
		if r.marked {
			name = th.Highlight.Paint(name)
		}
		var b strings.Builder
		b.WriteString(gutter(r.selected, th))
		b.WriteString(fit(name, nameW))
		if sparkW > 0 {
			b.WriteByte(' ')
			b.WriteString(sparkline(r.series, sparkW, th))
		}
		b.WriteByte(' ')
		b.WriteString(right(vals[i], valW))
		b.WriteByte(' ')
		b.WriteString(right(chgs[i], chgW))
		s := b.String()
		if r.strong {
			s = th.Strong.Over(s)
		}
		if r.selected {
			s = th.Selected.Over(s)
		}
		out = append(out, s)
	}
	return out
}

// Sparkline widths. A name is a label and the sparkline a column that
// matters less: names keep up to sparkNameWant cells (their whole length
// when shorter) before the sparkline gets any, and the sparkline takes
// what is left, up to two years; below sparkMin months it goes, and the
// names take its space too. Its heading says how many months it shows.
const (
	sparkMonths   = 24
	sparkMin      = 12
	sparkNameWant = 20
)

// seriesWidths splits avail cells (a line less its figures and the spaces
// around them) between the names and the sparkline; sparkW 0 means no
// sparkline, and the names take its space too.
func seriesWidths(rows []seriesRow, avail int) (sparkW, nameW int) {
	nameWant := 0
	for _, r := range rows {
		w := width(clean(r.name)) + width(r.prefix())
		nameWant = max(nameWant, w)
	}
	nameWant = min(nameWant, sparkNameWant)
	sparkW = clamp(avail-nameWant, 0, sparkMonths)
	if sparkW < sparkMin {
		sparkW = 0
	}
	nameW = avail + 1 // the sparkline's space too
	if sparkW > 0 {
		nameW = avail - sparkW
	}
	return sparkW, max(nameW, 1)
}

func (p volumesPane) lines(w int) []string {
	out, _ := p.content(w)
	return out
}

// content is the pane's lines, and the line of each of volumeRows.
func (p volumesPane) content(w int) (out []string, at []int) {
	th, l := p.th, p.l
	if p.detail == nil {
		return []string{th.Faint.Paint(l.T("board.loading"))}, nil
	}
	d := p.detail
	rows := volumeRows(d, l)
	sel := -1
	if p.focused && len(rows) > 0 {
		sel = clamp(p.cursor, 0, len(rows)-1)
	}
	briefed := func(i int) bool { return p.briefed != nil && p.briefed(rows[i]) }
	heading := func(key string, args ...any) {
		if len(out) > 0 {
			out = append(out, "")
		}
		for _, s := range wrapLines(l.T(key, args...), max(w-1, 1), 3) {
			out = append(out, th.Strong.Paint(" "+s))
		}
	}

	heading("board.vol.placements", l.PeriodShort(d.Period.Add(-12)))
	if len(d.Placements) == 0 {
		out = append(out, " "+th.Faint.Paint(l.T("board.vol.no_placements")))
	} else {
		rows := make([]seriesRow, 0, len(d.Placements)+1)
		for _, ps := range d.Placements {
			rows = append(rows, seriesRow{name: l.Kind(ps.Kind), series: ps.History, marked: ps.Kind != placementTotal && p.markKind[ps.Kind]})
		}
		rows = append(rows, seriesRow{name: l.T("board.vol.total"), series: d.Total24.History, strong: true, marked: p.markKind[placementTotal]})
		out = append(out, seriesTable(rows, w, th, l)...)
		if d.Total24.CostYTD != 0 {
			out = append(out, costLines(lang.Tkr(d.Total24.CostYTD), w, th, l)...)
		}
	}

	heading("board.vol.measures")
	if len(d.Measures) == 0 {
		out = append(out, " "+th.Faint.Paint(l.T("board.vol.no_measures")))
	} else {
		srows := make([]seriesRow, 0, len(d.Measures))
		for i, ms := range d.Measures {
			srows = append(srows, seriesRow{name: l.Measure(ms.MeasureDef), series: ms.History, marked: p.mark[ms.Key],
				briefed: briefed(i), selected: i == sel})
		}
		table := seriesTable(srows, w, th, l)
		for i := range d.Measures {
			at = append(at, len(out)+1+i) // below the table's heading
		}
		out = append(out, table...)
	}

	heading("board.vol.indicators")
	if len(d.Indicators) == 0 {
		out = append(out, " "+th.Faint.Paint(l.T("board.vol.no_indicators")))
	}
	n := len(d.Measures)
	for i := range d.Indicators {
		at = append(at, len(out)+i)
	}
	ibriefed := make([]bool, len(d.Indicators))
	for i := range ibriefed {
		ibriefed[i] = briefed(n + i)
	}
	out = append(out, indicatorTable(d, w, p.mark, ibriefed, sel-n, th, l)...)
	return out, at
}

// gutter is a row's first cell: ▌ under the cursor, so the selection does
// not rest on colour alone.
func gutter(selected bool, th *Theme) string {
	if selected {
		return th.Accent.Paint("▌")
	}
	return " "
}

// costLines is the placements' cost year to date: on one line when it
// fits, with a shorter label when that fits, else the label above the
// figure, which is never cut.
func costLines(amount string, w int, th *Theme, l lang.Lang) []string {
	for _, s := range []string{l.T("board.vol.cost_ytd", amount), l.T("board.vol.cost_ytd_short") + " " + amount} {
		if 1+width(s) <= w {
			return []string{th.Subtle.Paint(" " + s)}
		}
	}
	return []string{th.Subtle.Paint(" " + fit(l.T("board.vol.cost_ytd_short"), max(w-1, 1))), th.Subtle.Paint(" " + amount)}
}

// indicatorLines draws each dot as the unit reported it, with its value
// and target side by side: "✓ grön  Andel inom 4 mån · Utredning  70  mål ≥ 60".
func indicatorLines(d *data.Detail, w int, mark map[string]bool, th *Theme, l lang.Lang) []string {
	return indicatorTable(d, w, mark, nil, -1, th, l)
}

// indicatorTable is indicatorLines with the briefing's ◆ (briefed, by
// indicator) and the cursor on indicator sel (-1: none).
func indicatorTable(d *data.Detail, w int, mark map[string]bool, briefed []bool, sel int, th *Theme, l lang.Lang) []string {
	if len(d.Indicators) == 0 {
		return nil
	}
	vals := make([]string, len(d.Indicators))
	targets := make([]string, len(d.Indicators))
	short := make([]string, len(d.Indicators))
	valW, tgtW, shortW := 0, 0, 0
	for i, in := range d.Indicators {
		vals[i] = lang.Number(in.Value, seriesDecimals(in.History))
		cmp := "≥"
		if in.Direction == data.LowerIsBetter {
			cmp = "≤"
		}
		targets[i] = l.T("board.vol.target", cmp, lang.Value(in.Target))
		short[i] = cmp + " " + lang.Value(in.Target)
		valW, tgtW, shortW = max(valW, width(vals[i])), max(tgtW, width(targets[i])), max(shortW, width(short[i]))
	}
	// narrow: the target without its word, so the names keep some room
	if w-1-1-1-valW-1-tgtW-1 < 14 {
		targets, tgtW = short, shortW
	}
	wordW := 0
	for _, in := range d.Indicators {
		wordW = max(wordW, width(l.Status(in.Status)))
	}
	withWord := w-1-2-wordW-valW-tgtW-3 >= 12
	statusW := 1
	if withWord {
		statusW = 2 + wordW
	}
	nameW := max(w-1-statusW-1-valW-1-tgtW-1, 1)
	out := make([]string, 0, len(d.Indicators))
	for i, in := range d.Indicators {
		// The series' name, as in the measure list above, not the name a
		// unit used that period: one indicator, one name on the screen.
		name := clean(l.Measure(in.MeasureDef))
		if d.Scope.IsArea() && in.UnitName != "" {
			name += " · " + clean(in.UnitName)
		}
		if mark[in.Key] {
			name = th.Highlight.Paint("» " + name)
		}
		if i < len(briefed) && briefed[i] {
			name = "◆ " + name
		}
		status := statusGlyph(in.Status, th)
		if withWord {
			status = fit(statusWord(in.Status, th, l), statusW)
		}
		s := gutter(i == sel, th) + status + " " + fit(name, nameW) + " " + right(vals[i], valW) + " " + th.Subtle.Paint(fit(targets[i], tgtW))
		if i == sel {
			s = th.Selected.Over(s)
		}
		out = append(out, s)
	}
	return out
}

// moveVolume moves the volumes pane's cursor over its measure and
// indicator rows and scrolls the pane to keep it in view; on the first
// row the pane shows its top (the placements) when the row still fits.
// Without such rows the pane just scrolls.
func (b *board) moveVolume(d int) {
	r := b.layout().panes[paneVolumes]
	p := b.volumesPane()
	lines, at := p.content(r.w)
	if len(at) == 0 || r.w == 0 {
		b.scroll[paneVolumes] = clamp(b.scroll[paneVolumes]+d, 0, b.maxScroll(paneVolumes))
		return
	}
	vis := max(r.h-1, 1) // below the pane's title
	b.volCursor = clamp(b.volCursor+d, 0, len(at)-1)
	off := clamp(b.scroll[paneVolumes], 0, max(len(lines)-vis, 0))
	b.scroll[paneVolumes] = followCursor(at[b.volCursor], off, vis)
	if b.volCursor == 0 && at[0] < vis {
		b.scroll[paneVolumes] = 0
	}
}
