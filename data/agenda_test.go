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
