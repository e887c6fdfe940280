package tui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// The import screen on a fresh copy of Testby per test (an import writes),
// browsing tui/testdata/import: budget_oktober.csv is valid (one changed
// row, one row of a new area), budget_fel.csv has two located errors,
// underlag/ holds a placements file; anteckningar.docx and .utkast.csv
// must not be listed.

const importDir = "testdata/import"

// newImportBoard opens a board on a fresh Testby with the browser
// starting in testdata/import.
func newImportBoard(t *testing.T, l lang.Lang, w, h int) (*Model, *data.Store) {
	t.Helper()
	s := buildTestby(t, t.TempDir())
	t.Cleanup(func() { s.Close() })
	return newBoard(t, s, Options{Lang: l, NoColor: true, ImportDir: importDir}, w, h), s
}

func dump(t *testing.T, s *data.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// pickEntry moves the browser's cursor to the entry named name.
func pickEntry(t *testing.T, m *Model, name string) {
	t.Helper()
	b := &importOf(m).browser
	for i := range b.rowCount() {
		if kind, e := b.row(i); kind == rowEntry && e.name == name {
			b.move(i-b.cursor, 100)
			return
		}
	}
	t.Fatalf("%s not listed in %s", name, b.dir)
}

func areaNames(m *Model) []string {
	var out []string
	for _, a := range m.ov.Areas {
		out = append(out, a.Name)
	}
	return out
}

func TestImportBrowserClick(t *testing.T) {
	m, _ := newImportBoard(t, lang.SV, 120, 40)
	press(t, m, "i")
	b := &importOf(m).browser
	// the third row: below the header and the browser's title
	m.Update(tea.MouseClickMsg{X: 5, Y: headerLines + 1 + 2, Button: tea.MouseLeft})
	if b.cursor != 2 {
		t.Fatalf("click on the third row: cursor %d", b.cursor)
	}
}

func TestImportBrowser(t *testing.T) {
	m, _ := newImportBoard(t, lang.SV, 120, 40)
	press(t, m, "i")
	if importOf(m) == nil || importOf(m).stage != stagePick || !importOf(m).browser.listed {
		t.Fatal("i did not open the import screen with the folder listed")
	}
	sc := screen(m)
	mustContain(t, sc, "Importera underlag", "[ Läs in hela mappen ]", ".. (mappen ovanför)", "▸ underlag/",
		"budget_fel.csv", "budget_oktober.csv", "Andra filer visas inte (1 här).", "enter välj", "f hela mappen")
	mustNotContain(t, sc, "anteckningar", "utkast")
	// folders first, then files by name; the cursor on the first entry
	if kind, e := importOf(m).browser.row(importOf(m).browser.cursor); kind != rowEntry || e.name != "underlag" {
		t.Fatalf("cursor on %v %q", kind, e.name)
	}
	// into a folder and back up: the cursor returns to it
	press(t, m, "enter")
	if !strings.HasSuffix(importOf(m).browser.dir, "underlag") {
		t.Fatalf("enter on a folder: in %s", importOf(m).browser.dir)
	}
	mustContain(t, screen(m), "placeringar.csv")
	press(t, m, "left")
	if kind, e := importOf(m).browser.row(importOf(m).browser.cursor); !strings.HasSuffix(importOf(m).browser.dir, "import") || kind != rowEntry || e.name != "underlag" {
		t.Fatalf("left: in %s on %q", importOf(m).browser.dir, e.name)
	}
	// the parent row goes up too, and → opens a folder
	press(t, m, "g", "down", "enter")
	if !strings.HasSuffix(importOf(m).browser.dir, "testdata") {
		t.Fatalf("the parent row: in %s", importOf(m).browser.dir)
	}
	pickEntry(t, m, "import")
	press(t, m, "l")
	if !strings.HasSuffix(importOf(m).browser.dir, "import") {
		t.Fatalf("l on a folder: in %s", importOf(m).browser.dir)
	}
	// esc closes; the screen opens again in the folder last shown
	press(t, m, "esc")
	if importOf(m) != nil {
		t.Fatal("esc did not close the import screen")
	}
	press(t, m, "i")
	if !strings.HasSuffix(importOf(m).browser.dir, "import") {
		t.Fatalf("reopened in %s", importOf(m).browser.dir)
	}
}

// The whole flow: pick a file, read the dry run's report, confirm, see
// the progress, and find the board reloaded with the new data.
func TestImportFlow(t *testing.T) {
	m, s := newImportBoard(t, lang.SV, 120, 40)
	before, lastBefore := dump(t, s), m.ov.LastImport
	press(t, m, "i")
	pickEntry(t, m, "budget_oktober.csv")
	press(t, m, "enter")
	if importOf(m).stage != stageReport || !importOf(m).ok() {
		t.Fatalf("stage %d ok %v err %v", importOf(m).stage, importOf(m).ok(), importOf(m).err)
	}
	sc := screen(m)
	mustContain(t, sc, "Importera underlag · testdata/import/budget_oktober.csv",
		"✓ Inga fel. enter/y läser in; inget är sparat ännu.",
		"testdata/import/budget_oktober.csv (budget): rader: 2 (nya: 1, ändrade: 1, oförändrade: 0)",
		"nya områden: 1", "Provkörning, inget sparades.", "enter/y läs in", "esc tillbaka")
	if dump(t, s) != before {
		t.Fatal("the dry run wrote to the database")
	}

	// confirm: the import runs in a command; its progress comes as messages
	_, cmd := m.Update(keyMsg("y"))
	if importOf(m).stage != stageRun || m.imports.runs != 1 {
		t.Fatalf("after y: stage %d, runs %d", importOf(m).stage, m.imports.runs)
	}
	mustContain(t, screen(m), "Läser in …", "0 %", "esc avbryt")
	m.Update(importProgressMsg{seq: importOf(m).seq, done: 512, total: 1024})
	mustContain(t, screen(m), "██", "░░", "50 %", "512 B av 1 kB")
	// a second i while the import runs does nothing
	press(t, m, "i")
	if importOf(m) == nil || importOf(m).stage != stageRun {
		t.Fatal("i during the import changed the screen")
	}

	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("the import command is %T", cmd())
	}
	doneCh := make(chan tea.Msg, 1)
	go func() { doneCh <- batch[0]() }() // the import, on its own goroutine as in the program
	var wait tea.Cmd = batch[1]
	for wait != nil {
		msg := wait()
		if msg == nil {
			break // the import ended
		}
		p := msg.(importProgressMsg)
		_, wait = m.Update(p)
		if p.done == p.total && importOf(m).stage == stageRun {
			mustContain(t, screen(m), "100 %")
		}
	}
	_, reload := m.Update(<-doneCh)
	drain(t, m, reload)
	if importOf(m).stage != stageDone || m.imports.runs != 0 {
		t.Fatalf("after the import: stage %d, runs %d", importOf(m).stage, m.imports.runs)
	}
	mustContain(t, screen(m), "✓ Inläst. Tavlan visar de nya uppgifterna.", "Klart. Nya rader: 1, ändrade: 1, oförändrade: 0.")

	// the board was reloaded: a new area, a new last import, new figures
	if dump(t, s) == before {
		t.Fatal("the import wrote nothing")
	}
	if !strings.Contains(strings.Join(areaNames(m), "|"), "Socialpsykiatri") {
		t.Fatalf("areas after the import: %v", areaNames(m))
	}
	if !m.ov.LastImport.After(lastBefore) {
		t.Fatalf("last import %v, before %v", m.ov.LastImport, lastBefore)
	}
	// the log names the user the program runs as
	log, err := s.ImportLog(context.Background(), 1)
	if err != nil || len(log) != 1 || log[0].User != importUserName() || log[0].User == "" {
		t.Fatalf("import log %+v (%v), want user %q", log, err, importUserName())
	}
	if m.period != tbLast || m.detail(m.sel) == nil || m.gapResults[m.period] == nil {
		t.Fatal("the period under review was not reloaded")
	}
	press(t, m, "enter") // enter closes too
	if importOf(m) != nil {
		t.Fatal("enter did not close the finished import")
	}
	sc = screen(m)
	mustContain(t, sc, "Socialpsykia")
	mustNotContain(t, sc, "2026-11-20 07:30")
}

