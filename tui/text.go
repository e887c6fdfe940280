package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/beredning/beredning/data/text"
)

// Everything the board draws goes through these helpers, so that no line
// is ever wider than the terminal: widths are display cells (å, ä, ö are
// one, most emoji two), measured by ansi.StringWidth, never len.

const ellipsis = "…"

// width is the display width of s: text.Width, the program's one width
// function (grapheme clusters, as terminals draw them).
func width(s string) int { return text.Width(s) }

// clean makes text from data or a file name safe to measure and to draw:
// text.Public, the program's one sanitiser (control characters, escape
// sequences and bidi overrides removed, personal numbers masked; tabs and
// line breaks become spaces; callers that keep lines split first).
func clean(s string) string { return text.Public(s) }

// trunc cuts s to at most w cells, ending in an ellipsis when cut.
func trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, ellipsis)
}

// cutDistinct cuts names to w cells like trunc, except that names that
// would read alike once cut ("Pågående utredn…" for both "Pågående
// utredningar" and "Pågående utredningar över 4 månader") keep their end
// instead: the shortest of them is cut at its end, the others in the
// middle, "Pågåen…4 månader".
func cutDistinct(names []string, w int) []string {
	out := make([]string, len(names))
	heads := make([]string, len(names))
	alike := map[string]int{}
	for i, s := range names {
		out[i] = trunc(s, w)
		heads[i] = ansi.Truncate(s, w-1, "") // what shows before an ellipsis
		alike[heads[i]]++
	}
	if w < 8 {
		return out
	}
	shortest := map[string]int{}
	for i, h := range heads {
		if j, ok := shortest[h]; alike[h] > 1 && (!ok || width(names[i]) < width(names[j])) {
			shortest[h] = i
		}
	}
	for i, s := range names {
		h := heads[i]
		if alike[h] < 2 || shortest[h] == i || width(s) <= w {
			continue
		}
		// as much of the end as leaves three cells of the start, from a
		// word's beginning; the start takes the rest
		tail := truncLeft(s, width(s)-(w-4))
		if cut := width(s) - width(tail); !strings.HasSuffix(ansi.Truncate(s, cut, ""), " ") {
			if sp := strings.IndexByte(tail, ' '); sp >= 0 {
				tail = tail[sp:]
			}
		}
		tail = strings.TrimLeft(tail, " ")
		out[i] = strings.TrimRight(ansi.Truncate(s, w-1-width(tail), ""), " ") + ellipsis + tail
	}
	return out
}

// truncLeft drops the first n cells of s.
func truncLeft(s string, n int) string { return ansi.TruncateLeft(s, n, "") }

// fit makes s exactly w cells: cut with an ellipsis or padded with spaces.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := width(s)
	if n > w {
		s = ansi.Truncate(s, w, ellipsis)
		n = width(s)
	}
	if n < w {
		s += spaces(w - n)
	}
	return s
}

var blanks = strings.Repeat(" ", 512)

// spaces is n spaces, without allocating for the usual widths.
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// right aligns s to the right of w cells (cut from the right if too long).
func right(s string, w int) string {
	n := width(s)
	if n >= w {
		return trunc(s, w)
	}
	return strings.Repeat(" ", w-n) + s
}

// spread puts left and rightText on one line of w cells, the right part
// kept whole when it can be and the left cut first.
func spread(left, rightText string, w int) string {
	rw := width(rightText)
	if rw >= w {
		return fit(rightText, w)
	}
	lw := w - rw - 1
	if lw <= 0 {
		return fit(rightText, w)
	}
	return fit(left, lw) + " " + rightText
}

// block turns lines into exactly h lines of exactly w cells.
func block(lines []string, w, h int) string {
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(fit(lines[i], w))
		} else {
			b.WriteString(strings.Repeat(" ", max(w, 0)))
		}
	}
	return b.String()
}

var markdownMarks = strings.NewReplacer("**", "", "__", "", "`", "")

// plainMarkdown reduces a narrative's Markdown to running text for the
// preview lines: markers dropped, lines joined. It stops after about
// limit bytes, since a preview shows only its first lines.
func plainMarkdown(md string, limit int) string {
	var parts []string
	n := 0
	for line := range strings.SplitSeq(md, "\n") {
		if n > limit {
			break
		}
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "|") {
			continue // a table says nothing in two preview lines
		}
		heading := strings.HasPrefix(line, "#")
		line = strings.TrimLeft(line, "#>")
		line = strings.TrimSpace(line)
		if heading && line != "" && !strings.HasSuffix(line, ":") {
			line += ":"
		}
		for _, p := range []string{"- ", "* ", "+ "} {
			line = strings.TrimPrefix(line, p)
		}
		line = markdownMarks.Replace(line)
		if line != "" {
			parts = append(parts, line)
			n += len(line) + 1
		}
	}
	return clean(strings.Join(parts, " "))
}

// wrapLines word-wraps text to w cells and returns at most n lines, the
// last one ending in an ellipsis when text was left over.
func wrapLines(text string, w, n int) []string {
	if w <= 0 || n <= 0 || text == "" {
		return nil
	}
	// Only the first n lines are kept: wrap no more text than can fill
	// them (a cell is at most four bytes), plus a word to know it goes on.
	if limit := (n+1)*w*4 + 64; len(text) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	lines := strings.Split(ansi.Wrap(keepNumbers(text), w, ""), "\n")
	for i := range lines {
		lines[i] = strings.ReplaceAll(lines[i], "\u00a0", " ")
	}
	if len(lines) > n {
		last := strings.TrimRight(lines[n-1], " ")
		if width(last)+1 > w {
			last = ansi.Truncate(last, w-1, "")
		}
		lines = append(lines[:n-1], last+ellipsis)
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return lines
}

// keepNumbers joins the groups of Swedish numbers ("1 268,2") with
// no-break spaces so that wrapping never splits a figure.
func keepNumbers(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	b := []byte(s)
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' && i > 0 && i+1 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]) {
			out.WriteString("\u00a0")
			continue
		}
		out.WriteByte(b[i])
	}
	return out.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
