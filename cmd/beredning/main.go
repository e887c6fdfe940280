// Command beredning prepares the social-services committee's meetings:
// budget, placements, measures and the units' own words side by side.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// env is what a subcommand gets: the language, the streams, and the
// environment, so tests can run commands without touching the process.
type env struct {
	ctx     context.Context
	lang    lang.Lang
	noColor bool
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	getenv  func(string) string
	// isTerminal tells whether a stream is a terminal.
	isTerminal func(any) bool
	// account is the operating system's user, for the import log when
	// neither --user nor the environment names one.
	account func() (*user.User, error)
}

// command is one subcommand. Each lives in its own file and registers
// itself from init.
type command struct {
	name    string
	summary string // catalogue key of the one-line summary
	usage   string // catalogue key of the usage line(s)
	run     func(e *env, args []string) int
}

var commands = map[string]command{}

func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func main() {
	e := &env{
		ctx:     context.Background(),
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		getenv:  os.Getenv,
		account: user.Current,
		isTerminal: func(f any) bool {
			if f, ok := f.(*os.File); ok {
				return term.IsTerminal(f.Fd())
			}
			return false
		},
	}
	os.Exit(run(e, os.Args[1:]))
}

// run picks the language and the subcommand. --lang and --no-color may
// stand anywhere on the line.
func run(e *env, args []string) int {
	args, langFlag, noColor := globalFlags(args)
	// The environment's locale picks English only when it names English;
	// any other locale is Swedish. A --lang the program does not know is
	// an error, not a silent fallback.
	e.lang, _ = lang.Parse(firstSet(e.getenv, "LC_ALL", "LC_MESSAGES", "LANG"))
	if langFlag != "" {
		l, ok := lang.Parse(langFlag)
		if !ok {
			fmt.Fprintln(e.stderr, e.lang.T("cli.err.lang", langFlag, lang.Supported()))
			return 2
		}
		e.lang = l
	}
	e.noColor = noColor || e.getenv("NO_COLOR") != ""

	if len(args) > 0 && isHelpFlag(args[0]) {
		printHelp(e, e.stdout)
		return 0
	}
	name := "open"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	switch name {
	case "help":
		if len(args) > 0 {
			if c, ok := commands[args[0]]; ok {
				return c.run(e, []string{"--help"})
			}
		}
		printHelp(e, e.stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintln(e.stderr, e.lang.T("cli.unknown_command", name))
		printHelp(e, e.stderr)
		return 2
	}
	return c.run(e, args)
}

func isHelpFlag(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

func firstSet(getenv func(string) string, names ...string) string {
	for _, n := range names {
		if v := getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// globalFlags takes --lang X, --lang=X and --no-color out of the line.
func globalFlags(args []string) (rest []string, langFlag string, noColor bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--lang" || a == "-lang":
			langFlag = "?" // a --lang without a value is an unknown language
			if i+1 < len(args) {
				langFlag = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			_, langFlag, _ = strings.Cut(a, "=")
		case a == "--no-color" || a == "-no-color":
			noColor = true
		default:
			rest = append(rest, a)
		}
	}
	return rest, langFlag, noColor
}

func printHelp(e *env, w io.Writer) {
	l := e.lang
	fmt.Fprintln(w, l.T("cli.help.intro"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.help.usage"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.help.commands"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, l.T(commands[n].summary))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.help.global"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.help.more"))
}

// flags makes a subcommand's flag set whose help is in the user's language.
func (e *env) flags(c command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintln(out, e.lang.T(c.summary))
		fmt.Fprintln(out)
		fmt.Fprintln(out, e.lang.T(c.usage))
		fmt.Fprintln(out)
		fmt.Fprintln(out, e.lang.T("cli.help.flags"))
		fs.VisitAll(func(f *flag.Flag) {
			name, usage := flag.UnquoteUsage(f)
			if k := "cli.flag.type." + name; name != "" && lang.Has(k) {
				name = e.lang.T(k) // the flag package names the type in English
			}
			fmt.Fprintf(out, "  --%s\n      %s\n", strings.TrimSpace(f.Name+" "+name), usage)
		})
		fmt.Fprintln(out, "  --lang sv|en\n      "+e.lang.T("cli.flag.lang"))
		fmt.Fprintln(out, "  --no-color\n      "+e.lang.T("cli.flag.no_color"))
	}
	return fs
}

// parse parses a subcommand's flags and lets them stand after positional
// arguments too ("import a.csv --dry-run"). It returns -1 to go on, or an
// exit code.
func (e *env) parse(fs *flag.FlagSet, args []string) ([]string, int) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if isHelpFlag(a) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return nil, 0
		}
	}
	var positional []string
	out := fs.Output()
	fs.SetOutput(io.Discard) // the flag package's own message is in English
	defer fs.SetOutput(out)
	for {
		if err := fs.Parse(args); err != nil {
			fmt.Fprintln(e.stderr, flagError(e.lang, err))
			fmt.Fprintln(e.stderr)
			fs.SetOutput(e.stderr)
			fs.Usage()
			return nil, 2
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return positional, -1
}

// parseNoArgs is parse for commands that take flags only.
func (e *env) parseNoArgs(fs *flag.FlagSet, args []string) int {
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, e.lang.T("cli.err.args", strings.Join(rest, " ")))
		return 2
	}
	return -1
}

