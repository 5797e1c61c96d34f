package bot

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/summarize"
)

// BriefingMessage is the post for one archived briefing. Its Text is what
// WriteText prints. A later version of an article (its text was edited)
// is titled "Updated: …", so readers can tell it from the first post.
func BriefingMessage(e Entry) Message {
	b := e.Briefing
	var text strings.Builder
	if e.Version > 1 {
		text.WriteString(updated)
	}
	WriteText(&text, b, Credit(e.Source, e.Byline)) // a strings.Builder does not fail
	if e.Link != "" {
		text.WriteString("On the web: " + e.Link + "\n")
	}
	m := Message{
		Text:  strings.TrimRight(text.String(), "\n"),
		Title: oneLine(title(b, e.Source)),
		URL:   e.URL,
	}
	if e.Version > 1 {
		m.Title = updated + m.Title
	}
	if lede := oneLine(b.Lede); lede != "" {
		m.Sections = append(m.Sections, Section{Lines: []Line{{Text: lede}}})
	}
	if len(b.Actors) > 0 {
		s := Section{Heading: "Who's who"}
		for _, a := range b.Actors {
			s.Lines = append(s.Lines, Line{Text: oneLine(nameOf(a.Name)) + actorDetails(a, oneLine)})
		}
		m.Sections = append(m.Sections, s)
	}
	if groups := groupPositions(b.Positions); len(groups) > 0 {
		s := Section{Heading: "Key positions"}
		for _, g := range groups {
			for _, t := range g.texts {
				s.Lines = append(s.Lines, Line{Text: oneLine(t), By: oneLine(g.actor)})
			}
		}
		m.Sections = append(m.Sections, s)
	}
	if len(b.Quotes) > 0 {
		s := Section{Heading: "Quotes", Thread: len(b.Quotes) > threadQuotes}
		for _, q := range b.Quotes {
			s.Lines = append(s.Lines, Line{Text: oneLine(q.Text), Quote: true, By: speaker(q, oneLine, oneLine)})
		}
		m.Sections = append(m.Sections, s)
	}
	m.Footer = footer(e)
	return m
}

// updated starts the title of an article's later version.
const updated = "Updated: "

// threadQuotes is how many quotes a briefing shows in the message itself
// on platforms with threads; more go in the thread.
const threadQuotes = 3

// footer cites an entry: its source and the id /brief takes.
func footer(e Entry) string {
	var parts []string
	if s := oneLine(Credit(e.Source, e.Byline)); s != "" {
		parts = append(parts, "Source: "+s)
	}
	if e.Version > 1 {
		parts = append(parts, fmt.Sprintf("version %d", e.Version))
	}
	if e.ArticleID > 0 {
		parts = append(parts, fmt.Sprintf("/brief %d", e.ArticleID))
	}
	if e.Link != "" {
		parts = append(parts, e.Link)
	}
	return strings.Join(parts, " · ")
}

// Digest limits: a digest names every article up to maxArticles, and the
// most active actors and the strongest quotes.
const (
	maxArticles       = 25
	maxActors         = 8
	maxActorPositions = 2
	maxQuotes         = 5
	maxLede           = 240
)

// Period is the stretch of time a digest covers, in the channel's zone.
type Period struct {
	From time.Time // the previous digest; zero for a channel's first
	To   time.Time
}

func (p Period) since() string {
	if p.From.IsZero() {
		return "the start"
	}
	return p.From.Format("Mon 2 Jan 15:04")
}

