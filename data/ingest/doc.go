// Package ingest reads what municipalities have — CSV and XLSX tables from
// Excel and from finance and case systems, and Markdown narratives — into
// the store, as data/ingest/FORMATS.md (the import contract) describes: forgiving about the
// form, strict about the content, one transaction per import, and every
// problem located by file, line, column and value.
//
// # Use
//
//	rep, err := ingest.Import(ctx, store, []string{"underlag/"}, ingest.Options{User: "anna"})
//	switch {
//	case errors.Is(err, ingest.ErrRefused): // rep.Errors says why; nothing was written
//	case err != nil:                        // the database failed; nothing was written
//	default:                                // rep.Summaries, rep.Warnings
//	}
//
// Report.Render and RenderErrors write the summary and the errors in
// either language; Problem.Render (or Location and Message) one problem.
// WriteTemplate writes the Excel template for the units.
//
// # Choices where data/ingest/FORMATS.md is silent
//
// Files. Folders are searched with their subfolders for .csv, .tsv, .txt,
// .xlsx, .xlsm, .md and .markdown; hidden files and Excel's "~$" lock
// files are passed over, other files are named in a warning, and a
// Markdown file without front matter found in a folder (a README) is
// passed over with a warning, while one named on the command line is an
// error. The kind comes from the file name (a word starting with budget,
// placering, matt/mått, nyckeltal, indikator, berattelse/berättelse), else
// from the header. For an XLSX sheet: the sheet name, else the header,
// else the workbook's name. Sheets named Instruktioner, Anvisning, Listor,
// Info and the like, hidden sheets and empty sheets are passed over; a
// sheet with content of no known shape is an error. Up to ten non-empty
// rows may stand above the header (a title, a date). Unknown columns are a
// warning and are not read; a value to the right of the header is an
// error in CSV (a decimal comma unquoted in a comma-separated file
// usually) and a warning in XLSX (a note beside the table).
//
// Text. UTF-8 with or without BOM, UTF-16 with a BOM (Excel's "Unicode
// text"), else Windows-1252, decided by the first record that has bytes
// above ASCII; a later record that contradicts UTF-8 is an error. The
// separator is ';', tab or ',' by which splits the first lines most
// consistently into more than one field (ties in that order), or Excel's
// "sep=;" line. A record may be at most 1 MiB: a longer line is an error
// and reading goes on; a quoted field that runs past it, or is never
// closed, ends the file.
//
// Numbers. See numbers.go: decimal comma or point, space or no-break-space
// thousands in groups of three, "1.234,5" and "1,234.5" by the last mark,
// "1,234" is 1.234 (Swedish), several commas are an error, minus as '-',
// U+2212 or U+2013, leading or trailing, or brackets; a lone dash is zero
// (Excel's accounting format); empty is missing, never zero. Amounts are
// exact in öre, rounded half away from zero below an öre. A header unit
// "(kr)" or "(mkr)" is read in that unit and converted to tkr, with a
// warning; "tkr" or a unit after a value must match the column. A value
// in a measure column may end in "%". XLSX numbers are read as stored, not
// as displayed, so "0" display formats lose nothing; a cell displayed as a
// percentage (stored 0.085) is read as the percentage shown (8.5).
//
// Periods. See periods.go. Years 1990–2099. An Excel date serial is a
// period only in an XLSX cell, never in CSV text.
//
// Required values. område, period and the kind's own columns (konto and
// budget; insats and antal; matt or a known kod, and varde; typ and
// rubrik) must be filled in; an empty required value is an error, not a
// row passed over, because a unit that left it empty should be asked.
// Empty rows are passed over. Rows whose område starts with "Exempel" are
// the template's example rows and are passed over and counted.
//
// Names. Areas and units are matched by data.NameKey (case, spaces). A new
// name whose folded form equals an existing one's, or is one or two edits
// from it (two for names of eight letters or more), is a warning naming
// the existing one — unless the names differ only in digits ("Grupp 1",
// "Grupp 2"). A new area gets a target group from its name when the name
// says it (barn, unga, familj → barn; vuxen, missbruk, beroende,
// försörjning, ekonomiskt bistånd, socialpsykiatri → vuxen). A placement
// without malgrupp takes its area's group, else the group its name
// suggests, else it is an error.
//
// Enumerations. Matched after folding (case, å/ä/ö, spaces as
// underscores), with a few synonyms (vuxna, hvb-hem, jourfamiljehem,
// grönt, 1/2/3 for allvar, …). An unknown konto is kept as its folded key
// with a warning (once per table and name); an unknown insats, malgrupp,
// riktning, status, typ or allvar is an error. avser is a konto or a
// measure key; anything else is kept folded, with a warning.
//
// Measures. A known code (kod) decides the series; else the name, matched
// against known measures and custom ones already in the database by key,
// key without unit suffix, display name and display name without unit;
// else a new custom measure with a warning: its key is the folded name
// without its unit, plus "_pct" for a percentage; its direction is the
// row's riktning or hög; it averages over units (mean) when its name has
// "%", "andel", "procent" or "per", else it adds up (sum).
//
// Keys. A natural key given twice in one import (in one file or across
// files) with other values is an error naming both rows; with the same
// values it is accepted, counted as unchanged, and warned about. Values
// are compared by a 32-bit hash: two different values taken as equal
// would need a collision on a key given twice.
//
// Errors. Every error of a file is listed up to 50 (then a note); 500 in
// all. One error anywhere refuses the whole import: nothing is written,
// not even the import log. Once an error is found, rows are still checked
// but no longer written. A personnummer is never shown in a message.
//
// Personnummer. Title, text and author of narratives are checked with
// data/pnr. Refused by default; with MaskPNR the number is replaced by
// "[personnummer borttaget]" (or "[samordningsnummer borttaget]"), birth
// date included, since a birth date in a small unit identifies a child.
// The summary and the import log count the masked numbers.
//
// Log. One import_log entry per file and kind, with the file as named,
// its SHA-256, the time in UTC and the user. A re-import that changes
// nothing is logged too: the log records what was done, not what changed.
//
// # Speed and memory
//
// Files are read as streams; a million-row budget CSV is never held in
// memory. Rows are parsed and written in batches of 1 024 through
// data.Tx's bulk upserts (data/write_bulk.go), the next batch parsed while
// the previous is written. Natural keys are kept in a 24-byte-a-row log,
// sorted in chunks, for the duplicate check. See data/ingest/bench for
// the measured figures.
package ingest
