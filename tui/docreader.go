package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc/pdf"
)

// docReader is one agenda document read, not edited: its Markdown body
// rendered by glamour as the narrative reader renders, scrolling in a
// viewport; an attached PDF is named with its pages. It is how a member
// reads the published agenda pack on the board. The document is read
// from the store in a command, through the store's actor, so a document a
// member may not read never reaches this screen.
type docReader struct {
	*app
	id     int64
	doc    data.AgendaDocumentRead
	pages  int // of an attached PDF; -1 when it cannot be read
	loaded bool
	err    error
	// rendered in Update (load, resize, theme), never in View
	body      []string
	bodyW     int
	bodyStyle string
	view      viewport.Model
	w, h      int
}

type docReadMsg struct {
	id    int64
	doc   data.AgendaDocumentRead
	pages int
	err   error
}

func newDocReader(a *app, id int64) *docReader {
	return &docReader{app: a, id: id, view: newViewport()}
}

func (r *docReader) load() tea.Cmd {
	ctx, st, id := r.ctx, r.store, r.id
	return func() tea.Msg {
		d, err := st.AgendaDocument(ctx, id)
		if err != nil {
			return docReadMsg{id: id, err: err}
		}
		pages := 0
		if len(d.Document.PDF) > 0 {
			if pages, err = pdf.PageCount(d.Document.PDF); err != nil {
				pages = -1
			}
		}
		return docReadMsg{id: id, doc: d, pages: pages}
	}
}

// loading tells the golden tests the document is still being read.
func (r *docReader) loading() bool { return !r.loaded }

func (r *docReader) Title() string { return r.l.T("board.docreader.title") }

func (r *docReader) Help() help.KeyMap {
	k := r.keys
	return bindings{
		short: []key.Binding{k.Back, k.Down, k.PageDown},
		full:  [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.PageUp, k.PageDown}, {k.Back, k.Help, k.Quit}},
	}
}

func (r *docReader) SetSize(w, h int) {
	r.w, r.h = w, h
	r.layout()
}

func (r *docReader) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return nil, nil
	case docReadMsg:
		if msg.id != r.id {
			return r, nil
		}
		r.doc, r.pages, r.err, r.loaded = msg.doc, msg.pages, msg.err, true
		r.body = nil
		r.layout()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, r.keys.Left):
			return nil, nil
		case key.Matches(msg, r.keys.Enter): // enter and space page on, as in less
			r.view.PageDown()
		default:
			scrollKey(&r.view, r.keys, msg)
		}
	case tea.MouseWheelMsg:
		scrollWheel(&r.view, wheelDelta(msg))
	case tea.BackgroundColorMsg:
		r.layout()
	}
	return r, nil
}

// header is the document's title and the item and meeting it belongs to.
func (r *docReader) header() []string {
	th, l := &r.theme, r.l
	if !r.loaded || r.err != nil {
		return []string{" " + th.Title.Paint(l.T("board.docreader.title")), ""}
	}
	d := r.doc
	title := clean(d.Document.Title)
	if d.Document.Secret {
		title += th.Subtle.Paint("  [" + l.T("board.agenda.secret") + "]")
	}
	return []string{" " + th.Title.Paint(title),
		" " + th.Subtle.Paint(l.T("board.docreader.of_item", clean(d.ItemTitle), l.Date(dayOf(d.Meeting)))), ""}
}

// lines is what scrolls: the rendered body, or what stands for it.
func (r *docReader) lines(w int) []string {
	th, l := &r.theme, r.l
	say := func(s string) []string {
		var out []string
		for _, line := range wrapLines(s, max(w-2, 1), 4) {
			out = append(out, " "+th.Faint.Paint(line))
		}
		return out
	}
	switch {
	case !r.loaded:
		return say(l.T("board.loading"))
	case errors.Is(r.err, data.ErrNoDocument):
		return say(l.T("board.docreader.missing"))
	case r.err != nil:
		return say(l.T("board.error", clean(r.err.Error())))
	}
	var out []string
	switch {
	case r.pages > 0:
		out = append(out, say(l.N(r.pages, "board.docreader.pdf", r.pages))...)
	case r.pages < 0:
		out = append(out, say(l.T("board.docreader.pdf_bad"))...)
	}
	if strings.TrimSpace(r.doc.Document.Body) != "" {
		if len(out) > 0 {
			out = append(out, "")
		}
		if r.bodyW != w || r.bodyStyle != r.theme.Markdown || r.body == nil {
			r.body = markdown(r.doc.Document.Body, r.theme.Markdown, w)
			r.bodyW, r.bodyStyle = w, r.theme.Markdown
		}
		out = append(out, r.body...)
	} else if r.pages == 0 {
		out = append(out, say(l.T("board.docreader.empty"))...)
	}
	return out
}

// docMaxText is wider than a narrative's measure: a tjänsteskrivelse
// carries tables of eight columns, which wrap into unreadable cells at
// the prose measure.
const docMaxText = 140

// layout renders the body for the width (a readable measure at most) and
// fills the viewport.
func (r *docReader) layout() {
	if r.w <= 0 {
		return
	}
	textW := min(r.w, docMaxText)
	r.view.SetWidth(r.w)
	r.view.SetHeight(max(r.h-len(r.header()), 1))
	r.view.SetContentLines(r.lines(textW))
}

func (r *docReader) View(w, h int) string {
	lines := r.header()
	if r.w > 0 {
		lines = append(lines, strings.Split(r.view.View(), "\n")...)
	}
	return block(lines, w, h)
}
