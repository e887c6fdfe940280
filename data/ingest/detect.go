package ingest

import (
	"bufio"
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// fileType is what a file turns out to be from its first bytes and name.
type fileType int

const (
	typeText fileType = iota // CSV or tab-separated
	typeXLSX
	typeMarkdown
	typeXLS // the old binary Excel format (or an encrypted workbook)
	typeBinary
	typeEmpty
)

// importableExt are the extensions a folder is searched for.
var importableExt = map[string]bool{".csv": true, ".tsv": true, ".txt": true, ".xlsx": true, ".xlsm": true, ".md": true, ".markdown": true}

// sniff tells the type from the first bytes; the name only tells
// Markdown from CSV, since both are text.
func sniff(name string, head []byte) fileType {
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))) == 0:
		return typeEmpty
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return typeXLSX
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return typeXLS
	case bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) || looksUTF16LE(head):
		return typeText
	case looksBinary(head):
		return typeBinary
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return typeMarkdown
	}
	return typeText
}

// looksUTF16LE: Excel's "Unicode text" export is UTF-16 with a BOM, but a
// file cut from one may lack it; ASCII in UTF-16LE has every odd byte zero.
func looksUTF16LE(head []byte) bool {
	if len(head) < 8 {
		return false
	}
	n := min(len(head), 512) &^ 1
	zeroOdd, zeroEven := 0, 0
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			zeroEven++
		}
		if head[i+1] == 0 {
			zeroOdd++
		}
	}
	return zeroOdd*10 >= (n/2)*9 && zeroEven == 0
}

// looksBinary: NUL bytes, or more than a few control characters, in the
// first bytes of something that should be text.
func looksBinary(head []byte) bool {
	ctrl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f':
			ctrl++
		}
	}
	return ctrl*100 > len(head) // over 1 %
}

// textSource is an opened text file: a reader of UTF-8 or single-byte
// text, its separator and line end, and what is known of its encoding.
type textSource struct {
	r     *bufio.Reader
	sep   byte
	delim byte
	enc   textEncoding
	lines int // lines already read (Excel's "sep=" line)
}

const sniffSize = 64 << 10

// openText decodes a byte order mark, finds the line end and the
// separator, and takes Excel's "sep=;" line when there is one.
func openText(raw io.Reader) (*textSource, error) {
	br := bufio.NewReaderSize(raw, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	ts := &textSource{r: br}
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
		ts.enc.kind = encUTF8
	case bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) || looksUTF16LE(head):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		ts.r = bufio.NewReaderSize(transform.NewReader(br, dec), sniffSize)
		ts.enc.kind = encUTF8
	}
	head, err = ts.r.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	ts.delim = '\n'
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		ts.delim = '\r'
	}
	// Excel's hint line: "sep=;".
	first := head
	if i := bytes.IndexByte(first, ts.delim); i >= 0 {
		first = first[:i]
	}
	first = bytes.TrimSpace(first)
	if len(first) == 5 && bytes.EqualFold(first[:4], []byte("sep=")) {
		ts.sep = first[4]
		ts.r.ReadSlice(ts.delim)
		ts.lines = 1
		return ts, nil
	}
	ts.sep = detectSeparator(head, ts.delim)
	return ts, nil
}

// detectSeparator picks ';', tab or ',' by which splits the first lines
// into the same number of fields (more than one) most often; ties go to
// ';' then tab then ',', since a Swedish file's decimal commas make
// commas the least reliable.
func detectSeparator(head []byte, delim byte) byte {
	// Only whole lines: the last may be cut by the sample's end.
	if i := bytes.LastIndexByte(head, delim); i >= 0 && len(head) == sniffSize {
		head = head[:i]
	}
	best, bestScore := byte(';'), -1
	for _, sep := range []byte{';', '\t', ','} {
		counts := fieldCounts(head, sep, delim, 30)
		freq := map[int]int{}
		mode, modeN := 0, 0
		for _, c := range counts {
			freq[c]++
			if freq[c] > modeN || freq[c] == modeN && c > mode {
				mode, modeN = c, freq[c]
			}
		}
		if mode < 2 {
			continue
		}
		if modeN > bestScore {
			best, bestScore = sep, modeN
		}
	}
	return best
}

// fieldCounts counts the fields of up to max records, minding quotes.
func fieldCounts(b []byte, sep, delim byte, max int) []int {
	var out []int
	inQuote, fields, empty := false, 1, true
	for _, c := range b {
		switch {
		case c == '"':
			inQuote = !inQuote
			empty = false
		case inQuote:
		case c == sep:
			fields++
			empty = false
		case c == delim:
			if !empty {
				out = append(out, fields)
				if len(out) == max {
					return out
				}
			}
			fields, empty = 1, true
		case c != '\r' && c != ' ':
			empty = false
		}
	}
	if !empty && !inQuote {
		out = append(out, fields)
	}
	return out
}
