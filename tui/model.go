package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// Model is the board's root model.
type Model struct {
	store *data.Store
	ctx   context.Context
	opt   Options
	l     lang.Lang
	keys  keyMap
	theme Theme
	help  help.Model
	input textinput.Model

	width, height int
	footerH       int

	// What the store answered, by period and scope. Only Update writes
	// these, from messages; View only reads.
	overviews     map[data.Period]*data.Overview
	details       map[detailKey]*data.Detail
	loadingDetail map[detailKey]bool
	gapResults    map[data.Period]*gaps.Result
	loadingGaps   map[data.Period]bool
	err           error

	period  data.Period    // under review; zero until the first overview
	pending data.Period    // asked for and not yet loaded; zero when none
	ov      *data.Overview // overviews[period]

	expanded   map[int64]bool
	rows       []listRow
	cursor     int
	listOffset int
	sel        data.Scope // what the panes show; kept across periods

	focus      paneID
	shown      paneID // the pane beside the list when only one fits
	scroll     [numPanes]int
	narrCursor int
	narrOffset int

	filtering bool   // typing in the filter line
	filter    string // the applied query, folded

	// the gap band: which gap of the selected scope, whether it is open
	gapCursor int
	gapOpen   bool
	gapScroll int

	gapView *gapList // the whole municipality's gaps, nil when closed
	reader  *reader

	// the import screen, nil when closed; imports (and checks) still
	// running, also after the screen closed; what the import log names
	imp        *importScreen
	importRuns int
	importSeq  int
	importUser string
	importDir  string // where the browser opens: the start folder, then the last one
	cwd, home  string // to show paths as the user knows them
	// gen is the generation of the store's contents: an import starts a
	// new one, and answers to loads asked before it are dropped.
	gen    int
	notice string // one line in the footer until the next key
	// requestBackground is false in tests, whose goldens are monochrome
	// and must not depend on the terminal's answer.
	requestBackground bool
}

// New makes the board for a store. Nothing is read until Init's command runs.
func New(s *data.Store, opt Options) *Model {
	m := &Model{
		store:             s,
		ctx:               context.Background(),
		opt:               opt,
		l:                 opt.Lang,
		keys:              newKeyMap(opt.Lang),
		help:              help.New(),
		input:             textinput.New(),
		overviews:         map[data.Period]*data.Overview{},
		details:           map[detailKey]*data.Detail{},
		loadingDetail:     map[detailKey]bool{},
		gapResults:        map[data.Period]*gaps.Result{},
		loadingGaps:       map[data.Period]bool{},
		expanded:          map[int64]bool{},
		pending:           opt.Period,
		focus:             paneList,
		shown:             paneBudget,
		footerH:           1,
		requestBackground: !opt.NoColor,
	}
	m.cwd, m.home = workingDirs()
	m.importDir = startFolder(opt.ImportDir, m.cwd)
	m.importUser = importUserName()
	m.input.Prompt = "/ "
	m.input.Placeholder = m.l.T("board.filter.placeholder")
	m.setTheme(newTheme(true, opt.NoColor))
	return m
}

// Init asks for the terminal's background (to pick light or dark
// colours) and loads the overview of the period under review.
func (m *Model) Init() tea.Cmd {
	load := loadOverview(m.ctx, m.store, m.opt.Period, m.gen)
	if m.requestBackground {
		return tea.Batch(tea.RequestBackgroundColor, load)
	}
	return load
}

func (m *Model) setTheme(t Theme) {
	m.theme = t
	m.help.Styles = t.Help
	m.input.SetStyles(t.Input)
	m.renderReader()
	if m.imp != nil {
		m.imp.bar.FullColor, m.imp.bar.EmptyColor = t.ProgressFull, t.ProgressEmpty
		m.layoutImport()
	}
}

