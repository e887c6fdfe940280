package ingest

import "testing"

// TestChunkCapNeverOverflows: the 57th chunk (1,87 million rows) made
// 64<<n overflow and the import panic.
func TestChunkCapNeverOverflows(t *testing.T) {
	for n := 0; n < 1000; n++ {
		if c := chunkCap(n); c < 64 || c > keyChunk {
			t.Fatalf("chunk %d gets capacity %d, want 64 … %d", n, c, keyChunk)
		}
	}
	if chunkCap(0) != 64 || chunkCap(100) != keyChunk {
		t.Errorf("chunkCap(0) = %d, chunkCap(100) = %d", chunkCap(0), chunkCap(100))
	}
}
