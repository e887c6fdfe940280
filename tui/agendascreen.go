package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/doc/pdf"
	"github.com/beredning/beredning/data/pack"
)

// agendaScreen is one meeting's föredragningslista: the kallelse check's
// warnings, then each item (number, §, title, kind, diarienummer,
// föredragande, closed mark) with its documents under it. a adds an item,
// d a document to the item under the cursor (its text written in the form
// or read from a Markdown file; a PDF file is attached as it is), enter
// edits, K/J move, x removes (pressed twice), n gives the § numbers. v
// reads the document under the cursor (docreader.go); for a role that
// may not edit, enter reads it too.
type agendaScreen struct {
	*app
	keys     keyMap // the app's, without the edits the user's role may not make
	date     string
	meeting  data.Meeting
	problems []pack.CheckProblem
	loaded   bool
	cursor   int // over rows()
	offset   int
	w, h     int

	form     *form
	formKind int    // what the form edits: formItem, formDocument
	formItem int64  // the item (new document's, or edited)
	formDoc  int64  // the document edited; 0 for a new one
	removing int    // the row x was pressed on once, +1 (0: none)
	pdf      []byte // the edited document's attached PDF, kept unless a file replaces it
}

const (
	formItem = iota
	formDocument
)

// agendaRow is a line of the list: an item, or one of its documents.
type agendaRow struct {
	item int // index into meeting.Items
	doc  int // index into its documents; -1 for the item itself
}

type agendaMsg struct {
	meeting  data.Meeting
	problems []pack.CheckProblem
	keepItem int64 // put the cursor on this item (or document)
	keepDoc  int64
	notice   string
	err      error
}

// agendaClosedMsg tells the meetings list to read the meetings again.
type agendaClosedMsg struct{}

func newAgendaScreen(a *app, date string) *agendaScreen {
	return &agendaScreen{app: a, date: date, keys: a.keysFor(data.ActMeetings)}
}

// loading tells the golden tests the agenda is still being read.
func (s *agendaScreen) loading() bool { return !s.loaded }

func (s *agendaScreen) Title() string { return s.l.T("board.agenda.title", s.date) }

func (s *agendaScreen) SetSize(w, h int) { s.w, s.h = w, h }

func (s *agendaScreen) load() tea.Cmd { return s.run(0, 0, nil) }

// run changes the store (when change is given), then reads the meeting
// and its check again.
func (s *agendaScreen) run(keepItem, keepDoc int64, change func(context.Context, *data.Store) (string, error)) tea.Cmd {
	return s.runKeeping(&agendaKeep{keepItem, keepDoc}, change)
}

// agendaKeep is the row the cursor goes to after a change; an add fills
// it in with the new row's id.
type agendaKeep struct{ item, doc int64 }

func (s *agendaScreen) runKeeping(keep *agendaKeep, change func(context.Context, *data.Store) (string, error)) tea.Cmd {
	ctx, st, date := s.ctx, s.store, s.date
	return func() tea.Msg {
		var notice string
		if change != nil {
			var err error
			if notice, err = change(ctx, st); err != nil {
				return agendaMsg{err: err}
			}
		}
		m, err := st.MeetingOn(ctx, date)
		if err != nil {
			return agendaMsg{err: err}
		}
		var problems []pack.CheckProblem
		if st.Actor().May(data.ActMeetings) {
			// the kallelse check is the secretary's; a member's agenda
			// lacks the closed part, which the check would count as missing
			problems, err = pack.CheckMeeting(ctx, st, date)
		}
		return agendaMsg{meeting: m, problems: problems, keepItem: keep.item, keepDoc: keep.doc, notice: notice, err: err}
	}
}

