package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
)

// Role is what a person does in the social services' office; it decides
// which writes the store lets them make.
type Role string

const (
	RoleDirektor    Role = "direktor"    // the social director: writes the briefing
	RoleController  Role = "controller"  // imports, reviews reports, undoes imports, tunes the gap rules
	RoleSekreterare Role = "sekreterare" // the committee secretary: meetings, items, documents, packs
	RoleLedamot     Role = "ledamot"     // a committee member: reads, never writes
	RoleAdmin       Role = "admin"       // users and settings
)

// Roles lists every role in the order the help and the users file name them.
var Roles = []Role{RoleDirektor, RoleController, RoleSekreterare, RoleLedamot, RoleAdmin}

// ParseRole reads a role name as the users file and the command line write it.
func ParseRole(s string) (Role, bool) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Roles {
		if r == known {
			return r, true
		}
	}
	return "", false
}

// Action is a kind of write the store guards.
type Action string

const (
	ActImport      Action = "import"       // import files (also Kolada), write facts
	ActUndoImport  Action = "import_undo"  // take an import back
	ActReview      Action = "review"       // approve, send back, comment, reopen a report
	ActGapSettings Action = "gap_settings" // the gap rules' thresholds
	ActSettings    Action = "settings"     // the municipality and the other settings
	ActBriefing    Action = "briefing"     // the chair's briefing: marks and notes
	ActMeetings    Action = "meetings"     // meetings, agenda items, documents, numbering, packs
	ActUsers       Action = "users"        // who may connect, with which role
)

// Actions lists every guarded action.
var Actions = []Action{ActImport, ActUndoImport, ActReview, ActGapSettings, ActSettings, ActBriefing, ActMeetings, ActUsers}

// rolePermits is the whole permission table: a role may do exactly these.
var rolePermits = map[Role][]Action{
	RoleDirektor:    {ActBriefing},
	RoleController:  {ActImport, ActUndoImport, ActReview, ActGapSettings},
	RoleSekreterare: {ActMeetings},
	RoleLedamot:     nil,
	RoleAdmin:       {ActUsers, ActSettings, ActGapSettings},
}

// Actor is the person a store acts for. Over SSH it is the user the key
// belongs to; on the command line it is the local account (Local), which
// owns the database file and so may do everything.
type Actor struct {
	Login string // the users file's name, or the OS account
	Name  string // display name
	Role  Role
	Local bool // the OS user running beredning on its own file: full rights
}

// LocalActor is the account running the program: what the command line
// acts as. Anyone who can open the file could write it directly, so roles
// would protect nothing there.
func LocalActor() Actor {
	name := os.Getenv("USER")
	if name == "" {
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
	}
	return Actor{Login: name, Name: name, Local: true}
}

// May tells whether the actor may take an action.
func (a Actor) May(act Action) bool {
	if a.Local {
		return true
	}
	for _, p := range rolePermits[a.Role] {
		if p == act {
			return true
		}
	}
	return false
}

// ReadsRestricted tells whether the actor reads the member's view: no
// closed item's text, no secret document.
func (a Actor) ReadsRestricted() bool { return !a.Local && a.Role == RoleLedamot }

// String is the actor as the audit trail names them.
func (a Actor) String() string { return a.Login }

// ErrForbidden is what every refused write wraps.
var ErrForbidden = errors.New("not permitted for this role")

// ForbiddenError is a write refused because of the actor's role. The
// screens and the command line show it in the user's language.
type ForbiddenError struct {
	Login  string
	Role   Role
	Action Action
}

func (e *ForbiddenError) Error() string {
	return fmt.Sprintf("%s (%s) may not %s", e.Login, e.Role, e.Action)
}

func (e *ForbiddenError) Unwrap() error { return ErrForbidden }

// Check returns a *ForbiddenError when the actor may not take the action.
func (a Actor) Check(act Action) error {
	if a.May(act) {
		return nil
	}
	return &ForbiddenError{Login: a.Login, Role: a.Role, Action: act}
}

// exec runs one guarded statement in a write transaction of its own, so
// it is checked, waits for another's write like every write, and tells
// the open boards.
func (s *Store) exec(ctx context.Context, act Action, q string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := s.write(ctx, act, func(t *Tx) error {
		var err error
		res, err = t.tx.ExecContext(ctx, q, args...)
		return err
	})
	return res, err
}

// As is the same database acting for another person: every write through
// it is checked against the actor's role, and what it writes to the audit
// trail names them. It shares the connection pool (and the change feed)
// with s; closing either closes both.
func (s *Store) As(a Actor) *Store {
	c := *s
	c.actor = a
	return &c
}

// Actor is who the store acts for.
func (s *Store) Actor() Actor { return s.actor }

// Actor is who the transaction writes for.
func (t *Tx) Actor() Actor { return t.actor }

// auditName is who a write names in the import log and the audit trail:
// the local account as the caller says it (the environment may name it
// differently), else the connected person's login.
func (s *Store) auditName(given string) string {
	if s.actor.Local && given != "" {
		return given
	}
	return s.actor.Login
}

// AuditName is who the store's writes are recorded under; given is what
// a local caller would name (for instance $USER), used only for the
// local account.
func (s *Store) AuditName(given string) string { return s.auditName(given) }
