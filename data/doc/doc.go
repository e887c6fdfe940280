// Package doc is the neutral document tree that beredning writes out: a
// titled document of numbered sections (an agenda item, a document of an
// item, an area of a briefing), each holding blocks (headings, paragraphs,
// lists, tables, labelled fields). The packages md, html and pdf under it
// write one tree three ways, so the agenda pack and the chair's briefing
// say the same thing in every format.
//
// Bodies arrive as Markdown (the documents' own text, and the generated
// follow-ups, which are written as Markdown too) and are parsed by
// FromMarkdown; every block keeps the line of its source, so a check can
// name where a personnummer stands.
package doc

// Doc is one document: its title is the only top-level heading.
type Doc struct {
	Lang     string // BCP 47 code of the labels: "sv" or "en"
	Title    string
	Author   string
	Subject  string
	Footer   string // running footer before the page number: "Socialnämnden · 2026-11-26"
	Labels   Labels
	Front    []Block // under the title, before the table of contents
	Sections []*Section
}

// Labels are the words the writers add themselves, in the document's language.
type Labels struct {
	Contents   string // heading of the table of contents; empty: no contents
	PageOf     string // footer page label with two %d verbs: "sida %d av %d"
	Page       string // column head of the contents' page numbers: "Sida"
	Attachment string // where an attached PDF stands in formats that cannot hold it, %d pages
}

// Section is a numbered part: an agenda item, a document, an area.
type Section struct {
	ID       string // anchor, unique in the document
	Number   string // shown before the title: "1", "§ 151"; may be empty
	Title    string
	Marking  string // a marking shown under the title and on every page: sluten del
	Blocks   []Block
	PDF      []byte // an attached PDF, merged page by page where the format can
	PDFPages int    // its page count, for the formats that only mention it
	Children []*Section
}

// Heading text as the writers show it: number and title.
func (s *Section) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + " " + s.Title
}

// Block is a paragraph, heading, list, table, field list or notice.
type Block interface{ isBlock() }

// Span is a run of text in one style. Break ends the line after it.
type Span struct {
	Text   string
	Strong bool
	Em     bool
	Break  bool
}

// Heading inside a section; Level 1 is the highest within the section.
type Heading struct {
	Level int
	Text  string
	Line  int
}

// Paragraph is running text.
type Paragraph struct {
	Spans []Span
	Line  int
}

// List is a bulleted or numbered list of one-paragraph items.
type List struct {
	Ordered bool
	Start   int
	Items   [][]Span
	Line    int
}

// Cell is one table cell.
type Cell struct {
	Text   string
	Strong bool
}

// Table is a table whose first column names each row.
type Table struct {
	Caption string
	Head    []string
	Right   []bool // per column: right-aligned (figures)
	Rows    [][]Cell
	Line    int
}

// Fields is a list of labelled values: Tid, Plats, Förslag till beslut.
type Fields struct {
	Rows []Field
}

// Field is one label and its value.
type Field struct {
	Label, Value string
}

// Notice is a marked statement: a closed document's secrecy, a missing figure.
type Notice struct {
	Text string
}

func (Heading) isBlock()   {}
func (Paragraph) isBlock() {}
func (List) isBlock()      {}
func (Table) isBlock()     {}
func (Fields) isBlock()    {}
func (Notice) isBlock()    {}

// Plain joins spans to text without styling.
func Plain(spans []Span) string {
	n := 0
	for _, s := range spans {
		n += len(s.Text) + 1
	}
	b := make([]byte, 0, n)
	for _, s := range spans {
		b = append(b, s.Text...)
		if s.Break {
			b = append(b, '\n')
		}
	}
	return string(b)
}

// Text is one piece of a document's text and where it stands: the section
// (nil for the title and front matter) and the source line (0 when the
// text has no source line, such as a title).
type Text struct {
	Section *Section
	Line    int
	Text    string
}

