package pack_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/data/longview"
	"github.com/beredning/beredning/data/pack"
)

// markFive marks what a director would: a gap, a narrative, an area's
// budget, an indicator, and a second area's gap; and writes two
// assessments. It returns the notes.
func markFive(t *testing.T, s *data.Store) []data.BriefingNote {
	t.Helper()
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	res, err := gaps.Compute(ctx, s, p, lang.SV)
	if err != nil {
		t.Fatal(err)
	}
	areas, err := s.Areas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	children := areas[0]
	det, err := s.Detail(ctx, data.Scope{AreaID: children.ID}, p, data.DefaultDetailOptions)
	if err != nil {
		t.Fatal(err)
	}
	var otherGap *gaps.Gap
	for i, g := range res.Gaps {
		if g.AreaID != children.ID {
			otherGap = &res.Gaps[i]
			break
		}
	}
	if otherGap == nil || len(det.Narratives) == 0 || len(det.Indicators) == 0 {
		t.Fatal("the demo lacks what the test marks")
	}
	g0 := res.ForScope(data.Scope{AreaID: children.ID})[0]
	marks := []data.BriefingNote{
		{RefKind: data.RefGap, Ref: g0.Rule, Scope: g0.Scope(), Label: g0.Title},
		{RefKind: data.RefNarrative, Ref: fmt.Sprint(det.Narratives[0].ID), Scope: det.Narratives[0].Scope, Label: det.Narratives[0].Title},
		{RefKind: data.RefBudget, Ref: "", Scope: data.Scope{AreaID: children.ID}, Label: "Budget Barn och unga"},
		{RefKind: data.RefIndicator, Ref: fmt.Sprint(det.Indicators[0].ID), Scope: data.Scope{AreaID: children.ID, UnitID: det.Indicators[0].UnitID}, Label: "Indikator"},
		{RefKind: data.RefGap, Ref: otherGap.Rule, Scope: otherGap.Scope(), Label: otherGap.Title},
	}
	for _, m := range marks {
		m.MeetingDate, m.Period = "2026-11-26", p
		marked, err := s.ToggleBriefingMark(ctx, m)
		if err != nil || !marked {
			t.Fatalf("mark %+v: %v %v", m, marked, err)
		}
	}
	notes, err := s.BriefingNotes(ctx, "2026-11-26", p)
	if err != nil || len(notes) != 5 {
		t.Fatalf("%d notes, %v", len(notes), err)
	}
	if err := s.SetBriefingText(ctx, notes[0].ID, "Bedömningen är att uppföljningarna måste prioriteras.", "Förvaltningen återkommer i januari."); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBriefingText(ctx, notes[2].ID, "Underskottet är förklarat.", ""); err != nil {
		t.Fatal(err)
	}
	return notes
}

func TestBriefingMarks(t *testing.T) {
	s := freshDemo(t)
	ctx := context.Background()
	notes := markFive(t, s)
	p := data.MustPeriod("2026-10")
	// Moving the first down swaps it with the second of the same area.
	if err := s.MoveBriefingNote(ctx, notes[0].ID, +1); err != nil {
		t.Fatal(err)
	}
	after, _ := s.BriefingNotes(ctx, "2026-11-26", p)
	if after[0].ID != notes[1].ID || after[1].ID != notes[0].ID {
		t.Errorf("order after move: %d %d", after[0].ID, after[1].ID)
	}
	// At the end it stays.
	if err := s.MoveBriefingNote(ctx, notes[3].ID, +1); err != nil {
		t.Fatal(err)
	}
	// Marking again unmarks.
	m := notes[4]
	m.ID = 0
	if marked, err := s.ToggleBriefingMark(ctx, m); err != nil || marked {
		t.Errorf("toggle again: %v %v", marked, err)
	}
	if err := s.RemoveBriefingNote(ctx, notes[3].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveBriefingNote(ctx, notes[3].ID); err != data.ErrNoNote {
		t.Errorf("removing twice: %v", err)
	}
	left, _ := s.BriefingNotes(ctx, "2026-11-26", p)
	if len(left) != 3 {
		t.Errorf("%d notes left", len(left))
	}
}

func TestBriefingDocument(t *testing.T) {
	s := freshDemo(t)
	notes := markFive(t, s)
	d, err := pack.Briefing(context.Background(), s, pack.BriefingOptions{Meeting: "2026-11-26", Period: data.MustPeriod("2026-10"),
		Lang: lang.SV, Author: "Maria Ekholm, socialdirektör", Written: written})
	if err != nil {
		t.Fatal(err)
	}
	out := string(writeMD(t, d))
	for _, want := range []string{
		"# Ordförandeberedning inför sammanträdet 26 november 2026",
		"**Av:** Maria Ekholm, socialdirektör",
		"**Nämndens avvikelse hittills i år:**",
		"**Enheternas rapporter:**",
		"## 2. Barn och unga",
		"### 2.1 " + notes[0].Label,
		"**Bedömning:** Bedömningen är att uppföljningarna måste prioriteras.",
		"**Föreslagen åtgärd:** Förvaltningen återkommer i januari.",
		"**Bedömning:** Underskottet är förklarat.",
		"| **Summa** |",
		"## 3. ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("briefing lacks %q", want)
		}
	}
	// The narrative is there in full.
	det, _ := s.Detail(context.Background(), notes[1].Scope, data.MustPeriod("2026-10"), data.DefaultDetailOptions)
	for _, n := range det.Narratives {
		if fmt.Sprint(n.ID) == notes[1].Ref {
			last := strings.TrimSpace(n.Text[strings.LastIndex(strings.TrimSpace(n.Text), "\n")+1:])
			if len(last) > 20 && !strings.Contains(out, last[:20]) {
				t.Errorf("narrative text %q not in the briefing", last)
			}
		}
	}
	// And it writes as HTML and PDF.
	writeHTML(t, d)
	_, pages := readPDF(t, writePDF(t, d))
	if !strings.Contains(strings.Join(pages, "\n"), "Föreslagen åtgärd") {
		t.Error("the PDF lacks the director's text")
	}
}

