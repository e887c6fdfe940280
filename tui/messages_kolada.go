package tui

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"board.key.kolada":  {"jämför i Kolada", "compare in Kolada"},
		"board.key.economy": {"ekonomi över tid", "economy over time"},

		// The comparison screen (K).
		"board.kolada.title":      {"Jämförelse i Kolada", "Kolada comparison"},
		"board.kolada.heading":    {"%s jämfört med region, riket och jämförelsekommuner · Källa: Kolada/RKA", "%s beside its region, Riket and comparison set · Source: Kolada/RKA"},
		"board.kolada.area":       {"Nyckeltal för %s", "Key figures for %s"},
		"board.kolada.committee":  {"Nämnden som helhet", "The committee as a whole"},
		"board.kolada.unmapped":   {"Inga nyckeltal kopplade till %s (inställningen kolada.area_kpis).", "No key figures mapped to %s (the setting kolada.area_kpis)."},
		"board.kolada.no_home":    {"Kommunkoden saknas, så det finns inget att jämföra. Ange den med: beredning settings set kommun.kod 0127", "The kommunkod is missing, so there is nothing to compare. Set it with: beredning settings set kommun.kod 0127"},
		"board.kolada.no_data":    {"Inga Kolada-värden i databasen. Läs in med beredning kolada import SÖKVÄG, eller hämta med beredning kolada fetch.", "No Kolada values in the database. Import with beredning kolada import PATH, or fetch with beredning kolada fetch."},
		"board.kolada.no_values":  {"Inga värden för %s i databasen.", "No values for %s in the database."},
		"board.kolada.home":       {"Kommunen", "The municipality"},
		"board.kolada.value":      {"värde", "value"},
		"board.kolada.set_median": {"Jämförelse, median (%d)", "Comparison, median (%d)"},
		"board.kolada.rank":       {"Plats (1 = högst)", "Place (1 = highest)"},
		"board.kolada.set_line":   {"Jämförelsekommunerna %d: min %s · median %s · max %s (n = %d)", "The comparison set %d: min %s · median %s · max %s (n = %d)"},
		"board.kolada.ten_years":  {"%d–%d:", "%d–%d:"},
		"board.kolada.break":      {"%s: brott i serien, %s (%d) → %s (%d); troligen ändrad redovisning, inte en trend", "%s: break in the series, %s (%d) → %s (%d); likely a change in reporting, not a trend"},
		"board.kolada.absent":     {"%s: inga värden för nyckeltalet dessa år.", "%s: no values for this figure in these years."},
		"board.kolada.missing":    {"%s saknar värde för %s.", "%s has no value for %s."},
		"board.kolada.loading":    {"Läser Kolada-värden …", "Reading Kolada values …"},

		// The long view (e).
		"board.econ.title":      {"Ekonomi över tid", "Economy over time"},
		"board.econ.heading":    {"Ekonomi över tid · %s · %s", "Economy over time · %s · %s"},
		"board.econ.choose":     {"Välj ett område eller en enhet först.", "Choose an area or unit first."},
		"board.econ.no_data":    {"inga uppgifter", "no data"},
		"board.econ.staff":      {"Personal, tkr per månad: · budget  ─ utfall", "Staff, tkr a month: · budget  ─ outcome"},
		"board.econ.staff_dev":  {"Personal: avvikelse per månad, tkr (budget − utfall: + under budget)", "Staff: deviation a month, tkr (budget − outcome: + under budget)"},
		"board.econ.vacancies":  {"Vakanta tjänster", "Vacant posts"},
		"board.econ.cost":       {"Placeringskostnad (utfall), tkr per månad", "Placement cost (outcome), tkr a month"},
		"board.econ.placements": {"Pågående placeringar, alla insatser", "Ongoing placements, all kinds"},
		"board.econ.step":       {"(en kolumn är %d månader, medelvärde)", "(a column is %d months, their mean)"},
		"board.econ.years":      {"Avvikelse per år (budget − utfall, månader med utfall)", "Deviation per year (budget − outcome, months with outcome)"},
		"board.econ.year_row":   {"%d  %2d mån  totalt %s  personal %s (tkr)", "%d  %2d mon  total %s  staff %s (tkr)"},
		"board.econ.year_none":  {"%d  inget utfall", "%d  no outcome"},
		"board.econ.loading":    {"Läser historiken …", "Reading the history …"},
	})
}