// Texts lists every piece of text the document holds, in reading order,
// for checks that must see all of it (the personnummer check).
func (d *Doc) Texts() []Text {
	var out []Text
	add := func(s *Section, line int, t string) {
		if t != "" {
			out = append(out, Text{Section: s, Line: line, Text: t})
		}
	}
	add(nil, 0, d.Title)
	add(nil, 0, d.Author)
	add(nil, 0, d.Subject)
	add(nil, 0, d.Footer)
	blockTexts(nil, d.Front, add)
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			add(s, 0, s.Number)
			add(s, 0, s.Title)
			add(s, 0, s.Marking)
			blockTexts(s, s.Blocks, add)
			walk(s.Children)
		}
	}
	walk(d.Sections)
	return out
}

func blockTexts(s *Section, blocks []Block, add func(*Section, int, string)) {
	for _, b := range blocks {
		switch b := b.(type) {
		case Heading:
			add(s, b.Line, b.Text)
		case Paragraph:
			// One text per source line, so a finding names its line.
			line := b.Line
			var cur []Span
			for _, sp := range b.Spans {
				cur = append(cur, sp)
				if sp.Break {
					add(s, line, Plain(cur))
					cur, line = nil, lineAfter(line)
				}
			}
			add(s, line, Plain(cur))
		case List:
			for i, it := range b.Items {
				add(s, lineAt(b.Line, i), Plain(it))
			}
		case Table:
			add(s, b.Line, b.Caption)
			for _, h := range b.Head {
				add(s, b.Line, h)
			}
			for i, r := range b.Rows {
				for _, c := range r {
					// Markdown tables: header, delimiter row, then the rows.
					add(s, lineAt(b.Line, i+2), c.Text)
				}
			}
		case Fields:
			for _, f := range b.Rows {
				add(s, 0, f.Label)
				add(s, 0, f.Value)
			}
		case Notice:
			add(s, 0, b.Text)
		}
	}
}

func lineAfter(line int) int {
	if line == 0 {
		return 0
	}
	return line + 1
}

func lineAt(first, offset int) int {
	if first == 0 {
		return 0
	}
	return first + offset
}

// MapText replaces every piece of text in the document by f's result
// (masking, for one).
func (d *Doc) MapText(f func(string) string) {
	d.Title, d.Author, d.Subject, d.Footer = f(d.Title), f(d.Author), f(d.Subject), f(d.Footer)
	d.Front = mapBlocks(d.Front, f)
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			s.Number, s.Title, s.Marking = f(s.Number), f(s.Title), f(s.Marking)
			s.Blocks = mapBlocks(s.Blocks, f)
			walk(s.Children)
		}
	}
	walk(d.Sections)
}

func mapSpans(spans []Span, f func(string) string) []Span {
	out := make([]Span, len(spans))
	for i, sp := range spans {
		sp.Text = f(sp.Text)
		out[i] = sp
	}
	return out
}

func mapBlocks(blocks []Block, f func(string) string) []Block {
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		switch b := b.(type) {
		case Heading:
			b.Text = f(b.Text)
			out[i] = b
		case Paragraph:
			b.Spans = mapSpans(b.Spans, f)
			out[i] = b
		case List:
			items := make([][]Span, len(b.Items))
			for j, it := range b.Items {
				items[j] = mapSpans(it, f)
			}
			b.Items = items
			out[i] = b
		case Table:
			b.Caption = f(b.Caption)
			head := make([]string, len(b.Head))
			for j, h := range b.Head {
				head[j] = f(h)
			}
			b.Head = head
			rows := make([][]Cell, len(b.Rows))
			for j, r := range b.Rows {
				row := make([]Cell, len(r))
				for k, c := range r {
					c.Text = f(c.Text)
					row[k] = c
				}
				rows[j] = row
			}
			b.Rows = rows
			out[i] = b
		case Fields:
			rows := make([]Field, len(b.Rows))
			for j, r := range b.Rows {
				rows[j] = Field{Label: f(r.Label), Value: f(r.Value)}
			}
			b.Rows = rows
			out[i] = b
		case Notice:
			b.Text = f(b.Text)
			out[i] = b
		default:
			out[i] = b
		}
	}
	return out
}
