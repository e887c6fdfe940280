package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
)

// roleStore is a small database with one meeting (a closed item holding a
// secret document) and one undoable import, written by the local user.
func roleStore(t *testing.T) (*data.Store, int64) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "roles.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if !s.Actor().Local {
		t.Fatal("a store opened by the program must act for the local user")
	}
	m := meetingWith("2026-11-26", 0, "Öppet ärende", "Slutet ärende")
	m.Items[0].Documents = []data.AgendaDocument{{Ordinal: 1, Title: "Tjänsteskrivelse", Body: "öppen text"},
		{Ordinal: 2, Title: "Bilaga", Secret: true, Body: "HEMLIG BILAGA"}}
	m.Items[1].Closed, m.Items[1].PublicTitle, m.Items[1].Proposal = true, "Ärende enligt sekretess", "HEMLIGT FÖRSLAG"
	m.Items[1].Documents = []data.AgendaDocument{{Ordinal: 1, Title: "Utredning", Secret: true, Body: "HEMLIG UTREDNING"}}
	if _, err := s.SaveMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	var run int64
	err = s.Write(ctx, func(tx *data.Tx) error {
		var err error
		if run, err = tx.BeginImport("2026-11-20T07:30:00Z", "anna"); err != nil {
			return err
		}
		_, _, err = tx.EnsureArea("Barn och unga", data.GroupChildren)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, run
}

// Every write path, called on the store as each role: the permission
// table of the issue, written out here and not read from the code.
func TestRolesWritesThroughTheStore(t *testing.T) {
	ctx := context.Background()
	writes := []struct {
		name   string
		action data.Action
		do     func(s *data.Store, run int64) error
	}{
		{"import", data.ActImport, func(s *data.Store, _ int64) error {
			return s.Write(ctx, func(tx *data.Tx) error { _, _, err := tx.EnsureArea("Vuxen missbruk", data.GroupAdults); return err })
		}},
		{"bulk import", data.ActImport, func(s *data.Store, _ int64) error {
			return s.WriteBulk(ctx, func(tx *data.Tx) error { return nil })
		}},
		{"undo import", data.ActUndoImport, func(s *data.Store, run int64) error {
			_, err := s.UndoImport(ctx, run, "", "2026-11-21T08:00:00Z")
			return err
		}},
		{"gap threshold", data.ActGapSettings, func(s *data.Store, _ int64) error {
			return s.SetSetting(ctx, data.SettingDeviationPct, "4")
		}},
		{"notice days", data.ActSettings, func(s *data.Store, _ int64) error {
			return s.SetSetting(ctx, data.SettingNoticeDays, "6")
		}},
		{"municipality", data.ActSettings, func(s *data.Store, _ int64) error {
			return s.SetMunicipality(ctx, func(m *data.Municipality) { m.Name = "Ekbacka kommun" })
		}},
		{"meeting", data.ActMeetings, func(s *data.Store, _ int64) error {
			_, err := s.SaveMeeting(ctx, meetingWith("2026-12-17", 0, "Budget 2027"))
			return err
		}},
		{"numbering", data.ActMeetings, func(s *data.Store, _ int64) error {
			_, err := s.NumberMeeting(ctx, "2026-11-26")
			return err
		}},
		{"agenda item", data.ActMeetings, func(s *data.Store, _ int64) error {
			_, err := s.AddAgendaItem(ctx, "2026-11-26", data.AgendaItem{Title: "Övrigt"})
			return err
		}},
		{"agenda edit", data.ActMeetings, func(s *data.Store, _ int64) error {
			it := firstItem(t, s)
			it.Title = "Öppet ärende, ändrat"
			return s.UpdateAgendaItem(ctx, it)
		}},
		{"document edit", data.ActMeetings, func(s *data.Store, _ int64) error {
			d := firstItem(t, s).Documents[0]
			d.Body = "ändrad text"
			return s.UpdateAgendaDocument(ctx, d)
		}},
		{"briefing mark", data.ActBriefing, func(s *data.Store, _ int64) error {
			_, err := s.ToggleBriefingMark(ctx, data.BriefingNote{MeetingDate: "2026-11-26", Period: data.NewPeriod(2026, 10),
				RefKind: data.RefBudget, Label: "Summa"})
			return err
		}},
	}
	allowed := map[data.Role][]string{
		data.RoleDirektor:    {"briefing mark"},
		data.RoleController:  {"import", "bulk import", "undo import", "gap threshold"},
		data.RoleSekreterare: {"meeting", "numbering", "agenda item", "agenda edit", "document edit"},
		data.RoleLedamot:     {},
		data.RoleAdmin:       {"gap threshold", "notice days", "municipality"},
	}
	for _, role := range data.Roles {
		for _, w := range writes {
			t.Run(string(role)+"/"+w.name, func(t *testing.T) {
				s, run := roleStore(t)
				as := s.As(data.Actor{Login: "kim", Name: "Kim Berg", Role: role})
				err := w.do(as, run)
				want := false
				for _, n := range allowed[role] {
					want = want || n == w.name
				}
				var fe *data.ForbiddenError
				switch {
				case want && err != nil:
					t.Fatalf("%s may %s, got %v", role, w.name, err)
				case !want && !errors.As(err, &fe):
					t.Fatalf("%s may not %s, got %v", role, w.name, err)
				case !want && (fe.Action != w.action || fe.Login != "kim" || fe.Role != role || !errors.Is(err, data.ErrForbidden)):
					t.Fatalf("refusal %+v, want action %s for kim (%s)", fe, w.action, role)
				}
				// The local user, on the same file, may do all of it.
				if err := w.do(s, run); err != nil && !want && !errors.Is(err, data.ErrAlreadyUndone) {
					t.Fatalf("local user: %s: %v", w.name, err)
				}
			})
		}
	}
}

// A refused write changes nothing.
func TestRefusedWriteWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := roleStore(t)
	member := s.As(data.Actor{Login: "lena", Role: data.RoleLedamot})
	if err := member.SetSetting(ctx, data.SettingDeviationPct, "9"); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("got %v", err)
	}
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v := set.Float(data.SettingDeviationPct); v != 3 {
		t.Fatalf("deviation pct %v after a refused write, want 3", v)
	}
}

