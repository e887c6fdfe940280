package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

func init() {
	register(command{name: "settings", summary: "cli.settings.summary", usage: "cli.settings.usage", run: runSettings})
}

// runSettings shows and changes the gap thresholds:
// settings [list | set KEY VALUE | reset KEY].
func runSettings(e *env, args []string) int {
	c := commands["settings"]
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	rest, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	action := "list"
	if len(rest) > 0 {
		action, rest = rest[0], rest[1:]
	}
	want := map[string]int{"list": 0, "set": 2, "reset": 1}
	n, ok := want[action]
	if !ok {
		fmt.Fprintln(e.stderr, l.T("cli.settings.unknown_action", action))
		return 2
	}
	if len(rest) < n {
		fmt.Fprintln(e.stderr, l.T("cli.settings.need_args", action, l.T("cli.settings.args."+action)))
		return 2
	}
	if len(rest) > n {
		fmt.Fprintln(e.stderr, l.T("cli.err.args", rest[n:]))
		return 2
	}
	if n > 0 && isMunicipalityKey(rest[0]) {
		return e.municipalitySetting(*db, action, rest)
	}
	var def data.SettingDef
	if n > 0 {
		if def, ok = data.SettingDefFor(rest[0]); !ok {
			fmt.Fprintln(e.stderr, l.T("cli.settings.unknown_key", rest[0], strings.Join(append(municipalityKeys(), settingKeys()...), "\n  ")))
			return 1
		}
	}
	path := e.dbPath(*db)
	open := e.openStore
	if action == "list" {
		open = e.openForReading
	}
	s := open(path)
	if s == nil {
		return 1
	}
	defer s.Close()
	switch action {
	case "set":
		value := normalizeSetting(def, rest[1])
		if err := s.SetSetting(e.ctx, def.Key, value); err != nil {
			var bad *data.InvalidSettingError
			if errors.As(err, &bad) {
				fmt.Fprintln(e.stderr, l.T("cli.settings.invalid", rest[1], def.Key, l.T("cli.settings.kind."+string(def.Kind))))
				return 1
			}
			fmt.Fprintln(e.stderr, l.T("cli.settings.failed", l.Err(err)))
			return 1
		}
		fmt.Fprintln(e.stdout, l.T("cli.settings.set", def.Key, settingShown(l, def.Key, value), settingShown(l, def.Key, def.Default)))
	case "reset":
		if err := s.ResetSetting(e.ctx, def.Key); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.settings.failed", l.Err(err)))
			return 1
		}
		fmt.Fprintln(e.stdout, l.T("cli.settings.reset", def.Key, settingShown(l, def.Key, def.Default)))
	default:
		rows, err := s.SettingRows(e.ctx)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.settings.failed", l.Err(err)))
			return 1
		}
		m, err := s.Municipality(e.ctx)
		if err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.settings.failed", err))
			return 1
		}
		writeMunicipalitySettings(e.stdout, l, m)
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, l.T("cli.settings.heading"))
		fmt.Fprintln(e.stdout)
		tw := text.NewTable()
		tw.Row(l.T("cli.settings.col.key"), l.T("cli.settings.col.value"),
			l.T("cli.settings.col.default"), l.T("cli.settings.col.meaning"))
		for _, r := range rows {
			// A long value (the area→KPI mapping) is cut; set prints it whole.
			value, def := clipSetting(settingShown(l, r.Key, r.Value)), clipSetting(settingShown(l, r.Key, r.Default))
			if r.Value != r.Default {
				value += " *"
			}
			tw.Row(r.Key, value, def, gaps.SettingHelp(l, r.Key))
		}
		tw.Write(e.stdout, "")
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, l.T("cli.settings.hint"))
	}
	return 0
}

// clipSetting keeps the table narrow: values past 44 characters end in "…".
func clipSetting(v string) string {
	if r := []rune(v); len(r) > 44 {
		return string(r[:43]) + "…"
	}
	return v
}

func settingKeys() []string {
	out := make([]string, len(data.SettingDefs))
	for i, d := range data.SettingDefs {
		out[i] = d.Key
	}
	return out
}

// normalizeSetting accepts what a Swedish user types: a decimal comma
// ("2,5") for numbers, and "låg"/"hög" or any case for severities.
func normalizeSetting(d data.SettingDef, v string) string {
	v = strings.TrimSpace(v)
	switch d.Kind {
	case data.KindNumber, data.KindInt:
		return strings.Replace(v, ",", ".", 1)
	case data.KindSeverity:
		v = strings.NewReplacer("å", "a", "ö", "o").Replace(strings.ToLower(v))
		if sev, ok := englishSeverity[v]; ok {
			return string(sev)
		}
	}
	return v
}

// englishSeverity lets an English user type the words the list shows.
var englishSeverity = map[string]data.Severity{"low": data.SeverityLow, "medium": data.SeverityMedium, "high": data.SeverityHigh}

// settingShown is a stored value as the reader sees it: a severity in
// words of the language ("medium"), a number as it is.
func settingShown(l lang.Lang, key, value string) string {
	if d, ok := data.SettingDefFor(key); ok && d.Kind == data.KindSeverity {
		return l.Severity(data.Severity(value))
	}
	return value
}