// DigestMessage is the post covering entries: the articles, the actors and
// their positions across articles, and the strongest quotes. Later
// versions of an article replace earlier ones. No entries make a one-line
// "nothing new".
func DigestMessage(entries []Entry, p Period) Message {
	entries = latestVersions(entries)
	day := p.To.Format("Mon 2 Jan 2006")
	if len(entries) == 0 {
		text := fmt.Sprintf("Digest for %s: nothing new since %s.", day, p.since())
		return Message{Text: text, Title: "Digest for " + day, Sections: []Section{{Lines: []Line{{Text: fmt.Sprintf("Nothing new since %s.", p.since())}}}}}
	}
	m := Message{
		Title: fmt.Sprintf("Digest for %s: %d %s", day, len(entries), plural(len(entries), "briefing", "briefings")),
	}
	intro := fmt.Sprintf("%d new %s since %s.", len(entries), plural(len(entries), "briefing", "briefings"), p.since())
	m.Sections = append(m.Sections, Section{Lines: []Line{{Text: intro}}})

	articles := Section{Heading: "Articles"}
	for i, e := range entries {
		if i == maxArticles {
			articles.Lines = append(articles.Lines, Line{Text: fmt.Sprintf("…and %d more.", len(entries)-maxArticles)})
			break
		}
		line := oneLine(title(e.Briefing, e.Source))
		if lede := oneLine(e.Briefing.Lede); lede != "" {
			line += ": " + truncate(lede, maxLede)
		}
		if e.ArticleID > 0 {
			line += fmt.Sprintf(" (/brief %d)", e.ArticleID)
		}
		articles.Lines = append(articles.Lines, Line{Text: line})
	}
	m.Sections = append(m.Sections, articles)

	for _, a := range topActors(entries) {
		s := Section{Heading: a.heading()}
		for _, t := range a.positions {
			s.Lines = append(s.Lines, Line{Text: t})
		}
		m.Sections = append(m.Sections, s)
	}
	if quotes := strongestQuotes(entries); len(quotes) > 0 {
		s := Section{Heading: "Strongest quotes"}
		for _, q := range quotes {
			s.Lines = append(s.Lines, Line{Text: oneLine(q.Text), Quote: true, By: speaker(q.Quote, oneLine, oneLine) + " (" + q.title + ")"})
		}
		m.Sections = append(m.Sections, s)
	}
	m.Text = messageText(m)
	return m
}

// DigestURL is the page in the web archive at base of the digest with the
// given key posted to the channel with the given key.
func DigestURL(base, channel, key string) string {
	return strings.TrimRight(base, "/") + "/digest?" + url.Values{"channel": {channel}, "key": {key}}.Encode()
}

// linked is m with a link to its page in the web archive: its title's
// link, and at its foot, as a briefing gives its article's page.
func linked(m Message, link string) Message {
	m.URL = link
	m.Footer = "On the web: " + link
	m.Text = messageText(m)
	return m
}