// A refused file shows its located errors, cannot be confirmed, and
// writes nothing.
func TestImportRefused(t *testing.T) {
	m, s := newImportBoard(t, lang.SV, 120, 40)
	before := dump(t, s)
	press(t, m, "i")
	pickEntry(t, m, "budget_fel.csv")
	press(t, m, "enter")
	if importOf(m).stage != stageReport || importOf(m).ok() || len(importOf(m).rep.Errors) != 2 {
		t.Fatalf("stage %d ok %v", importOf(m).stage, importOf(m).ok())
	}
	sc := screen(m)
	mustContain(t, sc, "✗ Kan inte läsas in (fel: 2). Inget sparas.", "Fel:",
		`✗ testdata/import/budget_fel.csv, rad 2, kolumn "period"`, `✗ testdata/import/budget_fel.csv, rad 3, kolumn "utfall"`,
		"Inläsningen avbröts (fel: 2). Inget sparades.")
	mustNotContain(t, sc, "läs in", "enter/y")
	press(t, m, "y", "enter")
	if importOf(m).stage != stageReport || m.imports.runs != 0 {
		t.Fatalf("a refused file was confirmed: stage %d", importOf(m).stage)
	}
	if dump(t, s) != before {
		t.Fatal("a refused import wrote to the database")
	}
	press(t, m, "esc")
	if importOf(m).stage != stagePick {
		t.Fatalf("esc from the report: stage %d", importOf(m).stage)
	}
}

