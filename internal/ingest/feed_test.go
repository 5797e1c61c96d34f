package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

// memStore is an in-memory FeedStore.
type memStore struct {
	mu     sync.Mutex
	states map[string]FeedState
	seen   map[string]bool // feedURL + "\x00" + itemID
}

func newMemStore() *memStore {
	return &memStore{states: map[string]FeedState{}, seen: map[string]bool{}}
}

func (m *memStore) FeedState(_ context.Context, url string) (FeedState, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.states[url]
	return s, ok, nil
}

func (m *memStore) SaveFeedState(_ context.Context, s FeedState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.states[s.URL] = s
	return nil
}

func (m *memStore) SeenItem(_ context.Context, feedURL, itemID string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seen[feedURL+"\x00"+itemID], nil
}

func (m *memStore) MarkItem(_ context.Context, feedURL, itemID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seen[feedURL+"\x00"+itemID] = true
	return nil
}

func (m *memStore) state(t *testing.T, url string) FeedState {
	t.Helper()
	s, ok, _ := m.FeedState(t.Context(), url)
	if !ok {
		t.Fatalf("no state saved for %q", url)
	}
	return s
}

// feedServer serves one feed whose body, status and ETag a test changes
// between polls, and answers If-None-Match with 304.
type feedServer struct {
	*httptest.Server

	mu          sync.Mutex
	body        string
	contentType string
	status      int
	etag        string
	requests    []http.Header
}

