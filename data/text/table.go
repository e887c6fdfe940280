package text

import (
	"io"
	"strings"
)

// Table lines up rows of cells in columns two spaces apart, measured with
// Width, so names with å, emoji or other wide characters line up as the
// terminal draws them (text/tabwriter counts runes). Every cell passes
// Public on its way out. A column listed in right is aligned right; the
// last column is not padded.
type Table struct {
	rows  [][]string
	right map[int]bool
}

// NewTable starts a table whose columns at the given indexes align right.
func NewTable(right ...int) *Table {
	t := &Table{right: map[int]bool{}}
	for _, c := range right {
		t.right[c] = true
	}
	return t
}

// Row adds a row.
func (t *Table) Row(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = Public(c)
	}
	t.rows = append(t.rows, row)
}

// Write writes the rows, each line after indent, and empties the table.
func (t *Table) Write(w io.Writer, indent string) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		b.WriteString(indent)
		for i, c := range r {
			last := i == len(r)-1
			switch {
			case t.right[i]:
				b.WriteString(PadLeft(c, widths[i]))
			case last:
				b.WriteString(c)
			default:
				b.WriteString(Pad(c, widths[i]))
			}
			if !last {
				b.WriteString("  ")
			}
		}
		b.WriteString("\n")
	}
	t.rows = nil
	_, err := io.WriteString(w, b.String())
	return err
}
