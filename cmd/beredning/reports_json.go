package main

import (
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/review"
)

// The JSON of `beredning reports` and `reports show`: stable keys, status
// and result ids as stored (the words are for people), times in RFC 3339
// UTC.

type reportsOut struct {
	Period   string       `json:"period"`
	Approved int          `json:"approved"`
	Reports  []reportItem `json:"reports"`
}

type reportItem struct {
	Area        string         `json:"area"`
	Unit        string         `json:"unit"`
	Status      string         `json:"status"`
	Resubmitted bool           `json:"resubmitted"`
	SubmittedAt string         `json:"submitted_at,omitempty"`
	SubmittedBy string         `json:"submitted_by,omitempty"`
	Deadline    string         `json:"deadline"`
	Late        bool           `json:"late"`
	Overdue     bool           `json:"overdue"`
	Checks      map[string]int `json:"checks"`
	LastEvent   *eventOut      `json:"last_event,omitempty"`
}

type checkOut struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Result      string   `json:"result"`
	Explanation string   `json:"explanation"`
	Rows        []rowOut `json:"rows"`
}

type rowOut struct {
	Kind  string `json:"kind"`
	Key   string `json:"key,omitempty"`
	Label string `json:"label"`
}

type eventOut struct {
	ID         int64  `json:"id"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	Kind       string `json:"kind"`
	Area       string `json:"area,omitempty"`
	Unit       string `json:"unit,omitempty"`
	Period     string `json:"period,omitempty"`
	From       string `json:"from,omitempty"`
	To         string `json:"to,omitempty"`
	TargetKind string `json:"target_kind,omitempty"`
	Target     string `json:"target,omitempty"`
	Text       string `json:"text,omitempty"`
	ImportRun  int64  `json:"import_run,omitempty"`
	RowsNew    int    `json:"rows_new,omitempty"`
	RowsChange int    `json:"rows_changed,omitempty"`
	Hash       string `json:"hash,omitempty"`
}

type reportOut struct {
	reportItem
	Period   string     `json:"period"`
	Checks   []checkOut `json:"checks"`
	Comments []eventOut `json:"comments"`
	Events   []eventOut `json:"events"`
}

func item(it review.Item) reportItem {
	s := it.Summary()
	out := reportItem{Area: it.Area, Unit: it.Unit, Status: string(it.Status), Resubmitted: it.Resubmitted,
		SubmittedAt: it.FirstSubmittedAt, SubmittedBy: it.SubmittedBy, Deadline: it.Deadline.UTC().Format(time.RFC3339),
		Late: it.Late, Overdue: it.Overdue,
		Checks: map[string]int{string(review.ResultOK): s.OK, string(review.ResultRemark): s.Remarks, string(review.ResultMissing): s.Missing}}
	if it.LastKind != "" {
		out.LastEvent = &eventOut{Kind: string(it.LastKind), Actor: it.LastActor, At: it.LastAt}
	}
	return out
}

func reportsJSON(p data.Period, items []review.Item, _ lang.Lang) reportsOut {
	out := reportsOut{Period: p.String(), Approved: countApproved(items), Reports: []reportItem{}}
	for _, it := range items {
		out.Reports = append(out.Reports, item(it))
	}
	return out
}

func eventJSON(ev data.AuditEvent) eventOut {
	return eventOut{ID: ev.ID, At: ev.At, Actor: ev.Actor, Kind: string(ev.Kind), Area: ev.Area, Unit: ev.Unit, Period: ev.Period.String(),
		From: string(ev.From), To: string(ev.To), TargetKind: ev.TargetKind, Target: ev.Target, Text: ev.Text,
		ImportRun: ev.ImportRun, RowsNew: ev.RowsNew, RowsChange: ev.RowsChange, Hash: ev.Hash}
}

func reportJSON(r review.Report, l lang.Lang) reportOut {
	out := reportOut{reportItem: item(r.Item), Period: r.Period.String(), Checks: []checkOut{}, Comments: []eventOut{}, Events: []eventOut{}}
	out.reportItem.Checks = nil
	for _, c := range r.Checks {
		co := checkOut{ID: c.ID, Name: review.CheckName(l, c.ID), Result: string(c.Result), Explanation: c.Text, Rows: []rowOut{}}
		for _, row := range c.Rows {
			co.Rows = append(co.Rows, rowOut{Kind: row.Kind, Key: row.Key, Label: row.Label})
		}
		out.Checks = append(out.Checks, co)
	}
	for _, ev := range r.Events {
		out.Events = append(out.Events, eventJSON(ev))
		if ev.Kind == data.EventComment {
			out.Comments = append(out.Comments, eventJSON(ev))
		}
	}
	return out
}
