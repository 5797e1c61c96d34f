package ingest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// fetchTimeout bounds reading one linked page, as a feed poll is bounded.
const fetchTimeout = 20 * time.Second

// FetchArticle reads the page at link, at most maxBytes of it, in the
// encoding its response declares, and keeps its article. A nil client means
// a default one.
func FetchArticle(ctx context.Context, client *http.Client, link string, maxBytes int64) (summarize.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return summarize.Article{}, err
	}
	req.Header.Set("User-Agent", "briefbot (+https://github.com/briefbot/briefbot)")
	if client == nil {
		client = &http.Client{Timeout: fetchTimeout}
	}
	resp, err := client.Do(req)
	if err != nil {
		return summarize.Article{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return summarize.Article{}, fmt.Errorf("fetching %s: %s", link, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return summarize.Article{}, fmt.Errorf("fetching %s: %w", link, err)
	}
	if int64(len(data)) > maxBytes {
		return summarize.Article{}, fmt.Errorf("fetching %s: %w", link, ErrTooLarge)
	}
	text, err := DecodeHTML(data, resp.Header.Get("Content-Type"))
	if err != nil {
		return summarize.Article{}, fmt.Errorf("fetching %s: %w", link, err)
	}
	return ParseHTML(link, text, link)
}
