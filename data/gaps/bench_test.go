package gaps_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
	"github.com/beredning/beredning/fixtures"
	"github.com/beredning/beredning/internal/benchtime"
)

// synthetic is a municipality of the demo's size (six areas, sixteen units,
// January 2024 to October 2026) with a few gaps, for the benchmark.
func synthetic(b *builder) {
	areas := []string{"Barn och unga", "Familjehem", "Försörjningsstöd", "Vuxen missbruk", "Mottagning", "Socialpsykiatri"}
	for ai, area := range areas {
		for ui := 0; ui < 2+ai%2+(ai/5)*2; ui++ {
			u := fmt.Sprintf("%s/Enhet %d", area, ui+1)
			for p := data.MustPeriod("2024-01"); p <= data.MustPeriod("2026-10"); p++ {
				per := p.String()
				i := int(p) % 7
				for k, acc := range []data.Account{data.AccountStaff, data.AccountPlacements, data.AccountOther, data.AccountRevenue} {
					budget := float64(1000 - 400*k)
					b.budget(u, per, acc, budget, budget*(1+float64(i-3+ai-2)/200))
				}
				for k, kind := range []data.PlacementKind{data.KindHVB, data.KindFosterFamily, data.KindEmergency} {
					b.place(u, per, kind, 3+k+(int(p)/12-2024)*(ai%3))
				}
				b.measure(u, per, data.MeasureInvOverdue, float64((ai+ui+i)%3))
				b.measure(u, per, data.MeasureVacancies, float64((ai+i)%2))
				b.measure(u, per, data.MeasureTurnover, float64(10+ai*3))
				b.measure(u, per, data.MeasureSickLeave, float64(5+ai))
				b.measure(u, per, data.MeasureReports, float64(30+i))
				b.indicator(u, per, data.MeasureInvInTimeShare, float64(80+i), 80, data.StatusGreen)
				b.indicator(u, per, data.MeasureUserSatisfaction, float64(70+i), 75, data.StatusYellow)
				b.indicatorDir(u, per, data.MeasureCaseload, float64(25+i), 30, data.LowerIsBetter, data.StatusGreen)
				if ai != 3 || p < data.MustPeriod("2026-04") {
					b.narrative(u, per, data.TypeAnalysis, data.SeverityMedium, "Månadens analys", "")
					b.narrative(u, per, []data.NarrativeType{data.TypeDropped, data.TypeSuccess, data.TypeRisk}[i%3], data.SeverityMedium, "Läget", "placeringar")
				}
			}
		}
	}
}

func BenchmarkComputeSynthetic(b *testing.B) {
	s := build(b, synthetic)
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	b.ResetTimer()
	for b.Loop() {
		if _, err := gapsCompute(ctx, s, p); err != nil {
			b.Fatal(err)
		}
	}
}

func gapsCompute(ctx context.Context, s *data.Store, p data.Period) (int, error) {
	r, err := computeErr(ctx, s, p, lang.SV)
	return len(r.Gaps), err
}

// BenchmarkCompute is every rule for October 2026 on the demo and on
// Storstad (300 units, 560 000 budget rows, 450 000 measure values).
func BenchmarkCompute(b *testing.B) {
	ctx := context.Background()
	p := data.MustPeriod("2026-10")
	for _, c := range []struct {
		name string
		path func(*testing.B) string
	}{{"Demo", demoFile}, {"Storstad", largeFile}} {
		b.Run(c.name, func(b *testing.B) {
			s, err := data.Open(ctx, c.path(b))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			w := benchtime.Start(b)
			for b.Loop() {
				w.Time(func() {
					if _, err := gapsCompute(ctx, s, p); err != nil {
						b.Fatal(err)
					}
				})
			}
			w.Report(b)
		})
	}
}

// largeFile is Storstad, built once into the temporary directory and
// shared by every package's benchmarks.
func largeFile(b *testing.B) string {
	path, err := fixtures.LargeFile(context.Background(), filepath.Join(os.TempDir(), "beredning-bench"))
	if err != nil {
		b.Fatal(err)
	}
	return path
}

func demoFile(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "demo.db")
	s, err := data.Create(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := fixtures.Build(context.Background(), s, fixtures.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	return path
}
