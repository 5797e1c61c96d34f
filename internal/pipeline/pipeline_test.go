package pipeline

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
)

// TestDescribeCountsFeedsApart keeps feed briefings and failed polls out of
// the seeds folder's counts in /sources.
func TestDescribeCountsFeedsApart(t *testing.T) {
	p := &Pipeline{Dir: "seeds", briefed: 1, skipped: 2, feedBriefed: 3, feedErrors: 1}
	got := p.Describe(t.Context())
	want := "Seeds folder seeds (watched): 1 new briefing this run, 2 refused.\nFeeds: 3 new briefings this run, 1 failed poll."
	if got != want {
		t.Errorf("Describe = %q; want %q", got, want)
	}
}

// TestPollWithArchive polls a feed twice with the archive as the store: the
// second poll finds nothing new, and the feed's state is kept.
func TestPollWithArchive(t *testing.T) {
	const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><guid>g1</guid><title>One</title><description>First.</description><pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate></item>
<item><guid>g2</guid><title>Two</title><description>Second.</description><pubDate>Sat, 01 Mar 2025 11:00:00 GMT</pubDate></item>
</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, feed)
	}))
	t.Cleanup(srv.Close)
	db, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	day2 := time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC)
	p := &ingest.Poller{Store: FeedStore(db), Now: func() time.Time { return day2 }}
	for i, want := range []int{2, 0} {
		items, err := p.Poll(t.Context(), srv.URL)
		if err != nil {
			t.Fatalf("Poll #%d: %v", i+1, err)
		}
		if len(items) != want {
			t.Errorf("Poll #%d returned %d items; want %d", i+1, len(items), want)
		}
	}
	s, _, err := db.FeedState(t.Context(), srv.URL)
	if err != nil || !s.LastSuccess.Equal(day2) || s.Items != 2 {
		t.Errorf("FeedState = %+v, %v; want a success at %v with 2 items", s, err, day2)
	}
}

// TestFollowOneReplicaPerFeed follows a feed from two replicas sharing an
// archive: one of them polls it, and its items are archived once.
func TestFollowOneReplicaPerFeed(t *testing.T) {
	const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><guid>g1</guid><title>One</title><description>The harbour reopens on Monday, the council said.</description></item>
</channel></rss>`
	var polls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		polls.Add(1)
		fmt.Fprint(w, feed)
	}))
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), "a.db")
	ctx, stop := context.WithCancel(t.Context())
	defer stop()
	var wg sync.WaitGroup
	var dbs []*store.DB
	for _, name := range []string{"a", "b"} {
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		db.SetReplica(name)
		dbs = append(dbs, db)
		p := &Pipeline{DB: db}
		caughtUp := make(chan struct{})
		go p.Follow(ctx, []Feed{{URL: srv.URL, Interval: time.Hour}}, &ingest.Poller{Store: FeedStore(db)}, func() { close(caughtUp) })
		wg.Go(func() { <-caughtUp })
	}
	wg.Wait()
	stop()
	if n := polls.Load(); n != 1 {
		t.Errorf("the feed was polled %d times by two replicas; want once", n)
	}
	entries, err := dbs[0].Outbox().Since(t.Context(), 0, 10)
	if err != nil || len(entries) != 1 {
		t.Errorf("archived %d entries, %v; want 1", len(entries), err)
	}
}
