package serve_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/fixtures"
	"github.com/beredning/beredning/serve"
	"github.com/beredning/beredning/serve/users"
)

// demoFile is the demo municipality, built once for the package's tests
// and copied for each server so writes do not leak between tests.
var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

func demoCopy(t testing.TB) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "beredning-serve-test")
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		ctx := context.Background()
		s, err := data.Create(ctx, demoPath)
		if err != nil {
			demoErr = err
			return
		}
		if demoErr = fixtures.Build(ctx, s, fixtures.DefaultSeed); demoErr != nil {
			return
		}
		if _, demoErr = s.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); demoErr != nil {
			return
		}
		demoErr = s.Close()
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	b, err := os.ReadFile(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// person is a test user with a fresh key.
type person struct {
	login, name string
	role        data.Role
	signer      gossh.Signer
}

func newPerson(t testing.TB, login, name string, role data.Role) person {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return person{login: login, name: name, role: role, signer: s}
}

func (p person) keyLine() string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(p.signer.PublicKey())))
}

// testServer is a server on a free port of the loopback, with its log.
type testServer struct {
	srv       *serve.Server
	store     *data.Store
	addr      string
	log       *syncBuffer
	dir       string
	usersPath string
	importDir string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startServer(t testing.TB, people []person, tune func(*serve.Config)) *testServer {
	t.Helper()
	path := demoCopy(t)
	dir := filepath.Dir(path)
	ctx := context.Background()
	store, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var list users.List
	for _, p := range people {
		list.Users = append(list.Users, users.User{Login: p.login, Name: p.name, Role: string(p.role), Keys: []string{p.keyLine()}})
	}
	upath := filepath.Join(dir, "users.toml")
	if err := users.Save(upath, list); err != nil {
		t.Fatal(err)
	}
	w, err := users.Watch(upath)
	if err != nil {
		t.Fatal(err)
	}
	importDir := filepath.Join(dir, "import")
	if err := os.Mkdir(importDir, 0o700); err != nil {
		t.Fatal(err)
	}
	logBuf := &syncBuffer{}
	cfg := serve.Config{Store: store, Addr: "127.0.0.1:0", Users: w, HostKeyPath: serve.HostKeyPath(path),
		ImportRoot: importDir, Lang: lang.SV, Log: logBuf, PollEvery: 200 * time.Millisecond,
		SessionRate: 1000, SessionBurst: 1000}
	if tune != nil {
		tune(&cfg)
	}
	srv, err := serve.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	ts := &testServer{srv: srv, store: store, addr: ln.Addr().String(), log: logBuf, dir: dir, usersPath: upath, importDir: importDir}
	t.Cleanup(func() {
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
		<-done
		store.Close()
	})
	return ts
}

// dial connects with a person's key, checking the host key's fingerprint
// as a careful user would.
func (ts *testServer) dial(t testing.TB, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	cfg := &gossh.ClientConfig{
		User: "whoever",
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			if got := gossh.FingerprintSHA256(key); got != ts.srv.Fingerprint() {
				t.Errorf("host key %s, server printed %s", got, ts.srv.Fingerprint())
			}
			return nil
		},
		Timeout: 10 * time.Second,
	}
	return gossh.Dial("tcp", ts.addr, cfg)
}

// terminal is a client session with a PTY: what it received, and its input.
type terminal struct {
	t    testing.TB
	sess *gossh.Session
	in   interface{ Write([]byte) (int, error) }
	out  *syncBuffer
	done chan struct{}
	// screen is what a terminal would show: the renderer sends only what
	// changed, so a text on screen need not be whole in the bytes.
	screen *vt.SafeEmulator
}

func (ts *testServer) connect(t testing.TB, p person, w, h int) *terminal {
	t.Helper()
	return ts.connectWith(t, p, w, h, true)
}

// connectWith connects, with a terminal emulator beside the bytes when
// emulate (the load test counts bytes only, to keep the client light).
func (ts *testServer) connectWith(t testing.TB, p person, w, h int, emulate bool) *terminal {
	t.Helper()
	c, err := ts.dial(t, gossh.PublicKeys(p.signer))
	if err != nil {
		t.Fatalf("%s could not connect: %v", p.login, err)
	}
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Setenv("NO_COLOR", "1"); err != nil {
		// servers may refuse env; ours takes it
		t.Log(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, sess: sess, in: in, out: &syncBuffer{}, done: make(chan struct{})}
	if emulate {
		term.screen = vt.NewSafeEmulator(w, h)
		go func() { _, _ = io.Copy(io.Discard, term.screen) }() // its answers to the program's queries
	}
	go func() {
		defer close(term.done)
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			term.out.Write(buf[:n])
			if term.screen != nil {
				term.screen.Write(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return term
}

// text is everything received, without escape sequences.
func (tm *terminal) text() string { return ansi.Strip(tm.out.String()) }

// waitFor waits until the received text holds want (a wait, not a timing
// assertion: the deadline only keeps a broken test from hanging).
func (tm *terminal) waitFor(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.text(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tail := tm.text()
	if len(tail) > 3000 {
		tail = tail[len(tail)-3000:]
	}
	tm.t.Fatalf("never received %q; the end of what came:\n%s", want, tail)
}

// mark is where the received bytes are now, to look only at what follows.
func (tm *terminal) mark() int { return len(tm.text()) }

func (tm *terminal) since(mark int) string {
	s := tm.text()
	if mark > len(s) {
		return ""
	}
	return s[mark:]
}

func (tm *terminal) waitForSince(mark int, want string) {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.since(mark), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("after the mark, never received %q; got:\n%s", want, tm.since(mark))
}

// shown is the screen as the terminal shows it now, without styles.
func (tm *terminal) shown() string {
	lines := strings.Split(ansi.Strip(tm.screen.Render()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// waitScreen waits until the screen shows want.
func (tm *terminal) waitScreen(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.shown(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, tm.shown())
}

// waitUntil waits until the screen meets a condition.
func (tm *terminal) waitUntil(what string, ok func(screen string) bool) {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok(tm.shown()) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("never %s; the screen shows:\n%s", what, tm.shown())
}

func (tm *terminal) press(keys string) {
	tm.t.Helper()
	if _, err := tm.in.Write([]byte(keys)); err != nil {
		tm.t.Fatal(err)
	}
}
