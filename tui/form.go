package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/beredning/beredning/data/lang"
)

// form is the one way a screen asks for text: labelled fields, one line
// (textinput), several lines (textarea) or yes/no, stepped through with
// tab; ctrl+s saves, esc cancels. The screen that holds it is a typist
// while it is open, so every key but ctrl+c reaches it.
type form struct {
	title  string
	fields []*formField
	focus  int
	err    string // why the last save was refused, shown above the fields
	th     *Theme
	keys   *keyMap
	l      lang.Lang
}

type fieldKind int

const (
	fieldLine fieldKind = iota
	fieldText
	fieldToggle
)

type formField struct {
	label string
	kind  fieldKind
	line  textinput.Model
	text  textarea.Model
	on    bool
}

// formResult is what a key did to the form.
type formResult int

const (
	formEditing formResult = iota
	formSaved
	formCancelled
)

func newForm(a *app, title string) *form {
	return &form{title: title, th: &a.theme, keys: &a.keys, l: a.l}
}

func (f *form) addLine(label, value string) *form {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(value)
	in.SetStyles(f.th.Input)
	f.fields = append(f.fields, &formField{label: label, kind: fieldLine, line: in})
	return f
}

func (f *form) addText(label, value string) *form {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.CharLimit = 0
	if f.th.NoColor {
		ta.SetStyles(textarea.Styles{})
	} else {
		ta.SetStyles(textarea.DefaultStyles(f.th.IsDark))
	}
	ta.SetValue(value)
	f.fields = append(f.fields, &formField{label: label, kind: fieldText, text: ta})
	return f
}

func (f *form) addToggle(label string, on bool) *form {
	f.fields = append(f.fields, &formField{label: label, kind: fieldToggle, on: on})
	return f
}

// start focuses the first field.
func (f *form) start() tea.Cmd { return f.setFocus(0) }

func (f *form) setFocus(i int) tea.Cmd {
	for _, fl := range f.fields {
		fl.line.Blur()
		fl.text.Blur()
	}
	f.focus = clamp(i, 0, len(f.fields)-1)
	switch fl := f.fields[f.focus]; fl.kind {
	case fieldLine:
		return fl.line.Focus()
	case fieldText:
		return fl.text.Focus()
	}
	return nil
}

// value reads a field by its index.
func (f *form) value(i int) string {
	switch fl := f.fields[i]; fl.kind {
	case fieldLine:
		return strings.TrimSpace(fl.line.Value())
	case fieldText:
		return strings.TrimSpace(fl.text.Value())
	}
	return ""
}

func (f *form) toggled(i int) bool { return f.fields[i].on }

// Update takes a key or a paste.
func (f *form) Update(msg tea.Msg) (formResult, tea.Cmd) {
	k := f.keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.FormSave):
			return formSaved, nil
		case key.Matches(kp, k.FormCancel):
			return formCancelled, nil
		case key.Matches(kp, k.FormNext):
			return formEditing, f.setFocus((f.focus + 1) % len(f.fields))
		case key.Matches(kp, k.FormPrev):
			return formEditing, f.setFocus((f.focus + len(f.fields) - 1) % len(f.fields))
		}
		if fl := f.fields[f.focus]; fl.kind == fieldToggle {
			if key.Matches(kp, k.FormToggle) {
				fl.on = !fl.on
			}
			return formEditing, nil
		}
	}
	var cmd tea.Cmd
	switch fl := f.fields[f.focus]; fl.kind {
	case fieldLine:
		fl.line, cmd = fl.line.Update(msg)
	case fieldText:
		fl.text, cmd = fl.text.Update(msg)
	}
	return formEditing, cmd
}

// View draws the form in w×h: the title, a refusal if any, and each field
// under its label; text fields share what height is left.
func (f *form) View(w, h int) string {
	th := f.th
	lines := []string{" " + th.Title.Paint(clean(f.title))}
	if f.err != "" {
		lines = append(lines, " "+th.Error.Paint("! "+clean(f.err)))
	}
	texts := 0
	fixed := len(lines)
	for _, fl := range f.fields {
		fixed++ // the label
		if fl.kind == fieldText {
			texts++
		} else {
			fixed++
		}
	}
	textH := 3
	if texts > 0 {
		textH = clamp((h-fixed-1)/texts, 2, 12)
	}
	for i, fl := range f.fields {
		marker := "  "
		label := th.Subtle.Paint(clean(fl.label))
		if i == f.focus {
			marker = "▸ "
			label = th.Strong.Paint(clean(fl.label))
		}
		lines = append(lines, " "+marker+label)
		switch fl.kind {
		case fieldLine:
			fl.line.SetWidth(max(w-8, 4))
			lines = append(lines, "    "+fl.line.View())
		case fieldText:
			fl.text.SetWidth(max(w-6, 4))
			fl.text.SetHeight(textH)
			for _, l := range strings.Split(fl.text.View(), "\n") {
				lines = append(lines, "    "+l)
			}
		case fieldToggle:
			box := "[ ] "
			if fl.on {
				box = "[x] "
			}
			word := f.l.T("board.form.no")
			if fl.on {
				word = f.l.T("board.form.yes")
			}
			lines = append(lines, "    "+box+th.Faint.Paint(word))
		}
	}
	return block(lines, w, h)
}

// footerKeys are the form's keys for the footer line.
func (f *form) footerKeys() []key.Binding {
	k := f.keys
	if f.fields[f.focus].kind == fieldToggle {
		return []key.Binding{k.FormToggle, k.FormNext, k.FormSave, k.FormCancel}
	}
	return []key.Binding{k.FormNext, k.FormPrev, k.FormSave, k.FormCancel}
}
