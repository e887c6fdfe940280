package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/beredning/beredning/data/lang"
)

// TestMessagesComplete: every message key the package uses is in the
// catalogue (in both languages, which Register checks), and every
// registered import key is used.
func TestMessagesComplete(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	used := map[string]bool{}
	re := regexp.MustCompile(`"(import\.[a-z_.0-9]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "messages.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	for k := range used {
		if !strings.HasSuffix(k, ".") && !lang.Has(k) {
			t.Errorf("message %q is used but not registered", k)
		}
	}
	for _, k := range lang.Keys() {
		if !strings.HasPrefix(k, "import.") {
			continue
		}
		dynamic := strings.HasPrefix(k, "import.kind.") || strings.HasPrefix(k, "import.pnr.")
		if !used[k] && !dynamic {
			t.Errorf("message %q is registered but not used", k)
		}
	}
	// Both languages format the same arguments.
	for _, k := range lang.Keys() {
		if strings.HasPrefix(k, "import.") && strings.Count(lang.SV.T(k), "%") != strings.Count(lang.EN.T(k), "%") {
			t.Errorf("%s: Swedish and English take different arguments", k)
		}
	}
}
