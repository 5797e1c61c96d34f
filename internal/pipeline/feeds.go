package pipeline

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
)

// Feed is a feed to follow.
type Feed struct {
	URL string
	// Name is shown for an item without a link; "" means the feed's title.
	Name string
	// Interval is the time between polls while the feed is healthy.
	Interval time.Duration
}

// FeedStore is the archive as the feed poller sees it.
func FeedStore(db *store.DB) ingest.FeedStore { return feedStore{db} }

// feedStore converts between the poller's FeedState and the archive's,
// which have the same fields, so that neither package imports the other.
type feedStore struct{ *store.DB }

func (s feedStore) FeedState(ctx context.Context, url string) (ingest.FeedState, bool, error) {
	st, ok, err := s.DB.FeedState(ctx, url)
	return ingest.FeedState(st), ok, err
}

func (s feedStore) SaveFeedState(ctx context.Context, st ingest.FeedState) error {
	return s.DB.SaveFeedState(ctx, store.FeedState(st))
}

// Follow polls every feed on its own interval, with backoff after failures,
// and briefs each new item, until ctx is done. caughtUp is called once every
// feed has been polled once (or ctx is done first).
func (p *Pipeline) Follow(ctx context.Context, feeds []Feed, poller *ingest.Poller, caughtUp func()) error {
	var first sync.WaitGroup
	first.Add(len(feeds))
	g, ctx := errgroup.WithContext(ctx)
	for _, f := range feeds {
		g.Go(func() error {
			polled := sync.OnceFunc(first.Done)
			defer polled()
			return p.follow(ctx, f, poller, polled)
		})
	}
	first.Wait()
	if caughtUp != nil {
		caughtUp()
	}
	return g.Wait()
}

// follow polls one feed until ctx is done; polled is called after each poll.
//
// Of several replicas sharing the archive, one polls a feed: the one that
// holds its lease, taken before each poll and renewed after it for twice
// the wait to the next. The others look again each interval, and take the
// feed over once a holder that died lets it run out.
func (p *Pipeline) follow(ctx context.Context, f Feed, poller *ingest.Poller, polled func()) error {
	for {
		held, err := p.DB.Lease(ctx, store.FeedLease(f.URL), 2*p.wait(ctx, f, poller))
		if err != nil || !held {
			if err != nil && ctx.Err() == nil {
				p.log().WarnContext(ctx, "taking a feed's lease failed", "feed", f.URL, "err", err)
			}
			polled() // another replica polls it
			if !sleep(ctx, f.Interval) {
				return nil
			}
			continue
		}
		items, err := poller.Poll(ctx, f.URL)
		if err != nil && ctx.Err() == nil {
			p.mu.Lock()
			p.reject("feed", err.Error())
			p.mu.Unlock()
		}
		for _, it := range items {
			if ctx.Err() != nil {
				return nil
			}
			p.AddItem(ctx, f, it)
		}
		polled() // caught up with this feed
		wait := p.wait(ctx, f, poller)
		// Renewed for the wait after this poll, longer after a failure.
		if _, err := p.DB.Lease(ctx, store.FeedLease(f.URL), 2*wait); err != nil && ctx.Err() == nil {
			p.log().WarnContext(ctx, "renewing a feed's lease failed", "feed", f.URL, "err", err)
		}
		if !sleep(ctx, wait) {
			return nil
		}
	}
}

// wait is the time from one poll of a feed to the next: its interval, or
// longer while it fails.
func (p *Pipeline) wait(ctx context.Context, f Feed, poller *ingest.Poller) time.Duration {
	if st, ok, err := p.DB.FeedState(ctx, f.URL); err == nil && ok {
		return poller.Backoff(ingest.FeedState(st), f.Interval)
	}
	return f.Interval
}

// sleep waits for d or until ctx is done, and reports whether it waited
// the whole time.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// AddItem briefs one feed item. An item that carries only a summary is
// replaced by the article its link leads to, when that can be read. An item
// that cannot be briefed or archived is logged: the feed goes on.
func (p *Pipeline) AddItem(ctx context.Context, f Feed, it ingest.Item) {
	a := it.Article
	if it.Link != "" && len(strings.Fields(a.Body)) < 120 {
		if full, err := ingest.FetchArticle(ctx, p.Client, it.Link, p.MaxBytes); err == nil && len(full.Body) > len(a.Body) {
			full.Title = a.Title
			if full.Published.IsZero() {
				full.Published = a.Published
			}
			if full.Byline == "" {
				full.Byline = a.Byline
			}
			a = full
		} else if err != nil {
			p.log().Info("kept the feed's summary", "link", it.Link, "err", err)
		}
	}
	name := f.Name
	if name == "" {
		name = it.Article.Source // the feed's own title
	}
	if it.Link != "" {
		a.Source = it.Link // shown under the briefing, so readers can open it
	} else {
		a.Source = name
	}
	b, err := Brief(a)
	if err != nil {
		p.log().Error("briefing a feed item failed", "feed", f.URL, "item", it.ID, "err", err)
		return
	}
	if name == "" {
		name = f.URL
	}
	src := store.Source{Kind: "feed", Key: it.FeedURL + " " + it.ID, Name: name}
	if err := p.saveAll(ctx, []store.Doc{{Source: src, Article: a, Briefing: b}}, strconv.Quote(it.Link)); err != nil {
		p.log().Error("archiving a feed item failed", "feed", f.URL, "item", it.ID, "err", err)
	}
}
