package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
)

// The board's data flow: a key makes Update return one of these commands;
// the command queries the store with the values it captured (never the
// model's fields) and answers with a typed message that names the period
// and scope it was for, so Update can drop or merely cache a late answer.

// overviewMsg answers loadOverview. asked is the period requested (zero:
// the store's default), Overview.Period the one it resolved to.
type overviewMsg struct {
	asked data.Period
	ov    data.Overview
	err   error
}

// detailsMsg answers loadDetails with one detail per scope asked for.
type detailsMsg struct {
	period  data.Period
	scopes  []data.Scope
	details []data.Detail
	err     error
}

// detailKey is what a Detail is cached by.
type detailKey struct {
	scope  data.Scope
	period data.Period
}

func loadOverview(ctx context.Context, s *data.Store, p data.Period) tea.Cmd {
	return func() tea.Msg {
		ov, err := s.Overview(ctx, p)
		return overviewMsg{asked: p, ov: ov, err: err}
	}
}

// loadDetails fetches the panes of several scopes of one period in one
// command: the selected row alone when the selection moves, every row of
// the period in the background after a period change, so moving down the
// list rarely waits for the database.
func loadDetails(ctx context.Context, s *data.Store, p data.Period, scopes []data.Scope) tea.Cmd {
	return func() tea.Msg {
		msg := detailsMsg{period: p, scopes: scopes}
		for _, sc := range scopes {
			d, err := s.Detail(ctx, sc, p, data.DefaultDetailOptions)
			if err != nil {
				msg.err = err
				break
			}
			msg.details = append(msg.details, d)
		}
		return msg
	}
}

// gapsMsg answers loadGaps: every quality gap of one period.
type gapsMsg struct {
	period data.Period
	res    gaps.Result
	err    error
}

// loadGaps runs the gap engine for a period, its texts in the board's
// language.
func loadGaps(ctx context.Context, s *data.Store, p data.Period, l lang.Lang) tea.Cmd {
	return func() tea.Msg {
		res, err := gaps.Compute(ctx, s, p, l)
		return gapsMsg{period: p, res: res, err: err}
	}
}
