package tui

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
)

// What the board loads, in what order, and what it lets go of. On a
// municipality of a few hundred units a month's details take seconds to
// load together, so the board loads what is seen first: the overview,
// then the selected scope's detail and the month's gaps, then the rows
// visible in the list from the cursor outwards, then a page of neighbours
// each way — one detail at a time, so the selected scope never waits
// behind the others. Each month's loads run under a context of their own;
// stepping to another month cancels the old month's (SQLite stops the
// query) and its answers are dropped. Visited months stay cached within a
// memory bound (cacheBudget).

// loads is the board's loading state, part of the shared cache.
type loads struct {
	periods map[data.Period]*periodLoads // months with loads that may be under way
	queue   []data.Scope                 // details still wanted for the period under review
	queued  data.Period                  // the period the queue is for
	busy    bool                         // a queued detail is being loaded
	// inFlight is the queued scope being loaded
	inFlight data.Scope
	// requested, when set (by tests), hears every detail load as it is
	// asked for, in order; budget, when set, replaces cacheBudget.
	requested func(detailKey)
	budget    int
}

// periodLoads is one month's loads: cancelled together.
type periodLoads struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// periodCtx is the context loads for month p run under.
func (a *app) periodCtx(p data.Period) context.Context {
	if a.loads.periods == nil {
		a.loads.periods = map[data.Period]*periodLoads{}
	}
	pl := a.loads.periods[p]
	if pl == nil {
		ctx, cancel := context.WithCancel(a.ctx)
		pl = &periodLoads{ctx: ctx, cancel: cancel}
		a.loads.periods[p] = pl
	}
	return pl.ctx
}

// dropLeftPeriods cancels the loads of every month that is neither under
// review nor asked for, and forgets that they were loading, so a return
// to such a month asks again.
func (a *app) dropLeftPeriods() {
	for p, pl := range a.loads.periods {
		if p == a.period || p == a.pending {
			continue
		}
		pl.cancel()
		delete(a.loads.periods, p)
		for k := range a.loadingDetail {
			if k.period == p {
				delete(a.loadingDetail, k)
			}
		}
		delete(a.loadingGaps, p)
		delete(a.loadingNarr, p)
		if a.loads.queued == p {
			a.loads.queue, a.loads.busy = nil, false
		}
	}
}

// cancelAll stops every load: the store changed or the program ends.
func (a *app) cancelAll() {
	for _, pl := range a.loads.periods {
		pl.cancel()
	}
	a.loads = loads{requested: a.loads.requested, budget: a.loads.budget}
}

// cancelled tells an answer of a load that was cancelled: dropped quietly.
func cancelled(err error) bool {
	return errors.Is(err, context.Canceled)
}

// loadDetail asks for one scope's detail of the period under review, unless
// it is cached or on its way.
func (a *app) loadDetail(sc data.Scope) tea.Cmd {
	if !a.needDetail(sc) {
		return nil
	}
	if a.loads.requested != nil {
		a.loads.requested(detailKey{sc, a.period})
	}
	return loadDetails(a.periodCtx(a.period), a.store, a.period, []data.Scope{sc}, a.gen)
}

// wantDetails replaces the background queue of the period under review
// with scopes, most wanted first, and starts the first unless one is
// under way.
func (a *app) wantDetails(scopes []data.Scope) tea.Cmd {
	if a.loads.queued != a.period {
		a.loads.busy = false
	}
	a.loads.queued = a.period
	a.loads.queue = slices.DeleteFunc(scopes, func(sc data.Scope) bool {
		k := detailKey{sc, a.period}
		return sc.AreaID == 0 || a.details[k] != nil || a.loadingDetail[k]
	})
	return a.pump()
}

// pump starts the next queued detail when none is under way, and not
// while the selected scope's own detail loads: it goes first alone.
func (a *app) pump() tea.Cmd {
	if a.loadingDetail[detailKey{a.sel, a.period}] {
		return nil
	}
	for !a.loads.busy && len(a.loads.queue) > 0 && a.loads.queued == a.period {
		sc := a.loads.queue[0]
		a.loads.queue = a.loads.queue[1:]
		if cmd := a.loadDetail(sc); cmd != nil {
			a.loads.busy, a.loads.inFlight = true, sc
			return cmd
		}
	}
	return nil
}

