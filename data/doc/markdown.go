package doc

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// FromMarkdown parses a body written in Markdown (CommonMark with GitHub's
// tables) into blocks. Headings are made relative: the body's highest
// heading becomes level 1, and no heading is more than one level below the
// one before it, so a document's headings nest in order in any format.
// Raw HTML is dropped; links keep their text.
func FromMarkdown(src string) []Block {
	source := []byte(src)
	root := markdown.Parser().Parse(text.NewReader(source))
	p := &mdParser{src: source}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		p.block(n)
	}
	return relativeHeadings(p.out)
}

type mdParser struct {
	src []byte
	out []Block
}

// lineOf is the 1-based line of a byte offset in the source.
func (p *mdParser) lineOf(offset int) int {
	if offset < 0 || offset > len(p.src) {
		return 0
	}
	return bytes.Count(p.src[:offset], []byte{'\n'}) + 1
}

// firstLine finds the source line of a node from its first text segment.
func (p *mdParser) firstLine(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return p.lineOf(n.Lines().At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return p.lineOf(t.Segment.Start)
		}
		if l := p.firstLine(c); l > 0 {
			return l
		}
	}
	return 0
}

func (p *mdParser) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		p.out = append(p.out, Heading{Level: n.Level, Text: Plain(p.inline(n)), Line: p.firstLine(n)})
	case *ast.Paragraph, *ast.TextBlock:
		if spans := p.inline(n); len(spans) > 0 {
			p.out = append(p.out, Paragraph{Spans: spans, Line: p.firstLine(n)})
		}
	case *ast.List:
		l := List{Ordered: n.IsOrdered(), Start: n.Start, Line: p.firstLine(n)}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var spans []Span
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if len(spans) > 0 {
					spans[len(spans)-1].Break = true
				}
				if sub, ok := c.(*ast.List); ok {
					// A nested list flattens into its item's text, one line each.
					for si := sub.FirstChild(); si != nil; si = si.NextSibling() {
						if len(spans) > 0 {
							spans[len(spans)-1].Break = true
						}
						spans = append(spans, Span{Text: "– "})
						spans = append(spans, p.inline(si.FirstChild())...)
					}
					continue
				}
				spans = append(spans, p.inline(c)...)
			}
			l.Items = append(l.Items, spans)
		}
		p.out = append(p.out, l)
	case *east.Table:
		p.table(n)
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			p.block(c)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var spans []Span
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			spans = append(spans, Span{Text: strings.TrimRight(string(seg.Value(p.src)), "\n"), Break: i < lines.Len()-1})
		}
		if len(spans) > 0 {
			p.out = append(p.out, Paragraph{Spans: spans, Line: p.firstLine(n)})
		}
	case *ast.ThematicBreak, *ast.HTMLBlock:
		// Nothing a document needs: rules are layout, raw HTML is not trusted.
	default:
		if n.HasChildren() {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				p.block(c)
			}
		}
	}
}

func (p *mdParser) table(n *east.Table) {
	t := Table{Line: p.firstLine(n)}
	for _, a := range n.Alignments {
		t.Right = append(t.Right, a == east.AlignRight)
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []Cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			spans := p.inline(c)
			strong := len(spans) > 0
			for _, s := range spans {
				if !s.Strong && strings.TrimSpace(s.Text) != "" {
					strong = false
				}
			}
			cells = append(cells, Cell{Text: strings.TrimSpace(Plain(spans)), Strong: strong})
		}
		if _, head := row.(*east.TableHeader); head {
			for _, c := range cells {
				t.Head = append(t.Head, c.Text)
			}
			continue
		}
		t.Rows = append(t.Rows, cells)
	}
	p.out = append(p.out, t)
}

// inline flattens a block's inline children into styled spans.
func (p *mdParser) inline(n ast.Node) []Span {
	if n == nil {
		return nil
	}
	var out []Span
	var walk func(n ast.Node, strong, em bool)
	walk = func(n ast.Node, strong, em bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				out = appendSpan(out, Span{Text: literal(c.Segment.Value(p.src)), Strong: strong, Em: em})
				if c.HardLineBreak() {
					if len(out) > 0 {
						out[len(out)-1].Break = true
					}
				} else if c.SoftLineBreak() {
					out = appendSpan(out, Span{Text: " ", Strong: strong, Em: em})
				}
			case *ast.String:
				out = appendSpan(out, Span{Text: string(c.Value), Strong: strong, Em: em})
			case *ast.CodeSpan:
				var b strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.Write(tx.Segment.Value(p.src))
					}
				}
				out = appendSpan(out, Span{Text: b.String(), Strong: strong, Em: em})
			case *ast.Emphasis:
				walk(c, strong || c.Level >= 2, em || c.Level == 1)
			case *ast.AutoLink:
				out = appendSpan(out, Span{Text: string(c.URL(p.src)), Strong: strong, Em: em})
			case *ast.RawHTML:
				// dropped
			default:
				walk(c, strong, em)
			}
		}
	}
	walk(n, false, false)
	// A trailing break or space ends nothing.
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1].Text) == "" {
		out = out[:len(out)-1]
	}
	if len(out) > 0 {
		out[len(out)-1].Break = false
	}
	return out
}

// literal resolves what Markdown text segments keep as written:
// backslash escapes ("\_") and character references ("&amp;").
func literal(b []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b))))
}

// appendSpan joins a span to the previous one when their style is the same.
func appendSpan(out []Span, s Span) []Span {
	if s.Text == "" {
		return out
	}
	if k := len(out) - 1; k >= 0 && !out[k].Break && out[k].Strong == s.Strong && out[k].Em == s.Em {
		out[k].Text += s.Text
		return out
	}
	return append(out, s)
}

// relativeHeadings renumbers headings from 1 with no level skipped.
func relativeHeadings(blocks []Block) []Block {
	prev, first := 0, firstLevel(blocks)
	for i, b := range blocks {
		h, ok := b.(Heading)
		if !ok {
			continue
		}
		lvl := 1
		if prev != 0 {
			// Keep the source's step down or up, but never more than one down.
			lvl = max(min(h.Level-first+1, prev+1), 1)
		}
		h.Level = lvl
		prev = lvl
		blocks[i] = h
	}
	return blocks
}

func firstLevel(blocks []Block) int {
	for _, b := range blocks {
		if h, ok := b.(Heading); ok {
			return h.Level
		}
	}
	return 1
}
