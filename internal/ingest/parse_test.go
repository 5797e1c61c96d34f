package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, text string
		want       summarize.Article
	}{
		{
			name: "markdown heading",
			text: "# NATO ministers meet\n\nThe ministers met.\n",
			want: summarize.Article{Title: "NATO ministers meet", Body: "The ministers met.\n"},
		},
		{
			name: "markdown heading without blank line",
			text: "# NATO ministers meet\nThe ministers met.\n",
			want: summarize.Article{Title: "NATO ministers meet", Body: "The ministers met.\n"},
		},
		{
			name: "leading blank lines before heading",
			text: "\n  \n# Title\n\n\nBody.",
			want: summarize.Article{Title: "Title", Body: "Body."},
		},
		{
			name: "headline paragraph; the dateline's agency is the source",
			text: "Hegseth says talks are no betrayal\n\nBRUSSELS (AFP): He said so.\n\nMore.\n",
			want: summarize.Article{Title: "Hegseth says talks are no betrayal", Body: "BRUSSELS (AFP): He said so.\n\nMore.\n", Source: "AFP"},
		},
		{
			name: "headline ending in a quote",
			text: "Hegseth: talks are ‘not a betrayal’\n\nBody.",
			want: summarize.Article{Title: "Hegseth: talks are ‘not a betrayal’", Body: "Body."},
		},
		{
			name: "sentence is not a title",
			text: "The ministers met on Thursday.\n\nThey talked.",
			want: summarize.Article{Body: "The ministers met on Thursday.\n\nThey talked."},
		},
		{
			name: "sentence inside closing quote",
			text: "He said “no.”\n\nThey talked.",
			want: summarize.Article{Body: "He said “no.”\n\nThey talked."},
		},
		{
			name: "question",
			text: "Is peace near?\n\nThey talked.",
			want: summarize.Article{Body: "Is peace near?\n\nThey talked."},
		},
		{
			name: "dateline with colon",
			text: "BRUSSELS:\n\nThey talked.",
			want: summarize.Article{Body: "BRUSSELS:\n\nThey talked."},
		},
		{
			name: "ends in comma",
			text: "First of all,\n\nThey talked.",
			want: summarize.Article{Body: "First of all,\n\nThey talked."},
		},
		{
			name: "ends in em dash",
			text: "And then —\n\nThey talked.",
			want: summarize.Article{Body: "And then —\n\nThey talked."},
		},
		{
			name: "ends in hyphen",
			text: "Part one -\n\nThey talked.",
			want: summarize.Article{Body: "Part one -\n\nThey talked."},
		},
		{
			name: "opens with a quote",
			text: "“We stand with Kyiv”\n\nThey talked.",
			want: summarize.Article{Body: "“We stand with Kyiv”\n\nThey talked."},
		},
		{
			name: "two-line paragraph",
			text: "Line one\nline two\n\nThey talked.",
			want: summarize.Article{Body: "Line one\nline two\n\nThey talked."},
		},
		{
			name: "too many words",
			text: strings.Repeat("word ", 21) + "\n\nThey talked.",
			want: summarize.Article{Body: strings.Repeat("word ", 21) + "\n\nThey talked."},
		},
		{
			name: "twenty words",
			text: strings.Repeat("word ", 20) + "\n\nThey talked.",
			want: summarize.Article{Title: strings.TrimSpace(strings.Repeat("word ", 20)), Body: "They talked."},
		},
		{
			name: "nothing follows",
			text: "Hegseth says talks are no betrayal\n",
			want: summarize.Article{Body: "Hegseth says talks are no betrayal\n"},
		},
		{
			name: "only blank lines follow",
			text: "Hegseth says talks are no betrayal\n\n  \n",
			want: summarize.Article{Body: "Hegseth says talks are no betrayal\n\n  \n"},
		},
		{
			name: "hashtag is not a heading",
			text: "#NATO\n\nThey talked.",
			want: summarize.Article{Title: "#NATO", Body: "They talked."},
		},
		{
			name: "second-level heading is a headline paragraph",
			text: "## Section\n\nThey talked.",
			want: summarize.Article{Title: "## Section", Body: "They talked."},
		},
		{
			name: "leading blank lines removed from body",
			text: "\n\n  Indented first line.\n",
			want: summarize.Article{Body: "  Indented first line.\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want.Source == "" {
				tt.want.Source = "story.txt"
			}
			got := ParseText("dir/story.txt", tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseText(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
