package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/text"
)

func init() {
	register(command{name: "kolada", summary: "cli.kolada.summary", usage: "cli.kolada.usage", run: runKolada})
}

// koladaActions are kolada's subcommands; fetch lives in kolada_fetch.go.
var koladaActions = map[string]func(e *env, args []string) int{
	"import": runKoladaImport,
	"list":   runKoladaList,
	"kpis":   runKoladaKPIs,
}

// runKolada dispatches `beredning kolada ACTION …`.
func runKolada(e *env, args []string) int {
	c := commands["kolada"]
	if len(args) == 0 || isHelpFlag(args[0]) {
		w := e.stdout
		if len(args) == 0 {
			w = e.stderr
		}
		fmt.Fprintln(w, e.lang.T(c.summary))
		fmt.Fprintln(w)
		fmt.Fprintln(w, e.lang.T(c.usage))
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	run, ok := koladaActions[args[0]]
	if !ok {
		fmt.Fprintln(e.stderr, e.lang.T("cli.kolada.unknown_action", args[0]))
		fmt.Fprintln(e.stderr, e.lang.T(c.usage))
		return 2
	}
	return run(e, args[1:])
}

// koladaCommand is the flag set's command for one action, so --help
// prints that action's usage.
func koladaCommand(action string) command {
	return command{name: "kolada " + action, summary: "cli.kolada." + action + ".summary", usage: "cli.kolada." + action + ".usage"}
}

func runKoladaImport(e *env, args []string) int {
	c := koladaCommand("import")
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	dryRun := fs.Bool("dry-run", false, l.T("cli.import.flag.dry_run"))
	skip := fs.Bool("skip-unknown", false, l.T("cli.kolada.flag.skip_unknown"))
	user := fs.String("user", "", l.T("cli.import.flag.user"))
	paths, code := e.parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, l.T("cli.import.need_paths"))
		fmt.Fprintln(e.stderr, l.T(c.usage))
		return 2
	}
	s := e.openStore(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	opts := kolada.Options{DryRun: *dryRun, SkipUnknown: *skip, User: ingest.WhoImports(*user, e.getenv, e.account)}
	rep, err := kolada.Import(e.ctx, s, paths, opts)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.import.failed", err))
		return 1
	}
	if rep.Refused() {
		fmt.Fprint(e.stderr, rep.RenderErrors(l))
		return 1
	}
	fmt.Fprint(e.stdout, rep.Render(l))
	return 0
}

// koladaValueJSON is one value in `kolada list --format json`, stable for scripts.
type koladaValueJSON struct {
	KPI          string  `json:"kpi"`
	Municipality string  `json:"municipality"`
	Name         string  `json:"name"`
	Year         int     `json:"year"`
	Gender       string  `json:"gender"`
	Value        float64 `json:"value"`
}

func runKoladaList(e *env, args []string) int {
	c := koladaCommand("list")
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	kpi := fs.String("kpi", "", l.T("cli.kolada.flag.kpi"))
	kommun := fs.String("kommun", "", l.T("cli.kolada.flag.kommun"))
	format := fs.String("format", "table", l.T("cli.kolada.flag.format"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintln(e.stderr, l.T("cli.err.format", *format, "table, json"))
		return 2
	}
	kpis, err := data.ParseKPIList(*kpi)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.bad_kpi", *kpi))
		return 2
	}
	codes, err := data.ParseCodes(*kommun)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.bad_code", *kommun))
		return 2
	}
	s := e.openForReading(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	vals, err := kolada.List(e.ctx, s, kolada.Filter{KPIs: kpis, Municipality: codes})
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	}
	names, err := kolada.Names(e.ctx, s)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	}
	if *format == "json" {
		out := make([]koladaValueJSON, 0, len(vals))
		for _, v := range vals {
			out = append(out, koladaValueJSON{v.KPI, v.Municipality, names[v.Municipality], v.Year, v.Gender, v.Value})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 1
		}
		return 0
	}
	if len(vals) == 0 {
		fmt.Fprintln(e.stdout, l.T("cli.kolada.list.none"))
		return 0
	}
	tw := text.NewTable()
	tw.Row(l.T("cli.kolada.col.kpi"), l.T("cli.kolada.col.code"), l.T("cli.kolada.col.name"),
		l.T("cli.kolada.col.year"), l.T("cli.kolada.col.gender"), l.T("cli.kolada.col.value"))
	for _, v := range vals {
		tw.Row(v.KPI, v.Municipality, names[v.Municipality], strconv.Itoa(v.Year), v.Gender, kolada.FormatValue(v.Value))
	}
	tw.Write(e.stdout, "")
	fmt.Fprintln(e.stdout, l.T("cli.kolada.source"))
	return 0
}

func runKoladaKPIs(e *env, args []string) int {
	c := koladaCommand("kpis")
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	s := e.openForReading(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	cfg, err := kolada.LoadConfig(e.ctx, s)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	}
	areas, err := s.Areas(e.ctx)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	}
	type group struct {
		name string
		kpis []string
	}
	var groups []group
	if len(areas) == 0 {
		for _, m := range cfg.AreaKPIs {
			name := strings.Join(m.Names, " / ")
			if name == "*" {
				name = l.T("cli.kolada.kpis.committee")
			}
			groups = append(groups, group{name, m.KPIs})
		}
	} else {
		for _, a := range areas {
			groups = append(groups, group{a.Name, data.KPIsForArea(cfg.AreaKPIs, a.Name)})
		}
		groups = append(groups, group{l.T("cli.kolada.kpis.committee"), data.CommitteeKPIs(cfg.AreaKPIs)})
	}
	var all []string
	for _, g := range groups {
		all = append(all, g.kpis...)
	}
	cat, err := kolada.KPIs(e.ctx, s, all)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	}
	years, err := kolada.YearSpans(e.ctx, s, all)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	}
	home := cfg.Home
	if home == "" {
		home = l.T("cli.kolada.kpis.no_home")
	}
	fmt.Fprintln(e.stdout, l.T("cli.kolada.kpis.heading", home, strings.Join(append([]string{kolada.Riket, cfg.Region()}, cfg.Compare...), ", ")))
	for _, g := range groups {
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, g.name)
		if len(g.kpis) == 0 {
			fmt.Fprintln(e.stdout, "  "+l.T("cli.kolada.kpis.unmapped"))
			continue
		}
		for _, id := range g.kpis {
			title := cat[id].Title
			if title == "" {
				title = l.T("cli.kolada.kpis.not_in_catalogue")
			}
			span := l.T("cli.kolada.kpis.no_values")
			if y, ok := years[id]; ok {
				span = fmt.Sprintf("%d–%d", y[0], y[1])
			}
			fmt.Fprintf(e.stdout, "  %s  %s  (%s)\n", id, title, span)
		}
	}
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, l.T("cli.kolada.kpis.hint", data.SettingKoladaAreaKPIs))
	return 0
}
