package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

type rec struct {
	line   int
	fields []string
}

func readAll(t testing.TB, in string, sep, delim byte, max int) ([]rec, []*csvError) {
	cr := newCSVReader(strings.NewReader(in), sep, delim, textEncoding{})
	if max > 0 {
		cr.maxRecord = max
	}
	var recs []rec
	var errs []*csvError
	for i := 0; i < 100000; i++ {
		fields, line, err := cr.Read()
		if err == io.EOF {
			return recs, errs
		}
		var ce *csvError
		if errors.As(err, &ce) {
			errs = append(errs, ce)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec{line, append([]string(nil), fields...)})
	}
	t.Fatal("reader does not end")
	return nil, nil
}

func TestCSVReader(t *testing.T) {
	in := "a;b;c\r\n" +
		"\"x;y\";\"he said \"\"hi\"\"\";\"two\r\nlines\"\r\n" +
		"\r\n" +
		"1;;3\r\n" +
		"\"closed\"after;plain\"quote;\n" +
		"last;no;newline"
	recs, errs := readAll(t, in, ';', '\n', 0)
	if len(errs) > 0 {
		t.Fatal(errs[0].key)
	}
	want := []rec{
		{1, []string{"a", "b", "c"}},
		{2, []string{"x;y", `he said "hi"`, "two\nlines"}},
		{4, []string{""}},
		{5, []string{"1", "", "3"}},
		{6, []string{"closedafter", `plain"quote`, ""}},
		{7, []string{"last", "no", "newline"}},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d: %v", len(recs), len(want), recs)
	}
	for i := range want {
		if recs[i].line != want[i].line || strings.Join(recs[i].fields, "|") != strings.Join(want[i].fields, "|") {
			t.Errorf("record %d = %d %q, want %d %q", i, recs[i].line, recs[i].fields, want[i].line, want[i].fields)
		}
	}
}

func TestCSVReaderOldMac(t *testing.T) {
	recs, _ := readAll(t, "a\tb\rc\td\r", '\t', '\r', 0)
	if len(recs) != 2 || recs[1].fields[1] != "d" || recs[1].line != 2 {
		t.Errorf("%v", recs)
	}
}

func TestCSVReaderLimits(t *testing.T) {
	long := strings.Repeat("x", 5000)
	recs, errs := readAll(t, "a;b\n"+long+"\nc;d\n", ';', '\n', 1000)
	if len(errs) != 1 || errs[0].line != 2 || errs[0].fatal || len(recs) != 2 || recs[1].line != 3 {
		t.Errorf("overlong line: %d records %+v", len(recs), errs)
	}
	_, errs = readAll(t, "a;b\n\"never closed\n"+strings.Repeat("y\n", 2000), ';', '\n', 1000)
	if len(errs) != 1 || !errs[0].fatal || errs[0].key != "import.err.quote_runaway" {
		t.Errorf("runaway quote: %+v", errs)
	}
	_, errs = readAll(t, "a;b\n\"cut short\n", ';', '\n', 0)
	if len(errs) != 1 || errs[0].key != "import.err.quote_unclosed" || errs[0].line != 2 {
		t.Errorf("unclosed quote: %+v", errs)
	}
}

func TestCSVEncoding(t *testing.T) {
	// Windows-1252 decided by the first record with high bytes.
	recs, _ := readAll(t, "omr\xe5de;v\xe4rde\n\x96;\x80\n", ';', '\n', 0)
	if recs[0].fields[0] != "område" || recs[1].fields[0] != "–" || recs[1].fields[1] != "€" {
		t.Errorf("%v", recs)
	}
	// UTF-8, then a line that is not.
	_, errs := readAll(t, "område\nv\xe4rde\n", ';', '\n', 0)
	if len(errs) != 1 || errs[0].key != "import.err.bad_utf8" {
		t.Errorf("%+v", errs)
	}
}

