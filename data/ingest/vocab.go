package ingest

import (
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/text"
)

// Kind is one of data/ingest/FORMATS.md's four kinds of table.
type Kind string

const (
	KindBudget     Kind = "budget"
	KindPlacements Kind = "placeringar"
	KindMeasures   Kind = "matt"
	KindNarratives Kind = "berattelser"
	// KindDelegation is the decisions taken under delegation, counted per
	// day, decision-maker, legal ground and kind of matter (delegation.go).
	KindDelegation Kind = "delegationsbeslut"
)

// Kinds in the order summaries list them.
var Kinds = []Kind{KindBudget, KindPlacements, KindMeasures, KindNarratives, KindDelegation}

// column is a column data/ingest/FORMATS.md names.
type column int

const (
	colArea column = iota
	colUnit
	colPeriod
	colAccount
	colBudget
	colOutcome
	colForecast
	colInsats
	colGroup
	colOngoing
	colStarted
	colEnded
	colCareDays
	colCost
	colMeasure
	colCode
	colValue
	colTarget
	colDirection
	colStatus
	colType
	colSeverity
	colTitle
	colText
	colAuthor
	colAbout
	colDecisionMaker // delegationsbeslut: beslutsfattare
	colLegalGround   // lagrum
	colMatterType    // ärendetyp
	numColumns
)

// columnNames are data/ingest/FORMATS.md's spellings, used in messages.
var columnNames = [numColumns]string{
	"område", "enhet", "period", "konto", "budget", "utfall", "prognos",
	"insats", "malgrupp", "antal", "nya", "avslutade", "vardygn", "kostnad",
	"matt", "kod", "varde", "mal", "riktning", "status",
	"typ", "allvar", "rubrik", "text", "forfattare", "avser",
	"beslutsfattare", "lagrum", "arendetyp",
}

func (c column) String() string { return columnNames[c] }

// isMoney: amounts in tkr, read exactly into öre.
func (c column) isMoney() bool {
	return c == colBudget || c == colOutcome || c == colForecast || c == colCost
}

// headerAliases maps folded header names to columns. Besides data/ingest/FORMATS.md's
// names it knows a few words finance and case systems use.
var headerAliases = map[string]column{
	"omrade": colArea, "verksamhetsomrade": colArea, "verksamhet": colArea,
	"enhet": colUnit, "enhetsnamn": colUnit,
	"period": colPeriod, "manad": colPeriod, "ar_manad": colPeriod, "armanad": colPeriod, "datum": colPeriod,
	"konto": colAccount, "kontogrupp": colAccount, "kontoslag": colAccount, "kostnadsslag": colAccount,
	"budget": colBudget, "manadsbudget": colBudget,
	"utfall": colOutcome, "manadsutfall": colOutcome,
	"prognos": colForecast, "helarsprognos": colForecast, "arsprognos": colForecast,
	"insats": colInsats, "insatstyp": colInsats, "placeringsform": colInsats, "placeringstyp": colInsats,
	"malgrupp": colGroup,
	"antal":    colOngoing, "pagaende": colOngoing, "antal_pagaende": colOngoing, "antal_placeringar": colOngoing,
	"nya": colStarted, "paborjade": colStarted, "startade": colStarted,
	"avslutade": colEnded,
	"vardygn":   colCareDays, "varddygn": colCareDays,
	"kostnad": colCost,
	"matt":    colMeasure, "indikator": colMeasure, "nyckeltal": colMeasure,
	"kod": colCode, "indikatorkod": colCode, "kpi": colCode, "kpi_id": colCode,
	"varde": colValue, "vardet": colValue, "resultat": colValue,
	"mal": colTarget, "malvarde": colTarget, "mal_varde": colTarget,
	"riktning": colDirection,
	"status":   colStatus, "farg": colStatus,
	"typ": colType, "berattelsetyp": colType,
	"allvar": colSeverity, "allvarsgrad": colSeverity, "allvarlighet": colSeverity,
	"rubrik": colTitle, "titel": colTitle,
	"text": colText, "beskrivning": colText, "berattelse": colText, "brodtext": colText,
	"forfattare": colAuthor, "skribent": colAuthor, "uppgiftslamnare": colAuthor,
	"avser": colAbout, "galler": colAbout,
	// Delegation decisions: the date is read by the period column's names
	// ("datum") and kept to the day.
	"beslutsdatum":   colPeriod,
	"beslutsfattare": colDecisionMaker, "delegat": colDecisionMaker,
	"lagrum": colLegalGround, "lagrum_paragraf": colLegalGround,
	"arendetyp": colMatterType, "arendeslag": colMatterType, "beslutstyp": colMatterType,
}

