package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

func init() {
	register(command{name: "audit", summary: "cli.audit.summary", usage: "cli.audit.usage", run: runAudit})
}

// runAudit lists the review's audit trail, or verifies its hash chain
// (audit verify: exit 1 naming the first altered or removed event).
func runAudit(e *env, args []string) int {
	c := commands["audit"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	period := fs.String("period", "", l.T("cli.audit.flag.period"))
	unitArg := fs.String("unit", "", l.T("cli.audit.flag.unit"))
	format := fs.String("format", "table", l.T("cli.reports.flag.format"))
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	verify := len(rest) == 1 && rest[0] == "verify"
	if len(rest) > 0 && !verify {
		fmt.Fprintln(e.stderr, l.T("cli.audit.unknown_action", rest[0]))
		return 2
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintln(e.stderr, l.T("cli.err.format", *format, "table, json"))
		return 2
	}
	var f data.AuditFilter
	if *period != "" {
		p, err := data.ParsePeriod(*period)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.gaps.bad_period", *period))
			return 2
		}
		f.Period = p
	}
	path := e.dbPath(*db)
	s := e.openForReading(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	if verify {
		return e.verifyAudit(s)
	}
	if *unitArg != "" {
		u, ok := e.findUnit(s, *unitArg, f.Period)
		if !ok {
			return 1
		}
		f.UnitID = u.UnitID
	}
	evs, err := s.AuditEvents(e.ctx, f)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
		return 1
	}
	if *format == "json" {
		out := []eventOut{}
		for _, ev := range evs {
			out = append(out, eventJSON(ev))
		}
		return writeJSON(e, out)
	}
	writeAuditTable(e.stdout, evs, l)
	return 0
}

func writeAuditTable(w io.Writer, evs []data.AuditEvent, l lang.Lang) {
	if len(evs) == 0 {
		fmt.Fprintln(w, l.T("cli.audit.empty"))
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, l.T("cli.audit.columns"))
	for _, ev := range evs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", ev.ID, ev.Period, text.Public(ev.Area+" › "+ev.Unit), eventLine(l, ev))
	}
	tw.Flush()
}

func (e *env) verifyAudit(s *data.Store) int {
	l := e.lang
	sum, brk, err := s.VerifyAudit(e.ctx)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.reports.failed", l.Err(err)))
		return 1
	}
	if brk == nil {
		short := sum.LastHash
		if len(short) > 16 {
			short = short[:16]
		}
		fmt.Fprintln(e.stdout, l.T("cli.audit.ok", sum.Events, short))
		return 0
	}
	switch brk.Reason {
	case data.BreakAltered:
		fmt.Fprintln(e.stderr, l.T("cli.audit.altered", brk.EventID))
	case data.BreakRemoved, data.BreakRemovedLast:
		if brk.LastID > brk.EventID {
			fmt.Fprintln(e.stderr, l.T("cli.audit.removed_many", brk.EventID, brk.LastID))
		} else {
			fmt.Fprintln(e.stderr, l.T("cli.audit.removed", brk.EventID))
		}
	case data.BreakStatusMissing:
		fmt.Fprintln(e.stderr, l.T("cli.audit.status", brk.UnitID, brk.Period, brk.Status))
	}
	return 1
}
