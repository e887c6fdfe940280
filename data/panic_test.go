package data_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/beredning/beredning/data"
)

// TestPanicInWriteRollsBack: a panic inside a write transaction comes back
// as a PanicError after a rollback, and the connection is free again. Before,
// the deferred conn.Close waited for the open transaction forever.
func TestPanicInWriteRollsBack(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	var before bytes.Buffer
	if err := s.Dump(ctx, &before); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(context.Context, func(*data.Tx) error) error{"Write": s.Write, "WriteBulk": s.WriteBulk} {
		done := make(chan error, 1)
		go func() {
			done <- write(ctx, func(tx *data.Tx) error {
				a, _, err := tx.EnsureArea("Barn och unga", data.GroupChildren)
				if err != nil {
					return err
				}
				if _, err := tx.PutBudget(data.BudgetRow{Scope: data.Scope{AreaID: a}, Period: data.MustPeriod("2026-01"), Account: "personal", Budget: 1}); err != nil {
					return err
				}
				panic("injected")
			})
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: a panic inside the transaction hung", name)
		}
		var pe *data.PanicError
		if !errors.As(err, &pe) || pe.Value != "injected" {
			t.Fatalf("%s: got %v, want the panic as a PanicError", name, err)
		}
		var after bytes.Buffer
		if err := s.Dump(ctx, &after); err != nil {
			t.Fatal(err)
		}
		if before.String() != after.String() {
			t.Errorf("%s: the panicking write was not rolled back", name)
		}
		// The write lock is free: another write succeeds at once.
		if err := s.Write(ctx, func(tx *data.Tx) error { return nil }); err != nil {
			t.Errorf("%s: a write after the panic failed: %v", name, err)
		}
	}
}
