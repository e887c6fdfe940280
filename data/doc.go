// Package data is beredning's domain and its SQLite store: areas and units,
// budget lines, placements, measures and indicators, narratives, settings,
// imports, unit reports and meetings. Nothing here knows about terminals.
//
// Money is held exactly as öre (Money); periods are calendar months (Period).
// Rows for an area as a whole have no unit (UnitID 0 in Go, NULL in SQL).
package data
