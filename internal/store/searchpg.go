package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
)

// recentPostgres is recentMatches on PostgreSQL, which cannot read a
// full-text index in order. It can read the rows newest first, testing
// each, until it has enough: cheap for a common word, dear for a rare one;
// or read every match through the index and sort them: the other way
// round. A topic with 10,000 to 20,000 matches in a million rows was dear
// both ways (26 ms), so there is a third: a window of the newest rows,
// sized to hold about windowMargin times limit matches, where PostgreSQL
// reads the full-text index and the index on seq together and tests only
// the matches in the window. A window that holds fewer is widened by what
// it held, up to the whole table, so that the answer is always the most
// recent limit matches of all. Left to itself PostgreSQL tests rows far
// too long (a tsvector's @@ is dearer than it thinks), so it is told
// which way, by its own estimate of the matches.
func (db *DB) recentPostgres(ctx context.Context, q string, limit int) ([]matchedRow, error) {
	var top sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(seq) FROM search`).Scan(&top); err != nil || !top.Valid {
		return nil, err
	}
	n, err := db.estimate(ctx, `SELECT 1 FROM search WHERE doc @@ to_tsquery('briefbot', ?)`, phraseWords.ReplaceAllStringFunc(q, longestWord))
	if err != nil {
		return nil, err
	}
	return db.recentBy(ctx, searchWay(top.Int64, n, limit), q, top.Int64, n, limit)
}

// recentBy reads the most recent limit rows matching q, of which there
// are about n in rows numbered up to top, the way given.
func (db *DB) recentBy(ctx context.Context, way int, q string, top int64, n float64, limit int) ([]matchedRow, error) {
	switch way {
	case newestFirst:
		return db.matchRows(ctx, `SELECT rowid, speaker_id, at, `+pgRank+`
			FROM search, to_tsquery('briefbot', ?) AS q WHERE doc @@ q ORDER BY seq DESC LIMIT ?`, q, limit)
	case inWindow:
		// Enough matches expected among the rows search_newest holds: read
		// them there. Too few found means the estimate was off; the window
		// of the whole table finds them.
		if n*float64(min(top, recentRows))/float64(top) >= recentMargin*float64(limit) {
			rows, err := db.matchRows(ctx, `SELECT rowid, speaker_id, at, `+pgRank+` FROM (
					SELECT rowid, speaker_id, at, doc, seq FROM search_newest
					WHERE doc @@ to_tsquery('briefbot', ?1)
					AND seq + 0 > (SELECT MAX(seq) - search_newest_rows() FROM search_newest)
					ORDER BY seq + 0 DESC LIMIT ?2) s,
					to_tsquery('briefbot', ?1) AS q
				ORDER BY seq DESC`, q, limit)
			if err != nil || len(rows) == limit {
				return rows, err
			}
		}
		for window := windowFor(top, n, limit); window < top; {
			rows, err := db.matchesInWindow(ctx, q, top-window, limit)
			if err != nil || len(rows) == limit {
				return rows, err
			}
			window = windowFor(window, float64(len(rows)), limit)
		}
	}
	// Every match, sorted: ordered by an expression, so not read newest
	// first through the index on seq. The rank is of the rows kept only:
	// ts_rank reads the whole document.
	return db.matchRows(ctx, `SELECT rowid, speaker_id, at, `+pgRank+` FROM (
			SELECT rowid, speaker_id, at, doc, seq FROM search
			WHERE doc @@ to_tsquery('briefbot', ?1) ORDER BY seq + 0 DESC LIMIT ?2) s,
			to_tsquery('briefbot', ?1) AS q
		ORDER BY seq DESC`, q, limit)
}

// phraseWords matches a phrase in a tsquery as tsQuery writes it: quoted
// words joined by <->.
var phraseWords = regexp.MustCompile(`'[^']*'(?: <-> '[^']*')+`)

// longestWord is the longest quoted word of a phrase, the rarest by a
// rough rule, to estimate the phrase's matches by: PostgreSQL's estimate
// of a phrase ("United States") is the product of its words' shares, far
// too low, and one of its words matches at least as often as the phrase.
func longestWord(phrase string) string {
	var best string
	for _, w := range strings.Split(phrase, " <-> ") {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// matchesInWindow reads the most recent limit rows matching q of those
// after seq from, through the full-text index and the index on seq
// together (the function search_window, migration 0004).
func (db *DB) matchesInWindow(ctx context.Context, q string, from int64, limit int) ([]matchedRow, error) {
	return db.matchRows(ctx, `SELECT rowid, speaker_id, at, `+pgRank+`
		FROM to_tsquery('briefbot', ?1) AS q, search_window(q, ?2, ?3)
		ORDER BY seq DESC`, q, from, limit)
}

// recentRows is how many of the newest search rows the table
// search_newest holds (search_newest_rows(), migration 0005): the newest
// matches of a word in one row of fifty to one of a thousand are read
// there, through an index of its rows alone, not through the whole
// table's and a window of it. Only the rows numbered after its newest
// less search_newest_rows() are read, all of which it holds: it may hold
// older ones, but not all of them.
const recentRows = 131072

// recentMargin is how many times the matches wanted search_newest must be
// expected to hold for a search to look there first: one that finds too
// few is a round trip lost, though a cheap one, as it reads few matches.
const recentMargin = 1.5

// A way to find the most recent matches of a search on PostgreSQL.
const (
	newestFirst = iota // read the rows newest first, testing each
	inWindow           // the matches in a window of the newest rows
	sortAll            // every match, sorted
)

// The costs of the ways, in the time to test one row read newest first
// (about half a microsecond), measured with EXPLAIN ANALYZE on the archive
// of BenchmarkWhoSaid: a match read from the table through a bitmap and
// tested costs four, a match in the full-text index's bitmap about half,
// and a row in the bitmap of the index on seq a sixteenth.
const (
	costMatchRead = 4
	costMatchGIN  = 0.5
	costSeqBitmap = 1.0 / 16
)

// searchWay is the cheapest way to find the newest limit matches when
// the table's rows are numbered up to top and n of them match.
func searchWay(top int64, n float64, limit int) int {
	if n < 1 {
		return sortAll
	}
	newest := float64(limit) * float64(top) / n
	window := float64(windowFor(top, n, limit))
	windowed := n*costMatchGIN + window*costSeqBitmap + windowMargin*float64(limit)*costMatchRead
	all := n * (costMatchGIN + costMatchRead)
	switch {
	case window >= float64(top) || all <= min(newest, windowed):
		return sortAll
	case newest <= windowed:
		return newestFirst
	}
	return inWindow
}

// windowMargin is how many times the matches wanted a window is sized to
// hold: the estimates are rough, and matches are not spread evenly in
// time.
const windowMargin = 2

// windowFor is the window of newest rows (in seq numbers) that holds about
// windowMargin times limit matches when span rows hold n of them.
func windowFor(span int64, n float64, limit int) int64 {
	if n < 1 {
		return math.MaxInt64
	}
	w := float64(span) * windowMargin * float64(limit) / n
	if w >= math.MaxInt64/2 {
		return math.MaxInt64
	}
	return int64(math.Ceil(w))
}

// estimate is how many rows PostgreSQL's planner expects query to return.
func (db *DB) estimate(ctx context.Context, query string, args ...any) (float64, error) {
	var plan string
	if err := db.sql.QueryRowContext(ctx, `EXPLAIN (FORMAT JSON) `+query, args...).Scan(&plan); err != nil {
		return 0, err
	}
	var p []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		}
	}
	if err := json.Unmarshal([]byte(plan), &p); err != nil || len(p) == 0 {
		return 0, fmt.Errorf("reading the plan of a search: %v", err)
	}
	return p[0].Plan.Rows, nil
}

// pgRank is PostgreSQL's relevance of a search row doc to a query q, on
// the scale of FTS5's bm25: negative, lower is better. Quotes' and
// positions' own words weigh four times their topics, speaker and forms.
const pgRank = `-ts_rank('{0.25, 0.25, 0.25, 1}', doc, q, 1)`
