package gaps

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// The three exports of a result: JSON for scripts (data/ingest/FORMATS.md, "Output for
// scripts"), a table for a terminal, Markdown for a memo. All free text
// passes safeText on its way out.

func init() {
	lang.Register(map[string]lang.Text{
		"gaps.out.heading":      {"Kvalitetsglapp – %s – %s", "Quality gaps – %s – %s"},
		"gaps.out.heading_one":  {"Kvalitetsglapp – %s", "Quality gaps – %s"},
		"gaps.out.heading_bare": {"Kvalitetsglapp", "Quality gaps"},
		"gaps.out.count":        {"%d glapp: %d hög, %d medel, %d låg.", "%d gaps: %d high, %d medium, %d low."},
		"gaps.out.count1":       {"1 glapp.", "1 gap."},
		"gaps.out.none":         {"Inga kvalitetsglapp i %s.", "No quality gaps in %s."},
		"gaps.out.no_outcome": {
			"%s har inget utfall än; senaste månad med utfall är %s.",
			"%s has no outcome yet; the latest month with outcome is %s.",
		},
		"gaps.out.no_outcome_ever": {"%s har inget utfall än, och ingen tidigare månad har det heller.", "%s has no outcome yet, nor has any earlier month."},
		"gaps.out.none_without_outcome": {
			"Reglerna hittar inga kvalitetsglapp i det som finns för månaden, men budgetreglerna har inget att pröva förrän utfallet finns.",
			"The rules find no quality gaps in what the month holds, but the budget rules have nothing to test until the outcome is in.",
		},
		"gaps.out.sign":       {"Avvikelse = budget − utfall: positiv är under budget.", "Deviation = budget − outcome: positive is under budget."},
		"gaps.out.rule":       {"Regel", "Rule"},
		"gaps.out.severity":   {"Allvarlighet", "Severity"},
		"gaps.out.evidence":   {"Underlag", "Evidence"},
		"gaps.kind.indicator": {"indikator", "indicator"},
		"gaps.kind.narrative": {"berättelse", "narrative"},
		"gaps.kind.budget":    {"budget", "budget"},
		"gaps.kind.placement": {"placeringar", "placements"},
		"gaps.kind.measure":   {"mått", "measure"},
	})
}

// RuleName is a rule's short name in the language ("Allt grönt och inget sagt").
func RuleName(l lang.Lang, rule string) string {
	if lang.Has("gaps.rule." + rule) {
		return l.T("gaps.rule." + rule)
	}
	return rule
}

// SettingValue names a threshold setting with its value in words, in the
// language: "minsta avvikelse 300 tkr". value is already formatted.
func SettingValue(l lang.Lang, key, value string) string {
	if lang.Has("gaps.setting_value." + key) {
		return l.T("gaps.setting_value."+key, value)
	}
	return key + " = " + value
}

// SettingHelp says what a threshold setting does, in the language.
func SettingHelp(l lang.Lang, key string) string {
	if lang.Has("gaps.setting." + key) {
		return l.T("gaps.setting." + key)
	}
	return ""
}

// KindName is an evidence kind in words ("indikator").
func KindName(l lang.Lang, kind string) string { return l.T("gaps.kind." + kind) }

// Where is a gap's place in words: "Area › Unit" or "Area".
func (g Gap) Where() string {
	if g.Unit == "" {
		return g.Area
	}
	return g.Area + " › " + g.Unit
}

type jsonResult struct {
	Municipality string `json:"municipality"`
	Kommunkod    string `json:"kommunkod"`
	Period       string `json:"period"`
	// HasOutcome tells whether the period has budget outcome; without it
	// an empty gap list is not "all clear". OutcomeThrough is the latest
	// month up to the period with outcome, null when none has.
	HasOutcome     bool      `json:"has_outcome"`
	OutcomeThrough *string   `json:"outcome_through"`
	Gaps           []jsonGap `json:"gaps"`
}

type jsonGap struct {
	Rule        string         `json:"rule"`
	Area        string         `json:"area"`
	Unit        string         `json:"unit"`
	Severity    string         `json:"severity"`
	Title       string         `json:"title"`
	Explanation string         `json:"explanation"`
	Evidence    []jsonEvidence `json:"evidence"`
}

