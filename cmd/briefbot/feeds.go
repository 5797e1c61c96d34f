package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

// followFeeds polls every configured feed on its own interval, with backoff
// after failures, and briefs each new item, until ctx is done. firstPolls
// is done once every feed has been polled once (or ctx is done first).
func followFeeds(ctx context.Context, feeds []config.Feed, p *ingest.Poller, db *store.DB, in *seedIngest, firstPolls *sync.WaitGroup) *sync.WaitGroup {
	var wg sync.WaitGroup
	firstPolls.Add(len(feeds))
	for _, f := range feeds {
		wg.Go(func() {
			interval := time.Duration(f.Interval)
			first := sync.OnceFunc(firstPolls.Done)
			defer first()
			for {
				items, err := p.Poll(ctx, f.URL)
				if err != nil && ctx.Err() == nil {
					in.mu.Lock()
					in.reject("feed", err.Error())
					in.mu.Unlock()
				}
				for _, it := range items {
					if ctx.Err() != nil {
						return
					}
					in.addItem(ctx, f, it)
				}
				first() // caught up with this feed
				wait := interval
				if st, ok, err := db.FeedState(ctx, f.URL); err == nil && ok {
					wait = p.Backoff(st, interval)
				}
				t := time.NewTimer(wait)
				select {
				case <-ctx.Done():
					t.Stop()
					return
				case <-t.C:
				}
			}
		})
	}
	return &wg
}

// addItem briefs one feed item. An item that carries only a summary is
// replaced by the article its link leads to, when that can be read.
func (s *seedIngest) addItem(ctx context.Context, f config.Feed, it ingest.Item) {
	a := it.Article
	if it.Link != "" && len(strings.Fields(a.Body)) < 120 {
		if full, err := s.fetchArticle(ctx, it.Link); err == nil && len(full.Body) > len(a.Body) {
			full.Title = a.Title
			if full.Published.IsZero() {
				full.Published = a.Published
			}
			if full.Byline == "" {
				full.Byline = a.Byline
			}
			a = full
		} else if err != nil {
			s.log.Info("kept the feed's summary", "link", it.Link, "err", err)
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
	b, err := safeBrief(a)
	if err != nil {
		s.log.Error("briefing a feed item failed", "feed", f.URL, "item", it.ID, "err", err)
		return
	}
	if name == "" {
		name = f.URL
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.save(ctx, store.Source{Kind: "feed", Key: it.FeedURL + " " + it.ID, Name: name}, it.Link, a, b); err != nil {
		s.log.Error("archiving a feed item failed", "feed", f.URL, "item", it.ID, "err", err)
	}
}

// fetchArticle reads the page at link and keeps its article.
func (s *seedIngest) fetchArticle(ctx context.Context, link string) (summarize.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return summarize.Article{}, err
	}
	req.Header.Set("User-Agent", "briefbot (+https://github.com/briefbot/briefbot)")
	client := s.client
	if client == nil {
		client = &http.Client{Timeout: 20 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return summarize.Article{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return summarize.Article{}, fmt.Errorf("fetching %s: %s", link, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, s.maxBytes+1))
	if err != nil {
		return summarize.Article{}, fmt.Errorf("fetching %s: %w", link, err)
	}
	if int64(len(data)) > s.maxBytes {
		return summarize.Article{}, fmt.Errorf("fetching %s: %w", link, ingest.ErrTooLarge)
	}
	text, err := ingest.DecodeHTML(data, resp.Header.Get("Content-Type"))
	if err != nil {
		return summarize.Article{}, fmt.Errorf("fetching %s: %w", link, err)
	}
	return ingest.ParseHTML(link, text, link)
}
