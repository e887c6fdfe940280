package review_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
)

func do(s *data.Store, unit int64, kind data.EventKind, note string) (data.AuditEvent, error) {
	return review.Do(context.Background(), s, review.Action{UnitID: unit, Period: data.MustPeriod("2026-10"), Kind: kind,
		Actor: "Controller", Note: note, Now: now}, lang.SV)
}

func TestApprovingPastAMissingCheckNeedsAComment(t *testing.T) {
	s, unit := build(t, submittedOnTime, clean, func(b *builder) {
		b.exec(`DELETE FROM budget WHERE period = '2026-10' AND account = 'placeringar'`)
	})
	_, err := do(s, unit, data.EventApprove, "")
	var nc *review.NeedCommentError
	if !errors.As(err, &nc) || len(nc.Checks) != 1 || nc.Checks[0] != "Komplett" {
		t.Fatalf("approve without a note: %v", err)
	}
	msg, ok := review.Explain(lang.SV, err, "Enheten")
	if !ok || !strings.Contains(msg, "Komplett") || !strings.Contains(msg, "--note") {
		t.Errorf("%q", msg)
	}
	if evs, _ := s.AuditEvents(context.Background(), data.AuditFilter{}); len(evs) != 1 {
		t.Fatalf("a refused approval wrote %d events", len(evs)-1)
	}
	ev, err := do(s, unit, data.EventApprove, "Placeringskontot är flyttat till området från 2026")
	if err != nil || ev.To != data.ReportApproved || ev.Text == "" {
		t.Fatalf("approve with a note: %+v %v", ev, err)
	}
}

func TestActionsRefusedWithClearMessages(t *testing.T) {
	s, unit := build(t, submittedOnTime, clean)
	if _, err := do(s, unit, data.EventComment, "Se 121212-1212"); !errors.Is(err, review.ErrNoteHoldsPNR) {
		t.Errorf("a personnummer in a comment: %v", err)
	}
	if _, err := do(s, unit, data.EventApprove, ""); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind data.EventKind
		note string
		sv   []string
		en   []string
	}{
		{data.EventApprove, "", []string{"redan godkänd", "godkänd av Controller"}, []string{"already approved", "approved by Controller"}},
		{data.EventSendBack, "x", []string{"redan godkänd"}, []string{"already approved"}},
		{data.EventReopen, "", []string{"Ange ett skäl"}, []string{"Give a reason"}},
	} {
		_, err := do(s, unit, c.kind, c.note)
		for _, l := range []struct {
			lang lang.Lang
			want []string
		}{{lang.SV, c.sv}, {lang.EN, c.en}} {
			msg, ok := review.Explain(l.lang, err, "Enheten")
			for _, w := range l.want {
				if !ok || !strings.Contains(msg, w) {
					t.Errorf("%s: %q lacks %q (%v)", c.kind, msg, w, err)
				}
			}
		}
	}
	// A unit with nothing submitted.
	s2, unit2 := build(t, "", clean)
	_, err := do(s2, unit2, data.EventApprove, "")
	if msg, ok := review.Explain(lang.SV, err, "Enheten"); !ok || !strings.Contains(msg, "ingen inlämnad rapport") {
		t.Errorf("approve of nothing: %q %v", msg, err)
	}
}
