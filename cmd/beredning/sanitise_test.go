package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/text"
)

// TestInfoPrintsNoControlCharacters: a file name or user with an escape
// sequence, as an import log may hold it, is printed without it.
func TestInfoPrintsNoControlCharacters(t *testing.T) {
	const bad = "\x1b]0;pwned\x07\u009b2J\u202e"
	in := data.Info{Path: "db" + bad, SchemaVersion: 1,
		Municipality: data.Municipality{Name: "Kommun 811218 9876" + bad, Committee: "Nämnd" + bad},
		LastImports:  []data.ImportLogEntry{{At: "2026-10-01T10:00:00Z", User: "anna" + bad, File: "budget" + bad + ".csv", Kind: "budget" + bad}}}
	var b bytes.Buffer
	writeInfoText(&b, in, lang.SV)
	if out := b.String(); strings.ContainsFunc(out, func(r rune) bool { return text.IsControl(r) && r != '\n' }) {
		t.Errorf("info prints a control character: %q", out)
	} else if strings.Contains(out, "9876") {
		t.Errorf("info prints a personnummer: %q", out)
	}
}
