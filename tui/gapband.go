package tui

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// The gap band stands above the three panes (a tab of its own when the
// window is narrow). It lists the selected area's or unit's quality gaps,
// most severe first; Enter opens one: its explanation and evidence, with
// the evidence marked (») in the panes below.

// gapBandRows is how many gaps the closed band shows before it scrolls.
const gapBandRows = 4

type gapBand struct {
	th        *Theme
	l         lang.Lang
	loaded    bool
	gaps      []gaps.Gap
	cursor    int
	open      bool
	scroll    int
	focused   bool
	showWhere bool                // the scope is an area: name each gap's unit
	briefed   func(gaps.Gap) bool // marked for the chair's briefing: ◆
	// reportNote says when the gap stands on a unit report not yet
	// approved; "" otherwise (or nil).
	reportNote func(gaps.Gap) string
}

// severityWord is a severity as dots and word, "●●● hög", as narratives
// show theirs.
func severityWord(s data.Severity, th *Theme, l lang.Lang) string {
	return severityGlyph(s, th) + " " + severityInk(s, th).Paint(l.Severity(s))
}

// severityWordWidth is the widest severity word, for aligned columns.
func severityWordWidth(l lang.Lang) int {
	w := 0
	for _, s := range []data.Severity{data.SeverityHigh, data.SeverityMedium, data.SeverityLow} {
		w = max(w, width(l.Severity(s))+4)
	}
	return w
}

// gapWhere is "Barn och unga › Utredningsenheten", or the unit alone.
func gapWhere(g gaps.Gap, withArea bool) string {
	switch {
	case g.Unit == "":
		return clean(g.Area)
	case withArea:
		return clean(g.Area) + " › " + clean(g.Unit)
	}
	return clean(g.Unit)
}

// gapLine is one gap in a list: "●●● hög   Unit   Title"; whereW is the
// width of the unit column (0: none).
func gapLine(g gaps.Gap, whereW int, th *Theme, l lang.Lang) string {
	s := fit(severityWord(g.Severity, th, l), severityWordWidth(l)) + " "
	if whereW > 0 {
		where := g.Unit
		if where == "" {
			where = l.T("board.gap.area_level")
		}
		s += th.Subtle.Paint(fit(clean(where), whereW)) + " "
	}
	return s + clean(g.Title)
}

// gapWhereWidth is the unit column's width when an area's gaps are listed.
func gapWhereWidth(gs []gaps.Gap, w int, l lang.Lang) int {
	n := 0
	for _, g := range gs {
		if g.Unit != "" {
			n = max(n, width(clean(g.Unit)))
		}
	}
	if n == 0 {
		return 0
	}
	return min(max(n, width(l.T("board.gap.area_level"))), 24, max(w/4, 8))
}

// gapDetail is an opened gap: rule and place, title, explanation, and the
// evidence that made the rule fire.
func gapDetail(g gaps.Gap, w int, th *Theme, l lang.Lang) []string {
	w = max(w-2, 1)
	var out []string
	indent := func(lines []string, ink Ink) {
		for _, s := range lines {
			out = append(out, "  "+ink.Paint(s))
		}
	}
	rule := l.T("gaps.rule." + g.Rule)
	out = append(out, " "+severityWord(g.Severity, th, l)+th.Subtle.Paint(" · "+rule+" · "+gapWhere(g, true)))
	indent(wrapLines(clean(g.Title), w, 3), th.Strong)
	indent(wrapLines(clean(g.Explanation), w, 12), Ink{})
	if len(g.Evidence) > 0 {
		out = append(out, "  "+th.Subtle.Paint(l.T("board.gap.evidence")))
		for _, ev := range g.Evidence {
			s := clean(ev.Label)
			if ev.Value != "" {
				s += ": " + clean(ev.Value)
			}
			if ev.Unit != "" && ev.UnitID != g.UnitID {
				s += " (" + clean(ev.Unit) + ")"
			}
			for i, part := range wrapLines(s, max(w-2, 1), 3) {
				mark := th.Highlight.Paint("»")
				if i > 0 {
					mark = " "
				}
				out = append(out, "  "+mark+" "+part)
			}
		}
	}
	return out
}

// lines is the band's content below its title.
func (b gapBand) lines(w int) []string {
	th, l := b.th, b.l
	if !b.loaded {
		return []string{" " + th.Faint.Paint(l.T("board.loading"))}
	}
	if len(b.gaps) == 0 {
		return nil
	}
	if b.open {
		g := b.gaps[clamp(b.cursor, 0, len(b.gaps)-1)]
		lines := gapDetail(g, w, th, l)
		if b.reportNote != nil {
			if note := b.reportNote(g); note != "" {
				// under the gap's first line, where it is seen without scrolling
				at := min(1, len(lines))
				lines = append(lines[:at:at], append([]string{" " + th.Warn.Paint(fit(note, max(w-2, 1)))}, lines[at:]...)...)
			}
		}
		return lines
	}
	out := make([]string, 0, len(b.gaps))
	whereW := 0
	if b.showWhere {
		whereW = gapWhereWidth(b.gaps, w, l)
	}
	for i, g := range b.gaps {
		s := " " + gapLine(g, whereW, th, l)
		if b.briefed != nil && b.briefed(g) {
			s = th.Accent.Paint("◆") + s[1:]
		}
		if i == b.cursor && b.focused {
			s = th.Selected.Over("▌" + fit(s[1:], w-1))
		}
		out = append(out, s)
	}
	return out
}

