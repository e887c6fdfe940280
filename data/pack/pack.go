// Package pack builds the committee's agenda pack (kallelse, föredragningslista
// and handlingar) and the chair's briefing as document trees (data/doc)
// from the store, always from the current data: the items and documents
// the secretary keeps, and the documents beredning writes itself (the
// monthly follow-up per area with the board's numbers, the units'
// narratives and the quality gaps side by side; the report of delegated
// decisions). The trees are written as Markdown, HTML or PDF by the
// writers under data/doc.
//
// Closed items (sluten del) are marked in the members' version; the public
// version keeps their number under the title "Ärende enligt sekretess" and
// carries none of their text, nor any secret document's.
package pack

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/doc/pdf"
	"github.com/beredning/beredning/data/lang"
)

// Options choose the pack's version and language.
type Options struct {
	Meeting string // YYYY-MM-DD
	Public  bool   // the version published on the web: no secret text
	Lang    lang.Lang
	Written time.Time // the date the generated documents name
}

// Build reads a meeting and builds its pack.
func Build(ctx context.Context, s *data.Store, opt Options) (*doc.Doc, error) {
	m, err := s.MeetingOn(ctx, opt.Meeting)
	if err != nil {
		return nil, err
	}
	muni, err := s.Municipality(ctx)
	if err != nil {
		return nil, err
	}
	l := opt.Lang
	committee := muni.Committee
	if committee == "" {
		committee = "Socialnämnden"
	}
	title := l.T("pack.title", committee, l.Date(m.Day()))
	if opt.Public {
		title = l.T("pack.title.public", committee, l.Date(m.Day()))
	}
	d := &doc.Doc{
		Lang:    l.Code(),
		Title:   title,
		Author:  committee + ", " + muni.Name,
		Subject: l.T("pack.subject"),
		Footer:  committee + " · " + m.Date,
		Labels: doc.Labels{Contents: l.T("pack.contents"), PageOf: l.T("pack.page_of"), Page: l.T("pack.page"),
			Attachment: l.T("pack.attachment")},
	}
	d.Front = cover(m, muni, committee, opt)
	gen := &generator{ctx: ctx, s: s, l: l, written: opt.Written, meeting: m.Date,
		briefing: m.BriefingInPack && !opt.Public}
	for i, it := range m.Items {
		sec, err := item(gen, i+1, it, opt)
		if err != nil {
			return nil, err
		}
		d.Sections = append(d.Sections, sec)
	}
	return d, nil
}

// cover is the kallelse: who meets, when and where, and the list of items.
func cover(m data.Meeting, muni data.Municipality, committee string, opt Options) []doc.Block {
	l := opt.Lang
	when := l.Date(m.Day())
	if m.Time != "" {
		when = l.T("pack.when", when, strings.Replace(m.Time, ":", ".", 1))
	}
	fields := doc.Fields{Rows: []doc.Field{
		{Label: l.T("pack.field.committee"), Value: committee},
		{Label: l.T("pack.field.municipality"), Value: muni.Name},
		{Label: l.T("pack.field.time"), Value: when},
		{Label: l.T("pack.field.place"), Value: m.Place},
	}}
	if m.NoticeDate != "" {
		fields.Rows = append(fields.Rows, doc.Field{Label: l.T("pack.field.notice"), Value: m.NoticeDate})
	}
	version := l.T("pack.version.members")
	if opt.Public {
		version = l.T("pack.version.public")
	}
	fields.Rows = append(fields.Rows, doc.Field{Label: l.T("pack.field.version"), Value: version})
	// Diarienummer and föredragande get columns only when some item has them.
	var withDnr, withPresenter bool
	for _, it := range m.Items {
		withDnr = withDnr || it.Diarienummer != ""
		withPresenter = withPresenter || it.Presenter != ""
	}
	t := doc.Table{Caption: l.T("pack.agenda"),
		Head:  []string{l.T("pack.col.number"), l.T("pack.col.paragraph"), l.T("pack.col.title")},
		Right: []bool{true, false, false}}
	if withDnr {
		t.Head = append(t.Head, l.T("pack.col.diarienummer"))
	}
	if withPresenter {
		t.Head = append(t.Head, l.T("pack.col.presenter"))
	}
	for i, it := range m.Items {
		title, dnr, presenter := it.Title, it.Diarienummer, it.Presenter
		if it.Closed && opt.Public {
			title, dnr = publicTitle(it, l), ""
		}
		row := []doc.Cell{{Text: fmt.Sprint(i + 1)}, {Text: paragraph(it)}, {Text: title}}
		if withDnr {
			row = append(row, doc.Cell{Text: dnr})
		}
		if withPresenter {
			row = append(row, doc.Cell{Text: presenter})
		}
		t.Rows = append(t.Rows, row)
	}
	return []doc.Block{fields, t}
}

