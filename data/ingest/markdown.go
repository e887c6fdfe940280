package ingest

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// A narrative may come as a Markdown file: the fields of a berattelser row
// as front matter between two lines of "---", one "fält: värde" per line,
// and the narrative's text as the body. Without a rubrik, a first heading
// ("# Rubrik") is the title.
//
//	---
//	område: Barn och unga
//	enhet: Utredningsenheten
//	period: 2026-10
//	typ: tillkortakommande
//	allvar: hög
//	rubrik: Uppföljningar av placerade barn görs inte
//	---
//	Texten, med **Markdown**.

const maxMarkdown = 1 << 20

func (imp *importer) readMarkdown(f *fileState, r io.Reader) error {
	b, err := io.ReadAll(io.LimitReader(r, maxMarkdown+1))
	if err != nil {
		imp.record(f, nil, true, Problem{File: f.display, Key: "import.err.open", Args: []any{errText(err)}})
		return nil
	}
	t := imp.newTable(f, "", KindNarratives, "", false, false)
	if len(b) > maxMarkdown {
		t.problem(true, 0, -1, "", "", "import.err.md_too_large", sizeText(maxMarkdown))
		return nil
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	text := string(b)
	if !utf8.ValidString(text) {
		text = decodeCP1252(b)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first == len(lines) || strings.TrimSpace(lines[first]) != "---" {
		if f.inFolder { // a README or notes beside the data: not a narrative
			t.problem(false, 0, -1, "", "", "import.warn.md_skipped")
			return nil
		}
		t.problem(true, first+1, -1, "", "", "import.err.md_front_matter")
		return nil
	}
	var keys, values []string
	var keyLines []int
	end := -1
	for i := first + 1; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" || line == "..." {
			end = i
			break
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(k) == "" {
			t.problem(true, i+1, -1, "", "", "import.err.md_line", shortValue(line))
			continue
		}
		v = strings.TrimSpace(v)
		if key := frontMatterValueProblem(v); key != "" {
			t.problem(true, i+1, -1, strings.TrimSpace(k), v, key, shortValue(v))
		}
		keys = append(keys, strings.TrimSpace(k))
		values = append(values, unquote(v))
		keyLines = append(keyLines, i+1)
	}
	if end < 0 {
		t.problem(true, first+1, -1, "", "", "import.err.md_unclosed")
		return nil
	}
	body := lines[end+1:]
	bodyLine := end + 2
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body, bodyLine = body[1:], bodyLine+1
	}
	h := mapHeader(keys, first+1)
	if !h.has(colTitle) && len(body) > 0 && strings.HasPrefix(body[0], "# ") {
		keys = append(keys, "rubrik")
		values = append(values, strings.TrimSpace(strings.TrimPrefix(body[0], "# ")))
		keyLines = append(keyLines, bodyLine)
		body, bodyLine = body[1:], bodyLine+1
		for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
			body, bodyLine = body[1:], bodyLine+1
		}
	}
	if !h.has(colText) {
		keys = append(keys, "text")
		values = append(values, strings.TrimRight(strings.Join(body, "\n"), " \t\n"))
		keyLines = append(keyLines, bodyLine)
	}
	t.fieldLines = keyLines
	if t.useHeader(first+1, keys, mapHeader(keys, first+1), KindNarratives) {
		t.consume(first+1, values)
	}
	return t.finish()
}

// frontMatterValueProblem catches YAML this reader does not take as
// plain text: a quote that is never closed (`rubrik: "ej stängd`) and a
// list or a map (`område: [Testområde`), which would otherwise become a
// name with a bracket in it.
func frontMatterValueProblem(v string) string {
	if v == "" {
		return ""
	}
	switch q := v[0]; q {
	case '"', '\'':
		if len(v) < 2 || v[len(v)-1] != q {
			return "import.err.md_quote"
		}
	case '[', '{':
		return "import.err.md_yaml_list"
	}
	return ""
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		return v[1 : len(v)-1]
	}
	return v
}
