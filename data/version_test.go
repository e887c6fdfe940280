package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/beredning/beredning/data"
)

func TestDataVersionSeesAnotherStoresCommit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	a, err := data.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	v1, err := a.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v2, err := a.DataVersion(ctx); err != nil || v2 != v1 {
		t.Fatalf("nothing changed, yet %d then %d (%v)", v1, v2, err)
	}
	b, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.SetMunicipality(ctx, func(m *data.Municipality) { m.Name = "Testby kommun" }); err != nil {
		t.Fatal(err)
	}
	v3, err := a.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v3 == v1 {
		t.Fatal("a commit by another store did not change the data version")
	}
	// the store's own writes go through other connections of its pool
	if err := a.SetMunicipality(ctx, func(m *data.Municipality) { m.Name = "Testby" }); err != nil {
		t.Fatal(err)
	}
	if v4, _ := a.DataVersion(ctx); v4 == v3 {
		t.Fatal("the store's own commit did not change the data version")
	}
}

// BenchmarkDataVersion is what the board's watch costs each time it asks.
func BenchmarkDataVersion(b *testing.B) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(b.TempDir(), "v.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.DataVersion(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
