// Package md writes a document tree as Markdown, for e-mail and intranets:
// the same content as the HTML and PDF versions, with the contents as a
// list of links to the sections' headings.
package md

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/beredning/beredning/data/doc"
)

// Write writes d as Markdown.
func Write(w io.Writer, d *doc.Doc) error {
	bw := bufio.NewWriter(w)
	m := &writer{w: bw}
	m.printf("# %s\n\n", escape(d.Title))
	m.blocks(d.Front, 2)
	if d.Labels.Contents != "" && len(d.Sections) > 0 {
		m.printf("## %s\n\n", escape(d.Labels.Contents))
		for _, s := range d.Sections {
			m.printf("- [%s](#%s)\n", escape(s.Heading()), s.ID)
			for _, c := range s.Children {
				m.printf("  - [%s](#%s)\n", escape(c.Heading()), c.ID)
			}
		}
		m.printf("\n")
	}
	m.sections(d, d.Sections, 2)
	if d.Footer != "" {
		m.printf("---\n\n%s\n", escape(d.Footer))
	}
	if m.err != nil {
		return m.err
	}
	return bw.Flush()
}

type writer struct {
	w   *bufio.Writer
	err error
}

func (m *writer) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

func (m *writer) sections(d *doc.Doc, ss []*doc.Section, level int) {
	for _, s := range ss {
		// An explicit anchor, so the contents' links work on every renderer
		// that allows HTML, and the ids match the HTML version's.
		m.printf("<a id=\"%s\"></a>\n\n%s %s\n\n", s.ID, strings.Repeat("#", min(level, 6)), escape(s.Heading()))
		if s.Marking != "" {
			m.printf("> **%s**\n\n", escape(s.Marking))
		}
		m.blocks(s.Blocks, level+1)
		if s.PDFPages > 0 && d.Labels.Attachment != "" {
			m.printf("*%s*\n\n", escape(fmt.Sprintf(d.Labels.Attachment, s.PDFPages)))
		}
		m.sections(d, s.Children, level+1)
	}
}

func (m *writer) blocks(bs []doc.Block, base int) {
	for _, b := range bs {
		switch b := b.(type) {
		case doc.Heading:
			m.printf("%s %s\n\n", strings.Repeat("#", min(base+b.Level-1, 6)), escape(b.Text))
		case doc.Paragraph:
			m.printf("%s\n\n", spans(b.Spans))
		case doc.List:
			for i, it := range b.Items {
				marker := "-"
				if b.Ordered {
					marker = fmt.Sprintf("%d.", b.Start+i)
				}
				m.printf("%s %s\n", marker, strings.ReplaceAll(spans(it), "\n", "\n   "))
			}
			m.printf("\n")
		case doc.Table:
			m.table(b)
		case doc.Fields:
			for i, f := range b.Rows {
				end := "  \n"
				if i == len(b.Rows)-1 {
					end = "\n"
				}
				m.printf("**%s:** %s%s", escape(f.Label), escape(f.Value), end)
			}
			m.printf("\n")
		case doc.Notice:
			m.printf("> %s\n\n", escape(b.Text))
		}
	}
}

func (m *writer) table(t doc.Table) {
	if t.Caption != "" {
		m.printf("*%s*\n\n", escape(t.Caption))
	}
	cols := len(t.Head)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	head := make([]string, cols)
	for i := range head {
		if i < len(t.Head) {
			head[i] = cell(t.Head[i])
		}
	}
	m.printf("| %s |\n", strings.Join(head, " | "))
	delim := make([]string, cols)
	for i := range delim {
		delim[i] = "---"
		if i < len(t.Right) && t.Right[i] {
			delim[i] = "---:"
		}
	}
	m.printf("| %s |\n", strings.Join(delim, " | "))
	for _, r := range t.Rows {
		row := make([]string, cols)
		for i := range row {
			if i < len(r) {
				row[i] = cell(r[i].Text)
				if r[i].Strong && r[i].Text != "" {
					row[i] = "**" + row[i] + "**"
				}
			}
		}
		m.printf("| %s |\n", strings.Join(row, " | "))
	}
	m.printf("\n")
}

func spans(ss []doc.Span) string {
	var b strings.Builder
	for _, s := range ss {
		t := escape(s.Text)
		lead := t[:len(t)-len(strings.TrimLeft(t, " "))]
		trail := t[len(strings.TrimRight(t, " ")):]
		core := strings.TrimSpace(t)
		switch {
		case core == "":
		case s.Strong && s.Em:
			core = "***" + core + "***"
		case s.Strong:
			core = "**" + core + "**"
		case s.Em:
			core = "*" + core + "*"
		}
		b.WriteString(lead + core + trail)
		if s.Break {
			b.WriteString("  \n")
		}
	}
	return b.String()
}

var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "[", `\[`, "]", `\]`)

// escape keeps text literal: Markdown's inline marks are escaped, and a
// line that would start a heading, quote or list does not.
func escape(s string) string {
	s = escaper.Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, ">") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ ") {
			lines[i] = `\` + l
		}
	}
	return strings.Join(lines, "\n")
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(escape(s), "|", `\|`), "\n", " ")
}
