package pack

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"briefing.title":                {"Ordförandeberedning inför sammanträdet %s", "Chair's briefing before the meeting of %s"},
		"briefing.subject":              {"Underlag för ordförandeberedning, %s", "Material for the chair's briefing, %s"},
		"briefing.footer":               {"%s · ordförandeberedning · %s", "%s · chair's briefing · %s"},
		"briefing.field.meeting":        {"Sammanträde", "Meeting"},
		"briefing.field.period":         {"Period", "Period"},
		"briefing.field.written":        {"Skriven", "Written"},
		"briefing.field.author":         {"Av", "By"},
		"briefing.summary":              {"Sammanfattning", "Summary"},
		"briefing.sum.sign":             {"Avvikelse = budget − utfall: positiv betyder under budget, negativ över budget.", "Deviation = budget − outcome: positive is under budget, negative over."},
		"briefing.sum.deviation":        {"Nämndens avvikelse hittills i år", "The committee's deviation year to date"},
		"briefing.sum.no_outcome":       {"inget utfall för perioden", "no outcome for the period"},
		"briefing.sum.forecast":         {"Helårsprognos", "Whole-year forecast"},
		"briefing.sum.forecast_value":   {"%s mot en årsbudget på %s, prognosavvikelse %s", "%s against an annual budget of %s, forecast deviation %s"},
		"briefing.sum.no_forecast":      {"ingen prognos lämnad", "no forecast given"},
		"briefing.sum.gaps":             {"Kvalitetsglapp", "Quality gaps"},
		"briefing.sum.gaps_value":       {"%d, varav %d hög, %d medel, %d låg allvarlighet", "%d: %d high, %d medium, %d low severity"},
		"briefing.sum.reports":          {"Enheternas rapporter", "The units' reports"},
		"briefing.sum.reports_value":    {"%d av %d godkända", "%d of %d approved"},
		"briefing.no_marks":             {"Inget är markerat för beredningen ännu. Markera rader på tavlan med m.", "Nothing is marked for the briefing yet. Mark rows on the board with m."},
		"briefing.gone":                 {"Raden finns inte längre för perioden (uppgifterna har ändrats sedan den markerades).", "The row is no longer there for the period (the data changed since it was marked)."},
		"briefing.kind.gap":             {"Kvalitetsglapp · %s · %s", "Quality gap · %s · %s"},
		"briefing.kind.gap.title":       {"Kvalitetsglapp i %s", "Quality gap in %s"},
		"briefing.kind.narrative.title": {"Berättelse från %s", "Narrative from %s"},
		"briefing.kind.budget.title":    {"Budget för %s", "Budget of %s"},
		"briefing.kind.measure.title":   {"Mått för %s", "Measure of %s"},
		"briefing.kind.measure":         {"Mått · %s", "Measure · %s"},
		"briefing.kind.indicator.title": {"Indikator för %s", "Indicator of %s"},
		"briefing.kind.indicator":       {"Målindikator · %s", "Goal indicator · %s"},
		"briefing.assessment":           {"Bedömning", "Assessment"},
		"briefing.action":               {"Föreslagen åtgärd", "Proposed action"},
	})
}
