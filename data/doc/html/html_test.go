package html_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/doc/html"
)

func sample() *doc.Doc {
	body := doc.FromMarkdown("## Sammanfattning\n\nText med **fet** stil & 3 < 4.\n\n#### Djupt\n\n| Konto | Budget |\n| --- | ---: |\n| Personal | 1 234,5 |\n| **Summa** | **1 234,5** |\n")
	return &doc.Doc{
		Lang: "sv", Title: "Socialnämnden – kallelse", Footer: "Socialnämnden · 2026-11-26",
		Labels: doc.Labels{Contents: "Innehåll", PageOf: "sida %d av %d", Attachment: "Bilaga (%d sidor)"},
		Front:  []doc.Block{doc.Fields{Rows: []doc.Field{{Label: "Tid", Value: "13.00"}}}},
		Sections: []*doc.Section{
			{ID: "arende-1", Number: "1. § 151", Title: "Upprop", Children: []*doc.Section{
				{ID: "arende-1-handling-1", Number: "1.1", Title: "Kallelse", Blocks: body},
			}},
			{ID: "arende-2", Number: "2. § 152", Title: "Sluten", Marking: "Sluten del – sekretess", Children: []*doc.Section{
				{ID: "arende-2-handling-1", Number: "2.1", Title: "Bilaga", PDFPages: 3},
			}},
		},
	}
}

// Check walks a parsed HTML document and reports what WCAG-minded
// structure rules it breaks. It is used on the real packs too.
func Check(t *testing.T, b []byte) {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var links []string
	var headings []int
	h1 := 0
	var walk func(n *xhtml.Node, inHead, inTable bool)
	walk = func(n *xhtml.Node, inHead, inTable bool) {
		if n.Type == xhtml.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			if id, ok := attr["id"]; ok {
				if ids[id] {
					t.Errorf("id %q twice", id)
				}
				ids[id] = true
			}
			switch n.DataAtom {
			case atom.Html:
				if attr["lang"] != "sv" {
					t.Errorf("html lang = %q", attr["lang"])
				}
			case atom.Script, atom.Iframe, atom.Object, atom.Embed, atom.Img, atom.Link:
				t.Errorf("<%s> in a self-contained document", n.Data)
			case atom.A:
				href := attr["href"]
				if !strings.HasPrefix(href, "#") {
					t.Errorf("link %q leaves the document", href)
				}
				links = append(links, strings.TrimPrefix(href, "#"))
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				lv := int(n.Data[1] - '0')
				if lv == 1 {
					h1++
				}
				if len(headings) > 0 && lv > headings[len(headings)-1]+1 {
					t.Errorf("heading h%d after h%d: %q", lv, headings[len(headings)-1], text(n))
				}
				headings = append(headings, lv)
			case atom.Th:
				if s := attr["scope"]; s != "col" && s != "row" {
					t.Errorf("th without scope: %q", text(n))
				}
			case atom.Td:
				if !inTable {
					t.Error("td outside a table")
				}
			case atom.Table:
				inTable = true
				hasTh := false
				var find func(*xhtml.Node)
				find = func(c *xhtml.Node) {
					if c.DataAtom == atom.Th {
						hasTh = true
					}
					for k := c.FirstChild; k != nil; k = k.NextSibling {
						find(k)
					}
				}
				find(n)
				if !hasTh {
					t.Error("a table without header cells")
				}
			case atom.Style:
				if !inHead {
					t.Error("style outside head")
				}
			}
			for k, v := range attr {
				if k == "style" || strings.HasPrefix(k, "on") || strings.Contains(v, "http") {
					t.Errorf("attribute %s=%q", k, v)
				}
			}
			if n.DataAtom == atom.Head {
				inHead = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead, inTable)
		}
	}
	walk(root, false, false)
	if h1 != 1 {
		t.Errorf("%d h1 elements, want 1", h1)
	}
	if len(links) == 0 {
		t.Error("no table of contents links")
	}
	for _, l := range links {
		if !ids[l] {
			t.Errorf("contents link #%s has no target", l)
		}
	}
	if !bytes.Contains(b, []byte("@media print")) || !bytes.Contains(b, []byte("break-before: page")) {
		t.Error("no print CSS with page breaks")
	}
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestStructure(t *testing.T) {
	var b bytes.Buffer
	if err := html.Write(&b, sample()); err != nil {
		t.Fatal(err)
	}
	Check(t, b.Bytes())
	out := b.String()
	for _, want := range []string{
		`<th scope="row"><strong>Summa</strong></th>`, `<td class="num"><strong>1 234,5</strong></td>`,
		`&amp; 3 &lt; 4`, `<p class="marking">Sluten del – sekretess</p>`, `Bilaga (3 sidor)`,
		`<h4>Sammanfattning</h4>`, `<h5>Djupt</h5>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
}

// The demo meeting's packs (the golden files of package pack) pass the
// same checks.
func TestDemoPacks(t *testing.T) {
	for _, name := range []string{"TestGoldenMembersHTML.golden", "TestGoldenPublicHTML.golden"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "pack", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) { Check(t, b) })
	}
}

// The checker finds what it is meant to find.
func TestCheckFindsFaults(t *testing.T) {
	bad := `<!DOCTYPE html><html lang="en"><head></head><body><h1>A</h1><h3>skip</h3><h1>B</h1>
<table><tr><th>x</th></tr></table><a href="#nowhere">x</a><script>1</script></body></html>`
	ft := &testing.T{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Check(ft, []byte(bad))
	}()
	<-done
	if !ft.Failed() {
		t.Error("Check passed a broken document")
	}
}
