package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// The municipality's name, SCB code and committee are changed with the
// same `settings set` / `settings reset` as the thresholds, under keys of
// their own: they live in the municipality table, not among the settings.
const (
	keyMuniName      = "kommun.namn"
	keyMuniCode      = "kommun.kod"
	keyMuniCommittee = "kommun.namnd"
)

func municipalityKeys() []string { return []string{keyMuniName, keyMuniCode, keyMuniCommittee} }

func isMunicipalityKey(k string) bool {
	for _, m := range municipalityKeys() {
		if k == m {
			return true
		}
	}
	return false
}

// municipalitySetting sets or resets one of the municipality's keys.
func (e *env) municipalitySetting(dbFlag, action string, args []string) int {
	l := e.lang
	key, value := args[0], ""
	if action == "set" {
		value = strings.TrimSpace(args[1])
	}
	switch {
	case key == keyMuniCode && value != "" && data.CheckKommunkod(value) != nil:
		fmt.Fprintln(e.stderr, l.T("cli.kommunkod.invalid", value))
		return 1
	case key == keyMuniName:
		value = data.CleanName(value)
	case key == keyMuniCommittee && value == "":
		value = data.DefaultCommittee
	}
	s := e.openStore(e.dbPath(dbFlag))
	if s == nil {
		return 1
	}
	defer s.Close()
	err := s.SetMunicipality(e.ctx, func(m *data.Municipality) {
		switch key {
		case keyMuniName:
			m.Name = value
		case keyMuniCode:
			m.Kommunkod = value
		case keyMuniCommittee:
			m.Committee = value
		}
	})
	if errors.Is(err, data.ErrKommunkod) {
		fmt.Fprintln(e.stderr, l.T("cli.kommunkod.invalid", value))
		return 1
	}
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.settings.failed", err))
		return 1
	}
	if value == "" {
		fmt.Fprintln(e.stdout, l.T("cli.settings.muni.cleared", key))
	} else {
		fmt.Fprintln(e.stdout, l.T("cli.settings.muni.set", key, value))
	}
	return 0
}

// writeMunicipalitySettings lists the municipality's keys above the thresholds.
func writeMunicipalitySettings(w io.Writer, l lang.Lang, m data.Municipality) {
	fmt.Fprintln(w, l.T("cli.settings.muni.heading"))
	fmt.Fprintln(w)
	tw := text.NewTable()
	tw.Row(l.T("cli.settings.col.key"), l.T("cli.settings.col.value"), l.T("cli.settings.col.meaning"))
	missing := l.T("cli.settings.muni.missing")
	orMissing := func(v string) string {
		if v == "" {
			return missing
		}
		return v
	}
	tw.Row(keyMuniName, orMissing(m.Name), l.T("cli.settings.muni.name"))
	tw.Row(keyMuniCode, orMissing(m.Kommunkod), l.T("cli.settings.muni.code"))
	tw.Row(keyMuniCommittee, m.Committee, l.T("cli.settings.muni.committee"))
	tw.Write(w, "")
}

func init() {
	lang.Register(map[string]lang.Text{
		"cli.settings.muni.heading":   {"Kommunen:", "The municipality:"},
		"cli.settings.muni.missing":   {"(saknas)", "(not given)"},
		"cli.settings.muni.name":      {"kommunens namn, som rubrikerna visar", "the municipality's name, as headings show it"},
		"cli.settings.muni.code":      {"SCB:s kommunkod, fyra siffror (t.ex. 0127)", "SCB's kommunkod, four digits (e.g. 0127)"},
		"cli.settings.muni.committee": {"nämnden som äger uppgifterna", "the committee that owns the data"},
		"cli.settings.muni.set":       {"%s = %s", "%s = %s"},
		"cli.settings.muni.cleared":   {"%s är borttagen", "%s is cleared"},
	})
}
