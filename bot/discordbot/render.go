// Package discordbot is the Discord platform: briefings posted as embeds
// through discordgo, and the bot's commands answered as application
// (slash) commands, from the gateway or from an HTTP interactions endpoint.
package discordbot

import (
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Discord's limits on what one message may hold. Discord counts
// characters; size counts UTF-16 units, which is never fewer, so a part
// within these by size is within them by Discord's count.
const (
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxMessageChars = 6000
	maxEmbeds       = 10
	maxContent      = 2000
)

// zwsp is a zero-width space. Put after "@" (and in "<#", "</") it keeps
// text from looking like a mention: "@everyone" stays "@everyone" on the
// screen but no longer reads as one, to Discord or to the reader's client.
const zwsp = "\u200b"

// size is the length of s as Discord counts it, or a little more.
func size(s string) int {
	n := 0
	for _, r := range s { // invalid UTF-8 ranges as U+FFFD, one unit
		n += utf16.RuneLen(r)
	}
	return n
}

// Escape makes article text inert in Discord markdown: formatting
// characters and masked-link brackets are backslash-escaped, block quotes,
// headings and list markers at the start of a line are escaped, and
// mentions are broken with a zero-width space after "@" ("@everyone",
// "<@123>", "<@&123>") and inside "<#123>" and "</cmd:1>", so that the text
// neither pings (allowed_mentions is empty anyway) nor looks as if it did.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		escapeLine(&b, line)
	}
	return b.String()
}

func escapeLine(b *strings.Builder, line string) {
	// What opens a block at the start of a line, after any indentation.
	rest := strings.TrimLeft(line, " \t")
	b.WriteString(line[:len(line)-len(rest)])
	line = rest
	switch {
	case strings.HasPrefix(line, ">"), strings.HasPrefix(line, "#"),
		strings.HasPrefix(line, "-"), strings.HasPrefix(line, "+"):
		b.WriteByte('\\')
	default:
		// "1. " starts an ordered list.
		digits := strings.TrimLeftFunc(line, unicode.IsDigit)
		if len(digits) < len(line) && strings.HasPrefix(digits, ". ") {
			b.WriteString(line[:len(line)-len(digits)])
			b.WriteByte('\\')
			line = digits
		}
	}
	for i, r := range line {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '@':
			b.WriteString("@" + zwsp)
		case '<':
			b.WriteRune(r)
			if next := line[i+1:]; strings.HasPrefix(next, "#") || strings.HasPrefix(next, "/") {
				b.WriteString(zwsp)
			}
		default:
			b.WriteRune(r)
		}
	}
}

// Render lays m out as Discord messages with embeds, each within every
// limit Discord sets; what does not fit in one message goes on in the
// next, so nothing is dropped. The title heads the first embed, linked to
// m.URL when that is a web address; an untitled first section is its
// description; every other section becomes fields under its heading, quotes
// as "> “…” — Speaker" lines; the footer closes the last embed. A message
// with neither title nor sections is rendered from its Text.
//
// The parts carry no allowed mentions, nonce or flags: Post adds them.
func Render(m bot.Message) []*discordgo.MessageSend {
	r := &renderer{}
	sections := m.Sections
	if m.Title == "" && len(sections) == 0 && strings.TrimSpace(m.Text) != "" {
		var lines []bot.Line
		for l := range strings.SplitSeq(strings.TrimSpace(m.Text), "\n") {
			lines = append(lines, bot.Line{Text: l})
		}
		sections = []bot.Section{{Lines: lines}}
	}

	var desc []string
	if title := Escape(oneLine(m.Title)); title != "" {
		e := r.newEmbed(0)
		if size(title) > maxTitle {
			// The whole title opens the description rather than being cut.
			desc = append(desc, "**"+title+"**")
			title = truncate(title, maxTitle)
		}
		e.Title = title
		r.chars += size(title)
		if isWebURL(m.URL) {
			e.URL = m.URL
		}
	}
	if len(sections) > 0 && sections[0].Heading == "" {
		desc = append(desc, renderLines(sections[0].Lines)...)
		sections = sections[1:]
	}
	r.description(desc)
	for _, s := range sections {
		r.fields(s)
	}
	r.footer(Escape(m.Footer))
	if len(r.msgs) == 0 {
		return nil
	}
	return r.msgs
}

// renderer builds the parts one embed at a time.
type renderer struct {
	msgs  []*discordgo.MessageSend
	chars int // in the embeds of the last message
}

// cur is the embed being filled, or nil.
func (r *renderer) cur() *discordgo.MessageEmbed {
	if len(r.msgs) == 0 {
		return nil
	}
	es := r.msgs[len(r.msgs)-1].Embeds
	return es[len(es)-1]
}

// embed returns the embed to add n characters to: the current one if they
// fit in its message, else a new one, in a new message when the current
// message is full.
func (r *renderer) embed(n int) *discordgo.MessageEmbed {
	if e := r.cur(); e != nil && r.chars+n <= maxMessageChars {
		return e
	}
	return r.newEmbed(n)
}

