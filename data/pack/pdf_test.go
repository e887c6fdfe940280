package pack_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	pdfw "github.com/beredning/beredning/data/doc/pdf"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/pack"
)

var written = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// makePDF writes a small PDF of its own, as an external attachment would be.
func makePDF(t testing.TB, pages int, text string) []byte {
	t.Helper()
	var gp gopdf.GoPdf
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := gp.AddTTFFontData("r", goregular.TTF); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= pages; i++ {
		gp.AddPage()
		if err := gp.SetFont("r", "", 14); err != nil {
			t.Fatal(err)
		}
		gp.SetXY(100, 100)
		if err := gp.Cell(nil, fmt.Sprintf("%s %d", text, i)); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := gp.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func buildPack(t testing.TB, s *data.Store, public bool) *doc.Doc {
	t.Helper()
	d, err := pack.Build(context.Background(), s, pack.Options{Meeting: "2026-11-26", Public: public, Lang: lang.SV, Written: written})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func writePDF(t testing.TB, d *doc.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdfw.Write(&b, d, pdfw.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readPDF opens a PDF with a reader library and returns each page's text.
func readPDF(t testing.TB, b []byte) (*pdf.Reader, []string) {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		text, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		pages = append(pages, text)
	}
	return r, pages
}

// attachToItem adds an attached PDF as a new document of an item.
func attachToItem(t testing.TB, s *data.Store, ordinal int, title string, pdfBytes []byte) {
	t.Helper()
	ctx := context.Background()
	m, err := s.MeetingOn(ctx, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	it := &m.Items[ordinal-1]
	it.Documents = append(it.Documents, data.AgendaDocument{Ordinal: len(it.Documents) + 1, Title: title, PDF: pdfBytes})
	if err := s.Write(ctx, func(tx *data.Tx) error { _, err := tx.PutMeeting(m); return err }); err != nil {
		t.Fatal(err)
	}
}

func TestPDFMembersVersion(t *testing.T) {
	s := freshDemo(t)
	attachToItem(t, s, 7, "Bilaga: IVO:s beslut", makePDF(t, 3, "Bilagesida"))
	d := buildPack(t, s, false)
	b := writePDF(t, d)
	r, pages := readPDF(t, b)

	// Every page carries its number and the total.
	n := len(pages)
	if n < 20 {
		t.Fatalf("the demo pack has %d pages", n)
	}
	for i, p := range pages {
		want := fmt.Sprintf("Socialnämnden · 2026-11-26 · sida %d av %d", i+1, n)
		if !strings.Contains(p, want) {
			t.Errorf("page %d lacks footer %q", i+1, want)
		}
	}
	all := strings.Join(pages, "\n")
	for p := 151; p <= 164; p++ {
		if !strings.Contains(all, fmt.Sprintf("§ %d", p)) {
			t.Errorf("§ %d not in the text", p)
		}
	}
	for _, want := range []string{"Upprop och val av justerare", "Framställan till tingsrätten om överflyttning av vårdnad",
		"Sluten del – sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen",
		"Månadsuppföljning oktober 2026 – siffror, berättelser och kvalitetsglapp per område"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q not in the text", want)
		}
	}
	// The attachment's three pages are merged as they are (each an
	// imported page drawn as a form), right after item 7's first page.
	var merged []int
	for i := 1; i <= n; i++ {
		if bytes.Contains(pageContent(t, r.Page(i)), []byte(" Do")) {
			merged = append(merged, i)
		}
	}
	item7 := 0
	for i, p := range pages {
		if strings.Contains(p, "7. § 157 Rapportering av ej verkställda beslut") && !strings.Contains(p, "Innehåll") {
			item7 = i + 1
			break
		}
	}
	if fmt.Sprint(merged) != fmt.Sprint([]int{item7 + 1, item7 + 2, item7 + 3}) {
		t.Errorf("attached pages at %v, item 7 starts on page %d", merged, item7)
	}

	// One bookmark per item, with one per document under it.
	out := r.Outline()
	if len(out.Child) != 14 {
		t.Fatalf("outline has %d items, want 14", len(out.Child))
	}
	if got := out.Child[0].Title; got != "1. § 151 Upprop och val av justerare" {
		t.Errorf("first bookmark %q", got)
	}
	if got := out.Child[2].Child; len(got) != 3 || got[2].Title != "3.3 Månadsuppföljning oktober 2026 – siffror, berättelser och kvalitetsglapp per område" {
		t.Errorf("item 3's bookmarks: %+v", got)
	}
	if got := out.Child[6].Child; len(got) != 2 || got[1].Title != "7.2 Bilaga: IVO:s beslut" {
		t.Errorf("item 7's bookmarks: %+v", got)
	}

	// Title, author and language.
	info := r.Trailer().Key("Info")
	if got := info.Key("Title").Text(); !strings.Contains(got, "kallelse och föredragningslista") {
		t.Errorf("info title %q", got)
	}
	if got := info.Key("Author").Text(); got != "Socialnämnden, Ekbacka kommun" {
		t.Errorf("info author %q", got)
	}
	if got := r.Trailer().Key("Root").Key("Lang").Text(); got != "sv" {
		t.Errorf("catalogue language %q", got)
	}
	// Page labels are decimal from the first page, as the footers count.
	if nums := r.Trailer().Key("Root").Key("PageLabels").Key("Nums"); nums.Len() != 2 || nums.Index(0).Int64() != 0 || nums.Index(1).Key("S").Name() != "D" {
		t.Errorf("page labels %v", nums)
	}
	// Every page of the closed item carries the marking at its top.
	last := pages[len(pages)-1]
	if i := strings.Index(last, "Sluten del – sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen"); i < 0 || i > strings.Index(last, "14. § 164") {
		t.Errorf("the closed item's page lacks the marking above its heading:\n%.200s", last)
	}
	// The Go fonts are embedded.
	if !bytes.Contains(b, []byte("/FontFile2")) {
		t.Error("no embedded TrueType font")
	}
}

// pageContent is a page's decoded content stream(s).
func pageContent(t testing.TB, p pdf.Page) []byte {
	t.Helper()
	c := p.V.Key("Contents")
	streams := []pdf.Value{c}
	if c.Kind() == pdf.Array {
		streams = nil
		for i := 0; i < c.Len(); i++ {
			streams = append(streams, c.Index(i))
		}
	}
	var out []byte
	for _, s := range streams {
		rd := s.Reader()
		b, err := io.ReadAll(rd)
		rd.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b...)
	}
	return out
}
