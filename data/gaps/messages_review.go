package gaps

import "github.com/beredning/beredning/data/lang"

// Help for the review's settings, listed with the thresholds.
func init() {
	lang.Register(map[string]lang.Text{
		"gaps.setting.review.deadline_day": {"Granskning: en månads rapport ska vara inlämnad senast denna dag i månaden efter",
			"Review: a month's report is due on this day of the following month"},
		"gaps.setting.review.plausible_pct": {"Granskning: ett mått som avviker mer än så många procent från sitt snitt för de senaste tolv månaderna är osannolikt",
			"Review: a measure more than this many per cent from its mean of the last twelve months is implausible"},
	})
}