func newFeedServer(t *testing.T, contentType, body string) *feedServer {
	t.Helper()
	fs := &feedServer{body: body, contentType: contentType, status: http.StatusOK}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		fs.requests = append(fs.requests, r.Header.Clone())
		if fs.etag != "" {
			w.Header().Set("ETag", fs.etag)
			if r.Header.Get("If-None-Match") == fs.etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Header().Set("Content-Type", fs.contentType)
		w.WriteHeader(fs.status)
		fmt.Fprint(w, fs.body)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(status int, etag, body string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.status, fs.etag, fs.body = status, etag, body
}

func (fs *feedServer) lastRequest() http.Header {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.requests[len(fs.requests)-1]
}

// at is an hour of the tests' day, 1 March 2025.
func at(hour int) time.Time { return time.Date(2025, 3, 1, hour, 0, 0, 0, time.UTC) }

// rssItem is one item of an RSS feed; empty fields are left out.
type rssItem struct {
	guid, link, title, desc string
	date                    time.Time
}

// rss writes an RSS 2.0 feed of the items, in the order given.
func rss(items ...rssItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Harbour Times</title><link>https://harbour.example/</link><description>News</description>
`)
	for _, it := range items {
		b.WriteString("<item>")
		if it.guid != "" {
			fmt.Fprintf(&b, `<guid isPermaLink="false">%s</guid>`, it.guid)
		}
		if it.link != "" {
			fmt.Fprintf(&b, `<link>%s</link>`, it.link)
		}
		if it.title != "" {
			fmt.Fprintf(&b, `<title>%s</title>`, it.title)
		}
		if it.desc != "" {
			fmt.Fprintf(&b, `<description><![CDATA[%s]]></description>`, it.desc)
		}
		if !it.date.IsZero() {
			fmt.Fprintf(&b, `<pubDate>%s</pubDate>`, it.date.Format(time.RFC1123Z))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// numbered is item n of the tests' RSS feed, published at hour n.
func numbered(n int) rssItem {
	return rssItem{
		guid:  fmt.Sprintf("tag:harbour.example,2025:%d", n),
		link:  fmt.Sprintf("https://harbour.example/news/%d", n),
		title: fmt.Sprintf("Story %d", n),
		desc:  fmt.Sprintf("<p>Paragraph one of story %d.</p><p>Paragraph two.</p>", n),
		date:  at(n),
	}
}

func newPoller(store FeedStore) *Poller {
	return &Poller{Store: store, Now: func() time.Time { return at(23) }}
}

func ids(items []Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func TestPollRSS(t *testing.T) {
	store := newMemStore()
	srv := newFeedServer(t, "application/rss+xml",
		rss(numbered(5), numbered(4), numbered(3), numbered(2), numbered(1)))
	srv.set(http.StatusOK, `"v1"`, srv.body)
	p := newPoller(store)

	// A new feed briefs its newest three items, oldest first.
	items, err := p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatalf("Poll #1: %v", err)
	}
	want := []Item{}
	for _, n := range []int{3, 4, 5} {
		want = append(want, Item{
			FeedURL: srv.URL,
			ID:      fmt.Sprintf("tag:harbour.example,2025:%d", n),
			Title:   fmt.Sprintf("Story %d", n),
			Link:    fmt.Sprintf("https://harbour.example/news/%d", n),
			Article: summarize.Article{
				Title:     fmt.Sprintf("Story %d", n),
				Body:      fmt.Sprintf("Paragraph one of story %d.\n\nParagraph two.", n),
				URL:       fmt.Sprintf("https://harbour.example/news/%d", n),
				Source:    "The Harbour Times",
				Published: at(n),
			},
		})
	}
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("Poll #1 (-want +got):\n%s", diff)
	}
	for n := 1; n <= 5; n++ {
		if seen, _ := store.SeenItem(t.Context(), srv.URL, fmt.Sprintf("tag:harbour.example,2025:%d", n)); !seen {
			t.Errorf("item %d not marked seen after the first poll", n)
		}
	}
	s := store.state(t, srv.URL)
	if diff := cmp.Diff(FeedState{URL: srv.URL, ETag: `"v1"`, LastChecked: at(23), LastSuccess: at(23), Items: 5}, s); diff != "" {
		t.Errorf("state after Poll #1 (-want +got):\n%s", diff)
	}

	// Unchanged: the ETag is sent back and 304 gives nothing.
	items, err = p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatalf("Poll #2: %v", err)
	}
	if len(items) != 0 {
		t.Errorf("Poll #2 after 304 = %v; want none", ids(items))
	}
	if got := srv.lastRequest().Get("If-None-Match"); got != `"v1"` {
		t.Errorf("If-None-Match = %q; want %q", got, `"v1"`)
	}
	if s := store.state(t, srv.URL); s.Failures != 0 || s.LastSuccess != at(23) || s.ETag != `"v1"` {
		t.Errorf("state after 304 = %+v; want a success that keeps the ETag", s)
	}

	// Story 2 is re-sent with a new date and the items are shuffled: only
	// the new story 6 is new.
	resent := numbered(2)
	resent.date = at(7)
	resent.title = "Story 2, updated"
	srv.set(http.StatusOK, `"v2"`, rss(numbered(3), resent, numbered(6), numbered(5), numbered(4)))
	items, err = p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatalf("Poll #3: %v", err)
	}
	if diff := cmp.Diff([]string{"tag:harbour.example,2025:6"}, ids(items)); diff != "" {
		t.Errorf("Poll #3 after a re-dated item (-want +got):\n%s", diff)
	}
	if s := store.state(t, srv.URL); s.ETag != `"v2"` {
		t.Errorf("ETag after Poll #3 = %q; want the new one", s.ETag)
	}
}

func TestPollOrdersNewItemsOldestFirst(t *testing.T) {
	store := newMemStore()
	srv := newFeedServer(t, "application/rss+xml", rss(numbered(1)))
	p := newPoller(store)
	if _, err := p.Poll(t.Context(), srv.URL); err != nil {
		t.Fatal(err)
	}
	// More new items than NewItems: once a feed is known, all are briefed.
	srv.set(http.StatusOK, "", rss(numbered(4), numbered(2), numbered(6), numbered(3), numbered(5), numbered(1)))
	items, err := p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for n := 2; n <= 6; n++ {
		want = append(want, fmt.Sprintf("tag:harbour.example,2025:%d", n))
	}
	if diff := cmp.Diff(want, ids(items)); diff != "" {
		t.Errorf("Poll (-want +got):\n%s", diff)
	}
}

func TestPollIdentity(t *testing.T) {
	store := newMemStore()
	byLink := rssItem{link: "https://harbour.example/a", title: "Linked", date: at(1), desc: "first"}
	byHash := rssItem{title: "Unlinked", date: at(2), desc: "first"}
	srv := newFeedServer(t, "application/rss+xml", rss(byHash, byLink))
	p := newPoller(store)
	items, err := p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("Poll = %v; want 2 items", ids(items))
	}
	if items[0].ID != "https://harbour.example/a" {
		t.Errorf("ID of an item without a GUID = %q; want its link", items[0].ID)
	}
	if !strings.HasPrefix(items[1].ID, "sha256:") || len(items[1].ID) != len("sha256:")+64 {
		t.Errorf("ID of an item without GUID or link = %q; want a SHA-256", items[1].ID)
	}

	// The same items with new text and in another order are not new; a
	// different title at the same date is.
	byLink.desc, byHash.desc = "edited", "edited"
	other := rssItem{title: "Another unlinked", date: at(2)}
	srv.set(http.StatusOK, "", rss(byLink, other, byHash))
	items, err = p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Title != "Another unlinked" {
		t.Errorf("Poll of edited items = %+v; want only the other item", items)
	}
}

func TestPollAtomAndJSON(t *testing.T) {
	const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Gazette</title>
  <id>urn:uuid:feed</id>
  <updated>2025-03-01T10:00:00Z</updated>
  <author><name>Gazette Staff</name></author>
  <entry>
    <title>Quay works begin</title>
    <author><name>Rhiannon Vale</name></author>
    <author><name>Kofi Mensah-Bright</name></author>
    <id>urn:uuid:2</id>
    <link href="https://atom.example/quay"/>
    <published>2025-03-01T10:00:00Z</published>
    <updated>2025-03-01T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Work &amp;amp; noise&lt;/p&gt;&lt;p&gt;Second&lt;br&gt;line&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Ferry returns</title>
    <id>urn:uuid:1</id>
    <link href="https://atom.example/ferry"/>
    <updated>2025-03-01T09:00:00Z</updated>
    <summary>The ferry is back.</summary>
  </entry>
</feed>`
	const jsonFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON Journal",
  "items": [
    {"id": "j2", "url": "https://json.example/2", "title": "Market opens",
     "content_html": "<p>Stalls &eacute;t&eacute;.</p><script>alert(1)</script>",
     "date_published": "2025-03-01T10:00:00Z", "authors": [{"name": "BY ODILE FARGE"}]},
    {"id": "j1", "url": "https://json.example/1", "title": "Tide tables",
     "content_text": "High water at noon.\nLow water at six.",
     "date_published": "2025-03-01T09:00:00Z"}
  ]
}`
	tests := []struct {
		name, contentType, body string
		want                    []Item
	}{
		{"atom", "application/atom+xml", atomFeed, []Item{
			{ID: "urn:uuid:1", Title: "Ferry returns", Link: "https://atom.example/ferry", Article: summarize.Article{
				Title: "Ferry returns", Body: "The ferry is back.", URL: "https://atom.example/ferry",
				Source: "Atom Gazette", Byline: "Gazette Staff", Published: at(9)}},
			{ID: "urn:uuid:2", Title: "Quay works begin", Link: "https://atom.example/quay", Article: summarize.Article{
				Title: "Quay works begin", Body: "Work & noise\n\nSecond\nline", URL: "https://atom.example/quay",
				Source: "Atom Gazette", Byline: "Rhiannon Vale and Kofi Mensah-Bright", Published: at(10)}},
		}},
		{"json", "application/feed+json", jsonFeed, []Item{
			{ID: "j1", Title: "Tide tables", Link: "https://json.example/1", Article: summarize.Article{
				Title: "Tide tables", Body: "High water at noon.\nLow water at six.", URL: "https://json.example/1",
				Source: "JSON Journal", Published: at(9)}},
			{ID: "j2", Title: "Market opens", Link: "https://json.example/2", Article: summarize.Article{
				Title: "Market opens", Body: "Stalls été.", URL: "https://json.example/2",
				Source: "JSON Journal", Byline: "Odile Farge", Published: at(10)}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFeedServer(t, tt.contentType, tt.body)
			items, err := newPoller(newMemStore()).Poll(t.Context(), srv.URL)
			if err != nil {
				t.Fatalf("Poll: %v", err)
			}
			for i := range tt.want {
				tt.want[i].FeedURL = srv.URL
			}
			if diff := cmp.Diff(tt.want, items); diff != "" {
				t.Errorf("Poll (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPollFailures(t *testing.T) {
	store := newMemStore()
	srv := newFeedServer(t, "application/rss+xml", "")
	p := newPoller(store)

	srv.set(http.StatusInternalServerError, "", "oops")
	_, err := p.Poll(t.Context(), srv.URL)
	if err == nil || !strings.Contains(err.Error(), srv.URL) || !strings.Contains(err.Error(), "500") {
		t.Errorf("Poll of a 500 = %v; want an error with the URL and status", err)
	}
	if s := store.state(t, srv.URL); s.Failures != 1 || !strings.Contains(s.LastError, "500") || !s.LastSuccess.IsZero() {
		t.Errorf("state after a 500 = %+v; want one failure recorded", s)
	}

	srv.set(http.StatusOK, "", "<rss><channel><item><title>cut off")
	if _, err := p.Poll(t.Context(), srv.URL); err == nil || !strings.Contains(err.Error(), srv.URL) {
		t.Errorf("Poll of a malformed feed = %v; want an error with the URL", err)
	}
	srv.set(http.StatusOK, "", "this is not a feed at all")
	if _, err := p.Poll(t.Context(), srv.URL); err == nil {
		t.Errorf("Poll of text that is not a feed: no error")
	}
	if s := store.state(t, srv.URL); s.Failures != 3 || s.LastError == "" {
		t.Errorf("state after three failures = %+v; want Failures 3 and the last error", s)
	}

	// The first success resets the count, and the feed is still new: only
	// its newest items are briefed.
	srv.set(http.StatusOK, "", rss(numbered(1), numbered(2), numbered(3), numbered(4)))
	items, err := p.Poll(t.Context(), srv.URL)
	if err != nil {
		t.Fatalf("Poll after failures: %v", err)
	}
	if len(items) != 3 {
		t.Errorf("Poll after failures = %v; want the newest 3", ids(items))
	}
	if s := store.state(t, srv.URL); s.Failures != 0 || s.LastError != "" || s.LastSuccess != at(23) {
		t.Errorf("state after success = %+v; want failures reset", s)
	}
}

func TestPollTooLarge(t *testing.T) {
	store := newMemStore()
	srv := newFeedServer(t, "application/rss+xml", rss(numbered(1), numbered(2)))
	p := newPoller(store)
	p.MaxBytes = 200
	_, err := p.Poll(t.Context(), srv.URL)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Poll of a large feed = %v; want ErrTooLarge", err)
	}
	if s := store.state(t, srv.URL); s.Failures != 1 {
		t.Errorf("Failures = %d; want 1", s.Failures)
	}
}

func TestPollRedirectLoop(t *testing.T) {
	var (
		mu   sync.Mutex
		hits int
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	store := newMemStore()
	_, err := newPoller(store).Poll(t.Context(), srv.URL+"/feed")
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("Poll of a redirect loop = %v; want a redirect error", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits != 1+maxRedirects {
		t.Errorf("requests = %d; want %d", hits, 1+maxRedirects)
	}
	if s := store.state(t, srv.URL+"/feed"); s.Failures != 1 {
		t.Errorf("Failures = %d; want 1", s.Failures)
	}
}

func TestPollTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	store := newMemStore()
	p := newPoller(store)
	p.Client = &http.Client{Timeout: 50 * time.Millisecond}
	_, err := p.Poll(t.Context(), srv.URL)
	if err == nil || !strings.Contains(err.Error(), srv.URL) {
		t.Errorf("Poll of a server that does not answer = %v; want an error with the URL", err)
	}
	if s := store.state(t, srv.URL); s.Failures != 1 {
		t.Errorf("Failures = %d; want 1", s.Failures)
	}
}

func TestBackoff(t *testing.T) {
	const interval = 10 * time.Minute
	half := func() float64 { return 0.5 } // no spread
	tests := []struct {
		failures int
		interval time.Duration
		want     time.Duration
	}{
		{0, interval, interval},
		{1, interval, 20 * time.Minute},
		{2, interval, 40 * time.Minute},
		{5, interval, 320 * time.Minute},
		{6, interval, 6 * time.Hour},
		{1000, interval, 6 * time.Hour},
		{3, 12 * time.Hour, 12 * time.Hour},
	}
	p := &Poller{Jitter: half}
	for _, tt := range tests {
		if got := p.Backoff(FeedState{Failures: tt.failures}, tt.interval); got != tt.want {
			t.Errorf("Backoff(%d failures, %v) = %v; want %v", tt.failures, tt.interval, got, tt.want)
		}
	}

	s := FeedState{Failures: 2}
	lo := (&Poller{Jitter: func() float64 { return 0 }}).Backoff(s, interval)
	hi := (&Poller{Jitter: func() float64 { return 0.9999999 }}).Backoff(s, interval)
	if lo != 36*time.Minute || hi < 43*time.Minute || hi >= 44*time.Minute {
		t.Errorf("Backoff with jitter 0 and ~1 = %v, %v; want 36m and just under 44m", lo, hi)
	}
	var r Poller
	for range 1000 {
		if got := r.Backoff(s, interval); got < 36*time.Minute || got >= 44*time.Minute {
			t.Fatalf("Backoff with random jitter = %v; want within ±10%% of 40m", got)
		}
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain &amp; simple", "plain & simple"},
		{"line one\r\nline two\n\n\n\nnext paragraph", "line one\nline two\n\nnext paragraph"},
		{"<p>One</p><p>Two <b>bold</b> words</p>", "One\n\nTwo bold words"},
		{"<div><p>  Spaced\n   out  </p></div>", "Spaced out"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<ul><li>x</li><li>y</li></ul>", "x\n\ny"},
		{"<p>Caf&eacute; &lt;ok&gt; &#8220;q&#8221;</p>", "Café <ok> “q”"},
		{"<script>var x = '<p>no</p>';</script><style>p{}</style><p>yes</p>", "yes"},
		{"<p>unclosed <i>tags", "unclosed tags"},
		{"x < y and y > z <b>ok</b>", "x < y and y > z ok"},
		{"<a href=x>link</a>, then text", "link, then text"},
		{"<pre>keep\nlines</pre>", "keep\nlines"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
