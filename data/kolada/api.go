package kolada

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The Kolada API v3 answers with one JSON object per page:
//
//	{"count": 2, "values": [ … ], "next_page": "https://…&page=2", "previous_page": null}
//
// A data answer's values are {"kpi", "municipality", "period", "values":
// [{"gender", "value", "count", "status"}]}; a KPI answer's are {"id",
// "title", "description", "operating_area", …}; a municipality answer's
// {"id", "title", "type"}. A value of null is a figure Kolada does not
// have: missing, not zero.

// apiPage is one answer page.
type apiPage struct {
	NextPage string
	Elements []apiElement
}

// apiElement is one entry of "values", with the line it starts on.
type apiElement struct {
	Line int
	Raw  json.RawMessage
}

type apiData struct {
	KPI          *string         `json:"kpi"`
	Municipality *string         `json:"municipality"`
	Period       json.RawMessage `json:"period"`
	Values       []struct {
		Gender string   `json:"gender"`
		Value  *float64 `json:"value"`
	} `json:"values"`
}

type apiMeta struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Description   string `json:"description"`
	OperatingArea string `json:"operating_area"`
	Type          string `json:"type"`
}

// looksLikeJSON tells an API answer from a CSV file.
func looksLikeJSON(content []byte) bool {
	c := bytes.TrimLeft(bytes.TrimPrefix(content, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(c) > 0 && c[0] == '{'
}

// parseAPIPage reads a page without interpreting its values, keeping each
// element's line for messages.
func parseAPIPage(content []byte) (apiPage, error) {
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(content))
	var page apiPage
	tok, err := dec.Token()
	if err != nil {
		return page, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return page, fmt.Errorf("not a JSON object")
	}
	sawValues := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return page, err
		}
		key, _ := tok.(string)
		switch key {
		case "values":
			sawValues = true
			if tok, err = dec.Token(); err != nil {
				return page, err
			}
			if d, ok := tok.(json.Delim); !ok || d != '[' {
				return page, fmt.Errorf(`"values" is not a list`)
			}
			for dec.More() {
				off := int(dec.InputOffset())
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return page, err
				}
				page.Elements = append(page.Elements, apiElement{Line: lineAt(content, off, raw), Raw: raw})
			}
			if _, err := dec.Token(); err != nil {
				return page, err
			}
		case "next_page":
			var next *string
			if err := dec.Decode(&next); err != nil {
				return page, err
			}
			if next != nil {
				page.NextPage = *next
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return page, err
			}
		}
	}
	if !sawValues {
		return page, fmt.Errorf(`no "values"`)
	}
	return page, nil
}

// lineAt is the line of the first byte of raw at or after off.
func lineAt(content []byte, off int, raw json.RawMessage) int {
	if off > len(content) {
		off = len(content)
	}
	start := off
	if len(raw) > 0 {
		if i := bytes.IndexByte(content[off:], raw[0]); i >= 0 {
			start = off + i
		}
	}
	return bytes.Count(content[:start], []byte("\n")) + 1
}

// jsonErrorLine finds where a syntax error is.
func jsonErrorLine(content []byte, err error) int {
	if se, ok := err.(*json.SyntaxError); ok && int(se.Offset) <= len(content) {
		return bytes.Count(content[:se.Offset], []byte("\n")) + 1
	}
	if te, ok := err.(*json.UnmarshalTypeError); ok && int(te.Offset) <= len(content) {
		return bytes.Count(content[:te.Offset], []byte("\n")) + 1
	}
	return 0
}

// readAPIFile reads a saved API answer.
func (b *batch) readAPIFile(path string, content []byte) {
	page, err := parseAPIPage(content)
	if err != nil {
		b.fail(Problem{File: path, Line: jsonErrorLine(content, err), Key: "kolada.err.json", Args: []any{err.Error()}})
		return
	}
	rep := b.readAPIPage(path, page)
	b.files = append(b.files, rep)
}

