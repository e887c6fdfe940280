package lang

// N picks a message by count: key+".one" when n is 1 and that key is in the
// catalogue, else key (the plural, which Swedish and English also use for
// zero). Both forms carry the same verbs; args are passed as given, so the
// count is written where and how the message says ("1 berättelse",
// "3 narratives").
func (l Lang) N(n int, key string, args ...any) string {
	if n == 1 && Has(key+".one") {
		return l.T(key+".one", args...)
	}
	return l.T(key, args...)
}
