// Package users is the server's list of people: who may connect to
// beredning serve, with which SSH keys and in which role. It is a TOML
// file an administrator edits with `beredning users` (or by hand):
//
//	[[user]]
//	login = "anna"
//	name  = "Anna Lind"
//	role  = "controller"
//	keys  = ["ssh-ed25519 AAAAC3Nza… anna@laptop"]
//
// Roles are the store's (data.Roles). A key belongs to one person only.
package users

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	gossh "golang.org/x/crypto/ssh"

	"github.com/beredning/beredning/data"
)

// User is one person who may connect.
type User struct {
	Login string   `toml:"login"`
	Name  string   `toml:"name"`
	Role  string   `toml:"role"`
	Keys  []string `toml:"keys"` // authorized_keys lines
}

// Actor is the person as the store acts for them.
func (u User) Actor() data.Actor {
	r, _ := data.ParseRole(u.Role)
	name := u.Name
	if name == "" {
		name = u.Login
	}
	return data.Actor{Login: u.Login, Name: name, Role: r}
}

// List is the users file's contents.
type List struct {
	Users []User `toml:"user"`
}

// Problem is what is wrong with the file, located by person and key.
type Problem struct {
	Login string
	Key   int // 1-based; 0 when the problem is not about a key
	What  string
}

func (p Problem) Error() string {
	if p.Key > 0 {
		return fmt.Sprintf("user %q, key %d: %s", p.Login, p.Key, p.What)
	}
	return fmt.Sprintf("user %q: %s", p.Login, p.What)
}

// Why a users file is refused; the command line names each in the
// user's language.
const (
	WhatLogin     = "login"     // empty, or not letters, digits, . _ -
	WhatRole      = "role"      // not one of data.Roles
	WhatKey       = "key"       // not an authorized_keys line
	WhatDuplicate = "duplicate" // a login or key used twice
)

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

// CheckLogin tells whether a login is one the file accepts.
func CheckLogin(login string) bool { return loginPattern.MatchString(login) }

// Validate checks every person: login, role, keys, and that no login or
// key is used twice.
func (l List) Validate() error {
	logins := map[string]bool{}
	keys := map[string]string{}
	for _, u := range l.Users {
		if !CheckLogin(u.Login) {
			return Problem{Login: u.Login, What: WhatLogin}
		}
		if logins[u.Login] {
			return Problem{Login: u.Login, What: WhatDuplicate}
		}
		logins[u.Login] = true
		if _, ok := data.ParseRole(u.Role); !ok {
			return Problem{Login: u.Login, What: WhatRole}
		}
		for i, k := range u.Keys {
			pk, err := ParseKey(k)
			if err != nil {
				return Problem{Login: u.Login, Key: i + 1, What: WhatKey}
			}
			fp := gossh.FingerprintSHA256(pk)
			if _, ok := keys[fp]; ok {
				return Problem{Login: u.Login, Key: i + 1, What: WhatDuplicate}
			}
			keys[fp] = u.Login
		}
	}
	return nil
}

// ParseKey reads one authorized_keys line.
func ParseKey(line string) (gossh.PublicKey, error) {
	pk, _, _, _, err := gossh.ParseAuthorizedKey([]byte(strings.TrimSpace(line)))
	return pk, err
}

// Find is the person a public key belongs to.
func (l List) Find(key gossh.PublicKey) (User, bool) {
	want := key.Marshal()
	for _, u := range l.Users {
		for _, k := range u.Keys {
			if pk, err := ParseKey(k); err == nil && bytes.Equal(pk.Marshal(), want) {
				return u, true
			}
		}
	}
	return User{}, false
}

// SyntaxError: the file is not TOML, at this line and column.
type SyntaxError struct{ Line, Col int }

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: not TOML", e.Line, e.Col)
}

// Load reads and validates a users file. A missing file is an empty list.
func Load(path string) (List, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return List{}, nil
	}
	if err != nil {
		return List{}, err
	}
	var l List
	if _, err := toml.Decode(string(b), &l); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return List{}, &SyntaxError{Line: pe.Position.Line, Col: pe.Position.Col}
		}
		return List{}, err
	}
	return l, l.Validate()
}

// Save writes the file whole, readable only by its owner, replacing the
// old one in one rename so the server never reads half a file.
func Save(path string, l List) error {
	if err := l.Validate(); err != nil {
		return err
	}
	sort.SliceStable(l.Users, func(i, j int) bool { return l.Users[i].Login < l.Users[j].Login })
	var buf bytes.Buffer
	buf.WriteString("# beredning serve: who may connect, with which keys and role.\n")
	buf.WriteString("# Roles: " + roleNames() + ". Edit with `beredning users`.\n\n")
	if err := toml.NewEncoder(&buf).Encode(l); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".users-*.toml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func roleNames() string {
	var s []string
	for _, r := range data.Roles {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

// Watched is a users file the server reads again when it changes on disk,
// so adding a colleague needs no restart. A file that no longer parses
// keeps the last good list (and the error is reported once).
type Watched struct {
	path string
	mu   sync.Mutex
	list List
	mod  time.Time
	size int64
	// OnReload is told after each reading of a changed file, with its error.
	OnReload func(List, error)
}

// Watch reads the file now; an invalid file is refused at start.
func Watch(path string) (*Watched, error) {
	w := &Watched{path: path}
	l, err := Load(path)
	if err != nil {
		return nil, err
	}
	w.list = l
	if fi, err := os.Stat(path); err == nil {
		w.mod, w.size = fi.ModTime(), fi.Size()
	}
	return w, nil
}

// Current is the list as the file now says, read again if its time or
// size changed since the last look. It is called on every login attempt,
// which costs one stat.
func (w *Watched) Current() List {
	w.mu.Lock()
	defer w.mu.Unlock()
	fi, err := os.Stat(w.path)
	var mod time.Time
	var size int64
	if err == nil {
		mod, size = fi.ModTime(), fi.Size()
	}
	if mod.Equal(w.mod) && size == w.size {
		return w.list
	}
	w.mod, w.size = mod, size
	l, err := Load(w.path)
	if err == nil {
		w.list = l
	}
	if w.OnReload != nil {
		w.OnReload(l, err)
	}
	return w.list
}

// SameKey tells whether two authorized_keys lines hold the same key,
// whatever their comments.
func SameKey(a, b string) bool {
	ka, err := ParseKey(a)
	if err != nil {
		return false
	}
	kb, err := ParseKey(b)
	return err == nil && bytes.Equal(ka.Marshal(), kb.Marshal())
}

// Fingerprint is a key line's SHA256 fingerprint, or "" when it is no key.
func Fingerprint(line string) string {
	k, err := ParseKey(line)
	if err != nil {
		return ""
	}
	return gossh.FingerprintSHA256(k)
}
