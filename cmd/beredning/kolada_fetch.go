package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/kolada"
)

func init() { koladaActions["fetch"] = runKoladaFetch }

// runKoladaFetch asks Kolada's public API for the mapped key figures of
// every municipality (ranks need them all) and stores them like an import.
func runKoladaFetch(e *env, args []string) int {
	c := koladaCommand("fetch")
	l := e.lang
	fs := e.flags(c)
	db := fs.String("db", "", l.T("cli.flag.db"))
	kpiFlag := fs.String("kpi", "", l.T("cli.kolada.fetch.flag.kpi"))
	yearsFlag := fs.String("years", "", l.T("cli.kolada.fetch.flag.years"))
	api := fs.String("api", kolada.DefaultBaseURL, l.T("cli.kolada.fetch.flag.api"))
	dryRun := fs.Bool("dry-run", false, l.T("cli.import.flag.dry_run"))
	save := fs.String("save", "", l.T("cli.kolada.fetch.flag.save"))
	if code := e.parseNoArgs(fs, args); code >= 0 {
		return code
	}
	kpis, err := data.ParseKPIList(*kpiFlag)
	if err != nil {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.bad_kpi", *kpiFlag))
		return 2
	}
	thisYear := time.Now().Year()
	years, ok := parseYears(*yearsFlag, thisYear)
	if !ok {
		fmt.Fprintln(e.stderr, l.T("cli.kolada.fetch.bad_years", *yearsFlag))
		return 2
	}
	s := e.openStore(e.dbPath(*db))
	if s == nil {
		return 1
	}
	defer s.Close()
	if len(kpis) == 0 {
		if kpis, err = mappedKPIs(e, s); err != nil {
			fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
			return 1
		}
	}
	client := kolada.NewClient()
	client.BaseURL = strings.TrimRight(*api, "/")
	client.SaveDir = *save
	if e.isTerminal(e.stderr) {
		client.Progress = func(u string) { fmt.Fprintln(e.stderr, l.T("cli.kolada.fetch.page", u)) }
	}
	fmt.Fprintln(e.stderr, l.T("cli.kolada.fetch.start", len(kpis), years[0], years[len(years)-1], client.BaseURL))
	opts := kolada.Options{DryRun: *dryRun, User: ingest.WhoImports("", e.getenv, e.account)}
	rep, err := client.Fetch(e.ctx, s, kolada.Request{KPIs: kpis, Years: years}, opts)
	var fe *kolada.FetchError
	switch {
	case errors.As(err, &fe):
		fmt.Fprintln(e.stderr, fe.Message(l))
		return 1
	case err != nil:
		fmt.Fprintln(e.stderr, l.T("cli.kolada.failed", err))
		return 1
	case rep.Refused():
		fmt.Fprint(e.stderr, rep.RenderErrors(l))
		return 1
	}
	fmt.Fprint(e.stdout, rep.Render(l))
	return 0
}

// mappedKPIs are every KPI the settings name: the area mapping's and the
// kolada_outlier rule's.
func mappedKPIs(e *env, s *data.Store) ([]string, error) {
	cfg, err := kolada.LoadConfig(e.ctx, s)
	if err != nil {
		return nil, err
	}
	set, err := s.Settings(e.ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	for _, m := range cfg.AreaKPIs {
		add(m.KPIs)
	}
	for _, key := range []string{data.SettingOutlierLimitKPIs, data.SettingOutlierTopKPIs} {
		ids, _ := data.ParseKPIList(set[key])
		add(ids)
	}
	return out, nil
}

// parseYears reads "2013-2022", "2020,2021" or "" (the ten years before
// this one: Kolada publishes a year in the spring after).
func parseYears(v string, thisYear int) ([]int, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		var out []int
		for y := thisYear - 10; y < thisYear; y++ {
			out = append(out, y)
		}
		return out, true
	}
	var out []int
	for _, part := range strings.Split(v, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil || a < 1990 || a > thisYear {
			return nil, false
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a || b > thisYear {
				return nil, false
			}
		}
		for y := a; y <= b; y++ {
			out = append(out, y)
		}
	}
	return out, len(out) > 0 && len(out) <= 40
}
