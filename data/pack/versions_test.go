package pack_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/doc/html"
	"github.com/beredning/beredning/data/doc/md"
)

func writeMD(t testing.TB, d *doc.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := md.Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeHTML(t testing.TB, d *doc.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := html.Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The demo meeting's pack, members' and public versions, as Markdown and
// HTML. Update with -update and read the diff.
func TestGoldenMembersMarkdown(t *testing.T) {
	golden.RequireEqual(t, writeMD(t, buildPack(t, demo(t), false)))
}

func TestGoldenPublicMarkdown(t *testing.T) {
	golden.RequireEqual(t, writeMD(t, buildPack(t, demo(t), true)))
}

func TestGoldenMembersHTML(t *testing.T) {
	golden.RequireEqual(t, writeHTML(t, buildPack(t, demo(t), false)))
}

func TestGoldenPublicHTML(t *testing.T) {
	golden.RequireEqual(t, writeHTML(t, buildPack(t, demo(t), true)))
}

// secretTexts is every text of the meeting that must not be published: the
// closed items' titles, proposals and documents, and every secret
// document's title and lines.
func secretTexts(t testing.TB, s *data.Store) []string {
	t.Helper()
	m, err := s.MeetingOn(context.Background(), "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	add := func(text string) {
		for _, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(line); len([]rune(line)) >= 12 {
				out = append(out, line)
			}
		}
	}
	for _, it := range m.Items {
		if it.Closed {
			add(it.Title)
			add(it.Proposal)
		}
		for _, d := range it.Documents {
			if it.Closed || d.Secret {
				add(d.Title)
				add(d.Body)
			}
		}
	}
	if len(out) < 4 {
		t.Fatalf("the demo meeting should have secret text; found %q", out)
	}
	return out
}

// forms are the ways a text may stand in a file's bytes: as UTF-8, and as
// PDF text strings in UTF-16 (hex or raw).
func forms(s string) [][]byte {
	u := utf16.Encode([]rune(s))
	var hexs strings.Builder
	raw := make([]byte, 0, 2*len(u))
	for _, c := range u {
		fmt.Fprintf(&hexs, "%04X", c)
		raw = append(raw, byte(c>>8), byte(c))
	}
	return [][]byte{[]byte(s), []byte(hexs.String()), []byte(strings.ToLower(hexs.String())), raw}
}

func TestPublicVersionHasNoSecretText(t *testing.T) {
	s := demo(t)
	secrets := append(secretTexts(t, s), "tingsrätten", "vårdnaden")
	pub := buildPack(t, s, true)
	pdfBytes := writePDF(t, pub)
	_, pages := readPDF(t, pdfBytes)
	outputs := map[string][]byte{
		"md": writeMD(t, pub), "html": writeHTML(t, pub), "pdf": pdfBytes,
		"pdf text": []byte(strings.Join(pages, "\n")),
	}
	for name, out := range outputs {
		for _, secret := range secrets {
			for _, f := range forms(secret) {
				if bytes.Contains(out, f) {
					t.Errorf("%s: public version holds %q", name, secret)
				}
			}
		}
		// The item keeps its number.
		if !bytes.Contains(out, []byte("Ärende enligt sekretess")) || !bytes.Contains(out, []byte("§ 164")) {
			if name != "pdf" {
				t.Errorf("%s: the closed item lost its number or public title", name)
			}
		}
	}
	// The members' version holds them, marked.
	members := buildPack(t, s, false)
	mdOut := writeMD(t, members)
	for _, secret := range secrets[:3] {
		if !bytes.Contains(mdOut, []byte(secret)) && !bytes.Contains(mdOut, []byte(strings.ReplaceAll(secret, "(", "("))) {
			t.Errorf("members' version lacks %q", secret)
		}
	}
	if !bytes.Contains(mdOut, []byte("Sluten del – sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen")) {
		t.Error("members' version lacks the closed-item marking")
	}
}

// A closed item with the secretary's public title shows that title, and a
// secret document in an open item is left out of the public version.
func TestPublicTitleAndSecretDocumentInOpenItem(t *testing.T) {
	s := freshDemo(t)
	ctx := context.Background()
	m, err := s.MeetingOn(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	m.Items[13].PublicTitle = "Ärende om vårdnadsöverflyttning"
	m.Items[5].Documents = append(m.Items[5].Documents, data.AgendaDocument{Ordinal: 2, Title: "Lex Sarah-utredning med namn", Secret: true,
		Body: "Utredningen om händelsen på boendet Lärkan."})
	if err := s.Write(ctx, func(tx *data.Tx) error { _, err := tx.PutMeeting(m); return err }); err != nil {
		t.Fatal(err)
	}
	out := writeHTML(t, buildPack(t, s, true))
	for _, secret := range []string{"Lex Sarah-utredning med namn", "boendet Lärkan", "Framställan till tingsrätten"} {
		if bytes.Contains(out, []byte(secret)) {
			t.Errorf("public version holds %q", secret)
		}
	}
	for _, want := range []string{"14. § 164 Ärende om vårdnadsöverflyttning", "6.2 Handling enligt sekretess"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("public version lacks %q", want)
		}
	}
	members := writeHTML(t, buildPack(t, s, false))
	if !bytes.Contains(members, []byte("boendet Lärkan")) {
		t.Error("members' version lacks the secret document")
	}
}