type jsonEvidence struct {
	Kind              string   `json:"kind"`
	Area              string   `json:"area"`
	Unit              string   `json:"unit"`
	Period            string   `json:"period"`
	Label             string   `json:"label"`
	Value             string   `json:"value"`
	Measure           string   `json:"measure,omitempty"`
	MeasureID         int64    `json:"measure_id,omitempty"`
	Number            *float64 `json:"number,omitempty"`
	Target            *float64 `json:"target,omitempty"`
	Direction         string   `json:"direction,omitempty"`
	Status            string   `json:"status,omitempty"`
	ExpectedStatus    string   `json:"expected_status,omitempty"`
	Previous          *float64 `json:"previous,omitempty"`
	PreviousPeriod    string   `json:"previous_period,omitempty"`
	Account           string   `json:"account,omitempty"`
	From              string   `json:"from,omitempty"`
	BudgetTkr         *float64 `json:"budget_tkr,omitempty"`
	OutcomeTkr        *float64 `json:"outcome_tkr,omitempty"`
	DeviationTkr      *float64 `json:"deviation_tkr,omitempty"`
	DeviationPct      *float64 `json:"deviation_pct,omitempty"`
	PlacementKind     string   `json:"placement_kind,omitempty"`
	NarrativeID       int64    `json:"narrative_id,omitempty"`
	NarrativeType     string   `json:"narrative_type,omitempty"`
	NarrativeSeverity string   `json:"narrative_severity,omitempty"`
	About             string   `json:"about,omitempty"`
}

// tkrJSON is an amount in tkr with one decimal, exactly rounded from öre.
func tkrJSON(m *data.Money) *float64 {
	if m == nil {
		return nil
	}
	return ptrF(float64(m.TkrTenths()) / 10)
}