func (b gapBand) Render(w, h int) string {
	lines := b.lines(w)
	if b.open {
		return window(lines, b.scroll, w, h)
	}
	vis := max(h, 1)
	off := followCursor(b.cursor, clamp(b.scroll, 0, max(len(lines)-vis, 0)), vis)
	return window(lines, off, w, h)
}

// contentHeight is how many lines the band wants below its title.
func (b gapBand) contentHeight(w int) int {
	switch {
	case !b.loaded:
		return 1
	case len(b.gaps) == 0:
		return 0
	case b.open:
		return len(b.lines(w))
	}
	return min(len(b.gaps), gapBandRows)
}

// outcomeNote says that res's month has no outcome yet, and which month
// is the latest that has; empty when it has (or res is nil).
func outcomeNote(res *gaps.Result, l lang.Lang) string {
	if res == nil || res.Period.IsZero() || res.Outcome.Has {
		return ""
	}
	month := upperFirst(l.Period(res.Period))
	if res.Outcome.Through.IsZero() {
		return l.T("board.gap.no_outcome_ever", month)
	}
	return l.T("board.gap.no_outcome", month, l.PeriodShort(res.Outcome.Through))
}

// upperFirst capitalises a sentence's first letter ("november 2026").
func upperFirst(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// gapSummary is the gap counts of a scope, as gapCountsText, except that
// a month without outcome never reads "none by the rules": it says the
// month has no outcome yet and names the latest month that has.
func gapSummary(res *gaps.Result, gs []gaps.Gap, th *Theme, l lang.Lang) string {
	note := outcomeNote(res, l)
	switch {
	case note == "":
		return gapCountsText(gs, th, l)
	case len(gs) == 0:
		return th.Warn.Paint(note)
	}
	return gapCountsText(gs, th, l) + th.Subtle.Paint(" · ") + th.Warn.Paint(note)
}

// gapCountsText is "3 · 2 hög, 1 medel", or the word for none.
func gapCountsText(gs []gaps.Gap, th *Theme, l lang.Lang) string {
	if len(gs) == 0 {
		return l.T("board.gap.none")
	}
	counts := map[data.Severity]int{}
	for _, g := range gs {
		counts[g.Severity]++
	}
	var parts []string
	for _, s := range []data.Severity{data.SeverityHigh, data.SeverityMedium, data.SeverityLow} {
		if n := counts[s]; n > 0 {
			parts = append(parts, severityInk(s, th).Paint(lang.Int(int64(n))+" "+l.Severity(s)))
		}
	}
	return lang.Int(int64(len(gs))) + th.Subtle.Paint(" · ") + strings.Join(parts, th.Subtle.Paint(", "))
}

// gapMarker is the list's gap column: counts by severity behind the
// severity's letter, which is the same in both languages (H hög/high,
// M medel/medium, L låg/low): "H2 M1" is two high and one medium.
func gapMarker(counts map[data.Severity]int, th *Theme) string {
	var parts []string
	for _, s := range []data.Severity{data.SeverityHigh, data.SeverityMedium, data.SeverityLow} {
		if n := counts[s]; n > 0 {
			parts = append(parts, severityInk(s, th).Paint(gapGlyph(s)+lang.Int(int64(n))))
		}
	}
	return strings.Join(parts, " ")
}

// gapMarks is what an opened gap's evidence marks in the panes.
type gapMarks struct {
	accounts   map[data.Account]bool
	measures   map[string]bool // measure keys
	placements map[data.PlacementKind]bool
	narratives map[int64]bool
}

// placementTotal marks the placements' total row: evidence about all
// kinds together names no kind.
const placementTotal data.PlacementKind = ""

func marksOf(g *gaps.Gap) gapMarks {
	var mk gapMarks
	if g == nil {
		return mk
	}
	mk.accounts, mk.measures, mk.narratives = map[data.Account]bool{}, map[string]bool{}, map[int64]bool{}
	mk.placements = map[data.PlacementKind]bool{}
	for _, ev := range g.Evidence {
		switch ev.Kind {
		case gaps.KindBudget:
			if ev.Account != "" {
				mk.accounts[ev.Account] = true
			}
		case gaps.KindIndicator, gaps.KindMeasure:
			mk.measures[ev.MeasureKey] = true
		case gaps.KindPlacement:
			mk.placements[ev.PlacementKind] = true // the kind's row, or the total
		case gaps.KindNarrative:
			mk.narratives[ev.NarrativeID] = true
		}
	}
	return mk
}

// gapGlyph is a severity's letter in the gap marker.
func gapGlyph(s data.Severity) string {
	switch s {
	case data.SeverityHigh:
		return "H"
	case data.SeverityMedium:
		return "M"
	}
	return "L"
}
