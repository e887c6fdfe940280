package ingest

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/beredning/beredning/data"
)

// readXLSX reads every sheet of a workbook whose name or header says what
// it is. Instructions and list sheets (see ignoredSheet), hidden sheets
// and empty sheets are passed over; a sheet with content of no known
// shape is an error.
//
// Cells are read twice in step: as stored, so numbers are exact whatever
// their display format, and as displayed, only to see which cells are
// formatted as percent (stored 0.085, shown 8.5 %). Date cells are read
// from their serial number, so any day and any display format give the
// month.
func (imp *importer) readXLSX(f *fileState, r io.Reader) error {
	x, err := excelize.OpenReader(r)
	if err != nil {
		imp.record(f, nil, true, Problem{File: f.display, Key: "import.err.xlsx", Args: []any{errText(err)}})
		return nil
	}
	defer x.Close()
	date1904 := false
	if props, err := x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	base := strings.TrimSuffix(filepath.Base(f.path), filepath.Ext(f.path))
	fileKind, _ := kindFromName(base)
	tables := 0
	for _, sheet := range x.GetSheetList() {
		if ignoredSheet(sheet) {
			continue
		}
		if visible, err := x.GetSheetVisible(sheet); err == nil && !visible {
			// A hidden sheet is left out, as Excel's user sees the
			// workbook; but one with content is said, so nothing is
			// dropped without a word.
			if hasContent(x, sheet) {
				imp.record(f, nil, false, Problem{File: f.display, Sheet: sheet, Key: "import.warn.hidden_sheet"})
			}
			continue
		}
		nameKind, _ := kindFromName(sheet)
		t := imp.newTable(f, sheet, nameKind, fileKind, true, date1904)
		if err := imp.readSheet(x, sheet, t); err != nil {
			return err
		}
		if t.hdr != nil || t.stopped {
			tables++
		}
		if f.capped {
			break
		}
	}
	if tables == 0 && f.errors == 0 {
		imp.record(f, nil, true, Problem{File: f.display, Key: "import.err.no_sheets"})
	}
	return nil
}

func (imp *importer) readSheet(x *excelize.File, sheet string, t *tableState) error {
	raw, err := x.Rows(sheet)
	if err != nil {
		t.problem(true, 0, -1, "", "", "import.err.xlsx", errText(err))
		return nil
	}
	defer raw.Close()
	shown, err := x.Rows(sheet)
	if err != nil {
		t.problem(true, 0, -1, "", "", "import.err.xlsx", errText(err))
		return nil
	}
	defer shown.Close()
	merged := mergedFill(x, sheet)
	if len(merged) > 0 {
		t.problem(false, 0, -1, "", "", "import.warn.merged")
	}
	line := 0
	for raw.Next() {
		shown.Next()
		line++
		cells, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.problem(true, line, -1, "", "", "import.err.xlsx", errText(err))
			break
		}
		cells = fillMerged(cells, merged[line])
		display, _ := shown.Columns()
		for i, c := range cells {
			if i < len(display) && strings.HasSuffix(strings.TrimSpace(display[i]), "%") {
				cells[i] = percentCell(c)
			}
		}
		if !t.consume(line, cells) {
			break
		}
		if imp.dbErr != nil {
			return imp.dbErr
		}
	}
	if err := raw.Error(); err != nil && !t.stopped {
		t.problem(true, line, -1, "", "", "import.err.xlsx", errText(err))
	}
	return t.finish()
}

// hasContent tells whether a sheet has any non-blank cell.
func hasContent(x *excelize.File, sheet string) bool {
	rows, err := x.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	for rows.Next() {
		cells, _ := rows.Columns()
		if !blank(cells) {
			return true
		}
	}
	return false
}

// mergedFill is, per row, the cells a merged range covers below or beside
// its first cell, with the first cell's value: Excel shows one value over
// the range ("Barn och unga" beside four units), and its users expect every
// row to have it. Column indexes are from 0.
func mergedFill(x *excelize.File, sheet string) map[int]map[int]string {
	ranges, err := x.GetMergeCells(sheet)
	if err != nil || len(ranges) == 0 {
		return nil
	}
	out := map[int]map[int]string{}
	for _, m := range ranges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || (r1-r0+1)*(c1-c0+1) > 1<<16 {
			continue
		}
		v, err := x.GetCellValue(sheet, m.GetStartAxis(), excelize.Options{RawCellValue: true})
		if err != nil || v == "" {
			continue
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if r == r0 && c == c0 {
					continue
				}
				if out[r] == nil {
					out[r] = map[int]string{}
				}
				out[r][c-1] = v
			}
		}
	}
	return out
}

// fillMerged puts a merged range's value into the row's empty cells under it.
func fillMerged(cells []string, fill map[int]string) []string {
	for i, v := range fill {
		for len(cells) <= i {
			cells = append(cells, "")
		}
		if strings.TrimSpace(cells[i]) == "" {
			cells[i] = v
		}
	}
	return cells
}

// percentCell turns a stored fraction (0.085) into the percent it shows
// ("8.5%"), exactly.
func percentCell(v string) string {
	d, suffix, p := parseDecimal(v)
	if p != numOK || suffix != "" {
		return v
	}
	if d.scale >= 2 {
		d.scale -= 2
	} else {
		for ; d.scale < 2; d.scale++ {
			d.mant *= 10
		}
		d.scale = 0
	}
	return d.String() + "%"
}

// excelSerialPeriod reads a date cell's serial number ("46296", or
// "46296.5" with a time) as a month.
func excelSerialPeriod(v string, date1904 bool) (data.Period, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, false
	}
	return periodFromSerial(f, date1904)
}