func (s *agendaScreen) Help() help.KeyMap {
	k := s.keys
	if s.form != nil {
		return bindings{short: s.form.footerKeys(), full: [][]key.Binding{s.form.footerKeys()}}
	}
	return bindings{
		short: []key.Binding{k.ViewDocument, k.Add, k.AddDocument, k.Edit, k.MoveUp, k.MoveDown, k.Remove, k.Number, k.Back},
		full: [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.ViewDocument, k.Add, k.AddDocument, k.Edit, k.Remove},
			{k.MoveUp, k.MoveDown, k.Number}, {k.Back, k.Help, k.Quit}},
	}
}

func (s *agendaScreen) Typing() bool { return s.form != nil }

func (s *agendaScreen) FooterLine(w int) string {
	hm := help.New()
	hm.Styles = s.theme.Help
	return trunc(" "+hm.ShortHelpView(s.form.footerKeys()), w)
}

func (s *agendaScreen) rows() []agendaRow {
	var out []agendaRow
	for i, it := range s.meeting.Items {
		out = append(out, agendaRow{item: i, doc: -1})
		for j := range it.Documents {
			out = append(out, agendaRow{item: i, doc: j})
		}
	}
	return out
}

func (s *agendaScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case agendaMsg:
		if msg.err != nil {
			s.notice = s.errorText(msg.err)
			return s, nil
		}
		s.meeting, s.problems, s.loaded = msg.meeting, msg.problems, true
		if msg.notice != "" {
			s.notice = msg.notice
		}
		for i, r := range s.rows() {
			it := s.meeting.Items[r.item]
			if (r.doc < 0 && it.ID == msg.keepItem && msg.keepDoc == 0) || (r.doc >= 0 && it.Documents[r.doc].ID == msg.keepDoc && msg.keepDoc != 0) {
				s.cursor = i
			}
		}
		s.cursor = clamp(s.cursor, 0, max(len(s.rows())-1, 0))
	case backMsg:
		if s.form != nil {
			s.form = nil
			return s, nil
		}
		return nil, func() tea.Msg { return agendaClosedMsg{} }
	case tea.KeyPressMsg, tea.PasteMsg:
		if s.form != nil {
			return s, s.updateForm(msg)
		}
		if kp, ok := msg.(tea.KeyPressMsg); ok {
			return s.key(kp)
		}
	}
	return s, nil
}

// errorText says what went wrong in the user's language.
func (s *agendaScreen) errorText(err error) string {
	l := s.l
	var nerr *data.NumberingError
	switch {
	case errors.As(err, &nerr):
		p := nerr.Problems[0]
		return l.T("board.agenda.number_refused", len(nerr.Problems), p.Meeting, p.Ordinal, clean(p.Title), p.Paragraph, p.Expected)
	case errors.Is(err, errNotPDF):
		return l.T("board.agenda.not_pdf")
	case errors.Is(err, os.ErrNotExist):
		return l.T("board.agenda.no_file")
	}
	return l.T("board.error", clean(err.Error()))
}

