package ingest

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/briefbot/briefbot/internal/logs"
	"github.com/briefbot/briefbot/summarize"
)

// FeedState is what is remembered about a feed between polls.
type FeedState struct {
	URL string
	// ETag and LastModified are the validators of the last successful
	// response, sent back to make the next request conditional.
	ETag, LastModified string
	// LastChecked is the time of the last poll, LastSuccess of the last
	// one that worked; zero means never.
	LastChecked, LastSuccess time.Time
	// Failures counts the polls that failed since the last success.
	Failures int
	// LastError is the reason the last failed poll failed.
	LastError string
	// Items is how many items the feed held when it was last fetched.
	Items int
}

// FeedStore keeps feed state and the identities of items already briefed;
// the archive implements it.
type FeedStore interface {
	// FeedState returns the state of the feed at url, and false if it
	// has never been polled.
	FeedState(ctx context.Context, url string) (FeedState, bool, error)
	SaveFeedState(ctx context.Context, s FeedState) error
	SeenItem(ctx context.Context, feedURL, itemID string) (bool, error)
	MarkItem(ctx context.Context, feedURL, itemID string) error
}

// Item is one new feed item as an article.
type Item struct {
	FeedURL string
	// ID is the item's identity within its feed: its GUID, else its link,
	// else a hash of its title and date.
	ID      string
	Title   string
	Link    string
	Article summarize.Article
}

// The defaults for a Poller's zero fields.
const (
	defaultTimeout   = 20 * time.Second
	maxRedirects     = 5
	defaultMaxBytes  = 5 << 20
	defaultNewItems  = 3
	maxBackoff       = 6 * time.Hour
	backoffJitterPct = 10
)

// Poller fetches feeds (RSS, Atom and JSON Feed) and returns the items it
// has not returned before.
//
// An item is known by its identity (see Item.ID), never by a date
// watermark, so an item that a feed re-orders, re-dates or sends again is
// not briefed twice.
type Poller struct {
	// Client makes the requests; nil means a client with a 20 s timeout
	// that follows at most 5 redirects.
	Client *http.Client
	// Store remembers feed state and the items already returned.
	Store FeedStore
	// MaxBytes limits the size of a response; 0 means 5 MiB.
	MaxBytes int64
	// NewItems is how many items, the newest, are briefed from a feed
	// seen for the first time; its older items are only marked seen.
	// 0 means 3.
	NewItems int
	// Now is the clock for the times in FeedState; nil means time.Now.
	Now func() time.Time
	// Jitter returns a number in [0, 1) that spreads Backoff's waits;
	// nil means math/rand/v2.
	Jitter func() float64
	// Log receives what each poll found; nil discards it.
	Log *slog.Logger
}

