package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
	"github.com/beredning/beredning/data/text"
)

func init() {
	register(command{name: "reports", summary: "cli.reports.summary", usage: "cli.reports.usage", run: runReports})
}

// reportActions are the review's actions by their command-line word.
var reportActions = map[string]data.EventKind{
	"approve":   data.EventApprove,
	"send-back": data.EventSendBack,
	"comment":   data.EventComment,
	"reopen":    data.EventReopen,
}

// runReports lists a period's unit reports, shows one, or acts on one.
// Exit 0 on success, 1 when the database or the action is refused, 2 on a
// wrong command line.
func runReports(e *env, args []string) int {
	c := commands["reports"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	period := fs.String("period", "", l.T("cli.reports.flag.period"))
	status := fs.String("status", "", l.T("cli.reports.flag.status"))
	format := fs.String("format", "table", l.T("cli.reports.flag.format"))
	note := fs.String("note", "", l.T("cli.reports.flag.note"))
	row := fs.String("row", "", l.T("cli.reports.flag.row"))
	user := fs.String("user", "", l.T("cli.reports.flag.user"))
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintln(e.stderr, l.T("cli.err.format", *format, "table, json"))
		return 2
	}
	action := ""
	if len(rest) > 0 {
		action, rest = rest[0], rest[1:]
		if _, ok := reportActions[action]; !ok && action != "show" {
			fmt.Fprintln(e.stderr, l.T("cli.reports.unknown_action", action))
			return 2
		}
		if len(rest) != 1 {
			fmt.Fprintln(e.stderr, l.T("cli.reports.need_unit", action))
			return 2
		}
	}
	var p data.Period
	if *period != "" {
		var err error
		if p, err = data.ParsePeriod(*period); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.gaps.bad_period", *period))
			return 2
		}
	}
	var stFilter data.ReportStatus
	if *status != "" {
		var ok bool
		if stFilter, ok = parseStatus(*status); !ok {
			fmt.Fprintln(e.stderr, l.T("cli.reports.bad_status", *status))
			return 2
		}
	}
	var targetKind, target string
	if *row != "" {
		var ok bool
		if targetKind, target, ok = parseRow(*row); !ok || action != "comment" {
			fmt.Fprintln(e.stderr, l.T("cli.reports.bad_row", *row))
			return 2
		}
	}
	path := e.dbPath(*db)
	var s *data.Store
	if action == "" || action == "show" {
		s = e.openForReading(path)
	} else {
		s = e.openStore(path)
	}
	if s == nil {
		return 1
	}
	defer s.Close()
	if p.IsZero() {
		cov, err := s.Coverage(e.ctx)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
			return 1
		}
		if p = cov.DefaultPeriod(); p.IsZero() {
			fmt.Fprintln(e.stderr, l.T("cli.gaps.no_data", path))
			return 1
		}
	}
	now := time.Now()
	if action == "" {
		items, err := review.List(e.ctx, s, p, now, l)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
			return 1
		}
		approved, total := countApproved(items), len(items) // of the period, before any filter
		if stFilter != "" {
			items = slices.DeleteFunc(items, func(it review.Item) bool { return !statusMatches(it.ReportState, stFilter) })
		}
		if *format == "json" {
			out := reportsJSON(p, items, l)
			out.Approved = approved
			return writeJSON(e, out)
		}
		writeReportsTable(e.stdout, p, items, approved, total, l)
		return 0
	}
	unit, ok := e.findUnit(s, rest[0], p)
	if !ok {
		return 1
	}
	if action == "show" {
		r, err := review.Show(e.ctx, s, unit.UnitID, p, now, l)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
			return 1
		}
		if *format == "json" {
			return writeJSON(e, reportJSON(r, l))
		}
		writeReport(e.stdout, r, l)
		return 0
	}
	actor := ingest.WhoImports(*user, e.getenv, e.account)
	ev, err := review.Do(e.ctx, s, review.Action{UnitID: unit.UnitID, Period: p, Kind: reportActions[action], Actor: actor,
		Note: *note, TargetKind: targetKind, Target: target, Now: now}, l)
	if err != nil {
		if msg, ok := review.Explain(l, err, text.Public(unit.Unit)); ok {
			fmt.Fprintln(e.stderr, msg)
		} else {
			fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
		}
		return 1
	}
	fmt.Fprintln(e.stdout, l.T("cli.reports.done", text.Public(unit.Unit), l.Period(p), review.EventName(l, ev.Kind),
		review.StatusName(l, data.ReportState{UnitReport: data.UnitReport{Status: ev.To}}), ev.ID))
	return 0
}

