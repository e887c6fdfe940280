package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/kolada"
)

// koladaScreen (K) puts the selected area's Kolada key figures beside its
// region, Riket and the comparison set over the latest years, with the
// municipality's rank and a ten-year chart, then the committee's own key
// figures. The comparison is loaded by a command when the screen opens.
type koladaScreen struct {
	*app
	area data.Scope // the selected row's area
	name string
	res  *koladaMsg
	view viewport.Model
	w, h int
}

// koladaGroup is the key figures of one heading (the area, the committee).
type koladaGroup struct {
	title    string
	unmapped bool
	comps    []kolada.Comparison
}

// koladaMsg answers loadKolada.
type koladaMsg struct {
	gen    int
	area   int64
	home   string // "" when the kommunkod is missing
	name   string // the municipality's name in Kolada
	values bool   // the database holds any Kolada value
	groups []koladaGroup
	err    error
}

func newKoladaScreen(a *app) (*koladaScreen, tea.Cmd) {
	sc := data.Scope{AreaID: a.sel.AreaID}
	s := &koladaScreen{app: a, area: sc, name: a.areaName(sc.AreaID), view: newViewport()}
	return s, loadKolada(a.ctx, a.store, sc.AreaID, s.name, a.l.T("board.kolada.committee"), a.gen)
}

// loadKolada reads the comparisons of an area's mapped KPIs and the
// committee's, in one command.
func loadKolada(ctx context.Context, s *data.Store, area int64, areaName, committee string, gen int) tea.Cmd {
	return func() tea.Msg {
		msg := koladaMsg{gen: gen, area: area}
		cfg, err := kolada.LoadConfig(ctx, s)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.home = cfg.Home
		n, err := kolada.Count(ctx, s)
		if err != nil || cfg.Home == "" || n == 0 {
			msg.err, msg.values = err, n > 0
			return msg
		}
		msg.values = true
		set, err := s.Settings(ctx)
		if err != nil {
			msg.err = err
			return msg
		}
		topPct := set.Float(data.SettingOutlierTopPct)
		groups := []koladaGroup{{title: areaName}, {title: committee}}
		lists := [][]string{data.KPIsForArea(cfg.AreaKPIs, areaName), data.CommitteeKPIs(cfg.AreaKPIs)}
		if area == 0 {
			groups, lists = groups[1:], lists[1:]
		}
		for i, ids := range lists {
			if len(ids) == 0 {
				groups[i].unmapped = true
				continue
			}
			if groups[i].comps, err = kolada.Compare(ctx, s, cfg, ids, 10, 0, topPct); err != nil {
				msg.err = err
				return msg
			}
			if msg.name == "" && len(groups[i].comps) > 0 {
				msg.name = groups[i].comps[0].Home.Name
			}
		}
		msg.groups = groups
		return msg
	}
}

func (s *koladaScreen) Title() string { return s.l.T("board.kolada.title") }

func (s *koladaScreen) Help() help.KeyMap {
	k := s.keys
	return bindings{short: []key.Binding{k.Down, k.PageDown, k.Back, k.Help, k.Quit},
		full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Back, k.Help, k.Quit}}}
}

func (s *koladaScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.view.SetWidth(w)
	s.view.SetHeight(max(h-1, 1))
	s.view.SetContentLines(s.content(w))
}

func (s *koladaScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return nil, nil
	case tea.KeyPressMsg:
		scrollKey(&s.view, s.keys, msg)
	case tea.MouseWheelMsg:
		scrollWheel(&s.view, wheelDelta(msg))
	case koladaMsg:
		if msg.gen == s.gen && msg.area == s.area.AreaID {
			s.res = &msg
			s.view.SetContentLines(s.content(s.w))
		}
	case tea.BackgroundColorMsg:
		s.view.SetContentLines(s.content(s.w))
	}
	return s, nil
}

func (s *koladaScreen) View(w, h int) string {
	name := s.name
	if s.res != nil && s.res.name != "" {
		name = s.res.name
	}
	title := " " + s.theme.Title.Paint(s.l.T("board.kolada.heading", clean(name)))
	return block(append([]string{trunc(title, w)}, strings.Split(s.view.View(), "\n")...), w, h)
}

// content is every line of the comparison, laid out for width w.
func (s *koladaScreen) content(w int) []string {
	l, th := s.l, s.theme
	r := s.res
	var out []string
	say := func(text string) {
		for _, line := range wrapLines(text, max(w-2, 1), 6) {
			out = append(out, " "+line)
		}
	}
	switch {
	case w <= 0:
		return nil
	case r == nil:
		return []string{" " + th.Subtle.Paint(l.T("board.kolada.loading"))}
	case r.err != nil:
		say(l.T("board.error", r.err))
		return out
	case r.home == "":
		say(l.T("board.kolada.no_home"))
		return out
	case !r.values:
		say(l.T("board.kolada.no_data"))
		return out
	}
	for _, g := range r.groups {
		out = append(out, "", " "+th.PaneTitle.Paint(trunc(clean(l.T("board.kolada.area", g.title)), max(w-2, 1))))
		if g.unmapped {
			say(l.T("board.kolada.unmapped", clean(g.title)))
			continue
		}
		for _, c := range g.comps {
			out = append(out, koladaBlock(l, th, c, w)...)
		}
	}
	return out
}

// loading tells whether the comparison is still on its way.
func (s *koladaScreen) loading() bool { return s.res == nil }
