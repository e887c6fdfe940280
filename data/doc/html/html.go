// Package html writes a document tree as one self-contained, accessible
// HTML file: CSS inline, no scripts, nothing fetched from a network; the
// document's language on <html>; one h1 and headings in order below it;
// tables with th and scope; a table of contents whose links reach every
// section; and print CSS that starts each top-level section on a new page.
// This is the version a public body can publish on the web (WCAG 2.1 AA).
package html

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/beredning/beredning/data/doc"
)

// style is the whole stylesheet: readable measure, contrast above 7:1,
// visible focus, and print rules.
const style = `
:root { color: #1a1a1a; background: #fff; }
body { font-family: "Go", "Helvetica Neue", Arial, sans-serif; line-height: 1.5; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.9rem; margin-bottom: .5rem; }
h2 { font-size: 1.45rem; margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
h4, h5, h6 { font-size: 1.05rem; margin-top: 1.5rem; }
a { color: #0b4a8b; }
a:focus { outline: 3px solid #0b4a8b; outline-offset: 2px; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: .95rem; }
caption { text-align: left; font-style: italic; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #767676; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
.marking, .notice { border: 2px solid #1a1a1a; padding: .5rem .8rem; font-weight: bold; }
.notice { font-weight: normal; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 1.5rem; }
footer { margin-top: 3rem; border-top: 1px solid #767676; font-size: .9rem; }
@media print {
  body { max-width: none; margin: 0; }
  nav { break-after: page; }
  main > section { break-before: page; }
  a { color: inherit; text-decoration: none; }
  table, dl.fields, .marking { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
`