// readAPIPage interprets a page's elements by their fields.
func (b *batch) readAPIPage(path string, page apiPage) FileReport {
	rep := FileReport{Path: path, Format: "api"}
	for i, el := range page.Elements {
		col := fmt.Sprintf("values[%d]", i)
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(el.Raw, &probe); err != nil {
			if !b.fail(Problem{File: path, Line: el.Line, Column: col, Key: "kolada.err.json", Args: []any{err.Error()}}) {
				return rep
			}
			continue
		}
		_, hasKPI := probe["kpi"]
		_, hasID := probe["id"]
		switch {
		case hasKPI:
			n, ok := b.readAPIData(path, el, col)
			rep.Values += n
			if !ok && b.errs[path] >= maxProblems {
				return rep
			}
		case hasID:
			b.readAPIMeta(path, el, col, &rep)
		default:
			if !b.fail(Problem{File: path, Line: el.Line, Column: col, Key: "kolada.err.api_element"}) {
				return rep
			}
		}
	}
	return rep
}

func (b *batch) readAPIData(path string, el apiElement, col string) (int, bool) {
	var d apiData
	if err := json.Unmarshal(el.Raw, &d); err != nil {
		return 0, b.fail(Problem{File: path, Line: el.Line, Column: col, Key: "kolada.err.json", Args: []any{err.Error()}})
	}
	kpi, ok := "", false
	if d.KPI != nil {
		kpi, ok = NormalizeKPI(*d.KPI)
	}
	if !ok {
		return 0, b.fail(Problem{File: path, Line: el.Line, Column: col + ".kpi", Value: deref(d.KPI), Key: "kolada.err.kpi_id"})
	}
	code, ok := "", false
	if d.Municipality != nil {
		code, ok = NormalizeCode(*d.Municipality)
	}
	if !ok {
		return 0, b.fail(Problem{File: path, Line: el.Line, Column: col + ".municipality", Value: deref(d.Municipality), Key: "kolada.err.code"})
	}
	period := strings.Trim(string(d.Period), `"`)
	year, err := strconv.Atoi(period)
	if err != nil || year < 1900 || year > 2999 {
		return 0, b.fail(Problem{File: path, Line: el.Line, Column: col + ".period", Value: period, Key: "kolada.err.year"})
	}
	if _, known := b.kpis[kpi]; !known {
		b.addKPI(KPI{ID: kpi})
	}
	n := 0
	for j, gv := range d.Values {
		g, ok := NormalizeGender(gv.Gender)
		if !ok {
			if !b.fail(Problem{File: path, Line: el.Line, Column: fmt.Sprintf("%s.values[%d].gender", col, j), Value: gv.Gender, Key: "kolada.err.gender"}) {
				return n, false
			}
			continue
		}
		if gv.Value == nil || math.IsNaN(*gv.Value) {
			continue
		}
		b.addValue(Value{KPI: kpi, Municipality: code, Year: year, Gender: g, Value: *gv.Value})
		n++
	}
	return n, true
}

func (b *batch) readAPIMeta(path string, el apiElement, col string, rep *FileReport) {
	var m apiMeta
	if err := json.Unmarshal(el.Raw, &m); err != nil {
		b.fail(Problem{File: path, Line: el.Line, Column: col, Key: "kolada.err.json", Args: []any{err.Error()}})
		return
	}
	if id, ok := NormalizeKPI(m.ID); ok {
		b.addKPI(KPI{ID: id, Title: m.Title, Description: m.Description, Area: m.OperatingArea})
		rep.KPIs++
		return
	}
	if code, ok := NormalizeCode(m.ID); ok && len(m.ID) == 4 && (m.Type == "K" || m.Type == "L") {
		b.munis[code] = Municipality{Code: code, Name: printable(m.Title), Kind: m.Type}
		return
	}
	// Kolada also lists municipality groups ("G…") and units; they are
	// not stored.
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
