package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/beredning/beredning/data/doc"
)

// run is a piece of a line in one style.
type run struct {
	text  string
	style int
	w     float64
}

// line is runs that fit the width, in order.
type line []run

func (l line) width() float64 {
	w := 0.0
	for _, r := range l {
		w += r.w
	}
	return w
}

// wrap breaks styled spans into lines no wider than width. A word longer
// than a line is cut between letters.
func (r *renderer) wrap(spans []doc.Span, width, size float64) []line {
	var out []line
	var cur line
	curW := 0.0
	flush := func() {
		out = append(out, cur)
		cur, curW = nil, 0
	}
	add := func(style int, word string, space bool) {
		ww := r.width(style, size, word)
		sp := 0.0
		if space && len(cur) > 0 {
			sp = r.width(style, size, " ")
		}
		if len(cur) > 0 && curW+sp+ww > width {
			flush()
			sp = 0
		}
		for ww > width && utf8.RuneCountInString(word) > 1 {
			// Cut the longest head that fits.
			cut := len(word)
			for cut > 0 && r.width(style, size, word[:cut]) > width-curW {
				_, n := utf8.DecodeLastRuneInString(word[:cut])
				cut -= n
			}
			if cut == 0 {
				if len(cur) > 0 {
					flush()
					continue
				}
				_, cut = utf8.DecodeRuneInString(word)
			}
			cur = append(cur, run{text: word[:cut], style: style, w: r.width(style, size, word[:cut])})
			flush()
			word = word[cut:]
			ww = r.width(style, size, word)
		}
		if sp > 0 {
			word = " " + word
			ww += sp
		}
		// Join to the previous run when the style is the same: fewer text objects.
		if k := len(cur) - 1; k >= 0 && cur[k].style == style {
			cur[k].text += word
			cur[k].w += ww
		} else {
			cur = append(cur, run{text: word, style: style, w: ww})
		}
		curW += ww
	}
	pendingSpace := false
	for _, s := range spans {
		st := spanStyle(s)
		text := strings.ReplaceAll(s.Text, "\n", " ")
		if strings.HasPrefix(text, " ") {
			pendingSpace = true
		}
		ws := words(text)
		for _, w := range ws {
			add(st, w, pendingSpace)
			pendingSpace = true
		}
		pendingSpace = strings.HasSuffix(text, " ") || (pendingSpace && len(ws) == 0)
		if s.Break {
			flush()
			pendingSpace = false
		}
	}
	if len(cur) > 0 || len(out) == 0 {
		flush()
	}
	return out
}

