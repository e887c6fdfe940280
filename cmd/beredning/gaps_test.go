package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
)

func testEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{ctx: context.Background(), stdout: &out, stderr: &errb, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(any) bool { return false }}, &out, &errb
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	e, out, errb := testEnv()
	code = run(e, args)
	return code, out.String(), errb.String()
}

// gapsDB is a small municipality with one gap of each of three rules in
// October 2026, and outcome from January 2026.
func gapsDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "gaps.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Write(ctx, func(tx *data.Tx) error {
		tx.SetMunicipality(data.Municipality{Name: "Testby kommun"})
		a, _, _ := tx.EnsureArea("Barn och unga", data.GroupChildren)
		u, _, _ := tx.EnsureUnit(a, "Utredning")
		sc := data.Scope{AreaID: a, UnitID: u}
		overdue, _, _ := tx.EnsureMeasure(data.MeasureDef{Key: data.MeasureInvOverdue})
		inTime, _, _ := tx.EnsureMeasure(data.MeasureDef{Key: data.MeasureInvInTimeShare})
		for m := 1; m <= 10; m++ {
			p := data.NewPeriod(2026, time.Month(m))
			out := data.Money(1080) * data.Tkr
			if _, err := tx.PutBudget(data.BudgetRow{Scope: sc, Period: p, Account: data.AccountStaff, Budget: 1000 * data.Tkr, Outcome: &out}); err != nil {
				return err
			}
			if _, err := tx.PutMeasure(data.MeasureRow{Scope: sc, Period: p, MeasureID: overdue, Value: float64(m)}); err != nil {
				return err
			}
		}
		target := 70.0
		tx.PutMeasure(data.MeasureRow{Scope: sc, Period: data.MustPeriod("2026-10"), MeasureID: inTime, Value: 75, Target: &target, Status: data.StatusGreen})
		_, err := tx.PutNarrative(data.Narrative{Scope: sc, Period: data.MustPeriod("2026-10"), Type: data.TypeDropped,
			Severity: data.SeverityHigh, Title: "Uppföljningar görs inte"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGapsJSON(t *testing.T) {
	db := gapsDB(t)
	code, out, errs := runCLI(t, "gaps", "--db", db, "--period", "2026-10", "--format", "json")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Municipality string
		Period       string
		Gaps         []struct {
			Rule, Area, Unit, Severity, Title, Explanation string
			Evidence                                       []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var rules []string
	for _, g := range doc.Gaps {
		rules = append(rules, g.Rule+":"+g.Severity)
	}
	want := "unexplained_deviation:hog green_with_shortfall:hog deadline_breach:hog" // the area before its unit
	if doc.Municipality != "Testby kommun" || doc.Period != "2026-10" || strings.Join(rules, " ") != want {
		t.Errorf("got %s %s %v, want %s", doc.Municipality, doc.Period, rules, want)
	}
}

func TestGapsDefaultPeriodAndFormats(t *testing.T) {
	db := gapsDB(t)
	code, out, errs := runCLI(t, "gaps", "--db", db)
	if code != 0 || !strings.Contains(out, "Kvalitetsglapp – Testby kommun – oktober 2026") || !strings.Contains(out, "3 glapp") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for i, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 100 {
			t.Errorf("line %d is %d wide (want at most 100 off a terminal): %q", i, n, line)
		}
	}
	code, out, _ = runCLI(t, "gaps", "--db", db, "--format", "md", "--lang", "en")
	if code != 0 || !strings.HasPrefix(out, "# Quality gaps – Testby kommun – October 2026") || !strings.Contains(out, "**Rule:** Four-month limit exceeded") || strings.Contains(out, "`deadline_breach`") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestGapsNoGapsExitsZero(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "calm.db")
	s, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *data.Tx) error {
		tx.SetMunicipality(data.Municipality{Name: "Lugnby kommun"})
		a, _, _ := tx.EnsureArea("Försörjningsstöd", data.GroupAdults)
		out := 500 * data.Tkr
		_, err := tx.PutBudget(data.BudgetRow{Scope: data.Scope{AreaID: a}, Period: data.MustPeriod("2026-10"),
			Account: data.AccountAid, Budget: 500 * data.Tkr, Outcome: &out})
		return err
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "gaps", "--db", path)
	if code != 0 || !strings.Contains(out, "Inga kvalitetsglapp i oktober 2026") || errs != "" {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = runCLI(t, "gaps", "--db", path, "--format", "json")
	if code != 0 || !strings.Contains(out, `"gaps": []`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestGapsErrors(t *testing.T) {
	db := gapsDB(t)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"gaps", "--db", db, "--period", "2027-03"}, 1, "Perioden 2027-03 finns inte i databasen. Den har uppgifter för 2026-01 – 2026-10; senaste månad med utfall: 2026-10."},
		{[]string{"gaps", "--db", db, "--period", "2025-12", "--lang", "en"}, 1, "The period 2025-12 is not in the database. It holds data for 2026-01 – 2026-10"},
		{[]string{"gaps", "--db", db, "--period", "oktober"}, 2, "skriv den som ÅÅÅÅ-MM"},
		{[]string{"gaps", "--db", db, "--format", "csv"}, 2, `Okänt format "csv"`},
		{[]string{"gaps", "--db", filepath.Join(t.TempDir(), "none.db")}, 1, "Det finns ingen databas"},
		{[]string{"gaps", "--db", db, "extra"}, 2, "För många argument"},
	}
	for _, c := range cases {
		code, _, errs := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, %q; want %d, %q", c.args, code, errs, c.code, c.msg)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if code, _, _ := runCLI(t, "init", "--db", empty); code != 0 {
		t.Fatal("init failed")
	}
	if code, _, errs := runCLI(t, "gaps", "--db", empty); code != 1 || !strings.Contains(errs, "inga uppgifter") {
		t.Errorf("empty database: exit %d %q", code, errs)
	}
}

func TestSettingsCommand(t *testing.T) {
	db := gapsDB(t)
	code, out, _ := runCLI(t, "settings", "--db", db)
	if code != 0 || !strings.Contains(out, "placement_surge.pct") || !strings.Contains(out, "Oförklarad avvikelse") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "settings", "set", "unexplained_deviation.pct", "2,5", "--db", db)
	if code != 0 || !strings.Contains(out, "unexplained_deviation.pct = 2.5 (standard 3)") {
		t.Fatalf("set: exit %d %q", code, out)
	}
	code, out, _ = runCLI(t, "settings", "--db", db, "set", "green_with_shortfall.min_severity", "Hög")
	if code != 0 || !strings.Contains(out, "= hög (standard medel)") {
		t.Fatalf("set severity: exit %d %q", code, out)
	}
	_, out, _ = runCLI(t, "settings", "--db", db, "list")
	if !strings.Contains(out, "2.5 *") {
		t.Errorf("a changed value is marked:\n%s", out)
	}
	// The threshold reaches the explanation.
	_, out, _ = runCLI(t, "gaps", "--db", db, "--format", "json")
	if !strings.Contains(out, "minsta avvikelse 2,5\u00a0% av budgeten") {
		t.Errorf("the explanation names the changed threshold:\n%s", out)
	}
	code, out, _ = runCLI(t, "settings", "--db", db, "reset", "unexplained_deviation.pct")
	if code != 0 || !strings.Contains(out, "återställd till standardvärdet 3") {
		t.Errorf("reset: exit %d %q", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"settings", "--db", db, "set", "nope", "1"}, 1, "Okänd inställning \"nope\""},
		{[]string{"settings", "--db", db, "set", "recent_months", "0"}, 1, "ange ett heltal"},
		{[]string{"settings", "--db", db, "set", "recent_months", "tre"}, 1, "ange ett heltal"},
		{[]string{"settings", "--db", db, "set", "green_with_shortfall.min_severity", "svår"}, 1, "ange lag, medel eller hog"},
		{[]string{"settings", "--db", db, "set", "recent_months"}, 2, "set behöver NYCKEL och VÄRDE"},
		{[]string{"settings", "--db", db, "reset"}, 2, "reset behöver NYCKEL"},
		{[]string{"settings", "--db", db, "drop"}, 2, "Okänd åtgärd \"drop\""},
		{[]string{"settings", "--db", db, "list", "x"}, 2, "För många argument"},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d %q; want %d %q", c.args, code, errs, c.code, c.msg)
		}
	}
}

