package slackbot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// blockTexts is the text of every block in msgs, in order, with its block's
// type: "header", "section" or "context".
func blockTexts(t *testing.T, msgs []Message) [][2]string {
	t.Helper()
	var out [][2]string
	for _, m := range msgs {
		for _, b := range m.Blocks {
			switch b := b.(type) {
			case *slack.HeaderBlock:
				out = append(out, [2]string{"header", b.Text.Text})
			case *slack.SectionBlock:
				out = append(out, [2]string{"section", b.Text.Text})
			case *slack.ContextBlock:
				for _, e := range b.ContextElements.Elements {
					out = append(out, [2]string{"context", e.(*slack.TextBlockObject).Text})
				}
			default:
				t.Fatalf("unexpected block %T", b)
			}
		}
	}
	return out
}

func TestRenderLimits(t *testing.T) {
	m := bot.Message{
		Text:   strings.Repeat("All of it as plain text. ", 400),
		Title:  strings.Repeat("A very long title & more ", 12), // 300 characters
		URL:    "https://example.com/story?id=1&ref=rss",
		Footer: "Source: example.com · /brief 42",
	}
	m.Sections = append(m.Sections, bot.Section{Lines: []bot.Line{{Text: "The lede."}}})
	var quotes bot.Section
	quotes.Heading = "Quotes"
	for i := range 40 {
		quotes.Lines = append(quotes.Lines, bot.Line{
			Quote: true,
			Text:  fmt.Sprintf("quote%02d ", i) + strings.Repeat("words said at length ", 60+i*5),
			By:    fmt.Sprintf("Speaker %02d ", i) + strings.Repeat("Longname-Doubleбарrelled ", 8),
		})
	}
	// One quote longer than a whole section block.
	quotes.Lines = append(quotes.Lines, bot.Line{Quote: true, Text: "quoteXL " + strings.Repeat("on and on ", 700), By: "Talker"})
	m.Sections = append(m.Sections, quotes)

	msgs := Render(m)
	if len(msgs) < 2 {
		t.Fatalf("Render gave %d messages; want the quotes to run over into a second", len(msgs))
	}
	for i, msg := range msgs {
		if n := len(msg.Blocks); n > maxBlocks || n == 0 {
			t.Errorf("message %d has %d blocks; want 1 to %d", i, n, maxBlocks)
		}
		if n := length(msg.Text); n > 4000 || n == 0 {
			t.Errorf("message %d text is %d long; want 1 to 4000", i, n)
		}
		if _, err := json.Marshal(msg.Blocks); err != nil {
			t.Errorf("message %d blocks do not marshal: %v", i, err)
		}
	}
	var all strings.Builder
	for _, bt := range blockTexts(t, msgs) {
		kind, text := bt[0], bt[1]
		switch {
		case text == "":
			t.Errorf("empty %s block", kind)
		case kind == "header" && length(text) > maxHeader:
			t.Errorf("header is %d long; want ≤ %d", length(text), maxHeader)
		case kind == "section" && length(text) > maxSection:
			t.Errorf("section is %d long; want ≤ %d", length(text), maxSection)
		case kind == "context" && length(text) > maxContext:
			t.Errorf("context is %d long; want ≤ %d", length(text), maxContext)
		}
		all.WriteString(text + " ")
	}
	if h := blockTexts(t, msgs[:1])[0]; h[0] != "header" || !strings.HasSuffix(h[1], "…") {
		t.Errorf("first block = %q; want the header, truncated with …", h)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	got := squash(all.String())
	for _, q := range quotes.Lines {
		if !strings.Contains(got, squash(escape(q.Text))) {
			t.Errorf("quote %.10q… is missing from the rendered messages", q.Text)
		}
		if !strings.Contains(got, squash(escape(q.By))) {
			t.Errorf("speaker %.20q… is missing from the rendered messages", q.By)
		}
	}
	if !strings.Contains(got, "<https://example.com/story?id=1&amp;ref=rss|Source>") {
		t.Errorf("rendered messages lack the link to the article")
	}
}

func TestRenderEscapes(t *testing.T) {
	evil := "<!channel> <@U123> <https://evil|click> & *bold*"
	m := bot.Message{
		Text:     "Title\n" + evil,
		Title:    "Title <!here>",
		URL:      "https://example.com/a?b=1&c=<x>|y",
		Sections: []bot.Section{{Heading: "Lede <!here>", Lines: []bot.Line{{Text: evil}, {Text: evil, Quote: true, By: "<@U999>"}, {Text: "> quoted?"}}}},
		Footer:   "Source: <!everyone>",
	}
	msgs := Render(m)
	got := blockTexts(t, msgs)
	want := [][2]string{
		{"header", "Title <!here>"}, // plain_text: shown as typed, never parsed
		{"section", "*Lede &lt;!here&gt;*\n" +
			"&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp; ∗bold∗\n" +
			"> “&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp; ∗bold∗” — &lt;@U999&gt;\n" +
			"› quoted?"},
		{"context", "Source: &lt;!everyone&gt; · <https://example.com/a?b=1&amp;c=&lt;x&gt;%7Cy|Source>"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Render(%q) blocks differ (-want +got):\n%s", evil, diff)
	}
	if want := "Title\n" + escape(evil); msgs[0].Text != want {
		t.Errorf("Render fallback = %q; want %q", msgs[0].Text, want)
	}
	if strings.ContainsAny(msgs[0].Text, "<>") {
		t.Errorf("fallback %q keeps < or >", msgs[0].Text)
	}
	for _, b := range msgs[0].Blocks {
		if s, ok := b.(*slack.SectionBlock); ok && !s.Text.Verbatim {
			t.Errorf("section %q is not verbatim; Slack would link names in it", s.Text.Text)
		}
	}
}

func TestRenderNotALink(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "example.com/x", "https://a b.com", "ftp://x.org/f"} {
		got := blockTexts(t, Render(bot.Message{Text: "t", Title: "t", URL: u}))
		last := got[len(got)-1]
		if strings.Contains(last[1], "<") {
			t.Errorf("Render with URL %q made a link: %q", u, last[1])
		}
	}
}

func TestRenderTextOnly(t *testing.T) {
	msgs := Render(bot.Message{Text: "Digest: nothing new since Monday.\n\nSee you."})
	want := [][2]string{{"section", "Digest: nothing new since Monday.\nSee you."}}
	if diff := cmp.Diff(want, blockTexts(t, msgs)); diff != "" {
		t.Errorf("Render(text only) differs (-want +got):\n%s", diff)
	}
}

func TestEscape(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a & b", "a &amp; b"},
		{"<!here>", "&lt;!here&gt;"},
		{"*bold* _it_ ~strike~ `code`", "∗bold∗ ＿it＿ ∼strike∼ ˋcodeˋ"},
		{"snake_case and https://x.org/a_b", "snake_case and https://x.org/a_b"},
		{"__init__", "＿＿init＿＿"},
		{"5*3", "5∗3"},
		{"plain text, “quoted” — said", "plain text, “quoted” — said"},
	} {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitKeepsEntities(t *testing.T) {
	// "&amp;" × 1000 and no spaces, so that a cut at 3000 falls inside one.
	s := "xx" + escape(strings.Repeat("&", 1000))
	parts := split(s, 3000)
	for i, p := range parts {
		if length(p) > 3000 || !strings.HasSuffix(p, ";") || (i > 0 && !strings.HasPrefix(p, "&")) {
			t.Errorf("split cut an entity: part of %d ends %q", length(p), p[max(0, len(p)-6):])
		}
	}
	if got := strings.Join(parts, ""); got != s {
		t.Errorf("split lost text: %d bytes; want %d", len(got), len(s))
	}
}

// TestRenderQuotesInThread puts a section marked Thread, a long briefing's
// quotes, in a reply, and says so in the message.
func TestRenderQuotesInThread(t *testing.T) {
	m := bot.Message{
		Title: "Harbour reopens",
		Sections: []bot.Section{
			{Lines: []bot.Line{{Text: "The port reopens on Monday."}}},
			{Heading: "Quotes", Thread: true, Lines: []bot.Line{
				{Text: "The storm was lighter than we feared.", Quote: true, By: "Ian Clarke"},
				{Text: "Fees stay as they are.", Quote: true, By: "the harbour board"},
			}},
		},
		Footer: "Source: harbour.txt",
	}
	msgs := Render(m)
	if len(msgs) != 2 {
		t.Fatalf("Render gave %d messages; want the briefing and one reply", len(msgs))
	}
	main, reply := blocksJSON(t, msgs[0].Blocks), blocksJSON(t, msgs[1].Blocks)
	if strings.Contains(main, "lighter than we feared") || !strings.Contains(main, "More in the thread: quotes.") ||
		!strings.Contains(main, "The port reopens") || !strings.Contains(main, "Source: harbour.txt") {
		t.Errorf("first message = %s; want the lede, the footer and a note, not the quotes", main)
	}
	if !strings.Contains(reply, "lighter than we feared") || !strings.Contains(reply, "Fees stay as they are") {
		t.Errorf("reply = %s; want the quotes", reply)
	}
}

func blocksJSON(t *testing.T, blocks []slack.Block) string {
	t.Helper()
	b, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
