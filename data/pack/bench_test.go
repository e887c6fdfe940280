package pack_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/doc"
	pdfw "github.com/beredning/beredning/data/doc/pdf"
)

// BenchmarkDemoPackPDF writes the demo meeting's members' PDF, from
// reading the store to the last byte.
func BenchmarkDemoPackPDF(b *testing.B) {
	s := demo(b)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		d := buildPack(b, s, false)
		var w countingWriter
		if err := pdfw.Write(&w, d, pdfw.Options{}); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size)/1024, "KiB")
}

// BenchmarkLargePackPDF writes a pack of about 300 pages: 49 items, each
// with a long tjänsteskrivelse and tables, and 20 attached PDFs of 5 pages
// (on every other one of the first 40).
func BenchmarkLargePackPDF(b *testing.B) {
	d := largePack(b)
	b.ReportAllocs()
	var pages, size int
	for b.Loop() {
		var w countingWriter
		if err := pdfw.Write(&w, d, pdfw.Options{}); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	var buf bytes.Buffer
	if err := pdfw.Write(&buf, d, pdfw.Options{}); err != nil {
		b.Fatal(err)
	}
	r, _ := readPDF(b, buf.Bytes())
	pages = r.NumPage()
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/1024/1024, "MiB")
}

type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

// largePack is a synthetic pack of the size a budget meeting reaches.
func largePack(b testing.TB) *doc.Doc {
	var body strings.Builder
	body.WriteString("## Sammanfattning\n\n")
	for i := 0; i < 24; i++ {
		fmt.Fprintf(&body, "Stycke %d. Förvaltningen redovisar utvecklingen av placeringar, försörjningsstöd och personalläget under perioden. "+
			"Avvikelsen mot budget uppgår till 1 234,5 tkr och förklaras av fler placeringar av barn och unga i HVB, "+
			"samtidigt som vakanser inom mottagningen håller nere personalkostnaderna. Åtgärder har vidtagits.\n\n", i+1)
	}
	body.WriteString("## Ekonomiskt utfall\n\n| Område | Budget | Utfall | Avvikelse |\n| --- | ---: | ---: | ---: |\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&body, "| Verksamhetsområde %d | 12 345,6 | 12 000,1 | 345,5 |\n", i+1)
	}
	blocks := doc.FromMarkdown(body.String())
	attachment := makePDF(b, 5, "Bilagesida")
	d := &doc.Doc{Lang: "sv", Title: "Socialnämnden – kallelse, budgetsammanträde", Author: "Socialnämnden", Footer: "Socialnämnden · 2026-11-26",
		Labels: doc.Labels{Contents: "Innehåll", PageOf: "sida %d av %d"}}
	for i := 0; i < 49; i++ {
		item := &doc.Section{ID: fmt.Sprintf("arende-%d", i+1), Number: fmt.Sprintf("%d. § %d", i+1, 200+i), Title: fmt.Sprintf("Ärende nummer %d", i+1)}
		item.Children = append(item.Children, &doc.Section{ID: item.ID + "-1", Number: fmt.Sprintf("%d.1", i+1), Title: "Tjänsteskrivelse", Blocks: blocks})
		if i%2 == 0 && i < 40 {
			item.Children = append(item.Children, &doc.Section{ID: item.ID + "-2", Number: fmt.Sprintf("%d.2", i+1), Title: "Bilaga", PDF: attachment, PDFPages: 5})
		}
		d.Sections = append(d.Sections, item)
	}
	return d
}
