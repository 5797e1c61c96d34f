// Package bot is briefbot's platform-neutral behaviour: commands, rendering,
// scheduling and delivery. For now it only renders briefings.
package bot

import (
	"bufio"
	"io"
	"strings"

	"github.com/briefbot/briefbot/summarize"
)

// unattributed stands in for a speaker or actor that the article leaves
// unnamed.
const unattributed = "unattributed"

// WriteText writes b as plain text: the title (or source when b has none),
// the lede, "Who's who", "Key positions" grouped by actor, "Quotes" and the
// source. Empty sections are left out. Lines are not wrapped, and line
// breaks inside article text are turned into spaces so that every item stays
// on one line.
func WriteText(w io.Writer, b summarize.Briefing, source string) error {
	// Written through a buffer, not built whole: a long article's
	// briefing is megabytes.
	s := bufio.NewWriter(w)
	s.WriteString(oneLine(title(b, source)) + "\n")
	if lede := oneLine(b.Lede); lede != "" {
		s.WriteString("\n" + lede + "\n")
	}
	if len(b.Actors) > 0 {
		s.WriteString("\nWho's who\n")
		for _, a := range b.Actors {
			s.WriteString("- " + oneLine(nameOf(a.Name)) + actorDetails(a, oneLine) + "\n")
		}
	}
	if groups := groupPositions(b.Positions); len(groups) > 0 {
		s.WriteString("\nKey positions\n")
		for _, g := range groups {
			s.WriteString(oneLine(g.actor) + "\n")
			for _, text := range g.texts {
				s.WriteString("  - " + oneLine(text) + "\n")
			}
		}
	}
	if len(b.Quotes) > 0 {
		s.WriteString("\nQuotes\n")
		for _, q := range b.Quotes {
			s.WriteString("- “" + oneLine(q.Text) + "” — " + speaker(q, oneLine, oneLine) + "\n")
		}
	}
	if source != "" {
		s.WriteString("\nSource: " + oneLine(source) + "\n")
	}
	return s.Flush()
}

// WriteMarkdown writes b as Markdown, with the same content as WriteText:
// headings for the title and sections, actors' names in bold, and each quote
// as a blockquote. Article text is escaped so that it shows as written
// rather than as Markdown syntax.
func WriteMarkdown(w io.Writer, b summarize.Briefing, source string) error {
	s := bufio.NewWriter(w)
	s.WriteString("# " + escapeMarkdown(title(b, source)) + "\n")
	if lede := escapeMarkdown(b.Lede); lede != "" {
		s.WriteString("\n" + lede + "\n")
	}
	if len(b.Actors) > 0 {
		s.WriteString("\n## Who's who\n\n")
		for _, a := range b.Actors {
			s.WriteString("- " + bold(nameOf(a.Name)) + actorDetails(a, escapeMarkdown) + "\n")
		}
	}
	if groups := groupPositions(b.Positions); len(groups) > 0 {
		s.WriteString("\n## Key positions\n")
		for _, g := range groups {
			s.WriteString("\n" + bold(g.actor) + "\n\n")
			for _, text := range g.texts {
				s.WriteString("- " + escapeMarkdown(text) + "\n")
			}
		}
	}
	if len(b.Quotes) > 0 {
		s.WriteString("\n## Quotes\n")
		for _, q := range b.Quotes {
			s.WriteString("\n> “" + escapeMarkdown(q.Text) + "” — " + speaker(q, bold, escapeMarkdown) + "\n")
		}
	}
	if source != "" {
		s.WriteString("\nSource: " + escapeMarkdown(source) + "\n")
	}
	return s.Flush()
}

// Credit is what a briefing's "Source:" line shows: the source and, when
// known, who wrote the article ("The Coastal Gazette, by Ana Tremaine").
func Credit(source, byline string) string {
	source, byline = strings.TrimSpace(source), strings.TrimSpace(byline)
	switch {
	case byline == "":
		return source
	case source == "":
		return "by " + byline
	default:
		return source + ", by " + byline
	}
}

func title(b summarize.Briefing, source string) string {
	switch {
	case strings.TrimSpace(b.Title) != "":
		return b.Title
	case strings.TrimSpace(source) != "":
		return source
	default:
		return "Untitled briefing"
	}
}

// actorDetails is what follows an actor's name: " — role", and the kind in
// brackets unless the actor is a person (or of no stated kind).
func actorDetails(a summarize.Actor, format func(string) string) string {
	var s string
	if role := format(a.Role); role != "" {
		s += " — " + role
	}
	if a.Kind != "" && a.Kind != summarize.Person {
		s += " (" + format(string(a.Kind)) + ")"
	}
	return s
}

// speaker attributes q: "Name, role", or "unattributed".
func speaker(q summarize.Quote, name, role func(string) string) string {
	if strings.TrimSpace(q.Speaker) == "" {
		return unattributed
	}
	s := name(q.Speaker)
	if r := role(q.Role); r != "" {
		s += ", " + r
	}
	return s
}

// nameOf returns name, or "unattributed" when it is blank; a blank name
// would also make an empty "****" in Markdown, which reads as a rule.
func nameOf(name string) string {
	if strings.TrimSpace(name) == "" {
		return unattributed
	}
	return name
}

// positionGroup is one actor's positions, in article order.
type positionGroup struct {
	actor string
	texts []string
}

// groupPositions groups positions by actor, the actors in order of their
// first position, so the output does not depend on map order.
func groupPositions(positions []summarize.Position) []positionGroup {
	var groups []positionGroup
	index := make(map[string]int)
	for _, p := range positions {
		actor := nameOf(p.Actor)
		i, ok := index[actor]
		if !ok {
			i = len(groups)
			index[actor] = i
			groups = append(groups, positionGroup{actor: actor})
		}
		groups[i].texts = append(groups[i].texts, p.Text)
	}
	return groups
}

// oneLine collapses runs of white space, line breaks included, into single
// spaces, so that a quote spanning paragraphs stays one list item.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func bold(s string) string {
	return "**" + escapeMarkdown(s) + "**"
}

// escapeMarkdown puts s on one line and backslash-escapes what Markdown
// would read as syntax: inline markers (emphasis, code, links, HTML,
// strikethrough) anywhere, and block markers (headings, quotes, lists) at
// the start, where s may begin a line of output.
func escapeMarkdown(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s))
	// A leading "1. " or "2022) " would start an ordered list; "1.5" would not.
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') &&
		(digits+1 == len(s) || s[digits+1] == ' ') {
		b.WriteString(s[:digits] + `\`)
		s = s[digits:]
	} else if s != "" && strings.IndexByte("#+-=", s[0]) >= 0 {
		b.WriteByte('\\')
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("\\`*_[]<>~", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
