package review

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/pnr"
)

// ErrNoteHoldsPNR: a comment or reason holds a personnummer. The trail
// cannot be changed afterwards, so such a text is never written.
var ErrNoteHoldsPNR = errors.New("the text holds a personnummer")

// NeedCommentError: the report has checks that say "saknas"; approving it
// needs a comment saying why.
type NeedCommentError struct{ Checks []string }

func (e *NeedCommentError) Error() string {
	return "approving needs a comment: missing " + strings.Join(e.Checks, ", ")
}

// Action is what the controller does, on whose behalf and when. The actor
// is passed in (the OS account, --user, or an SSH key's user).
type Action struct {
	UnitID     int64
	Period     data.Period
	Kind       data.EventKind // EventApprove, EventSendBack, EventComment, EventReopen
	Actor      string
	Note       string
	TargetKind string // a comment's row
	Target     string
	Now        time.Time
}

// Do checks the action against what only the review knows (approving
// past a "saknas" check needs a note; no text may hold a personnummer)
// and hands it to the store, which checks the lifecycle under its lock.
func Do(ctx context.Context, s *data.Store, a Action, l lang.Lang) (data.AuditEvent, error) {
	if pnr.Contains(a.Note) {
		return data.AuditEvent{}, ErrNoteHoldsPNR
	}
	if a.Now.IsZero() {
		a.Now = time.Now()
	}
	if a.Kind == data.EventApprove && strings.TrimSpace(a.Note) == "" {
		st, err := s.ReportStateOf(ctx, a.UnitID, a.Period)
		if err != nil {
			return data.AuditEvent{}, err
		}
		if st.Status == data.ReportSubmitted {
			pd, err := load(ctx, s, a.Period, a.Now, l)
			if err != nil {
				return data.AuditEvent{}, err
			}
			in, err := loadInputs(ctx, s, st, a.Period)
			if err != nil {
				return data.AuditEvent{}, err
			}
			it := pd.item(st, in)
			var missing []string
			for _, c := range it.Checks {
				if c.Result == ResultMissing {
					missing = append(missing, CheckName(l, c.ID))
				}
			}
			if len(missing) > 0 {
				return data.AuditEvent{}, &NeedCommentError{Checks: missing}
			}
		}
	}
	return s.Review(ctx, data.ReviewAction{UnitID: a.UnitID, Period: a.Period, Kind: a.Kind, Actor: a.Actor,
		At: a.Now.UTC().Format(time.RFC3339), Note: a.Note, TargetKind: a.TargetKind, Target: a.Target})
}

// Explain says why an action was refused, in the user's language; ok is
// false for errors that are not the review's (the database's).
func Explain(l lang.Lang, err error, unit string) (msg string, ok bool) {
	var te *data.TransitionError
	var nc *NeedCommentError
	switch {
	case errors.Is(err, ErrNoteHoldsPNR):
		return l.T("review.err.pnr"), true
	case errors.As(err, &nc):
		return l.T("review.err.need_comment", strings.Join(nc.Checks, ", ")), true
	case errors.As(err, &te):
		per := l.Period(te.Period)
		last := ""
		if te.LastReported {
			at, _ := time.Parse(time.RFC3339, te.LastAt)
			last = l.T("review.err.last", EventName(l, te.LastKind), te.LastActor, lang.DateTime(at))
		}
		switch {
		case errors.Is(te, data.ErrNoteRequired):
			return l.T("review.err.note"), true
		case errors.Is(te, data.ErrNothingToReview):
			return l.T("review.err.nothing", unit, per), true
		case errors.Is(te, data.ErrAlreadyApproved):
			return l.T("review.err.approved", unit, per, last), true
		case errors.Is(te, data.ErrAlreadySentBack):
			return l.T("review.err.sent_back", unit, per, last), true
		case errors.Is(te, data.ErrNotApproved):
			return l.T("review.err.not_approved", unit, per), true
		}
	}
	return "", false
}