// The briefing goes into the members' pack, with the follow-up of its
// period, only when the director puts it there; never into the public one.
func TestBriefingInMembersPack(t *testing.T) {
	s := freshDemo(t)
	markFive(t, s)
	const marker = "Bedömningen är att uppföljningarna måste prioriteras."
	if out := string(writeMD(t, buildPack(t, s, false))); strings.Contains(out, marker) {
		t.Error("the briefing is in the pack before the director put it there")
	}
	if err := s.SetBriefingInPack(context.Background(), "2026-11-26", true); err != nil {
		t.Fatal(err)
	}
	out := string(writeMD(t, buildPack(t, s, false)))
	for _, want := range []string{"### 3.4 Ordförandeberedning inför sammanträdet 26 november 2026", marker, "#### 2. Barn och unga"} {
		if !strings.Contains(out, want) {
			t.Errorf("members' pack lacks %q", want)
		}
	}
	if pub := string(writeMD(t, buildPack(t, s, true))); strings.Contains(pub, marker) || strings.Contains(pub, "Ordförandeberedning inför sammanträdet") {
		t.Error("the briefing is in the public version")
	}
	writeHTML(t, buildPack(t, s, false)) // headings stay in order (checked by the HTML writer's tests on the goldens)
}

// Each area of the briefing ends with its economy over time: the long
// view's sentence and a row per year, the same figures as the board's e.
func TestBriefingLongView(t *testing.T) {
	s := freshDemo(t)
	markFive(t, s)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	d, err := pack.Briefing(ctx, s, pack.BriefingOptions{Meeting: "2026-11-26", Period: p, Lang: lang.SV, Written: written})
	if err != nil {
		t.Fatal(err)
	}
	out := string(writeMD(t, d))
	areas, err := s.Areas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var barn data.AreaSummary
	for _, a := range areas {
		if a.Name == "Barn och unga" {
			barn = a
		}
	}
	lv, err := s.LongView(ctx, data.Scope{AreaID: barn.ID}, p)
	if err != nil || len(lv.Years) != 3 {
		t.Fatalf("long view: %v, %d years", err, len(lv.Years))
	}
	i := strings.Index(out, "## 2. Barn och unga")
	if i < 0 {
		t.Fatalf("no Barn och unga section:\n%s", out)
	}
	area := out[i:]
	if j := strings.Index(area[3:], "\n## "); j >= 0 {
		area = area[:j+3]
	}
	if !strings.Contains(area, "Ekonomi över tid") || !strings.Contains(area, longview.Summary(lang.SV, lv)) {
		t.Errorf("the area lacks its long view:\n%s", area)
	}
	y := lv.Years[len(lv.Years)-1]
	row := fmt.Sprintf("| %d | %d | %s | %s |", y.Year, y.Months, lang.SignedTkr(y.Deviation()), lang.SignedTkr(y.StaffDeviation()))
	if y.Year != 2026 || y.Months != 10 || !strings.Contains(area, row) {
		t.Errorf("no row %q for 2026 in:\n%s", row, area)
	}
}