// queuedDone notes that a detail answer of the queue's period arrived
// (the queue's own, or the selection's, which the queue waits for) and
// starts the next.
func (a *app) queuedDone(msg detailsMsg) tea.Cmd {
	if msg.period != a.loads.queued {
		return nil
	}
	if slices.Contains(msg.scopes, a.loads.inFlight) {
		a.loads.busy = false
	}
	return a.pump()
}

// cacheBudget bounds what visited months keep in memory (overviews,
// details, gaps and the filter's narratives, as estimated by their
// sizes): beyond it the least recently shown months go, never the one
// under review. A month of Storstad with every row in view loaded is
// about 4 MiB.
const cacheBudget = 16 << 20

// evictMonths keeps the cache within cacheBudget, dropping whole months,
// least recently shown first.
func (a *app) evictMonths() {
	size := map[data.Period]int{}
	total := 0
	for p, ov := range a.overviews {
		n := overviewSize(ov)
		size[p] += n
		total += n
	}
	for k, d := range a.details {
		n := detailSize(d)
		size[k.period] += n
		total += n
	}
	for p, r := range a.gapResults {
		n := gapsSize(r.Gaps)
		size[p] += n
		total += n
	}
	for p, items := range a.narrIndex {
		n := 0
		for i := range items {
			n += narrativeSize(&items[i])
		}
		size[p] += n
		total += n
	}
	budget := cacheBudget
	if a.loads.budget > 0 {
		budget = a.loads.budget
	}
	if total <= budget {
		return
	}
	months := make([]data.Period, 0, len(size))
	for p := range size {
		if p != a.period && p != a.pending {
			months = append(months, p)
		}
	}
	slices.SortFunc(months, func(x, y data.Period) int { return a.shown[x] - a.shown[y] })
	for _, p := range months {
		if total <= budget {
			break
		}
		delete(a.overviews, p)
		delete(a.gapResults, p)
		delete(a.narrIndex, p)
		for k := range a.details {
			if k.period == p {
				delete(a.details, k)
			}
		}
		delete(a.shown, p)
		total -= size[p]
	}
}

// The sizes below estimate memory: strings by their length, every value
// and series point by a word or a few, slices and maps by their entries.

func detailSize(d *data.Detail) int {
	n := 512 + len(d.Budget)*160
	series := func(s data.Series) int { return 64 + len(s)*32 }
	for _, p := range d.Placements {
		n += 64 + series(p.History)
	}
	n += series(d.Total24.History)
	for _, m := range d.Measures {
		n += 160 + len(m.Name) + len(m.NameEN) + series(m.History)
	}
	for _, i := range d.Indicators {
		n += 220 + len(i.Name) + len(i.ReportedName) + len(i.UnitName) + series(i.History)
	}
	for i := range d.Narratives {
		n += narrativeSize(&d.Narratives[i])
	}
	return n
}

func narrativeSize(nr *data.NarrativeItem) int {
	return 200 + len(nr.Title) + len(nr.Text) + len(nr.Author) + len(nr.About) + len(nr.UnitName)
}

func overviewSize(ov *data.Overview) int {
	n := 1024
	for _, a := range ov.Areas {
		n += 256 + len(a.Name) + len(a.Dots)*96
		for _, u := range a.Units {
			n += 256 + len(u.Name) + len(u.Manager) + len(u.Dots)*96
		}
	}
	return n
}

func gapsSize(gs []gaps.Gap) int {
	n := 512
	for _, g := range gs {
		n += 256 + len(g.Title) + len(g.Explanation) + len(g.Area) + len(g.Unit)
		for _, e := range g.Evidence {
			n += 160 + len(e.Label) + len(e.Value) + len(e.Area) + len(e.Unit)
		}
	}
	return n
}
