package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold is the one way text is matched: headers, enumerated values and
// measure names in an import, and the board's filter and name order.
// Folding makes text lower case, å/ä/ö as a/a/o (and other accents
// dropped), and spaces, hyphens and dots as underscores; "%" becomes
// "_pct". So "Sjukfrånvaro %" and "sjukfranvaro-%" meet. (Area and unit
// names have their own identity key, data.NameKey, which is stored and
// only ignores case and spacing: "Område A" and "Omrade A" are two areas
// that an import warns look alike.)

// foldRune maps a letter to its plain lower-case ASCII form, or 0 when the
// rune is a separator.
func foldRune(r rune) rune {
	switch r {
	case 'å', 'ä', 'à', 'á', 'â', 'ã', 'Å', 'Ä', 'À', 'Á', 'Â', 'Ã':
		return 'a'
	case 'ö', 'ø', 'ò', 'ó', 'ô', 'õ', 'Ö', 'Ø', 'Ò', 'Ó', 'Ô', 'Õ':
		return 'o'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e'
	case 'ü', 'ù', 'ú', 'û', 'Ü', 'Ù', 'Ú', 'Û':
		return 'u'
	case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï':
		return 'i'
	case 'ç', 'Ç':
		return 'c'
	case 'ñ', 'Ñ':
		return 'n'
	case '%':
		return '%'
	}
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return 0
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r)
	}
	return 0
}

// Fold is the matching form of a name: "Konsulentstött familjehem" →
// "konsulentstott_familjehem". A "%" becomes "_pct".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		f := foldRune(r)
		if f == 0 {
			sep = b.Len() > 0
			continue
		}
		if f == '%' {
			if b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteString("pct")
			sep = false
			continue
		}
		if sep {
			b.WriteByte('_')
			sep = false
		}
		b.WriteRune(f)
	}
	return b.String()
}
