package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/logs"
	"github.com/briefbot/briefbot/summarize"
)

// Hit is one speaker's answer to /who-said: who, in what role, their best
// words on the topic and where they said them.
type Hit struct {
	// SpeakerID is the speaker's id in the archive: their page on the web.
	SpeakerID int64
	Speaker   string
	Role      string
	// Kind is "person", "organisation" or "group".
	Kind      string
	Said      []Said
	ArticleID int64
	Title     string
	Published time.Time
}

// Said is something a speaker said: a direct quote (Quote), shown in
// quotation marks as their own words, or a position, the article's report
// of what they said, which is never shown as if they had said it so.
type Said struct {
	Text  string
	Quote bool
	// Source is the article it is from; when zero, the hit's article.
	Source Cite
	// Also are the other articles that carry the same words (wire copy
	// reprinted), shown with this one instead of the text again.
	Also []Cite
}

// QuoteRow is one thing someone said, for /quotes.
type QuoteRow struct {
	Speaker, Role, Text string
	// Context is, for words quoted inside a reported sentence, that
	// sentence's report as the article gives it, or "".
	Context string
	// Partial marks words quoted inside a sentence; Start and End are the
	// quote's byte offsets in its article's body.
	Partial    bool
	Start, End int
	ArticleID  int64
	Title      string
	Published  time.Time
	// Also are the other articles that carry the same words (wire copy
	// reprinted), shown with this one instead of the quote again.
	Also []Cite
}

// Cite is an article an answer cites.
type Cite struct {
	ArticleID int64
	Title     string
	Published time.Time
}

// same reports whether c and d cite one article.
func (c Cite) same(d Cite) bool {
	return c.ArticleID == d.ArticleID && c.Title == d.Title && c.Published.Equal(d.Published)
}

// QuotePage is a page of what a speaker was quoted as saying.
type QuotePage struct {
	Rows []QuoteRow
	// More counts the quotes after this page.
	More int
	// Candidates are the speakers a name fits, the most quoted first,
	// when it fits several and none better than the others: no speaker
	// is picked then, and Rows is empty.
	Candidates []string
}

// Archive is what the commands read; the archive implements it
// (store.DB.Archive).
type Archive interface {
	// WhoSaid finds the speakers who said something about q's words and
	// about:, as q's filters let through, the most relevant first, from
	// offset on, at most limit of them (all when limit is 0 or less), and
	// says how many more there are after them: -1 when there are more
	// but they were not counted.
	WhoSaid(ctx context.Context, q Query, offset, limit int) (hits []Hit, more int, err error)
	// Quotes finds the speaker q's words name (a possessive, "hegseth's",
	// names them too) and returns what they were quoted as saying, as q's
	// filters and about: let through, newest first, each text once, from
	// offset on, at most limit (all when limit is 0 or less).
	Quotes(ctx context.Context, q Query, offset, limit int) (QuotePage, error)
	Briefing(ctx context.Context, id int64) (summarize.Briefing, string, error)
	Latest(ctx context.Context) (int64, error)
}

// ErrNotFound is what an Archive returns for a briefing it does not have.
var ErrNotFound = errors.New("not found")

// Commands answers the chat commands with plain text, whatever the
// platform.
type Commands struct {
	Archive Archive
	// Sources describes the folders and feeds being read and the channels
	// posted to, for /sources.
	Sources func(ctx context.Context) string
	// Digest posts the digest now to the channel with the given key and
	// returns a sentence saying so, for /digest.
	Digest func(ctx context.Context, channel string) (string, error)
	// Observe, when set, is told how long each command took to answer.
	Observe func(command string, took time.Duration)
	Log     *slog.Logger
	// Speakers caps /who-said's answer; 0 means 5, less than 0 all.
	Speakers int
	// QuotesShown caps /quotes's answer; 0 means 10, less than 0 all.
	QuotesShown int
	// WebURL, when set, is where the web archive is (https://news.example.org):
	// answers link to its pages.
	WebURL string
	// Now is the clock that since:7d counts back from; nil means time.Now.
	Now func() time.Time
}

// Default page sizes of the answers in chat.
const (
	defaultSpeakers = 5
	defaultQuotes   = 10
)