// esc backs out at every step.
func TestImportEscAtEachStep(t *testing.T) {
	m, s := newImportBoard(t, lang.SV, 120, 40)
	before := dump(t, s)

	// while the check runs: back to the browser; its late answer is dropped
	press(t, m, "i")
	pickEntry(t, m, "budget_oktober.csv")
	_, check := m.Update(keyMsg("enter"))
	if importOf(m).stage != stageCheck {
		t.Fatalf("stage %d", importOf(m).stage)
	}
	mustContain(t, screen(m), "Kontrollerar …")
	press(t, m, "esc")
	if importOf(m).stage != stagePick {
		t.Fatalf("esc during the check: stage %d", importOf(m).stage)
	}
	drain(t, m, check)
	if importOf(m).stage != stagePick || importOf(m).rep != nil || m.imports.runs != 0 {
		t.Fatalf("the cancelled check's answer was shown: stage %d", importOf(m).stage)
	}

	// from the report: back to the browser
	press(t, m, "enter")
	if importOf(m).stage != stageReport {
		t.Fatalf("stage %d", importOf(m).stage)
	}
	press(t, m, "esc")
	if importOf(m).stage != stagePick {
		t.Fatalf("esc from the report: stage %d", importOf(m).stage)
	}

	// while the import runs: it is cancelled and the screen closes; the
	// footer says how it ended, and i waits until it has
	press(t, m, "enter")
	_, run := m.Update(keyMsg("y"))
	press(t, m, "esc")
	if importOf(m) != nil {
		t.Fatal("esc during the import did not close the screen")
	}
	mustContain(t, screen(m), "Avbryter importen …")
	press(t, m, "i")
	if importOf(m) != nil {
		t.Fatal("i opened the screen while the cancelled import still ran")
	}
	drain(t, m, run)
	mustContain(t, screen(m), "Importen avbröts. Inget sparades.")
	if dump(t, s) != before {
		t.Fatal("a cancelled import wrote to the database")
	}

	// from the browser: back to the board
	press(t, m, "i")
	if importOf(m) == nil {
		t.Fatal("i did not open the screen after the import ended")
	}
	press(t, m, "esc")
	if importOf(m) != nil {
		t.Fatal("esc in the browser did not close the screen")
	}

	// from the finished import: back to the board
	press(t, m, "i")
	pickEntry(t, m, "budget_oktober.csv")
	press(t, m, "enter", "enter")
	if importOf(m).stage != stageDone {
		t.Fatalf("stage %d", importOf(m).stage)
	}
	press(t, m, "esc")
	if importOf(m) != nil {
		t.Fatal("esc did not close the finished import")
	}
}

// f, or the first row, checks the whole folder shown.
func TestImportFolder(t *testing.T) {
	m, _ := newImportBoard(t, lang.EN, 120, 40)
	press(t, m, "i")
	pickEntry(t, m, "underlag")
	press(t, m, "enter", "f")
	if importOf(m).stage != stageReport || !importOf(m).ok() {
		t.Fatalf("f: stage %d ok %v", importOf(m).stage, importOf(m).ok())
	}
	mustContain(t, screen(m), "Import data · testdata/import/underlag", "✓ No errors.",
		"testdata/import/underlag/placeringar.csv (placements): rows: 1 (new: 0, changed: 1, unchanged: 0)")
	press(t, m, "esc", "g")
	if kind, _ := importOf(m).browser.row(importOf(m).browser.cursor); kind != rowWholeFolder {
		t.Fatalf("g: cursor on row kind %d", kind)
	}
	mustContain(t, screen(m), "[ Import the whole folder ]")
	press(t, m, "enter")
	if importOf(m).stage != stageReport || importOf(m).target != "testdata/import/underlag" {
		t.Fatalf("the whole-folder row: stage %d target %q", importOf(m).stage, importOf(m).target)
	}
}

