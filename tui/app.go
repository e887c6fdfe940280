package tui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// app is what every screen shares with the root model: the window's size,
// the theme, the keymap, the language, the store and what it answered, the
// period under review and the selection. Each screen holds a pointer to
// the one app; only Update (the root's or a screen's) writes to it.
type app struct {
	ctx   context.Context
	store *data.Store
	opt   Options
	l     lang.Lang
	keys  keyMap
	theme Theme

	width, height int // the window

	cache // the store's answers

	period  data.Period    // under review; zero until the first overview
	pending data.Period    // asked for and not yet loaded; zero when none
	ov      *data.Overview // overviews[period]
	sel     data.Scope     // the area or unit selected on the board; kept across periods

	err    error  // the last load's error, shown in the footer
	notice string // one line in the footer until the next key

	imports imports // the import log's user, the folders, the runs under way
	watch   watcher // whether another program changed the database (watch.go)
}

// cache is what the store answered, by period and scope. Only the root's
// Update writes it, from messages; screens read it.
type cache struct {
	// gen is the generation of the store's contents: an import or a
	// change seen in the database starts a new one, and answers to loads
	// asked before it are dropped.
	gen           int
	overviews     map[data.Period]*data.Overview
	details       map[detailKey]*data.Detail
	loadingDetail map[detailKey]bool
	gapResults    map[data.Period]*gaps.Result
	loadingGaps   map[data.Period]bool
	narrIndex     map[data.Period][]data.NarrativeItem // every scope's narratives, for the filter
	loadingNarr   map[data.Period]bool
	loads         loads               // order and cancellation (loader.go)
	shown         map[data.Period]int // when each month was last under review, for eviction
	tick          int
	// the unit reports' states, for the header's count and the list
	reviewStates   map[data.Period][]data.ReportState
	loadingReviews map[data.Period]bool
}

func newCache(gen int) cache {
	return cache{
		gen:           gen,
		overviews:     map[data.Period]*data.Overview{},
		details:       map[detailKey]*data.Detail{},
		loadingDetail: map[detailKey]bool{},
		gapResults:    map[data.Period]*gaps.Result{},
		loadingGaps:   map[data.Period]bool{},
		shown:         map[data.Period]int{},
		narrIndex:     map[data.Period][]data.NarrativeItem{},
		loadingNarr:   map[data.Period]bool{},

		reviewStates:   map[data.Period][]data.ReportState{},
		loadingReviews: map[data.Period]bool{},
	}
}

// bodyHeight is the height between the header and the footer.
func (a *app) bodyHeight() int { return max(a.height-headerLines-footerLines, 3) }

// gotOverview stores an overview and, when it is the period the user is
// waiting for (or the first), makes it the period under review. It tells
// whether the period under review changed.
func (a *app) gotOverview(msg overviewMsg) bool {
	if cancelled(msg.err) {
		return false // asked for a month the user has left
	}
	if msg.err != nil {
		a.err = msg.err
		if msg.asked == a.pending {
			a.pending = 0
		}
		return false
	}
	ov := msg.ov
	a.overviews[ov.Period] = &ov
	if a.ov == nil || msg.asked == a.pending {
		a.applyPeriod(ov.Period)
		return true
	}
	return false // a late answer for a period the user has left: kept, not shown
}

// applyPeriod makes a loaded period the one under review; the loads of
// months left behind stop, and the cache lets go of the least recently
// shown months beyond its budget.
func (a *app) applyPeriod(p data.Period) {
	a.period, a.pending, a.ov = p, 0, a.overviews[p]
	a.err = nil
	a.tick++
	a.shown[p] = a.tick
	a.dropLeftPeriods()
	a.evictMonths()
}

// gotDetails caches details; any scope of the answer stops loading. The
// answer of a month left (its loads were cancelled) is dropped.
func (a *app) gotDetails(msg detailsMsg) {
	if a.loads.periods[msg.period] == nil && msg.period != a.period {
		return
	}
	for _, sc := range msg.scopes {
		delete(a.loadingDetail, detailKey{sc, msg.period})
	}
	for i := range msg.details {
		d := &msg.details[i]
		a.details[detailKey{d.Scope, d.Period}] = d
	}
	if msg.err != nil && !cancelled(msg.err) {
		a.err = msg.err
	}
}

// gotGaps caches a period's gaps.
func (a *app) gotGaps(msg gapsMsg) {
	if a.loads.periods[msg.period] == nil && msg.period != a.period {
		return // a month left
	}
	delete(a.loadingGaps, msg.period)
	if cancelled(msg.err) {
		return
	}
	if msg.err != nil {
		a.err = msg.err
		return
	}
	res := msg.res
	a.gapResults[msg.period] = &res
}

// gotNarrIndex caches a period's narratives for the filter.
func (a *app) gotNarrIndex(msg narrIndexMsg) {
	if a.loads.periods[msg.period] == nil && msg.period != a.period {
		return // a month left
	}
	delete(a.loadingNarr, msg.period)
	switch {
	case cancelled(msg.err):
	case msg.err != nil:
		a.err = msg.err
	default:
		a.narrIndex[msg.period] = msg.items
	}
}

