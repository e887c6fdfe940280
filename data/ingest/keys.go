package ingest

import (
	"cmp"
	"container/heap"
	"slices"

	"github.com/beredning/beredning/data"
)

// A natural key given twice in one import is an error when the values
// differ (naming both lines), and is accepted and counted as unchanged
// when they are the same. Keys are logged compactly as rows go by — 24
// bytes a row, in fixed chunks that are sorted as they fill, so a million
// rows cost 24 MB and no copying, where a hash map costs 80 — and checked
// once, by merging the chunks, when every file has been read. Both rows
// have been written by then; with an error the import is rolled back.

type keyEntry struct {
	scope uint64 // area << 32 | unit
	what  uint32 // konto, insats or measure (a small number) << 16 | months since minYear
	line  uint32
	table uint16
	hash  uint32 // of the values; equal hashes are taken as equal values
}

const (
	keyChunkShift = 15
	keyChunk      = 1 << keyChunkShift
)

type keyLog struct {
	what   string // message key naming the natural key
	chunks [][]keyEntry
}

func (k *keyLog) add(r *rowCtx, sc data.Scope, p data.Period, what uint32, hash uint64) {
	if what > 0xffff { // more than 65 535 kontos, insatser or measures in one import
		what = 0xffff
	}
	table := r.t.file.tableIdx(r.t)
	if table > 0xffff {
		table = 0xffff
	}
	e := keyEntry{scope: uint64(sc.AreaID)<<32 | uint64(uint32(sc.UnitID)), what: what<<16 | uint32(uint16(int(p)-minYear*12)),
		table: uint16(table), line: uint32(r.line), hash: uint32(hash ^ hash>>32)}
	n := len(k.chunks)
	if n == 0 || len(k.chunks[n-1]) == keyChunk {
		if n > 0 {
			sortKeys(k.chunks[n-1])
		}
		k.chunks = append(k.chunks, make([]keyEntry, 0, chunkCap(n)))
		n++
	}
	c := &k.chunks[n-1]
	if len(*c) == cap(*c) { // the first chunks start small and grow to keyChunk
		*c = slices.Grow(*c, min(keyChunk, 2*cap(*c))-len(*c))
	}
	*c = append(*c, e)
}

// chunkCap is the starting capacity of the n-th chunk: small for small
// imports, keyChunk from the tenth chunk on. The shift is bounded, because
// 64<<n overflows at n = 57 (1,87 million rows), which made the capacity
// negative and the import panic.
func chunkCap(n int) int {
	const firstShift = 6 // 64 entries
	return 1 << min(firstShift+min(n, keyChunkShift), keyChunkShift)
}

// compareKeys orders by key, then in the order rows were read.
func compareKeys(a, b keyEntry) int {
	return cmp.Or(cmp.Compare(a.scope, b.scope), cmp.Compare(a.what, b.what), cmp.Compare(a.table, b.table), cmp.Compare(a.line, b.line))
}

// sortKeys sorts a chunk; files are often in key order already.
func sortKeys(c []keyEntry) {
	if !slices.IsSortedFunc(c, compareKeys) {
		slices.SortFunc(c, compareKeys)
	}
}

func (e keyEntry) sameKey(o keyEntry) bool { return e.scope == o.scope && e.what == o.what }

// mergeHeap yields the sorted chunks' entries in one order.
type mergeHeap struct {
	chunks [][]keyEntry
	pos    []int
	order  []int // chunk indexes, a heap by their current entry
}

func (h *mergeHeap) Len() int { return len(h.order) }
func (h *mergeHeap) Less(i, j int) bool {
	a, b := h.order[i], h.order[j]
	return compareKeys(h.chunks[a][h.pos[a]], h.chunks[b][h.pos[b]]) < 0
}
func (h *mergeHeap) Swap(i, j int) { h.order[i], h.order[j] = h.order[j], h.order[i] }
func (h *mergeHeap) Push(x any)    { h.order = append(h.order, x.(int)) }
func (h *mergeHeap) Pop() any {
	x := h.order[len(h.order)-1]
	h.order = h.order[:len(h.order)-1]
	return x
}

// check reports every row whose key an earlier row had.
func (k *keyLog) check(imp *importer) {
	if len(k.chunks) == 0 {
		return
	}
	sortKeys(k.chunks[len(k.chunks)-1])
	h := &mergeHeap{chunks: k.chunks, pos: make([]int, len(k.chunks))}
	for i, c := range k.chunks {
		if len(c) > 0 {
			h.order = append(h.order, i)
		}
	}
	heap.Init(h)
	var first keyEntry // the first row of the current key
	started := false
	for h.Len() > 0 {
		ci := h.order[0]
		e := h.chunks[ci][h.pos[ci]]
		h.pos[ci]++
		if h.pos[ci] == len(h.chunks[ci]) {
			heap.Pop(h)
		} else {
			heap.Fix(h, 0)
		}
		if started && e.sameKey(first) {
			imp.reportDuplicate(seenAt{table: uint32(first.table), line: first.line}, seenAt{table: uint32(e.table), line: e.line},
				first.hash == e.hash, k.what)
			continue
		}
		first, started = e, true
	}
	k.chunks = nil
}

// reportDuplicate files a repeated key under the later row's table.
func (imp *importer) reportDuplicate(prev, at seenAt, same bool, what string) {
	if int(at.table) >= len(imp.tables) || int(prev.table) >= len(imp.tables) {
		return
	}
	here, there := imp.tables[at.table], imp.tables[prev.table]
	p := Problem{File: here.file.display, Sheet: here.sheet, Line: int(at.line)}
	switch {
	case same:
		p.Key, p.Args = "import.warn.duplicate_same", []any{int(prev.line)}
	case there.file == here.file && there.sheet == here.sheet:
		p.Key, p.Args = "import.err.duplicate_key", []any{msg(what), int(prev.line)}
	default:
		loc := there.file.display
		if there.sheet != "" {
			loc += " [" + there.sheet + "]"
		}
		p.Key, p.Args = "import.err.duplicate_key_other", []any{msg(what), loc, int(prev.line)}
	}
	imp.record(here.file, here.sum, !same, p)
}
