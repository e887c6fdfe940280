package pack

import (
	"context"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/pnr"
)

// PNRFinding is a personnummer (or samordningsnummer) in a document's text:
// the section it stands in (empty: the title or front matter) and the line
// of the section's source text (0 when the text has no source line).
type PNRFinding struct {
	Section string
	Line    int
	Kind    pnr.Kind
}

// FindPNR runs the personnummer check over every piece of text in d.
func FindPNR(d *doc.Doc) []PNRFinding {
	var out []PNRFinding
	for _, t := range d.Texts() {
		for _, m := range pnr.Find(t.Text) {
			f := PNRFinding{Line: t.Line, Kind: m.Kind}
			if t.Section != nil {
				f.Section = t.Section.Heading()
			}
			out = append(out, f)
		}
	}
	return out
}

// MaskPNR masks every personnummer in d and counts them.
func MaskPNR(d *doc.Doc) int {
	n := 0
	d.MapText(func(s string) string {
		masked, k := pnr.Mask(s)
		n += k
		return masked
	})
	return n
}

// Problem kinds of a meeting check.
const (
	CheckNoNotice    = "no_notice"    // the meeting has no notice date
	CheckLateNotice  = "late_notice"  // the notice goes out later than the setting allows
	CheckNoProposal  = "no_proposal"  // an item without a proposed decision
	CheckNoDocument  = "no_document"  // an item without a document
	CheckPNRDocument = "pnr_document" // a document holding a personnummer
)

// CheckProblem is one thing to mend before the kallelse goes out.
type CheckProblem struct {
	Kind     string
	Item     int    // the item's number on the agenda (0: the meeting)
	Title    string // the item's title
	Document string // the document's title, for CheckPNRDocument
	Line     int    // the line in the document's body, for CheckPNRDocument
	Days     int    // CheckLateNotice: days between notice and meeting; the limit is Limit
	Limit    int
}

// CheckMeeting looks for what must be mended before a meeting's notice goes
// out: a notice date missing or later than the notice-days setting allows,
// items without a proposal or without a document, and documents holding a
// personnummer.
func CheckMeeting(ctx context.Context, s *data.Store, date string) ([]CheckProblem, error) {
	m, err := s.MeetingOn(ctx, date)
	if err != nil {
		return nil, err
	}
	settings, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	limit := settings.Int(data.SettingNoticeDays)
	var out []CheckProblem
	notice, err := time.Parse(time.DateOnly, m.NoticeDate)
	switch {
	case m.NoticeDate == "" || err != nil:
		out = append(out, CheckProblem{Kind: CheckNoNotice, Limit: limit})
	default:
		days := int(m.Day().Sub(notice).Hours() / 24)
		if days < limit {
			out = append(out, CheckProblem{Kind: CheckLateNotice, Days: days, Limit: limit})
		}
	}
	for i, it := range m.Items {
		n := i + 1
		if strings.TrimSpace(it.Proposal) == "" {
			out = append(out, CheckProblem{Kind: CheckNoProposal, Item: n, Title: it.Title})
		}
		if len(it.Documents) == 0 && !generates(it) {
			out = append(out, CheckProblem{Kind: CheckNoDocument, Item: n, Title: it.Title})
		}
		for _, d := range it.Documents {
			if pnr.Contains(d.Title) {
				out = append(out, CheckProblem{Kind: CheckPNRDocument, Item: n, Title: it.Title, Document: d.Title})
			}
			for ln, text := range strings.Split(d.Body, "\n") {
				if pnr.Contains(text) {
					out = append(out, CheckProblem{Kind: CheckPNRDocument, Item: n, Title: it.Title, Document: d.Title, Line: ln + 1})
				}
			}
		}
	}
	return out, nil
}

// generates tells whether beredning writes a document for the item itself.
func generates(it data.AgendaItem) bool {
	return !it.Period.IsZero() && (it.Kind == "uppfoljning" || it.Kind == "delegationsbeslut")
}
