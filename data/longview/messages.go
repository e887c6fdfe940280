package longview

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"longview.sum.none":            {"Inga uppgifter om ekonomi, vakanser eller placeringar för detta område.", "No figures on economy, vacancies or placements for this area."},
		"longview.sum.staff":           {"Personalbudgeten visade överskott %d av %d månader med utfall", "The staff budget showed an underspend in %d of %d months with outcome"},
		"longview.sum.while":           {"samtidigt som", "while"},
		"longview.sum.and":             {"och", "and"},
		"longview.sum.vacancies":       {"vakanserna var %s–%s", "vacancies were %s–%s"},
		"longview.sum.vacancies_flat":  {"vakanserna var %s", "vacancies were %s"},
		"longview.sum.placements_up":   {"placeringarna ökade från %s till %s", "placements rose from %s to %s"},
		"longview.sum.placements_down": {"placeringarna minskade från %s till %s", "placements fell from %s to %s"},
		"longview.sum.placements_flat": {"placeringarna låg kvar på %s", "placements stayed at %s"},
	})
}
