package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/doc/pdf"
)

// secretSentences is every closed item's and secret document's text as
// the owner reads it, cut to phrases that fit on one wrapped line.
func secretSentences(t *testing.T, m data.Meeting) []string {
	t.Helper()
	var out []string
	add := func(text string) {
		for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' }) {
			if s = strings.TrimSpace(s); len([]rune(s)) >= 20 {
				out = append(out, string([]rune(s)[:20]))
			}
		}
	}
	for _, it := range m.Items {
		for _, d := range it.Documents {
			if d.Secret || it.Closed {
				add(d.Body)
			}
		}
		if it.Closed {
			add(it.Proposal)
		}
	}
	return out
}

// A member opens every document row of the November agenda with enter:
// the public ones show their body (an attached PDF its pages), and no
// screen ever holds a sentence of a secret document or a closed item's
// papers, while the secretary, reading the same rows with v, does see
// them: the check can fail.
func TestMemberReadsTheAgendaPack(t *testing.T) {
	s := demoCopy(t)
	ctx := context.Background()
	owner, err := s.MeetingOn(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	// an attached PDF on the first open item, to read as a member
	var open *data.AgendaItem
	for i := range owner.Items {
		if !owner.Items[i].Closed && open == nil {
			open = &owner.Items[i]
		}
	}
	var pdfBytes bytes.Buffer
	if err := pdf.Write(&pdfBytes, &doc.Doc{Title: "Bilaga"}, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAgendaDocument(ctx, open.ID, data.AgendaDocument{Title: "Bifogad bilaga", PDF: pdfBytes.Bytes()}); err != nil {
		t.Fatal(err)
	}
	owner, _ = s.MeetingOn(ctx, "2026-11-26")
	secrets := secretSentences(t, owner)
	if len(secrets) < 3 {
		t.Fatalf("the demo has too little secret text: %q", secrets)
	}
	publicBody := ""
	for _, d := range open.Documents {
		if !d.Secret && strings.TrimSpace(d.Body) != "" && publicBody == "" {
			for _, line := range strings.Split(d.Body, "\n") {
				if line = strings.TrimSpace(line); len([]rune(line)) > 20 && !strings.ContainsAny(line, "#*|_`[") && publicBody == "" {
					publicBody = string([]rune(line)[:20])
				}
			}
		}
	}
	if publicBody == "" {
		t.Fatalf("no public document body in %+v", open.Documents)
	}

	for _, who := range []struct {
		actor data.Actor
		key   string
	}{{data.Actor{Login: "lena", Role: data.RoleLedamot}, "enter"}, {data.Actor{Login: "sara", Role: data.RoleSekreterare}, "v"}} {
		st := s.As(who.actor)
		m := newBoard(t, st, Options{NoColor: true, Period: data.MustPeriod("2026-10")}, 120, 40)
		press(t, m, "M", "enter")
		mustContain(t, screen(m), "sammanträdet 26 november 2026")
		if who.actor.Role == data.RoleLedamot {
			mustContain(t, screen(m), "enter/v läs handlingen")
		}
		base := len(m.stack)
		shown, _ := st.MeetingOn(ctx, "2026-11-26")
		var all strings.Builder
		opened := 0
		for _, it := range shown.Items {
			press(t, m, "down") // onto the item's first document, or the next item
			for range it.Documents {
				press(t, m, who.key)
				if len(m.stack) != base+1 {
					t.Fatalf("%s: %s on a document opened no reader:\n%s", who.actor.Role, who.key, screen(m))
				}
				opened++
				for range 20 { // the whole document, page by page
					all.WriteString(screen(m))
					press(t, m, "pgdown")
				}
				press(t, m, "esc")
				press(t, m, "down")
			}
		}
		text := all.String()
		var leaked []string
		for _, sec := range secrets {
			if strings.Contains(text, sec) {
				leaked = append(leaked, sec)
			}
		}
		switch who.actor.Role {
		case data.RoleLedamot:
			if len(leaked) > 0 {
				t.Fatalf("the member read secret text: %q", leaked)
			}
			mustContain(t, text, publicBody, "Bifogad bilaga", "Bifogad PDF, 1 sida.")
		default:
			if len(leaked) == 0 {
				t.Fatalf("the secretary read none of the secret documents (%d opened): the check finds no leak", opened)
			}
		}
		if opened == 0 {
			t.Fatal("no document opened")
		}
	}
}

// A member who asks for a document they may not read (its id, as a
// stale screen might) is told it is not theirs, and gets none of it.
func TestMemberCannotOpenSecretDocumentByID(t *testing.T) {
	ctx := context.Background()
	owner, err := demoStore.MeetingOn(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	member := demoStore.As(data.Actor{Login: "lena", Role: data.RoleLedamot})
	tried := 0
	for _, it := range owner.Items {
		for _, d := range it.Documents {
			if !d.Secret && !it.Closed {
				continue
			}
			m := newBoard(t, member, Options{NoColor: true}, 100, 30)
			r := newDocReader(m.app, d.ID)
			m.push(r)
			drain(t, m, r.load())
			sc := screen(m)
			mustContain(t, sc, "Handlingen finns inte, eller är inte din att läsa.")
			if strings.Contains(sc, clean(d.Title)) && strings.TrimSpace(d.Title) != "" {
				t.Fatalf("the member sees the secret document's title %q:\n%s", d.Title, sc)
			}
			tried++
		}
	}
	if tried == 0 {
		t.Fatal("the demo's November meeting has no secret document to try")
	}
}

// Before the first window size the reader draws nothing and takes its
// document without rendering; the size then lays it out.
func TestDocReaderBeforeSize(t *testing.T) {
	m := New(demoStore, Options{NoColor: true})
	r := newDocReader(m.app, 1)
	if v := r.View(0, 0); v != "" {
		t.Fatalf("0x0 drew %q", v)
	}
	r.Update(docReadMsg{id: 1, doc: data.AgendaDocumentRead{Document: data.AgendaDocument{Title: "T", Body: "Texten\x1b[31m här."}, ItemTitle: "I", Meeting: "2026-11-26"}})
	r.SetSize(60, 10)
	v := r.View(60, 10)
	mustContain(t, v, "Texten", "här.")
	if strings.Contains(v, "\x1b[31m") {
		t.Fatalf("a control sequence from the document reached the screen: %q", v)
	}
}
