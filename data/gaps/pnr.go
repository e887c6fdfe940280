package gaps

import "github.com/beredning/beredning/data/text"

// safeText is how text leaves the program: personal identity numbers
// (personnummer, samordningsnummer) masked, and control characters
// removed (text.Public), in every exported title, explanation, evidence
// label and value and the municipality's name, whatever the import did,
// because a number or an escape sequence may also arrive in a unit's or an
// indicator's name.
func safeText(s string) string { return text.Public(s) }