// kindSpec is what a kind needs and allows.
type kindSpec struct {
	required []column
	optional []column
}

var kindSpecs = map[Kind]kindSpec{
	KindBudget:     {[]column{colArea, colPeriod, colAccount, colBudget}, []column{colUnit, colOutcome, colForecast}},
	KindPlacements: {[]column{colArea, colPeriod, colInsats, colOngoing}, []column{colUnit, colGroup, colStarted, colEnded, colCareDays, colCost}},
	KindMeasures:   {[]column{colArea, colPeriod, colMeasure, colValue}, []column{colUnit, colCode, colTarget, colDirection, colStatus}},
	KindNarratives: {[]column{colArea, colPeriod, colType, colTitle}, []column{colUnit, colSeverity, colText, colAuthor, colAbout}},
	KindDelegation: {[]column{colPeriod, colDecisionMaker, colLegalGround, colMatterType, colOngoing}, nil},
}

func (k Kind) allows(c column) bool {
	s := kindSpecs[k]
	for _, x := range s.required {
		if x == c {
			return true
		}
	}
	for _, x := range s.optional {
		if x == c {
			return true
		}
	}
	return false
}

// kindWords recognise a kind from a file or sheet name: a word of the
// name that starts with one of these.
var kindWords = []struct {
	prefix string
	kind   Kind
}{
	{"budget", KindBudget},
	{"placering", KindPlacements},
	{"matt", KindMeasures},
	{"nyckeltal", KindMeasures},
	{"indikator", KindMeasures},
	{"berattelse", KindNarratives},
	{"narrativ", KindNarratives},
	{"delegation", KindDelegation},
}

// kindFromName finds the kind in a file or sheet name ("budget_2026",
// "Mått"). A name that names two kinds names none.
func kindFromName(name string) (Kind, bool) {
	var found Kind
	for _, word := range strings.Split(text.Fold(name), "_") {
		for _, kw := range kindWords {
			if strings.HasPrefix(word, kw.prefix) {
				if found != "" && found != kw.kind {
					return "", false
				}
				found = kw.kind
			}
		}
	}
	return found, found != ""
}

