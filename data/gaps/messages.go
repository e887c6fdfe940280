package gaps

import "github.com/beredning/beredning/data/lang"

// The texts of the gaps, Swedish first. Figures are formatted by explain.go
// and passed in as strings, so both languages write them the Swedish way.

func init() {
	lang.Register(map[string]lang.Text{
		// Short names of the rules, for lists and headings.
		"gaps.rule.green_with_shortfall":  {"Grönt trots beskriven brist", "Green despite a reported shortfall"},
		"gaps.rule.status_contradiction":  {"Status bättre än värdet", "Status better than the value"},
		"gaps.rule.deadline_breach":       {"Fyramånadersgränsen överskrids", "Four-month limit exceeded"},
		"gaps.rule.unexplained_deviation": {"Oförklarad budgetavvikelse", "Unexplained budget deviation"},
		"gaps.rule.balance_by_vacancy":    {"Budget i balans genom vakanser", "Budget balanced by vacancies"},
		"gaps.rule.placement_surge":       {"Placeringarna ökar", "Placements rising"},
		"gaps.rule.silence":               {"Allt grönt och inget sagt", "All green and nothing said"},

		"gaps.thresholds":      {"Trösklar: %s.", "Thresholds: %s."},
		"gaps.where.area":      {"området som helhet", "the area as a whole"},
		"gaps.where.all_units": {"området med enheter", "the area with its units"},

		// Evidence values.
		"gaps.ev.indicator":          {"%s (mål %s, %s)", "%s (target %s, %s)"},
		"gaps.ev.indicator_expected": {"%s (mål %s, rapporterad %s, värdet ger %s)", "%s (target %s, reported %s, the value earns %s)"},
		"gaps.ev.measure_prev":       {"%s (%s i %s)", "%s (%s in %s)"},
		"gaps.ev.budget":             {"budget %s · utfall %s · avvikelse %s tkr (%s)", "budget %s · outcome %s · deviation %s tkr (%s)"},
		"gaps.ev.budget_total":       {"Totalt", "Total"},
		"gaps.ev.budget_label":       {"%s, %s", "%s, %s"},
		"gaps.ev.placement":          {"%s (%s ett år tidigare)", "%s (%s a year earlier)"},
		"gaps.ev.placement_total":    {"Alla insatser", "All kinds"},
		"gaps.ev.narrative":          {"%s, allvar %s", "%s, severity %s"},
		"gaps.narrative_item":        {"%s ”%s” (%s, %s)", "%s “%s” (%s, %s)"},
		"gaps.narrative_item_where":  {"%s ”%s” (%s, %s, %s)", "%s “%s” (%s, %s, %s)"},
		"gaps.indicator_item":        {"%s (%s, mål %s)", "%s (%s, target %s)"},
		"gaps.over_budget":           {"underskott", "over budget"},
		"gaps.under_budget":          {"överskott", "under budget"},

		// green_with_shortfall
		"gaps.gws.title1": {"Grönt för %s – men ”%s”", "Green for %s – but “%s”"},
		"gaps.gws.titleN": {"%d gröna indikatorer – men ”%s”", "%d green indicators – but “%s”"},
		"gaps.gws.expl": {
			"I %s rapporteras grönt för %s. Under %s beskrivs samtidigt brister av allvarlighet %s eller högre: %s. Punkten säger att allt är väl medan verksamheten själv säger att det inte är det. Allvarligheten är den högsta bland bristerna.",
			"In %s, green is reported for %s. During %s, shortfalls of severity %s or higher are described at the same time: %s. The dot says all is well while the service itself says it is not. The severity is the highest among the shortfalls.",
		},

		// status_contradiction
		"gaps.sc.title1": {"%s rapporteras %s men %s missar målet %s", "%s reported %s but %s misses the target %s"},
		"gaps.sc.titleN": {"%d indikatorer rapporteras bättre än värdena visar", "%d indicators reported better than their values show"},
		"gaps.sc.item": {
			"%s: värde %s, mål %s (%s), rapporterad %s men värdet ger %s",
			"%s: value %s, target %s (%s), reported %s but the value earns %s",
		},
		"gaps.sc.expl": {
			"I %s: %s. Ett värde som missar målet är gult inom det gula bandet (%s %% av målet) och rött utanför det. Punkten är fel på sina egna villkor. Allvarlighet hög när statusen är två steg för god (grön i stället för röd), annars medel.",
			"In %s: %s. A value that misses its target is yellow within the yellow band (%s %% of the target) and red beyond it. The dot is wrong on its own terms. Severity is high when the status is two steps too good (green instead of red), else medium.",
		},

		// deadline_breach
		"gaps.db.title":     {"%s pågående utredningar över fyramånadersgränsen", "%s ongoing investigations past the four-month limit"},
		"gaps.db.title_one": {"1 pågående utredning över fyramånadersgränsen", "1 ongoing investigation past the four-month limit"},
		"gaps.db.expl_one": {
			"I slutet av %s pågick 1 barnavårdsutredning längre än fyra månader. Lagen kräver att en utredning avslutas inom fyra månader, vad punkterna än säger.",
			"At the end of %s, 1 child investigation had run longer than four months. The law requires an investigation to finish within four months, whatever the dots say.",
		},
		"gaps.db.title_rose": {"%s pågående utredningar över fyramånadersgränsen (upp från %s)", "%s ongoing investigations past the four-month limit (up from %s)"},
		"gaps.db.expl": {
			"I slutet av %s pågick %s barnavårdsutredningar längre än fyra månader. Lagen kräver att en utredning avslutas inom fyra månader, vad punkterna än säger.",
			"At the end of %s, %s child investigations had run longer than four months. The law requires an investigation to finish within four months, whatever the dots say.",
		},
		"gaps.db.rose":   {" I %s var antalet %s: det har ökat, därför hög allvarlighet.", " In %s the number was %s: it has risen, hence high severity."},
		"gaps.db.same":   {" I %s var antalet %s: ingen ökning, därför medel.", " In %s the number was %s: no rise, hence medium."},
		"gaps.db.noprev": {" Inget tidigare värde under %s att jämföra med, därför medel.", " No earlier value during %s to compare with, hence medium."},
		"gaps.db.threshold": {
			"fler än 0 (lagkrav); hög när antalet ökat under de senaste %d månaderna",
			"more than 0 (a legal requirement); high when the number rose over the last %d months",
		},

		// unexplained_deviation
		"gaps.ud.title": {"Oförklarad avvikelse: %s %s tkr (%s)", "Unexplained deviation: %s %s tkr (%s)"},
		"gaps.ud.line":  {"%s %s tkr (%s av budgeten %s tkr, %s)", "%s %s tkr (%s of the budget %s tkr, %s)"},
		"gaps.ud.expl": {
			"Avvikelse hittills i år (budget − utfall, %s): %s. Ingen förklarande berättelse (analys, åtgärd, tillkortakommande eller risk) finns för området eller dess enheter under %s. En avvikelse som ingen förklarar, över eller under budget. Allvarlighet hög när avvikelsen är minst dubbla tröskeln i både procent och tkr, annars medel.",
			"Deviation year to date (budget − outcome, %s): %s. No explaining narrative (analysis, action, shortfall or risk) exists for the area or its units during %s. A deviation nobody explains, over or under budget. Severity is high when the deviation is at least twice the threshold in both per cent and tkr, else medium.",
		},

		// balance_by_vacancy
		"gaps.bv.title": {"Personalbudgeten hålls av vakanser: %s tkr under budget (%s)", "Staff budget held by vacancies: %s tkr under budget (%s)"},
		"gaps.bv.expl": {
			"Personalkontot ligger %s tkr under budget hittills i år (%s; budget %s tkr, utfall %s tkr, %s), och i %s: %s. Ett överskott på personal betyder här tomma tjänster och trött personal, inte god hushållning. Allvarlighet hög när två eller tre av personaltecknen gäller, annars medel.",
			"The staff line is %s tkr under budget year to date (%s; budget %s tkr, outcome %s tkr, %s), and in %s: %s. An underspend on staff here means empty posts and tired staff, not good housekeeping. Severity is high when two or three of the staff signs hold, else medium.",
		},
		"gaps.bv.vac":          {"%s vakanta tjänster (gräns: fler än %s)", "%s vacant posts (limit: more than %s)"},
		"gaps.bv.turn":         {"personalomsättning %s %% (gräns: %s %%)", "staff turnover %s %% (limit: %s %%)"},
		"gaps.bv.sick":         {"sjukfrånvaro %s %% (gräns: %s %%)", "sick leave %s %% (limit: %s %%)"},
		"gaps.bv.area_figure":  {"%s, områdets värde", "%s, the area's figure"},
		"gaps.bv.units_figure": {"%s, enheternas sammanvägda värde", "%s, the units' combined figure"},

		// placement_surge
		"gaps.ps.title": {"Placeringarna ökar: %d mot %d för ett år sedan (%s)", "Placements rising: %d against %d a year ago (%s)"},
		"gaps.ps.expl": {
			"Pågående placeringar i slutet av %s: %d, mot %d i %s (%s, %s). Kostnader och liv förändras innan prognosen gör det.",
			"Ongoing placements at the end of %s: %d, against %d in %s (%s, %s). Costs and lives change before the forecast does.",
		},
		"gaps.ps.none": {
			" Ingen berättelse under %s handlar om placeringar, därför hög allvarlighet.",
			" No narrative during %s concerns placements, hence high severity.",
		},
		"gaps.ps.some": {" Berättelser om placeringar finns (därför medel): %s.", " Narratives about placements exist (hence medium): %s."},
		"gaps.ps.separate": {
			" %s redovisas separat; området redovisas för att ökningen håller även utan dem (%d mot %d).",
			" %s are reported separately; the area is reported because the rise holds without them too (%d against %d).",
		},

		// silence
		"gaps.si.title":  {"Allt grönt och inget sagt: %d gröna indikatorer, ingen berättelse", "All green and nothing said: %d green indicators, no narrative"},
		"gaps.si.title1": {"Allt grönt och inget sagt: en grön indikator, ingen berättelse", "All green and nothing said: one green indicator, no narrative"},
		"gaps.si.expl1": {
			"Områdets enda indikator är grön i %s, och ingen berättelse av något slag finns för området eller dess enheter under %s. ”Allt grönt och inget sagt” är den reklambroschyr forskningen varnar för.",
			"The area's only indicator is green in %s, and there is no narrative of any kind for the area or its units during %s. “All green and nothing said” is the brochure the research warns about.",
		},
		"gaps.si.expl": {
			"Alla %d indikatorer för området och dess enheter är gröna i %s, och ingen berättelse av något slag finns under %s. ”Allt grönt och inget sagt” är den reklambroschyr forskningen varnar för.",
			"All %d indicators of the area and its units are green in %s, and there is no narrative of any kind during %s. “All green and nothing said” is the brochure the research warns about.",
		},
		"gaps.si.last":  {" Den senaste berättelsen är från %s.", " The latest narrative is from %s."},
		"gaps.si.never": {" Det finns ingen tidigare berättelse alls.", " There is no earlier narrative at all."},
		"gaps.si.long":  {" Tyst i minst %d månader: hög allvarlighet.", " Silent for at least %d months: high severity."},
		"gaps.si.short": {" Tyst i färre än %d månader: medel.", " Silent for fewer than %d months: medium."},

		// Settings, as shown by `beredning settings` and the board.
		// Settings by name, with their value, as gap explanations quote them;
		// a no-break space keeps a figure with its unit when a line wraps.
		"gaps.setting_value.recent_months":                        {"de %s senaste månaderna", "the last %s months"},
		"gaps.setting_value.green_with_shortfall.min_severity":    {"brist av allvarlighet %s eller högre", "shortfall of severity %s or higher"},
		"gaps.setting_value.status_contradiction.yellow_band_pct": {"gula bandet %s\u00a0%% av målet", "yellow band %s\u00a0%% of the target"},
		"gaps.setting_value.unexplained_deviation.pct":            {"minsta avvikelse %s\u00a0%% av budgeten", "smallest deviation %s\u00a0%% of the budget"},
		"gaps.setting_value.unexplained_deviation.min_tkr":        {"minsta avvikelse %s\u00a0tkr", "smallest deviation %s\u00a0tkr"},
		"gaps.setting_value.balance_by_vacancy.personal_pct":      {"minsta överskott på personal %s\u00a0%%", "smallest staff underspend %s\u00a0%%"},
		"gaps.setting_value.balance_by_vacancy.vacancies_above":   {"vakanta tjänster fler än %s", "vacant posts above %s"},
		"gaps.setting_value.balance_by_vacancy.turnover_pct":      {"personalomsättning från %s\u00a0%%", "staff turnover from %s\u00a0%%"},
		"gaps.setting_value.balance_by_vacancy.sick_leave_pct":    {"sjukfrånvaro från %s\u00a0%%", "sick leave from %s\u00a0%%"},
		"gaps.setting_value.placement_surge.pct":                  {"minsta ökning %s\u00a0%%", "smallest rise %s\u00a0%%"},
		"gaps.setting_value.placement_surge.min":                  {"minsta ökning %s placeringar", "smallest rise %s placements"},

		"gaps.setting.recent_months":                        {"Antal månader som räknas som ”senaste” (P och månaderna före)", "Months that count as “recent” (P and the months before it)"},
		"gaps.setting.green_with_shortfall.min_severity":    {"Lägsta allvarlighet hos en bristberättelse för att grönt ska ifrågasättas", "Lowest severity of a shortfall narrative that questions a green dot"},
		"gaps.setting.status_contradiction.yellow_band_pct": {"Gula bandet: hur långt (% av målet) ett värde får missa målet och ändå vara gult", "The yellow band: how far (% of the target) a value may miss its target and still be yellow"},
		"gaps.setting.unexplained_deviation.pct":            {"Oförklarad avvikelse: minsta avvikelse i % av budgeten hittills i år", "Unexplained deviation: smallest deviation in % of the budget year to date"},
		"gaps.setting.unexplained_deviation.min_tkr":        {"Oförklarad avvikelse: minsta avvikelse i tkr", "Unexplained deviation: smallest deviation in tkr"},
		"gaps.setting.balance_by_vacancy.personal_pct":      {"Vakansbalans: minsta överskott på personalkontot i % av budgeten", "Vacancy balance: smallest underspend on the staff line in % of budget"},
		"gaps.setting.balance_by_vacancy.vacancies_above":   {"Vakansbalans: vakanta tjänster fler än detta räknas", "Vacancy balance: vacant posts above this count"},
		"gaps.setting.balance_by_vacancy.turnover_pct":      {"Vakansbalans: personalomsättning (%) från denna nivå räknas", "Vacancy balance: staff turnover (%) from this level counts"},
		"gaps.setting.balance_by_vacancy.sick_leave_pct":    {"Vakansbalans: sjukfrånvaro (%) från denna nivå räknas", "Vacancy balance: sick leave (%) from this level counts"},
		"gaps.setting.placement_surge.pct":                  {"Placeringsökning: minsta ökning i % mot samma månad året före", "Placement surge: smallest rise in % against the same month a year earlier"},
		"gaps.setting.placement_surge.min":                  {"Placeringsökning: minsta ökning i antal placeringar", "Placement surge: smallest rise in number of placements"},
		"gaps.setting.meeting.notice_days":                  {"Sammanträde: kallelsen ska gå ut senast så många dagar före", "Meeting: the notice must go out at least this many days before"},
	})
}