// The import log and the undo name the connected person, not the account
// the server runs as.
func TestAuditNamesTheActor(t *testing.T) {
	ctx := context.Background()
	s, run := roleStore(t)
	ctrl := s.As(data.Actor{Login: "carl", Name: "Carl Ek", Role: data.RoleController})
	if _, err := ctrl.UndoImport(ctx, run, "root", "2026-11-21T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	runs, err := s.ImportRuns(ctx, 5)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %+v, %v", runs, err)
	}
	if runs[0].UndoneBy != "carl" || runs[0].User != "anna" {
		t.Fatalf("run %+v: want undone by carl, imported by anna", runs[0])
	}
}

// A member reads the agenda as the public does for the closed part, and
// never a secret document; the others read everything.
func TestMemberNeverReadsSecretText(t *testing.T) {
	ctx := context.Background()
	s, _ := roleStore(t)
	secrets := []string{"HEMLIG", "HEMLIGT"}
	for _, role := range data.Roles {
		as := s.As(data.Actor{Login: "x", Role: role})
		m, err := as.MeetingOn(ctx, "2026-11-26")
		if err != nil {
			t.Fatal(err)
		}
		list, err := as.Meetings(ctx, "2026-01-01")
		if err != nil || len(list) != 1 {
			t.Fatalf("meetings %v, %v", list, err)
		}
		text := dumpMeeting(m) + dumpMeeting(list[0])
		leaks := false
		for _, sec := range secrets {
			leaks = leaks || strings.Contains(text, sec)
		}
		if role == data.RoleLedamot {
			if leaks {
				t.Fatalf("a member read secret text: %s", text)
			}
			if len(m.Items) != 2 || m.Items[1].Title != "Ärende enligt sekretess" || len(m.Items[0].Documents) != 1 {
				t.Fatalf("member's agenda %+v: want both items, the closed one by its public title, the open one's public document", m.Items)
			}
			continue
		}
		if !strings.Contains(text, "HEMLIG UTREDNING") || !strings.Contains(text, "HEMLIG BILAGA") {
			t.Fatalf("%s should read the whole agenda: %s", role, text)
		}
	}
}

