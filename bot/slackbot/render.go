// Package slackbot is the Slack platform: briefings rendered as Block Kit
// and posted with chat.postMessage, and slash commands answered over Socket
// Mode or signed HTTP requests.
package slackbot

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Slack's limits on a message, counted as Slack counts them (UTF-16 units,
// which is never fewer than characters).
const (
	maxHeader    = 150
	maxSection   = 3000
	maxContext   = 2000
	maxBlocks    = 50
	maxFallback  = 3900 // Slack advises keeping text under 4,000 characters
	moreMessages = " (continued)"
)

// Message is one Slack message: Blocks to show and Text as the notification
// and fallback. Both are escaped already and within Slack's limits.
type Message struct {
	Text   string
	Blocks []slack.Block
}

// Render lays m out as Block Kit: a header with the title, a section block
// per section (long ones split across blocks), and a context block with
// the footer and a link to the article. A message too long for Slack's 50
// blocks is split: the caller posts the first message in the channel and
// the rest as replies in its thread. Render never returns an empty slice.
//
// Every piece of article text is escaped (see escape), so no article can
// mention anyone, notify a channel, link anywhere or format text; the only
// link is the message's own URL, and the only formatting is Render's own
// (bold headings, quotes).
func Render(m bot.Message) []Message {
	var body []slack.Block
	sections := m.Sections
	if len(sections) == 0 && strings.TrimSpace(m.Text) != "" {
		// A message with no parts, such as a one-line notice, shows its text.
		var lines []bot.Line
		for l := range strings.SplitSeq(m.Text, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, bot.Line{Text: l})
			}
		}
		sections = []bot.Section{{Lines: lines}}
	}
	// Sections marked Thread go in the thread, after anything of the
	// message itself that did not fit in it.
	var thread []slack.Block
	var threaded []string
	for _, s := range sections {
		if s.Thread {
			thread = append(thread, sectionBlocks(s)...)
			threaded = append(threaded, strings.ToLower(oneLine(s.Heading)))
			continue
		}
		body = append(body, sectionBlocks(s)...)
	}
	if len(threaded) > 0 {
		note := "More in the thread: " + escape(strings.Join(threaded, ", ")) + "."
		body = append(body, slack.NewContextBlock("", mrkdwn(note)))
	}
	ctx := contextBlock(m)

	title := strings.TrimSpace(oneLine(m.Title))
	var first []slack.Block
	if title != "" {
		first = append(first, slack.NewHeaderBlock(plain(truncate(title, maxHeader))))
	}
	room := maxBlocks - len(first)
	if ctx != nil {
		room--
	}
	n := min(room, len(body))
	first = append(first, body[:n]...)
	if ctx != nil {
		first = append(first, ctx)
	}
	fallback := m.Text
	if strings.TrimSpace(fallback) == "" {
		fallback = m.Title
	}
	msgs := []Message{{Text: truncate(escape(fallback), maxFallback), Blocks: first}}
	for rest := append(body[n:], thread...); len(rest) > 0; {
		n := min(maxBlocks, len(rest))
		text := title
		if text == "" {
			text = "Briefing"
		}
		msgs = append(msgs, Message{
			Text:   truncate(escape(text), maxFallback-len(moreMessages)) + moreMessages,
			Blocks: rest[:n],
		})
		rest = rest[n:]
	}
	return msgs
}

// sectionBlocks renders a section as mrkdwn section blocks: its heading in
// bold, then its lines, as many lines to a block as fit.
func sectionBlocks(s bot.Section) []slack.Block {
	var lines []string
	if h := strings.TrimSpace(oneLine(s.Heading)); h != "" {
		lines = append(lines, "*"+escape(truncate(h, 200))+"*")
	}
	for _, l := range s.Lines {
		if line := renderLine(l); line != "" {
			lines = append(lines, line)
		}
	}
	var blocks []slack.Block
	for _, c := range chunk(lines, maxSection) {
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn(c), nil, nil))
	}
	return blocks
}

