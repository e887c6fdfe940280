package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/beredning/beredning/data/lang"
)

// keyMap is the board's one keymap. Arrow keys and vim keys move; the
// help texts come from the catalogue in the chosen language.
type keyMap struct {
	Up, Down, Left, Right key.Binding
	Top, Bottom           key.Binding
	PageUp, PageDown      key.Binding
	// pgup/pgdn scroll an explanation below a list (the gap overview)
	ScrollUp, ScrollDown key.Binding
	Enter                key.Binding
	NextPane, PrevPane   key.Binding
	PrevMonth, NextMonth key.Binding
	PrevReport           key.Binding
	NextReport           key.Binding
	Filter               key.Binding
	// n and N step through the narratives in the reader
	NextNarrative, PrevNarrative key.Binding
	Gaps                         key.Binding
	GoTo                         key.Binding // enter in the gap list
	Back                         key.Binding
	Help                         key.Binding
	Reload                       key.Binding // ctrl+r: read the database again
	Quit                         key.Binding
	// Month and Report only describe [ ] and { } together in the short help.
	Month, Report key.Binding
	// In the filter line letters are text: only these keys act there.
	ForceQuit, Confirm, ArrowUp, ArrowDown key.Binding
	ClearFilter                            key.Binding // esc, as the filter line's help names it
	// The import screen: i opens it; in its folder browser enter chooses
	// (opens a folder, checks a file), f checks the whole folder shown.
	Import                 key.Binding
	Choose, ImportFolder   key.Binding
	OpenFolder, UpFolder   key.Binding
	ImportConfirm          key.Binding // enter or y after a clean check
	MaskPNR                key.Binding // m: check again with personnummer masked, or not
	CancelImport, CloseImp key.Binding
	// u on the import screen lists the imports to undo one; enter asks,
	// y (or enter) confirms
	UndoImport, ChooseUndo, ConfirmUndo key.Binding
	// The briefing and the meetings: m marks the row under the cursor for
	// the chair's briefing, b opens Beredning, M the meetings. On their
	// lists K/J move a row, x removes it, a adds an item, d a document,
	// e edits, n gives the meeting its § numbers.
	Mark, Briefing, Meetings       key.Binding
	MoveUp, MoveDown, Remove       key.Binding
	Add, AddDocument, Edit, Number key.Binding
	InPack                         key.Binding // p: the briefing into the members' pack, or out
	// v on an agenda's document reads it; for a role that may not edit
	// the agenda, enter reads it too (keysFor).
	ViewDocument key.Binding
	// In a form: tab and shift+tab step, space ticks a yes/no, ctrl+s
	// saves, esc cancels.
	FormNext, FormPrev, FormToggle, FormSave, FormCancel key.Binding
	// K opens the Kolada comparison (k moves up), e the economy over time.
	Kolada, Economy key.Binding
	// The review: r opens the reports; in the list s sorts; in a report
	// a, s, c, o open the forms, whose note takes ctrl+j for a new line
	// and enter to go on; y or enter confirms.
	Reports, SortReports  key.Binding
	Approve, SendBack     key.Binding
	Comment, Reopen       key.Binding
	NoteNext, NoteNewline key.Binding
	ConfirmReview         key.Binding
}