// Update routes every message. It never waits for the database: loads are
// commands, and their answers come back as messages.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resized()
		return m, nil
	case tea.BackgroundColorMsg:
		m.setTheme(newTheme(msg.IsDark(), m.opt.NoColor))
		return m, nil
	case overviewMsg:
		if msg.gen != m.gen {
			return m, nil // read before an import changed the store
		}
		return m, m.gotOverview(msg)
	case detailsMsg:
		if msg.gen == m.gen {
			m.gotDetails(msg)
		}
		return m, nil
	case gapsMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		delete(m.loadingGaps, msg.period)
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		res := msg.res
		m.gapResults[msg.period] = &res
		m.clampGap()
		return m, nil
	case dirListingMsg:
		if m.imp != nil && m.imp.browser.gotListing(msg) {
			m.layoutImport()
		}
		return m, nil
	case importProgressMsg:
		if m.imp != nil && msg.seq == m.imp.seq {
			m.imp.done, m.imp.total = msg.done, msg.total
		}
		return m, waitProgress(msg.next)
	case importDoneMsg:
		return m, m.gotImportDone(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		if m.filtering {
			return m, m.updateFilter(msg)
		}
	case tea.MouseWheelMsg:
		return m, m.wheel(msg.Mouse())
	}
	return m, nil
}

// resized recomputes what depends on the window size.
func (m *Model) resized() {
	m.help.SetWidth(max(m.width-1, 0))
	m.footerH = m.footerHeight()
	m.renderReader()
	m.keepListVisible()
	for p := paneBudget; p < numPanes; p++ {
		m.scroll[p] = min(m.scroll[p], m.maxScroll(p))
	}
	m.keepNarrativeVisible()
	m.layoutImport()
}

func (m *Model) footerHeight() int {
	if !m.help.ShowAll || m.filtering {
		return 1
	}
	var view string
	switch {
	case m.imp != nil:
		view = m.help.FullHelpView(m.importKeys().FullHelp())
	case m.reader != nil:
		view = m.help.FullHelpView(readerKeys{m.keys}.FullHelp())
	case m.gapView != nil:
		view = m.help.FullHelpView(gapListKeys{m.keys}.FullHelp())
	default:
		view = m.help.FullHelpView(m.keys.FullHelp())
	}
	n := strings.Count(view, "\n") + 2 // a status line, then the help
	// never let the help take the board: at most a third of the screen
	return clamp(n, 1, max(m.height/3, 1))
}

func (m *Model) layout() layout {
	bandH := 0
	if bw := bandWidth(m.width); bw > 0 {
		bandH = 1 + m.gapBand().contentHeight(bw)
	}
	return computeLayout(m.width, m.height, m.footerH, bandH, m.focus, m.shown)
}

// gotOverview stores an overview and, when it is the period the user is
// waiting for (or the first), makes it the period under review.
func (m *Model) gotOverview(msg overviewMsg) tea.Cmd {
	if msg.err != nil {
		m.err = msg.err
		if msg.asked == m.pending {
			m.pending = 0
		}
		return nil
	}
	ov := msg.ov
	m.overviews[ov.Period] = &ov
	if m.ov == nil || msg.asked == m.pending {
		return m.applyPeriod(ov.Period)
	}
	return nil // a late answer for a period the user has left: kept, not shown
}

// applyPeriod makes a loaded period the one under review, keeping the
// selection.
func (m *Model) applyPeriod(p data.Period) tea.Cmd {
	m.period, m.pending, m.ov = p, 0, m.overviews[p]
	m.err = nil
	m.rebuildRows()
	m.clampNarrative()
	m.clampGap()
	if m.reader != nil {
		m.renderReader()
	}
	return tea.Batch(m.ensureDetails(), m.ensureGaps())
}

// ensureGaps runs the gap engine for the period under review unless its
// answer is cached or on its way.
func (m *Model) ensureGaps() tea.Cmd {
	p := m.period
	if p.IsZero() || m.gapResults[p] != nil || m.loadingGaps[p] {
		return nil
	}
	m.loadingGaps[p] = true
	return loadGaps(m.ctx, m.store, p, m.l, m.gen)
}