// Answers to loads asked before an import are dropped: they describe the
// store as it was.
func TestReloadDropsOlderAnswers(t *testing.T) {
	m, _ := newImportBoard(t, lang.SV, 120, 40)
	old := m.gen
	staleDetails := loadDetails(m.ctx, m.store, m.period, []data.Scope{m.sel}, old)()
	staleOverview := loadOverview(m.ctx, m.store, 0, old)()
	drain(t, m, m.reload())
	if m.gen == old || m.ov == nil || m.detail(m.sel) == nil {
		t.Fatal("reload did not load the board again")
	}
	d := m.detail(m.sel)
	m.Update(staleDetails)
	m.Update(staleOverview)
	if m.detail(m.sel) != d {
		t.Fatal("an answer from before the import replaced a newer one")
	}
}

// Every stage at every size, in both languages: nothing wider or taller
// than the window, and the status told in words and symbols.
func TestImportScreenSizes(t *testing.T) {
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		for _, sz := range [][2]int{{40, 12}, {60, 16}, {80, 24}, {120, 40}, {200, 50}} {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], l.Code()), func(t *testing.T) {
				m, _ := newImportBoard(t, l, sz[0], sz[1])
				what := func(s string) string { return fmt.Sprintf("%dx%d %s %s", sz[0], sz[1], l.Code(), s) }
				press(t, m, "i")
				checkScreen(t, m, what("browser"))
				mustContain(t, screen(m), l.T("board.import.whole_folder"))
				pickEntry(t, m, "budget_fel.csv")
				press(t, m, "enter")
				checkScreen(t, m, what("refused"))
				mustContain(t, screen(m), "✗")
				press(t, m, "G")
				checkScreen(t, m, what("refused, scrolled"))
				press(t, m, "esc")
				pickEntry(t, m, "budget_oktober.csv")
				_, run := m.Update(keyMsg("enter"))
				checkScreen(t, m, what("checking"))
				drain(t, m, run)
				checkScreen(t, m, what("report"))
				mustContain(t, screen(m), "✓")
				_, run = m.Update(keyMsg("y"))
				m.Update(importProgressMsg{seq: importOf(m).seq, done: 3 << 20, total: 7 << 20})
				checkScreen(t, m, what("running"))
				drain(t, m, run)
				checkScreen(t, m, what("done"))
				mustContain(t, screen(m), "✓")
				press(t, m, "?")
				checkScreen(t, m, what("done, full help"))
				press(t, m, "esc")
				checkScreen(t, m, what("board"))
			})
		}
	}
}

// Goldens of the import screen on Testby, independent of the working
// directory (the browser starts in testdata/import, and the report names
// files relative to the package) and of the demo. The browser lists
// underlag/, budget_fel.csv, budget_oktober.csv, with the cursor on the
// first.
func TestImportGolden(t *testing.T) {
	cases := []struct {
		name string
		l    lang.Lang
		w, h int
		keys []string
	}{
		{"report_80x24_sv", lang.SV, 80, 24, []string{"i", "down", "down", "enter"}},
		{"report_120x40_en", lang.EN, 120, 40, []string{"i", "down", "down", "enter"}},
		{"refused_80x24_sv", lang.SV, 80, 24, []string{"i", "down", "enter"}},
		{"refused_40x12_en", lang.EN, 40, 12, []string{"i", "down", "enter"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := buildTestby(t, t.TempDir())
			defer s.Close()
			goldenScreen(t, s, Options{Lang: c.l, ImportDir: importDir}, c.w, c.h, c.keys...)
		})
	}
}

