package main

import (
	"errors"
	"fmt"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/pack"
)

func init() {
	register(command{name: "meeting", summary: "cli.meeting.summary", usage: "cli.meeting.usage", run: runMeeting})
}

// runMeeting gives a meeting's items their § numbers (number) or checks
// what must be mended before its notice goes out (check).
func runMeeting(e *env, args []string) int {
	c := commands["meeting"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) != 2 || (rest[0] != "number" && rest[0] != "check") {
		fmt.Fprintln(e.stderr, l.T(c.usage))
		return 2
	}
	date := rest[1]
	if !validDate(date) {
		fmt.Fprintln(e.stderr, l.T("cli.meeting.bad_date", date))
		return 2
	}
	s := e.openStore(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	if rest[0] == "number" {
		return e.numberMeeting(s, date)
	}
	return e.checkMeeting(s, date)
}

func (e *env) numberMeeting(s *data.Store, date string) int {
	l := e.lang
	res, err := s.NumberMeeting(e.ctx, date)
	var nerr *data.NumberingError
	switch {
	case errors.As(err, &nerr):
		fmt.Fprintln(e.stderr, l.T("cli.meeting.number_refused", date))
		for _, p := range nerr.Problems {
			fmt.Fprintln(e.stderr, "  "+l.T("cli.meeting.problem."+p.Kind, p.Meeting, p.Ordinal, safe(p.Title), p.Paragraph, p.Expected))
		}
		return 1
	case err != nil:
		return e.meetingError(date, err)
	case res.Last == 0:
		fmt.Fprintln(e.stdout, l.T("cli.meeting.no_items", date))
	case !res.Changed:
		fmt.Fprintln(e.stdout, l.T("cli.meeting.numbered_already", date, res.First, res.Last))
	default:
		fmt.Fprintln(e.stdout, l.T("cli.meeting.numbered", date, res.First, res.Last))
	}
	return 0
}

func (e *env) checkMeeting(s *data.Store, date string) int {
	l := e.lang
	problems, err := pack.CheckMeeting(e.ctx, s, date)
	if err != nil {
		return e.meetingError(date, err)
	}
	if len(problems) == 0 {
		fmt.Fprintln(e.stdout, l.T("cli.meeting.check_ok", date))
		return 0
	}
	fmt.Fprintln(e.stdout, l.T("cli.meeting.check_heading", date, len(problems)))
	for _, p := range problems {
		var msg string
		switch p.Kind {
		case pack.CheckNoNotice:
			msg = l.T("pack.check.no_notice", p.Limit)
		case pack.CheckLateNotice:
			msg = l.T("pack.check.late_notice", p.Days, p.Limit)
		case pack.CheckNoProposal:
			msg = l.T("pack.check.no_proposal", p.Item, safe(p.Title))
		case pack.CheckNoDocument:
			msg = l.T("pack.check.no_document", p.Item, safe(p.Title))
		case pack.CheckPNRDocument:
			if p.Line > 0 {
				msg = l.T("pack.check.pnr_line", p.Item, safe(p.Document), p.Line)
			} else {
				msg = l.T("pack.check.pnr_title", p.Item, safe(p.Document))
			}
		}
		fmt.Fprintln(e.stdout, "  ! "+msg)
	}
	return 1
}
