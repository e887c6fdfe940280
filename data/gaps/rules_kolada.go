package gaps

import (
	"context"
	"slices"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/kolada"
)

// RuleKoladaOutlier: the municipality's own Kolada figure crosses a legal
// or agreed limit, or is among the highest tenth of all municipalities on
// a cost or placement figure while the area says nothing about it.
const RuleKoladaOutlier = "kolada_outlier"

// KindKolada is evidence from Kolada: a key figure of a year.
const KindKolada = "kolada"

// koladaFacts are the Kolada figures a period is judged on: the year
// published by then (year N comes out in the spring of N+1, so a period
// of 2021 compares with 2020), for the KPIs mapped to each area.
type koladaFacts struct {
	year     int
	home     string
	byArea   map[int64][]kolada.Comparison // in the area mapping's order
	limits   map[string]bool               // KPIs with a legal or agreed limit
	topKPIs  map[string]bool               // cost and placement KPIs judged on rank
	maxDays  float64
	topPct   float64
	notFound bool // no kommunkod, or no values for the year
}

// loadKolada reads the comparisons the rule needs, in a few queries per KPI.
func loadKolada(ctx context.Context, s *data.Store, f *facts) (*koladaFacts, error) {
	kf := &koladaFacts{year: f.p.Year() - 1, byArea: map[int64][]kolada.Comparison{},
		limits: map[string]bool{}, topKPIs: map[string]bool{},
		maxDays: f.set.Float(data.SettingOutlierDays), topPct: f.set.Float(data.SettingOutlierTopPct)}
	cfg, err := kolada.LoadConfig(ctx, s)
	if err != nil {
		return nil, err
	}
	kf.home = cfg.Home
	if cfg.Home == "" {
		kf.notFound = true
		return kf, nil
	}
	limits, _ := data.ParseKPIList(f.set[data.SettingOutlierLimitKPIs])
	tops, _ := data.ParseKPIList(f.set[data.SettingOutlierTopKPIs])
	for _, k := range limits {
		kf.limits[k] = true
	}
	for _, k := range tops {
		kf.topKPIs[k] = true
	}
	cache := map[string]kolada.Comparison{}
	for _, a := range f.areas {
		var judged []string
		for _, k := range data.KPIsForArea(cfg.AreaKPIs, a.Name) {
			if kf.limits[k] || kf.topKPIs[k] {
				judged = append(judged, k)
			}
		}
		for _, k := range judged {
			c, ok := cache[k]
			if !ok {
				cs, err := kolada.Compare(ctx, s, cfg, []string{k}, 2, kf.year, kf.topPct)
				if err != nil {
					return nil, err
				}
				c = cs[0]
				cache[k] = c
			}
			kf.byArea[a.ID] = append(kf.byArea[a.ID], c)
		}
	}
	return kf, nil
}

// koladaOutlier evaluates the rule for every area with mapped KPIs.
func (e *engine) koladaOutlier(kf *koladaFacts) {
	if kf == nil || kf.notFound {
		return
	}
	for _, a := range e.f.areas {
		sc := data.Scope{AreaID: a.ID}
		for _, c := range kf.byArea[a.ID] {
			v, ok := c.Home.Years[kf.year]
			if !ok {
				continue // missing is not zero, and not an outlier
			}
			about := e.narrativesAbout(sc, c.KPI, kf.limits[c.KPI.ID])
			brk := c.Breaks[kf.year]
			switch {
			case kf.limits[c.KPI.ID] && v > kf.maxDays:
				sev := data.SeverityHigh
				if len(about) > 0 || brk {
					sev = data.SeverityMedium
				}
				title := e.l.T("gaps.ko.limit.title", c.KPI.ID, kolada.FormatValue(v), kf.year, num(kf.maxDays))
				expl := e.l.T("gaps.ko.limit.expl", e.kpiName(c.KPI), kolada.FormatValue(v), kf.year, num(kf.maxDays))
				e.addKolada(sc, c, kf, sev, title, expl, about, brk, data.SettingOutlierDays, data.SettingOutlierLimitKPIs)
			case kf.topKPIs[c.KPI.ID] && len(about) == 0:
				top, ok := c.Top[kf.year]
				r := c.Ranks[kf.year]
				if !ok || v < top || r.Place == 0 {
					continue
				}
				sev := data.SeverityMedium
				if brk {
					sev = data.SeverityLow
				}
				title := e.l.T("gaps.ko.top.title", c.KPI.ID, kolada.FormatValue(v), kf.year, r.Place, r.Of)
				expl := e.l.T("gaps.ko.top.expl", e.kpiName(c.KPI), kolada.FormatValue(v), kf.year, r.Place, r.Of, num(kf.topPct), kolada.FormatValue(top))
				e.addKolada(sc, c, kf, sev, title, expl, nil, brk, data.SettingOutlierTopPct, data.SettingOutlierTopKPIs)
			}
		}
	}
}