// An import into an empty database shows the board it brings.
func TestImportIntoEmptyDatabase(t *testing.T) {
	s, err := data.Create(context.Background(), t.TempDir()+"/empty.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := newBoard(t, s, Options{NoColor: true, ImportDir: importDir}, 80, 24)
	mustContain(t, screen(m), "Databasen är tom")
	press(t, m, "i")
	pickEntry(t, m, "budget_oktober.csv")
	press(t, m, "enter")
	mustContain(t, screen(m), "nya områden: 2", "nya enheter: 1")
	press(t, m, "y", "esc")
	if importOf(m) != nil || m.period != data.MustPeriod("2026-10") || len(m.ov.Areas) != 2 {
		t.Fatalf("after importing into an empty database: period %s, areas %v", m.period, areaNames(m))
	}
	mustNotContain(t, screen(m), "Databasen är tom")
	mustContain(t, screen(m), "Barn och unga", "Socialpsykiatri")
}

// A narrative holding a personnummer is refused; m checks it again with
// the number masked, and the import stores it masked.
func TestImportMaskPNR(t *testing.T) {
	s := buildTestby(t, t.TempDir())
	t.Cleanup(func() { s.Close() })
	m := newBoard(t, s, Options{Lang: lang.SV, NoColor: true, ImportDir: "testdata/import_pnr"}, 120, 40)
	before := dump(t, s)
	press(t, m, "i")
	pickEntry(t, m, "berattelse.md")
	press(t, m, "enter")
	if importOf(m).stage != stageReport || importOf(m).ok() {
		t.Fatalf("a personnummer was not refused: stage %d ok %v", importOf(m).stage, importOf(m).ok())
	}
	mustContain(t, screen(m), "m maskerar dem i stället")
	press(t, m, "m")
	if importOf(m).stage != stageReport || !importOf(m).ok() || !importOf(m).maskPNR {
		t.Fatalf("m did not check again with masking: stage %d ok %v", importOf(m).stage, importOf(m).ok())
	}
	mustContain(t, screen(m), "Personnummer i berättelser maskeras")
	if dump(t, s) != before {
		t.Fatal("the checks wrote to the database")
	}
	press(t, m, "y")
	if importOf(m).stage != stageDone || importOf(m).rep == nil || !importOf(m).rep.Committed {
		t.Fatalf("the masked import did not run: stage %d", importOf(m).stage)
	}
	var body string
	if err := s.DB().QueryRow(`SELECT body FROM narrative WHERE title = 'Ett placerat barn har flyttat'`).Scan(&body); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, "811218") || !strings.Contains(body, "flyttat") {
		t.Errorf("stored body %q", body)
	}
}

// An import undone from the import screen: u lists the imports, enter
// asks, y undoes; the board reloads without what the import added.
func TestImportUndoFromTheScreen(t *testing.T) {
	m, _ := newImportBoard(t, lang.SV, 120, 40)
	press(t, m, "i")
	pickEntry(t, m, "budget_oktober.csv")
	press(t, m, "enter", "y")
	if !strings.Contains(strings.Join(areaNames(m), "|"), "Socialpsykiatri") {
		t.Fatalf("the import did not add its area: %v", areaNames(m))
	}
	press(t, m, "esc", "i")
	mustContain(t, screen(m), "u ångra en import")
	press(t, m, "u")
	r, ok := m.top().(*importRuns)
	if !ok || !r.loaded || len(r.runs) == 0 {
		t.Fatal("u did not list the imports")
	}
	run := r.runs[0]
	sc := screen(m)
	mustContain(t, sc, "Inläsningar (ångra en import)", "budget_oktober.csv", "kan ångras", "budget: 1 nya, 1 ändrade")
	checkScreen(t, m, "import runs")
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {200, 50}, {120, 40}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkScreen(t, m, "import runs resized")
		mustContain(t, screen(m), "kan ångras")
	}
	// a click on the second run selects it, on the first goes back
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(tea.MouseClickMsg{X: 5, Y: headerLines + 2 + 1, Button: tea.MouseLeft})
	if r.cursor != 1 {
		t.Fatalf("click on the second run: cursor %d", r.cursor)
	}
	m.Update(tea.MouseClickMsg{X: 5, Y: headerLines + 2, Button: tea.MouseLeft})
	if r.cursor != 0 {
		t.Fatalf("click on the first run: cursor %d", r.cursor)
	}
	// esc from the question keeps the import
	press(t, m, "enter")
	mustContain(t, screen(m), "Ångra inläsning "+lang.Int(run.ID)+"?")
	press(t, m, "esc")
	if r.confirm || m.top() != Screen(r) {
		t.Fatal("esc did not just cancel the question")
	}
	gen := m.gen
	press(t, m, "enter", "y")
	mustContain(t, screen(m), "✓ Inläsning "+lang.Int(run.ID)+" är ångrad.", "Borttagna områden: 1", "ångrad 20")
	if m.gen == gen || strings.Contains(strings.Join(areaNames(m), "|"), "Socialpsykiatri") {
		t.Fatalf("the board still shows the undone import: %v", areaNames(m))
	}
	// twice is refused, in words
	press(t, m, "enter", "y")
	mustContain(t, screen(m), "✗ Inläsning "+lang.Int(run.ID)+" är redan ångrad.")
	press(t, m, "esc")
	if importOf(m) == nil {
		t.Fatal("esc did not go back to the import screen")
	}
}