// firstItem is the first agenda item as the store's owner reads it.
func firstItem(t *testing.T, s *data.Store) data.AgendaItem {
	t.Helper()
	m, err := s.As(data.LocalActor()).MeetingOn(context.Background(), "2026-11-26")
	if err != nil || len(m.Items) == 0 || len(m.Items[0].Documents) == 0 {
		t.Fatalf("meeting %+v, %v", m, err)
	}
	return m.Items[0]
}

func dumpMeeting(m data.Meeting) string {
	var b strings.Builder
	for _, it := range m.Items {
		b.WriteString(it.Title + "|" + it.Proposal + "|")
		for _, d := range it.Documents {
			b.WriteString(d.Title + ":" + d.Body + "|")
		}
	}
	return b.String()
}

// Every commit reaches every subscriber of the database, whoever wrote it.
func TestSubscribersHearEveryCommit(t *testing.T) {
	ctx := context.Background()
	s, _ := roleStore(t)
	ch, stop := s.As(data.Actor{Login: "lena", Role: data.RoleLedamot}).Subscribe()
	defer stop()
	ctrl := s.As(data.Actor{Login: "carl", Role: data.RoleController})
	if err := ctrl.SetSetting(ctx, data.SettingDeviationPct, "4"); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-ch:
		if c.By.Login != "carl" {
			t.Fatalf("change by %+v, want carl", c.By)
		}
	default:
		t.Fatal("no change was published after a commit")
	}
	// A refused write publishes nothing.
	_ = s.As(data.Actor{Login: "lena", Role: data.RoleLedamot}).SetSetting(ctx, data.SettingDeviationPct, "5")
	select {
	case c := <-ch:
		t.Fatalf("a refused write was published: %+v", c)
	default:
	}
	stop()
	if err := ctrl.SetSetting(ctx, data.SettingDeviationPct, "6"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ch:
		t.Fatal("a stopped subscription still hears commits")
	default:
	}
}

// A member opens a public document by its id and reads its body; the
// secret document and the closed item's document are not found for them,
// by id, though the owner reads both.
func TestMemberReadsOnlyPublicDocuments(t *testing.T) {
	ctx := context.Background()
	s, _ := roleStore(t)
	owner, err := s.As(data.LocalActor()).MeetingOn(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	member := s.As(data.Actor{Login: "lena", Role: data.RoleLedamot})
	var opened, refused int
	for _, it := range owner.Items {
		for _, d := range it.Documents {
			got, err := member.AgendaDocument(ctx, d.ID)
			own, ownErr := s.As(data.LocalActor()).AgendaDocument(ctx, d.ID)
			if ownErr != nil || own.Document.Body != d.Body || own.ItemTitle != it.Title {
				t.Fatalf("the owner reads %d: %+v, %v", d.ID, own, ownErr)
			}
			if d.Secret || it.Closed {
				if !errors.Is(err, data.ErrNoDocument) || strings.Contains(got.Document.Body, "HEMLIG") {
					t.Fatalf("the member read %q: %+v, %v", d.Title, got, err)
				}
				refused++
				continue
			}
			if err != nil || got.Document.Body != d.Body || got.Meeting != "2026-11-26" {
				t.Fatalf("the member opens %q: %+v, %v", d.Title, got, err)
			}
			opened++
		}
	}
	if opened == 0 || refused < 2 {
		t.Fatalf("opened %d, refused %d: the fixture tests nothing", opened, refused)
	}
	if _, err := s.AgendaDocument(ctx, 99999); !errors.Is(err, data.ErrNoDocument) {
		t.Fatalf("an unknown id: %v", err)
	}
}
