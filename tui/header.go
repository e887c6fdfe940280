package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// header is the board's first two lines: municipality and committee, the
// period under review and the report it belongs to, when data was last
// imported, and how deviations are signed.
type header struct {
	th      *Theme
	l       lang.Lang
	ov      *data.Overview // nil before the first load
	pending data.Period    // a period being loaded, or zero
	scope   string         // what the panes show, "Barn och unga › Utredning"
	// readOnly: the database was opened read-only (the user may not write
	// it), said in words on the second line.
	readOnly bool
	// others: who else is connected to the same server, by name
	others []string
	// reports is the review's count, "12 av 16 rapporter godkända"; "" until loaded
	reports string
}

func (hd header) Render(w int) string {
	th, l := hd.th, hd.l
	if hd.ov == nil {
		return block([]string{th.Title.Paint(" beredning"), " " + th.Faint.Paint(l.T("board.loading"))}, w, headerLines)
	}
	ov := hd.ov
	name := clean(ov.Municipality.Name)
	if name == "" {
		name = l.T("board.unnamed")
	}
	// Each side has a long and a short form; the widest pair that fits
	// whole is used, so a narrow window keeps the period and the report.
	muni, committee := th.Title.Paint(name), th.Subtle.Paint(" · "+clean(ov.Municipality.Committee))
	report := th.Subtle.Paint(" · " + l.Report(ov.Report))
	if ov.Period.IsZero() {
		report = "" // an empty database has no period, so no report
	}
	loading := ""
	if !hd.pending.IsZero() && hd.pending != ov.Period {
		loading = th.Warn.Paint(l.T("board.loading_period", l.PeriodShort(hd.pending))) + " "
	}
	line1 := pick(w,
		[2]string{" " + muni + committee, loading + th.Strong.Paint(l.Period(ov.Period)) + report + " "},
		[2]string{" " + muni, loading + th.Strong.Paint(l.Period(ov.Period)) + report + " "},
		[2]string{" " + muni, loading + th.Strong.Paint(l.PeriodShort(ov.Period)) + report + " "},
	)
	if width(line1) > 0 && !strings.Contains(ansi.Strip(line1), name) {
		// too narrow for both whole: one line, cut at its end
		line1 = fit(" "+muni+"  "+loading+th.Strong.Paint(l.PeriodShort(ov.Period))+report, w)
	}
	left2 := " " + th.Faint.Paint(l.T("board.sign_rule"))
	if hd.scope != "" {
		left2 = " " + th.Accent.Paint("» ") + th.Strong.Paint(clean(hd.scope))
	}
	importLong, importShort := l.T("board.never_imported"), l.T("board.never_imported")
	if !ov.LastImport.IsZero() {
		importLong = l.T("board.last_import", lang.DateTime(ov.LastImport))
		importShort = lang.DateTime(ov.LastImport)[:10]
	}
	ro := ""
	if hd.readOnly {
		ro = th.Warn.Paint(l.T("board.read_only")) + " "
	}
	people := ""
	if len(hd.others) > 0 {
		// a few names, and how many more: a header line is not a roll call
		const named = 3
		names := make([]string, 0, named)
		for _, n := range hd.others[:min(len(hd.others), named)] {
			names = append(names, clean(n))
		}
		who := l.T("board.others", strings.Join(names, ", "))
		if more := len(hd.others) - len(names); more > 0 {
			who = l.T("board.others_more", strings.Join(names, ", "), more)
		}
		people = th.Accent.Paint(who) + "  "
	}
	reports := ""
	if hd.reports != "" {
		reports = th.Subtle.Paint(hd.reports) + th.Faint.Paint(" · ")
	}
	line2 := pick(w,
		[2]string{left2, people + ro + reports + th.Subtle.Paint(importLong) + " "},
		[2]string{left2, people + ro + reports + th.Subtle.Paint(importShort) + " "},
		[2]string{left2, people + ro + th.Subtle.Paint(importShort) + " "},
		[2]string{left2, people + ro},
		[2]string{left2, ro},
	)
	return line1 + "\n" + line2
}

// pick lays out the first (left, right) pair whose parts both fit whole
// in w cells, else the last pair, cut.
func pick(w int, pairs ...[2]string) string {
	for _, p := range pairs {
		if width(p[0])+width(p[1])+1 <= w {
			return spread(p[0], p[1], w)
		}
	}
	last := pairs[len(pairs)-1]
	if last[1] == "" {
		return fit(last[0], w)
	}
	return spread(last[0], last[1], w)
}