// newEmbed starts an embed, in the current message if n more characters
// and one more embed fit there.
func (r *renderer) newEmbed(n int) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich}
	if len(r.msgs) > 0 {
		last := r.msgs[len(r.msgs)-1]
		if len(last.Embeds) < maxEmbeds && r.chars+n <= maxMessageChars {
			last.Embeds = append(last.Embeds, e)
			return e
		}
	}
	r.msgs = append(r.msgs, &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{e}})
	r.chars = 0
	return e
}

// description adds lines to descriptions: the current embed's while it has
// no fields, then further embeds'.
func (r *renderer) description(lines []string) {
	for _, chunk := range pack(lines, maxDescription) {
		e := r.cur()
		n := size(chunk)
		if e != nil && e.Description != "" {
			n++ // the newline joining it on
		}
		if e == nil || len(e.Fields) > 0 || e.Footer != nil ||
			size(e.Description)+n > maxDescription || r.chars+n > maxMessageChars {
			n = size(chunk)
			e = r.newEmbed(n)
		}
		if e.Description != "" {
			e.Description += "\n"
		}
		e.Description += chunk
		r.chars += n
	}
}

// fields adds a section as fields under its heading, continued fields
// named "(cont.)".
func (r *renderer) fields(s bot.Section) {
	name := Escape(oneLine(s.Heading))
	lines := renderLines(s.Lines)
	if size(name) > maxFieldName {
		lines = append([]string{"**" + name + "**"}, lines...)
		name = truncate(name, maxFieldName)
	}
	if name == "" {
		name = zwsp
	}
	cont := truncate(name, maxFieldName-len(" (cont.)")) + " (cont.)"
	values := pack(lines, maxFieldValue)
	if len(values) == 0 {
		values = []string{zwsp}
	}
	for i, v := range values {
		n := name
		if i > 0 {
			n = cont
		}
		need := size(n) + size(v)
		e := r.cur()
		if e == nil || len(e.Fields) >= maxFields || e.Footer != nil || r.chars+need > maxMessageChars {
			e = r.newEmbed(need)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: n, Value: v})
		r.chars += need
	}
}

// footer closes the last embed with text, or adds it as description when
// it is longer than a footer may be.
func (r *renderer) footer(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if size(text) > maxFooter {
		r.description(strings.Split(text, "\n"))
		return
	}
	e := r.embed(size(text))
	if e.Footer != nil {
		e = r.newEmbed(size(text))
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: text}
	r.chars += size(text)
}

// renderLines escapes a section's lines, quotes as block quotes.
func renderLines(lines []bot.Line) []string {
	var out []string
	for _, l := range lines {
		if !l.Quote {
			t := strings.TrimRight(l.Text, " \n")
			if t == "" {
				continue
			}
			line := Escape(t)
			// A position says whose it is, as the quotes do.
			if by := oneLine(l.By); by != "" {
				line += " — " + Escape(by)
			}
			out = append(out, line)
			continue
		}
		line := "> “" + Escape(oneLine(l.Text)) + "”"
		if by := oneLine(l.By); by != "" {
			line += " — " + Escape(by)
		}
		out = append(out, line)
	}
	return out
}

// pack joins lines with newlines into chunks of at most max, splitting a
// line that alone is longer.
func pack(lines []string, max int) []string {
	var chunks []string
	var cur strings.Builder
	n, pieces := 0, 0
	flush := func() {
		if s := strings.Trim(cur.String(), "\n"); s != "" {
			chunks = append(chunks, s)
		}
		cur.Reset()
		n, pieces = 0, 0
	}
	for _, line := range lines {
		for _, piece := range split(line, max) {
			m := size(piece)
			if pieces > 0 && n+1+m > max {
				flush()
			}
			if pieces > 0 {
				cur.WriteByte('\n')
				n++
			}
			cur.WriteString(piece)
			n += m
			pieces++
		}
	}
	flush()
	return chunks
}

// split cuts s into pieces of at most max, at a space where there is one,
// never inside a backslash escape or just after a mention-breaking "@".
func split(s string, max int) []string {
	if s == "" {
		return []string{""} // a blank line, kept
	}
	var out []string
	for size(s) > max {
		// The longest prefix within max.
		end, n := 0, 0
		for i, r := range s {
			if n+utf16.RuneLen(r) > max {
				break
			}
			n += utf16.RuneLen(r)
			end = i + len(string(r))
		}
		cut := end
		if sp := strings.LastIndexAny(s[:end], " \t"); sp > 0 {
			cut = sp
		} else {
			// No space: do not leave a lone escaping backslash at the end.
			for cut > 1 && s[cut-1] == '\\' && (cut < 2 || s[cut-2] != '\\') {
				cut--
			}
		}
		out = append(out, strings.TrimRight(s[:cut], " \t"))
		s = strings.TrimLeft(s[cut:], " \t")
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// truncate shortens s to at most max, ending in "…" when cut.
func truncate(s string, max int) string {
	if size(s) <= max {
		return s
	}
	n := 0
	for i, r := range s {
		if n+utf16.RuneLen(r)+1 > max {
			return strings.TrimRight(s[:i], " \\") + "…"
		}
		n += utf16.RuneLen(r)
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func isWebURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}
