// Package review is the controller's review of the unit reports: the list
// of a period's reports with their state, the six checks that read a
// report's numbers and words together (computed each time, never stored),
// and the actions — approve, send back, comment, reopen — that move a
// report through its lifecycle and into the audit trail.
//
// The lifecycle and the trail themselves live in package data (the store
// and its SQL); the checks reuse the gap engine (data/gaps) for what it
// already judges, rather than writing its rules a second time.
package review

import (
	"context"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// Item is one report of the review list.
type Item struct {
	data.ReportState
	Deadline time.Time // the end of the day the report is due, local time
	Late     bool      // first submitted after the deadline
	Overdue  bool      // väntar, and the deadline has passed
	Checks   []Check
}

// Summary counts the item's check results.
func (it Item) Summary() Summary { return Summarise(it.Checks) }

// Report is one report with everything the report screen shows.
type Report struct {
	Item
	Detail data.Detail
	Events []data.AuditEvent // the report's trail, oldest first
}

// Comments are the report's comment events, oldest first.
func (r Report) Comments() []data.AuditEvent {
	var out []data.AuditEvent
	for _, e := range r.Events {
		if e.Kind == data.EventComment {
			out = append(out, e)
		}
	}
	return out
}

// Deadline is when period p's reports are due: the end of the given day
// (clamped to the month) of the following month, local time.
func Deadline(p data.Period, day int) time.Time {
	next := p.Add(1)
	first := time.Date(next.Year(), next.Month(), 1, 0, 0, 0, 0, time.Local)
	last := first.AddDate(0, 1, -1).Day()
	day = min(max(day, 1), last)
	return time.Date(next.Year(), next.Month(), day, 23, 59, 59, 0, time.Local)
}

// period is what a List or Show loads once: settings and the gap engine's
// result for the period.
type period struct {
	p    data.Period
	set  data.Settings
	gaps gaps.Result
	now  time.Time
	l    lang.Lang
}

func load(ctx context.Context, s *data.Store, p data.Period, now time.Time, l lang.Lang) (*period, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	res, err := gaps.Compute(ctx, s, p, l)
	if err != nil {
		return nil, err
	}
	return &period{p: p, set: set, gaps: res, now: now, l: l}, nil
}

// item is one report of the list with its checks, from its rows.
func (pd *period) item(st data.ReportState, in *inputs) Item {
	it := Item{ReportState: st, Deadline: Deadline(pd.p, pd.set.Int(data.SettingDeadlineDay))}
	if at, ok := parseAt(st.FirstSubmittedAt); ok {
		it.Late = at.After(it.Deadline)
	} else if st.Status == data.ReportWaiting {
		it.Overdue = pd.now.After(it.Deadline)
	}
	it.Checks = pd.checks(it, in)
	return it
}

func parseAt(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// List is the period's reports, one per unit expected to report, in board
// order, each with its checks. now decides what is overdue.
func List(ctx context.Context, s *data.Store, p data.Period, now time.Time, l lang.Lang) ([]Item, error) {
	states, err := s.ReportStates(ctx, p)
	if err != nil {
		return nil, err
	}
	pd, err := load(ctx, s, p, now, l)
	if err != nil {
		return nil, err
	}
	// One load of every report's rows for the period, and the gap
	// engine's one result for it, then each report checked in memory.
	ins, err := loadAllInputs(ctx, s, states, p)
	if err != nil {
		return nil, err
	}
	out := make([]Item, 0, len(states))
	for _, st := range states {
		out = append(out, pd.item(st, ins[st.UnitID]))
	}
	return out, nil
}

// Show is one unit's report for p with its figures, checks and trail.
func Show(ctx context.Context, s *data.Store, unitID int64, p data.Period, now time.Time, l lang.Lang) (Report, error) {
	st, err := s.ReportStateOf(ctx, unitID, p)
	if err != nil {
		return Report{}, err
	}
	pd, err := load(ctx, s, p, now, l)
	if err != nil {
		return Report{}, err
	}
	in, err := loadInputs(ctx, s, st, p)
	if err != nil {
		return Report{}, err
	}
	it := pd.item(st, in)
	evs, err := s.AuditEvents(ctx, data.AuditFilter{Period: p, UnitID: unitID})
	if err != nil {
		return Report{}, err
	}
	return Report{Item: it, Detail: in.detail, Events: evs}, nil
}

// Counts is how many of a period's reports stand where.
type Counts struct {
	Total    int
	ByStatus map[data.ReportStatus]int
}

// Approved is the number approved.
func (c Counts) Approved() int { return c.ByStatus[data.ReportApproved] }

// CountStates counts a period's reports by status, without checks (for
// the board's header).
func CountStates(states []data.ReportState) Counts {
	c := Counts{Total: len(states), ByStatus: map[data.ReportStatus]int{}}
	for _, s := range states {
		c.ByStatus[s.Status]++
	}
	return c
}
