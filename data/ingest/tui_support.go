package ingest

import (
	"path/filepath"
	"slices"
	"strings"
)

// Importable tells whether a folder import reads a file of this name: an
// importable extension, and not hidden or an Excel lock file ("~$…").
// The board's file browser shows only these.
func Importable(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return false
	}
	return importableExt[strings.ToLower(filepath.Ext(name))]
}

// Extensions are the file extensions a folder is searched for, sorted:
// ".csv", ".markdown", ".md", ….
func Extensions() []string {
	out := make([]string, 0, len(importableExt))
	for ext := range importableExt {
		out = append(out, ext)
	}
	slices.Sort(out)
	return out
}

// PNRErrorKey is the message key of a refused personnummer, so a screen
// can offer masking when a check finds one.
const PNRErrorKey = "import.err.pnr"
