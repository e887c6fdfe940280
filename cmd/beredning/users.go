package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/text"
	"github.com/beredning/beredning/serve/users"
)

func init() {
	register(command{name: "users", summary: "cli.users.summary", usage: "cli.users.usage", run: runUsers})
}

// runUsers edits the server's users file:
// users [list | add LOGIN --role ROLE --key FILE|--key-text LINE [--name NAME] | remove LOGIN].
func runUsers(e *env, args []string) int {
	c := commands["users"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	usersFlag := fs.String("users", "", l.T("cli.serve.flag.users"))
	role := fs.String("role", "", l.T("cli.users.flag.role", rolesList()))
	keyFile := fs.String("key", "", l.T("cli.users.flag.key"))
	keyText := fs.String("key-text", "", l.T("cli.users.flag.key_text"))
	name := fs.String("name", "", l.T("cli.users.flag.name"))
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	action := "list"
	if len(rest) > 0 {
		action, rest = rest[0], rest[1:]
	}
	want := map[string]int{"list": 0, "add": 1, "remove": 1}
	n, ok := want[action]
	if !ok {
		fmt.Fprintln(e.stderr, l.T("cli.users.unknown_action", action))
		return 2
	}
	if len(rest) != n {
		fmt.Fprintln(e.stderr, l.T("cli.users.usage"))
		return 2
	}
	path := usersPath(*usersFlag, e.dbPath(*db))
	list, err := users.Load(path)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.users.failed", path, usersErr(e, err)))
		return 1
	}
	switch action {
	case "list":
		if len(list.Users) == 0 {
			fmt.Fprintln(e.stdout, l.T("cli.users.none", path))
			return 0
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, l.T("cli.users.header"))
		for _, u := range list.Users {
			r, _ := data.ParseRole(u.Role)
			var fps []string
			for _, k := range u.Keys {
				fps = append(fps, users.Fingerprint(k))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", text.Line(u.Login), text.Line(u.Name), l.RoleName(r), strings.Join(fps, " "))
		}
		tw.Flush()
		return 0
	case "remove":
		login := rest[0]
		var keep []users.User
		for _, u := range list.Users {
			if u.Login != login {
				keep = append(keep, u)
			}
		}
		if len(keep) == len(list.Users) {
			fmt.Fprintln(e.stderr, l.T("cli.users.no_such", login, path))
			return 1
		}
		if err := users.Save(path, users.List{Users: keep}); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.users.failed", path, usersErr(e, err)))
			return 1
		}
		fmt.Fprintln(e.stdout, l.T("cli.users.removed", login, path))
		return 0
	}
	// add
	login := rest[0]
	r, ok := data.ParseRole(*role)
	if !ok {
		fmt.Fprintln(e.stderr, l.T("cli.users.bad_role", *role, rolesList()))
		return 2
	}
	line := strings.TrimSpace(*keyText)
	if *keyFile != "" {
		b, err := os.ReadFile(*keyFile)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.users.key_file", *keyFile, l.Err(err)))
			return 1
		}
		line = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	}
	if line == "" || (*keyFile != "" && *keyText != "") {
		fmt.Fprintln(e.stderr, l.T("cli.users.need_key"))
		return 2
	}
	if _, err := users.ParseKey(line); err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.users.bad_key"))
		return 1
	}
	display := *name
	added := false
	for i, u := range list.Users {
		if u.Login != login {
			continue
		}
		// A known person gets the key added, and the role and name given.
		u.Role = string(r)
		if display != "" {
			u.Name = display
		}
		dup := false
		for _, k := range u.Keys {
			dup = dup || users.SameKey(k, line)
		}
		if !dup {
			u.Keys = append(u.Keys, line)
		}
		list.Users[i], added = u, true
	}
	if !added {
		if display == "" {
			display = login
		}
		list.Users = append(list.Users, users.User{Login: login, Name: display, Role: string(r), Keys: []string{line}})
	}
	if err := users.Save(path, list); err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.users.failed", path, usersErr(e, err)))
		return 1
	}
	fmt.Fprintln(e.stdout, l.T("cli.users.added", login, l.RoleName(r), users.Fingerprint(line), path))
	return 0
}

func rolesList() string {
	var s []string
	for _, r := range data.Roles {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

// usersErr says what is wrong with a users file in the user's language.
func usersErr(e *env, err error) string {
	l := e.lang
	var p users.Problem
	if errors.As(err, &p) {
		what := l.T("cli.users.problem."+p.What, text.Line(p.Login))
		if p.Key > 0 {
			return l.T("cli.users.problem.key_n", what, p.Key)
		}
		return what
	}
	var syn *users.SyntaxError
	if errors.As(err, &syn) {
		return l.T("cli.users.problem.toml", syn.Line, syn.Col)
	}
	return l.Err(err)
}
