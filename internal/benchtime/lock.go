package benchtime

import (
	"runtime"
	"testing"
)

func lockThread(b *testing.B) {
	runtime.LockOSThread()
	b.Cleanup(runtime.UnlockOSThread)
}