const usageText = `Commands:
  /who-said <topic>        who said what about a topic (europe, negotiations, Ukraine)
  /quotes <speaker>        what someone said, newest first ("hegseth" is enough)
                           Both take filters: since:7d since:2026-12-01 until:DATE
                           source:NAME speaker:NAME about:TOPIC quotes:only page:2
  /brief [latest|<id>]     show a briefing
  /digest                  post the digest of what is new to this channel now
  /sources                 the folders and feeds being read
  /help                    this help`

// Handle answers one line typed by a reader in the channel with the given
// key ("console:terminal"): "/who-said europe". A line that is no command
// gets the usage; internal errors are logged and answered with a plain
// sentence.
func (c *Commands) Handle(ctx context.Context, channel, line string) string {
	line = strings.TrimSpace(line)
	name, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	command := strings.ToLower(strings.TrimPrefix(name, "/"))
	if c.Observe != nil {
		start := time.Now()
		defer func() { c.Observe(commandName(command), time.Since(start)) }()
	}
	switch command {
	case "who-said", "whosaid", "who":
		if arg == "" {
			return "Usage: /who-said <topic>, for example /who-said europe"
		}
		return c.whoSaid(ctx, arg)
	case "quotes":
		if arg == "" {
			return "Usage: /quotes <speaker>, for example /quotes hegseth"
		}
		return c.quotes(ctx, arg)
	case "brief":
		return c.brief(ctx, arg)
	case "digest":
		if c.Digest == nil {
			return "Digests are not set up."
		}
		reply, err := c.Digest(ctx, channel)
		if err != nil {
			return c.failed(ctx, "digest", err)
		}
		return reply
	case "sources":
		if c.Sources == nil {
			return "No sources are configured."
		}
		return c.Sources(ctx)
	case "help", "":
		return usageText
	}
	return fmt.Sprintf("Unknown command %s.\n%s", echo(name), usageText)
}

// echoLimit is the most characters of what a reader typed that an answer
// repeats: enough for any topic, name or command, short enough that a
// paste of a whole article is not sent back whole.
const echoLimit = 60

// echo quotes what a reader typed for an answer, cut to echoLimit
// characters.
func echo(s string) string { return strconv.Quote(cut(s)) }

// cut shortens s to echoLimit characters, the last an ellipsis.
func cut(s string) string {
	if utf8.RuneCountInString(s) > echoLimit {
		s = string([]rune(s)[:echoLimit-1]) + "…"
	}
	return s
}

// commandName is the name a command is counted under: its own, or
// "unknown", so that what readers type cannot grow the set of names.
func commandName(command string) string {
	switch command {
	case "who-said", "whosaid", "who":
		return "who-said"
	case "quotes", "brief", "digest", "sources":
		return command
	case "help", "":
		return "help"
	}
	return "unknown"
}

func (c *Commands) log() *slog.Logger { return logs.Or(c.Log) }

// failed logs err and returns what the reader sees instead of it.
func (c *Commands) failed(ctx context.Context, what string, err error) string {
	c.log().ErrorContext(ctx, "command failed", "command", what, "err", err)
	return "Sorry, something went wrong looking that up. Please try again."
}

func (c *Commands) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// pageSize is the page size set, or else def; 0 for all.
func pageSize(set, def int) int {
	switch {
	case set < 0:
		return 0
	case set == 0:
		return def
	}
	return set
}

// query reads what follows a command: words and filters. The words must
// say something; about: alone is enough for /who-said.
func (c *Commands) query(arg string) (Query, string) {
	q, err := ParseQuery(arg, c.now())
	if err != nil {
		return Query{}, "Sorry, " + err.Error() + "."
	}
	return q, ""
}

// nextPage is the command that shows the page after page: arg with its
// page: filter replaced.
func nextPage(command, arg string, page int) string {
	var kept []string
	for _, tok := range tokens(arg) {
		if !strings.HasPrefix(strings.ToLower(tok), "page:") {
			kept = append(kept, tok)
		}
	}
	return fmt.Sprintf("/%s %s page:%d", command, strings.Join(kept, " "), page+1)
}

