package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/serve"
	"github.com/beredning/beredning/serve/users"
)

func init() {
	register(command{name: "serve", summary: "cli.serve.summary", usage: "cli.serve.usage", run: runServe})
}

// usersPath is the users file: --users, else users.toml beside the database.
func usersPath(flagValue, dbPath string) string {
	if flagValue != "" {
		return flagValue
	}
	return filepath.Join(filepath.Dir(dbPath), "users.toml")
}

// runServe runs the SSH server until SIGTERM or SIGINT.
func runServe(e *env, args []string) int {
	c := commands["serve"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	addr := fs.String("addr", ":2222", l.T("cli.serve.flag.addr"))
	usersFlag := fs.String("users", "", l.T("cli.serve.flag.users"))
	importDir := fs.String("import-dir", "", l.T("cli.serve.flag.import_dir"))
	idle := fs.Duration("idle", 30*time.Minute, l.T("cli.serve.flag.idle"))
	demo := fs.Bool("demo", false, l.T("cli.serve.flag.demo"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	path := e.dbPath(*db)
	if *demo {
		if *db == "" {
			path = demoPath(smallDemo.file)
		}
		if err := ensureDemo(e, path, smallDemo, false); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.demo.err", path, l.Err(err)))
			return 1
		}
	}
	upath := usersPath(*usersFlag, path)
	if *demo && *usersFlag == "" {
		upath = filepath.Join(filepath.Dir(path), "demo-users.toml")
		if n, err := demoUsers(upath); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.users.failed", upath, usersErr(e, err)))
			return 1
		} else if n == 0 {
			fmt.Fprintln(e.stderr, l.T("cli.serve.demo_no_keys"))
		}
	}
	root := ""
	if *importDir != "" {
		abs, err := filepath.Abs(*importDir)
		if fi, serr := os.Stat(abs); err != nil || serr != nil || !fi.IsDir() {
			fmt.Fprintln(e.stderr, l.T("cli.serve.bad_import_dir", *importDir))
			return 1
		}
		root = abs
	}
	s := e.openStore(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	watched, err := users.Watch(upath)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.users.failed", upath, usersErr(e, err)))
		return 1
	}
	watched.OnReload = func(list users.List, err error) {
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.serve.users_bad", upath, usersErr(e, err)))
			return
		}
		fmt.Fprintln(e.stderr, l.T("cli.serve.users_reloaded", upath, len(list.Users)))
	}
	settings, err := s.Settings(e.ctx)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.err.open", path, l.Err(err)))
		return 1
	}
	srv, err := serve.New(serve.Config{Store: s, Addr: *addr, Users: watched, HostKeyPath: serve.HostKeyPath(path),
		ImportRoot: root, Lang: l, MaxSessions: settings.Int(data.SettingMaxSessions), IdleTimeout: *idle, Log: e.stderr})
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.serve.failed", l.Err(err)))
		var mode *serve.HostKeyModeError
		if errors.As(err, &mode) {
			fmt.Fprintln(e.stderr, l.T("cli.serve.hostkey_mode", mode.Path))
		}
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.serve.listen", *addr, l.Err(err)))
		return 1
	}
	fmt.Fprintln(e.stdout, l.T("cli.serve.started", ln.Addr().String(), path, upath, len(watched.Current().Users)))
	fmt.Fprintln(e.stdout, l.T("cli.serve.fingerprint", srv.Fingerprint()))
	port := ln.Addr().(*net.TCPAddr).Port
	fmt.Fprintln(e.stdout, l.T("cli.serve.connect", port))

	ctx, stop := signal.NotifyContext(e.ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.serve.failed", l.Err(err)))
			return 1
		}
		return 0
	case <-ctx.Done():
	}
	fmt.Fprintln(e.stdout, l.T("cli.serve.stopping", srv.Sessions()))
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.serve.failed", l.Err(err)))
	}
	<-done
	return 0
}

// demoUsers writes a users file for trying the server: every public key
// in ~/.ssh is an admin's (the user's own). It returns how many keys.
func demoUsers(path string) (int, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return 0, err
	}
	files, _ := filepath.Glob(filepath.Join(home, ".ssh", "*.pub"))
	me := data.LocalActor().Login
	if !users.CheckLogin(me) {
		me = "admin"
	}
	u := users.User{Login: me, Name: me, Role: string(data.RoleAdmin)}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		line := strings.TrimSpace(string(b))
		if _, err := users.ParseKey(line); err == nil {
			u.Keys = append(u.Keys, line)
		}
	}
	list, err := users.Load(path)
	if err != nil {
		list = users.List{} // a demo file that no longer parses is rebuilt
	}
	// Keep the colleagues added to the demo; the user's own entry is made anew.
	var keep []users.User
	for _, other := range list.Users {
		if other.Login == u.Login {
			continue
		}
		var mine bool
		for _, k := range other.Keys {
			for _, own := range u.Keys {
				mine = mine || users.SameKey(k, own)
			}
		}
		if !mine {
			keep = append(keep, other)
		}
	}
	if len(u.Keys) > 0 {
		keep = append(keep, u)
	}
	return len(u.Keys), users.Save(path, users.List{Users: keep})
}
