package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The documentation stands alone: every Markdown file a Go comment or a
// Markdown file names is in the repository, found from the repository's
// root or from the naming file's folder (comments once pointed outside it).
func TestDocumentReferencesExist(t *testing.T) {
	root := filepath.Join("..", "..")
	mdRef := regexp.MustCompile(`[A-Za-z0-9_./-]*[A-Za-z0-9_-]+\.md\b`)
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(path); ext != ".go" && ext != ".md" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(b)
		if filepath.Ext(path) == ".go" { // comments only: test code names test files
			var comments []string
			for _, line := range strings.Split(text, "\n") {
				if _, c, ok := strings.Cut(line, "// "); ok && !strings.Contains(line, `"`) {
					comments = append(comments, c)
				}
			}
			text = strings.Join(comments, "\n")
		}
		for _, ref := range mdRef.FindAllString(text, -1) {
			checked++
			ref = strings.TrimPrefix(ref, "./")
			if exists(filepath.Join(root, ref)) || exists(filepath.Join(filepath.Dir(path), ref)) {
				continue
			}
			t.Errorf("%s names %s, which is not in the repository", path, ref)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no references found: the walk missed the repository")
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
