package main

import (
	"fmt"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/pack"
)

func init() {
	register(command{name: "briefing", summary: "cli.briefing.summary", usage: "cli.briefing.usage", run: runBriefing})
}

// runBriefing writes the chair's briefing for a meeting: the rows the
// director marked on the board, with the director's own text.
func runBriefing(e *env, args []string) int {
	c := commands["briefing"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	meeting := fs.String("meeting", "", l.T("cli.pack.flag.meeting"))
	period := fs.String("period", "", l.T("cli.briefing.flag.period"))
	format := fs.String("format", "pdf", l.T("cli.pack.flag.format"))
	author := fs.String("author", "", l.T("cli.briefing.flag.author"))
	maskPNR := fs.Bool("mask-pnr", false, l.T("cli.export.flag.mask_pnr"))
	out := fs.String("o", "", l.T("cli.export.flag.o"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	if !validDate(*meeting) {
		fmt.Fprintln(e.stderr, l.T("cli.meeting.bad_date", *meeting))
		return 2
	}
	var p data.Period
	if *period != "" {
		var err error
		if p, err = data.ParsePeriod(*period); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.gaps.bad_period", *period))
			return 2
		}
	}
	if !e.validExportArgs(*format, *out) {
		return 2
	}
	s := e.openStore(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	who := ingest.WhoImports(*author, e.getenv, e.account)
	d, err := pack.Briefing(e.ctx, s, pack.BriefingOptions{Meeting: *meeting, Period: p, Lang: l, Author: who, Written: time.Now()})
	if err != nil {
		return e.meetingError(*meeting, err)
	}
	return e.export(d, *format, *out, *maskPNR)
}
