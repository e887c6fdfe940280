package tui

import (
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
}

func (p volumesPane) Render(w, h int) string { return window(p.lines(w), p.offset, w, h) }

// seriesRow is one line of a sparkline table.
type seriesRow struct {
	name   string
	series data.Series
	strong bool
	marked bool
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
	anyMarked := false
	for i, r := range rows {
		names[i] = clean(r.name)
		anyMarked = anyMarked || r.marked
	}
	cut := cutDistinct(names, nameW)
	var cutMarked []string // two cells less, for the marker
	if anyMarked {
		cutMarked = cutDistinct(names, nameW-2)
	}
	for i, r := range rows {
		name := cut[i]
		if r.marked {
			name = th.Highlight.Paint("» " + cutMarked[i])
		}
		var b strings.Builder
		b.WriteByte(' ')
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
		w := width(clean(r.name))
		if r.marked {
			w += 2 // "» "
		}
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
	th, l := p.th, p.l
	if p.detail == nil {
		return []string{th.Faint.Paint(l.T("board.loading"))}
	}
	d := p.detail
	var out []string
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
		rows := make([]seriesRow, 0, len(d.Measures))
		for _, ms := range d.Measures {
			rows = append(rows, seriesRow{name: l.Measure(ms.MeasureDef), series: ms.History, marked: p.mark[ms.Key]})
		}
		out = append(out, seriesTable(rows, w, th, l)...)
	}

	heading("board.vol.indicators")
	if len(d.Indicators) == 0 {
		out = append(out, " "+th.Faint.Paint(l.T("board.vol.no_indicators")))
	}
	out = append(out, indicatorLines(d, w, p.mark, th, l)...)
	return out
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
		status := statusGlyph(in.Status, th)
		if withWord {
			status = fit(statusWord(in.Status, th, l), statusW)
		}
		out = append(out, " "+status+" "+fit(name, nameW)+" "+right(vals[i], valW)+" "+th.Subtle.Paint(fit(targets[i], tgtW)))
	}
	return out
}
