package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
)

var (
	reviewDemoOnce sync.Once
	reviewDemo     []byte
	reviewDemoErr  error
)

// demoCopy is a fresh copy of the demo database, built once.
func demoCopy(t *testing.T) string {
	t.Helper()
	reviewDemoOnce.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "reports-demo-")
		if err != nil {
			reviewDemoErr = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "demo.db")
		s, err := data.Create(ctx, path)
		if err != nil {
			reviewDemoErr = err
			return
		}
		if reviewDemoErr = fixtures.Build(ctx, s, fixtures.DefaultSeed); reviewDemoErr == nil {
			_, reviewDemoErr = s.DB().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		}
		s.Close()
		if reviewDemoErr == nil {
			reviewDemo, reviewDemoErr = os.ReadFile(path)
		}
	})
	if reviewDemoErr != nil {
		t.Fatal(reviewDemoErr)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, reviewDemo, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReportsListShowAndJSON(t *testing.T) {
	db := demoCopy(t)
	code, out, errs := runCLI(t, "reports", "--db", db, "--period", "2026-10")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	mustHave(t, out, "11 av 16 godkända", "↩ återsänd", "Boendestödsenheten", "✓5 !1 ✗0")
	code, out, _ = runCLI(t, "reports", "--db", db, "--status", "återsänd", "--lang", "en")
	if code != 0 || strings.Count(out, "sent back  ") != 2 {
		t.Errorf("sent back only:\n%s", out)
	}
	code, out, _ = runCLI(t, "reports", "--db", db, "--format", "json")
	var list struct {
		Period  string
		Reports []struct {
			Unit, Status string
			Checks       map[string]int
		}
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || len(list.Reports) != 16 || list.Period != "2026-10" {
		t.Fatalf("json list: %v\n%s", err, out)
	}
	code, out, _ = runCLI(t, "reports", "show", "UTREDNINGSENHETEN barn och unga", "--db", db, "--format", "json")
	var one struct {
		Status string
		Checks []struct{ ID, Result, Explanation string }
		Events []struct{ Kind, Text string }
	}
	if err := json.Unmarshal([]byte(out), &one); err != nil || code != 0 {
		t.Fatalf("json show: %v\n%s", err, out)
	}
	ids := []string{}
	for _, c := range one.Checks {
		ids = append(ids, c.ID+"="+c.Result)
		if c.Explanation == "" {
			t.Errorf("check %s explains nothing", c.ID)
		}
	}
	if strings.Join(ids, " ") != "complete=ok explained=ok consistent=ok plausible=anmarkning on_time=ok no_pnr=ok" || len(one.Events) != 4 {
		t.Errorf("show: %v, %d events", ids, len(one.Events))
	}
	// A miss suggests the unit as an import would.
	code, _, errs = runCLI(t, "reports", "show", "Utredningsenhetn barn och unga", "--db", db)
	if code != 1 || !strings.Contains(errs, "Menade du Barn och unga/Utredningsenheten barn och unga?") {
		t.Errorf("near miss: %d %s", code, errs)
	}
}

func TestReportsActionsAndAudit(t *testing.T) {
	db := demoCopy(t)
	run := func(args ...string) (int, string, string) {
		return runCLI(t, append(args, "--db", db, "--period", "2026-10", "--user", "Lina Ek")...)
	}
	code, out, errs := run("reports", "send-back", "Fältgruppen", "--note", "Beskriv uppsökandet under hösten.")
	if code != 0 || !strings.Contains(out, "återsänd") {
		t.Fatalf("send back: %d %s %s", code, out, errs)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"reports", "approve", "Fältgruppen"}, "återsänd för komplettering (återsänd av Lina Ek"},
		{[]string{"reports", "send-back", "Beroendeenheten"}, "Ange ett skäl"},
		{[]string{"reports", "reopen", "Beroendeenheten", "--note", "x"}, "inte godkänd"},
		{[]string{"reports", "approve", "Socialjouren"}, "redan godkänd"},
		{[]string{"reports", "comment", "Socialjouren", "--note", "Se 121212-1212"}, "personnummer"},
	} {
		code, _, errs := run(c.args...)
		if code != 1 || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, %q", c.args, code, errs)
		}
	}
	if code, _, errs := run("reports", "comment", "Socialjouren", "--row", "budget:personal", "--note", "Hur ser vakanserna ut?"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = runCLI(t, "audit", "--db", db, "--period", "2026-10", "--unit", "Socialjouren")
	mustHave(t, out, "kommentar, konto Personal: Hur ser vakanserna ut?", "Lina Ek")
	if code, out, _ := runCLI(t, "audit", "verify", "--db", db); code != 0 || !strings.Contains(out, "hel: 65 händelser") {
		t.Errorf("verify: %d %s", code, out)
	}
}

// audit verify passes on the demo and names the event after an attacker
// with the file changes a comment or removes an event (dropping the
// triggers first, as they would).
func TestAuditVerifyFindsTampering(t *testing.T) {
	for _, c := range []struct {
		name, sql, msg string
	}{
		{"update a comment", `UPDATE audit_event SET text = 'Inga synpunkter.' WHERE kind = 'send_back' AND id = (SELECT min(id) FROM audit_event WHERE kind = 'send_back')`,
			"händelse %d är ändrad"},
		{"delete an event", `DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event WHERE kind = 'send_back')`,
			"händelse %d är borttagen"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := demoCopy(t)
			if code, out, errs := runCLI(t, "audit", "verify", "--db", db); code != 0 || !strings.Contains(out, "63 händelser") {
				t.Fatalf("the demo: %d %s %s", code, out, errs)
			}
			raw, err := sql.Open("sqlite", db)
			if err != nil {
				t.Fatal(err)
			}
			var id int
			err = raw.QueryRow(`SELECT min(id) FROM audit_event WHERE kind = 'send_back'`).Scan(&id)
			raw.Close()
			if err != nil {
				t.Fatal(err)
			}
			if err := tamper(t, db, c.sql); err == nil {
				t.Fatal("the trigger let it through")
			}
			if err := tamper(t, db, `DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;`); err != nil {
				t.Fatal(err)
			}
			if err := tamper(t, db, c.sql); err != nil {
				t.Fatal(err)
			}
			code, _, errs := runCLI(t, "audit", "verify", "--db", db)
			if want := fmt.Sprintf(c.msg, id); code != 1 || !strings.Contains(errs, want) {
				t.Errorf("verify: exit %d, %q; want %q", code, errs, want)
			}
		})
	}
}

// tamper runs SQL on the file with the sqlite3 program when it is
// installed (as an attacker would), else through the driver.
func tamper(t *testing.T, db, q string) error {
	t.Helper()
	if bin, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command(bin, db, q).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_, err = raw.Exec(q)
	return err
}
