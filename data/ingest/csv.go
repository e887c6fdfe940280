package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// csvReader reads records one at a time from a stream, so a file of any
// length is read in constant memory. It follows RFC 4180 as Excel writes
// it: a field that starts with a quote may hold separators, quotes written
// twice, and line breaks; text after a closing quote is kept. It counts
// physical lines, so a record is located by the line it starts on.
//
// A record longer than maxRecord is an error, not an allocation: an
// unquoted overlong line is skipped and reading goes on; a quoted field that
// runs past the limit (a quote never closed) stops the file, because
// nothing after it can be trusted.
type csvReader struct {
	br        *bufio.Reader
	sep       byte
	delim     byte // line end: '\n', or '\r' for old Mac files
	maxRecord int
	line      int // physical lines consumed
	buf       []byte
	ends      []int
	fields    []string
	enc       textEncoding
	stopped   bool
}

// csvError is a problem with one record; fatal ones end the file.
type csvError struct {
	line  int
	key   string
	args  []any
	fatal bool
}

func (e *csvError) Error() string { return e.key }

const defaultMaxRecord = 1 << 20 // 1 MiB: a long narrative fits, a runaway quote does not

func newCSVReader(r io.Reader, sep, delim byte, enc textEncoding) *csvReader {
	return &csvReader{br: bufio.NewReaderSize(r, 64<<10), sep: sep, delim: delim, maxRecord: defaultMaxRecord, enc: enc}
}

// readLine returns the next physical line without its line end. The slice
// is valid until the next call. An overlong line is consumed and reported.
func (c *csvReader) readLine() (line []byte, err error) {
	line, err = c.br.ReadSlice(c.delim)
	if errors.Is(err, bufio.ErrBufferFull) {
		// Longer than the buffer: gather it, up to the record limit.
		long := append([]byte(nil), line...)
		size := len(line)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = c.br.ReadSlice(c.delim)
			size += len(line)
			if len(long) <= c.maxRecord {
				long = append(long, line...)
			}
		}
		if size > c.maxRecord {
			if err == nil || err == io.EOF {
				c.line++
			}
			return nil, &csvError{line: c.line, key: "import.err.line_too_long", args: []any{sizeText(int64(size)), sizeText(int64(c.maxRecord))}}
		}
		line = long
	}
	if len(line) == 0 && err == io.EOF {
		return nil, io.EOF
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	c.line++
	line = bytes.TrimSuffix(line, []byte{c.delim})
	if c.delim == '\n' {
		line = bytes.TrimSuffix(line, []byte{'\r'})
	}
	// the limit is on the line's content, whatever its line end
	if len(line) > c.maxRecord {
		return nil, &csvError{line: c.line, key: "import.err.line_too_long", args: []any{sizeText(int64(len(line))), sizeText(int64(c.maxRecord))}}
	}
	return line, nil
}

