package tui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
)

// meetingsScreen is Sammanträden (M): the committee's meetings by date,
// each with its number of items, § range and notice date. Enter opens the
// meeting's föredragningslista (agendascreen.go).
type meetingsScreen struct {
	*app
	meetings []data.Meeting
	loaded   bool
	cursor   int
	offset   int
}

type meetingsMsg struct {
	meetings []data.Meeting
	err      error
}

func newMeetingsScreen(a *app) *meetingsScreen { return &meetingsScreen{app: a} }

func (s *meetingsScreen) load() tea.Cmd {
	ctx, st := s.ctx, s.store
	return func() tea.Msg {
		ms, err := st.Meetings(ctx, "")
		return meetingsMsg{meetings: ms, err: err}
	}
}

// loading tells the golden tests the list is still being read.
func (s *meetingsScreen) loading() bool { return !s.loaded }

func (s *meetingsScreen) Title() string { return s.l.T("board.meetings.title") }

func (s *meetingsScreen) SetSize(int, int) {}

func (s *meetingsScreen) Help() help.KeyMap {
	k := s.keys
	return bindings{short: []key.Binding{k.Down, k.Choose, k.Back, k.Quit},
		full: [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Choose, k.Back, k.Help, k.Quit}}}
}

func (s *meetingsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k := s.keys
	switch msg := msg.(type) {
	case meetingsMsg:
		if msg.err != nil {
			s.err = msg.err
			return s, nil
		}
		s.meetings, s.loaded = msg.meetings, true
		if s.cursor == 0 {
			// Start on the first meeting after the period under review.
			if date, err := s.nextMeeting(); err == nil {
				for i, m := range s.meetings {
					if m.Date == date {
						s.cursor = i
					}
				}
			}
		}
	case agendaClosedMsg:
		return s, s.load() // the items may have changed
	case backMsg:
		return nil, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Meetings):
			return nil, nil
		case key.Matches(msg, k.Up):
			s.cursor = max(s.cursor-1, 0)
		case key.Matches(msg, k.Down):
			s.cursor = min(s.cursor+1, max(len(s.meetings)-1, 0))
		case key.Matches(msg, k.Top):
			s.cursor = 0
		case key.Matches(msg, k.Bottom):
			s.cursor = max(len(s.meetings)-1, 0)
		case key.Matches(msg, k.Choose):
			if len(s.meetings) == 0 {
				return s, nil
			}
			a := newAgendaScreen(s.app, s.meetings[s.cursor].Date)
			return a, a.load()
		}
	}
	return s, nil
}

// nextMeeting is the meeting the period under review prepares, from what
// is loaded (no query in Update): the first after the period's month.
func (s *meetingsScreen) nextMeeting() (string, error) {
	after := s.period.Add(1).String() + "-01"
	for _, m := range s.meetings {
		if m.Date >= after {
			return m.Date, nil
		}
	}
	return "", fmt.Errorf("none")
}

func (s *meetingsScreen) View(w, h int) string {
	th, l := &s.theme, s.l
	lines := []string{" " + th.Title.Paint(l.T("board.meetings.title"))}
	switch {
	case !s.loaded:
		return block(append(lines, " "+th.Faint.Paint(l.T("board.loading"))), w, h)
	case len(s.meetings) == 0:
		return block(append(lines, "", " "+l.T("board.meetings.none")), w, h)
	}
	lines = append(lines, th.Subtle.Paint(fit(" "+fit(l.T("board.meetings.col.date"), 11)+" "+fit(l.T("board.meetings.col.items"), 8)+" "+
		fit("§", 10)+" "+fit(l.T("board.meetings.col.notice"), 11)+" "+l.T("board.meetings.col.title"), w)))
	listH := max(h-2, 1)
	s.offset = followCursor(s.cursor, clamp(s.offset, 0, max(len(s.meetings)-listH, 0)), listH)
	for i := s.offset; i < len(s.meetings) && i < s.offset+listH; i++ {
		m := s.meetings[i]
		paras := "–"
		first, last := 0, 0
		for _, it := range m.Items {
			if it.Paragraph > 0 {
				if first == 0 || it.Paragraph < first {
					first = it.Paragraph
				}
				last = max(last, it.Paragraph)
			}
		}
		if first > 0 {
			paras = fmt.Sprintf("§ %d–%d", first, last)
		}
		notice := m.NoticeDate
		if notice == "" {
			notice = "–"
		}
		row := " " + fit(m.Date, 11) + " " + right(fmt.Sprint(len(m.Items)), 5) + "    " + fit(paras, 10) + " " + fit(notice, 11) + " " + clean(m.Title)
		if i == s.cursor {
			row = th.Selected.Over("▌" + fit(row[1:], w-1))
		}
		lines = append(lines, fit(row, w))
	}
	return block(lines, w, h)
}
