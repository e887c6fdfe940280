package gaps

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"gaps.rule.kolada_outlier": {"Avviker i Kolada", "Outlier in Kolada"},
		"gaps.kind.kolada":         {"Kolada", "Kolada"},

		"gaps.ko.limit.title": {"Kolada %s: %s år %d, över gränsen %s dagar", "Kolada %s: %s in %d, above the limit of %s days"},
		"gaps.ko.limit.expl":  {"Kommunens eget värde i Kolada för %s är %s för %d, över gränsen %s dagar (fyramånadersgränsen).", "The municipality's own Kolada figure for %s is %s for %d, above the limit of %s days (the four-month limit)."},
		"gaps.ko.top.title":   {"Kolada %s: %s år %d, plats %d av %d", "Kolada %s: %s in %d, place %d of %d"},
		"gaps.ko.top.expl":    {"Kommunens eget värde i Kolada för %s är %s för %d, plats %d av %d kommuner (1 = högst): bland de högsta %s %% (från %s).", "The municipality's own Kolada figure for %s is %s for %d, place %d of %d municipalities (1 = highest): among the highest %s %% (from %s)."},
		"gaps.ko.riket":       {"Riket: %s.", "Riket: %s."},
		"gaps.ko.break":       {"Obs: värdet går från %s (%d) till %s (%d), ett brott i serien – troligen ändrad redovisning snarare än en verklig förändring.", "Note: the figure goes from %s (%d) to %s (%d), a break in the series – more likely a change in reporting than a real change."},
		"gaps.ko.said":        {"Området har skrivit om det: %s.", "The area has written about it: %s."},
		"gaps.ko.silent":      {"Området har inte skrivit något om det under %s.", "The area has written nothing about it in %s."},
		"gaps.ko.source":      {"Källa: Kolada/RKA.", "Source: Kolada/RKA."},
		"gaps.ko.in_year":     {"år %d", "in %d"},
		"gaps.ko.ev_prev":     {"%s år %d (%s år %d)", "%s in %d (%s in %d)"},
		"gaps.ko.rank":        {"plats %d av %d", "place %d of %d"},
		"gaps.ko.break_mark":  {"brott i serien", "break in the series"},

		"gaps.setting_value.kolada_outlier.investigation_days": {"utredningstid över %s dagar", "investigation time above %s days"},
		"gaps.setting_value.kolada_outlier.limit_kpis":         {"gränsen gäller %s", "the limit applies to %s"},
		"gaps.setting_value.kolada_outlier.top_pct":            {"bland de högsta %s %% av kommunerna", "among the highest %s %% of municipalities"},
		"gaps.setting_value.kolada_outlier.top_kpis":           {"rangordning för %s", "ranks for %s"},

		"gaps.setting.kolada.compare":                    {"Kolada: kommuner att jämföra med (koder, till exempel 0180,0480); riket och regionen visas alltid", "Kolada: municipalities to compare with (codes, for example 0180,0480); Riket and the region are always shown"},
		"gaps.setting.kolada.area_kpis":                  {"Kolada: nyckeltal per område, \"Område|Annat namn=KPI,KPI; *=KPI\" (* är nämnden)", "Kolada: KPIs per area, \"Area|Other name=KPI,KPI; *=KPI\" (* is the committee)"},
		"gaps.setting.kolada.break_factor":               {"Kolada: ett värde som ändras mer än så många gånger från ett år till nästa är ett brott i serien", "Kolada: a figure that changes by more than this factor from one year to the next is a break in the series"},
		"gaps.setting.kolada_outlier.investigation_days": {"Avviker i Kolada: gräns för utredningstid i dagar (fyramånadersgränsen)", "Kolada outlier: limit for investigation time in days (the four-month limit)"},
		"gaps.setting.kolada_outlier.top_pct":            {"Avviker i Kolada: den högsta andelen (%) av kommunerna som räknas som avvikande", "Kolada outlier: the highest share (%) of municipalities that counts as an outlier"},
		"gaps.setting.kolada_outlier.top_kpis":           {"Avviker i Kolada: kostnads- och placeringsnyckeltal som bedöms på rangordning", "Kolada outlier: cost and placement KPIs judged on rank"},
		"gaps.setting.kolada_outlier.limit_kpis":         {"Avviker i Kolada: nyckeltal med gränsen för utredningstid", "Kolada outlier: KPIs with the investigation-time limit"},
	})
}
