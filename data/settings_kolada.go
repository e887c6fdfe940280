package data

import (
	"fmt"
	"regexp"
	"strings"
)

// Kolada settings: which municipalities the committee compares itself
// with, which Kolada key figures belong to which area, when a jump in a
// series is a break, and the kolada_outlier rule's thresholds.
const (
	KindCodes   SettingKind = "codes"    // Kolada codes, comma separated; may be empty
	KindKPIs    SettingKind = "kpis"     // Kolada KPI ids, comma separated
	KindAreaMap SettingKind = "area_map" // "Område|Annat namn=KPI,KPI; …; *=KPI"

	SettingKoladaCompare    = "kolada.compare"
	SettingKoladaAreaKPIs   = "kolada.area_kpis"
	SettingKoladaBreak      = "kolada.break_factor"
	SettingOutlierDays      = "kolada_outlier.investigation_days"
	SettingOutlierTopPct    = "kolada_outlier.top_pct"
	SettingOutlierTopKPIs   = "kolada_outlier.top_kpis"
	SettingOutlierLimitKPIs = "kolada_outlier.limit_kpis"
)

// DefaultAreaKPIs maps the usual area names to the Kolada key figures a
// chair asks about; "*" is the committee as a whole.
const DefaultAreaKPIs = "Barn och unga|Barn och familj|Barn- och ungdomsvård=N33816,N33817,U33401,N33001; " +
	"Försörjningsstöd|Ekonomiskt bistånd=N31816,N31001,U31402; " +
	"Vuxen missbruk|Missbruk|Vuxna=U35400,N35001; " +
	"*=N30005,N30001,N00090"

func init() {
	SettingDefs = append(SettingDefs,
		SettingDef{SettingKoladaCompare, "", KindCodes},
		SettingDef{SettingKoladaAreaKPIs, DefaultAreaKPIs, KindAreaMap},
		SettingDef{SettingKoladaBreak, "3", KindNumber},
		SettingDef{SettingOutlierDays, "120", KindNumber},
		SettingDef{SettingOutlierTopPct, "10", KindNumber},
		SettingDef{SettingOutlierTopKPIs, "N30005,N33001,N35001,N31001,N33816,N33817", KindKPIs},
		SettingDef{SettingOutlierLimitKPIs, "U33401", KindKPIs},
	)
	extraValidators[KindCodes] = func(v string) bool { _, err := ParseCodes(v); return err == nil }
	extraValidators[KindKPIs] = func(v string) bool { l, err := ParseKPIList(v); return err == nil && len(l) > 0 }
	extraValidators[KindAreaMap] = func(v string) bool { _, err := ParseAreaKPIs(v); return err == nil }
}

var (
	codePattern = regexp.MustCompile(`^[0-9]{4}$`)
	kpiPattern  = regexp.MustCompile(`^[A-Z][0-9]{5}$`)
)

// ParseCodes reads "0180, 0480" as Kolada codes; empty is none.
func ParseCodes(v string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		if !codePattern.MatchString(f) {
			return nil, fmt.Errorf("not a Kolada code: %q", f)
		}
		out = append(out, f)
	}
	return out, nil
}

// ParseKPIList reads "N33816, n33817" as KPI ids.
func ParseKPIList(v string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		id := strings.ToUpper(f)
		if !kpiPattern.MatchString(id) {
			return nil, fmt.Errorf("not a KPI id: %q", f)
		}
		out = append(out, id)
	}
	return out, nil
}

// AreaKPIs is one line of the area mapping: the names an area may carry
// and its key figures. Names "*" mean the committee as a whole.
type AreaKPIs struct {
	Names []string
	KPIs  []string
}

// ParseAreaKPIs reads "Barn och unga|Barn och familj=N33816,N33817; *=N30005".
func ParseAreaKPIs(v string) ([]AreaKPIs, error) {
	var out []AreaKPIs
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		names, kpis, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("no '=' in %q", part)
		}
		var line AreaKPIs
		for _, n := range strings.Split(names, "|") {
			if n = CleanName(n); n != "" {
				line.Names = append(line.Names, n)
			}
		}
		ids, err := ParseKPIList(kpis)
		if err != nil {
			return nil, err
		}
		if len(line.Names) == 0 || len(ids) == 0 {
			return nil, fmt.Errorf("empty names or KPIs in %q", part)
		}
		line.KPIs = ids
		out = append(out, line)
	}
	return out, nil
}

// KPIsForArea picks an area's key figures: the first line one of whose
// names the area's name holds (ignoring case and å/ä/ö), else none.
func KPIsForArea(mapping []AreaKPIs, area string) []string {
	a := foldName(area)
	for _, m := range mapping {
		for _, n := range m.Names {
			if n != "*" && strings.Contains(a, foldName(n)) {
				return m.KPIs
			}
		}
	}
	return nil
}

// CommitteeKPIs are the "*" line's key figures.
func CommitteeKPIs(mapping []AreaKPIs) []string {
	for _, m := range mapping {
		for _, n := range m.Names {
			if n == "*" {
				return m.KPIs
			}
		}
	}
	return nil
}

func foldName(s string) string {
	return strings.NewReplacer("å", "a", "ä", "a", "ö", "o").Replace(NameKey(s))
}
