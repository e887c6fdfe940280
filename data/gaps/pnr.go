package gaps

// maskPNR masks Swedish personal identity numbers (personnummer,
// samordningsnummer) in text that leaves the program.
//
// HOOK(data/pnr): the masking package data/pnr is being written by someone
// else and does not exist yet. When it lands, replace the body with its
// masking function (for example `return pnr.Mask(s)`), so that every
// exported title, explanation, evidence label and value is masked. Until
// then text passes through unchanged; narratives are vetted on import.
func maskPNR(s string) string { return s }
