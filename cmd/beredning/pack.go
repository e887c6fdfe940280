package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/pack"
)

func init() {
	register(command{name: "pack", summary: "cli.pack.summary", usage: "cli.pack.usage", run: runPack})
}

// runPack writes a meeting's agenda pack: kallelse, föredragningslista
// and handlingar, in the members' or the public version.
func runPack(e *env, args []string) int {
	c := commands["pack"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	meeting := fs.String("meeting", "", l.T("cli.pack.flag.meeting"))
	format := fs.String("format", "pdf", l.T("cli.pack.flag.format"))
	public := fs.Bool("public", false, l.T("cli.pack.flag.public"))
	maskPNR := fs.Bool("mask-pnr", false, l.T("cli.export.flag.mask_pnr"))
	out := fs.String("o", "", l.T("cli.export.flag.o"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	if !validDate(*meeting) {
		fmt.Fprintln(e.stderr, l.T("cli.meeting.bad_date", *meeting))
		return 2
	}
	if !e.validExportArgs(*format, *out) {
		return 2
	}
	s := e.openStore(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	d, err := pack.Build(e.ctx, s, pack.Options{Meeting: *meeting, Public: *public, Lang: l, Written: time.Now()})
	if err != nil {
		return e.meetingError(*meeting, err)
	}
	return e.export(d, *format, *out, *maskPNR)
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// meetingError explains a failure to read a meeting.
func (e *env) meetingError(date string, err error) int {
	l := e.lang
	var att *pack.AttachmentError
	switch {
	case errors.Is(err, data.ErrNoMeeting):
		fmt.Fprintln(e.stderr, l.T("cli.meeting.none", date))
	case errors.As(err, &att):
		fmt.Fprintln(e.stderr, l.T("cli.export.bad_attachment", fmt.Sprintf("%d: %s", att.Item, safe(att.Document))))
	default:
		fmt.Fprintln(e.stderr, l.T("cli.meeting.failed", err))
	}
	return 1
}