func TestDetectSeparator(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want byte
	}{
		{"omrade;enhet;period\nA;B;2026-10\n", ';'},
		{"omrade,enhet,period,varde\nA,B,2026-10,\"8,5\"\n", ','},
		{"omrade\tenhet\tperiod\nA\tB\t2026-10\n", '\t'},
		{"Titel\n\nomrade;enhet;period;budget\nA;B;2026-10;1,5\nA;C;2026-10;2,5\n", ';'},
		{"omrade;period;text\nA;2026-10;\"en, två, tre\"\n", ';'},
	} {
		if got := detectSeparator([]byte(tc.in), '\n'); got != tc.want {
			t.Errorf("detectSeparator(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	ts, err := openText(strings.NewReader("sep=,\nomrade,period\n"))
	if err != nil || ts.sep != ',' {
		t.Fatal(err, ts.sep)
	}
	line, _ := ts.r.ReadString('\n')
	if line != "omrade,period\n" {
		t.Errorf("the sep= line was not consumed: %q", line)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name string
		head string
		want fileType
	}{
		{"a.csv", "omrade;period\n", typeText},
		{"a.md", "---\n", typeMarkdown},
		{"a.csv", "PK\x03\x04...", typeXLSX},
		{"a.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", typeXLS},
		{"a.csv", "\x00\x01\x02binary", typeBinary},
		{"a.csv", "\xef\xbb\xbf  \r\n", typeEmpty},
		{"a.txt", "\xff\xfeo\x00m\x00", typeText},
		{"a.txt", "o\x00m\x00r\x00a\x00d\x00e\x00\t\x00", typeText},
	} {
		if got := sniff(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("sniff(%s, %q) = %d, want %d", tc.name, tc.head, got, tc.want)
		}
	}
}

// TestUTF16 reads Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
func TestUTF16(t *testing.T) {
	text := "Område\tPeriod\tKonto\tBudget\r\nFörsörjningsstöd\t2026-10\tBistånd\t1 234,5\r\n"
	var b bytes.Buffer
	b.WriteString("\xff\xfe")
	for _, r := range text {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	p := writeFile(t, t.TempDir(), "budget.txt", b.Bytes())
	s := newStore(t)
	mustImport(t, s, Options{}, p)
	if b, _, _ := budgetOf(t, s, "Försörjningsstöd", "", "2026-10", "bistand"); b != 1234_50000 {
		t.Errorf("budget %d", b)
	}
}

// encodeCSV writes fields as Excel would, quoting when needed.
func encodeCSV(fields []string, sep byte) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(sep)
		}
		if strings.ContainsAny(f, "\"\r\n"+string(sep)) || f == "" && len(fields) == 1 {
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		} else {
			b.WriteString(f)
		}
	}
	b.WriteString("\r\n")
	return b.String()
}

// FuzzCSVRow: any row written as Excel writes it reads back field for
// field (line breaks inside a field come back as \n).
func FuzzCSVRow(f *testing.F) {
	f.Add("Barn och unga", "text med \"citat\"\r\noch radbrytning", "1 234,5", byte(';'))
	f.Add("a;b", "", "x,y", byte(','))
	f.Add("tab\there", "\"", "\n", byte('\t'))
	f.Add("Område för äldre", "\u00a0–12\u00a0345,5\u2212", "Förändring ö, å, ä; \"citat\"", byte(';'))
	f.Add("\u2212 1 234", "ÅÄÖ\r\nåäö", "\u00a0", byte(','))
	f.Fuzz(func(t *testing.T, a, b, c string, sep byte) {
		if sep != ';' && sep != ',' && sep != '\t' {
			sep = ';'
		}
		fields := []string{a, b, c}
		for _, x := range fields {
			// Valid UTF-8 of any script (å, ä, ö, NBSP, U+2212) is read as
			// written; invalid bytes make the file Windows-1252, which has
			// its own test. NUL is refused.
			if strings.ContainsAny(x, "\x00") || !utf8.ValidString(x) || strings.Contains(x, "\r") && !strings.Contains(x, "\r\n") {
				return
			}
		}
		in := encodeCSV(fields, sep) + encodeCSV([]string{"next"}, sep)
		cr := newCSVReader(bufio.NewReader(strings.NewReader(in)), sep, '\n', textEncoding{})
		got, line, err := cr.Read()
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if line != 1 || len(got) != 3 {
			t.Fatalf("%q: line %d fields %q", in, line, got)
		}
		for i := range fields {
			if want := strings.ReplaceAll(fields[i], "\r\n", "\n"); got[i] != want {
				t.Fatalf("%q: field %d = %q, want %q", in, i, got[i], want)
			}
		}
		next, line2, err := cr.Read()
		if err != nil || len(next) != 1 || next[0] != "next" || line2 != 2+strings.Count(a+b+c, "\n") {
			t.Fatalf("%q: next record %q at %d (%v)", in, next, line2, err)
		}
	})
}

// FuzzCSVReader: arbitrary bytes never panic, and every record respects
// the record limit exactly.
func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("a;b\n\"c\nd\";e\n"), byte(';'))
	f.Add([]byte("\"unclosed"), byte(','))
	f.Fuzz(func(t *testing.T, in []byte, sep byte) {
		cr := newCSVReader(bytes.NewReader(in), sep, '\n', textEncoding{})
		cr.maxRecord = 64
		for i := 0; i <= len(in)+1; i++ {
			fields, _, err := cr.Read()
			if err == io.EOF {
				return
			}
			// The limit is on a line's bytes; a byte read is at most one
			// character however it is decoded, so the fields hold at most
			// 64 characters.
			n := 0
			for _, f := range fields {
				n += utf8.RuneCountInString(f)
			}
			if n > 64 {
				t.Fatalf("record of %d characters past a limit of 64 bytes", n)
			}
		}
		t.Fatalf("reader did not end")
	})
}

// BenchmarkDecodeCP1252 is the Windows-1252 decoding of a budget line, as
// a CP1252 file's fields go through it.
func BenchmarkDecodeCP1252(b *testing.B) {
	line := []byte("Omr\xe5de f\xf6r \xe4ldre;Utredningsenheten;2026-10;Personal;1\xa0234,5;\x96120\x80")
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		decodeCP1252(line)
	}
}

func TestDecodeCP1252(t *testing.T) {
	if got := decodeCP1252([]byte("Omr\xe5de \x80 \x96 \x93citat\x94")); got != "Område € – “citat”" {
		t.Errorf("decodeCP1252 = %q", got)
	}
}