// words splits text at ordinary spaces only: a no-break space (in
// "1 234,5" or "§ 151") holds its neighbours together.
// Figures keep their thousands groups, their unit and their § together:
// "1 234,5 tkr" and "§ 151" never break.
func words(text string) []string {
	ws := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' })
	out := ws[:0]
	for _, w := range ws {
		if k := len(out) - 1; k >= 0 && glued(out[k], w) {
			out[k] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

func glued(prev, next string) bool {
	last := prev[len(prev)-1]
	digit := func(b byte) bool { return b >= '0' && b <= '9' }
	switch {
	case prev == "§" || prev == "§§":
		return true
	case digit(last) && (next == "%" || next == "tkr" || next == "mnkr" || next == "kr" || strings.HasPrefix(next, "%") ||
		strings.HasPrefix(next, "tkr") || strings.HasPrefix(next, "mnkr")):
		return true
	case digit(last) && len(next) >= 3 && digit(next[0]) && digit(next[1]) && digit(next[2]) && (len(next) == 3 || !digit(next[3])):
		return true
	}
	return false
}

// drawLines draws wrapped lines from the current y, breaking pages as needed.
func (r *renderer) drawLines(lines []line, x, size, lead float64) {
	for _, l := range lines {
		r.ensure(lead)
		cx := x
		for _, rn := range l {
			r.text(cx, r.y, rn.style, size, rn.text)
			cx += rn.w
		}
		r.y += lead
	}
}

// heading draws a bold heading, kept with at least two lines after it.
func (r *renderer) heading(text string, size, lead float64) {
	lines := r.wrap([]doc.Span{{Text: text, Strong: true}}, contentW, size)
	r.ensure(float64(len(lines))*lead + 2*bodyLead)
	r.drawLines(lines, marginX, size, lead)
	r.y += 4
}

// blocks draws a section's blocks; level is the heading level of the
// section's own headings (for sizes).
func (r *renderer) blocks(bs []doc.Block, level int) {
	for _, b := range bs {
		switch b := b.(type) {
		case doc.Heading:
			size := max(14-float64(level+b.Level-2), 10.5)
			r.y += 6
			r.heading(b.Text, size, size+4)
		case doc.Paragraph:
			r.drawLines(r.wrap(b.Spans, contentW, bodySize), marginX, bodySize, bodyLead)
			r.y += 6
		case doc.List:
			r.list(b)
		case doc.Table:
			r.table(b)
		case doc.Fields:
			r.fields(b)
		case doc.Notice:
			r.notice(b.Text, false)
		}
	}
}

func (r *renderer) list(l doc.List) {
	indent := 16.0
	for i, it := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = itoa(l.Start+i) + "."
		}
		lines := r.wrap(it, contentW-indent, bodySize)
		r.ensure(bodyLead)
		r.text(marginX, r.y, 0, bodySize, marker)
		r.drawLines(lines, marginX+indent, bodySize, bodyLead)
		r.y += 2
	}
	r.y += 4
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// fields draws labelled values in two columns.
func (r *renderer) fields(f doc.Fields) {
	labelW := 0.0
	for _, row := range f.Rows {
		labelW = max(labelW, r.width(styleBold, bodySize, row.Label+":"))
	}
	labelW = min(labelW+10, 150)
	for _, row := range f.Rows {
		var spans []doc.Span
		for i, part := range strings.Split(row.Value, "\n") {
			spans = append(spans, doc.Span{Text: part, Break: i < strings.Count(row.Value, "\n")})
		}
		lines := r.wrap(spans, contentW-labelW, bodySize)
		labels := r.wrap([]doc.Span{{Text: row.Label + ":", Strong: true}}, labelW-6, bodySize)
		h := float64(max(len(lines), len(labels))) * bodyLead
		r.ensure(min(h, 4*bodyLead))
		top := r.y
		r.drawLines(labels, marginX, bodySize, bodyLead)
		r.y = top
		r.drawLines(lines, marginX+labelW, bodySize, bodyLead)
		r.y = max(r.y, top+float64(len(labels))*bodyLead) + 3
	}
	r.y += 6
}

// notice draws text in a frame; a marking is bold.
func (r *renderer) notice(text string, strong bool) {
	var spans []doc.Span
	for i, part := range strings.Split(text, "\n") {
		spans = append(spans, doc.Span{Text: part, Strong: strong, Break: i < strings.Count(text, "\n")})
	}
	lines := r.wrap(spans, contentW-16, bodySize)
	h := float64(len(lines))*bodyLead + 12
	r.ensure(h)
	if !r.dry {
		r.gp.SetStrokeColor(26, 26, 26)
		r.gp.SetLineWidth(1.2)
		r.gp.RectFromUpperLeftWithStyle(marginX, r.y, contentW, h, "D")
	}
	top := r.y
	r.y += 6
	r.drawLines(lines, marginX+8, bodySize, bodyLead)
	r.y = top + h + 8
}

// table draws a table with a shaded header row that repeats on each page.
func (r *renderer) table(t doc.Table) {
	cols := len(t.Head)
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	const pad = 4.0
	natural := make([]float64, cols)
	least := make([]float64, cols)
	measure := func(i int, text string, style int) {
		w := r.width(style, tableSize, text) + 2*pad
		natural[i] = max(natural[i], w)
		// Figures and short cells (a §, a date) are never broken.
		if (i < len(t.Right) && t.Right[i]) || utf8.RuneCountInString(text) <= 12 {
			least[i] = max(least[i], w)
			return
		}
		for _, word := range words(text) {
			least[i] = max(least[i], r.width(style, tableSize, word)+2*pad)
		}
	}
	for i, h := range t.Head {
		measure(i, h, styleBold)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			st := 0
			if c.Strong || i == 0 {
				st = styleBold
			}
			if !c.Strong && i == 0 {
				st = 0
			}
			measure(i, c.Text, st)
		}
	}
	widths := fitColumns(natural, least, contentW)
	if t.Caption != "" {
		r.drawLines(r.wrap([]doc.Span{{Text: t.Caption, Em: true}}, contentW, tableSize), marginX, tableSize, tableLead)
	}
	header := func() {
		if len(t.Head) == 0 {
			return
		}
		cells := make([]doc.Cell, len(t.Head))
		for i, h := range t.Head {
			cells[i] = doc.Cell{Text: h, Strong: true}
		}
		r.tableRow(cells, widths, t.Right, true)
	}
	r.ensure(2*tableLead + 8)
	header()
	for _, row := range t.Rows {
		h := r.rowHeight(row, widths)
		if r.y+h > pageH-marginBottom {
			r.newPage()
			header()
		}
		r.tableRow(row, widths, t.Right, false)
	}
	r.y += 8
}

func (r *renderer) cellLines(c doc.Cell, w float64, head bool) []line {
	return r.wrap([]doc.Span{{Text: c.Text, Strong: c.Strong || head}}, w-8, tableSize)
}

func (r *renderer) rowHeight(row []doc.Cell, widths []float64) float64 {
	n := 1
	for i, c := range row {
		if i < len(widths) {
			n = max(n, len(r.cellLines(c, widths[i], false)))
		}
	}
	return float64(n)*tableLead + 6
}

func (r *renderer) tableRow(row []doc.Cell, widths []float64, right []bool, head bool) {
	h := r.rowHeight(row, widths)
	top := r.y
	if !r.dry {
		if head {
			r.gp.SetFillColor(230, 230, 230)
			r.gp.RectFromUpperLeftWithStyle(marginX, top, sum(widths), h, "F")
		}
		r.gp.SetStrokeColor(118, 118, 118)
		r.gp.SetLineWidth(0.4)
		if head {
			r.gp.SetLineWidth(1)
		}
		r.gp.Line(marginX, top+h, marginX+sum(widths), top+h)
	}
	x := marginX
	for i, w := range widths {
		if i < len(row) {
			lines := r.cellLines(row[i], w, head)
			ly := top + 3
			for _, l := range lines {
				lx := x + 4
				if i < len(right) && right[i] {
					lx = x + w - 4 - l.width()
				}
				for _, rn := range l {
					r.text(lx, ly, rn.style, tableSize, rn.text)
					lx += rn.w
				}
				ly += tableLead
			}
		}
		x += w
	}
	r.y = top + h
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

// fitColumns shares the width: every column gets its longest word, and
// what is left goes to the columns in proportion to how much more their
// natural width wants. A table narrower than the page keeps its widths.
func fitColumns(natural, least []float64, width float64) []float64 {
	out := make([]float64, len(natural))
	sumNat, sumLeast := sum(natural), sum(least)
	switch {
	case sumNat <= width:
		copy(out, natural)
	case sumLeast >= width:
		for i := range out {
			out[i] = least[i] * width / sumLeast
		}
	default:
		for i := range out {
			out[i] = least[i] + (natural[i]-least[i])*(width-sumLeast)/(sumNat-sumLeast)
		}
	}
	return out
}