// messageText lays m out as plain text, as the terminal shows it.
func messageText(m Message) string {
	var b strings.Builder
	b.WriteString(m.Title + "\n")
	for _, s := range m.Sections {
		b.WriteString("\n")
		indent := ""
		if s.Heading != "" {
			b.WriteString(s.Heading + "\n")
			indent = "- "
		}
		for _, l := range s.Lines {
			text := l.Text
			if l.Quote {
				text = "“" + text + "”"
			}
			if l.By != "" {
				text += " — " + l.By
			}
			b.WriteString(indent + text + "\n")
		}
	}
	if m.Footer != "" {
		b.WriteString("\n" + m.Footer + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// latestVersions keeps the latest version of each article, in the order
// the articles were first archived.
func latestVersions(entries []Entry) []Entry {
	index := make(map[int64]int)
	var out []Entry
	for _, e := range entries {
		if i, ok := index[e.ArticleID]; ok && e.ArticleID != 0 {
			if e.VersionID > out[i].VersionID {
				out[i] = e
			}
			continue
		}
		index[e.ArticleID] = len(out)
		out = append(out, e)
	}
	return out
}

// digestActor is one actor across a digest's articles.
type digestActor struct {
	name, role string
	articles   int
	said       int // quotes and positions
	first      int // order of first appearance, for stable ties
	positions  []string
}

func (a digestActor) heading() string {
	h := a.name
	if a.role != "" {
		h += ", " + a.role
	}
	if a.articles > 1 {
		h += fmt.Sprintf(" (in %d articles)", a.articles)
	}
	return h
}

// topActors ranks the named actors who said something by the articles they
// appear in, then by how much they said, and keeps the first few with their
// positions, or their first quotes for those with none.
func topActors(entries []Entry) []digestActor {
	index := make(map[string]int)
	var actors []digestActor
	get := func(name, role string) *digestActor {
		key := strings.ToLower(oneLine(name))
		i, ok := index[key]
		if !ok {
			i = len(actors)
			index[key] = i
			actors = append(actors, digestActor{name: oneLine(name), first: i})
		}
		if actors[i].role == "" {
			actors[i].role = oneLine(role)
		}
		return &actors[i]
	}
	for _, e := range entries {
		seen := make(map[string]bool)
		count := func(a *digestActor) {
			if k := strings.ToLower(a.name); !seen[k] {
				seen[k] = true
				a.articles++
			}
		}
		roles := make(map[string]string)
		for _, act := range e.Briefing.Actors {
			roles[strings.ToLower(oneLine(act.Name))] = act.Role
		}
		for _, p := range e.Briefing.Positions {
			if strings.TrimSpace(p.Actor) == "" {
				continue
			}
			a := get(p.Actor, roles[strings.ToLower(oneLine(p.Actor))])
			count(a)
			a.said++
			text := truncate(oneLine(p.Text), maxLede)
			// The same words reported by two articles are shown once.
			if len(a.positions) < maxActorPositions && !slices.ContainsFunc(a.positions, func(s string) bool { return strings.EqualFold(s, text) }) {
				a.positions = append(a.positions, text)
			}
		}
		for _, q := range e.Briefing.Quotes {
			if strings.TrimSpace(q.Speaker) == "" {
				continue
			}
			a := get(q.Speaker, q.Role)
			count(a)
			a.said++
		}
	}
	// Actors with no position are shown by their first quote.
	for _, e := range entries {
		for _, q := range e.Briefing.Quotes {
			if i, ok := index[strings.ToLower(oneLine(q.Speaker))]; ok && len(actors[i].positions) == 0 {
				actors[i].positions = append(actors[i].positions, "“"+truncate(oneLine(q.Text), maxLede)+"”")
			}
		}
	}
	slices.SortStableFunc(actors, func(a, b digestActor) int {
		switch {
		case a.articles != b.articles:
			return b.articles - a.articles
		case a.said != b.said:
			return b.said - a.said
		}
		return a.first - b.first
	})
	return actors[:min(len(actors), maxActors)]
}

// digestQuote is a quote with the article it is from.
type digestQuote struct {
	summarize.Quote
	title string
	score int
	order int
}

// strongestQuotes picks the quotes most worth reading: attributed, whole
// (not a fragment), of a sentence or two, one a speaker.
func strongestQuotes(entries []Entry) []digestQuote {
	var all []digestQuote
	for _, e := range entries {
		for _, q := range e.Briefing.Quotes {
			if strings.TrimSpace(q.Speaker) == "" || q.Partial {
				continue
			}
			n := len(strings.Fields(q.Text))
			if n < 6 {
				continue
			}
			score := min(n, 35)
			if n > 60 {
				score -= n - 60
			}
			if q.Role != "" {
				score += 5
			}
			all = append(all, digestQuote{Quote: q, title: oneLine(title(e.Briefing, e.Source)), score: score, order: len(all)})
		}
	}
	slices.SortStableFunc(all, func(a, b digestQuote) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.order - b.order
	})
	var out []digestQuote
	speakers := make(map[string]bool)
	for _, q := range all {
		k := strings.ToLower(oneLine(q.Speaker))
		if speakers[k] {
			continue
		}
		speakers[k] = true
		out = append(out, q)
		if len(out) == maxQuotes {
			break
		}
	}
	return out
}

// truncate shortens s to at most n bytes at a word boundary, marking the
// cut with an ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > n/2 {
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