func (s *agendaScreen) key(msg tea.KeyPressMsg) (Screen, tea.Cmd) {
	k := s.keys
	rows := s.rows()
	var row *agendaRow
	if len(rows) > 0 {
		row = &rows[clamp(s.cursor, 0, len(rows)-1)]
	}
	removing := s.removing
	s.removing = 0
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, k.Down):
		s.cursor = min(s.cursor+1, max(len(rows)-1, 0))
	case key.Matches(msg, k.Top):
		s.cursor = 0
	case key.Matches(msg, k.Bottom):
		s.cursor = max(len(rows)-1, 0)
	case key.Matches(msg, k.Number):
		date := s.date
		return s, s.run(0, 0, func(ctx context.Context, st *data.Store) (string, error) {
			res, err := st.NumberMeeting(ctx, date)
			if err != nil {
				return "", err
			}
			if res.Last == 0 || !res.Changed {
				return s.l.T("board.agenda.numbered_already"), nil
			}
			return s.l.T("board.agenda.numbered", res.First, res.Last), nil
		})
	case key.Matches(msg, k.Add):
		s.openItemForm(nil)
		return s, s.form.start()
	case row == nil:
	case key.Matches(msg, k.ViewDocument) && row.doc >= 0:
		r := newDocReader(s.app, s.meeting.Items[row.item].Documents[row.doc].ID)
		return r, r.load()
	case key.Matches(msg, k.AddDocument):
		s.openDocForm(s.meeting.Items[row.item].ID, nil)
		return s, s.form.start()
	case key.Matches(msg, k.Edit):
		it := &s.meeting.Items[row.item]
		if row.doc < 0 {
			s.openItemForm(it)
		} else {
			s.openDocForm(it.ID, &it.Documents[row.doc])
		}
		return s, s.form.start()
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		d := -1
		if key.Matches(msg, k.MoveDown) {
			d = 1
		}
		it := s.meeting.Items[row.item]
		if row.doc < 0 {
			return s, s.run(it.ID, 0, func(ctx context.Context, st *data.Store) (string, error) { return "", st.MoveAgendaItem(ctx, it.ID, d) })
		}
		id := it.Documents[row.doc].ID
		return s, s.run(0, id, func(ctx context.Context, st *data.Store) (string, error) {
			return "", st.MoveAgendaDocument(ctx, id, d)
		})
	case key.Matches(msg, k.Remove):
		if removing != s.cursor+1 {
			s.removing = s.cursor + 1
			s.notice = s.l.T("board.agenda.remove_again")
			return s, nil
		}
		it := s.meeting.Items[row.item]
		if row.doc < 0 {
			return s, s.run(0, 0, func(ctx context.Context, st *data.Store) (string, error) {
				return s.l.T("board.agenda.removed", clean(it.Title)), st.RemoveAgendaItem(ctx, it.ID)
			})
		}
		d := it.Documents[row.doc]
		return s, s.run(it.ID, 0, func(ctx context.Context, st *data.Store) (string, error) {
			return s.l.T("board.agenda.removed", clean(d.Title)), st.RemoveAgendaDocument(ctx, d.ID)
		})
	}
	return s, nil
}

// itemKinds are the kinds an item may have.
var itemKinds = []string{"arende", "information", "delegationsbeslut", "uppfoljning"}

func (s *agendaScreen) openItemForm(it *data.AgendaItem) {
	l := s.l
	var v data.AgendaItem
	title := l.T("board.agenda.form.new_item")
	s.formItem = 0
	if it != nil {
		v, title, s.formItem = *it, l.T("board.agenda.form.edit_item", clean(it.Title)), it.ID
	}
	period := ""
	if !v.Period.IsZero() {
		period = v.Period.String()
	}
	if v.Kind == "" {
		v.Kind = "arende"
	}
	s.formKind = formItem
	s.form = newForm(s.app, title).
		addLine(l.T("board.agenda.field.title"), v.Title).
		addLine(l.T("board.agenda.field.kind", strings.Join(itemKinds, ", ")), v.Kind).
		addText(l.T("board.agenda.field.proposal"), v.Proposal).
		addLine(l.T("board.agenda.field.diarienummer"), v.Diarienummer).
		addLine(l.T("board.agenda.field.presenter"), v.Presenter).
		addLine(l.T("board.agenda.field.period"), period).
		addToggle(l.T("board.agenda.field.closed"), v.Closed).
		addLine(l.T("board.agenda.field.public_title"), v.PublicTitle)
}

func (s *agendaScreen) openDocForm(itemID int64, d *data.AgendaDocument) {
	l := s.l
	var v data.AgendaDocument
	title := l.T("board.agenda.form.new_document")
	s.formDoc = 0
	if d != nil {
		v, title, s.formDoc = *d, l.T("board.agenda.form.edit_document", clean(d.Title)), d.ID
	}
	s.formKind, s.formItem = formDocument, itemID
	file := l.T("board.agenda.field.file")
	if len(v.PDF) > 0 {
		file = l.T("board.agenda.field.file_attached", len(v.PDF)/1024+1)
	}
	s.form = newForm(s.app, title).
		addLine(l.T("board.agenda.field.doc_title"), v.Title).
		addToggle(l.T("board.agenda.field.secret"), v.Secret).
		addText(l.T("board.agenda.field.body"), v.Body).
		addLine(file, "")
	s.pdf = v.PDF
}

