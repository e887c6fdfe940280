package gaps

import "github.com/beredning/beredning/data/pnr"

// maskPNR masks Swedish personal identity numbers (personnummer,
// samordningsnummer) in text that leaves the program: every exported
// title, explanation, evidence label and value passes through it, whatever
// the import did, because a number may also arrive in a unit's or an
// indicator's name.
func maskPNR(s string) string {
	masked, _ := pnr.Mask(s)
	return masked
}
