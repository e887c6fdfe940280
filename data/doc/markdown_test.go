package doc_test

import (
	"reflect"
	"testing"

	"github.com/beredning/beredning/data/doc"
)

func TestFromMarkdown(t *testing.T) {
	src := "### Rubrik\n\nEn rad med **fet** och *kursiv*  \nny rad.\n\n##### Djup\n\n- ett\n- två\n\n| Konto | Budget |\n| --- | ---: |\n| Personal | 1 234,5 |\n| **Summa** | **9** |\n\n## Högre\n\n<script>x</script>\n"
	got := doc.FromMarkdown(src)
	want := []doc.Block{
		doc.Heading{Level: 1, Text: "Rubrik", Line: 1},
		doc.Paragraph{Line: 3, Spans: []doc.Span{{Text: "En rad med "}, {Text: "fet", Strong: true}, {Text: " och "}, {Text: "kursiv", Em: true, Break: true}, {Text: "ny rad."}}},
		doc.Heading{Level: 2, Text: "Djup", Line: 6},
		doc.List{Items: [][]doc.Span{{{Text: "ett"}}, {{Text: "två"}}}, Line: 8},
		doc.Table{Head: []string{"Konto", "Budget"}, Right: []bool{false, true}, Line: 11,
			Rows: [][]doc.Cell{{{Text: "Personal"}, {Text: "1 234,5"}}, {{Text: "Summa", Strong: true}, {Text: "9", Strong: true}}}},
		doc.Heading{Level: 1, Text: "Högre", Line: 16},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%#v\nwant\n%#v", got, want)
	}
}

// Texts names the source line of every piece of text, so a check can say
// where a personnummer stands.
func TestTextsLines(t *testing.T) {
	s := &doc.Section{Title: "Handling", Blocks: doc.FromMarkdown("Första raden  \nandra raden\n\n| a | b |\n| --- | --- |\n| x | y |\n| z | w |\n")}
	d := &doc.Doc{Title: "T", Sections: []*doc.Section{s}}
	lines := map[string]int{}
	for _, tx := range d.Texts() {
		lines[tx.Text] = tx.Line
	}
	for text, line := range map[string]int{"Första raden\n": 1, "andra raden": 2, "y": 6, "w": 7} {
		if lines[text] != line {
			t.Errorf("%q on line %d, want %d (all: %v)", text, lines[text], line, lines)
		}
	}
}

// Escapes and character references are resolved: the text is what the
// writer meant, and each writer escapes it again for its own format.
func TestFromMarkdownLiteralText(t *testing.T) {
	got := doc.FromMarkdown(`a\_b \* c & e &amp; f &#229;`)
	want := "a_b * c & e & f å"
	if p, ok := got[0].(doc.Paragraph); !ok || doc.Plain(p.Spans) != want {
		t.Errorf("got %#v, want %q", got, want)
	}
}
