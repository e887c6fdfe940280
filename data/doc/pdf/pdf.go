// Package pdf writes a document tree as a PDF with github.com/signintech/gopdf:
// A4 pages, the Go fonts embedded (they cover Swedish), the front matter on
// the first page, the contents with page numbers and links on the next,
// then every top-level section from a new page; attached PDFs merged page
// by page; a footer "Socialnämnden · 2026-11-26 · sida 7 av 42" on every
// page, a section's marking (sluten del) at the top of each of its pages;
// bookmarks per section and subsection, and title, author and language in
// the document's information and catalogue.
//
// The layout runs twice: a first pass without drawing counts the pages and
// finds where each section starts, so the contents and the footers can name
// page numbers that are only known at the end.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/beredning/beredning/data/doc"
)

// Options are what a caller may set beyond the document.
type Options struct {
	// Created is the creation date in the document's information; zero
	// leaves it out, so the same document gives the same bytes.
	Created time.Time
}

// ErrAttachment is returned when an attached PDF cannot be read.
var ErrAttachment = errors.New("attached PDF cannot be read")

// AttachmentError names the section whose attached PDF cannot be read.
type AttachmentError struct{ Section string }

func (e *AttachmentError) Error() string { return ErrAttachment.Error() + ": " + e.Section }
func (e *AttachmentError) Unwrap() error { return ErrAttachment }

// Page geometry in points (A4).
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 62.0
	marginTop    = 64.0
	marginBottom = 72.0
	contentW     = pageW - 2*marginX
	bodySize     = 10.5
	bodyLead     = 14.5
	smallSize    = 8.5
	tableSize    = 9.0
	tableLead    = 12.0
)

// Font families registered with gopdf, one per style.
const (
	fontRegular    = "go"
	fontBold       = "go-bold"
	fontItalic     = "go-italic"
	fontBoldItalic = "go-bolditalic"
)

// PageCount counts the pages of an attached PDF. The file is checked with
// a second, stricter reader (ledongthuc/pdf) first: gofpdi, which merges
// the pages, can loop forever on a file that is not a PDF at all.
func PageCount(b []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, ErrAttachment
		}
	}()
	r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return 0, ErrAttachment
	}
	if n = r.NumPage(); n == 0 {
		return 0, ErrAttachment
	}
	return n, nil
}

// attachedPages counts an attachment's pages as both readers see them.
func attachedPages(gp *gopdf.GoPdf, b []byte) (n int, err error) {
	if n, err = PageCount(b); err != nil {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, ErrAttachment
		}
	}()
	rs := io.ReadSeeker(bytes.NewReader(b))
	if sizes := gp.GetStreamPageSizes(&rs); len(sizes) != n {
		return 0, ErrAttachment
	}
	return n, nil
}