func (s *agendaScreen) updateForm(msg tea.Msg) tea.Cmd {
	res, cmd := s.form.Update(msg)
	switch res {
	case formCancelled:
		s.form = nil
	case formSaved:
		if s.formKind == formItem {
			return s.saveItem()
		}
		return s.saveDocument()
	}
	return cmd
}

func (s *agendaScreen) saveItem() tea.Cmd {
	f, l := s.form, s.l
	it := data.AgendaItem{ID: s.formItem, Title: f.value(0), Kind: f.value(1), Proposal: f.value(2), Diarienummer: f.value(3),
		Presenter: f.value(4), Closed: f.toggled(6), PublicTitle: f.value(7)}
	switch {
	case it.Title == "":
		f.err = l.T("board.agenda.err.title")
		return nil
	case !slices.Contains(itemKinds, it.Kind):
		f.err = l.T("board.agenda.err.kind", it.Kind, strings.Join(itemKinds, ", "))
		return nil
	}
	if p := f.value(5); p != "" {
		period, err := data.ParsePeriod(p)
		if err != nil {
			f.err = l.T("board.agenda.err.period", p)
			return nil
		}
		it.Period = period
	}
	s.form = nil
	date := s.date
	if it.ID == 0 {
		keep := &agendaKeep{}
		return s.runKeeping(keep, func(ctx context.Context, st *data.Store) (string, error) {
			id, err := st.AddAgendaItem(ctx, date, it)
			keep.item = id
			return l.T("board.agenda.added", clean(it.Title)), err
		})
	}
	// Keep what the form does not show.
	for _, old := range s.meeting.Items {
		if old.ID == it.ID {
			it.AreaID = old.AreaID
		}
	}
	return s.run(it.ID, 0, func(ctx context.Context, st *data.Store) (string, error) {
		return l.T("board.agenda.saved"), st.UpdateAgendaItem(ctx, it)
	})
}

// errNotPDF: a file named .pdf that is not a readable PDF.
var errNotPDF = errors.New("not a PDF")

