package data_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/beredning/beredning/data"
)

func TestTransitions(t *testing.T) {
	const (
		W = data.ReportWaiting
		I = data.ReportSubmitted
		S = data.ReportSentBack
		A = data.ReportApproved
	)
	cases := []struct {
		from data.ReportStatus
		act  data.EventKind
		note string
		to   data.ReportStatus
		err  error
	}{
		{W, data.EventSubmit, "", I, nil},
		{S, data.EventResubmit, "", I, nil},
		{I, data.EventUpdate, "", I, nil},
		{A, data.EventUpdate, "", A, data.ErrReportLocked},
		{I, data.EventSendBack, "Saknar analys", S, nil},
		{I, data.EventSendBack, "  ", I, data.ErrNoteRequired},
		{W, data.EventSendBack, "x", W, data.ErrNothingToReview},
		{S, data.EventSendBack, "x", S, data.ErrAlreadySentBack},
		{A, data.EventSendBack, "x", A, data.ErrAlreadyApproved},
		{I, data.EventApprove, "", A, nil},
		{W, data.EventApprove, "", W, data.ErrNothingToReview},
		{A, data.EventApprove, "", A, data.ErrAlreadyApproved},
		{S, data.EventApprove, "", S, data.ErrAlreadySentBack},
		{A, data.EventReopen, "Rättelse", I, nil},
		{A, data.EventReopen, "", A, data.ErrNoteRequired},
		{I, data.EventReopen, "x", I, data.ErrNotApproved},
		{W, data.EventReopen, "x", W, data.ErrNotApproved},
		{I, data.EventComment, "Bra", I, nil},
		{A, data.EventComment, "Bra", A, nil},
		{S, data.EventComment, "", S, data.ErrNoteRequired},
		{W, data.EventComment, "x", W, data.ErrNothingToReview},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s_%s", c.from, c.act), func(t *testing.T) {
			to, err := data.Transition(c.from, c.act, c.note)
			if to != c.to || !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
				t.Errorf("Transition(%s, %s, %q) = %s, %v; want %s, %v", c.from, c.act, c.note, to, err, c.to, c.err)
			}
		})
	}
}

