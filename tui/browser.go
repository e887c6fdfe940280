package tui

import (
	"path/filepath"
	"strings"

	"github.com/beredning/beredning/data/ingest"
	"github.com/beredning/beredning/data/lang"
)

// browser is the import screen's folder browser: the folder shown, with a
// row that chooses the whole folder, one that goes up, its subfolders and
// the files an import reads. Other files are counted, not listed.
//
// It is a plain struct rather than the bubbles filepicker, which cannot
// hide the files an import does not read (it greys them), cannot offer a
// folder and filter files at once (with DirAllowed a folder is a "disabled
// file" when AllowedTypes is set), and stats files in its View and Update;
// here the folder is read by a command (listDir) and View draws only what
// the message brought.
type browser struct {
	dir     string // the folder shown (absolute)
	asked   string // a folder asked for and not yet listed; "" when none
	listed  bool   // dir's listing has arrived
	entries []dirEntry
	others  int
	err     error
	cursor  int
	offset  int
	// after going up, the cursor goes to the folder one came from
	from string
	// root, when set, is the top: no parent is offered above it
	root string
}

// browserRow is what a row of the browser stands for.
type browserRow int

const (
	rowWholeFolder browserRow = iota
	rowParent
	rowEntry
)

// hasParent tells whether the folder shown has one above it.
func (b *browser) hasParent() bool {
	return filepath.Dir(b.dir) != b.dir && (b.root == "" || filepath.Clean(b.dir) != filepath.Clean(b.root))
}

// fixedRows is the number of rows above the entries.
func (b *browser) fixedRows() int {
	if b.hasParent() {
		return 2
	}
	return 1
}

func (b *browser) rowCount() int { return b.fixedRows() + len(b.entries) }

// row tells what row i is, and its entry when it is one.
func (b *browser) row(i int) (browserRow, dirEntry) {
	switch {
	case i == 0:
		return rowWholeFolder, dirEntry{}
	case i == 1 && b.hasParent():
		return rowParent, dirEntry{}
	}
	return rowEntry, b.entries[i-b.fixedRows()]
}

// ask records that dir is being read; its listing replaces the one shown
// when it arrives.
func (b *browser) ask(dir string) { b.asked = dir }

// gotListing shows a folder's listing, if it is the one asked for. The
// cursor starts on the first entry (a file is what one usually picks), or
// on the folder one came up from.
func (b *browser) gotListing(msg dirListingMsg) bool {
	if msg.dir != b.asked {
		return false // a folder left before it was read
	}
	b.dir, b.asked, b.listed = msg.dir, "", true
	b.entries, b.others, b.err = msg.entries, msg.others, msg.err
	b.cursor, b.offset = min(b.fixedRows(), b.rowCount()-1), 0
	for i, e := range b.entries {
		if e.dir && e.name == b.from {
			b.cursor = b.fixedRows() + i
		}
	}
	b.from = ""
	return true
}

func (b *browser) move(d, visible int) {
	b.cursor = clamp(b.cursor+d, 0, max(b.rowCount()-1, 0))
	b.offset = followCursor(b.cursor, b.offset, max(visible, 1))
}

// up is the folder above, remembering where one came from.
func (b *browser) up() string {
	b.from = filepath.Base(b.dir)
	return filepath.Dir(b.dir)
}

// browserView draws a browser for a frame.
type browserView struct {
	th   *Theme
	l    lang.Lang
	b    *browser
	path func(string) string // how a folder is shown
}

// browserRows is how many rows of the list show in h lines: one line is
// the title, two the note under the list when there is room for it.
func browserRows(h int) int {
	if h >= browserNoteFrom {
		return h - 3
	}
	return max(h-1, 1)
}

// browserNoteFrom is the height from which the note under the list shows.
const browserNoteFrom = 9

func (v browserView) Render(w, h int) string {
	th, l, b := v.th, v.l, v.b
	lines := make([]string, 0, h)
	lines = append(lines, " "+th.Strong.Paint(l.T("board.import.title"))+th.Subtle.Paint(" · "+cutLeft(clean(v.path(b.dir)), max(w-width(l.T("board.import.title"))-4, 8))))
	listH := browserRows(h)
	if !b.listed {
		lines = append(lines, " "+th.Faint.Paint(l.T("board.loading")))
		return block(lines, w, h)
	}
	off := clamp(b.offset, 0, max(b.rowCount()-listH, 0))
	sizeW := 0
	for _, e := range b.entries {
		if !e.dir {
			sizeW = max(sizeW, width(sizeText(e.size)))
		}
	}
	for i := off; i < b.rowCount() && i < off+listH; i++ {
		kind, e := b.row(i)
		var s string
		switch {
		case kind == rowWholeFolder:
			s = "  " + th.Accent.Paint(l.T("board.import.whole_folder"))
		case kind == rowParent:
			s = "  " + th.Subtle.Paint(l.T("board.import.parent"))
		case e.dir:
			s = "  ▸ " + th.Strong.Paint(clean(e.name)+string(filepath.Separator))
		default:
			size := sizeText(e.size)
			nameW := max(w-4-sizeW-2, 1)
			s = "    " + fit(clean(e.name), nameW) + " " + th.Faint.Paint(right(size, sizeW))
		}
		s = fit(s, w)
		if i == b.cursor {
			s = th.Selected.Over("▌" + s[1:])
		}
		lines = append(lines, s)
	}
	switch {
	case b.err != nil:
		lines = append(lines, " "+th.Error.Paint(trunc(l.T("board.import.folder_error", l.Err(b.err)), w-1)))
	case len(b.entries) == 0:
		lines = append(lines, " "+th.Faint.Paint(l.T("board.import.empty")))
	}
	if h >= browserNoteFrom && len(lines) < h {
		note := l.T("board.import.shows", strings.Join(ingest.Extensions(), " "))
		if b.others > 0 {
			note += " " + l.T("board.import.others", lang.Int(int64(b.others)))
		}
		wrapped := wrapLines(note, max(w-2, 1), 2)
		for len(lines)+len(wrapped) < h {
			lines = append(lines, "")
		}
		for _, s := range wrapped {
			lines = append(lines, " "+th.Faint.Paint(s))
		}
	}
	return block(lines, w, h)
}

// cutLeft keeps the end of a path that does not fit: "…/underlag/2026".
func cutLeft(s string, w int) string {
	if width(s) <= w {
		return s
	}
	if w <= 1 {
		return trunc(s, w)
	}
	return ellipsis + truncLeft(s, width(s)-(w-1))
}

// sizeText is a file size for people: "512 B", "12 kB", "3,4 MB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return lang.Number(float64(n)/(1<<30), 1) + " GB"
	case n >= 10<<20:
		return lang.Number(float64(n)/(1<<20), 0) + " MB"
	case n >= 1<<20:
		return lang.Number(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return lang.Number(float64(n)/(1<<10), 0) + " kB"
	}
	return lang.Int(n) + " B"
}
