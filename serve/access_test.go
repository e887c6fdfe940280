package serve_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/serve"
	"github.com/beredning/beredning/serve/users"
)

func TestUnknownKeyAndPasswordAreRefused(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	ts := startServer(t, []person{carl}, nil)
	stranger := newPerson(t, "eve", "Eve", data.RoleAdmin)
	if c, err := ts.dial(t, gossh.PublicKeys(stranger.signer)); err == nil {
		c.Close()
		t.Fatal("an unknown key was let in")
	}
	fp := gossh.FingerprintSHA256(stranger.signer.PublicKey())
	if !strings.Contains(ts.log.String(), fp) {
		t.Fatalf("the refusal is not logged with the key's fingerprint %s:\n%s", fp, ts.log.String())
	}
	if c, err := ts.dial(t, gossh.Password("hemligt")); err == nil {
		c.Close()
		t.Fatal("a password was accepted")
	}
	challenge := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return []string{"x"}, nil })
	if c, err := ts.dial(t, challenge); err == nil {
		c.Close()
		t.Fatal("keyboard-interactive was accepted")
	}
	c, err := ts.dial(t, gossh.PublicKeys(carl.signer))
	if err != nil {
		t.Fatalf("a known key was refused: %v", err)
	}
	c.Close()
}

// A colleague added to the users file while the server runs can connect
// at once; one removed cannot.
func TestUsersFileIsReadAgain(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	ts := startServer(t, []person{carl}, nil)
	sara := newPerson(t, "sara", "Sara Holm", data.RoleSekreterare)
	if c, err := ts.dial(t, gossh.PublicKeys(sara.signer)); err == nil {
		c.Close()
		t.Fatal("sara was let in before she was added")
	}
	list, err := users.Load(ts.usersPath)
	if err != nil {
		t.Fatal(err)
	}
	list.Users = []users.User{{Login: "sara", Name: "Sara Holm", Role: "sekreterare", Keys: []string{sara.keyLine()}}}
	// The file's time may not change within the filesystem's resolution,
	// but its size does: carl's entry is gone.
	if err := users.Save(ts.usersPath, list); err != nil {
		t.Fatal(err)
	}
	c, err := ts.dial(t, gossh.PublicKeys(sara.signer))
	if err != nil {
		t.Fatalf("sara was refused after she was added: %v", err)
	}
	c.Close()
	if c, err := ts.dial(t, gossh.PublicKeys(carl.signer)); err == nil {
		c.Close()
		t.Fatal("carl was let in after he was removed")
	}
}

func TestNoTerminalGetsAMessage(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	ts := startServer(t, []person{carl}, nil)
	c, err := ts.dial(t, gossh.PublicKeys(carl.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := sess.CombinedOutput("")
	if !strings.Contains(string(out), "ssh -t") {
		t.Fatalf("a client without a terminal got %q", out)
	}
}

func TestHostKeyIsKeptPrivateAndReused(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	ts := startServer(t, []person{carl}, nil)
	key := serve.HostKeyPath(filepath.Join(ts.dir, "demo.db"))
	fi, err := os.Stat(key)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key mode %04o, want 0600", fi.Mode().Perm())
	}
	w, err := users.Watch(ts.usersPath)
	if err != nil {
		t.Fatal(err)
	}
	again, err := serve.New(serve.Config{Store: ts.store, Users: w, HostKeyPath: key})
	if err != nil {
		t.Fatal(err)
	}
	if again.Fingerprint() != ts.srv.Fingerprint() {
		t.Fatal("a second start made a new host key")
	}
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := serve.New(serve.Config{Store: ts.store, Users: w, HostKeyPath: key}); err == nil {
		t.Fatal("a host key others may read was used")
	}
}

func TestSessionLimit(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	ts := startServer(t, []person{carl}, func(c *serve.Config) { c.MaxSessions = 1 })
	first := ts.connect(t, carl, 100, 30)
	first.waitFor("Ekbacka kommun")
	second := ts.connect(t, carl, 100, 30)
	second.waitFor("1 öppna sessioner")
}

// SIGTERM's path: every board quits and its user reads one line saying why.
func TestShutdownTellsEverySession(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	lena := newPerson(t, "lena", "Lena Ström", data.RoleLedamot)
	ts := startServer(t, []person{carl, lena}, nil)
	a, b := ts.connect(t, carl, 100, 30), ts.connect(t, lena, 100, 30)
	a.waitFor("Ekbacka kommun")
	b.waitFor("Ekbacka kommun")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := ts.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tm := range []*terminal{a, b} {
		<-tm.done
		if !strings.Contains(tm.text(), "servern stängdes") {
			t.Fatalf("no notice at shutdown; the end was %q", tail(tm.text(), 200))
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
