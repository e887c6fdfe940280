package serve_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/serve"
)

const narrativeCSV = "Område;Enhet;Period;Typ;Allvar;Rubrik;Text;Författare;Avser\n" +
	"Barn och unga;;2026-10;Analys;medel;Berättelse via SSH;Inläst av controllern över SSH.;;\n"

// The controller imports through the board: the import log names the SSH
// user, and the member's board, open beside it, reloads and shows it.
func TestControllerImportsMemberSeesIt(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	lena := newPerson(t, "lena", "Lena Ström", data.RoleLedamot)
	ts := startServer(t, []person{carl, lena}, nil)
	if err := os.WriteFile(filepath.Join(ts.importDir, "berattelse.csv"), []byte(narrativeCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	ctrl := ts.connect(t, carl, 120, 40)
	member := ts.connect(t, lena, 120, 40)
	ctrl.waitFor("Även här: Lena Ström")
	member.waitFor("Även här: Carl Ek")

	if strings.Contains(member.text(), "Berättelse via SSH") {
		t.Fatal("the narrative is there before the import")
	}
	ctrl.press("i")
	ctrl.waitFor("Importera underlag")
	ctrl.waitFor("berattelse.csv")
	ctrl.press("\r") // the file under the cursor: the dry run
	ctrl.waitFor("nya: 1")
	m := member.mark()
	ctrl.press("y")
	ctrl.waitFor("Inläst")
	// The diffing renderer sends only what changed, so the narrative's
	// title (whole in its pane) is what is looked for, not the header.
	member.waitForSince(m, "Berättelse via SSH")

	runs, err := ts.store.ImportRuns(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) == 0 || runs[0].User != "carl" {
		t.Fatalf("the import log names %+v, want carl", runs)
	}
}

// The member's board offers no import: the key is not in its help, and
// pressing it opens nothing. The store would refuse it anyway (data's
// tests), and the controller's help has it.
func TestMemberHasNoImportKey(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	lena := newPerson(t, "lena", "Lena Ström", data.RoleLedamot)
	ts := startServer(t, []person{carl, lena}, nil)
	member := ts.connect(t, lena, 160, 50)
	member.waitFor("Ekbacka kommun")
	member.press("?")
	member.waitFor("avsluta")
	member.waitFor("tillbaka")
	if importKey.MatchString(member.text()) {
		t.Fatal("the member's help offers import")
	}
	m := member.mark()
	member.press("?") // close help (esc then i would read as alt+i)
	member.waitForSince(m, "o kvalitetsglapp")
	m = member.mark()
	member.press("i")
	member.press("?")
	member.waitForSince(m, "tillbaka")
	if strings.Contains(member.since(m), "Importera underlag") {
		t.Fatal("the member opened the import screen")
	}

	ctrl := ts.connect(t, carl, 160, 50)
	ctrl.waitFor("Ekbacka kommun")
	ctrl.press("?")
	ctrl.waitFor("avsluta")
	ctrl.waitFor("tillbaka")
	if !importKey.MatchString(ctrl.text()) {
		t.Fatal("the controller's help does not offer import")
	}
}

// importKey is the import key's line in help ("i importera"), not the
// header's "Senast importerat".
var importKey = regexp.MustCompile(`\bi +importera\b`)

// Without --import-dir nobody imports through the board, whatever the role.
func TestNoImportWithoutImportDir(t *testing.T) {
	carl := newPerson(t, "carl", "Carl Ek", data.RoleController)
	ts := startServer(t, []person{carl}, func(c *serve.Config) { c.ImportRoot = "" })
	ctrl := ts.connect(t, carl, 160, 50)
	ctrl.waitFor("Ekbacka kommun")
	m := ctrl.mark()
	ctrl.press("i")
	ctrl.press("?")
	ctrl.waitForSince(m, "tillbaka")
	if importKey.MatchString(ctrl.since(m)) || strings.Contains(ctrl.since(m), "Importera underlag") {
		t.Fatal("import offered without an import folder")
	}
}