// reviewStore is a database with one unit whose October report was
// submitted by the demo-style writer.
func reviewStore(t testing.TB, path string) (*data.Store, int64) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var unit int64
	err = s.Write(ctx, func(tx *data.Tx) error {
		a, _, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
		if err != nil {
			return err
		}
		if unit, _, err = tx.EnsureUnit(a, "Familjehemsenheten"); err != nil {
			return err
		}
		r := data.UnitReport{UnitID: unit, Period: data.MustPeriod("2026-10"), Status: data.ReportSubmitted, SubmittedAt: "2026-11-05T09:00:00Z"}
		_, err = tx.PutUnitReport(r, data.ReportEvent{At: r.SubmittedAt, Actor: "Enhetschef", From: data.ReportWaiting, To: data.ReportSubmitted})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, unit
}

func act(s *data.Store, unit int64, kind data.EventKind, note string) (data.AuditEvent, error) {
	return s.Review(context.Background(), data.ReviewAction{UnitID: unit, Period: data.MustPeriod("2026-10"), Kind: kind,
		Actor: "Controller", At: "2026-11-12T10:00:00Z", Note: note})
}

func verifyOK(t *testing.T, s *data.Store) data.AuditSummary {
	t.Helper()
	sum, brk, err := s.VerifyAudit(context.Background())
	if err != nil || brk != nil {
		t.Fatalf("verify: %v %v", brk, err)
	}
	return sum
}

func TestReviewWalksTheLifecycleIntoTheChain(t *testing.T) {
	s, unit := reviewStore(t, filepath.Join(t.TempDir(), "r.db"))
	steps := []struct {
		kind data.EventKind
		note string
		want data.ReportStatus
		err  error
	}{
		{data.EventApprove, "", data.ReportStatus(""), nil},
		{data.EventComment, "Placeringarna behöver en analys", data.ReportApproved, nil},
		{data.EventApprove, "", "", data.ErrAlreadyApproved},
		{data.EventReopen, "Fel i september", data.ReportSubmitted, nil},
		{data.EventSendBack, "", "", data.ErrNoteRequired},
		{data.EventSendBack, "Komplettera HVB", data.ReportSentBack, nil},
		{data.EventApprove, "", "", data.ErrAlreadySentBack},
		{data.EventSubmit, "", "", data.ErrNotAReviewAction}, // only an import submits
	}
	steps[0].want = data.ReportApproved
	events := 1
	for _, st := range steps {
		ev, err := act(s, unit, st.kind, st.note)
		if st.err != nil {
			var te *data.TransitionError
			if !errors.Is(err, st.err) || !errors.As(err, &te) {
				t.Fatalf("%s: err %v, want %v", st.kind, err, st.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.kind, err)
		}
		events++
		if ev.To != st.want {
			t.Errorf("%s: to %s, want %s", st.kind, ev.To, st.want)
		}
		got, _ := s.ReportStateOf(context.Background(), unit, data.MustPeriod("2026-10"))
		if got.Status != st.want {
			t.Errorf("%s: stored %s, want %s", st.kind, got.Status, st.want)
		}
	}
	if sum := verifyOK(t, s); sum.Events != events {
		t.Errorf("%d events in the chain, want %d", sum.Events, events)
	}
	evs, _ := s.AuditEvents(context.Background(), data.AuditFilter{UnitID: unit})
	if evs[2].Text != "Placeringarna behöver en analys" || evs[2].Kind != data.EventComment || evs[2].Unit != "Familjehemsenheten" {
		t.Errorf("comment event %+v", evs[2])
	}
}

func TestCommentsOnRowsKeepTheirTarget(t *testing.T) {
	s, unit := reviewStore(t, filepath.Join(t.TempDir(), "r.db"))
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	for _, c := range []data.ReviewAction{
		{Note: "Rapporten i stort", TargetKind: ""},
		{Note: "Varför ökar HVB?", TargetKind: data.TargetPlacement, Target: "hvb"},
		{Note: "Och personalen?", TargetKind: data.TargetBudget, Target: "personal"},
		{Note: "Svar väntas på HVB", TargetKind: data.TargetPlacement, Target: "hvb"},
	} {
		c.UnitID, c.Period, c.Kind, c.Actor, c.At = unit, p, data.EventComment, "Controller", "2026-11-12T10:00:00Z"
		if _, err := s.Review(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	evs, _ := s.AuditEvents(ctx, data.AuditFilter{Period: p, UnitID: unit})
	var hvb []string
	for _, e := range evs {
		if e.TargetKind == data.TargetPlacement && e.Target == "hvb" {
			hvb = append(hvb, e.Text)
		}
	}
	if len(hvb) != 2 || hvb[0] != "Varför ökar HVB?" || hvb[1] != "Svar väntas på HVB" {
		t.Errorf("HVB thread %q", hvb)
	}
	st, _ := s.ReportStateOf(ctx, unit, p)
	if st.Comments != 4 || st.LastKind != data.EventComment {
		t.Errorf("state %+v", st)
	}
}

func TestAuditTrailRefusesUpdateAndDelete(t *testing.T) {
	s, _ := reviewStore(t, filepath.Join(t.TempDir(), "r.db"))
	for _, q := range []string{`UPDATE audit_event SET text = 'x'`, `DELETE FROM audit_event`,
		`INSERT INTO audit_event(at, actor, kind, unit_id, period, from_status, to_status, prev_hash, hash)
			VALUES ('2026-11-01T00:00:00Z', 'x', 'comment', 1, '2026-10', 'inlamnad', 'inlamnad', '', 'h')`} {
		if _, err := s.DB().Exec(q); err == nil {
			t.Errorf("%s was allowed", q)
		}
	}
	verifyOK(t, s)
}

func TestVerifyNamesTheAlteredOrRemovedEvent(t *testing.T) {
	for _, c := range []struct {
		name, sql string
		reason    string
		id        int64
	}{
		{"update comment", `UPDATE audit_event SET text = 'Inget att anmärka' WHERE id = 3`, data.BreakAltered, 3},
		{"update actor", `UPDATE audit_event SET actor = 'Någon annan' WHERE id = 2`, data.BreakAltered, 2},
		{"delete middle", `DELETE FROM audit_event WHERE id = 2`, data.BreakRemoved, 2},
		{"delete first", `DELETE FROM audit_event WHERE id = 1`, data.BreakRemoved, 1},
		{"delete last", `DELETE FROM audit_event WHERE id = 4`, data.BreakRemovedLast, 4},
		{"status past the trail", `UPDATE unit_report SET status = 'godkand'`, data.BreakStatusMissing, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, unit := reviewStore(t, filepath.Join(t.TempDir(), "r.db"))
			mustAct(t, s, unit, data.EventComment, "Första")
			mustAct(t, s, unit, data.EventComment, "Andra")
			mustAct(t, s, unit, data.EventSendBack, "Komplettera")
			verifyOK(t, s)
			// An attacker with the file drops the triggers first.
			if _, err := s.DB().Exec(`DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.DB().Exec(c.sql); err != nil {
				t.Fatal(err)
			}
			_, brk, err := s.VerifyAudit(context.Background())
			if err != nil || brk == nil {
				t.Fatalf("verify passed after %s (%v)", c.sql, err)
			}
			if brk.Reason != c.reason || brk.EventID != c.id {
				t.Errorf("break %+v, want %s at %d", brk, c.reason, c.id)
			}
		})
	}
}

func mustAct(t *testing.T, s *data.Store, unit int64, kind data.EventKind, note string) {
	t.Helper()
	if _, err := act(s, unit, kind, note); err != nil {
		t.Fatal(err)
	}
}

// Two processes, one approving and one sending back the same report at
// the same moment: one wins, the other is refused with who won, and the
// chain has no gap.
func TestConcurrentApproveAndSendBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	for round := range 5 {
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			s1, unit := reviewStore(t, filepath.Join(t.TempDir(), "r.db"))
			path = s1.Path()
			s2, err := data.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			var wg sync.WaitGroup
			errs := make([]error, 2)
			start := make(chan struct{})
			for i, a := range []struct {
				s    *data.Store
				kind data.EventKind
				note string
			}{{s1, data.EventApprove, ""}, {s2, data.EventSendBack, "Komplettera"}} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, errs[i] = act(a.s, unit, a.kind, a.note)
				}()
			}
			close(start)
			wg.Wait()
			if (errs[0] == nil) == (errs[1] == nil) {
				t.Fatalf("both or neither won: %v, %v", errs[0], errs[1])
			}
			lost := errs[0]
			if lost == nil {
				lost = errs[1]
			}
			var te *data.TransitionError
			if !errors.As(lost, &te) || !te.LastReported || te.LastActor != "Controller" {
				t.Errorf("the loser got %v", lost)
			}
			if sum := verifyOK(t, s2); sum.Events != 2 {
				t.Errorf("%d events, want 2", sum.Events)
			}
		})
	}
}

func TestMigrationMovesTheOldTrailIntoTheChain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := data.CreateAtVersion(ctx, path, 9)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO area(id, name, name_key) VALUES (1, 'Vuxen', 'vuxen');
		INSERT INTO unit(id, area_id, name, name_key) VALUES (1, 1, 'Boendestöd', 'boendestöd'), (2, 1, 'Öppenvård', 'öppenvård'), (3, 1, 'Nya', 'nya');
		INSERT INTO unit_report(id, unit_id, period, status, submitted_at, reviewed_at, reviewer) VALUES
			(1, 1, '2026-10', 'komplettering', '2026-11-06T15:55:00Z', '2026-11-11T10:25:00Z', 'Lina'),
			(2, 2, '2026-10', 'godkand', '2026-11-05T08:30:00Z', '2026-11-10T14:10:00Z', 'Lina'),
			(3, 3, '2026-10', 'utkast', NULL, NULL, '');
		INSERT INTO report_event(report_id, at, actor, from_status, to_status, comment) VALUES
			(2, '2026-11-10T14:10:00Z', 'Lina', 'inlamnad', 'godkand', ''),
			(1, '2026-11-06T15:55:00Z', 'Chef', 'utkast', 'inlamnad', ''),
			(1, '2026-11-11T10:25:00Z', 'Lina', 'inlamnad', 'komplettering', 'Beskriv läget'),
			(2, '2026-11-05T08:30:00Z', 'Chef', 'utkast', 'inlamnad', ''),
			(3, '2026-11-01T08:00:00Z', 'Chef', NULL, 'utkast', '')`)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if sum := verifyOK(t, s); sum.Events != 4 {
		t.Errorf("%d events, want the 4 that were not drafts", sum.Events)
	}
	evs, _ := s.AuditEvents(ctx, data.AuditFilter{})
	var kinds []string
	for _, e := range evs {
		kinds = append(kinds, fmt.Sprintf("%s %s %s>%s", e.Unit, e.Kind, e.From, e.To))
	}
	want := []string{"Öppenvård submit vantar>inlamnad", "Boendestöd submit vantar>inlamnad",
		"Öppenvård approve inlamnad>godkand", "Boendestöd send_back inlamnad>atersand"}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("events\n%q\nwant\n%q", kinds, want)
	}
	states, err := s.ReportStates(ctx, data.MustPeriod("2026-10"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.ReportStatus{}
	for _, r := range states {
		got[r.Unit] = r.Status
	}
	if got["Boendestöd"] != data.ReportSentBack || got["Öppenvård"] != data.ReportApproved || len(got) != 2 {
		t.Errorf("states %v", got)
	}
}