// scopeGaps is the selected scope's gaps in the period under review.
func (m *Model) scopeGaps() (gs []gaps.Gap, loaded bool) {
	res := m.gapResults[m.period]
	if res == nil {
		// a database without any month has nothing to compute
		return nil, m.ov != nil && m.period.IsZero()
	}
	return res.ForScope(m.sel), true
}

// openGap is the gap opened in the band, or nil.
func (m *Model) openGap() *gaps.Gap {
	if !m.gapOpen {
		return nil
	}
	gs, _ := m.scopeGaps()
	if len(gs) == 0 {
		return nil
	}
	g := gs[clamp(m.gapCursor, 0, len(gs)-1)]
	return &g
}

func (m *Model) clampGap() {
	gs, loaded := m.scopeGaps()
	m.gapCursor = clamp(m.gapCursor, 0, max(len(gs)-1, 0))
	if loaded && len(gs) == 0 {
		m.gapOpen = false
	}
	m.gapScroll = clamp(m.gapScroll, 0, m.maxGapScroll())
}

// maxGapScroll is how far an open gap's explanation scrolls in the band.
func (m *Model) maxGapScroll() int {
	lo := m.layout()
	r := lo.panes[paneGaps]
	if r.w == 0 {
		return 0
	}
	h := r.h - 1
	return max(len(m.gapBand().lines(r.w))-h, 0)
}

// gotDetails caches details; any scope of the answer stops loading.
func (m *Model) gotDetails(msg detailsMsg) {
	for _, sc := range msg.scopes {
		delete(m.loadingDetail, detailKey{sc, msg.period})
	}
	for i := range msg.details {
		d := &msg.details[i]
		m.details[detailKey{d.Scope, d.Period}] = d
	}
	if msg.err != nil {
		m.err = msg.err
	}
	m.evictDetails()
	if m.filter != "" && msg.period == m.period {
		m.rebuildRows() // narratives that match may have arrived
	}
	m.clampNarrative()
}

// evictDetails bounds the cache: when it grows past a few periods' worth,
// everything not of the period under review goes.
func (m *Model) evictDetails() {
	const maxDetails = 600
	if len(m.details) <= maxDetails {
		return
	}
	for k := range m.details {
		if k.period != m.period {
			delete(m.details, k)
		}
	}
}

// ensureDetails loads the selected scope's detail if it is missing, and
// every other scope of the period in one background command.
func (m *Model) ensureDetails() tea.Cmd {
	if m.ov == nil {
		return nil
	}
	var cmds []tea.Cmd
	need := func(sc data.Scope) bool {
		k := detailKey{sc, m.period}
		if m.details[k] != nil || m.loadingDetail[k] {
			return false
		}
		m.loadingDetail[k] = true
		return true
	}
	if m.sel.AreaID != 0 && need(m.sel) {
		cmds = append(cmds, loadDetails(m.ctx, m.store, m.period, []data.Scope{m.sel}, m.gen))
	}
	if m.reader != nil {
		if sc := m.reader.item.Scope; need(sc) {
			cmds = append(cmds, loadDetails(m.ctx, m.store, m.period, []data.Scope{sc}, m.gen))
		}
	}
	var rest []data.Scope
	for _, a := range m.ov.Areas {
		if sc := (data.Scope{AreaID: a.ID}); need(sc) {
			rest = append(rest, sc)
		}
		for _, u := range a.Units {
			if sc := (data.Scope{AreaID: a.ID, UnitID: u.ID}); need(sc) {
				rest = append(rest, sc)
			}
		}
	}
	if len(rest) > 0 {
		cmds = append(cmds, loadDetails(m.ctx, m.store, m.period, rest, m.gen))
	}
	return tea.Batch(cmds...)
}

