package serve_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// secretPhrases is every piece of text a member may not read, taken from
// the database as its owner reads it: each closed item's title and
// proposal, and every secret document's title and sentences.
func secretPhrases(t *testing.T, s *data.Store, dates ...string) []string {
	t.Helper()
	var out []string
	add := func(text string) {
		for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' }) {
			sentence = strings.TrimSpace(sentence)
			if len([]rune(sentence)) < 24 {
				continue
			}
			// a phrase short enough to stay on one wrapped line
			phrase := string([]rune(sentence)[:24])
			// the law the closed part is under is named on screen for
			// everyone: it is not the documents' secret
			if !strings.Contains(lang.SV.T("board.agenda.closed"), phrase) {
				out = append(out, phrase)
			}
		}
	}
	for _, date := range dates {
		m, err := s.MeetingOn(context.Background(), date)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range m.Items {
			for _, d := range it.Documents {
				if d.Secret || it.Closed {
					add(d.Title)
					add(d.Body)
				}
			}
			if it.Closed {
				add(it.Title)
			}
		}
	}
	return out
}

// walkAgenda opens the agenda of the period on the board and moves the
// cursor over every item, waiting for each to be drawn below the list.
func walkAgenda(t *testing.T, tm *terminal, m data.Meeting) {
	t.Helper()
	tm.press("a")
	tm.waitScreen(m.Title)
	for i, it := range m.Items {
		if i > 0 {
			tm.press("j")
		}
		// the item under the cursor, read below the list
		tm.waitScreen(fmt.Sprintf("─\n § %d ", it.Paragraph))
	}
	tm.press("a") // back to the board
	tm.waitScreen("o kvalitetsglapp")
}

// A committee member walks both meetings' agendas and never receives a
// byte of the closed items' text or of a secret document, while the
// controller, walking the same, does: the check can fail.
func TestMemberNeverReceivesSecretText(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	lena := newPerson(t, "lena", "Lena Ström", data.RoleLedamot)
	ts := startServer(t, []person{carl, lena}, nil)
	ctx := context.Background()
	nov, err := ts.store.MeetingOn(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	oct, err := ts.store.MeetingOn(ctx, "2026-10-22")
	if err != nil {
		t.Fatal(err)
	}
	secrets := secretPhrases(t, ts.store, nov.Date, oct.Date)
	if len(secrets) < 5 {
		t.Fatalf("the demo has too little secret text to test with: %q", secrets)
	}
	for _, p := range []person{lena, carl} {
		tm := ts.connect(t, p, 200, 60)
		tm.waitFor("Ekbacka kommun")
		walkAgenda(t, tm, nov) // October's follow-up: the November meeting
		tm.press("[") // September: the October meeting (walkAgenda waits for its title)
		walkAgenda(t, tm, oct)
		got := tm.out.String() // the raw bytes, escapes and all
		plain := tm.text()
		var seen []string
		for _, s := range secrets {
			if strings.Contains(got, s) || strings.Contains(plain, s) {
				seen = append(seen, s)
			}
		}
		switch {
		case p.role == data.RoleLedamot && len(seen) > 0:
			t.Fatalf("the member received secret text: %q", seen)
		case p.role == data.RoleLedamot && !strings.Contains(plain, "Ärende enligt sekretess"):
			t.Fatal("the member's agenda does not show the closed items by their public title")
		case p.role != data.RoleLedamot && len(seen) == 0:
			t.Fatal("the controller saw none of the secret text: the check would not find a leak")
		}
	}
}
