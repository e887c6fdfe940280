package data

// Aggregation says how unit values of a measure add up to an area value.
type Aggregation string

const (
	AggregateSum  Aggregation = "sum"  // counts: reports, investigations, vacancies
	AggregateMean Aggregation = "mean" // shares and ratios: sick leave, caseload
)

// MeasureDef is a measure's identity: the same series across periods even
// when units rename it, by its key or its stable code.
type MeasureDef struct {
	ID          int64
	Key         string // normalised name; the data/ingest/FORMATS.md key for known measures
	Code        string // optional stable code from the files (kod)
	Name        string // Swedish display name
	NameEN      string // English display name of a custom measure, "" when it has none
	Direction   Direction
	Aggregation Aggregation
	Known       bool // one of data/ingest/FORMATS.md's measures
}

// Keys of the measures data/ingest/FORMATS.md names.
const (
	MeasureReports          = "anmalningar"
	MeasureAssessments      = "forhandsbedomningar"
	MeasureInvOpened        = "utredningar_inledda"
	MeasureInvOngoing       = "utredningar_pagaende"
	MeasureInvOverdue       = "utredningar_over_4_man"
	MeasureInvInTimeShare   = "andel_utredningar_inom_4_man"
	MeasureAidHouseholds    = "hushall_forsorjningsstod"
	MeasureCaseload         = "arenden_per_handlaggare"
	MeasureSickLeave        = "sjukfranvaro_pct"
	MeasureTurnover         = "personalomsattning_pct"
	MeasureVacancies        = "vakanta_tjanster"
	MeasureUserSatisfaction = "brukarnojdhet_pct"
	MeasureLexSarah         = "lex_sarah_rapporter"
)

// KnownMeasures is data/ingest/FORMATS.md's list, in the order screens show them. The
// store seeds its measure table from it (see migrations).
var KnownMeasures = []MeasureDef{
	{Key: MeasureReports, Name: "Anmälningar", Direction: LowerIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureAssessments, Name: "Förhandsbedömningar", Direction: HigherIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureInvOpened, Name: "Inledda utredningar", Direction: LowerIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureInvOngoing, Name: "Pågående utredningar", Direction: LowerIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureInvOverdue, Name: "Pågående utredningar över 4 månader", Direction: LowerIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureInvInTimeShare, Name: "Andel utredningar inom 4 månader (%)", Direction: HigherIsBetter, Aggregation: AggregateMean, Known: true},
	{Key: MeasureAidHouseholds, Name: "Hushåll med försörjningsstöd", Direction: LowerIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureCaseload, Name: "Ärenden per handläggare", Direction: LowerIsBetter, Aggregation: AggregateMean, Known: true},
	{Key: MeasureSickLeave, Name: "Sjukfrånvaro (%)", Direction: LowerIsBetter, Aggregation: AggregateMean, Known: true},
	{Key: MeasureTurnover, Name: "Personalomsättning (%)", Direction: LowerIsBetter, Aggregation: AggregateMean, Known: true},
	{Key: MeasureVacancies, Name: "Vakanta tjänster", Direction: LowerIsBetter, Aggregation: AggregateSum, Known: true},
	{Key: MeasureUserSatisfaction, Name: "Brukarnöjdhet (%)", Direction: HigherIsBetter, Aggregation: AggregateMean, Known: true},
	{Key: MeasureLexSarah, Name: "Lex Sarah-rapporter", Direction: HigherIsBetter, Aggregation: AggregateSum, Known: true},
}

// KnownMeasure returns the definition of a known key.
func KnownMeasure(key string) (MeasureDef, bool) {
	for _, m := range KnownMeasures {
		if m.Key == key {
			return m, true
		}
	}
	return MeasureDef{}, false
}
