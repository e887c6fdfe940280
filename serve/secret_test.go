package serve_test

import (
	"context"
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

// walkAgendas opens the meetings (M) and each meeting's agenda in turn,
// moving the cursor over every row of it and opening every document it
// shows (with the key open) in the document reader, as the person reads
// it (as).
func walkAgendas(t *testing.T, tm *terminal, as *data.Store, open string, meetings ...data.Meeting) (opened int) {
	t.Helper()
	tm.press("M")
	tm.waitScreen("Sammanträden")
	tm.press("g") // the first meeting
	for i, m := range meetings {
		if i > 0 {
			tm.press("M")
			tm.waitScreen("Sammanträden")
			tm.press("g")
			for range i {
				tm.press("j")
			}
		}
		tm.press("\r")
		tm.waitScreen("sammanträdet " + lang.SV.Date(m.Day()))
		shown, err := as.MeetingOn(context.Background(), m.Date)
		if err != nil {
			t.Fatal(err)
		}
		for n, it := range shown.Items {
			for _, d := range it.Documents {
				tm.press("j")
				tm.press(open)
				tm.waitScreen("Ärende: ") // the reader, its document loaded
				tm.waitScreen(d.Title)
				opened++
				tm.press("G") // to the document's end
				tm.press("\x1b")
				tm.waitScreen("Föredragningslista · sammanträdet") // the agenda again, not a document of that name
			}
			if n < len(shown.Items)-1 {
				tm.press("j")
			}
		}
		// the cursor on the agenda's last row: below it only blank lines
		tm.waitUntil("the cursor on the last row", func(sc string) bool {
			lines := strings.Split(sc, "\n")
			for i, l := range lines {
				if strings.HasPrefix(l, "▌") {
					return strings.TrimSpace(strings.Join(lines[i+1:len(lines)-1], "")) == ""
				}
			}
			return false
		})
		tm.press("\x1b")
		tm.waitScreen("Sammanträden")
		tm.press("\x1b")
		tm.waitScreen("o kvalitetsglapp")
	}
	return opened
}

// A committee member walks both meetings' agendas, opening every
// document shown (enter), and never receives a byte of the closed items'
// text or of a secret document, while the controller, walking and
// opening the same (v), does: the check can fail.
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
	// a line of a public document, which the member must read
	public := ""
	memberNov, err := ts.store.As(data.Actor{Login: "lena", Role: data.RoleLedamot}).MeetingOn(ctx, nov.Date)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range memberNov.Items {
		for _, d := range it.Documents {
			for _, line := range strings.Split(d.Body, "\n") {
				if line = strings.TrimSpace(line); public == "" && len([]rune(line)) >= 24 && !strings.ContainsAny(line, "#*|_`[>-") {
					public = string([]rune(line)[:24])
				}
			}
		}
	}
	if public == "" {
		t.Fatal("the demo's November pack has no public document text")
	}
	for _, p := range []person{lena, carl} {
		tm := ts.connect(t, p, 200, 60)
		tm.waitFor("Ekbacka kommun")
		open := "v"
		if p.role == data.RoleLedamot {
			open = "\r"
		}
		opened := walkAgendas(t, tm, ts.store.As(data.Actor{Login: p.login, Role: p.role}), open, oct, nov)
		if opened == 0 {
			t.Fatalf("%s opened no document", p.login)
		}
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
		case p.role == data.RoleLedamot && !strings.Contains(plain, public):
			t.Fatalf("the member never read the public document text %q", public)
		case p.role == data.RoleLedamot && !strings.Contains(tm.shown()+plain, "Ärende enligt sekretess"):
			t.Fatal("the member's agenda does not show the closed items by their public title")
		case p.role != data.RoleLedamot && len(seen) == 0:
			t.Fatal("the controller saw none of the secret text: the check would not find a leak")
		}
	}
}
