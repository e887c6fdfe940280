package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/gaps"
)

// Benchmarks on the demo, reported rather than asserted. The
// aims from the issue: a key (Update + View) under 2 ms, a period step
// under 30 ms.

// BenchmarkOpen is the first full frame after open: the overview, the
// selected scope's detail, the gaps, then View. (The background fetch of
// the other scopes is left out: the first frame does not wait for it.)
func BenchmarkOpen(b *testing.B) {
	for b.Loop() {
		m := New(demoStore, Options{NoColor: true})
		m.requestBackground = false
		m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
		ov := loadOverview(m.ctx, m.store, 0, m.gen)().(overviewMsg)
		m.Update(ov)
		m.loadingDetail = map[detailKey]bool{} // the background load is not part of the first frame
		m.Update(loadDetails(m.ctx, m.store, m.period, []data.Scope{m.sel}, m.gen)())
		m.Update(loadGaps(m.ctx, m.store, m.period, m.l, m.gen)())
		_ = m.View()
	}
}

// BenchmarkKey is one navigation key, Update and View, at 200×50, with
// the details of the period loaded (as they are a moment after open).
func BenchmarkKey(b *testing.B) { benchmarkKey(b, Options{NoColor: true}) }

// BenchmarkKeyColour is BenchmarkKey with the colour theme.
func BenchmarkKeyColour(b *testing.B) { benchmarkKey(b, Options{}) }

func benchmarkKey(b *testing.B, opt Options) {
	m := newBoard(b, demoStore, opt, 200, 50)
	press(b, m, "enter")
	down, up := keyMsg("down"), keyMsg("up")
	i := 0
	for b.Loop() {
		k := down
		if i%8 >= 4 {
			k = up
		}
		i++
		_, cmd := m.Update(k)
		if cmd != nil {
			b.StopTimer()
			drain(b, m, cmd)
			b.StartTimer()
		}
		_ = m.View()
	}
}

// BenchmarkView is View alone at 200×50.
func BenchmarkView(b *testing.B) {
	m := newBoard(b, demoStore, Options{}, 200, 50)
	press(b, m, "enter", "down")
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkPeriodStep is one period step to a month not yet loaded: the
// key, the overview query, the selected scope's detail and the gaps, each
// message back into Update, and the frame. The background fetch of the
// other scopes is measured apart (BenchmarkPeriodPrefetch).
func BenchmarkPeriodStep(b *testing.B) {
	m := newBoard(b, demoStore, Options{NoColor: true}, 200, 50)
	press(b, m, "enter", "down")
	back := true
	for b.Loop() {
		b.StopTimer()
		// forget the periods so every step queries the store
		m.overviews = map[data.Period]*data.Overview{m.period: m.ov}
		m.details = map[detailKey]*data.Detail{}
		m.gapResults = map[data.Period]*gaps.Result{}
		m.loadingDetail = map[detailKey]bool{}
		m.loadingGaps = map[data.Period]bool{}
		key := "["
		if !back {
			key = "]"
		}
		back = !back
		b.StartTimer()
		_, cmd := m.Update(keyMsg(key))
		ov := cmd().(overviewMsg)
		m.Update(ov)
		// the selected scope's detail and the gaps, as the commands answer
		m.Update(loadDetails(m.ctx, m.store, m.period, []data.Scope{m.sel}, m.gen)())
		m.Update(loadGaps(m.ctx, m.store, m.period, m.l, m.gen)())
		_ = m.View()
	}
}

// BenchmarkPeriodPrefetch is the background command that loads every
// area's and unit's detail of a period in one go.
func BenchmarkPeriodPrefetch(b *testing.B) {
	m := newBoard(b, demoStore, Options{NoColor: true}, 200, 50)
	var scopes []data.Scope
	for _, a := range m.ov.Areas {
		scopes = append(scopes, data.Scope{AreaID: a.ID})
		for _, u := range a.Units {
			scopes = append(scopes, data.Scope{AreaID: a.ID, UnitID: u.ID})
		}
	}
	for b.Loop() {
		_ = loadDetails(m.ctx, m.store, m.period, scopes, m.gen)()
	}
}

// BenchmarkCachedPeriodStep is a step back to a period already loaded.
func BenchmarkCachedPeriodStep(b *testing.B) {
	m := newBoard(b, demoStore, Options{NoColor: true}, 200, 50)
	press(b, m, "[", "]")
	keys := []tea.KeyPressMsg{keyMsg("["), keyMsg("]")}
	i := 0
	for b.Loop() {
		_, cmd := m.Update(keys[i%2])
		i++
		if cmd != nil {
			b.StopTimer()
			drain(b, m, cmd)
			b.StartTimer()
		}
		_ = m.View()
	}
}
