// Package serve is beredning over SSH: one process owns the database and
// every colleague connects with ssh, each to a board of their own at
// their terminal's size, acting in their role. Keys are the only way in
// (the users package maps them to people); the store checks every write
// against the person's role and names them in the audit trail; every
// board reloads when anyone writes.
package serve

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	bm "charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/logging"
	"charm.land/wish/v2/ratelimiter"
	"charm.land/wish/v2/recover"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/serve/users"
	"github.com/beredning/beredning/tui"
)

// Config is what `beredning serve` passes in from its flags.
type Config struct {
	Store       *data.Store
	Addr        string // ":2222"
	Users       *users.Watched
	HostKeyPath string
	// ImportRoot is the only folder the board's import screen may read;
	// empty: imports through the board are off.
	ImportRoot string
	Lang       lang.Lang
	// MaxSessions bounds the boards open at once (setting serve.max_sessions).
	MaxSessions int
	IdleTimeout time.Duration // a connection without traffic this long is closed
	// SessionRate and SessionBurst bound how fast one address may open
	// sessions (wish's rate limiter).
	SessionRate  rate.Limit
	SessionBurst int
	// PollEvery is how often the server looks for writes by other
	// processes (PRAGMA data_version); 0: every second.
	PollEvery time.Duration
	Log       io.Writer
}

// Server is a running beredning SSH server.
type Server struct {
	cfg         Config
	ssh         *ssh.Server
	log         *log.Logger
	fingerprint string

	mu       sync.Mutex
	sessions map[*session]struct{}
	closing  bool
	stop     context.CancelFunc
	listener net.Listener // Serve's, closed by Shutdown even if ssh has not taken it yet
	watchers sync.WaitGroup
}

// session is one connected board.
type session struct {
	actor data.Actor
	prog  *tea.Program
	sess  ssh.Session
}

// New prepares a server: the host key is read or created, nothing listens yet.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Users == nil {
		return nil, errors.New("serve: a store and a users list are needed")
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 50
	}
	if cfg.SessionRate == 0 {
		cfg.SessionRate, cfg.SessionBurst = rate.Every(500*time.Millisecond), 20
	}
	if cfg.PollEvery <= 0 {
		cfg.PollEvery = time.Second
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	signer, pemBytes, err := loadHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log.New(cfg.Log, "", log.LstdFlags), sessions: map[*session]struct{}{},
		fingerprint: gossh.FingerprintSHA256(signer.PublicKey())}
	limiter := ratelimiter.NewRateLimiter(cfg.SessionRate, cfg.SessionBurst, 1024)
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPEM(pemBytes),
		// An emulated PTY: the board reads and writes the channel itself. A
		// real one (AllocatePty) races its close against the program's reads.
		ssh.EmulatePty(),
		ssh.PublicKeyAuth(s.allowKey),
		// Only keys: no password, no keyboard-interactive prompt.
		ssh.PasswordAuth(func(ssh.Context, string) bool { return false }),
		ssh.KeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return false }),
		wish.WithMiddleware(recover.MiddlewareWithLogger(s.log,
			s.afterBoard,
			bm.MiddlewareWithProgramHandler(s.program),
			activeterm.Middleware(),
			s.admit,
			s.needTerminal,
			ratelimiter.Middleware(limiter),
			logging.MiddlewareWithLogger(s.log),
		)),
	)
	if err != nil {
		return nil, err
	}
	srv.IdleTimeout = cfg.IdleTimeout
	s.ssh = srv
	return s, nil
}

// Fingerprint is the host key's SHA256 fingerprint, for users to check
// the first time they connect.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Serve accepts connections on l until Shutdown. It also starts telling
// every board about writes: this process's at once, other processes'
// within PollEvery.
func (s *Server) Serve(l net.Listener) error {
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		cancel()
		l.Close()
		return nil
	}
	s.stop, s.listener = cancel, l
	s.watchers.Add(2) // under the lock: Shutdown's Wait comes after
	s.mu.Unlock()
	go func() { defer s.watchers.Done(); s.relayChanges(ctx) }()
	go func() { defer s.watchers.Done(); s.pollOthers(ctx) }()
	err := s.ssh.Serve(l)
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if errors.Is(err, ssh.ErrServerClosed) || closing {
		return nil
	}
	return err
}

// ListenAndServe listens on the configured address and serves.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	return s.Serve(l)
}

// allowKey admits a key that belongs to a person in the users file (read
// again if it changed); any other key is refused and logged with its
// fingerprint, so an administrator can add it if it was meant to work.
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := s.cfg.Users.Current().Find(key); ok {
		return true
	}
	s.log.Printf("refused key %s %s for %q from %s", key.Type(), gossh.FingerprintSHA256(key), ctx.User(), ctx.RemoteAddr())
	return false
}

// person is who a session's key belongs to now: a user removed from the
// file since the key was checked is not let in.
func (s *Server) person(sess ssh.Session) (users.User, bool) {
	if sess.PublicKey() == nil {
		return users.User{}, false
	}
	return s.cfg.Users.Current().Find(sess.PublicKey())
}

// sessionLang is the language for one session: English when the client
// sends LANG or BEREDNING_LANG saying so (ssh's SendEnv), else the server's.
func (s *Server) sessionLang(sess ssh.Session) lang.Lang {
	for _, kv := range sess.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if k == "BEREDNING_LANG" || k == "LANG" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return lang.EN
			}
			if strings.HasPrefix(strings.ToLower(v), "sv") {
				return lang.SV
			}
		}
	}
	return s.cfg.Lang
}

