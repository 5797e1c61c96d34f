package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/summarize"
)

// Hit is one speaker's answer to /who-said: who, in what role, their best
// words on the topic and where they said them.
type Hit struct {
	Speaker string
	Role    string
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
}

// Archive is what the commands read; the archive implements it
// (store.DB.Archive).
type Archive interface {
	WhoSaid(ctx context.Context, topic string, limit int) ([]Hit, int, error)
	Quotes(ctx context.Context, speaker string, limit int) ([]QuoteRow, error)
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
	// Speakers caps /who-said's answer; 0 means 5.
	Speakers int
}

const usageText = `Commands:
  /who-said <topic>        who said what about a topic (europe, negotiations, Ukraine)
  /quotes <speaker>        what someone said, newest first ("hegseth" is enough)
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

func (c *Commands) log() *slog.Logger {
	if c.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Log
}

// failed logs err and returns what the reader sees instead of it.
func (c *Commands) failed(ctx context.Context, what string, err error) string {
	c.log().ErrorContext(ctx, "command failed", "command", what, "err", err)
	return "Sorry, something went wrong looking that up. Please try again."
}

func (c *Commands) whoSaid(ctx context.Context, topic string) string {
	limit := c.Speakers
	if limit <= 0 {
		limit = 5
	}
	hits, more, err := c.Archive.WhoSaid(ctx, topic, limit)
	if err != nil {
		return c.failed(ctx, "who-said", err)
	}
	if len(hits) == 0 {
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
		for _, s := range h.Said {
			if s.Quote {
				b.WriteString("  “" + oneLine(s.Text) + "”\n")
			} else {
				b.WriteString("  reported: " + oneLine(s.Text) + "\n")
			}
		}
		b.WriteString("  — " + source(h.Title, h.Published, h.ArticleID) + "\n")
	}
	if more > 0 {
		fmt.Fprintf(&b, "\n…and %d more.\n", more)
	}
	return strings.TrimRight(b.String(), "\n")
}

func (c *Commands) quotes(ctx context.Context, speaker string) string {
	rows, err := c.Archive.Quotes(ctx, speaker, 10)
	if err != nil {
		return c.failed(ctx, "quotes", err)
	}
	if len(rows) == 0 {
		return fmt.Sprintf("No quotes from %s in the archive yet.", echo(speaker))
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