func (s *agendaScreen) saveDocument() tea.Cmd {
	f, l := s.form, s.l
	d := data.AgendaDocument{ID: s.formDoc, Title: f.value(0), Secret: f.toggled(1), Body: f.value(2), PDF: s.pdf}
	path := f.value(3)
	if d.Title == "" && path != "" {
		d.Title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if d.Title == "" {
		f.err = l.T("board.agenda.err.doc_title")
		return nil
	}
	s.form = nil
	itemID := s.formItem
	keep := &agendaKeep{item: itemID, doc: d.ID}
	return s.runKeeping(keep, func(ctx context.Context, st *data.Store) (string, error) {
		if path != "" {
			// The file is read here, in the command, never in Update.
			b, err := os.ReadFile(path)
			if err != nil {
				return "", err
			}
			if strings.EqualFold(filepath.Ext(path), ".pdf") {
				if _, err := pdf.PageCount(b); err != nil {
					return "", errNotPDF
				}
				d.PDF = b
			} else {
				d.Body = strings.TrimSpace(string(b))
			}
		}
		if d.ID == 0 {
			id, err := st.AddAgendaDocument(ctx, itemID, d)
			keep.doc = id
			return l.T("board.agenda.added", clean(d.Title)), err
		}
		return l.T("board.agenda.saved"), st.UpdateAgendaDocument(ctx, d)
	})
}

func (s *agendaScreen) View(w, h int) string {
	if s.form != nil {
		return s.form.View(w, h)
	}
	th, l := &s.theme, s.l
	m := s.meeting
	head := " " + th.Title.Paint(l.T("board.agenda.heading", l.Date(dayOf(s.date))))
	if m.Time != "" || m.Place != "" {
		head += th.Subtle.Paint("  " + clean(strings.TrimSpace(m.Time+" "+m.Place)))
	}
	lines := []string{head}
	if !s.loaded {
		return block(append(lines, " "+th.Faint.Paint(l.T("board.loading"))), w, h)
	}
	// The kallelse check, by symbol and word.
	if len(s.problems) == 0 {
		lines = append(lines, " "+th.Green.Paint("✓")+" "+l.T("board.agenda.check_ok"))
	}
	shown := min(len(s.problems), max(h/5, 1))
	for _, p := range s.problems[:shown] {
		lines = append(lines, fit(" "+th.Warn.Paint("! "+l.T("board.agenda.warning"))+" "+s.problemText(p), w))
	}
	if more := len(s.problems) - shown; more > 0 {
		lines = append(lines, " "+th.Faint.Paint(l.T("board.agenda.more_warnings", more)))
	}
	lines = append(lines, th.Subtle.Paint(fit(" "+right(l.T("pack.col.number"), 3)+" "+fit("§", 6)+" "+fit(l.T("pack.col.title"), max(w-50, 10))+" "+
		fit(l.T("board.agenda.col.kind"), 12)+" "+fit(l.T("pack.col.diarienummer"), 10)+" "+l.T("pack.col.presenter"), w)))
	rows := s.rows()
	if len(rows) == 0 {
		return block(append(lines, "", " "+l.T("board.agenda.empty")), w, h)
	}
	listH := max(h-len(lines), 1)
	s.offset = followCursor(s.cursor, clamp(s.offset, 0, max(len(rows)-listH, 0)), listH)
	for i := s.offset; i < len(rows) && i < s.offset+listH; i++ {
		r := rows[i]
		it := m.Items[r.item]
		var row string
		if r.doc < 0 {
			para := ""
			if it.Paragraph > 0 {
				para = fmt.Sprintf("§ %d", it.Paragraph)
			}
			title := clean(it.Title)
			if it.Closed && title == "" {
				// a member reads the closed part as the public does
				title = l.T("pack.closed.title")
			}
			if it.Closed {
				title = "[" + l.T("board.agenda.closed") + "] " + title
			}
			row = " " + right(fmt.Sprint(r.item+1), 3) + " " + fit(para, 6) + " " + fit(title, max(w-50, 10)) + " " +
				fit(l.T("board.agenda.kind."+it.Kind), 12) + " " + fit(clean(it.Diarienummer), 10) + " " + clean(it.Presenter)
		} else {
			d := it.Documents[r.doc]
			what := clean(d.Title)
			if len(d.PDF) > 0 {
				what += th.Subtle.Paint("  " + l.T("board.agenda.pdf"))
			}
			if d.Secret {
				what += th.Subtle.Paint("  [" + l.T("board.agenda.secret") + "]")
			}
			row = "           · " + what
		}
		if i == s.cursor {
			row = th.Selected.Over("▌" + fit(row[1:], w-1))
		}
		lines = append(lines, fit(row, w))
	}
	return block(lines, w, h)
}

func (s *agendaScreen) problemText(p pack.CheckProblem) string {
	l := s.l
	switch p.Kind {
	case pack.CheckNoNotice:
		return l.T("pack.check.no_notice", p.Limit)
	case pack.CheckLateNotice:
		return l.T("pack.check.late_notice", p.Days, p.Limit)
	case pack.CheckNoProposal:
		return l.T("pack.check.no_proposal", p.Item, clean(p.Title))
	case pack.CheckNoDocument:
		return l.T("pack.check.no_document", p.Item, clean(p.Title))
	case pack.CheckPNRDocument:
		if p.Line > 0 {
			return l.T("pack.check.pnr_line", p.Item, clean(p.Document), p.Line)
		}
		return l.T("pack.check.pnr_title", p.Item, clean(p.Document))
	}
	return p.Kind
}
