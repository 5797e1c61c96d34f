package bot

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

var briefing = summarize.Briefing{
	Title: "NATO allies want a seat at the table",
	Lede:  "US Secretary of Defense Pete Hegseth said the talks were\n“certainly not a betrayal” of Kyiv.",
	Actors: []summarize.Actor{
		{Name: "Pete Hegseth", Role: "US Secretary of Defense", Kind: summarize.Person},
		{Name: "Boris Pistorius", Role: "Germany's defense minister", Kind: summarize.Person},
		{Name: "NATO", Kind: summarize.Organisation},
		{Name: "foreign ministers", Role: "of key European powers", Kind: summarize.Group},
	},
	Positions: []summarize.Position{
		{Actor: "Pete Hegseth", Text: "it was not realistic for Ukraine to regain all its land"},
		{Actor: "Boris Pistorius", Text: "it was “regrettable”"},
		{Actor: "Pete Hegseth", Text: "Europe must now start providing the *overwhelming share* of aid"},
		{Text: "there should be no decisions taken on Ukraine's future without Kyiv"},
	},
	Quotes: []summarize.Quote{
		{Text: "There is no betrayal there.", Speaker: "Pete Hegseth", Role: "US Secretary of Defense"},
		{Text: "enduring,", Speaker: "Mark Rutte", Partial: true},
		{Text: "Ukraine and Europe must be part of any negotiations.", Speaker: "foreign ministers", Role: "of key European powers"},
		{Text: "No comment."},
	},
	Topics: []string{"NATO", "Ukraine"},
}

func TestWriteText(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, briefing, "seed-afp-nato.txt"); err != nil {
		t.Fatalf("WriteText = %v; want nil", err)
	}
	want := `NATO allies want a seat at the table

US Secretary of Defense Pete Hegseth said the talks were “certainly not a betrayal” of Kyiv.

Who's who
- Pete Hegseth — US Secretary of Defense
- Boris Pistorius — Germany's defense minister
- NATO (organisation)
- foreign ministers — of key European powers (group)

Key positions
Pete Hegseth
  - it was not realistic for Ukraine to regain all its land
  - Europe must now start providing the *overwhelming share* of aid
Boris Pistorius
  - it was “regrettable”
unattributed
  - there should be no decisions taken on Ukraine's future without Kyiv

Quotes
- “There is no betrayal there.” — Pete Hegseth, US Secretary of Defense
- “enduring,” — Mark Rutte
- “Ukraine and Europe must be part of any negotiations.” — foreign ministers, of key European powers
- “No comment.” — unattributed

Source: seed-afp-nato.txt
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteText mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, briefing, "seed_afp_nato.txt"); err != nil {
		t.Fatalf("WriteMarkdown = %v; want nil", err)
	}
	want := `# NATO allies want a seat at the table

US Secretary of Defense Pete Hegseth said the talks were “certainly not a betrayal” of Kyiv.

## Who's who

- **Pete Hegseth** — US Secretary of Defense
- **Boris Pistorius** — Germany's defense minister
- **NATO** (organisation)
- **foreign ministers** — of key European powers (group)

## Key positions

**Pete Hegseth**

- it was not realistic for Ukraine to regain all its land
- Europe must now start providing the \*overwhelming share\* of aid

**Boris Pistorius**

- it was “regrettable”

**unattributed**

- there should be no decisions taken on Ukraine's future without Kyiv

## Quotes

> “There is no betrayal there.” — **Pete Hegseth**, US Secretary of Defense

> “enduring,” — **Mark Rutte**

> “Ukraine and Europe must be part of any negotiations.” — **foreign ministers**, of key European powers

> “No comment.” — unattributed

Source: seed\_afp\_nato.txt
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteMarkdown mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteEmpty(t *testing.T) {
	tests := []struct {
		name   string
		write  func(*bytes.Buffer, summarize.Briefing, string) error
		source string
		want   string
	}{
		{"text", writeText, "story.txt", "story.txt\n\nSource: story.txt\n"},
		{"text without source", writeText, "", "Untitled briefing\n"},
		{"markdown", writeMarkdown, "story.md", "# story.md\n\nSource: story.md\n"},
		{"markdown without source", writeMarkdown, "", "# Untitled briefing\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, summarize.Briefing{}, tt.source); err != nil {
				t.Fatalf("writing empty briefing = %v; want nil", err)
			}
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("writing empty briefing mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func writeText(b *bytes.Buffer, br summarize.Briefing, source string) error {
	return WriteText(b, br, source)
}

func writeMarkdown(b *bytes.Buffer, br summarize.Briefing, source string) error {
	return WriteMarkdown(b, br, source)
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, U.S. style!", "plain text, U.S. style!"},
		{"*bold* _em_ `code`", `\*bold\* \_em\_ \` + "`code\\`"},
		{"[link](http://x) and ![img](y)", `\[link\](http://x) and !\[img\](y)`},
		{"<b>html</b> a > b", `\<b\>html\</b\> a \> b`},
		{`back\slash ~~strike~~`, `back\\slash \~\~strike\~\~`},
		{"# not a heading", `\# not a heading`},
		{"> not a quote", `\> not a quote`},
		{"- not a list", `\- not a list`},
		{"+ not a list", `\+ not a list`},
		{"= not a rule", `\= not a rule`},
		{"2022. Not a list", `2022\. Not a list`},
		{"3) not a list", `3\) not a list`},
		{"2022 was a year", "2022 was a year"},
		{"1.5 percent", "1.5 percent"},
		{"1.", `1\.`},
		{"C# and F#", "C# and F#"},
		{"two\nlines  here", "two lines here"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	if err := WriteText(failingWriter{}, briefing, "x"); err == nil {
		t.Error("WriteText(failing writer) = nil; want error")
	}
	if err := WriteMarkdown(failingWriter{}, briefing, "x"); err == nil {
		t.Error("WriteMarkdown(failing writer) = nil; want error")
	}
}