func newKeyMap(l lang.Lang) keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, l.T(desc)))
	}
	return keyMap{
		Up:            b([]string{"up", "k"}, "↑/k", "board.key.up"),
		Down:          b([]string{"down", "j"}, "↓/j", "board.key.down"),
		Left:          b([]string{"left", "h"}, "←/h", "board.key.left"),
		Right:         b([]string{"right", "l"}, "→/l", "board.key.right"),
		Top:           b([]string{"g", "home"}, "g", "board.key.top"),
		Bottom:        b([]string{"G", "end"}, "G", "board.key.bottom"),
		PageUp:        b([]string{"pgup", "ctrl+b"}, "pgup", "board.key.pageup"),
		PageDown:      b([]string{"pgdown", "ctrl+f"}, "pgdn", "board.key.pagedown"),
		ScrollUp:      b([]string{"pgup", "ctrl+b"}, "pgup", "board.key.scroll_up"),
		ScrollDown:    b([]string{"pgdown", "ctrl+f"}, "pgdn", "board.key.scroll_down"),
		Enter:         b([]string{"enter", "space"}, "enter", "board.key.enter"),
		NextPane:      b([]string{"tab"}, "tab", "board.key.nextpane"),
		PrevPane:      b([]string{"shift+tab"}, "shift+tab", "board.key.prevpane"),
		PrevMonth:     b([]string{"["}, "[", "board.key.prevmonth"),
		NextMonth:     b([]string{"]"}, "]", "board.key.nextmonth"),
		PrevReport:    b([]string{"{"}, "{", "board.key.prevreport"),
		NextReport:    b([]string{"}"}, "}", "board.key.nextreport"),
		Filter:        b([]string{"/"}, "/", "board.key.filter"),
		NextNarrative: b([]string{"n"}, "n", "board.key.next_narrative"),
		PrevNarrative: b([]string{"N"}, "N", "board.key.prev_narrative"),
		Gaps:          b([]string{"o"}, "o", "board.key.gaps"),
		GoTo:          b([]string{"enter"}, "enter", "board.key.goto"),
		Back:          b([]string{"esc"}, "esc", "board.key.back"),
		Help:          b([]string{"?"}, "?", "board.key.help"),
		Reload:        b([]string{"ctrl+r"}, "ctrl+r", "board.key.reload"),
		Quit:          b([]string{"q", "ctrl+c"}, "q", "board.key.quit"),
		Month:         b([]string{"[", "]"}, "[ ]", "board.key.month"),
		Report:        b([]string{"{", "}"}, "{ }", "board.key.report"),
		ForceQuit:     b([]string{"ctrl+c"}, "ctrl+c", "board.key.quit"),
		Confirm:       b([]string{"enter"}, "enter", "board.key.confirm"),
		ArrowUp:       b([]string{"up"}, "↑", "board.key.up"),
		ArrowDown:     b([]string{"down"}, "↓", "board.key.down"),
		ClearFilter:   b([]string{"esc"}, "esc", "board.key.clear_filter"),

		Import:        b([]string{"i"}, "i", "board.key.import"),
		Choose:        b([]string{"enter"}, "enter", "board.key.choose"),
		ImportFolder:  b([]string{"f"}, "f", "board.key.import_folder"),
		OpenFolder:    b([]string{"right", "l"}, "→/l", "board.key.open_folder"),
		UpFolder:      b([]string{"left", "h", "backspace"}, "←/h", "board.key.up_folder"),
		ImportConfirm: b([]string{"enter", "y"}, "enter/y", "board.key.import_confirm"),
		MaskPNR:       b([]string{"m"}, "m", "board.key.mask_pnr"),
		CancelImport:  b([]string{"esc"}, "esc", "board.key.cancel_import"),
		Kolada:        b([]string{"K"}, "K", "board.key.kolada"),
		Economy:       b([]string{"e"}, "e", "board.key.economy"),
		CloseImp:      b([]string{"esc", "enter"}, "esc", "board.key.close"),
		UndoImport:    b([]string{"u"}, "u", "board.key.undo_import"),
		ChooseUndo:    b([]string{"enter"}, "enter", "board.key.choose_undo"),
		ConfirmUndo:   b([]string{"y", "enter"}, "y", "board.key.confirm_undo"),

		Mark:         b([]string{"m"}, "m", "board.key.mark"),
		Briefing:     b([]string{"b"}, "b", "board.key.briefing"),
		Meetings:     b([]string{"M"}, "M", "board.key.meetings"),
		MoveUp:       b([]string{"K"}, "K", "board.key.move_up"),
		MoveDown:     b([]string{"J"}, "J", "board.key.move_down"),
		Remove:       b([]string{"x"}, "x", "board.key.remove"),
		Add:          b([]string{"a"}, "a", "board.key.add_item"),
		AddDocument:  b([]string{"d"}, "d", "board.key.add_document"),
		Edit:         b([]string{"e", "enter"}, "enter/e", "board.key.edit"),
		Number:       b([]string{"n"}, "n", "board.key.number"),
		ViewDocument: b([]string{"v"}, "v", "board.key.view_document"),
		InPack:       b([]string{"p"}, "p", "board.key.in_pack"),
		FormNext:     b([]string{"tab"}, "tab", "board.key.form_next"),
		FormPrev:     b([]string{"shift+tab"}, "shift+tab", "board.key.form_prev"),
		FormToggle:   b([]string{"space", "enter"}, "space", "board.key.form_toggle"),
		FormSave:     b([]string{"ctrl+s"}, "ctrl+s", "board.key.form_save"),
		FormCancel:   b([]string{"esc"}, "esc", "board.key.form_cancel"),

		Reports:       b([]string{"r"}, "r", "board.key.reports"),
		SortReports:   b([]string{"s"}, "s", "board.review.key.sort"),
		Approve:       b([]string{"a"}, "a", "board.review.key.approve"),
		SendBack:      b([]string{"s"}, "s", "board.review.key.send_back"),
		Comment:       b([]string{"c"}, "c", "board.review.key.comment"),
		Reopen:        b([]string{"o"}, "o", "board.review.key.reopen"),
		NoteNext:      b([]string{"enter"}, "enter", "board.review.key.note_next"),
		NoteNewline:   b([]string{"ctrl+j"}, "ctrl+j", "board.review.key.note_newline"),
		ConfirmReview: b([]string{"y", "enter"}, "y/enter", "board.review.key.confirm"),
	}
}