// detail is the loaded detail of a scope in the period under review.
func (m *Model) detail(sc data.Scope) *data.Detail {
	return m.details[detailKey{sc, m.period}]
}

func (m *Model) rowFilter() rowFilter {
	if m.filter == "" {
		return rowFilter{}
	}
	q := m.filter
	return rowFilter{q: q, narr: func(sc data.Scope) bool {
		d := m.detail(sc)
		if d == nil {
			return false
		}
		for _, n := range d.Narratives {
			if narrativeMatches(n, q, m.l) {
				return true
			}
		}
		return false
	}}
}

// rebuildRows lays out the list again and puts the cursor back on the
// selected scope (or its area, or the first row).
func (m *Model) rebuildRows() {
	m.rows = buildRows(m.ov, m.expanded, m.rowFilter())
	idx := m.rowIndex(m.sel)
	if idx < 0 {
		idx = m.rowIndex(data.Scope{AreaID: m.sel.AreaID})
	}
	if idx < 0 {
		idx = 0
	}
	m.cursor = idx
	if len(m.rows) > 0 {
		m.selectScope(m.rows[idx].scope)
	}
	m.keepListVisible()
}

func (m *Model) rowIndex(sc data.Scope) int {
	for i, r := range m.rows {
		if r.scope == sc {
			return i
		}
	}
	return -1
}

// selectScope makes sc what the panes show; a new scope starts its panes
// from the top.
func (m *Model) selectScope(sc data.Scope) {
	if sc == m.sel {
		return
	}
	m.sel = sc
	m.scroll = [numPanes]int{}
	m.narrCursor, m.narrOffset = 0, 0
	m.gapCursor, m.gapOpen, m.gapScroll = 0, false, 0
}

// narratives returns the selected scope's narratives after the filter,
// how many there are before it, and whether they are still loading.
func (m *Model) narratives() (items []data.NarrativeItem, total int, loading bool) {
	d := m.detail(m.sel)
	if d == nil {
		return nil, 0, true
	}
	return filterNarratives(d.Narratives, m.filter, m.l), len(d.Narratives), false
}

func (m *Model) clampNarrative() {
	items, _, _ := m.narratives()
	m.narrCursor = clamp(m.narrCursor, 0, max(len(items)-1, 0))
	m.keepNarrativeVisible()
}

func (m *Model) keepNarrativeVisible() {
	lo := m.layout()
	h := lo.panes[paneNarratives].h
	if h <= 1 {
		h = max(m.height-headerLines-m.footerH, 2)
	}
	m.narrOffset = followCursor(m.narrCursor, m.narrOffset, narrativesVisible(h-1))
}

// keepListVisible scrolls the list so the cursor is on screen.
func (m *Model) keepListVisible() {
	lo := m.layout()
	h := lo.list.h
	if h == 0 {
		h = lo.body.h
	}
	vis := max(listBodyHeight(h-1), 1) // the region's title, then the column headings
	m.listOffset = followCursor(m.cursor, m.listOffset, vis)
	m.listOffset = clamp(m.listOffset, 0, max(len(m.rows)-vis, 0))
}

// areaName is the name of an area of the overview.
func (m *Model) areaName(id int64) string {
	if m.ov == nil {
		return ""
	}
	for _, a := range m.ov.Areas {
		if a.ID == id {
			return a.Name
		}
	}
	return ""
}

// scopeName is "Barn och unga › Utredning".
func (m *Model) scopeName(sc data.Scope) string {
	if m.ov == nil {
		return ""
	}
	for _, a := range m.ov.Areas {
		if a.ID != sc.AreaID {
			continue
		}
		if sc.IsArea() {
			return clean(a.Name)
		}
		if sc.IsAreaWide() {
			return clean(a.Name) + " › " + m.l.T("board.area_wide")
		}
		for _, u := range a.Units {
			if u.ID == sc.UnitID {
				return clean(a.Name) + " › " + clean(u.Name)
			}
		}
	}
	return ""
}