// Write writes d as one HTML file.
func Write(w io.Writer, d *doc.Doc) error {
	bw := bufio.NewWriter(w)
	h := &writer{w: bw}
	lang := d.Lang
	if lang == "" {
		lang = "sv"
	}
	h.raw("<!DOCTYPE html>\n")
	h.raw(`<html lang="` + esc(lang) + `">` + "\n<head>\n<meta charset=\"utf-8\">\n")
	h.raw(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	if d.Author != "" {
		h.raw(`<meta name="author" content="` + esc(d.Author) + `">` + "\n")
	}
	h.raw("<title>" + esc(d.Title) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n")
	h.raw("<header>\n<h1>" + esc(d.Title) + "</h1>\n")
	h.blocks(d.Front, 2)
	h.raw("</header>\n")
	if d.Labels.Contents != "" && len(d.Sections) > 0 {
		h.raw(`<nav aria-labelledby="innehall">` + "\n" + `<h2 id="innehall">` + esc(d.Labels.Contents) + "</h2>\n")
		h.toc(d.Sections)
		h.raw("</nav>\n")
	}
	h.raw("<main>\n")
	h.sections(d, d.Sections, 2)
	h.raw("</main>\n")
	if d.Footer != "" {
		h.raw("<footer>\n<p>" + esc(d.Footer) + "</p>\n</footer>\n")
	}
	h.raw("</body>\n</html>\n")
	if h.err != nil {
		return h.err
	}
	return bw.Flush()
}

type writer struct {
	w   *bufio.Writer
	err error
}

func (h *writer) raw(s string) {
	if h.err == nil {
		_, h.err = h.w.WriteString(s)
	}
}

func esc(s string) string { return html.EscapeString(s) }

func (h *writer) toc(ss []*doc.Section) {
	h.raw("<ol>\n")
	for _, s := range ss {
		h.raw(`<li><a href="#` + esc(s.ID) + `">` + esc(s.Heading()) + "</a>")
		if len(s.Children) > 0 {
			h.raw("\n")
			h.toc(s.Children)
		}
		h.raw("</li>\n")
	}
	h.raw("</ol>\n")
}

func (h *writer) sections(d *doc.Doc, ss []*doc.Section, level int) {
	for _, s := range ss {
		lv := min(level, 6)
		h.raw(fmt.Sprintf(`<section id="%s" aria-labelledby="%s-rubrik">`+"\n", esc(s.ID), esc(s.ID)))
		h.raw(fmt.Sprintf(`<h%d id="%s-rubrik">%s</h%d>`+"\n", lv, esc(s.ID), esc(s.Heading()), lv))
		if s.Marking != "" {
			h.raw(`<p class="marking">` + esc(s.Marking) + "</p>\n")
		}
		h.blocks(s.Blocks, level+1)
		if s.PDFPages > 0 && d.Labels.Attachment != "" {
			h.raw(`<p class="notice">` + esc(fmt.Sprintf(d.Labels.Attachment, s.PDFPages)) + "</p>\n")
		}
		h.sections(d, s.Children, level+1)
		h.raw("</section>\n")
	}
}

func (h *writer) blocks(bs []doc.Block, base int) {
	for _, b := range bs {
		switch b := b.(type) {
		case doc.Heading:
			lv := min(base+b.Level-1, 6)
			h.raw(fmt.Sprintf("<h%d>%s</h%d>\n", lv, esc(b.Text), lv))
		case doc.Paragraph:
			h.raw("<p>" + spans(b.Spans) + "</p>\n")
		case doc.List:
			tag := "ul"
			if b.Ordered {
				tag = "ol"
			}
			if b.Ordered && b.Start > 1 {
				h.raw(fmt.Sprintf("<ol start=\"%d\">\n", b.Start))
			} else {
				h.raw("<" + tag + ">\n")
			}
			for _, it := range b.Items {
				h.raw("<li>" + spans(it) + "</li>\n")
			}
			h.raw("</" + tag + ">\n")
		case doc.Table:
			h.table(b)
		case doc.Fields:
			h.raw(`<dl class="fields">` + "\n")
			for _, f := range b.Rows {
				h.raw("<dt>" + esc(f.Label) + "</dt><dd>" + multiline(f.Value) + "</dd>\n")
			}
			h.raw("</dl>\n")
		case doc.Notice:
			h.raw(`<p class="notice">` + multiline(b.Text) + "</p>\n")
		}
	}
}

func (h *writer) table(t doc.Table) {
	right := func(i int) string {
		if i < len(t.Right) && t.Right[i] {
			return ` class="num"`
		}
		return ""
	}
	h.raw("<table>\n")
	if t.Caption != "" {
		h.raw("<caption>" + esc(t.Caption) + "</caption>\n")
	}
	if len(t.Head) > 0 {
		h.raw("<thead>\n<tr>")
		for i, c := range t.Head {
			h.raw(`<th scope="col"` + right(i) + ">" + esc(c) + "</th>")
		}
		h.raw("</tr>\n</thead>\n")
	}
	h.raw("<tbody>\n")
	for _, r := range t.Rows {
		h.raw("<tr>")
		for i, c := range r {
			text := esc(c.Text)
			if c.Strong && c.Text != "" {
				text = "<strong>" + text + "</strong>"
			}
			if i == 0 {
				h.raw(`<th scope="row"` + right(i) + ">" + text + "</th>")
				continue
			}
			h.raw("<td" + right(i) + ">" + text + "</td>")
		}
		h.raw("</tr>\n")
	}
	h.raw("</tbody>\n</table>\n")
}

func multiline(s string) string {
	return strings.ReplaceAll(esc(s), "\n", "<br>\n")
}

func spans(ss []doc.Span) string {
	var b strings.Builder
	for _, s := range ss {
		t := multiline(s.Text)
		switch {
		case s.Strong && s.Em:
			t = "<strong><em>" + t + "</em></strong>"
		case s.Strong:
			t = "<strong>" + t + "</strong>"
		case s.Em:
			t = "<em>" + t + "</em>"
		}
		b.WriteString(t)
		if s.Break {
			b.WriteString("<br>\n")
		}
	}
	return b.String()
}