func paragraph(it data.AgendaItem) string {
	if it.Paragraph == 0 {
		return ""
	}
	return fmt.Sprintf("§ %d", it.Paragraph)
}

func publicTitle(it data.AgendaItem, l lang.Lang) string {
	if t := strings.TrimSpace(it.PublicTitle); t != "" {
		return t
	}
	return l.T("pack.closed.title")
}

// item builds one agenda item with its documents.
func item(gen *generator, n int, it data.AgendaItem, opt Options) (*doc.Section, error) {
	l := opt.Lang
	number := fmt.Sprintf("%d.", n)
	if p := paragraph(it); p != "" {
		number += " " + p
	}
	id := fmt.Sprintf("arende-%d", n)
	if it.Closed && opt.Public {
		// Only the number and the public title: nothing of the item's own text.
		return &doc.Section{ID: id, Number: number, Title: publicTitle(it, l),
			Blocks: []doc.Block{doc.Notice{Text: l.T("pack.closed.public")}}}, nil
	}
	sec := &doc.Section{ID: id, Number: number, Title: it.Title}
	if it.Closed {
		sec.Marking = l.T("pack.closed.marking")
	}
	var fields doc.Fields
	if it.Diarienummer != "" {
		fields.Rows = append(fields.Rows, doc.Field{Label: l.T("pack.field.diarienummer"), Value: it.Diarienummer})
	}
	if it.Presenter != "" {
		fields.Rows = append(fields.Rows, doc.Field{Label: l.T("pack.field.presenter"), Value: it.Presenter})
	}
	if it.Kind != "" {
		fields.Rows = append(fields.Rows, doc.Field{Label: l.T("pack.field.kind"), Value: kindName(l, it.Kind)})
	}
	if it.Proposal != "" {
		fields.Rows = append(fields.Rows, doc.Field{Label: l.T("pack.field.proposal"), Value: it.Proposal})
	}
	if len(fields.Rows) > 0 {
		sec.Blocks = append(sec.Blocks, fields)
	}
	for j, d := range it.Documents {
		child := &doc.Section{ID: fmt.Sprintf("%s-handling-%d", id, j+1), Number: fmt.Sprintf("%d.%d", n, j+1), Title: d.Title}
		switch {
		case d.Secret && opt.Public:
			child.Title = l.T("pack.secret.title")
			child.Blocks = []doc.Block{doc.Notice{Text: l.T("pack.secret.public")}}
		default:
			if d.Secret || it.Closed {
				child.Marking = l.T("pack.closed.marking")
			}
			child.Blocks = doc.FromMarkdown(d.Body)
			if len(d.PDF) > 0 {
				pages, err := pdf.PageCount(d.PDF)
				if err != nil {
					return nil, &AttachmentError{Item: n, Document: d.Title}
				}
				child.PDF, child.PDFPages = d.PDF, pages
			}
		}
		sec.Children = append(sec.Children, child)
	}
	generated, err := gen.forItem(it, l)
	if err != nil {
		return nil, err
	}
	for _, g := range generated {
		g.ID = fmt.Sprintf("%s-handling-%d", id, len(sec.Children)+1)
		g.Number = fmt.Sprintf("%d.%d", n, len(sec.Children)+1)
		sec.Children = append(sec.Children, g)
	}
	if len(sec.Children) == 0 {
		sec.Blocks = append(sec.Blocks, doc.Paragraph{Spans: []doc.Span{{Text: l.T("pack.no_documents"), Em: true}}})
	}
	return sec, nil
}

func kindName(l lang.Lang, kind string) string {
	if lang.Has("pack.kind." + kind) {
		return l.T("pack.kind." + kind)
	}
	return kind
}

// AttachmentError names an item's document whose attached PDF cannot be read.
type AttachmentError struct {
	Item     int
	Document string
}

func (e *AttachmentError) Error() string {
	return fmt.Sprintf("item %d, document %q: attached PDF cannot be read", e.Item, e.Document)
}