// moreLine tells how to see what a page left out.
func moreLine(more int, next string) string {
	if more > 0 {
		return fmt.Sprintf("\n…and %d more: %s\n", more, cut(next))
	}
	return fmt.Sprintf("\nMore: %s\n", cut(next))
}

func (c *Commands) whoSaid(ctx context.Context, arg string) string {
	q, problem := c.query(arg)
	if problem != "" {
		return problem
	}
	topic := strings.TrimSpace(q.Words + " " + q.About)
	if topic == "" {
		return "Usage: /who-said <topic>, for example /who-said europe"
	}
	limit := pageSize(c.Speakers, defaultSpeakers)
	page := max(q.Page, 1)
	hits, more, err := c.Archive.WhoSaid(ctx, q, (page-1)*limit, limit)
	if err != nil {
		return c.failed(ctx, "who-said", err)
	}
	if len(hits) == 0 {
		if page > 1 {
			return fmt.Sprintf("There is no page %d for %s.", page, echo(topic))
		}
		return fmt.Sprintf("Nobody in the archive has said anything about %s yet.", echo(topic))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Who said what about %s:\n", echo(topic))
	for _, h := range hits {
		b.WriteString("\n" + oneLine(h.Speaker))
		if h.Role != "" {
			b.WriteString(", " + oneLine(h.Role))
		}
		b.WriteString("\n")
		writeSaid(&b, h)
		if c.WebURL != "" && h.SpeakerID > 0 {
			fmt.Fprintf(&b, "  %s/speaker/%d\n", strings.TrimRight(c.WebURL, "/"), h.SpeakerID)
		}
	}
	if more != 0 && limit > 0 {
		b.WriteString(moreLine(more, nextPage("who-said", arg, page)))
	}
	if c.WebURL != "" {
		fmt.Fprintf(&b, "\nOn the web: %s/?%s\n", strings.TrimRight(c.WebURL, "/"), url.Values{"q": {arg}}.Encode())
	}
	return strings.TrimRight(b.String(), "\n")
}

// writeSaid writes a hit's texts, each followed by the article it is from
// and the others that carry the same words, and texts from one article
// by that article once.
func writeSaid(b *strings.Builder, h Hit) {
	hit := Cite{ArticleID: h.ArticleID, Title: h.Title, Published: h.Published}
	from := func(s Said) Cite {
		if s.Source.ArticleID == 0 && s.Source.Title == "" && s.Source.Published.IsZero() {
			return hit
		}
		return s.Source
	}
	for i, s := range h.Said {
		if s.Quote {
			b.WriteString("  “" + oneLine(s.Text) + "”\n")
		} else {
			b.WriteString("  reported: " + oneLine(s.Text) + "\n")
		}
		src := from(s)
		if next := i + 1; next < len(h.Said) && len(s.Also) == 0 && from(h.Said[next]).same(src) {
			continue // cited once, after the next
		}
		b.WriteString("  — " + source(src.Title, src.Published, src.ArticleID) + "\n")
		for _, a := range s.Also {
			b.WriteString("  — also " + source(a.Title, a.Published, a.ArticleID) + "\n")
		}
	}
	if len(h.Said) == 0 {
		b.WriteString("  — " + source(hit.Title, hit.Published, hit.ArticleID) + "\n")
	}
}

// candidatesShown caps the names /quotes offers when a name fits several
// speakers.
const candidatesShown = 5

func (c *Commands) quotes(ctx context.Context, arg string) string {
	q, problem := c.query(arg)
	if problem != "" {
		return problem
	}
	if strings.TrimSpace(q.Words) == "" {
		return "Usage: /quotes <speaker>, for example /quotes hegseth"
	}
	limit := pageSize(c.QuotesShown, defaultQuotes)
	page := max(q.Page, 1)
	res, err := c.Archive.Quotes(ctx, q, (page-1)*limit, limit)
	if err != nil {
		return c.failed(ctx, "quotes", err)
	}
	if len(res.Candidates) > 0 {
		names := res.Candidates[:min(len(res.Candidates), candidatesShown)]
		var b strings.Builder
		fmt.Fprintf(&b, "%s fits %d speakers. Did you mean:\n", echo(q.Words), len(res.Candidates))
		for _, n := range names {
			b.WriteString("  /quotes " + oneLine(n) + "\n")
		}
		if len(res.Candidates) > len(names) {
			fmt.Fprintf(&b, "…or %d others? Type more of the name.\n", len(res.Candidates)-len(names))
		}
		return strings.TrimRight(b.String(), "\n")
	}
	rows := res.Rows
	if len(rows) == 0 {
		if page > 1 {
			return fmt.Sprintf("There is no page %d of quotes from %s.", page, echo(q.Words))
		}
		return fmt.Sprintf("No quotes from %s in the archive yet.", echo(q.Words))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Quotes from %s", oneLine(rows[0].Speaker))
	if rows[0].Role != "" {
		b.WriteString(", " + oneLine(rows[0].Role))
	}
	b.WriteString(":\n")
	for _, r := range rows {
		b.WriteString("\n“" + oneLine(r.Text) + "”\n")
		if r.Context != "" {
			b.WriteString("  reported: " + oneLine(r.Context) + "\n")
		}
		b.WriteString("  — " + source(r.Title, r.Published, r.ArticleID) + "\n")
		for _, a := range r.Also {
			b.WriteString("  — also " + source(a.Title, a.Published, a.ArticleID) + "\n")
		}
	}
	if res.More != 0 && limit > 0 {
		b.WriteString(moreLine(res.More, nextPage("quotes", arg, page)))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (c *Commands) brief(ctx context.Context, arg string) string {
	var id int64
	var err error
	switch arg {
	case "", "latest":
		id, err = c.Archive.Latest(ctx)
	default:
		num := strings.TrimPrefix(arg, "#")
		id, err = strconv.ParseInt(num, 10, 64)
		if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(num, "-") {
			return fmt.Sprintf("There is no article %s.", cut(num)) // a number, just a large one
		}
		if err != nil || id <= 0 {
			return "Usage: /brief [latest|<article id>], for example /brief 3"
		}
	}
	if errors.Is(err, ErrNotFound) {
		return "The archive is empty: no articles have been briefed yet."
	}
	if err != nil {
		return c.failed(ctx, "brief", err)
	}
	b, src, err := c.Archive.Briefing(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return fmt.Sprintf("There is no article %d.", id)
	}
	if err != nil {
		return c.failed(ctx, "brief", err)
	}
	var s strings.Builder
	if err := WriteText(&s, b, src); err != nil {
		return c.failed(ctx, "brief", err)
	}
	return strings.TrimRight(s.String(), "\n")
}

// source cites an article: its title, date and the id /brief takes.
func source(title string, published time.Time, id int64) string {
	if strings.TrimSpace(title) == "" {
		title = "untitled article"
	}
	s := oneLine(title)
	if !published.IsZero() {
		s += ", " + published.Format("2 Jan 2006")
	}
	if id > 0 {
		s += fmt.Sprintf(" (/brief %d)", id)
	}
	return s
}

// More is the command that shows the next page of an answer, from the
// answer's last line ("…and 5 more: /who-said europe page:2"), and false
// when the answer has no next page or its command was cut short: what a
// platform's "More" button runs.
func More(answer string) (line string, ok bool) {
	answer = strings.TrimRight(answer, "\n")
	last := answer[strings.LastIndexByte(answer, '\n')+1:]
	switch {
	case strings.HasPrefix(last, "…and ") && strings.Contains(last, " more: /"):
		_, line, _ = strings.Cut(last, " more: ")
	case strings.HasPrefix(last, "More: /"):
		line = strings.TrimPrefix(last, "More: ")
	default:
		return "", false
	}
	return line, IsPage(line) && !strings.HasSuffix(line, "…")
}

// IsPage reports whether line is a page of /who-said or /quotes, the only
// commands a "More" button may run: a button's value comes back from the
// platform, and no other command is run from one.
func IsPage(line string) bool {
	return (strings.HasPrefix(line, "/who-said ") || strings.HasPrefix(line, "/quotes ")) &&
		strings.Contains(line, " page:") && !strings.ContainsAny(line, "\n\r")
}
