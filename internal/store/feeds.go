package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FeedState is what is remembered about a feed between polls. It has the
// fields of ingest.FeedState, so that one converts to the other, without
// the archive importing the feed reader and its parsers.
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

// feedColumns are the columns of feeds in the order scanFeed reads them.
const feedColumns = `url, etag, last_modified, last_checked, last_success, failures, last_error, items`

// FeedState returns what is remembered about the feed at url, and false if
// it has never been polled.
func (db *DB) FeedState(ctx context.Context, url string) (FeedState, bool, error) {
	row := db.sql.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url)
	s, err := scanFeed(row)
	if errors.Is(err, sql.ErrNoRows) {
		return FeedState{}, false, nil
	}
	if err != nil {
		return FeedState{}, false, fmt.Errorf("reading state of feed %q: %w", url, err)
	}
	return s, true, nil
}

// SaveFeedState stores the state of the feed at s.URL, replacing what was
// there.
func (db *DB) SaveFeedState(ctx context.Context, s FeedState) error {
	_, err := db.exec(ctx, `INSERT INTO feeds (`+feedColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET
			etag = excluded.etag,
			last_modified = excluded.last_modified,
			last_checked = excluded.last_checked,
			last_success = excluded.last_success,
			failures = excluded.failures,
			last_error = excluded.last_error,
			items = excluded.items`,
		s.URL, s.ETag, s.LastModified, unixNano(s.LastChecked), unixNano(s.LastSuccess),
		s.Failures, s.LastError, s.Items)
	if err != nil {
		return fmt.Errorf("saving state of feed %q: %w", s.URL, err)
	}
	return nil
}

// SeenItem reports whether the item of the feed was marked seen.
func (db *DB) SeenItem(ctx context.Context, feedURL, itemID string) (bool, error) {
	var one int
	err := db.sql.QueryRowContext(ctx,
		`SELECT 1 FROM feed_items WHERE feed_url = ? AND item_id = ?`, feedURL, itemID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading item %q of feed %q: %w", itemID, feedURL, err)
	}
	return true, nil
}

// MarkItem marks the item of the feed seen. Marking it again keeps the
// time it was first seen.
func (db *DB) MarkItem(ctx context.Context, feedURL, itemID string) error {
	_, err := db.exec(ctx,
		`INSERT INTO feed_items (feed_url, item_id, seen) VALUES (?, ?, ?)
		ON CONFLICT (feed_url, item_id) DO NOTHING`,
		feedURL, itemID, db.now().UnixNano())
	if err != nil {
		return fmt.Errorf("marking item %q of feed %q: %w", itemID, feedURL, err)
	}
	return nil
}

// Feeds returns the state of every feed polled, by URL.
func (db *DB) Feeds(ctx context.Context) ([]FeedState, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("listing feeds: %w", err)
	}
	defer rows.Close()
	var out []FeedState
	for rows.Next() {
		s, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("listing feeds: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing feeds: %w", err)
	}
	return out, nil
}

// scanFeed reads a row of feedColumns.
func scanFeed(row interface{ Scan(...any) error }) (FeedState, error) {
	var (
		s                  FeedState
		checked, succeeded sql.NullInt64
	)
	err := row.Scan(&s.URL, &s.ETag, &s.LastModified, &checked, &succeeded, &s.Failures, &s.LastError, &s.Items)
	if err != nil {
		return FeedState{}, err
	}
	s.LastChecked = fromUnixNano(checked)
	s.LastSuccess = fromUnixNano(succeeded)
	return s, nil
}