// findUnit matches a unit's name as an import does (case, å/ä/ö, spaces);
// "Område/Enhet" picks among units of the same name. A miss suggests the
// nearest name.
func (e *env) findUnit(s *data.Store, arg string, p data.Period) (data.ReportState, bool) {
	l := e.lang
	areas, err := s.Areas(e.ctx)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
		return data.ReportState{}, false
	}
	areaPart, unitPart, hasArea := strings.Cut(arg, "/")
	if !hasArea {
		unitPart = arg
	}
	type cand struct {
		area, unit string
		areaID, id int64
	}
	var cands []cand
	var names []string
	for _, a := range areas {
		if hasArea {
			if i, _ := ingest.MatchName([]string{a.Name}, strings.TrimSpace(areaPart)); i < 0 {
				continue
			}
		}
		for _, u := range a.Units {
			cands = append(cands, cand{a.Name, u.Name, a.ID, u.ID})
			names = append(names, u.Name)
		}
	}
	var hits []cand
	for i, n := range names {
		if m, _ := ingest.MatchName([]string{n}, strings.TrimSpace(unitPart)); m == 0 {
			hits = append(hits, cands[i])
		}
	}
	switch len(hits) {
	case 1:
		h := hits[0]
		return data.ReportState{UnitReport: data.UnitReport{UnitID: h.id, Period: p}, AreaID: h.areaID, Area: h.area, Unit: h.unit}, true
	case 0:
		if _, near := ingest.MatchName(names, strings.TrimSpace(unitPart)); near >= 0 {
			fmt.Fprintln(e.stderr, l.T("cli.reports.no_unit_near", text.Public(arg), text.Public(cands[near].area+"/"+names[near])))
		} else {
			fmt.Fprintln(e.stderr, l.T("cli.reports.no_unit", text.Public(arg)))
		}
	default:
		var all []string
		for _, h := range hits {
			all = append(all, text.Public(h.area+"/"+h.unit))
		}
		fmt.Fprintln(e.stderr, l.T("cli.reports.ambiguous", text.Public(arg), strings.Join(all, ", ")))
	}
	return data.ReportState{}, false
}

// parseStatus reads a status in Swedish or English, with or without å/ä/ö.
func parseStatus(s string) (data.ReportStatus, bool) {
	switch strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "-", "", " ", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s))) {
	case "vantar", "waiting":
		return data.ReportWaiting, true
	case "inlamnad", "submitted":
		return data.ReportSubmitted, true
	case "kompletterad", "resubmitted":
		return "kompletterad", true
	case "atersand", "sentback", "komplettering":
		return data.ReportSentBack, true
	case "godkand", "approved":
		return data.ReportApproved, true
	}
	return "", false
}

func statusMatches(st data.ReportState, want data.ReportStatus) bool {
	if want == "kompletterad" {
		return st.Resubmitted
	}
	return st.Status == want
}

// parseRow reads --row KIND:KEY, e.g. budget:personal, placement:hvb,
// measure:anmalningar, indicator:KEY, narrative:TITLE.
func parseRow(s string) (kind, key string, ok bool) {
	kind, key, ok = strings.Cut(s, ":")
	kind = strings.ToLower(strings.TrimSpace(kind))
	switch kind {
	case data.TargetBudget, data.TargetPlacement, data.TargetMeasure, data.TargetIndicator, data.TargetNarrative:
	default:
		return "", "", false
	}
	key = strings.TrimSpace(key)
	return kind, key, ok && key != ""
}

// statusSymbols: a report's status as a symbol beside its word, never by
// colour alone.
var statusSymbols = map[data.ReportStatus]string{
	data.ReportWaiting: "○", data.ReportSubmitted: "●", data.ReportSentBack: "↩", data.ReportApproved: "✓",
}

func statusText(l lang.Lang, st data.ReportState) string {
	sym := statusSymbols[st.Status]
	if st.Resubmitted {
		sym = "◐"
	}
	return sym + " " + review.StatusName(l, st)
}

func checksText(s review.Summary) string {
	return fmt.Sprintf("✓%d !%d ✗%d", s.OK, s.Remarks, s.Missing)
}

func atText(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return "–"
	}
	return lang.DateTime(t)
}

