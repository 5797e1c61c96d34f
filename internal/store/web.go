package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// This file holds what the web archive reads: speakers' pages, articles
// with every quote and position, and searches with filters. The SQL is
// plain joins and unions, with the full-text matching left to rank; what
// differs between SQLite and PostgreSQL is the dialect's (dialect.go).

// Filter narrows what a page lists. Zero fields do not filter.
type Filter struct {
	// Since and Until bound the article's date (its published date, or
	// else when it was archived): Since included, Until not.
	Since, Until time.Time
	// Source is an article's outlet, its file or feed name, or the folder
	// under the seeds folder it came from, in any case.
	Source string
	// Speaker is part of a speaker's name or alias, in any case.
	Speaker string
	// QuotesOnly leaves out positions: only the speakers' own words.
	QuotesOnly bool
	// About keeps only what speaks of every one of its words, as a search
	// would find them (negotiation, negotiations; Europe, European): a
	// speaker's page narrowed to a topic. A search ignores it: its words
	// are the search's own.
	About string
}

// Statement is one quote or position, with who said it and where.
type Statement struct {
	// Quote is true for a direct quote, false for a position.
	Quote     bool
	Text      string
	SpeakerID int64 // 0 when unattributed
	Speaker   string
	// Start and End are the byte offsets of Text in the article's body.
	Start, End int
	Article    ArticleRef
	// Also are the other articles that carry the same words (wire copy
	// reprinted), when a list shows them once.
	Also []ArticleRef
}

// ArticleRef names an article for a link.
type ArticleRef struct {
	ID    int64
	Title string
	// Source is the outlet, or else the file or feed name.
	Source string
	// Date is the article's published date, or else when it was archived.
	Date time.Time
}

// SpeakerInfo is what the archive knows of a speaker.
type SpeakerInfo struct {
	ID         int64
	Name, Kind string
	Role       string
	Aliases    []string
	// Quotes and Positions count what the latest versions of articles
	// attribute to the speaker.
	Quotes, Positions int
	// Topics are the topics of the articles the speaker speaks in, the
	// most frequent first.
	Topics []TopicCount
}

// TopicCount is a topic and the number of articles it is in.
type TopicCount struct {
	Topic    string
	Articles int
}

