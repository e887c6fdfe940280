package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// gopdf writes neither the document's language nor nested bookmarks, so
// appendCatalogue adds them as an incremental update (PDF 1.7, 7.5.6): a
// new catalogue object 1 with /Lang, /Outlines and /PageLabels, the
// outline tree, and an xref section that points back at gopdf's.

var (
	kidsRe      = regexp.MustCompile(`(?s)\n2 0 obj\n<<.*?/Kids \[([^\]]*)\]`)
	refRe       = regexp.MustCompile(`(\d+) 0 R`)
	startxrefRe = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	trailerRe   = regexp.MustCompile(`(?s)trailer\n<<\n(.*)>>\nstartxref\n\d+\n%%EOF\n?$`)
	sizeRe      = regexp.MustCompile(`/Size (\d+)\n`)
)

var errLayout = errors.New("pdf: unexpected gopdf output")

func appendCatalogue(pdf []byte, lang string, entries []outlineEntry) ([]byte, error) {
	km := kidsRe.FindSubmatch(pdf)
	sx := startxrefRe.FindSubmatch(pdf)
	tm := trailerRe.FindSubmatch(pdf)
	if km == nil || sx == nil || tm == nil {
		return nil, errLayout
	}
	var pages []int
	for _, m := range refRe.FindAllSubmatch(km[1], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages = append(pages, n)
	}
	sm := sizeRe.FindSubmatch(tm[1])
	if sm == nil {
		return nil, errLayout
	}
	size, _ := strconv.Atoi(string(sm[1]))
	trailer := sizeRe.ReplaceAll(tm[1], nil)

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)+4096))
	out.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		out.WriteByte('\n')
	}
	offsets := map[int]int{}
	obj := func(id int, body string) {
		offsets[id] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", id, body)
	}

	// The outline tree: level 0 at the top, each entry the child of the
	// nearest entry one level up before it.
	type node struct {
		e        outlineEntry
		id       int
		parent   *node
		children []*node
	}
	root := &node{id: size}
	next := size + 1
	stack := []*node{root}
	for _, e := range entries {
		for len(stack) > e.level+1 {
			stack = stack[:len(stack)-1]
		}
		for len(stack) < e.level+1 { // a level skipped: hang under the last
			stack = append(stack, stack[len(stack)-1])
		}
		parent := stack[len(stack)-1]
		n := &node{e: e, id: next, parent: parent}
		next++
		parent.children = append(parent.children, n)
		stack = append(stack, n)
	}
	var count func(n *node) int
	count = func(n *node) int {
		c := len(n.children)
		for _, ch := range n.children {
			c += count(ch)
		}
		return c
	}

	catalogue := "<< /Type /Catalog /Pages 2 0 R"
	if lang != "" {
		catalogue += " /Lang " + pdfString(lang)
	}
	catalogue += " /PageLabels << /Nums [ 0 << /S /D >> ] >>"
	if len(root.children) > 0 {
		catalogue += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", root.id)
	}
	catalogue += " /ViewerPreferences << /DisplayDocTitle true >> >>"
	obj(1, catalogue)
	if len(root.children) > 0 {
		obj(root.id, fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>",
			root.children[0].id, root.children[len(root.children)-1].id, count(root)))
		var write func(n *node)
		write = func(n *node) {
			for i, ch := range n.children {
				page := pages[0]
				if ch.e.page-1 < len(pages) && ch.e.page > 0 {
					page = pages[ch.e.page-1]
				}
				body := fmt.Sprintf("<< /Title %s /Parent %d 0 R /Dest [ %d 0 R /XYZ 0 %.2f null ]",
					utf16String(ch.e.title), n.id, page, pageH-ch.e.y+4)
				if i > 0 {
					body += fmt.Sprintf(" /Prev %d 0 R", n.children[i-1].id)
				}
				if i < len(n.children)-1 {
					body += fmt.Sprintf(" /Next %d 0 R", n.children[i+1].id)
				}
				if len(ch.children) > 0 {
					body += fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d",
						ch.children[0].id, ch.children[len(ch.children)-1].id, count(ch))
				}
				obj(ch.id, body+" >>")
				write(ch)
			}
		}
		write(root)
	}

	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \n", offsets[1])
	if len(root.children) > 0 {
		fmt.Fprintf(out, "%d %d\n", size, next-size)
		for id := size; id < next; id++ {
			fmt.Fprintf(out, "%010d 00000 n \n", offsets[id])
		}
	}
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n%s/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n", max(next, size), trailer, sx[1], xref)
	return out.Bytes(), nil
}

// pdfString is a literal string of ASCII text.
func pdfString(s string) string {
	var b bytes.Buffer
	b.WriteByte('(')
	for _, r := range s {
		if r == '(' || r == ')' || r == '\\' {
			b.WriteByte('\\')
		}
		if r < 128 {
			b.WriteRune(r)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// utf16String is a text string in UTF-16BE with its byte-order mark.
func utf16String(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
