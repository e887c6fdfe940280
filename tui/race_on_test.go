//go:build race

package tui

// raceBuild: the race detector slows drawing some twentyfold, so the
// all-periods test draws only the default view of each scope under it.
const raceBuild = true
