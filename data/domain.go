package data

import (
	"cmp"
	"slices"
)

// The enumerations below are stored by their key (the Swedish word without
// å/ä/ö, as data/ingest/FORMATS.md spells it). Display names live in data/lang.

// Account is a konto group of the budget. Other names are kept as they come.
type Account string

const (
	AccountStaff      Account = "personal"
	AccountPlacements Account = "placeringar"
	AccountAid        Account = "bistand"
	AccountOther      Account = "ovrigt"
	AccountRevenue    Account = "intakter"
)

// KnownAccounts in the order reports list them.
var KnownAccounts = []Account{AccountStaff, AccountPlacements, AccountAid, AccountOther, AccountRevenue}

// CompareAccounts orders konton as reports list them: the known ones in
// KnownAccounts order, then others by name (for slices.SortFunc).
func CompareAccounts(a, b Account) int { return compareKnownFirst(KnownAccounts, a, b) }

// ComparePlacementKinds orders insatser as screens list them.
func ComparePlacementKinds(a, b PlacementKind) int { return compareKnownFirst(PlacementKinds, a, b) }

func compareKnownFirst[T ~string](known []T, a, b T) int {
	rank := func(x T) int {
		if i := slices.Index(known, x); i >= 0 {
			return i
		}
		return len(known)
	}
	if c := cmp.Compare(rank(a), rank(b)); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// PlacementKind is the insats of a placement.
type PlacementKind string

const (
	KindHVB            PlacementKind = "hvb"
	KindFosterFamily   PlacementKind = "familjehem"
	KindAgencyFoster   PlacementKind = "konsulentstott_familjehem"
	KindEmergency      PlacementKind = "jourhem"
	KindSiS            PlacementKind = "sis"
	KindSupported      PlacementKind = "stodboende"
	KindProtected      PlacementKind = "skyddat_boende"
	KindOtherPlacement PlacementKind = "ovrigt"
)

// PlacementKinds in display order.
var PlacementKinds = []PlacementKind{KindHVB, KindFosterFamily, KindAgencyFoster, KindEmergency, KindSiS, KindSupported, KindProtected, KindOtherPlacement}

// TargetGroup tells children (0–20) from adults.
type TargetGroup string

const (
	GroupChildren TargetGroup = "barn"
	GroupAdults   TargetGroup = "vuxen"
)

// Direction says which way a measure is better.
type Direction string

const (
	HigherIsBetter Direction = "hog"
	LowerIsBetter  Direction = "lag"
)

// Status is the red/yellow/green dot a unit reports for an indicator.
type Status string

const (
	StatusNone   Status = ""
	StatusGreen  Status = "gron"
	StatusYellow Status = "gul"
	StatusRed    Status = "rod"
)

// Rank orders statuses from best (green, 3) to worst (red, 1); none is 0.
func (s Status) Rank() int {
	switch s {
	case StatusGreen:
		return 3
	case StatusYellow:
		return 2
	case StatusRed:
		return 1
	}
	return 0
}

// NarrativeType is the kind of a narrative.
type NarrativeType string

const (
	TypeShortfall NarrativeType = "tillkortakommande"
	TypeDropped   NarrativeType = "bortprioritering"
	TypeBetween   NarrativeType = "mellan_stolarna"
	TypeMissing   NarrativeType = "saknad_insats"
	TypeRisk      NarrativeType = "risk"
	TypeLexSarah  NarrativeType = "lex_sarah"
	TypeAnalysis  NarrativeType = "analys"
	TypeAction    NarrativeType = "atgard"
	TypeSuccess   NarrativeType = "framgang"
)

// NarrativeTypes in display order.
var NarrativeTypes = []NarrativeType{TypeShortfall, TypeDropped, TypeBetween, TypeMissing, TypeRisk, TypeLexSarah, TypeAnalysis, TypeAction, TypeSuccess}

// IsShortfall: the unit says something is not done (data/gaps/RULES.md).
func (t NarrativeType) IsShortfall() bool {
	switch t {
	case TypeShortfall, TypeDropped, TypeBetween, TypeMissing, TypeLexSarah:
		return true
	}
	return false
}

// Explains: the narrative can explain a budget deviation (data/gaps/RULES.md).
func (t NarrativeType) Explains() bool {
	switch t {
	case TypeAnalysis, TypeAction, TypeShortfall, TypeRisk:
		return true
	}
	return false
}

// Severity of a narrative or a gap.
type Severity string

const (
	SeverityLow    Severity = "lag"
	SeverityMedium Severity = "medel"
	SeverityHigh   Severity = "hog"
)

// Rank orders severities: high 3, medium 2, low 1, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityHigh:
		return 3
	case SeverityMedium:
		return 2
	case SeverityLow:
		return 1
	}
	return 0
}

// Municipality is the one municipality a database belongs to.
type Municipality struct {
	Name        string
	Committee   string
	Inhabitants int
	Kommunkod   string // SCB's four-digit code, "0127"; "" until given
}

// Area is a verksamhetsområde.
type Area struct {
	ID          int64
	Name        string
	TargetGroup TargetGroup // default for placements without malgrupp
	Sort        int
}

// Unit is an enhet under an area.
type Unit struct {
	ID      int64
	AreaID  int64
	Name    string
	Manager string
	Sort    int
}

// Scope is where a row or a question belongs: an area as a whole
// (UnitID 0) or one of its units.
type Scope struct {
	AreaID int64
	UnitID int64
}

// IsArea tells an area-level scope.
func (s Scope) IsArea() bool { return s.UnitID == 0 }

// AreaWideUnit is the UnitID of an area-wide scope: only the rows booked
// on the area itself, not on any of its units ("Gemensamt för området"),
// so that an area's units and its area-wide part add up to the area.
const AreaWideUnit int64 = -1

// AreaWide is the area-wide scope of an area.
func AreaWide(area int64) Scope { return Scope{AreaID: area, UnitID: AreaWideUnit} }

// IsAreaWide tells the scope of an area's own rows only.
func (s Scope) IsAreaWide() bool { return s.UnitID == AreaWideUnit }

// BudgetRow is one month of one konto for an area or unit, as stored.
type BudgetRow struct {
	Scope
	Period   Period
	Account  Account
	Budget   Money
	Outcome  *Money // nil: month not closed
	Forecast *Money // whole-year forecast as reported that month
}

// PlacementRow is one month of one kind of placement, as stored.
type PlacementRow struct {
	Scope
	Period      Period
	Kind        PlacementKind
	TargetGroup TargetGroup
	Ongoing     int
	Started     *int
	Ended       *int
	CareDays    *int
	Cost        *Money
}

// MeasureRow is one value of a measure or indicator, as stored. A row with
// a target is a goal indicator (a "dot").
type MeasureRow struct {
	Scope
	Period       Period
	MeasureID    int64
	ReportedName string // the name the unit used this period
	Value        float64
	Target       *float64
	Direction    Direction // empty: the measure's default
	Status       Status
}

// Narrative is a unit's own words to the committee.
type Narrative struct {
	ID int64
	Scope
	Period   Period
	Type     NarrativeType
	Severity Severity
	Title    string
	Text     string // Markdown
	Author   string
	About    string // a konto or a measure key; empty when not about a figure
}
