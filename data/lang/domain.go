package lang

import "github.com/beredning/beredning/data"

// Names of the domain's enumerations. Unknown keys (a konto a municipality
// named itself) are shown as they came.

func init() {
	Register(map[string]Text{
		"account.personal":    {"Personal", "Staff"},
		"account.placeringar": {"Placeringar", "Placements"},
		"account.bistand":     {"Bistånd", "Income support"},
		"account.ovrigt":      {"Övrigt", "Other"},
		"account.intakter":    {"Intäkter", "Revenue"},

		"kind.hvb":                       {"HVB", "Residential home (HVB)"},
		"kind.familjehem":                {"Familjehem", "Foster family"},
		"kind.konsulentstott_familjehem": {"Konsulentstött familjehem", "Agency foster family"},
		"kind.jourhem":                   {"Jourhem", "Emergency family"},
		"kind.sis":                       {"SiS", "State secure unit (SiS)"},
		"kind.stodboende":                {"Stödboende", "Supported housing"},
		"kind.skyddat_boende":            {"Skyddat boende", "Protected housing"},
		"kind.ovrigt":                    {"Övrigt", "Other"},

		"group.barn":  {"Barn och unga", "Children and youth"},
		"group.vuxen": {"Vuxna", "Adults"},

		"status.gron": {"grön", "green"},
		"status.gul":  {"gul", "yellow"},
		"status.rod":  {"röd", "red"},
		"status.":     {"ej rapporterad", "not reported"},

		"severity.lag":   {"låg", "low"},
		"severity.medel": {"medel", "medium"},
		"severity.hog":   {"hög", "high"},

		"type.tillkortakommande": {"Tillkortakommande", "Shortfall"},
		"type.bortprioritering":  {"Bortprioritering", "Dropped work"},
		"type.mellan_stolarna":   {"Mellan stolarna", "Falling between chairs"},
		"type.saknad_insats":     {"Saknad insats", "Missing intervention"},
		"type.risk":              {"Risk", "Risk"},
		"type.lex_sarah":         {"Lex Sarah", "Lex Sarah"},
		"type.analys":            {"Analys", "Analysis"},
		"type.atgard":            {"Åtgärd", "Action"},
		"type.framgang":          {"Framgång", "Success"},

		"direction.hog": {"högre är bättre", "higher is better"},
		"direction.lag": {"lägre är bättre", "lower is better"},

		"report.manad":   {"Månadsuppföljning", "Monthly follow-up"},
		"report.tertial": {"Tertialrapport", "Four-month report"},
		"report.delar":   {"Delårsrapport", "Interim report"},
		"report.bokslut": {"Bokslut", "Year-end report"},

		"measure.anmalningar":                  {"Anmälningar", "Reports of concern"},
		"measure.forhandsbedomningar":          {"Förhandsbedömningar", "Initial assessments"},
		"measure.utredningar_inledda":          {"Inledda utredningar", "Investigations opened"},
		"measure.utredningar_pagaende":         {"Pågående utredningar", "Ongoing investigations"},
		"measure.utredningar_over_4_man":       {"Pågående utredningar över 4 månader", "Investigations past four months"},
		"measure.andel_utredningar_inom_4_man": {"Andel utredningar inom 4 månader (%)", "Investigations finished within four months (%)"},
		"measure.hushall_forsorjningsstod":     {"Hushåll med försörjningsstöd", "Households on income support"},
		"measure.arenden_per_handlaggare":      {"Ärenden per handläggare", "Cases per social worker"},
		"measure.sjukfranvaro_pct":             {"Sjukfrånvaro (%)", "Sick leave (%)"},
		"measure.personalomsattning_pct":       {"Personalomsättning (%)", "Staff turnover (%)"},
		"measure.vakanta_tjanster":             {"Vakanta tjänster", "Vacant posts"},
		"measure.brukarnojdhet_pct":            {"Brukarnöjdhet (%)", "User satisfaction (%)"},
		"measure.lex_sarah_rapporter":          {"Lex Sarah-rapporter", "Lex Sarah reports"},
	})
}

func (l Lang) named(prefix, key string) string {
	if Has(prefix + key) {
		return l.T(prefix + key)
	}
	return key
}

// Account is a konto's display name.
func (l Lang) Account(a data.Account) string { return l.named("account.", string(a)) }

// Kind is a placement kind's display name.
func (l Lang) Kind(k data.PlacementKind) string { return l.named("kind.", string(k)) }

// Status is a reported status in words, lower case ("grön").
func (l Lang) Status(s data.Status) string { return l.T("status." + string(s)) }

// Severity is a severity in words ("hög").
func (l Lang) Severity(s data.Severity) string { return l.named("severity.", string(s)) }

// NarrativeType is a narrative type's display name.
func (l Lang) NarrativeType(t data.NarrativeType) string { return l.named("type.", string(t)) }

// Direction explains a measure's direction.
func (l Lang) Direction(d data.Direction) string { return l.named("direction.", string(d)) }

// Report is the name of the report a month belongs to.
func (l Lang) Report(k data.ReportKind) string { return l.named("report.", string(k)) }

// Measure is a measure's display name: the catalogue's for known measures,
// else the name the municipality gave it, in English when it gave one.
func (l Lang) Measure(def data.MeasureDef) string {
	if def.Known && Has("measure."+def.Key) {
		return l.T("measure." + def.Key)
	}
	if l == EN && def.NameEN != "" {
		return def.NameEN
	}
	return def.Name
}
