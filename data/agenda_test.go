package data_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/beredning/beredning/data"
)

func meetingWith(date string, first int, titles ...string) data.Meeting {
	m := data.Meeting{Date: date, Time: "13:00", Title: "Sammanträde " + date}
	for i, title := range titles {
		it := data.AgendaItem{Ordinal: i + 1, Title: title, Kind: "arende", Proposal: "Bifall."}
		if first > 0 {
			it.Paragraph = first + i
		}
		m.Items = append(m.Items, it)
	}
	return m
}

func agendaStore(t *testing.T, meetings ...data.Meeting) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "agenda.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	err = s.Write(ctx, func(tx *data.Tx) error {
		for _, m := range meetings {
			if _, err := tx.PutMeeting(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func paragraphs(t *testing.T, s *data.Store, date string) []int {
	t.Helper()
	m, err := s.MeetingOn(context.Background(), date)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, it := range m.Items {
		out = append(out, it.Paragraph)
	}
	return out
}

// § numbers run through the calendar year: November continues from
// October's last §, and January starts again from 1.
func TestNumberMeetingAcrossTheYear(t *testing.T) {
	ctx := context.Background()
	s := agendaStore(t,
		meetingWith("2026-10-22", 140, "a", "b", "c"),
		meetingWith("2026-11-26", 0, "d", "e", "f", "g"),
		meetingWith("2027-01-28", 0, "h", "i"))
	got, err := s.NumberMeeting(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	if got != (data.Numbered{First: 143, Last: 146, Changed: true}) {
		t.Errorf("November: %+v", got)
	}
	if p := fmt.Sprint(paragraphs(t, s, "2026-11-26")); p != "[143 144 145 146]" {
		t.Errorf("November's §§ %s", p)
	}
	got, err = s.NumberMeeting(ctx, "2027-01-28")
	if err != nil {
		t.Fatal(err)
	}
	if got.First != 1 || got.Last != 2 {
		t.Errorf("January: %+v", got)
	}
	// Numbering again changes nothing.
	got, err = s.NumberMeeting(ctx, "2026-11-26")
	if err != nil || got.Changed || got.First != 143 {
		t.Errorf("again: %+v, %v", got, err)
	}
}

// A gap earlier in the year is refused and named, and nothing is written.
func TestNumberMeetingRefusesAGap(t *testing.T) {
	ctx := context.Background()
	oct := meetingWith("2026-10-22", 140, "a", "b", "c")
	oct.Items[2].Paragraph = 143 // 140, 141, 143
	s := agendaStore(t, oct, meetingWith("2026-11-26", 0, "d", "e"))
	_, err := s.NumberMeeting(ctx, "2026-11-26")
	var nerr *data.NumberingError
	if !errors.As(err, &nerr) {
		t.Fatalf("want a NumberingError, got %v", err)
	}
	want := data.ParagraphProblem{Kind: data.ProblemGap, Meeting: "2026-10-22", Ordinal: 3, Title: "c", Paragraph: 143, Expected: 142}
	// November's first § would also repeat October's wrong 143.
	if len(nerr.Problems) != 2 || nerr.Problems[0] != want || nerr.Problems[1].Kind != data.ProblemDuplicate || nerr.Problems[1].Paragraph != 143 {
		t.Errorf("problems %+v", nerr.Problems)
	}
	if p := fmt.Sprint(paragraphs(t, s, "2026-11-26")); p != "[0 0]" {
		t.Errorf("November was numbered: %s", p)
	}
}

// Numbering an earlier meeting after a later one was numbered would give
// duplicates or leave a gap; it is refused with the later items named.
func TestNumberMeetingRefusesOutOfOrder(t *testing.T) {
	ctx := context.Background()
	s := agendaStore(t, meetingWith("2026-10-22", 0, "a", "b"), meetingWith("2026-11-26", 1, "c", "d"))
	_, err := s.NumberMeeting(ctx, "2026-10-22")
	var nerr *data.NumberingError
	if !errors.As(err, &nerr) {
		t.Fatalf("want a NumberingError, got %v", err)
	}
	kinds := map[string]bool{}
	for _, p := range nerr.Problems {
		kinds[p.Kind] = true
		if p.Meeting != "2026-11-26" {
			t.Errorf("problem names %s: %+v", p.Meeting, p)
		}
	}
	if !kinds[data.ProblemDuplicate] {
		t.Errorf("no duplicate named: %+v", nerr.Problems)
	}
	// An unnumbered earlier meeting before a numbered later one is a hole.
	s2 := agendaStore(t, meetingWith("2026-09-17", 0, "x"), meetingWith("2026-10-22", 0, "a"), meetingWith("2026-11-26", 5, "c"))
	_, err = s2.NumberMeeting(ctx, "2026-10-22")
	if !errors.As(err, &nerr) || nerr.Problems[0].Kind != data.ProblemUnnumbered || nerr.Problems[0].Meeting != "2026-09-17" {
		t.Errorf("want the September item named unnumbered, got %v %+v", err, nerr)
	}
}

func TestNumberMeetingUnknownDate(t *testing.T) {
	s := agendaStore(t)
	if _, err := s.NumberMeeting(context.Background(), "2026-12-01"); !errors.Is(err, data.ErrNoMeeting) {
		t.Errorf("got %v", err)
	}
}

// The secretary adds an item with a document, attaches a PDF, moves the
// item up, and removes another; the list closes up.
func TestEditAgenda(t *testing.T) {
	ctx := context.Background()
	s := agendaStore(t, meetingWith("2026-11-26", 0, "a", "b", "c"))
	id, err := s.AddAgendaItem(ctx, "2026-11-26", data.AgendaItem{Title: "d", Proposal: "Bifall.",
		Documents: []data.AgendaDocument{{Title: "Tjänsteskrivelse", Body: "Text."}}})
	if err != nil {
		t.Fatal(err)
	}
	pdfID, err := s.AddAgendaDocument(ctx, id, data.AgendaDocument{Title: "Bilaga", PDF: []byte("%PDF-1.4 …")})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MoveAgendaItem(ctx, id, -1); err != nil {
		t.Fatal(err)
	}
	m, _ := s.MeetingOn(ctx, "2026-11-26")
	titles := func(m data.Meeting) string {
		var out []string
		for _, it := range m.Items {
			out = append(out, fmt.Sprintf("%d%s", it.Ordinal, it.Title))
		}
		return fmt.Sprint(out)
	}
	if got := titles(m); got != "[1a 2b 3d 4c]" {
		t.Errorf("after move: %s", got)
	}
	if d := m.Items[2].Documents; len(d) != 2 || d[1].ID != pdfID || string(d[1].PDF) != "%PDF-1.4 …" {
		t.Errorf("documents %+v", d)
	}
	if err := s.MoveAgendaDocument(ctx, pdfID, -1); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveAgendaItem(ctx, m.Items[1].ID); err != nil {
		t.Fatal(err)
	}
	m, _ = s.MeetingOn(ctx, "2026-11-26")
	if got := titles(m); got != "[1a 2d 3c]" {
		t.Errorf("after remove: %s", got)
	}
	if d := m.Items[1].Documents; d[0].Title != "Bilaga" || d[1].Title != "Tjänsteskrivelse" || d[0].Ordinal != 1 {
		t.Errorf("documents after move %+v", d)
	}
	it := m.Items[1]
	it.Title, it.Closed, it.PublicTitle = "d2", true, "Ärende om vård"
	if err := s.UpdateAgendaItem(ctx, it); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveAgendaDocument(ctx, pdfID); err != nil {
		t.Fatal(err)
	}
	m, _ = s.MeetingOn(ctx, "2026-11-26")
	if it := m.Items[1]; it.Title != "d2" || !it.Closed || it.PublicTitle != "Ärende om vård" || len(it.Documents) != 1 || it.Documents[0].Ordinal != 1 {
		t.Errorf("item after update %+v", it)
	}
	if err := s.RemoveAgendaDocument(ctx, pdfID); err != data.ErrNoAgendaRow {
		t.Errorf("removing twice: %v", err)
	}
}
