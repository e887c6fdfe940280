package gaps_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/fixtures"
)

var (
	demoOnce  sync.Once
	demoDir   string
	demoStore *data.Store
	demoErr   error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoStore != nil {
		demoStore.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// demo builds the demo municipality once for the package's tests.
func demo(t testing.TB) *data.Store {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "gaps-demo-"); demoErr != nil {
			return
		}
		demoStore, demoErr = data.Create(context.Background(), filepath.Join(demoDir, "demo.db"))
		if demoErr == nil {
			demoErr = fixtures.Build(context.Background(), demoStore, fixtures.DefaultSeed)
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoStore
}

// The demo's October 2026 tells the six scenarios of package fixtures; the rules find
// what the story is about, and nothing it does not justify.
func TestDemoOctober2026(t *testing.T) {
	r := compute(t, demo(t), "2026-10", lang.SV)
	has := func(rule, area, unitPart string) *gaps.Gap {
		for i, g := range r.Gaps {
			if g.Rule == rule && g.Area == area && (unitPart == "" && g.Unit == "" || unitPart != "" && strings.Contains(g.Unit, unitPart)) {
				return &r.Gaps[i]
			}
		}
		return nil
	}
	expected := []struct {
		scenario         string
		rule, area, unit string
	}{
		{"1 child investigations: green dot over a shortfall", gaps.RuleGreenWithShortfall, "Barn och unga", "Utredning"},
		{"1 child investigations: past the four-month limit", gaps.RuleDeadlineBreach, "Barn och unga", "Utredning"},
		{"2 placements rising, explained: a medium surge", gaps.RulePlacementSurge, "Barn och unga", "Utredning"},
		{"3 income support: green dot over dropped work", gaps.RuleGreenWithShortfall, "Försörjningsstöd", "Försörjningsstöd"},
		{"4 adult substance abuse: silence", gaps.RuleSilence, "Vuxen missbruk", ""},
		{"5 intake unit: balance by vacancy", gaps.RuleBalanceByVacancy, "Barn och unga", "Mottagning"},
	}
	for _, x := range expected {
		if has(x.rule, x.area, x.unit) == nil {
			t.Errorf("scenario %s: no %s for %s/%s", x.scenario, x.rule, x.area, x.unit)
		}
	}
	if g := has(gaps.RuleDeadlineBreach, "Barn och unga", "Utredning"); g != nil && g.Severity != data.SeverityHigh {
		t.Errorf("scenario 1: the overdue investigations rise, so hog: %s", g.Severity)
	}
	if g := has(gaps.RulePlacementSurge, "Barn och unga", "Utredning"); g != nil && g.Severity != data.SeverityMedium {
		t.Errorf("scenario 2: placements are explained in narratives, so medel: %s", g.Severity)
	}
	if g := has(gaps.RuleBalanceByVacancy, "Barn och unga", "Mottagning"); g != nil && g.Severity != data.SeverityHigh {
		t.Errorf("scenario 5: vacancies, turnover and sick leave, so hog: %s", g.Severity)
	}
	for _, g := range r.Gaps {
		if g.Rule == gaps.RuleUnexplainedDeviation && g.Area == "Barn och unga" {
			t.Errorf("scenario 2's deviation is explained, yet: %s", g.Title)
		}
		if strings.Contains(g.Unit, "Familjehem") {
			t.Errorf("scenario 6 is a success, yet: %s %s", g.Rule, g.Title)
		}
	}
	// Nothing else: a false alarm costs as much as a miss.
	if len(r.Gaps) != len(expected) {
		t.Errorf("the demo has %d gaps, its story %d:\n  %s", len(r.Gaps), len(expected), strings.Join(keys(r.Gaps), "\n  "))
	}
}

func BenchmarkComputeDemo(b *testing.B) {
	s := demo(b)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	for b.Loop() {
		if _, err := gaps.Compute(ctx, s, p, lang.SV); err != nil {
			b.Fatal(err)
		}
	}
}
