// Package longview says in words what the long view of an area's economy
// shows (data.LongView): the sentence under the board's charts and in the
// chair's briefing, in the user's language, stating only what the figures
// say.
package longview

import (
	"math"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// Summary says in a sentence what the long view shows, and only what
// its data says: in how many months with outcome the staff budget was
// under budget, the range of vacancies, and where placements went from
// the first month with a count to the last. What is missing is left out
// of the sentence, never counted as zero.
func Summary(l lang.Lang, lv data.LongView) string {
	if lv.From.IsZero() {
		return l.T("longview.sum.none")
	}
	var first string
	under, months := 0, 0
	for i, b := range lv.StaffBudget {
		o := lv.StaffOutcome[i]
		if !b.Valid || !o.Valid {
			continue
		}
		months++
		if o.Value < b.Value {
			under++
		}
	}
	if months > 0 {
		first = l.T("longview.sum.staff", under, months)
	}
	var rest []string
	if lo, hi, ok := seriesRange(lv.Vacancies); ok {
		if lo == hi {
			rest = append(rest, l.T("longview.sum.vacancies_flat", lang.Value(lo)))
		} else {
			rest = append(rest, l.T("longview.sum.vacancies", lang.Value(lo), lang.Value(hi)))
		}
	}
	if a, b, ok := firstLast(lv.Placements); ok {
		switch {
		case b.Value > a.Value:
			rest = append(rest, l.T("longview.sum.placements_up", lang.Value(a.Value), lang.Value(b.Value)))
		case b.Value < a.Value:
			rest = append(rest, l.T("longview.sum.placements_down", lang.Value(a.Value), lang.Value(b.Value)))
		default:
			rest = append(rest, l.T("longview.sum.placements_flat", lang.Value(a.Value)))
		}
	}
	span := l.PeriodShort(lv.From) + "–" + l.PeriodShort(lv.To)
	and := " " + l.T("longview.sum.and") + " "
	switch {
	case first != "" && len(rest) > 0:
		return first + ", " + l.T("longview.sum.while") + " " + strings.Join(rest, and) + " (" + span + ")."
	case first != "":
		return first + " (" + span + ")."
	case len(rest) > 0:
		s := strings.Join(rest, and)
		return strings.ToUpper(s[:1]) + s[1:] + " (" + span + ")."
	}
	return l.T("longview.sum.none")
}

func seriesRange(s data.Series) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range s {
		if p.Valid {
			lo, hi, ok = math.Min(lo, p.Value), math.Max(hi, p.Value), true
		}
	}
	return lo, hi, ok
}

func firstLast(s data.Series) (a, b data.Point, ok bool) {
	for _, p := range s {
		if p.Valid {
			if !ok {
				a = p
			}
			b, ok = p, true
		}
	}
	return a, b, ok
}