func (p *Poller) log() *slog.Logger { return logs.Or(p.Log) }

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) client() *http.Client {
	if p.Client != nil {
		return p.Client
	}
	return &http.Client{
		Timeout: defaultTimeout,
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
}

// Poll fetches the feed at feedURL and returns its items not returned
// before, oldest first, marking them seen.
//
// The request is conditional on the validators of the last success, and a
// 304 Not Modified is a success with no items. A feed never polled
// successfully before returns only its newest NewItems items, but all its
// items are marked seen, so that adding a feed does not flood a channel
// with its archive.
//
// Every failure of the feed (an HTTP error status, a timeout, a response
// over MaxBytes, a feed that does not parse) is recorded in its state
// (Failures, LastError) and returned, wrapped with the URL. Items are
// marked seen once they are built and before they are returned, so an item
// is returned at most once even if the caller then fails.
func (p *Poller) Poll(ctx context.Context, feedURL string) ([]Item, error) {
	state, found, err := p.Store.FeedState(ctx, feedURL)
	if err != nil {
		return nil, fmt.Errorf("polling feed %q: %w", feedURL, err)
	}
	first := !found || state.LastSuccess.IsZero()
	state.URL = feedURL
	state.LastChecked = p.now()

	feed, resp, err := p.fetch(ctx, feedURL, state)
	if err != nil {
		state.Failures++
		state.LastError = err.Error()
		if serr := p.Store.SaveFeedState(ctx, state); serr != nil {
			err = errors.Join(err, serr)
		}
		return nil, fmt.Errorf("polling feed %q: %w", feedURL, err)
	}
	state.Failures = 0
	state.LastError = ""
	state.LastSuccess = state.LastChecked
	if etag := resp.Header.Get("ETag"); etag != "" {
		state.ETag = etag
	}
	if lm := resp.Header.Get("Last-Modified"); lm != "" {
		state.LastModified = lm
	}
	if feed == nil { // 304 Not Modified
		p.log().DebugContext(ctx, "feed not modified", "url", feedURL)
		if err := p.Store.SaveFeedState(ctx, state); err != nil {
			return nil, fmt.Errorf("polling feed %q: %w", feedURL, err)
		}
		return nil, nil
	}
	state.Items = len(feed.Items)

	// Relative links resolve against where the feed came from, after
	// redirects.
	items, err := p.newItems(ctx, feedURL, resp.Request.URL, feed)
	if err != nil {
		return nil, fmt.Errorf("polling feed %q: %w", feedURL, err)
	}
	brief := items
	if first {
		n := cmp.Or(p.NewItems, defaultNewItems)
		brief = items[max(0, len(items)-n):]
	}
	for _, it := range items {
		if err := p.Store.MarkItem(ctx, feedURL, it.ID); err != nil {
			return nil, fmt.Errorf("polling feed %q: %w", feedURL, err)
		}
	}
	if err := p.Store.SaveFeedState(ctx, state); err != nil {
		return nil, fmt.Errorf("polling feed %q: %w", feedURL, err)
	}
	p.log().DebugContext(ctx, "polled feed", "url", feedURL,
		"items", len(feed.Items), "new", len(items), "returned", len(brief))
	return brief, nil
}

// fetch makes the conditional request for the feed and parses the
// response, whose body it closes. The feed is nil for 304 Not Modified.
func (p *Poller) fetch(ctx context.Context, feedURL string, s FeedState) (*gofeed.Feed, *http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, feedURL, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
	req.Header.Set("User-Agent", "briefbot")
	if s.ETag != "" {
		req.Header.Set("If-None-Match", s.ETag)
	}
	if s.LastModified != "" {
		req.Header.Set("If-Modified-Since", s.LastModified)
	}
	resp, err := p.client().Do(req)
	if err != nil {
		// The *url.Error repeats the method and URL that the caller's
		// wrapping already gives.
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, resp, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil, fmt.Errorf("HTTP status %s", resp.Status)
	}
	data, err := readLimited(resp.Body, cmp.Or(p.MaxBytes, defaultMaxBytes), max(resp.ContentLength, 0))
	if err != nil {
		return nil, nil, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("parsing feed: %w", err)
	}
	return feed, resp, nil
}

// newItems builds the feed's items that the store has not seen, oldest
// first.
func (p *Poller) newItems(ctx context.Context, feedURL string, base *url.URL, feed *gofeed.Feed) ([]Item, error) {
	type dated struct {
		Item
		at  time.Time
		pos int
	}
	var (
		fresh   []dated
		inFeed  = map[string]bool{}
		undated bool
	)
	for pos, fi := range feed.Items {
		if fi == nil {
			continue
		}
		id := itemID(fi)
		if inFeed[id] {
			continue
		}
		inFeed[id] = true
		seen, err := p.Store.SeenItem(ctx, feedURL, id)
		if err != nil {
			return nil, err
		}
		if seen {
			continue
		}
		it := buildItem(feedURL, id, base, feed, fi)
		undated = undated || it.Article.Published.IsZero()
		fresh = append(fresh, dated{Item: it, at: it.Article.Published, pos: pos})
	}
	// Feeds list their newest items first, so without a date for every
	// item the feed's own order, reversed, is the best guess at age.
	slices.SortStableFunc(fresh, func(a, b dated) int {
		if !undated {
			if c := a.at.Compare(b.at); c != 0 {
				return c
			}
		}
		return b.pos - a.pos
	})
	items := make([]Item, len(fresh))
	for i, d := range fresh {
		items[i] = d.Item
	}
	return items, nil
}

// itemID is the identity of a feed item: its GUID (or Atom and JSON Feed
// id), else its link, else a hash of its title and date, which change
// less often than its text.
func itemID(fi *gofeed.Item) string {
	if id := strings.TrimSpace(fi.GUID); id != "" {
		return id
	}
	if link := itemLink(fi); link != "" {
		return link
	}
	date := fi.Published
	if fi.PublishedParsed != nil {
		date = fi.PublishedParsed.UTC().Format(time.RFC3339Nano)
	}
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(fi.Title)))
	h.Write([]byte{0})
	h.Write([]byte(date))
	if strings.TrimSpace(fi.Title) == "" && date == "" {
		// Nothing else tells such an item from the next one.
		h.Write([]byte{0})
		h.Write([]byte(cmp.Or(fi.Content, fi.Description)))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func itemLink(fi *gofeed.Item) string {
	if link := strings.TrimSpace(fi.Link); link != "" {
		return link
	}
	for _, l := range fi.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// buildItem makes the Item for a feed item.
func buildItem(feedURL, id string, base *url.URL, feed *gofeed.Feed, fi *gofeed.Item) Item {
	link := itemLink(fi)
	if u, err := url.Parse(link); err == nil && link != "" && base != nil {
		link = base.ResolveReference(u).String()
	}
	title := strings.Join(strings.Fields(htmlText(fi.Title)), " ")
	var published time.Time
	switch {
	case fi.PublishedParsed != nil:
		published = fi.PublishedParsed.UTC()
	case fi.UpdatedParsed != nil:
		published = fi.UpdatedParsed.UTC()
	}
	body := fi.Content
	if strings.TrimSpace(body) == "" {
		body = fi.Description
	}
	return Item{
		FeedURL: feedURL,
		ID:      id,
		Title:   title,
		Link:    link,
		Article: summarize.Article{
			Title:     title,
			Body:      htmlText(body),
			URL:       link,
			Source:    strings.Join(strings.Fields(htmlText(feed.Title)), " "),
			Byline:    authors(fi, feed),
			Published: published,
		},
	}
}

// Backoff returns how long to wait before polling the feed again: interval
// after a success, and after n failures in a row interval×2ⁿ, but no more
// than 6 hours (or interval, if that is longer). The wait is then spread by
// ±10% so that feeds that failed together do not retry together.
func (p *Poller) Backoff(s FeedState, interval time.Duration) time.Duration {
	limit := max(interval, maxBackoff)
	d := interval
	for i := 0; i < s.Failures && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	jitter := p.Jitter
	if jitter == nil {
		jitter = rand.Float64
	}
	spread := (jitter()*2 - 1) * backoffJitterPct / 100 // in [-0.1, 0.1)
	return d + time.Duration(float64(d)*spread)
}

// htmlText returns the plain text of an HTML fragment, such as a feed
// item's content: tags dropped, entities decoded, runs of white space
// collapsed, one paragraph or other block a line with a blank line between,
// as ParseHTML gives. Scripts, styles and other content that is not text
// are dropped whole. Text with no tags is taken for plain text and keeps
// its own line breaks.
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return cleanLines(html.UnescapeString(normalizeNewlines(s)))
	}
	var (
		b    strings.Builder
		skip int // depth inside elements whose content is not text
		pre  int // depth inside <pre>, whose line breaks are kept
	)
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			// The tokenizer reads from a string, so the only error is
			// io.EOF, and an unclosed tag at the end just ends the text.
			return cleanLines(b.String())
		case xhtml.TextToken:
			if skip > 0 {
				continue
			}
			text := string(z.Text()) // entities already decoded
			if pre == 0 {
				text = strings.Join(strings.Fields(text), " ")
				if text == "" {
					b.WriteByte(' ')
					continue
				}
				raw := z.Raw()
				if isSpace(raw[0]) {
					b.WriteByte(' ')
				}
				b.WriteString(text)
				if isSpace(raw[len(raw)-1]) {
					b.WriteByte(' ')
				}
				continue
			}
			b.WriteString(normalizeNewlines(text))
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case hidden[a]:
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
			case a == atom.Pre:
				if tt == xhtml.StartTagToken {
					pre++
				} else if tt == xhtml.EndTagToken && pre > 0 {
					pre--
				}
				b.WriteString("\n\n")
			case a == atom.Br:
				b.WriteByte('\n')
			case block[a]:
				b.WriteString("\n\n")
			}
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// hidden are the elements whose content is not text to read.
var hidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Title: true,
	atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Object: true, atom.Select: true,
}

// block are the elements that start a new paragraph.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Blockquote: true, atom.Li: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Hr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Main: true,
	atom.Nav: true, atom.Details: true, atom.Summary: true,
}

// cleanLines trims each line of s and leaves one blank line between
// paragraphs, as ParseHTML does: the block breaks of nested elements pile
// up, and blank lines at either end are noise.
func cleanLines(s string) string {
	var out []string
	blank := false
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			blank = true
			continue
		}
		if blank && len(out) > 0 {
			out = append(out, "")
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