// renderLine renders a line as mrkdwn: a quote as `> “…” — By`, a position
// as `text — By`.
func renderLine(l bot.Line) string {
	text := strings.TrimSpace(oneLine(l.Text))
	by := strings.TrimSpace(oneLine(l.By))
	if text == "" {
		return ""
	}
	var b strings.Builder
	if l.Quote {
		b.WriteString("> “" + escape(text) + "”")
	} else {
		t := escape(text)
		// An article's own ">" at the start of a line would make a
		// blockquote: Slack reads "&gt;" there as ">".
		if strings.HasPrefix(t, "&gt;") {
			t = "›" + strings.TrimPrefix(t, "&gt;")
		}
		b.WriteString(t)
	}
	if by != "" {
		b.WriteString(" — " + escape(by))
	}
	return b.String()
}

// contextBlock is the footer and the link to the article, or nil if the
// message has neither.
func contextBlock(m bot.Message) *slack.ContextBlock {
	var parts []string
	if f := strings.TrimSpace(oneLine(m.Footer)); f != "" {
		parts = append(parts, escape(truncate(f, maxContext-100)))
	}
	if link := linkTo(m.URL); link != "" {
		parts = append(parts, link)
	} else if u := strings.TrimSpace(oneLine(m.URL)); u != "" {
		parts = append(parts, escape(truncate(u, 500)))
	}
	if len(parts) == 0 {
		return nil
	}
	return slack.NewContextBlock("", mrkdwn(strings.Join(parts, " · ")))
}

// linkTo is a mrkdwn link `<url|Source>` to an http or https URL, or "" for
// anything else. The characters that would end the link early are
// escaped: "&", "<" and ">" as entities (which Slack decodes), "|" as %7C.
func linkTo(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(raw) > 2000 {
		return ""
	}
	if strings.ContainsFunc(raw, unicode.IsSpace) {
		return ""
	}
	s := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "%7C").Replace(u.String())
	return "<" + s + "|Source>"
}

// escape makes text inert in mrkdwn. "&", "<" and ">" become entities, as
// Slack asks, so text can neither mention (<@U123>, <!channel>, <!here>) nor
// link (<https://…|…>). The formatting characters become look-alikes that
// Slack does not format with: "*" → "∗", "~" → "∼", "`" → "ˋ", and "_" →
// "＿" except between two letters or digits (snake_case and URLs, which
// Slack never italicises). A zero-width space next to them is not used:
// Slack reads it as a word boundary, which is how people force formatting
// mid-word, so it does not reliably stop it.
func escape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '*':
			b.WriteRune('∗')
		case '~':
			b.WriteRune('∼')
		case '`':
			b.WriteRune('ˋ')
		case '_':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if isWord(prev) && isWord(next) {
				b.WriteRune('_')
			} else {
				b.WriteRune('＿')
			}
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// oneLine folds runs of white space, new lines included, into one space:
// an article's new line must not start a blockquote or a list.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// length is the length of s as Slack counts it.
func length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// truncate shortens s to at most max (as length counts), ending it with
// "…" if it was cut.
func truncate(s string, max int) string {
	if length(s) <= max {
		return s
	}
	n := 0
	for i, r := range s {
		if n+utf16.RuneLen(r) > max-1 {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace) + "…"
		}
		n += utf16.RuneLen(r)
	}
	return s
}

// split cuts escaped mrkdwn into pieces of at most max, at spaces where it
// can, and never inside an entity such as "&amp;".
func split(s string, max int) []string {
	var parts []string
	for length(s) > max {
		// Find the byte offset of the longest prefix within max.
		cut, n := 0, 0
		for i, r := range s {
			if n+utf16.RuneLen(r) > max {
				cut = i
				break
			}
			n += utf16.RuneLen(r)
		}
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
			cut = sp
		} else if amp := strings.LastIndexByte(s[:cut], '&'); amp >= 0 && amp > cut-5 && !strings.Contains(s[amp:cut], ";") {
			cut = amp
		}
		parts = append(parts, strings.TrimRight(s[:cut], " "))
		s = strings.TrimLeft(s[cut:], " ")
	}
	if s != "" {
		parts = append(parts, s)
	}
	return parts
}

func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
}

// mrkdwn is a mrkdwn text object marked verbatim, so that Slack does not
// turn bare URLs, channel names or @names in it into links or mentions.
func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
}