// ensureNarrIndex loads the period's narratives for the filter unless
// they are cached or on their way.
func (a *app) ensureNarrIndex() tea.Cmd {
	p := a.period
	if p.IsZero() || a.narrIndex[p] != nil || a.loadingNarr[p] {
		return nil
	}
	a.loadingNarr[p] = true
	return loadNarrIndex(a.periodCtx(p), a.store, p, a.gen)
}

// ensureGaps runs the gap engine for the period under review unless its
// answer is cached or on its way.
func (a *app) ensureGaps() tea.Cmd {
	p := a.period
	if p.IsZero() || a.gapResults[p] != nil || a.loadingGaps[p] {
		return nil
	}
	a.loadingGaps[p] = true
	return loadGaps(a.periodCtx(p), a.store, p, a.l, a.gen)
}

// needDetail marks a scope's detail of the period under review as asked
// for, and tells whether it has to be loaded.
func (a *app) needDetail(sc data.Scope) bool {
	k := detailKey{sc, a.period}
	if a.ov == nil || sc.AreaID == 0 || a.details[k] != nil || a.loadingDetail[k] {
		return false
	}
	a.loadingDetail[k] = true
	return true
}

// ensureDetail loads one scope's detail unless it is cached or on its
// way: at once, ahead of the background queue.
func (a *app) ensureDetail(sc data.Scope) tea.Cmd { return a.loadDetail(sc) }

// detail is the loaded detail of a scope in the period under review.
func (a *app) detail(sc data.Scope) *data.Detail {
	return a.details[detailKey{sc, a.period}]
}

// periodGaps is every gap of the period under review, nil while loading;
// an empty database has nothing to compute.
func (a *app) periodGaps() *gaps.Result {
	if res := a.gapResults[a.period]; res != nil {
		return res
	}
	if a.ov != nil && a.period.IsZero() {
		return &gaps.Result{}
	}
	return nil
}

// reload forgets everything read from the store, which has changed, and
// loads the period under review again. Answers to loads asked before are
// dropped by their generation.
func (a *app) reload() tea.Cmd {
	a.cancelAll()
	keep := a.loads
	a.cache = newCache(a.gen + 1)
	a.loads = keep
	if a.pending.IsZero() {
		a.pending = a.period // zero in an empty database: the store's default
	}
	return loadOverview(a.ctx, a.store, a.pending, a.gen)
}

// stepPeriod moves the period under review (from the one being loaded,
// if any, so repeated keys add up), within the months the database holds.
// It only asks: a period already loaded is applied by the root as soon as
// the key is handled, another when the store answers, and either way
// every screen hears of it as an overviewMsg.
func (a *app) stepPeriod(step func(data.Period) data.Period) tea.Cmd {
	if a.ov == nil {
		return nil
	}
	base := a.period
	if !a.pending.IsZero() {
		base = a.pending
	}
	cov := a.ov.Coverage
	target := step(base)
	switch {
	case cov.First.IsZero() || target == base:
		return nil
	case target < cov.First:
		a.notice = a.l.T("board.period.first", a.l.Period(cov.First))
		return nil
	case target > cov.Last:
		a.notice = a.l.T("board.period.last", a.l.Period(cov.Last))
		return nil
	}
	a.pending = target
	a.dropLeftPeriods() // a month asked for and passed by at once is not loaded on
	if _, ok := a.overviews[target]; ok {
		return nil
	}
	return loadOverview(a.periodCtx(target), a.store, target, a.gen)
}

// periodStep is the step a period key asks for, or nil.
func (a *app) periodStep(msg tea.KeyPressMsg) func(data.Period) data.Period {
	k := a.keys
	switch {
	case key.Matches(msg, k.PrevMonth):
		return func(p data.Period) data.Period { return p.Add(-1) }
	case key.Matches(msg, k.NextMonth):
		return func(p data.Period) data.Period { return p.Add(1) }
	case key.Matches(msg, k.PrevReport):
		return data.PrevReport
	case key.Matches(msg, k.NextReport):
		return data.NextReport
	}
	return nil
}

// areaName is the name of an area of the overview.
func (a *app) areaName(id int64) string {
	if a.ov == nil {
		return ""
	}
	for _, ar := range a.ov.Areas {
		if ar.ID == id {
			return ar.Name
		}
	}
	return ""
}

// scopeName is "Barn och unga › Utredning".
func (a *app) scopeName(sc data.Scope) string {
	if a.ov == nil {
		return ""
	}
	for _, ar := range a.ov.Areas {
		if ar.ID != sc.AreaID {
			continue
		}
		if sc.IsArea() {
			return clean(ar.Name)
		}
		if sc.IsAreaWide() {
			return clean(ar.Name) + " › " + a.l.T("board.area_wide")
		}
		for _, u := range ar.Units {
			if u.ID == sc.UnitID {
				return clean(ar.Name) + " › " + clean(u.Name)
			}
		}
	}
	return ""
}
