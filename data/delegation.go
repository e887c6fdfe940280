package data

import (
	"context"
	"fmt"
	"time"
)

// DelegationDecision is a count of decisions taken under delegation on
// one day, by one decision-maker, under one legal ground, in one kind of
// matter. It holds no personal data.
type DelegationDecision struct {
	Date           string // YYYY-MM-DD
	Beslutsfattare string // the decision-maker's role, e.g. "Socialsekreterare"
	Lagrum         string // the legal ground, e.g. "4 kap. 1 § SoL"
	Arendetyp      string // the kind of matter, e.g. "Ekonomiskt bistånd"
	Antal          int
}

// PutDelegationDecision upserts a count on its natural key (date,
// beslutsfattare, lagrum, ärendetyp).
func (t *Tx) PutDelegationDecision(d DelegationDecision) (Outcome, error) {
	day, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return Unchanged, fmt.Errorf("delegation decision date %q: want YYYY-MM-DD", d.Date)
	}
	var old int
	err = t.tx.QueryRowContext(t.ctx, `SELECT antal FROM delegation_decision
		WHERE date = ? AND beslutsfattare = ? AND lagrum = ? AND arendetyp = ?`,
		d.Date, d.Beslutsfattare, d.Lagrum, d.Arendetyp).Scan(&old)
	found := err == nil
	if found && old == d.Antal {
		return Unchanged, nil
	}
	_, err = t.tx.ExecContext(t.ctx, `INSERT INTO delegation_decision(date, period, beslutsfattare, lagrum, arendetyp, antal)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(date, beslutsfattare, lagrum, arendetyp) DO UPDATE SET antal = excluded.antal`,
		d.Date, NewPeriod(day.Year(), day.Month()), d.Beslutsfattare, d.Lagrum, d.Arendetyp, d.Antal)
	if err != nil {
		return Unchanged, err
	}
	if found {
		return Changed, nil
	}
	return New, nil
}

// DelegationDecisions lists a month's decision counts by date, then
// decision-maker, legal ground and kind of matter.
func (s *Store) DelegationDecisions(ctx context.Context, p Period) ([]DelegationDecision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT date, beslutsfattare, lagrum, arendetyp, antal FROM delegation_decision
		WHERE period = ? ORDER BY date, beslutsfattare, lagrum, arendetyp`, p)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DelegationDecision
	for rows.Next() {
		var d DelegationDecision
		if err := rows.Scan(&d.Date, &d.Beslutsfattare, &d.Lagrum, &d.Arendetyp, &d.Antal); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
