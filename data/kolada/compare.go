package kolada

import (
	"context"
	"math"
	"sort"

	"github.com/beredning/beredning/data"
)

// Config is what comparisons need from the settings.
type Config struct {
	Home        string   // the municipality's kommunkod; "" until set
	Compare     []string // the comparison set's codes
	AreaKPIs    []data.AreaKPIs
	BreakFactor float64
}

// Region is the home municipality's region.
func (c Config) Region() string { return RegionOf(c.Home) }

// LoadConfig reads the Kolada settings.
func LoadConfig(ctx context.Context, s *data.Store) (Config, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return Config{}, err
	}
	cfg := Config{BreakFactor: set.Float(data.SettingKoladaBreak)}
	if cfg.Home, err = homeCode(ctx, s, set); err != nil {
		return cfg, err
	}
	cfg.Compare, _ = data.ParseCodes(set[data.SettingKoladaCompare])
	if cfg.AreaKPIs, err = data.ParseAreaKPIs(set[data.SettingKoladaAreaKPIs]); err != nil {
		cfg.AreaKPIs, _ = data.ParseAreaKPIs(data.DefaultAreaKPIs)
	}
	return cfg, nil
}

// homeCode is the municipality's kommunkod (init --kommunkod, settings
// set kommun.kod).
func homeCode(ctx context.Context, s *data.Store, _ data.Settings) (string, error) {
	m, err := s.Municipality(ctx)
	return m.Kommunkod, err
}

// Series is one municipality's values of one KPI by year (total gender).
type Series struct {
	Code, Name string
	Years      map[int]float64
}

// Rank is the home municipality's place among all kommuner in a year:
// 1 is the highest value.
type Rank struct{ Place, Of int }

// Spread is the comparison set's values in a year.
type Spread struct {
	Min, Median, Max float64
	N                int
}

// Comparison is one KPI for the municipality beside its peers.
type Comparison struct {
	KPI                 KPI
	Home, Region, Riket Series
	Set                 []Series // the comparison set, in the setting's order
	Years               []int    // the years shown, oldest first
	Ranks               map[int]Rank
	SetSpread           map[int]Spread
	Breaks              map[int]bool    // home series: year Y breaks from Y−1
	BreakFactor         float64         // what counts as a break, for the other series
	Top                 map[int]float64 // the value at which the highest tenth starts, by year
}

// Latest is the newest shown year in which the home municipality has a
// value, or 0.
func (c Comparison) Latest() int {
	for i := len(c.Years) - 1; i >= 0; i-- {
		if _, ok := c.Home.Years[c.Years[i]]; ok {
			return c.Years[i]
		}
	}
	return 0
}

// Compare builds the comparison of each KPI over the last `years` years
// that have any value, up to toYear (0: no limit).
func Compare(ctx context.Context, s *data.Store, cfg Config, kpis []string, years, toYear int, topPct float64) ([]Comparison, error) {
	names, err := Names(ctx, s)
	if err != nil {
		return nil, err
	}
	cat, err := KPIs(ctx, s, kpis)
	if err != nil {
		return nil, err
	}
	var out []Comparison
	for _, id := range kpis {
		vals, err := List(ctx, s, Filter{KPIs: []string{id}, Gender: Total, ToYear: toYear})
		if err != nil {
			return nil, err
		}
		k := cat[id]
		if k.ID == "" {
			k = KPI{ID: id}
		}
		out = append(out, build(k, vals, names, cfg, years, topPct))
	}
	return out, nil
}

// build arranges one KPI's values; pure, so tests can feed it rows.
func build(k KPI, vals []Value, names map[string]string, cfg Config, years int, topPct float64) Comparison {
	byMuni := map[string]map[int]float64{}
	yearSet := map[int]bool{}
	for _, v := range vals {
		if byMuni[v.Municipality] == nil {
			byMuni[v.Municipality] = map[int]float64{}
		}
		byMuni[v.Municipality][v.Year] = v.Value
		yearSet[v.Year] = true
	}
	series := func(code string) Series {
		return Series{Code: code, Name: names[code], Years: byMuni[code]}
	}
	c := Comparison{KPI: k, Home: series(cfg.Home), Region: series(cfg.Region()), Riket: series(Riket),
		Ranks: map[int]Rank{}, SetSpread: map[int]Spread{}, Top: map[int]float64{}}
	for _, code := range cfg.Compare {
		c.Set = append(c.Set, series(code))
	}
	for y := range yearSet {
		c.Years = append(c.Years, y)
	}
	sort.Ints(c.Years)
	if len(c.Years) > years && years > 0 {
		c.Years = c.Years[len(c.Years)-years:]
	}
	// A gap year inside the window is shown as missing, not skipped.
	if len(c.Years) > 1 {
		var full []int
		for y := c.Years[0]; y <= c.Years[len(c.Years)-1]; y++ {
			full = append(full, y)
		}
		c.Years = full
	}
	for _, y := range c.Years {
		var all []float64
		for code, ys := range byMuni {
			if v, ok := ys[y]; ok && IsKommun(code) {
				all = append(all, v)
			}
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(all)))
		if len(all) > 0 {
			n := int(math.Ceil(float64(len(all)) * topPct / 100))
			if n >= 1 {
				c.Top[y] = all[n-1]
			}
		}
		if v, ok := c.Home.Years[y]; ok && IsKommun(cfg.Home) {
			place := 1
			for _, o := range all {
				if o > v {
					place++
				}
			}
			c.Ranks[y] = Rank{Place: place, Of: len(all)}
		}
		var set []float64
		for _, s := range c.Set {
			if v, ok := s.Years[y]; ok {
				set = append(set, v)
			}
		}
		if len(set) > 0 {
			sort.Float64s(set)
			c.SetSpread[y] = Spread{Min: set[0], Max: set[len(set)-1], Median: median(set), N: len(set)}
		}
	}
	c.Breaks = Breaks(c.Home.Years, cfg.BreakFactor)
	c.BreakFactor = cfg.BreakFactor
	return c
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// Breaks marks the years whose value differs from the year before by more
// than factor (either way): a change in how a figure is counted or
// reported, not a trend. Stockholm's children in HVB went from 0.38 to
// 1.48 per 1 000 between 2020 and 2021. Zero values and missing years
// mark nothing, since no ratio can be read from them.
func Breaks(years map[int]float64, factor float64) map[int]bool {
	out := map[int]bool{}
	if factor <= 1 {
		return out
	}
	for y, v := range years {
		prev, ok := years[y-1]
		if !ok || prev <= 0 || v <= 0 {
			continue
		}
		if r := v / prev; r > factor || r < 1/factor {
			out[y] = true
		}
	}
	return out
}