// Without a name the headings leave the municipality out instead of
// printing an empty place between two dashes.
func TestGapsOfAnUnnamedMunicipality(t *testing.T) {
	db := gapsDB(t)
	if c, _, errs := runCLI(t, "settings", "--db", db, "reset", "kommun.namn"); c != 0 {
		t.Fatalf("reset: %s", errs)
	}
	if c, _, errs := runCLI(t, "settings", "--db", db, "set", "kommun.kod", "0127"); c != 0 {
		t.Fatalf("set: %s", errs)
	}
	_, md, _ := runCLI(t, "gaps", "--db", db, "--period", "2026-10", "--format", "md")
	_, table, _ := runCLI(t, "gaps", "--db", db, "--period", "2026-10")
	if !strings.HasPrefix(md, "# Kvalitetsglapp – oktober 2026\n") || !strings.HasPrefix(table, "Kvalitetsglapp – oktober 2026\n") {
		t.Errorf("headings:\n%s\n%s", md, table)
	}
	for _, out := range []string{md, table} {
		if strings.Contains(out, "–  –") || strings.Contains(out, "– –") {
			t.Errorf("an empty name between dashes:\n%s", out)
		}
	}
	_, js, _ := runCLI(t, "gaps", "--db", db, "--period", "2026-10", "--format", "json")
	if !strings.Contains(js, `"municipality": ""`) || !strings.Contains(js, `"kommunkod": "0127"`) {
		t.Errorf("json:\n%s", js[:min(len(js), 300)])
	}
}

// In English a severity setting reads and is typed in English words.
func TestSettingsSeverityInEnglish(t *testing.T) {
	db := gapsDB(t)
	code, out, errs := runCLI(t, "--lang", "en", "settings", "--db", db, "set", "green_with_shortfall.min_severity", "high")
	if code != 0 || !strings.Contains(out, "= high (default medium)") {
		t.Fatalf("set: %d %q %q", code, out, errs)
	}
	_, out, _ = runCLI(t, "--lang", "en", "settings", "--db", db)
	if !strings.Contains(out, "high *") || strings.Contains(out, "medel") || strings.Contains(out, " hog") {
		t.Errorf("English list:\n%s", out)
	}
	_, out, _ = runCLI(t, "settings", "--db", db)
	if !strings.Contains(out, "hög *") {
		t.Errorf("Swedish list:\n%s", out)
	}
}
