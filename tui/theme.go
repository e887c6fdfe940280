package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// palette is the board's named colours, each with a value for light and
// one for dark terminals. No colour literal lives anywhere else.
type palette struct {
	text, subtle, faint     color.Color
	accent, accentText      color.Color
	green, yellow, red      color.Color
	selectBg, selectBlurBg  color.Color
	over, under             color.Color
	barOver, barUnder, axis color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return palette{
		text:         ld(c("#1f2328"), c("#e6edf3")),
		subtle:       ld(c("#57606a"), c("#9da7b3")),
		faint:        ld(c("#8c959f"), c("#6e7681")),
		accent:       ld(c("#0550ae"), c("#79c0ff")),
		accentText:   ld(c("#ffffff"), c("#0d1117")),
		green:        ld(c("#1a7f37"), c("#56d364")),
		yellow:       ld(c("#9a6700"), c("#e3b341")),
		red:          ld(c("#cf222e"), c("#ff7b72")),
		selectBg:     ld(c("#ddf4ff"), c("#1c3553")),
		selectBlurBg: ld(c("#eaeef2"), c("#262c36")),
		over:         ld(c("#cf222e"), c("#ff7b72")),
		under:        ld(c("#0550ae"), c("#79c0ff")),
		barOver:      ld(c("#cf222e"), c("#f85149")),
		barUnder:     ld(c("#0969da"), c("#388bfd")),
		axis:         ld(c("#8c959f"), c("#6e7681")),
	}
}

// Ink is a style reduced to the escape sequences around its text, so that
// painting a cell in View is a concatenation instead of a full Lip Gloss
// render (View runs on every key; see bench_test.go).
type Ink struct{ pre, post string }

func inkOf(s lipgloss.Style) Ink {
	const mark = "\x1f"
	r := s.Render(mark)
	i := strings.Index(r, mark)
	if i < 0 {
		return Ink{}
	}
	return Ink{pre: r[:i], post: r[i+len(mark):]}
}

// Paint wraps s in the ink.
func (k Ink) Paint(s string) string {
	if k.pre == "" || s == "" {
		return s
	}
	return k.pre + s + k.post
}

// Over paints s, already holding painted parts, so that the ink survives
// the inner resets (a selected row around coloured cells).
func (k Ink) Over(s string) string {
	if k.pre == "" || s == "" {
		return s
	}
	if k.post != "" {
		s = strings.ReplaceAll(s, k.post, k.post+k.pre)
	}
	return k.pre + s + k.post
}

// Theme is the board's one set of styles. It is rebuilt when the terminal
// reports its background; with NoColor every ink is plain or uses only
// bold, underline and reverse, and every status is still told by symbol
// and word.
type Theme struct {
	NoColor bool
	IsDark  bool

	Title, Subtle, Faint, Strong Ink
	Accent                       Ink
	PaneTitle, PaneTitleFocused  Ink
	Selected, SelectedBlurred    Ink
	Separator                    Ink
	Green, Yellow, Red           Ink
	Over, Under                  Ink
	SevHigh, SevMedium, SevLow   Ink
	Spark, SparkLast             Ink
	BarOver, BarUnder, Axis      Ink
	Warn, Error                  Ink
	Highlight                    Ink // filter matches and evidence

	Help  help.Styles
	Input textinput.Styles
	Note  textarea.Styles // the review's comment form
	// ProgressFull and ProgressEmpty colour the import's progress bar,
	// whose cells (█ and ░) tell the progress without colour.
	ProgressFull, ProgressEmpty color.Color
	// Markdown is the glamour style the reader renders with.
	Markdown string
}

func newTheme(isDark, noColor bool) Theme {
	t := Theme{NoColor: noColor, IsDark: isDark}
	s := lipgloss.NewStyle
	if noColor {
		t.Title = inkOf(s().Bold(true))
		t.Strong = inkOf(s().Bold(true))
		t.PaneTitleFocused = inkOf(s().Bold(true).Underline(true))
		t.PaneTitle = inkOf(s().Bold(true))
		t.Selected = inkOf(s().Reverse(true))
		t.SelectedBlurred = inkOf(s().Underline(true))
		t.SevHigh = inkOf(s().Bold(true))
		t.Red = inkOf(s().Bold(true))
		t.Over = inkOf(s().Bold(true))
		t.Error = inkOf(s().Bold(true))
		t.Highlight = inkOf(s().Underline(true))
		t.Help = help.Styles{}
		in := textinput.DefaultStyles(isDark)
		in.Focused = textinput.StyleState{}
		in.Blurred = textinput.StyleState{}
		in.Cursor.Color = nil
		in.Cursor.Blink = false
		t.Input = in
		note := textarea.DefaultStyles(isDark)
		note.Focused, note.Blurred = textarea.StyleState{}, textarea.StyleState{}
		note.Cursor.Color, note.Cursor.Blink = nil, false
		t.Note = note
		t.Markdown = "notty"
		t.ProgressFull, t.ProgressEmpty = lipgloss.NoColor{}, lipgloss.NoColor{}
		return t
	}
	p := newPalette(isDark)
	fg := func(c color.Color) lipgloss.Style { return s().Foreground(c) }
	t.Title = inkOf(fg(p.accent).Bold(true))
	t.Subtle = inkOf(fg(p.subtle))
	t.Faint = inkOf(fg(p.faint))
	t.Strong = inkOf(s().Bold(true))
	t.Accent = inkOf(fg(p.accent))
	t.PaneTitle = inkOf(fg(p.subtle).Bold(true))
	t.PaneTitleFocused = inkOf(s().Foreground(p.accentText).Background(p.accent).Bold(true))
	t.Selected = inkOf(s().Background(p.selectBg).Bold(true))
	t.SelectedBlurred = inkOf(s().Background(p.selectBlurBg))
	t.Separator = inkOf(fg(p.faint))
	t.Green = inkOf(fg(p.green).Bold(true))
	t.Yellow = inkOf(fg(p.yellow).Bold(true))
	t.Red = inkOf(fg(p.red).Bold(true))
	t.Over = inkOf(fg(p.over))
	t.Under = inkOf(fg(p.under))
	t.SevHigh = inkOf(fg(p.red).Bold(true))
	t.SevMedium = inkOf(fg(p.yellow))
	t.SevLow = inkOf(fg(p.subtle))
	t.Spark = inkOf(fg(p.accent))
	t.SparkLast = inkOf(fg(p.accent).Bold(true))
	t.BarOver = inkOf(fg(p.barOver))
	t.BarUnder = inkOf(fg(p.barUnder))
	t.Axis = inkOf(fg(p.axis))
	t.Warn = inkOf(fg(p.yellow))
	t.Error = inkOf(fg(p.red).Bold(true))
	t.Highlight = inkOf(fg(p.yellow).Bold(true).Underline(true))
	t.Help = help.DefaultStyles(isDark)
	in := textinput.DefaultStyles(isDark)
	in.Cursor.Blink = false // no idle timer: the screen redraws only on input
	t.Input = in
	note := textarea.DefaultStyles(isDark)
	note.Cursor.Blink = false
	t.Note = note
	t.ProgressFull, t.ProgressEmpty = p.accent, p.faint
	t.Markdown = "dark"
	if !isDark {
		t.Markdown = "light"
	}
	return t
}