// Read returns the next record's fields and the line it starts on. The
// fields are valid until the next call. At the end it returns io.EOF; a
// *csvError for a bad record (reading may go on unless it is fatal).
func (c *csvReader) Read() ([]string, int, error) {
	if c.stopped {
		return nil, 0, io.EOF
	}
	c.buf, c.ends = c.buf[:0], c.ends[:0]
	const (
		fieldStart = iota
		unquoted
		quoted
		quoteInQuoted
	)
	state := fieldStart
	start := 0
	for {
		line, err := c.readLine()
		if err != nil {
			var ce *csvError
			if errors.As(err, &ce) {
				if state == quoted {
					ce.key, ce.args, ce.fatal = "import.err.quote_runaway", []any{start, sizeText(int64(c.maxRecord))}, true
					c.stopped = true
				}
				return nil, ce.line, ce
			}
			if err == io.EOF && state == quoted {
				c.stopped = true
				return nil, start, &csvError{line: start, key: "import.err.quote_unclosed", args: []any{start}, fatal: true}
			}
			return nil, 0, err
		}
		if state == fieldStart && len(c.ends) == 0 {
			start = c.line
		}
		for _, b := range line {
			switch state {
			case fieldStart:
				switch b {
				case '"':
					state = quoted
				case c.sep:
					c.ends = append(c.ends, len(c.buf))
				default:
					c.buf = append(c.buf, b)
					state = unquoted
				}
			case unquoted:
				if b == c.sep {
					c.ends = append(c.ends, len(c.buf))
					state = fieldStart
				} else {
					c.buf = append(c.buf, b)
				}
			case quoted:
				if b == '"' {
					state = quoteInQuoted
				} else {
					c.buf = append(c.buf, b)
				}
			case quoteInQuoted:
				switch b {
				case '"':
					c.buf = append(c.buf, '"')
					state = quoted
				case c.sep:
					c.ends = append(c.ends, len(c.buf))
					state = fieldStart
				default: // text after a closing quote: keep it
					c.buf = append(c.buf, b)
					state = unquoted
				}
			}
		}
		if state == quoted {
			c.buf = append(c.buf, '\n') // a line break inside a quoted field
			if len(c.buf) > c.maxRecord {
				c.stopped = true
				return nil, start, &csvError{line: start, key: "import.err.quote_runaway", args: []any{start, sizeText(int64(c.maxRecord))}, fatal: true}
			}
			continue
		}
		c.ends = append(c.ends, len(c.buf))
		return c.finish(start)
	}
}

// finish turns the record's bytes into strings: one allocation for the
// record, decoded from Windows-1252 when the file is in it.
func (c *csvReader) finish(line int) ([]string, int, error) {
	raw := c.buf
	ascii := true
	for _, b := range raw {
		if b >= 0x80 || b == 0 {
			ascii = false
			break
		}
	}
	if !ascii {
		if bytes.IndexByte(raw, 0) >= 0 {
			return nil, line, &csvError{line: line, key: "import.err.nul"}
		}
		switch c.enc.decide(raw) {
		case encCP1252:
			return c.splitDecoded(line)
		case encBad:
			return nil, line, &csvError{line: line, key: "import.err.bad_utf8"}
		}
	}
	s := string(raw)
	c.fields = c.fields[:0]
	prev := 0
	for _, e := range c.ends {
		c.fields = append(c.fields, s[prev:e])
		prev = e
	}
	return c.fields, line, nil
}

func (c *csvReader) splitDecoded(line int) ([]string, int, error) {
	c.fields = c.fields[:0]
	prev := 0
	for _, e := range c.ends {
		c.fields = append(c.fields, decodeCP1252(c.buf[prev:e]))
		prev = e
	}
	return c.fields, line, nil
}

// textEncoding is what a text file turns out to be. A file is UTF-8 until
// a record shows otherwise: the first record with bytes above ASCII decides
// (valid UTF-8, or else Windows-1252), and a later record that breaks the
// decision is an error, since a file does not change its encoding halfway.
type textEncoding struct{ kind encKind }

type encKind int

const (
	encUndecided encKind = iota
	encUTF8
	encCP1252
	encBad
)

func (e *textEncoding) decide(raw []byte) encKind {
	switch e.kind {
	case encUndecided:
		if utf8.Valid(raw) {
			e.kind = encUTF8
		} else {
			e.kind = encCP1252
		}
		return e.kind
	case encUTF8:
		if !utf8.Valid(raw) {
			return encBad
		}
	}
	return e.kind
}

// decodeCP1252 decodes Windows-1252 through x/text's table, a byte at a
// time: DecodeByte keeps the loop free of a decoder per field, which a
// million-row file would feel (BenchmarkDecodeCP1252). The five bytes the
// code page leaves undefined become C1 controls, as WHATWG decodes them,
// which the importer then refuses in a name and removes from a text.
func decodeCP1252(b []byte) string {
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		if c < utf8.RuneSelf {
			out = append(out, c)
			continue
		}
		out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(c))
	}
	return string(out)
}