// A marked indicator and a marked measure are small tables: the name in
// the reader's language, the value in the period, the same month a year
// earlier and the change; an indicator also its target and status.
func TestBriefingMeasureTables(t *testing.T) {
	s := freshDemo(t)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	areas, err := s.Areas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	area := data.Scope{AreaID: areas[0].ID}
	det, err := s.Detail(ctx, area, p, data.DefaultDetailOptions)
	if err != nil {
		t.Fatal(err)
	}
	if len(det.Indicators) == 0 || len(det.Measures) == 0 {
		t.Fatal("the demo's first area has no indicator or measure")
	}
	in, ms := det.Indicators[0], det.Measures[0]
	for _, n := range []data.BriefingNote{
		{RefKind: data.RefIndicator, Ref: fmt.Sprint(in.ID), Scope: data.Scope{AreaID: area.AreaID, UnitID: in.UnitID}, Label: "x"},
		{RefKind: data.RefMeasure, Ref: fmt.Sprint(ms.ID), Scope: area, Label: "y"},
	} {
		n.MeetingDate, n.Period = "2026-11-26", p
		if on, err := s.ToggleBriefingMark(ctx, n); err != nil || !on {
			t.Fatalf("mark %+v: %v %v", n, on, err)
		}
	}
	for _, l := range []lang.Lang{lang.SV, lang.EN} {
		d, err := pack.Briefing(ctx, s, pack.BriefingOptions{Meeting: "2026-11-26", Period: p, Lang: l, Written: written})
		if err != nil {
			t.Fatal(err)
		}
		out := string(writeMD(t, d))
		cmp := "≥"
		if in.Direction == data.LowerIsBetter {
			cmp = "≤"
		}
		value := lang.Value(in.Value)
		inRow := "| " + l.Measure(in.MeasureDef) + " | " + value + " |"
		if !strings.Contains(out, inRow) {
			t.Errorf("%s: no indicator row %q in\n%s", l.Code(), inRow, out)
		}
		for _, want := range []string{cmp + " " + lang.Value(in.Target) + " | " + l.Status(in.Status) + " |",
			"| " + l.Measure(ms.MeasureDef) + " |", l.PeriodShort(p.Add(-12))} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: briefing lacks %q", l.Code(), want)
			}
		}
	}
}

// A month without data is "–" in the table, never 0.
func TestBriefingMeasureMissingMonth(t *testing.T) {
	s := freshDemo(t)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	areas, _ := s.Areas(ctx)
	area := data.Scope{AreaID: areas[0].ID}
	det, err := s.Detail(ctx, area, p, data.DefaultDetailOptions)
	if err != nil || len(det.Measures) == 0 {
		t.Fatal(err)
	}
	ms := det.Measures[0]
	// Drop the measure's values a year earlier.
	if _, err := s.DB().ExecContext(ctx, `DELETE FROM measure_value WHERE measure_id = ? AND period = ?`, ms.ID, p.Add(-12).String()); err != nil {
		t.Fatal(err)
	}
	n := data.BriefingNote{RefKind: data.RefMeasure, Ref: fmt.Sprint(ms.ID), Scope: area, Label: "y", MeetingDate: "2026-11-26", Period: p}
	if _, err := s.ToggleBriefingMark(ctx, n); err != nil {
		t.Fatal(err)
	}
	d, err := pack.Briefing(ctx, s, pack.BriefingOptions{Meeting: "2026-11-26", Period: p, Lang: lang.SV, Written: written})
	if err != nil {
		t.Fatal(err)
	}
	out := string(writeMD(t, d))
	now, _ := ms.History.Last()
	row := "| " + lang.SV.Measure(ms.MeasureDef) + " | " + lang.Value(now) + " | – | – |"
	if !strings.Contains(out, row) {
		t.Errorf("no row %q with the missing year-ago month in\n%s", row, out)
	}
}

// An area's own rows ("Gemensamt för området") can be marked like a unit:
// the mark reads back with the area-wide scope, the briefing shows their
// budget alone, and marking again takes the mark away.
func TestBriefingAreaWideBudget(t *testing.T) {
	s := freshDemo(t)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	areas, err := s.Areas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sc := data.AreaWide(areas[0].ID)
	det, err := s.Detail(ctx, sc, p, data.DefaultDetailOptions)
	if err != nil || det.Total.MonthsWithOutcome == 0 {
		t.Fatalf("the first area has no rows of its own: %v", err)
	}
	n := data.BriefingNote{RefKind: data.RefBudget, Scope: sc, Label: "Budget för Gemensamt", MeetingDate: "2026-11-26", Period: p}
	if on, err := s.ToggleBriefingMark(ctx, n); err != nil || !on {
		t.Fatalf("mark: %v %v", on, err)
	}
	notes, err := s.BriefingNotes(ctx, "2026-11-26", p)
	if err != nil || len(notes) != 1 || notes[0].Scope != sc || notes[0].Ref != "" {
		t.Fatalf("read back %+v, %v", notes, err)
	}
	d, err := pack.Briefing(ctx, s, pack.BriefingOptions{Meeting: "2026-11-26", Period: p, Lang: lang.SV, Written: written})
	if err != nil {
		t.Fatal(err)
	}
	out := string(writeMD(t, d))
	if !strings.Contains(out, "Budget för Gemensamt") || !strings.Contains(out, lang.TkrNumber(det.Total.BudgetYTD)) {
		t.Errorf("the briefing lacks the area's own budget (%s):\n%s", lang.TkrNumber(det.Total.BudgetYTD), out)
	}
	if on, err := s.ToggleBriefingMark(ctx, n); err != nil || on {
		t.Fatalf("unmark: %v %v", on, err)
	}
	if left, _ := s.BriefingNotes(ctx, "2026-11-26", p); len(left) != 0 {
		t.Errorf("%d marks left", len(left))
	}
}