// Write writes d as a PDF.
func Write(w io.Writer, d *doc.Doc, opt Options) error {
	// Pass 1: layout only, to learn page numbers.
	first := newRenderer(d, true)
	if err := first.start(); err != nil {
		return err
	}
	if err := first.document(); err != nil {
		return err
	}
	// Pass 2: draw, with the page numbers now known.
	r := newRenderer(d, false)
	r.total = first.page
	r.starts = first.starts
	if err := r.start(); err != nil {
		return err
	}
	r.gp.SetInfo(gopdf.PdfInfo{Title: d.Title, Author: d.Author, Subject: d.Subject, Creator: "beredning", Producer: "beredning (gopdf)", CreationDate: opt.Created})
	if err := r.document(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := r.gp.WriteTo(&buf); err != nil {
		return err
	}
	out, err := appendCatalogue(buf.Bytes(), d.Lang, r.outline)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

type outlineEntry struct {
	title string
	level int // 0 for top-level sections
	page  int // 1-based
	y     float64
}

type renderer struct {
	d       *doc.Doc
	gp      *gopdf.GoPdf
	dry     bool
	page    int
	total   int
	y       float64
	marking string
	starts  map[*doc.Section]int
	outline []outlineEntry
	widths  map[widthKey]float64
	style   int // the font style last set, -1 when none
	size    float64
}

type widthKey struct {
	style int
	size  float64
	text  string
}

func newRenderer(d *doc.Doc, dry bool) *renderer {
	return &renderer{d: d, gp: &gopdf.GoPdf{}, dry: dry, starts: map[*doc.Section]int{}, widths: map[widthKey]float64{}, style: -1}
}

func (r *renderer) start() error {
	r.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	for _, f := range []struct {
		name string
		ttf  []byte
	}{{fontRegular, goregular.TTF}, {fontBold, gobold.TTF}, {fontItalic, goitalic.TTF}, {fontBoldItalic, gobolditalic.TTF}} {
		if err := r.gp.AddTTFFontData(f.name, f.ttf); err != nil {
			return err
		}
	}
	return nil
}

// Font styles as bit flags.
const (
	styleBold = 1 << iota
	styleItalic
)

func spanStyle(s doc.Span) int {
	st := 0
	if s.Strong {
		st |= styleBold
	}
	if s.Em {
		st |= styleItalic
	}
	return st
}

func (r *renderer) setFont(style int, size float64) {
	if style == r.style && size == r.size {
		return
	}
	name := fontRegular
	switch style {
	case styleBold:
		name = fontBold
	case styleItalic:
		name = fontItalic
	case styleBold | styleItalic:
		name = fontBoldItalic
	}
	// The fonts are registered in start; SetFont cannot fail for them.
	_ = r.gp.SetFont(name, "", size)
	r.style, r.size = style, size
}

func (r *renderer) width(style int, size float64, text string) float64 {
	k := widthKey{style, size, text}
	if w, ok := r.widths[k]; ok {
		return w
	}
	r.setFont(style, size)
	w, err := r.gp.MeasureTextWidth(text)
	if err != nil {
		w = float64(len(text)) * size / 2
	}
	r.widths[k] = w
	return w
}

// text draws one run with its top-left corner at x, y.
func (r *renderer) text(x, y float64, style int, size float64, s string) {
	if r.dry || s == "" {
		return
	}
	r.setFont(style, size)
	r.gp.SetXY(x, y)
	_ = r.gp.Cell(nil, s)
}

func (r *renderer) newPage() {
	r.page++
	r.y = marginTop
	if r.dry {
		return
	}
	r.gp.AddPage()
	r.decorate()
}

// decorate draws the footer and the marking on the current page.
func (r *renderer) decorate() {
	footer := r.d.Footer
	if r.d.Labels.PageOf != "" {
		label := fmt.Sprintf(r.d.Labels.PageOf, r.page, r.total)
		if footer != "" {
			footer += " · "
		}
		footer += label
	}
	r.gp.SetStrokeColor(118, 118, 118)
	r.gp.SetLineWidth(0.5)
	r.gp.Line(marginX, pageH-marginBottom+24, pageW-marginX, pageH-marginBottom+24)
	r.gp.SetTextColor(60, 60, 60)
	r.text(marginX, pageH-marginBottom+30, 0, smallSize, footer)
	if r.marking != "" {
		r.gp.SetTextColor(0, 0, 0)
		r.text(marginX, 30, styleBold, smallSize, r.marking)
		r.gp.Line(marginX, 44, pageW-marginX, 44)
	}
	r.gp.SetTextColor(26, 26, 26)
}

// ensure starts a new page unless h more points fit on this one.
func (r *renderer) ensure(h float64) {
	if r.page == 0 || r.y+h > pageH-marginBottom {
		r.newPage()
	}
}

func (r *renderer) document() error {
	d := r.d
	r.newPage()
	r.y = marginTop + 40
	r.heading(d.Title, 22, 30)
	r.y += 6
	r.blocks(d.Front, 1)
	if d.Labels.Contents != "" && len(d.Sections) > 0 {
		r.newPage()
		r.contents()
	}
	for _, s := range d.Sections {
		if err := r.section(s, 0); err != nil {
			return err
		}
	}
	return nil
}

// contents lists the sections with their page numbers and links.
func (r *renderer) contents() {
	r.heading(r.d.Labels.Contents, 15, 20)
	r.y += 4
	numW := 36.0
	for _, s := range r.d.Sections {
		r.contentsLine(s, 0, numW)
		for _, c := range s.Children {
			r.contentsLine(c, 14, numW)
		}
	}
}

func (r *renderer) contentsLine(s *doc.Section, indent, numW float64) {
	style, size := styleBold, bodySize
	if indent > 0 {
		style, size = 0, 9.5
	}
	lines := r.wrap([]doc.Span{{Text: s.Heading(), Strong: indent == 0}}, contentW-indent-numW, size)
	h := float64(len(lines)) * bodyLead
	r.ensure(h + 2)
	top := r.y
	r.drawLines(lines, marginX+indent, size, bodyLead)
	if p := r.starts[s]; p > 0 {
		num := fmt.Sprint(p)
		r.text(pageW-marginX-r.width(style, size, num), top+h-bodyLead, style, size, num)
	}
	if !r.dry {
		r.gp.AddInternalLink(s.ID, marginX+indent, top, contentW-indent, h)
	}
	r.y += 2
}

func (r *renderer) section(s *doc.Section, depth int) error {
	prevMarking := r.marking
	if s.Marking != "" {
		r.marking = s.Marking
	}
	defer func() { r.marking = prevMarking }()
	size, lead := 15.0, 20.0
	if depth == 0 {
		r.newPage()
	} else {
		size, lead = 12.5, 17.0
		r.ensure(lead + 3*bodyLead)
		r.y += 8
	}
	r.starts[s] = r.page
	r.outline = append(r.outline, outlineEntry{title: s.Heading(), level: depth, page: r.page, y: r.y})
	if !r.dry {
		r.gp.SetXY(marginX, r.y)
		r.gp.SetAnchor(s.ID)
	}
	r.heading(s.Heading(), size, lead)
	if s.Marking != "" {
		r.notice(s.Marking, true)
	}
	r.blocks(s.Blocks, depth+2)
	if len(s.PDF) > 0 {
		if err := r.attach(s); err != nil {
			return err
		}
	}
	for _, c := range s.Children {
		if err := r.section(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// attach merges an attached PDF's pages, each scaled to fit A4, with the
// footer (and marking) over them.
func (r *renderer) attach(s *doc.Section) (err error) {
	n, err := attachedPages(r.gp, s.PDF)
	if err != nil {
		return &AttachmentError{Section: s.Heading()}
	}
	if r.dry {
		r.page += n
		r.y = pageH // the next block starts a new page
		return nil
	}
	defer func() {
		if rec := recover(); rec != nil {
			err = &AttachmentError{Section: s.Heading()}
		}
	}()
	rs := io.ReadSeeker(bytes.NewReader(s.PDF))
	sizes := r.gp.GetStreamPageSizes(&rs)
	for i := 1; i <= n; i++ {
		tpl := r.gp.ImportPageStream(&rs, i, "/MediaBox")
		r.page++
		r.gp.AddPage()
		w, h := sizes[i]["/MediaBox"]["w"], sizes[i]["/MediaBox"]["h"]
		if w <= 0 || h <= 0 {
			w, h = pageW, pageH
		}
		// Leave room for the footer and marking: scale into the margins' frame.
		availH := pageH - 40 - 52
		scale := min(pageW/w, availH/h)
		dw, dh := w*scale, h*scale
		r.gp.UseImportedTemplate(tpl, (pageW-dw)/2, 46+(availH-dh)/2, dw, dh)
		r.decorate()
	}
	r.y = pageH
	return nil
}