// SpeakerByID returns the speaker with the given id; ErrNotFound when there
// is none.
func (db *DB) SpeakerByID(ctx context.Context, id int64) (SpeakerInfo, error) {
	s := SpeakerInfo{ID: id}
	err := db.sql.QueryRowContext(ctx, `SELECT name, kind, role FROM speakers WHERE id = ?`, id).Scan(&s.Name, &s.Kind, &s.Role)
	if errors.Is(err, sql.ErrNoRows) {
		return SpeakerInfo{}, fmt.Errorf("reading speaker %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return SpeakerInfo{}, fmt.Errorf("reading speaker %d: %w", id, err)
	}
	aliases, err := db.strings(ctx, "reading aliases", `SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias`, id)
	if err != nil {
		return SpeakerInfo{}, err
	}
	for _, a := range aliases {
		if a != s.Name {
			s.Aliases = append(s.Aliases, a)
		}
	}
	if err := db.sql.QueryRowContext(ctx, `
		SELECT
			(SELECT COUNT(*) FROM quotes q `+latestOf("q")+` WHERE q.speaker_id = ?1),
			(SELECT COUNT(*) FROM positions p `+latestOf("p")+` WHERE p.speaker_id = ?1)`,
		id).Scan(&s.Quotes, &s.Positions); err != nil {
		return SpeakerInfo{}, fmt.Errorf("counting what speaker %d said: %w", id, err)
	}
	topics, err := db.strings(ctx, "reading topics", `
		SELECT v.topics FROM versions v JOIN articles a ON a.id = v.article_id AND a.latest_version_id = v.id
		WHERE v.id IN (SELECT version_id FROM quotes WHERE speaker_id = ?1 UNION SELECT version_id FROM positions WHERE speaker_id = ?1)`, id)
	if err != nil {
		return SpeakerInfo{}, err
	}
	// A speaker's own names are topics of their articles, not what they
	// speak on.
	own := map[string]bool{strings.ToLower(s.Name): true}
	for _, a := range aliases {
		own[strings.ToLower(a)] = true
	}
	for _, t := range countTopics(topics) {
		if !own[strings.ToLower(t.Topic)] {
			s.Topics = append(s.Topics, t)
		}
	}
	return s, nil
}

// countTopics counts the topics of each JSON list, one count an article,
// topics that differ only in case together.
func countTopics(lists []string) []TopicCount {
	at := map[string]int{}
	var out []TopicCount
	for _, l := range lists {
		var topics []string
		if json.Unmarshal([]byte(l), &topics) != nil {
			continue
		}
		seen := map[string]bool{}
		for _, t := range topics {
			k := strings.ToLower(t)
			if seen[k] {
				continue
			}
			seen[k] = true
			i, ok := at[k]
			if !ok {
				i = len(out)
				at[k] = i
				out = append(out, TopicCount{Topic: t})
			}
			out[i].Articles++
		}
	}
	slices.SortStableFunc(out, func(a, b TopicCount) int { return b.Articles - a.Articles })
	return out
}

// latestOf joins the quote or position row r with its version as v and,
// when that is its article's latest, the article as a. The article is
// found by its id, and only kept when the version is its latest: the
// other way round needs an index on articles.latest_version_id.
func latestOf(r string) string {
	return `JOIN versions v ON v.id = ` + r + `.version_id JOIN articles a ON a.id = v.article_id AND a.latest_version_id = v.id`
}

// statementRows selects every quote (k = 1) and position (k = 0) of the
// latest versions of articles, with the article's date as at, for a WHERE
// and an ORDER BY around it.
func (d *dialect) statementRows() string {
	return `
	SELECT 1 AS k, ` + d.spanText("q") + ` AS text, q.start_byte AS start_byte, q.end_byte AS end_byte,
		q.speaker_id AS speaker_id, COALESCE(sp.name, q.speaker) AS speaker,
		a.id AS aid, COALESCE(NULLIF(a.title, ''), NULLIF(v.title, ''), a.name) AS title, a.outlet AS outlet, a.name AS name, a.source_key AS source_key,
		COALESCE(a.published, v.created) AS at, v.id AS vid
	FROM quotes q ` + latestOf("q") + `
	LEFT JOIN speakers sp ON sp.id = q.speaker_id
	UNION ALL
	SELECT 0, ` + d.spanText("p") + `, p.start_byte, p.end_byte,
		p.speaker_id, COALESCE(sp.name, p.actor),
		a.id, COALESCE(NULLIF(a.title, ''), NULLIF(v.title, ''), a.name), a.outlet, a.name, a.source_key,
		COALESCE(a.published, v.created), v.id
	FROM positions p ` + latestOf("p") + `
	LEFT JOIN speakers sp ON sp.id = p.speaker_id`
}

// filterSQL is the WHERE clause for f over statementRows, and its
// arguments after those of the clause's first part.
func filterSQL(f Filter) (string, []any) {
	var (
		where []string
		args  []any
	)
	if !f.Since.IsZero() {
		where = append(where, "s.at >= ?")
		args = append(args, f.Since.UnixNano())
	}
	if !f.Until.IsZero() {
		where = append(where, "s.at < ?")
		args = append(args, f.Until.UnixNano())
	}
	if src := strings.ToLower(strings.TrimSpace(f.Source)); src != "" {
		where = append(where, `(lower(s.outlet) = ? OR lower(s.name) = ? OR lower(s.source_key) LIKE ? ESCAPE '\')`)
		args = append(args, src, src, likePrefix(strings.TrimSuffix(src, "/")+"/"))
	}
	if f.QuotesOnly {
		where = append(where, "s.k = 1")
	}
	if len(where) == 0 {
		return "", nil
	}
	return " AND " + strings.Join(where, " AND "), args
}

// SpeakerStatements returns the quotes and positions of the speaker that f
// lets through, newest article first and in text order within one, from
// offset on, at most limit of them (all when limit is zero or less), and
// how many there are in all. f.Speaker is not used.
func (db *DB) SpeakerStatements(ctx context.Context, id int64, f Filter, offset, limit int) ([]Statement, int, error) {
	where, args := filterSQL(f)
	args = append([]any{id}, args...)
	if strings.TrimSpace(f.About) != "" {
		return db.speakerAbout(ctx, id, f.About, where, args, offset, limit)
	}
	var total int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+db.d.statementRows()+`) s WHERE s.speaker_id = ?`+where, args...).
		Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting what speaker %d said: %w", id, err)
	}
	if limit <= 0 {
		limit = math.MaxInt32
	}
	out, err := db.statements(ctx, `SELECT `+statementColumns+` FROM (`+db.d.statementRows()+`) s WHERE s.speaker_id = ?`+where+`
		ORDER BY s.at DESC, s.vid DESC, s.start_byte, s.k DESC LIMIT ? OFFSET ?`, append(args, limit, max(offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing what speaker %d said: %w", id, err)
	}
	return out, total, nil
}

// speakerAbout is SpeakerStatements for f.About: the words are matched
// here (mentions), so every statement the other filters let through is
// read. A speaker's statements are a few thousand at the most.
func (db *DB) speakerAbout(ctx context.Context, id int64, about, where string, args []any, offset, limit int) ([]Statement, int, error) {
	all, err := db.statements(ctx, `SELECT `+statementColumns+` FROM (`+db.d.statementRows()+`) s WHERE s.speaker_id = ?`+where+`
		ORDER BY s.at DESC, s.vid DESC, s.start_byte, s.k DESC`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing what speaker %d said about %q: %w", id, about, err)
	}
	kept := all[:0]
	for _, s := range all {
		if mentions(s.Text, about) {
			kept = append(kept, s)
		}
	}
	total := len(kept)
	kept = kept[min(max(offset, 0), total):]
	if limit > 0 && len(kept) > limit {
		kept = kept[:limit]
	}
	return kept, total, nil
}

// ArticleStatements returns the quotes and positions of the latest version
// of an article, in text order.
func (db *DB) ArticleStatements(ctx context.Context, articleID int64) ([]Statement, error) {
	out, err := db.statements(ctx, `SELECT `+statementColumns+` FROM (`+db.d.statementRows()+`) s WHERE s.aid = ?
		ORDER BY s.start_byte, s.k DESC, s.end_byte`, articleID)
	if err != nil {
		return nil, fmt.Errorf("listing what article %d quotes: %w", articleID, err)
	}
	return out, nil
}

const statementColumns = `s.k, s.text, s.start_byte, s.end_byte, s.speaker_id, s.speaker, s.aid, s.title, s.outlet, s.name, s.at`

func (db *DB) statements(ctx context.Context, query string, args ...any) ([]Statement, error) {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Statement
	for rows.Next() {
		var (
			s            Statement
			sid, at      sql.NullInt64
			outlet, name string
		)
		if err := rows.Scan(&s.Quote, &s.Text, &s.Start, &s.End, &sid, &s.Speaker,
			&s.Article.ID, &s.Article.Title, &outlet, &name, &at); err != nil {
			return nil, err
		}
		s.SpeakerID = sid.Int64
		s.Article.Source = cmpOr(outlet, name)
		s.Article.Date = fromUnixNano(at)
		out = append(out, s)
	}
	return out, rows.Err()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ArticleSummary is an article as a list shows it.
type ArticleSummary struct {
	ArticleRef
	Quotes int
}

// RecentArticles returns the articles that f lets through (f.Speaker and
// f.QuotesOnly are not used), the latest archived first, from offset on,
// at most limit of them.
func (db *DB) RecentArticles(ctx context.Context, f Filter, offset, limit int) ([]ArticleSummary, error) {
	where, args := filterSQL(Filter{Since: f.Since, Until: f.Until, Source: f.Source})
	// In the order of archiving, which the primary key keeps: ordering by
	// date would sort the whole archive for each page.
	rows, err := db.sql.QueryContext(ctx, `
		SELECT s.aid, s.title, s.outlet, s.name, s.at, s.vid
		FROM (SELECT a.id AS aid, COALESCE(NULLIF(a.title, ''), NULLIF(v.title, ''), a.name) AS title,
				a.outlet AS outlet, a.name AS name, a.source_key AS source_key,
				COALESCE(a.published, v.created) AS at, v.id AS vid, 1 AS k
			FROM articles a JOIN versions v ON v.id = a.latest_version_id) s
		WHERE 1 = 1`+where+`
		ORDER BY s.aid DESC LIMIT ? OFFSET ?`, append(args, max(limit, 1), max(offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	var (
		out  []ArticleSummary
		vids []int64
	)
	for rows.Next() {
		var (
			a            ArticleSummary
			outlet, name string
			at           sql.NullInt64
			vid          int64
		)
		if err := rows.Scan(&a.ID, &a.Title, &outlet, &name, &at, &vid); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing articles: %w", err)
		}
		a.Source, a.Date = cmpOr(outlet, name), fromUnixNano(at)
		out = append(out, a)
		vids = append(vids, vid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	for i, vid := range vids {
		if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM quotes WHERE version_id = ?`, vid).Scan(&out[i].Quotes); err != nil {
			return nil, fmt.Errorf("counting quotes: %w", err)
		}
	}
	return out, nil
}

// SourceCount is a source and the articles the archive holds from it.
type SourceCount struct {
	// Kind is "file" or "feed".
	Kind     string
	Name     string
	Articles int
	Latest   time.Time
}

// SourceCounts returns the sources of the archive's articles, by outlet
// or else file or feed name, those with the most articles first, at most
// limit of them.
func (db *DB) SourceCounts(ctx context.Context, limit int) ([]SourceCount, error) {
	// Counted as articles are archived (SQLite's migration 0011,
	// PostgreSQL's 0004), not for each page: over 100,000 articles the
	// count took 21 ms, and PostgreSQL's 70 to 90 ms. There are few
	// sources, so they are ordered here.
	rows, err := db.sql.QueryContext(ctx, `SELECT source_kind, source, articles, latest FROM source_counts`)
	if err != nil {
		return nil, fmt.Errorf("counting sources: %w", err)
	}
	defer rows.Close()
	var out []SourceCount
	for rows.Next() {
		var (
			c      SourceCount
			latest int64
		)
		if err := rows.Scan(&c.Kind, &c.Name, &c.Articles, &latest); err != nil {
			return nil, fmt.Errorf("counting sources: %w", err)
		}
		c.Latest = fromUnixNano(sql.NullInt64{Int64: latest, Valid: true})
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting sources: %w", err)
	}
	slices.SortFunc(out, func(a, b SourceCount) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Kind, b.Kind))
	})
	return out[:min(len(out), max(limit, 1))], nil
}
