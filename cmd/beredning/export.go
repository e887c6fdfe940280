package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/beredning/beredning/data/doc"
	"github.com/beredning/beredning/data/doc/html"
	"github.com/beredning/beredning/data/doc/md"
	"github.com/beredning/beredning/data/doc/pdf"
	"github.com/beredning/beredning/data/pack"
)

// exportFormats are the formats `pack` and `briefing` write.
var exportFormats = []string{"pdf", "html", "md"}

// validExportArgs checks --format and -o before anything is read.
func (e *env) validExportArgs(format, out string) bool {
	if !slices.Contains(exportFormats, format) {
		fmt.Fprintln(e.stderr, e.lang.T("cli.err.format", format, "pdf, html, md"))
		return false
	}
	if out == "" {
		fmt.Fprintln(e.stderr, e.lang.T("cli.export.no_output"))
		return false
	}
	return true
}

// export runs the personnummer check over all of d's text, masks or
// refuses, and writes d in the format to out. The file is written whole or
// not at all: a temporary file beside it is renamed into place. It returns
// the exit code.
func (e *env) export(d *doc.Doc, format, out string, maskPNR bool) int {
	l := e.lang
	if findings := pack.FindPNR(d); len(findings) > 0 {
		if !maskPNR {
			fmt.Fprintln(e.stderr, l.T("cli.export.pnr_refused", len(findings)))
			for _, f := range findings {
				where := f.Section
				if where == "" {
					where = l.T("cli.export.pnr_front")
				}
				if f.Line > 0 {
					fmt.Fprintln(e.stderr, "  "+l.T("cli.export.pnr_at_line", safe(where), f.Line))
				} else {
					fmt.Fprintln(e.stderr, "  "+l.T("cli.export.pnr_at", safe(where)))
				}
			}
			fmt.Fprintln(e.stderr, l.T("cli.export.pnr_hint"))
			return 1
		}
		n := pack.MaskPNR(d)
		fmt.Fprintln(e.stderr, l.T("cli.export.pnr_masked", n))
	}
	write := func(w io.Writer) error {
		switch format {
		case "html":
			return html.Write(w, d)
		case "md":
			return md.Write(w, d)
		default:
			return pdf.Write(w, d, pdf.Options{Created: time.Now()})
		}
	}
	if err := writeFileAtomic(out, write); err != nil {
		var att *pdf.AttachmentError
		if errors.As(err, &att) {
			fmt.Fprintln(e.stderr, l.T("cli.export.bad_attachment", safe(att.Section)))
			return 1
		}
		fmt.Fprintln(e.stderr, l.T("cli.export.write_failed", out, err))
		return 1
	}
	fmt.Fprintln(e.stdout, l.T("cli.export.written", out))
	return 0
}

// writeFileAtomic writes through a temporary file in the same folder, so a
// failure leaves no half-written file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".beredning-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// safe keeps text from the data from steering a terminal: control
// characters become spaces.
func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
