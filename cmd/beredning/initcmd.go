package main

import (
	"errors"
	"fmt"

	"github.com/beredning/beredning/data"
)

func init() {
	register(command{name: "init", summary: "cli.init.summary", usage: "cli.init.usage", run: runInit})
}

// runInit creates an empty database, readable only by its owner.
func runInit(e *env, args []string) int {
	c := commands["init"]
	fs := e.flags(c)
	db := fs.String("db", "", e.lang.T("cli.flag.db"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	if *db == "" {
		fmt.Fprintln(e.stderr, e.lang.T("cli.init.need_db"))
		return 2
	}
	s, err := data.Create(e.ctx, *db)
	if err != nil {
		if errors.Is(err, data.ErrExists) {
			fmt.Fprintln(e.stderr, e.lang.T("cli.init.exists", *db))
			return 1
		}
		fmt.Fprintln(e.stderr, e.lang.T("cli.err.open", *db, e.lang.Err(err)))
		return 1
	}
	defer s.Close()
	fmt.Fprintln(e.stdout, e.lang.T("cli.init.done", *db))
	return 0
}
