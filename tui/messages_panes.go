package tui

import "github.com/beredning/beredning/data/lang"

// The texts of the list and the panes that tell what their columns and
// symbols mean, and what a month without data holds. Swedish first.
func init() {
	lang.Register(map[string]lang.Text{
		"board.committee_total": {"Hela nämnden", "Whole committee"},
		"board.area_wide":       {"Gemensamt för området", "Area-wide"},
		"board.legend.dots": {
			"Mål som rapporterats: ✓ grönt, ! gult, ✗ rött, ? utan status; 5✓1! = 5 gröna, 1 gult.",
			"Goals as reported: ✓ green, ! yellow, ✗ red, ? no status; 5✓1! = 5 green, 1 yellow.",
		},
		"board.legend.gaps": {
			"Glapp efter allvar: H hög, M medel, L låg; H3 M1 = 3 höga, 1 medel.",
			"Gaps by severity: H high, M medium, L low; H3 M1 = 3 high, 1 medium.",
		},
		"board.budget.ytd_through": {"Hittills i år %s, tkr (%s har inget utfall än)", "Year to date %s, tkr (%s has no outcome yet)"},
		"board.budget.no_outcome":  {"Inget utfall i år än.", "No outcome this year yet."},
		"board.gap.no_outcome": {
			"%s har inget utfall än (senaste: %s)",
			"%s has no outcome yet (latest: %s)",
		},
		"board.gap.no_outcome_ever": {"%s har inget utfall än", "%s has no outcome yet"},
		"board.gaplist.no_outcome": {
			"%s har inget utfall än; senaste månad med utfall är %s. Reglerna hittar inga kvalitetsglapp i det som finns för månaden, men budgetreglerna har inget att pröva förrän utfallet finns.",
			"%s has no outcome yet; the latest month with outcome is %s. The rules find no quality gaps in what the month holds, but the budget rules have nothing to test until the outcome is in.",
		},
		"board.vol.cost_ytd_short":      {"Kostnad i år:", "Cost this year:"},
		"board.narr.count.one":          {"%d berättelse, %s", "%d narrative, %s"},
		"board.narr.count_filtered.one": {"%d av %d berättelse, %s", "%d of %d narrative, %s"},
	})
}
