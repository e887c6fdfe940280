package review

import (
	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

func init() {
	lang.Register(map[string]lang.Text{
		"review.check.complete":   {"Komplett", "Complete"},
		"review.check.explained":  {"Förklarad", "Explained"},
		"review.check.consistent": {"Samstämmig", "Consistent"},
		"review.check.plausible":  {"Rimlig", "Plausible"},
		"review.check.on_time":    {"I tid", "On time"},
		"review.check.no_pnr":     {"Inga personnummer", "No personnummer"},

		"review.result.ok":         {"ok", "ok"},
		"review.result.anmarkning": {"anmärkning", "remark"},
		"review.result.saknas":     {"saknas", "missing"},

		"review.status.vantar":       {"väntar", "waiting"},
		"review.status.inlamnad":     {"inlämnad", "submitted"},
		"review.status.kompletterad": {"kompletterad", "resubmitted"},
		"review.status.atersand":     {"återsänd", "sent back"},
		"review.status.godkand":      {"godkänd", "approved"},

		"review.event.submit":    {"inlämnad", "submitted"},
		"review.event.resubmit":  {"kompletterad", "resubmitted"},
		"review.event.update":    {"uppdaterad", "updated"},
		"review.event.send_back": {"återsänd", "sent back"},
		"review.event.approve":   {"godkänd", "approved"},
		"review.event.reopen":    {"öppnad igen", "reopened"},
		"review.event.comment":   {"kommentar", "comment"},
		"review.event.undo":      {"inläsning ångrad", "import undone"},
		"review.event.rows":      {"%d nya och %d ändrade rader (inläsning %d)", "%d new and %d changed rows (import %d)"},

		"review.target.budget":    {"konto %s", "konto %s"},
		"review.target.placement": {"placeringar %s", "placements %s"},
		"review.target.measure":   {"mått %s", "measure %s"},
		"review.target.indicator": {"indikator %s", "indicator %s"},
		"review.target.narrative": {"berättelse ”%s”", "narrative “%s”"},
		"review.row.placements":   {"placeringar", "placements"},
		"review.row.total":        {"summa", "total"},

		"review.missing":      {"Saknas: ", "Missing: "},
		"review.unexplained":  {"Utan förklaring: ", "Unexplained: "},
		"review.inconsistent": {"Går inte ihop: ", "Does not add up: "},
		"review.implausible":  {"Osannolikt: ", "Implausible: "},

		"review.complete.ok":            {"Budget på %d konton, %d mått och %d indikatorer med status.", "Budget on %d accounts, %d measures and %d indicators with status."},
		"review.complete.no_budget":     {"budget för %s (fanns %d)", "budget for %s (reported in %d)"},
		"review.complete.no_outcome":    {"utfall för %s i %s", "outcome for %s in %s"},
		"review.complete.no_placements": {"placeringar (%s pågående i %s)", "placements (%s ongoing in %s)"},
		"review.complete.no_measures":   {"mått som rapporterades i %s: %s", "measures reported in %s: %s"},
		"review.complete.no_status":     {"status för indikatorn %s (värde %s)", "status of the indicator %s (value %s)"},

		"review.explained.ok":        {"Det som behöver förklaras har en berättelse i %s.", "What needs explaining has a narrative in %s."},
		"review.explained.deviation": {"avvikelsen på %s, %s tkr (%s), utan analys, åtgärd, risk eller brist", "the deviation on %s, %s tkr (%s), with no analysis, action, risk or shortfall"},
		"review.explained.indicator": {"%s är %s (%s mot målet %s) utan berättelse", "%s is %s (%s against the target %s) with no narrative"},
		"review.explained.area_gap":  {"områdets kvalitetsglapp ”%[2]s” står och enheten säger inget", "the area's quality gap “%[2]s” stands and the unit says nothing"},
		"review.explained.gap":       {"kvalitetsglappet ”%[2]s” utan berättelse", "the quality gap “%[2]s” with no narrative"},

		"review.consistent.ok":        {"Status, utfall och prognos går ihop.", "Status, outcome and forecast agree."},
		"review.consistent.ytd_falls": {"utfallet hittills i år på %s sjunker från %s tkr (%s) till %s tkr (%s)", "the year-to-date outcome on %s falls from %s tkr (%s) to %s tkr (%s)"},
		"review.consistent.forecast":  {"prognosen avviker %s tkr för helåret men hittills %s tkr, utan berättelse", "the forecast deviates %s tkr for the year but %s tkr to date, with no narrative"},

		"review.plausible.ok":      {"Inget mått avviker mer än %s från sina senaste tolv månader.", "No measure moves more than %s from its last twelve months."},
		"review.plausible.jump":    {"%s är %s, %s mot snittet %s för %d månader", "%s is %s, %s against the mean %s of %d months"},
		"review.plausible.restart": {"%s börjar om på %s efter %d månader utan värde (förut %s)", "%s starts again at %s after %d months without values (before: %s)"},
		"review.plausible.renamed": {"%s rapporteras nu som ”%s” (förut ”%s”) och ligger på %s mot %s", "%s is now reported as “%s” (before: “%s”) at %s against %s"},

		"review.on_time.ok":      {"Inlämnad %s, senast %s.", "Submitted %s, due %s."},
		"review.on_time.late":    {"Inlämnad %s, %d dagar efter sista dag %s.", "Submitted %s, %d days after the deadline %s."},
		"review.on_time.unknown": {"Inlämnad, men tiden är okänd; sista dag %s.", "Submitted, time unknown; due %s."},
		"review.on_time.overdue": {"Inte inlämnad; sista dag var %s.", "Not submitted; it was due %s."},
		"review.on_time.not_yet": {"Inte inlämnad än; sista dag är %s.", "Not submitted yet; due %s."},

		"review.no_pnr.ok":    {"Inga personnummer i rapportens %d berättelser.", "No personnummer in the report's %d narratives."},
		"review.no_pnr.found": {"Personnummer i ", "Personnummer in "},

		"review.err.nothing":      {"%s har ingen inlämnad rapport för %s att granska.", "%s has no submitted report for %s to review."},
		"review.err.note":         {"Ange ett skäl (--note).", "Give a reason (--note)."},
		"review.err.approved":     {"Rapporten för %s %s är redan godkänd%s.", "The report of %s for %s is already approved%s."},
		"review.err.sent_back":    {"Rapporten för %s %s är återsänd för komplettering%s; den kan godkännas först när enheten har kompletterat.", "The report of %s for %s is sent back for completion%s; it can be approved once the unit has completed it."},
		"review.err.not_approved": {"Rapporten för %s %s är inte godkänd och behöver inte öppnas igen.", "The report of %s for %s is not approved and need not be reopened."},
		"review.err.last":         {" (%s av %s %s)", " (%s by %s %s)"},
		"review.err.need_comment": {"Rapporten har kontroller som säger ”saknas” (%s). Godkänn med en kommentar som säger varför (--note).", "The report has checks that say “missing” (%s). Approve with a comment saying why (--note)."},
		"review.err.pnr":          {"Texten innehåller ett personnummer; skriv den utan.", "The text holds a personnummer; write it without."},
	})
}

// CheckName is a check's name in the language.
func CheckName(l lang.Lang, id string) string { return l.T("review.check." + id) }

// ResultName is a result in words.
func ResultName(l lang.Lang, r Result) string { return l.T("review.result." + string(r)) }

// StatusName is a report's status in words; a resubmitted report is
// "kompletterad".
func StatusName(l lang.Lang, st data.ReportState) string {
	if st.Resubmitted {
		return l.T("review.status.kompletterad")
	}
	return l.T("review.status." + string(st.Status))
}

// EventName is an event kind in words.
func EventName(l lang.Lang, k data.EventKind) string { return l.T("review.event." + string(k)) }

// TargetName is a comment's row in words, "" for the report as a whole.
func TargetName(l lang.Lang, kind, target string) string {
	if kind == "" {
		return ""
	}
	label := target
	switch kind {
	case data.TargetBudget:
		label = l.Account(data.Account(target))
	case data.TargetPlacement:
		label = l.Kind(data.PlacementKind(target))
	}
	return l.T("review.target."+kind, label)
}