// ignoredSheet: sheets a workbook may carry besides data, such as the
// template's instructions and drop-down lists.
func ignoredSheet(name string) bool {
	f := text.Fold(name)
	for _, p := range []string{"instruktion", "anvisning", "lathund", "listor", "lista", "info", "las_mig", "readme"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// Enumerated values, by folded spelling.
var (
	accountWords = map[string]data.Account{
		"personal": data.AccountStaff, "personalkostnader": data.AccountStaff, "personalkostnad": data.AccountStaff,
		"placeringar": data.AccountPlacements, "placering": data.AccountPlacements, "placeringskostnader": data.AccountPlacements,
		"bistand": data.AccountAid, "ekonomiskt_bistand": data.AccountAid, "forsorjningsstod": data.AccountAid,
		"ovrigt": data.AccountOther, "ovriga": data.AccountOther, "ovriga_kostnader": data.AccountOther,
		"intakter": data.AccountRevenue, "intakt": data.AccountRevenue,
	}
	kindOfPlacementWords = map[string]data.PlacementKind{
		"hvb": data.KindHVB, "hvb_hem": data.KindHVB,
		"familjehem": data.KindFosterFamily, "egna_familjehem": data.KindFosterFamily,
		"konsulentstott_familjehem": data.KindAgencyFoster, "konsulentstodda_familjehem": data.KindAgencyFoster,
		"konsulentstott": data.KindAgencyFoster, "konsulentfamiljehem": data.KindAgencyFoster,
		"jourhem": data.KindEmergency, "jourfamiljehem": data.KindEmergency,
		"sis": data.KindSiS, "sis_lvu": data.KindSiS, "sis_lvm": data.KindSiS, "sis_hem": data.KindSiS,
		"stodboende": data.KindSupported, "stodboenden": data.KindSupported,
		"skyddat_boende": data.KindProtected, "skyddade_boenden": data.KindProtected,
		"ovrigt": data.KindOtherPlacement, "ovriga": data.KindOtherPlacement, "annat": data.KindOtherPlacement,
	}
	groupWords = map[string]data.TargetGroup{
		"barn": data.GroupChildren, "barn_och_unga": data.GroupChildren, "barn_unga": data.GroupChildren,
		"unga": data.GroupChildren, "ungdom": data.GroupChildren, "ungdomar": data.GroupChildren,
		"vuxen": data.GroupAdults, "vuxna": data.GroupAdults,
	}
	directionWords = map[string]data.Direction{
		"hog": data.HigherIsBetter, "hogt": data.HigherIsBetter, "hogre": data.HigherIsBetter,
		"hogre_ar_battre": data.HigherIsBetter, "high": data.HigherIsBetter, "higher": data.HigherIsBetter, "upp": data.HigherIsBetter,
		"lag": data.LowerIsBetter, "lagt": data.LowerIsBetter, "lagre": data.LowerIsBetter,
		"lagre_ar_battre": data.LowerIsBetter, "low": data.LowerIsBetter, "lower": data.LowerIsBetter, "ned": data.LowerIsBetter,
	}
	statusWords = map[string]data.Status{
		"gron": data.StatusGreen, "gront": data.StatusGreen, "green": data.StatusGreen, "g": data.StatusGreen,
		"gul": data.StatusYellow, "gult": data.StatusYellow, "yellow": data.StatusYellow, "y": data.StatusYellow,
		"rod": data.StatusRed, "rott": data.StatusRed, "red": data.StatusRed, "r": data.StatusRed,
	}
	typeWords = map[string]data.NarrativeType{
		"tillkortakommande": data.TypeShortfall, "tillkortakommanden": data.TypeShortfall,
		"bortprioritering": data.TypeDropped, "bortprioriteringar": data.TypeDropped,
		"mellan_stolarna": data.TypeBetween,
		"saknad_insats":   data.TypeMissing, "saknade_insatser": data.TypeMissing,
		"risk": data.TypeRisk, "risker": data.TypeRisk,
		"lex_sarah": data.TypeLexSarah,
		"analys":    data.TypeAnalysis, "avvikelseanalys": data.TypeAnalysis,
		"atgard": data.TypeAction, "atgarder": data.TypeAction,
		"framgang": data.TypeSuccess, "framgangar": data.TypeSuccess,
	}
	severityWords = map[string]data.Severity{
		"lag": data.SeverityLow, "lagt": data.SeverityLow, "low": data.SeverityLow, "1": data.SeverityLow,
		"medel": data.SeverityMedium, "medium": data.SeverityMedium, "mellan": data.SeverityMedium, "2": data.SeverityMedium,
		"hog": data.SeverityHigh, "hogt": data.SeverityHigh, "high": data.SeverityHigh, "3": data.SeverityHigh,
	}
)

// groupFromName guesses an area's target group from its name, for areas
// created by an import without one: "Barn och unga" → barn, "Vuxen
// missbruk" or "Försörjningsstöd" → vuxen. Unclear names give none.
func groupFromName(name string) data.TargetGroup {
	f := "_" + text.Fold(name) + "_"
	child := false
	for _, w := range []string{"barn", "unga", "ungdom", "familj", "bou", "ifo_bu"} {
		if strings.Contains(f, w) {
			child = true
		}
	}
	adult := false
	for _, w := range []string{"vuxen", "vuxna", "missbruk", "beroende", "forsorjning", "ekonomiskt_bistand", "socialpsykiatri", "_vux"} {
		if strings.Contains(f, w) {
			adult = true
		}
	}
	switch {
	case child && !adult:
		return data.GroupChildren
	case adult && !child:
		return data.GroupAdults
	}
	return ""
}
