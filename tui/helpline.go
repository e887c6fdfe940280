package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// shortHelpLine is the one line of key help in w cells. It always ends in
// the keys for help and quit, whatever the screen's own keys: when they do
// not all fit, the screen's keys are dropped from the end (the first ones
// are the most used), and in the narrowest window help and quit stand
// without their words.
func shortHelpLine(hm help.Model, bindings []key.Binding, helpKey, quit key.Binding, w int) string {
	rest := make([]key.Binding, 0, len(bindings))
	for _, b := range bindings {
		if same(b, helpKey) || same(b, quit) || !b.Enabled() {
			continue
		}
		rest = append(rest, b)
	}
	hm.SetWidth(0) // measured here, not cut by the help model
	for n := len(rest); n >= 0; n-- {
		bs := append(append(make([]key.Binding, 0, n+2), rest[:n]...), helpKey, quit)
		if s := hm.ShortHelpView(bs); width(s) <= w {
			return s
		}
	}
	return fit(helpKey.Help().Key+" "+quit.Help().Key, max(w, 0))
}

// same tells two bindings with the same help key apart from others.
func same(a, b key.Binding) bool { return a.Help().Key == b.Help().Key }