func writeReportsTable(w io.Writer, p data.Period, items []review.Item, approved, total int, l lang.Lang) {
	fmt.Fprintln(w, l.T("cli.reports.heading", l.Period(p), approved, total))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, l.T("cli.reports.columns"))
	for _, it := range items {
		sub := atText(it.SubmittedAt)
		switch {
		case it.Late:
			sub += " " + l.T("cli.reports.late")
		case it.Overdue:
			sub = l.T("cli.reports.overdue")
		}
		last := "–"
		if it.LastKind != "" {
			last = review.EventName(l, it.LastKind) + " " + atText(it.LastAt) + " " + text.Public(it.LastActor)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", text.Public(it.Area), text.Public(it.Unit), statusText(l, it.ReportState), sub,
			checksText(it.Summary()), last)
	}
	tw.Flush()
}

func countApproved(items []review.Item) int {
	n := 0
	for _, it := range items {
		if it.Status == data.ReportApproved {
			n++
		}
	}
	return n
}

func writeReport(w io.Writer, r review.Report, l lang.Lang) {
	fmt.Fprintln(w, l.T("cli.reports.show_heading", text.Public(r.Area), text.Public(r.Unit), l.Period(r.Period)))
	fmt.Fprintln(w, l.T("cli.reports.show_status", statusText(l, r.ReportState), atText(r.FirstSubmittedAt), l.Date(r.Deadline)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.reports.budget_head"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, b := range append(slices.Clone(r.Detail.Budget), r.Detail.Total) {
		name := l.T("review.row.total")
		if b.Account != "" {
			name = l.Account(b.Account)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t\n", name, lang.TkrNumber(b.BudgetYTD), lang.TkrNumber(b.OutcomeYTD), lang.SignedTkr(b.Deviation()))
	}
	tw.Flush()
	if n := len(r.Detail.Total24.History); n > 0 {
		if v, ok := r.Detail.Total24.History.Last(); ok {
			fmt.Fprintln(w, l.T("cli.reports.placements", lang.Value(v)))
		} else {
			fmt.Fprintln(w, l.T("cli.reports.placements", "–"))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.reports.checks_head", checksText(r.Summary())))
	for _, c := range r.Checks {
		fmt.Fprintf(w, "  %s %-18s %s\n", resultSymbol(c.Result), review.CheckName(l, c.ID), text.Public(c.Text))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.reports.narratives_head"))
	own := 0
	for _, n := range r.Detail.Narratives {
		if n.UnitID == r.UnitID && n.Period == r.Period {
			fmt.Fprintf(w, "  %s · %s: %s\n", l.NarrativeType(n.Type), l.Severity(n.Severity), text.Public(n.Title))
			own++
		}
	}
	if own == 0 {
		fmt.Fprintln(w, "  "+l.T("cli.reports.none"))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.reports.trail_head"))
	if len(r.Events) == 0 {
		fmt.Fprintln(w, "  "+l.T("cli.reports.none"))
	}
	for _, ev := range r.Events {
		fmt.Fprintln(w, "  "+eventLine(l, ev))
	}
}

// eventLine is one event as a line: when, who, what, on which row, text.
func eventLine(l lang.Lang, ev data.AuditEvent) string {
	line := atText(ev.At) + "  " + text.Public(ev.Actor) + "  " + review.EventName(l, ev.Kind)
	if ev.Kind != data.EventComment && ev.From != ev.To {
		line += " (" + review.StatusName(l, data.ReportState{UnitReport: data.UnitReport{Status: ev.From}}) + " → " +
			review.StatusName(l, data.ReportState{UnitReport: data.UnitReport{Status: ev.To}}) + ")"
	}
	if t := review.TargetName(l, ev.TargetKind, ev.Target); t != "" {
		line += ", " + text.Public(t)
	}
	if ev.ImportRun != 0 && ev.Kind != data.EventReopen {
		line += ": " + l.T("review.event.rows", ev.RowsNew, ev.RowsChange, ev.ImportRun)
	}
	if ev.Text != "" {
		line += ": " + text.Public(ev.Text)
	}
	return line
}

func resultSymbol(r review.Result) string {
	switch r {
	case review.ResultRemark:
		return "!"
	case review.ResultMissing:
		return "✗"
	}
	return "✓"
}

func writeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(e.stderr, e.lang.T("cli.reports.failed", e.lang.Err(err)))
		return 1
	}
	return 0
}
