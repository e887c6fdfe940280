package ingest

import (
	"errors"
	"os/user"
	"testing"
)

func TestWhoImports(t *testing.T) {
	env := func(vals map[string]string) func(string) string { return func(k string) string { return vals[k] } }
	account := func() (*user.User, error) { return &user.User{Username: "anna"}, nil }
	noAccount := func() (*user.User, error) { return nil, errors.New("no passwd entry") }
	for _, tc := range []struct {
		name, given string
		env         map[string]string
		account     func() (*user.User, error)
		want        string
	}{
		{"flag first", "controller", map[string]string{"USER": "kalle"}, account, "controller"},
		{"USER", "", map[string]string{"USER": "kalle", "LOGNAME": "x"}, account, "kalle"},
		{"LOGNAME", "", map[string]string{"LOGNAME": "lotta"}, account, "lotta"},
		{"account when the environment is empty", "", nil, account, "anna"},
		{"nothing known", "", nil, noAccount, ""},
	} {
		if got := WhoImports(tc.given, env(tc.env), tc.account); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
