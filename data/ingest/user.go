package ingest

import "os/user"

// WhoImports names the user for the import log: the name given (--user),
// else the environment's USER, LOGNAME or USERNAME, else the operating
// system's account name. It returns "" only when none of them is known;
// the log shows that as "okänd" / "unknown" in the reader's language.
func WhoImports(given string, getenv func(string) string, account func() (*user.User, error)) string {
	if given != "" {
		return given
	}
	for _, name := range []string{"USER", "LOGNAME", "USERNAME"} {
		if v := getenv(name); v != "" {
			return v
		}
	}
	if account != nil {
		if u, err := account(); err == nil && u != nil && u.Username != "" {
			return u.Username
		}
	}
	return ""
}
