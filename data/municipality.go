package data

import (
	"context"
	"errors"
	"strings"
)

// DefaultCommittee is the committee a database names until told otherwise.
const DefaultCommittee = "Socialnämnden"

// ErrKommunkod: a kommunkod that is not four digits naming a county
// (län) SCB uses. Riket (0000) and the regions (00NN) are not
// municipalities.
var ErrKommunkod = errors.New("kommunkod must be four digits: a county code 01–25 and the municipality's number")

// countyCodes are SCB's länskoder in use since 1998 (Skåne 12 and Västra
// Götaland 14 replaced 02, 11, 15 and 16).
var countyCodes = map[string]bool{
	"01": true, "03": true, "04": true, "05": true, "06": true, "07": true, "08": true, "09": true, "10": true,
	"12": true, "13": true, "14": true, "17": true, "18": true, "19": true, "20": true, "21": true, "22": true,
	"23": true, "24": true, "25": true,
}

// CheckKommunkod tells whether code is a municipality's SCB code: four
// digits, the first two a county's, the last two not 00 (the county itself).
func CheckKommunkod(code string) error {
	if len(code) != 4 || strings.Trim(code, "0123456789") != "" || !countyCodes[code[:2]] || code[2:] == "00" {
		return ErrKommunkod
	}
	return nil
}

// SetMunicipality changes the municipality's name, committee or
// kommunkod, keeping what change leaves as it was.
func (s *Store) SetMunicipality(ctx context.Context, change func(*Municipality)) error {
	m, err := s.Municipality(ctx)
	if err != nil {
		return err
	}
	change(&m)
	if m.Kommunkod != "" {
		if err := CheckKommunkod(m.Kommunkod); err != nil {
			return err
		}
	}
	return s.write(ctx, ActSettings, func(tx *Tx) error { return tx.SetMunicipality(m) })
}