// needTerminal tells a client without a PTY (ssh host some-command, or
// ssh -T) how to connect instead.
func (s *Server) needTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			wish.Println(sess, s.sessionLang(sess).T("serve.no_pty"))
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// admit lets a session in while there is room and the server is not
// shutting down.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		full, closing := len(s.sessions) >= s.cfg.MaxSessions, s.closing
		s.mu.Unlock()
		switch {
		case closing:
			wish.Println(sess, s.sessionLang(sess).T("serve.shutting_down"))
			_ = sess.Exit(1)
		case full:
			s.log.Printf("session refused for %s: %d sessions open", sess.User(), s.cfg.MaxSessions)
			wish.Println(sess, s.sessionLang(sess).T("serve.full", s.cfg.MaxSessions))
			_ = sess.Exit(1)
		default:
			next(sess)
		}
	}
}

// afterBoard runs when a board has quit, on the terminal it leaves: a
// board ended by the server's shutdown says so in one line.
func (s *Server) afterBoard(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		closing := s.closing
		s.mu.Unlock()
		if closing {
			wish.Println(sess, s.sessionLang(sess).T("serve.bye"))
		}
		next(sess)
	}
}

// program makes the board for one session: its own model, acting for
// the person the key belongs to, at the client's size and colour profile.
func (s *Server) program(sess ssh.Session) *tea.Program {
	u, ok := s.person(sess)
	if !ok {
		wish.Println(sess, s.sessionLang(sess).T("serve.unknown"))
		return nil
	}
	actor := u.Actor()
	l := s.sessionLang(sess)
	noColor := slices.ContainsFunc(sess.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "NO_COLOR=") && kv != "NO_COLOR=" })
	opt := tui.Options{Lang: l, NoColor: noColor, ImportRoot: s.cfg.ImportRoot, ImportDir: s.cfg.ImportRoot,
		NoImport: s.cfg.ImportRoot == ""}
	m := tui.NewSession(sess.Context(), s.cfg.Store.As(actor), opt)
	opts := append([]tea.ProgramOption{tea.WithContext(sess.Context())}, bm.MakeOptions(sess)...)
	if noColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(m, opts...)
	me := &session{actor: actor, prog: p, sess: sess}
	s.mu.Lock()
	s.sessions[me] = struct{}{}
	s.mu.Unlock()
	s.log.Printf("%s (%s, %s) opened a board", actor.Login, actor.Name, actor.Role)
	go func() {
		<-sess.Context().Done()
		s.mu.Lock()
		delete(s.sessions, me)
		s.mu.Unlock()
		s.tellPresence()
	}()
	// Presence goes out once the program runs: Send before Run would block.
	go func() {
		time.Sleep(50 * time.Millisecond)
		s.tellPresence()
	}()
	return p
}

// tellPresence sends every board the names of the others connected.
func (s *Server) tellPresence() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for me := range s.sessions {
		seen := map[string]bool{me.actor.Login: true}
		var names []string
		for other := range s.sessions {
			if !seen[other.actor.Login] {
				seen[other.actor.Login] = true
				names = append(names, other.actor.Name)
			}
		}
		sort.Strings(names)
		go me.prog.Send(tui.PresenceMsg{Others: names})
	}
}

// broadcast tells every open board that the database changed.
func (s *Server) broadcast(by string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for me := range s.sessions {
		go me.prog.Send(tui.ChangedMsg{By: by})
	}
}

// relayChanges passes this process's commits to every board at once.
func (s *Server) relayChanges(ctx context.Context) {
	ch, stop := s.cfg.Store.Subscribe()
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-ch:
			s.broadcast(c.By.Login)
		}
	}
}

// pollOthers finds writes by other processes (beredning import run on
// the server's shell) and reloads every board.
func (s *Server) pollOthers(ctx context.Context) {
	err := s.cfg.Store.WatchDataVersion(ctx, s.cfg.PollEvery, func() { s.broadcast("") })
	if err != nil && ctx.Err() == nil {
		s.log.Printf("watching the database for other writers: %v", err)
	}
}

// Sessions is the number of boards open.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// Shutdown ends the server gracefully: no new session is let in, every
// board quits (a write in progress finishes first: its transaction is not
// tied to the session) and its user reads a one-line notice, then the
// connections close. The caller closes the store afterwards.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	open := make([]*session, 0, len(s.sessions))
	for me := range s.sessions {
		open = append(open, me)
	}
	if s.stop != nil {
		s.stop()
	}
	ln := s.listener
	s.mu.Unlock()
	for _, me := range open {
		me.prog.Quit() // afterBoard tells its user why
	}
	err := s.ssh.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		err = s.ssh.Close()
	}
	if ln != nil {
		ln.Close() // already closed when ssh had taken it
	}
	s.watchers.Wait()
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	return err
}

func init() {
	lang.Register(map[string]lang.Text{
		"serve.no_pty": {"beredning behöver en terminal. Anslut med: ssh -t -p PORT VÄRD",
			"beredning needs a terminal. Connect with: ssh -t -p PORT HOST"},
		"serve.full":          {"Servern har redan %d öppna sessioner. Försök igen om en stund.", "The server already has %d open sessions. Try again in a while."},
		"serve.shutting_down": {"Servern stängs just nu.", "The server is shutting down."},
		"serve.unknown":       {"Nyckeln hör inte längre till någon användare.", "The key no longer belongs to any user."},
		"serve.bye":           {"beredning: servern stängdes; dina sparade ändringar finns kvar.", "beredning: the server was shut down; your saved changes are kept."},
	})
}
