package ingest

import (
	"runtime/debug"

	"github.com/beredning/beredning/data"
)

// Rows are written in batches, and a batch is written on a goroutine of
// its own while the next one is read and parsed: on a million-row file
// SQLite's work and the parsing overlap instead of adding up. Only one
// batch is in flight at a time, and anything else that touches the
// transaction (creating an area, a unit or a measure, writing a narrative,
// committing) first waits for it, so the transaction is never used by two
// goroutines at once.

// batchSize rows are written per round of bulk upserts.
const batchSize = 1024

// batch is rows of one table waiting to be written, and the amounts they
// point to.
type batch struct {
	sum        *Summary
	budgets    []data.BudgetRow
	placements []data.PlacementRow
	measures   []data.MeasureRow
	money      []data.Money
}

func (b *batch) empty() bool {
	return len(b.budgets) == 0 && len(b.placements) == 0 && len(b.measures) == 0
}

func (b *batch) reset() {
	b.sum = nil
	b.budgets, b.placements, b.measures = b.budgets[:0], b.placements[:0], b.measures[:0]
	b.money = b.money[:0]
}

type result struct {
	b      *batch
	counts data.BulkCounts
	err    error
}

// keepMoney gives an amount an address without an allocation per row:
// amounts live in the batch's slab, which a batch keeps until written.
func (s *sink) keepMoney(m data.Money) *data.Money {
	b := s.pending
	if len(b.money) == cap(b.money) {
		// A full slab stays with the rows that point into it.
		b.money = make([]data.Money, 0, 3*batchSize)
	}
	b.money = append(b.money, m)
	return &b.money[len(b.money)-1]
}

// wait lets the batch in flight finish and books its counts.
func (s *sink) wait() {
	if s.inflight == nil {
		return
	}
	res := <-s.inflight
	s.inflight = nil
	if res.err != nil && s.imp.dbErr == nil {
		s.imp.dbErr = res.err
	}
	if res.b.sum != nil {
		res.b.sum.New += res.counts.New
		res.b.sum.Changed += res.counts.Changed
		res.b.sum.Unchanged += res.counts.Unchanged
	}
	res.b.reset()
	s.spare = res.b
}

// flushAsync starts writing the pending rows and returns; the rows of a
// refused import are not written, only checked.
func (s *sink) flushAsync(sum *Summary) {
	s.wait()
	b := s.pending
	if b.empty() {
		return
	}
	if s.imp.failed() || s.imp.dbErr != nil {
		b.reset()
		return
	}
	b.sum = sum
	if s.spare != nil {
		s.pending, s.spare = s.spare, nil
	} else {
		s.pending = &batch{}
	}
	ch := make(chan result, 1)
	s.inflight = ch
	go func() {
		// A panic here would end the program with the transaction open;
		// it goes back as the batch's error, and the import rolls back.
		defer func() {
			if r := recover(); r != nil {
				ch <- result{b: b, err: &data.PanicError{Value: r, Stack: debug.Stack()}}
			}
		}()
		c, err := s.write(b)
		ch <- result{b: b, counts: c, err: err}
	}()
}

// flush writes the pending rows and waits until they are written.
func (s *sink) flush(sum *Summary) error {
	s.flushAsync(sum)
	s.wait()
	return s.imp.dbErr
}

func (s *sink) write(b *batch) (data.BulkCounts, error) {
	var c data.BulkCounts
	if len(b.budgets) > 0 {
		n, err := s.tx.PutBudgets(b.budgets)
		if err != nil {
			return c, err
		}
		c.Add(n)
	}
	if len(b.placements) > 0 {
		n, err := s.tx.PutPlacements(b.placements)
		if err != nil {
			return c, err
		}
		c.Add(n)
	}
	if len(b.measures) > 0 {
		n, err := s.tx.PutMeasures(b.measures)
		if err != nil {
			return c, err
		}
		c.Add(n)
	}
	return c, nil
}
