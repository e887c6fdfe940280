package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/fixtures"
)

var (
	packDemoOnce sync.Once
	packDemoPath string
	packDemoErr  error
)

// packDemo is a copy of the demo database the test may change.
func packDemo(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	packDemoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pack-cli-")
		if err != nil {
			packDemoErr = err
			return
		}
		packDemoPath = filepath.Join(dir, "demo.db")
		s, err := data.Create(ctx, packDemoPath)
		if err != nil {
			packDemoErr = err
			return
		}
		defer s.Close()
		packDemoErr = fixtures.Build(ctx, s, fixtures.DefaultSeed)
	})
	if packDemoErr != nil {
		t.Fatal(packDemoErr)
	}
	b, err := os.ReadFile(packDemoPath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// changeMeeting edits the demo meeting in place.
func changeMeeting(t *testing.T, path string, change func(*data.Meeting)) {
	t.Helper()
	changeMeetingOn(t, path, "2026-11-26", change)
}

func changeMeetingOn(t *testing.T, path, date string, change func(*data.Meeting)) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.MeetingOn(ctx, date)
	if err != nil {
		t.Fatal(err)
	}
	change(&m)
	if err := s.Write(ctx, func(tx *data.Tx) error { _, err := tx.PutMeeting(m); return err }); err != nil {
		t.Fatal(err)
	}
}

const testPNR = "121212-1212" // Skatteverket's test number: a real date, a valid check digit

func TestPackRefusesAPersonnummer(t *testing.T) {
	db := packDemo(t)
	changeMeeting(t, db, func(m *data.Meeting) {
		d := &m.Items[6].Documents[0]
		d.Body += "\n\nGäller barnet " + testPNR + "."
	})
	out := filepath.Join(t.TempDir(), "pack.pdf")
	code, _, errs := runCLI(t, "pack", "--db", db, "--meeting", "2026-11-26", "--format", "pdf", "-o", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errs)
	}
	for _, want := range []string{"personnummer", "7.1 Rapport: Ej verkställda beslut per den 30 september 2026, rad "} {
		if !strings.Contains(errs, want) {
			t.Errorf("message lacks %q:\n%s", want, errs)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
	// The line is the body's line.
	_, _, errs = runCLI(t, "pack", "--db", db, "--meeting", "2026-11-26", "--format", "md", "-o", out)
	m := strings.Index(errs, "rad ")
	if m < 0 {
		t.Fatal(errs)
	}
	// --mask-pnr writes it masked.
	code, _, errs = runCLI(t, "pack", "--db", db, "--meeting", "2026-11-26", "--format", "md", "--mask-pnr", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(out)
	if strings.Contains(string(b), testPNR) || !strings.Contains(errs, "1 personnummer maskerade") {
		t.Errorf("not masked: %s", errs)
	}
}

func TestMeetingCheck(t *testing.T) {
	db := packDemo(t)
	code, out, errs := runCLI(t, "meeting", "check", "2026-11-26", "--db", db)
	if code != 0 || !strings.Contains(out, "kallelsen kan gå ut") {
		t.Fatalf("the demo meeting: exit %d %s %s", code, out, errs)
	}
	changeMeeting(t, db, func(m *data.Meeting) {
		m.NoticeDate = "2026-11-23"
		m.Items[7].Proposal = ""
		m.Items[8].Documents = nil
		m.Items[9].Documents[0].Body = "Rad ett.\nKontakt: " + testPNR
	})
	code, out, _ = runCLI(t, "meeting", "check", "2026-11-26", "--db", db)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"kallelsen går ut 3 dagar före sammanträdet; minst 5 krävs",
		"ärende 8 (Uppföljning av internkontrollplan 2026) saknar förslag till beslut",
		"ärende 9 (Internkontrollplan 2027) saknar handling",
		"ärende 10, handlingen Sammanträdesplan 2027 innehåller ett personnummer på rad 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	// The notice days are a setting.
	if code, _, errs := runCLI(t, "settings", "--db", db, "set", "meeting.notice_days", "3"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = runCLI(t, "meeting", "check", "2026-11-26", "--db", db)
	if strings.Contains(out, "dagar före sammanträdet") {
		t.Errorf("a notice 3 days before passes with the setting at 3:\n%s", out)
	}
	changeMeeting(t, db, func(m *data.Meeting) { m.NoticeDate = "" })
	_, out, _ = runCLI(t, "--lang", "en", "meeting", "check", "2026-11-26", "--db", db)
	if !strings.Contains(out, "no notice date (the notice must go out at least 3 days before)") {
		t.Errorf("missing notice date not named:\n%s", out)
	}
}

func TestMeetingNumberRefusalIsNamed(t *testing.T) {
	db := packDemo(t)
	// November renumbered from October's last §: its own odd number is mended.
	changeMeeting(t, db, func(m *data.Meeting) { m.Items[3].Paragraph = 170 })
	code, out, errs := runCLI(t, "meeting", "number", "2026-11-26", "--db", db)
	if code != 0 || !strings.Contains(out, "numrerat: § 151–164") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, "meeting", "number", "2026-11-26", "--db", db)
	if code != 0 || !strings.Contains(out, "redan § 151–164") {
		t.Errorf("exit %d: %s", code, out)
	}
	// A gap in October is refused and named.
	changeMeetingOn(t, db, "2026-10-22", func(m *data.Meeting) { m.Items[4].Paragraph = 200 })
	code, _, errs = runCLI(t, "meeting", "number", "2026-11-26", "--db", db)
	if code != 1 || !strings.Contains(errs, "sammanträdet 2026-10-22, ärende 5 (Yttrande över budgetramar 2027): § 200, men § 145 väntas – ett glapp") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestPackWritesEveryFormat(t *testing.T) {
	db := packDemo(t)
	dir := t.TempDir()
	for _, f := range []string{"pdf", "html", "md"} {
		for _, public := range []bool{false, true} {
			args := []string{"pack", "--db", db, "--meeting", "2026-11-26", "--format", f, "-o", filepath.Join(dir, "p."+f)}
			if public {
				args = append(args, "--public")
			}
			if code, _, errs := runCLI(t, args...); code != 0 {
				t.Errorf("%v: exit %d: %s", args, code, errs)
			}
		}
	}
	if code, _, errs := runCLI(t, "pack", "--db", db, "--meeting", "2026-11-26", "--format", "docx", "-o", filepath.Join(dir, "x")); code != 2 || errs == "" {
		t.Errorf("docx: exit %d", code)
	}
	if code, _, errs := runCLI(t, "pack", "--db", db, "--meeting", "26/11", "-o", filepath.Join(dir, "x")); code != 2 || !strings.Contains(errs, "ÅÅÅÅ-MM-DD") {
		t.Errorf("bad date: exit %d %s", code, errs)
	}
}

// An attached file that is no readable PDF stops the pack with the item
// and document named, and nothing is written.
func TestPackRefusesABrokenAttachment(t *testing.T) {
	db := packDemo(t)
	changeMeeting(t, db, func(m *data.Meeting) {
		it := &m.Items[6]
		it.Documents = append(it.Documents, data.AgendaDocument{Ordinal: 2, Title: "Bilaga: trasig", PDF: []byte("%PDF-1.4\nnot really\n")})
	})
	out := filepath.Join(t.TempDir(), "pack.pdf")
	code, _, errs := runCLI(t, "pack", "--db", db, "--meeting", "2026-11-26", "-o", out)
	if code != 1 || !strings.Contains(errs, "Den bifogade PDF-filen i 7: Bilaga: trasig går inte att läsa") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a file was written")
	}
}