// WriteJSON writes the result as data/ingest/FORMATS.md's one JSON object. Budget
// figures are tkr with one decimal; periods are "YYYY-MM"; evidence fields
// that do not apply are left out.
func WriteJSON(w io.Writer, r Result) error {
	out := jsonResult{Municipality: safeText(r.Municipality), Kommunkod: r.Kommunkod, Period: r.Period.String(), HasOutcome: r.Outcome.Has, Gaps: []jsonGap{}}
	if !r.Outcome.Through.IsZero() {
		through := r.Outcome.Through.String()
		out.OutcomeThrough = &through
	}
	for _, g := range r.Gaps {
		jg := jsonGap{Rule: g.Rule, Area: safeText(g.Area), Unit: safeText(g.Unit), Severity: string(g.Severity),
			Title: safeText(g.Title), Explanation: safeText(g.Explanation), Evidence: []jsonEvidence{}}
		for _, ev := range g.Evidence {
			jg.Evidence = append(jg.Evidence, jsonEvidence{
				Kind: ev.Kind, Area: safeText(ev.Area), Unit: safeText(ev.Unit), Period: ev.Period.String(),
				Label: safeText(ev.Label), Value: safeText(ev.Value),
				Measure: ev.MeasureKey, MeasureID: ev.MeasureID, Number: ev.Number, Target: ev.Target,
				Direction: string(ev.Direction), Status: string(ev.Status), ExpectedStatus: string(ev.Expected),
				Previous: ev.Previous, PreviousPeriod: ev.PreviousPeriod.String(),
				Account: string(ev.Account), From: ev.From.String(),
				BudgetTkr: tkrJSON(ev.Budget), OutcomeTkr: tkrJSON(ev.Outcome), DeviationTkr: tkrJSON(ev.Deviation),
				DeviationPct: ev.DeviationPct, PlacementKind: string(ev.PlacementKind),
				NarrativeID: ev.NarrativeID, NarrativeType: string(ev.NarrativeType), NarrativeSeverity: string(ev.Severity),
				About: ev.About,
			})
		}
		out.Gaps = append(out.Gaps, jg)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// Heading is "Kvalitetsglapp – Kommun – oktober 2026", leaving out the
// municipality while it has no name and the month while there is none.
func Heading(l lang.Lang, municipality string, p data.Period) string {
	switch {
	case municipality != "" && !p.IsZero():
		return l.T("gaps.out.heading", municipality, l.Period(p))
	case municipality != "":
		return l.T("gaps.out.heading_one", municipality)
	case !p.IsZero():
		return l.T("gaps.out.heading_one", l.Period(p))
	}
	return l.T("gaps.out.heading_bare")
}

// outcomeNote says that the period has no outcome yet and which month is
// the latest that has; empty when the period has outcome.
func outcomeNote(r Result, l lang.Lang) string {
	switch {
	case r.Outcome.Has || r.Period.IsZero():
		return ""
	case r.Outcome.Through.IsZero():
		return l.T("gaps.out.no_outcome_ever", upperFirst(l.Period(r.Period)))
	}
	return l.T("gaps.out.no_outcome", upperFirst(l.Period(r.Period)), l.Period(r.Outcome.Through))
}

// upperFirst capitalises a sentence's first letter ("november 2026").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// summary is the count line of a result, after the note on a month
// without outcome.
func summary(r Result, l lang.Lang) string {
	if note := outcomeNote(r, l); note != "" {
		if len(r.Gaps) == 0 {
			return note + " " + l.T("gaps.out.none_without_outcome")
		}
		return note + " " + countLine(r, l)
	}
	if len(r.Gaps) == 0 {
		return l.T("gaps.out.none", l.Period(r.Period))
	}
	return countLine(r, l)
}

// countLine counts the gaps by severity.
func countLine(r Result, l lang.Lang) string {
	if len(r.Gaps) == 1 {
		return l.T("gaps.out.count1")
	}
	c := r.Counts(data.Scope{})
	return l.T("gaps.out.count", len(r.Gaps), c[data.SeverityHigh], c[data.SeverityMedium], c[data.SeverityLow])
}

// evidenceLine is one evidence item in words: "indikator · Utredning · okt 2026 · Name: value".
func evidenceLine(ev Evidence, l lang.Lang) string {
	where := ev.Area
	if ev.Unit != "" {
		where = ev.Unit
	}
	return safeText(KindName(l, ev.Kind) + " · " + where + " · " + l.PeriodShort(ev.Period) + " · " +
		ev.Label + ": " + ev.Value)
}

// WriteTable writes the result as aligned plain text for a terminal of the
// given width (at least 40 columns are used).
func WriteTable(w io.Writer, r Result, l lang.Lang, width int) error {
	width = max(width, 40)
	var b strings.Builder
	writeWrapped(&b, Heading(l, safeText(r.Municipality), r.Period), "", "", width)
	sum := summary(r, l)
	if len(r.Gaps) > 0 {
		sum += " " + l.T("gaps.out.sign")
	}
	writeWrapped(&b, sum, "", "", width)
	const indent = "       "
	inner := width - len(indent)
	for _, g := range r.Gaps {
		b.WriteString("\n")
		tag := fmt.Sprintf("%-6s", strings.ToUpper(l.Severity(g.Severity)))
		head := tag + " " + safeText(g.Where())
		rule := RuleName(l, g.Rule)
		if pad := width - text.Width(head) - text.Width(rule); pad >= 2 {
			head += strings.Repeat(" ", pad) + rule
		} else {
			head += "  " + rule
		}
		b.WriteString(head + "\n")
		writeWrapped(&b, safeText(g.Title), indent, indent, inner)
		writeWrapped(&b, safeText(g.Explanation), indent, indent, inner)
		b.WriteString(indent + l.T("gaps.out.evidence") + ":\n")
		for _, ev := range g.Evidence {
			writeWrapped(&b, evidenceLine(ev, l), indent+"- ", indent+"  ", inner-2)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeWrapped writes s word-wrapped to width columns, the first line
// after first and the rest after rest.
func writeWrapped(b *strings.Builder, s, first, rest string, width int) {
	for i, line := range wrap(s, max(width, 10)) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(line + "\n")
	}
}

// wrap breaks text into lines of at most width runes at spaces; a word
// longer than the width stands on its own line.
func wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	n := 0
	for _, word := range glueUnits(strings.Fields(s)) {
		wl := text.Width(word)
		if n > 0 && n+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// glueUnits keeps a figure in one piece, with its unit ("9,4 %",
// "-1 268,2 tkr"): lang writes thousands and units after a space, and a
// line must not break there.
func glueUnits(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		bare := strings.TrimRight(w, ").,;:")
		if n := len(out); n > 0 && (bare == "%" || bare == "tkr" || endsInDigit(out[n-1]) && thousands(w)) {
			out[n-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

func endsInDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// thousands: a group of three digits that continues a number ("268,2").
func thousands(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`)

func md(s string) string { return mdEscaper.Replace(safeText(s)) }

// WriteMarkdown writes the result for pasting into a memo.
func WriteMarkdown(w io.Writer, r Result, l lang.Lang) error {
	var b strings.Builder
	b.WriteString("# " + md(Heading(l, safeText(r.Municipality), r.Period)) + "\n\n")
	b.WriteString(md(summary(r, l)))
	if len(r.Gaps) > 0 {
		b.WriteString(" " + md(l.T("gaps.out.sign")))
	}
	b.WriteString("\n")
	for i, g := range r.Gaps {
		fmt.Fprintf(&b, "\n## %d. %s: %s\n\n", i+1, md(g.Where()), md(g.Title))
		fmt.Fprintf(&b, "**%s:** %s · **%s:** %s\n\n", l.T("gaps.out.severity"), l.Severity(g.Severity),
			l.T("gaps.out.rule"), md(RuleName(l, g.Rule)))
		b.WriteString(md(g.Explanation) + "\n\n")
		b.WriteString("*" + l.T("gaps.out.evidence") + ":*\n\n")
		for _, ev := range g.Evidence {
			b.WriteString("- " + md(evidenceLine(ev, l)) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
