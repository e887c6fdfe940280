package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

func init() {
	register(command{name: "init", summary: "cli.init.summary", usage: "cli.init.usage", run: runInit})
}

// runInit creates an empty database, readable only by its owner.
func runInit(e *env, args []string) int {
	c := commands["init"]
	fs := e.flags(c)
	db := fs.String("db", "", e.lang.T("cli.flag.db"))
	name := fs.String("name", "", e.lang.T("cli.init.flag.name"))
	code := fs.String("kommunkod", "", e.lang.T("cli.init.flag.kommunkod"))
	if exit := e.parseNoArgs(fs, args); exit >= 0 {
		return exit
	}
	if *db == "" {
		fmt.Fprintln(e.stderr, e.lang.T("cli.init.need_db"))
		return 2
	}
	muni := data.Municipality{Name: data.CleanName(*name), Kommunkod: strings.TrimSpace(*code)}
	if muni.Kommunkod != "" && data.CheckKommunkod(muni.Kommunkod) != nil {
		fmt.Fprintln(e.stderr, e.lang.T("cli.kommunkod.invalid", muni.Kommunkod))
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
	if muni.Name != "" || muni.Kommunkod != "" {
		if err := s.SetMunicipality(e.ctx, func(m *data.Municipality) { m.Name, m.Kommunkod = muni.Name, muni.Kommunkod }); err != nil {
			fmt.Fprintln(e.stderr, e.lang.T("cli.err.open", *db, err))
			return 1
		}
	}
	fmt.Fprintln(e.stdout, e.lang.T("cli.init.done", *db, municipalityLine(e.lang, muni)))
	return 0
}

// municipalityLine names the municipality with its code, or says that it
// has no name yet and how to give it one.
func municipalityLine(l lang.Lang, m data.Municipality) string {
	switch {
	case m.Name == "" && m.Kommunkod == "":
		return l.T("cli.muni.unnamed")
	case m.Name == "":
		return l.T("cli.muni.code_only", m.Kommunkod)
	case m.Kommunkod == "":
		return l.T("cli.muni.name_only", m.Name)
	}
	return l.T("cli.muni.named", m.Name, m.Kommunkod)
}
