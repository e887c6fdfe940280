package lang

import (
	"errors"

	"github.com/beredning/beredning/data"
)

func init() {
	Register(map[string]Text{
		"role.direktor":    {"socialdirektör", "social director"},
		"role.controller":  {"controller", "controller"},
		"role.sekreterare": {"nämndsekreterare", "committee secretary"},
		"role.ledamot":     {"ledamot", "committee member"},
		"role.admin":       {"administratör", "administrator"},

		"action.import":       {"läsa in filer", "import files"},
		"action.import_undo":  {"ta tillbaka en import", "undo an import"},
		"action.review":       {"granska rapporter", "review reports"},
		"action.gap_settings": {"ändra glappreglernas trösklar", "change the gap rules' thresholds"},
		"action.settings":     {"ändra inställningar", "change settings"},
		"action.briefing":     {"skriva beredningen", "write the briefing"},
		"action.meetings":     {"ändra sammanträden och handlingar", "change meetings and documents"},
		"action.users":        {"ändra användare", "change users"},

		"role.err.forbidden": {"%s (%s) får inte %s", "%s (%s) may not %s"},
	})
}

// RoleName is a role as the user's language names it.
func (l Lang) RoleName(r data.Role) string {
	if r == "" {
		return ""
	}
	return l.T("role." + string(r))
}

// forbidden says who may not do what, or "" when err is no refusal.
func (l Lang) forbidden(err error) string {
	var fe *data.ForbiddenError
	if !errors.As(err, &fe) {
		return ""
	}
	return l.T("role.err.forbidden", fe.Login, l.RoleName(fe.Role), l.T("action."+string(fe.Action)))
}
