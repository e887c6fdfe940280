package kolada

import "strings"

// The KPI catalogue and the municipality list as CSV, with the API's
// field names as header: "id,title,description,…,operating_area,…" and
// "id,title,type".

// catalogKind tells the two lists by their header: "catalog",
// "municipalities" or "".
func catalogKind(header []string) string {
	has := map[string]bool{}
	for _, h := range header {
		has[strings.ToLower(strings.TrimSpace(h))] = true
	}
	switch {
	case has["id"] && has["title"] && has["description"]:
		return "catalog"
	case has["id"] && has["title"] && has["type"]:
		return "municipalities"
	}
	return ""
}

func (b *batch) readCatalog(path string, t *csvTable, kind string) {
	rep := FileReport{Path: path, Format: kind}
	id, title, desc, area, typ := t.col("id"), t.col("title"), t.col("description"), t.col("operating_area"), t.col("type")
	for i, rec := range t.rows {
		raw := field(rec, id)
		if kind == "catalog" {
			kpi, ok := NormalizeKPI(raw)
			if !ok {
				if !b.fail(Problem{File: path, Line: t.lines[i], Column: "id", Value: raw, Key: "kolada.err.kpi_id"}) {
					return
				}
				continue
			}
			b.addKPI(KPI{ID: kpi, Title: field(rec, title), Description: field(rec, desc), Area: field(rec, area)})
			rep.KPIs++
			continue
		}
		code, ok := NormalizeCode(raw)
		k := field(rec, typ)
		if !ok || len(raw) != 4 || (k != "K" && k != "L") {
			if !b.fail(Problem{File: path, Line: t.lines[i], Column: "id", Value: raw + " " + k, Key: "kolada.err.code"}) {
				return
			}
			continue
		}
		b.munis[code] = Municipality{Code: code, Name: printable(field(rec, title)), Kind: k}
	}
	b.files = append(b.files, rep)
}
