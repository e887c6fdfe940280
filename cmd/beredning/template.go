package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/beredning/beredning/data/ingest"
)

func init() {
	register(command{name: "template", summary: "cli.template.summary", usage: "cli.template.usage", run: runTemplate})
}

// runTemplate writes the workbook a controller sends to the units.
func runTemplate(e *env, args []string) int {
	c := commands["template"]
	flags := e.flags(c)
	force := flags.Bool("force", false, e.lang.T("cli.template.flag.force"))
	rest, code := e.parse(flags, args)
	if code >= 0 {
		return code
	}
	if len(rest) != 1 {
		fmt.Fprintln(e.stderr, e.lang.T(c.usage))
		return 2
	}
	path := rest[0]
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		fmt.Fprintln(e.stderr, e.lang.T("cli.template.ext", path))
		return 2
	}
	if _, err := os.Stat(path); err == nil && !*force {
		fmt.Fprintln(e.stderr, e.lang.T("cli.template.exists", path))
		return 1
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(e.stderr, e.lang.T("cli.template.failed", path, e.lang.Err(err)))
		return 1
	}
	if err := writeTemplate(path); err != nil {
		fmt.Fprintln(e.stderr, e.lang.T("cli.template.failed", path, e.lang.Err(err)))
		return 1
	}
	fmt.Fprintln(e.stdout, e.lang.T("cli.template.done", path))
	return 0
}

// writeTemplate writes to a temporary file beside path and renames it into
// place, so a failed write leaves no half a workbook.
func writeTemplate(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".beredning-mall-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := ingest.WriteTemplate(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