// ShortHelp is the one line shown by default.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextPane, k.Enter, k.Month, k.Report, k.Gaps, k.Reports, k.Filter, k.Import, k.Help, k.Quit}
}

// FullHelp is shown with ?.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Top, k.Bottom},
		{k.PageUp, k.PageDown, k.Enter, k.NextPane, k.PrevPane, k.Back},
		{k.PrevMonth, k.NextMonth, k.PrevReport, k.NextReport, k.Filter, k.Gaps},
		{k.Mark, k.Briefing, k.Meetings, k.Kolada, k.Economy, k.Reports},
		{k.Import, k.Reload, k.Help, k.Quit},
	}
}

// importKeys is the help shown on the import screen, by what it shows.
type importKeys struct {
	k     keyMap
	stage importStage
	ok    bool // the check found no errors: the import can be confirmed
	pnr   bool // masking matters: a personnummer was refused, or masking is on
}

func (i importKeys) ShortHelp() []key.Binding {
	k := i.k
	switch i.stage {
	case stagePick:
		return []key.Binding{k.Choose, k.UpFolder, k.ImportFolder, k.UndoImport, k.Back, k.Quit}
	case stageCheck, stageRun:
		return []key.Binding{k.CancelImport, k.Quit}
	case stageReport:
		var keys []key.Binding
		if i.ok {
			keys = append(keys, k.ImportConfirm)
		}
		if i.pnr {
			keys = append(keys, k.MaskPNR)
		}
		return append(keys, k.Down, k.PageDown, k.Back, k.Quit)
	}
	return []key.Binding{k.CloseImp, k.Down, k.PageDown, k.Quit}
}

func (i importKeys) FullHelp() [][]key.Binding {
	k := i.k
	move := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
	switch i.stage {
	case stagePick:
		return [][]key.Binding{move, {k.Choose, k.OpenFolder, k.UpFolder, k.ImportFolder}, {k.UndoImport, k.Back, k.Help, k.Quit}}
	case stageCheck, stageRun:
		return [][]key.Binding{{k.CancelImport, k.Help, k.Quit}}
	case stageReport:
		var keys []key.Binding
		if i.ok {
			keys = append(keys, k.ImportConfirm)
		}
		return [][]key.Binding{move, append(keys, k.MaskPNR, k.Back, k.Help, k.Quit)}
	}
	return [][]key.Binding{move, {k.CloseImp, k.Help, k.Quit}}
}
