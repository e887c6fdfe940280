package tui

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
)

// A small hand-made municipality for the Update tests: independent of the
// demo, so that a change in the demo's story does not break navigation
// tests. Names are chosen to try the edges: å/ä/ö, an emoji, a long name.

const (
	tbArea1 = "Barn och unga"
	tbArea2 = "Försörjningsstöd"
	tbArea3 = "Vuxen missbruk"
	tbArea4 = "Tom verksamhet"
)

var (
	tbFirst = data.MustPeriod("2024-01")
	tbLast  = data.MustPeriod("2026-10") // last month with outcome
	tbEnd   = data.MustPeriod("2026-12") // budget through December
)

func tkr(v float64) data.Money { return data.Money(math.Round(v * float64(data.Tkr))) }
func ptr[T any](v T) *T        { return &v }

// buildTestby writes the small municipality to a new store in dir.
func buildTestby(tb testing.TB, dir string) *data.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(dir, "testby.db"))
	if err != nil {
		tb.Fatal(err)
	}
	err = s.Write(ctx, func(tx *data.Tx) error {
		if err := tx.SetMunicipality(data.Municipality{Name: "Testby kommun", Committee: "Socialnämnden", Inhabitants: 12000}); err != nil {
			return err
		}
		type unit struct {
			area, name string
			scale      float64
		}
		areas := []struct {
			name  string
			group data.TargetGroup
		}{{tbArea1, data.GroupChildren}, {tbArea2, data.GroupAdults}, {tbArea3, data.GroupAdults}, {tbArea4, data.GroupAdults}}
		ids := map[string]int64{}
		for _, a := range areas {
			id, _, err := tx.EnsureArea(a.name, a.group)
			if err != nil {
				return err
			}
			ids[a.name] = id
		}
		units := []unit{
			{tbArea1, "Utredningsenheten barn och unga", 1.0},
			{tbArea1, "Familjehemsenheten", 0.8},
			{tbArea1, "Öppenvården 🏠 för barn, unga och deras familjer i hela kommunen", 0.5},
			{tbArea2, "Ekonomiskt bistånd", 2.0},
			{tbArea3, "Vuxenutredning", 0.6},
			{tbArea3, "Boendestöd", 0.4},
		}
		unitIDs := map[string]int64{}
		for _, u := range units {
			id, _, err := tx.EnsureUnit(ids[u.area], u.name)
			if err != nil {
				return err
			}
			unitIDs[u.name] = id
		}
		measure := func(key string) int64 {
			id, _, err := tx.EnsureMeasure(data.MeasureDef{Key: key})
			if err != nil {
				tb.Fatal(err)
			}
			return id
		}
		overdue, inTime, sick, turnover, vacancies, reports := measure(data.MeasureInvOverdue), measure(data.MeasureInvInTimeShare),
			measure(data.MeasureSickLeave), measure(data.MeasureTurnover), measure(data.MeasureVacancies), measure(data.MeasureReports)
		households := measure(data.MeasureAidHouseholds)

		for i, u := range units {
			sc := data.Scope{AreaID: ids[u.area], UnitID: unitIDs[u.name]}
			for p := tbFirst; p <= tbEnd; p++ {
				t := float64(p - tbFirst)
				wave := math.Sin(t/3 + float64(i))
				closed := p <= tbLast
				// personal: under budget (vacancies) in the investigating unit
				row := data.BudgetRow{Scope: sc, Period: p, Account: data.AccountStaff, Budget: tkr(900 * u.scale)}
				if closed {
					out := 900*u.scale + 20*wave
					if i == 0 {
						out -= 60
					}
					row.Outcome = ptr(tkr(out))
					row.Forecast = ptr(tkr(10800*u.scale - 300))
				}
				if _, err := tx.PutBudget(row); err != nil {
					return err
				}
				acc := data.AccountPlacements
				if u.area == tbArea2 {
					acc = data.AccountAid
				}
				row = data.BudgetRow{Scope: sc, Period: p, Account: acc, Budget: tkr(1200 * u.scale)}
				if closed {
					out := 1200*u.scale + 40*wave
					if u.area == tbArea1 {
						out += 15 * t // placements rise
					}
					row.Outcome = ptr(tkr(out))
				}
				if _, err := tx.PutBudget(row); err != nil {
					return err
				}
				if !closed {
					continue
				}
				if u.area != tbArea2 {
					for k, kind := range []data.PlacementKind{data.KindHVB, data.KindFosterFamily, data.KindEmergency} {
						n := int(math.Round(3*u.scale + float64(k) + t/6 + wave))
						if _, err := tx.PutPlacement(data.PlacementRow{Scope: sc, Period: p, Kind: kind,
							TargetGroup: areas[0].group, Ongoing: max(n, 0), Cost: ptr(tkr(float64(n) * 80))}); err != nil {
							return err
						}
					}
				}
				vals := map[int64]float64{sick: 6 + 2*wave, turnover: 12 + t/4, vacancies: math.Max(0, math.Round(wave*2)), reports: math.Round(40*u.scale + 10*wave)}
				if u.area == tbArea1 {
					vals[overdue] = math.Round(t / 5)
				}
				if u.area == tbArea2 {
					vals[households] = math.Round(300 + 20*wave)
				}
				for id, v := range vals {
					if _, err := tx.PutMeasure(data.MeasureRow{Scope: sc, Period: p, MeasureID: id, Value: v}); err != nil {
						return err
					}
				}
				status := data.StatusGreen
				if i == 1 && p.Month()%3 == 0 {
					status = data.StatusYellow
				}
				if i == 4 {
					status = data.StatusRed
				}
				if _, err := tx.PutMeasure(data.MeasureRow{Scope: sc, Period: p, MeasureID: inTime, ReportedName: "Andel utredningar inom fyra månader",
					Value: 71 - float64(i), Target: ptr(70.0), Direction: data.HigherIsBetter, Status: status}); err != nil {
					return err
				}
			}
		}
		narratives := []data.Narrative{
			{Scope: data.Scope{AreaID: ids[tbArea1], UnitID: unitIDs["Utredningsenheten barn och unga"]}, Period: tbLast, Type: data.TypeShortfall, Severity: data.SeverityHigh,
				Title: "Uppföljningar av placerade barn görs inte", Author: "Enhetschef", About: data.MeasureInvOverdue,
				Text: "## Läget\n\nVi hinner **inte** följa upp placerade barn enligt plan. Utredningar över fyra månader ökar.\n\n- Tre tjänster vakanta\n- Hög sjukfrånvaro\n\nVi behöver stöd från förvaltningen."},
			{Scope: data.Scope{AreaID: ids[tbArea1]}, Period: tbLast.Add(-1), Type: data.TypeAnalysis, Severity: data.SeverityMedium,
				Title: "Placeringskostnaderna överstiger budget", Author: "Verksamhetschef", About: string(data.AccountPlacements),
				Text: "Fler barn har placerats på HVB sedan våren. Kostnaden per dygn har ökat med 8 %."},
			{Scope: data.Scope{AreaID: ids[tbArea1], UnitID: unitIDs["Familjehemsenheten"]}, Period: tbLast.Add(-2), Type: data.TypeSuccess, Severity: data.SeverityLow,
				Title: "Två nya familjehemssekreterare 🎉", Text: "Rekryteringen är klar och fler barn kan bo i egna familjehem."},
			{Scope: data.Scope{AreaID: ids[tbArea2], UnitID: unitIDs["Ekonomiskt bistånd"]}, Period: tbLast, Type: data.TypeDropped, Severity: data.SeverityMedium,
				Title: "Hembesök och uppföljning av planer har prioriterats bort", About: data.MeasureAidHouseholds,
				Text: "För att hålla budget har hembesök och uppföljning av planer prioriterats bort under hösten."},
			{Scope: data.Scope{AreaID: ids[tbArea3]}, Period: data.MustPeriod("2025-11"), Type: data.TypeAction, Severity: data.SeverityLow,
				Title: "Ny samverkan med regionen", Text: "En gammal berättelse utanför fönstret."},
		}
		for _, n := range narratives {
			if _, err := tx.PutNarrative(n); err != nil {
				return err
			}
		}
		return tx.LogImport(data.ImportLogEntry{At: "2026-11-20T07:30:00Z", User: "test", File: "testby.xlsx", Kind: "budget"})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func init() {
	// Goldens show the import time; the board writes it in local time.
	time.Local = time.UTC
}