// dbPath resolves the database: --db, else BEREDNING_DB, else the user's
// data directory.
func (e *env) dbPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := e.getenv("BEREDNING_DB"); v != "" {
		return v
	}
	return filepath.Join(userDataDir(e.getenv), "beredning", "beredning.db")
}

// userDataDir follows the XDG convention on Unix, and the platform's own
// place elsewhere; os has UserCacheDir and UserConfigDir but no data dir.
func userDataDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d
	}
	if d := getenv("LOCALAPPDATA"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Application Support")
	}
	return filepath.Join(home, ".local", "share")
}

// openStore opens an existing database for writing, or explains in the
// user's language why it cannot, and returns nil.
func (e *env) openStore(path string) *data.Store {
	return e.open(path, data.OpenOptions{})
}

// openForReading opens a database for a command that only reads: a file
// the user may not write opens read-only, and nothing is created or
// changed.
func (e *env) openForReading(path string) *data.Store {
	return e.open(path, data.OpenOptions{Reading: true})
}

func (e *env) open(path string, o data.OpenOptions) *data.Store {
	if o.OnWait == nil {
		o.OnWait = func() { fmt.Fprintln(e.stderr, e.lang.T("cli.waiting", text.Line(path))) }
	}
	s, err := data.OpenWith(e.ctx, path, o)
	if err != nil {
		e.explainOpenError(path, err)
		return nil
	}
	if s.OthersMayRead() {
		shown := text.Line(path)
		fmt.Fprintln(e.stderr, e.lang.T("cli.warn.others_may_read", shown, fmt.Sprintf("%04o", uint32(s.Mode())), shown))
	}
	return s
}

func (e *env) explainOpenError(path string, err error) {
	l := e.lang
	path = text.Line(path)
	var tooNew *data.SchemaTooNewError
	var notOurs *data.NotBeredningError
	switch {
	case errors.Is(err, data.ErrNoDatabase):
		fmt.Fprintln(e.stderr, l.T("cli.err.no_database", path))
	case errors.As(err, &tooNew):
		fmt.Fprintln(e.stderr, l.T("cli.err.schema_too_new", path, tooNew.Found, tooNew.Supports))
	case errors.As(err, &notOurs):
		fmt.Fprintln(e.stderr, l.T("cli.err.not_beredning", path, l.T("cli.err.not_beredning."+notOurs.Reason)))
	case errors.Is(err, data.ErrReadOnly):
		fmt.Fprintln(e.stderr, l.T("cli.err.read_only", path))
	default:
		fmt.Fprintln(e.stderr, l.T("cli.err.open", path, l.Err(err)))
	}
}

// userName is who the import log names, or "okänd" when nobody is known.
func userName(l lang.Lang, u string) string {
	if u == "" {
		return l.T("cli.user.unknown")
	}
	return u
}