func (e *engine) addKolada(sc data.Scope, c kolada.Comparison, kf *koladaFacts, sev data.Severity, title, expl string,
	about []data.Narrative, brk bool, keys ...string) {
	y := kf.year
	if riket, ok := c.Riket.Years[y]; ok {
		expl += " " + e.l.T("gaps.ko.riket", kolada.FormatValue(riket))
	}
	if brk {
		expl += " " + e.l.T("gaps.ko.break", kolada.FormatValue(c.Home.Years[y-1]), y-1, kolada.FormatValue(c.Home.Years[y]), y)
	}
	if len(about) > 0 {
		var items []string
		for _, n := range about {
			items = append(items, e.narrativeItem(n, sc))
		}
		expl += " " + e.l.T("gaps.ko.said", joinList(items))
	} else {
		expl += " " + e.l.T("gaps.ko.silent", e.window())
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		d, _ := data.SettingDefFor(k)
		v := e.f.set[k]
		if d.Kind == data.KindNumber {
			v = e.settingText(k)
		}
		parts[i] = SettingValue(e.l, k, v)
	}
	expl += " " + e.l.T("gaps.thresholds", strings.Join(parts, ", ")) + " " + e.l.T("gaps.ko.source")
	ev := []Evidence{e.evKolada(sc, c, c.Home, y, brk)}
	if _, ok := c.Riket.Years[y]; ok {
		ev = append(ev, e.evKolada(sc, c, c.Riket, y, false))
	}
	for _, n := range about {
		ev = append(ev, e.evNarrative(n))
	}
	e.add(RuleKoladaOutlier, sc, sev, title, expl, ev)
}

// evKolada is one municipality's figure of a year, with the year before.
func (e *engine) evKolada(sc data.Scope, c kolada.Comparison, s kolada.Series, year int, brk bool) Evidence {
	ev := e.base(KindKolada, sc, 0)
	name := s.Name
	if name == "" {
		name = s.Code
	}
	ev.Label = e.kpiName(c.KPI) + " · " + name
	ev.MeasureKey = c.KPI.ID
	v := s.Years[year]
	ev.Number = ptrF(v)
	ev.Value = kolada.FormatValue(v) + " " + e.l.T("gaps.ko.in_year", year)
	if prev, ok := s.Years[year-1]; ok {
		ev.Previous = ptrF(prev)
		ev.Value = e.l.T("gaps.ko.ev_prev", kolada.FormatValue(v), year, kolada.FormatValue(prev), year-1)
	}
	if r, ok := c.Ranks[year]; ok && s.Code == c.Home.Code {
		ev.Value += " · " + e.l.T("gaps.ko.rank", r.Place, r.Of)
	}
	if brk {
		ev.Value += " · " + e.l.T("gaps.ko.break_mark")
	}
	return ev
}

// narrativesAbout are the area's narratives of the recent months that
// concern a KPI: naming it, or (for placement figures) placements, (for
// cost figures) a konto, (for investigation times) an investigation measure.
func (e *engine) narrativesAbout(sc data.Scope, k kolada.KPI, investigation bool) []data.Narrative {
	title := strings.ToLower(k.Title)
	var out []data.Narrative
	for _, n := range e.f.narrativesFor(sc) {
		about := strings.ToLower(strings.TrimSpace(n.About))
		switch {
		case about == "":
		case strings.EqualFold(about, k.ID):
			out = append(out, n)
		case strings.Contains(title, "placerade") && about == string(data.AccountPlacements):
			out = append(out, n)
		case strings.Contains(title, "kostnad") && slices.Contains(data.KnownAccounts, data.Account(about)):
			out = append(out, n)
		case (investigation || strings.Contains(title, "utredningstid")) && strings.HasPrefix(about, "utredningar"):
			out = append(out, n)
		}
	}
	return out
}

func (e *engine) kpiName(k kolada.KPI) string {
	if k.Title == "" {
		return k.ID
	}
	return k.ID + " " + k.Title
}
