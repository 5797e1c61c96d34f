package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// QuoteRow is one quote with who said it and where.
type QuoteRow struct {
	// Speaker is the speaker's fullest known name.
	Speaker string
	// Role is the role the article gave with the quote, or else the
	// speaker's latest role.
	Role    string
	Text    string
	Partial bool
	// ArticleID, Title and Published are the quote's article. Published
	// is zero when the article gives no date.
	ArticleID int64
	Title     string
	Published time.Time
	// Start and End are byte offsets of Text in the article's body.
	Start, End int
}

// Quotes returns what the speakers whose name or any alias contains
// speaker, in any case, were quoted as saying: the newest articles first,
// each article's quotes in text order, at most limit (all when limit is
// zero or less). Only the latest version of each article counts. A blank
// speaker is ErrEmptyQuery.
func (db *DB) Quotes(ctx context.Context, speaker string, limit int) ([]QuoteRow, error) {
	key := nameKey(speaker)
	if key == "" {
		return nil, ErrEmptyQuery
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.sql.QueryContext(ctx, `
		SELECT sp.name, COALESCE(NULLIF(q.role, ''), sp.role), q.text, q.partial,
			a.id, a.title, a.published, q.start_byte, q.end_byte
		FROM quotes q
		JOIN versions v ON v.id = q.version_id
		JOIN articles a ON a.latest_version_id = v.id
		JOIN speakers sp ON sp.id = q.speaker_id
		WHERE q.speaker_id IN (
			SELECT id FROM speakers WHERE instr(name_key, ?1) > 0
			UNION
			SELECT speaker_id FROM speaker_aliases WHERE instr(alias_key, ?1) > 0)
		ORDER BY COALESCE(a.published, v.created) DESC, v.id DESC, q.start_byte, q.ord
		LIMIT ?2`, key, limit)
	if err != nil {
		return nil, fmt.Errorf("finding quotes of %q: %w", speaker, err)
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var (
			r         QuoteRow
			published sql.NullInt64
		)
		if err := rows.Scan(&r.Speaker, &r.Role, &r.Text, &r.Partial,
			&r.ArticleID, &r.Title, &published, &r.Start, &r.End); err != nil {
			return nil, fmt.Errorf("finding quotes of %q: %w", speaker, err)
		}
		r.Published = fromUnixNano(published)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("finding quotes of %q: %w", speaker, err)
	}
	return out, nil
}

// Latest returns the article saved most recently, as a new article or a
// new version; ErrNotFound when the archive is empty.
func (db *DB) Latest(ctx context.Context) (id int64, err error) {
	err = db.sql.QueryRowContext(ctx, `SELECT article_id FROM versions ORDER BY id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("finding the latest article: %w", ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("finding the latest article: %w", err)
	}
	return id, nil
}

// Briefing returns the latest version of an article as it was saved: the
// article, its briefing and its source. Quotes are in text order; actors
// and positions in the order they were saved. An unknown id is
// ErrNotFound.
func (db *DB) Briefing(ctx context.Context, articleID int64) (summarize.Article, summarize.Briefing, Source, error) {
	a, b, src, err := db.briefing(ctx, articleID)
	if err != nil {
		return summarize.Article{}, summarize.Briefing{}, Source{}, fmt.Errorf("reading article %d: %w", articleID, err)
	}
	return a, b, src, nil
}

func (db *DB) briefing(ctx context.Context, articleID int64) (a summarize.Article, b summarize.Briefing, src Source, err error) {
	// One read transaction, so that a Save meanwhile is seen whole or not
	// at all.
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return a, b, src, err
	}
	defer tx.Rollback()

	var (
		vid       int64
		published sql.NullInt64
		topics    string
	)
	err = tx.QueryRowContext(ctx, `
		SELECT a.source_kind, a.source_key, a.name, a.url, a.title, a.outlet, a.published,
			v.id, v.body, v.title, v.lede, v.topics
		FROM articles a JOIN versions v ON v.id = a.latest_version_id
		WHERE a.id = ?`, articleID).
		Scan(&src.Kind, &src.Key, &src.Name, &a.URL, &a.Title, &a.Source, &published,
			&vid, &a.Body, &b.Title, &b.Lede, &topics)
	if errors.Is(err, sql.ErrNoRows) {
		return a, b, src, ErrNotFound
	}
	if err != nil {
		return a, b, src, err
	}
	a.Published = fromUnixNano(published)
	if err := json.Unmarshal([]byte(topics), &b.Topics); err != nil {
		return a, b, src, fmt.Errorf("topics: %w", err)
	}

	if err := each(ctx, tx, `
		SELECT text, start_byte, end_byte, speaker, role, partial
		FROM quotes WHERE version_id = ? ORDER BY start_byte, ord`, vid,
		func(rows *sql.Rows) error {
			var q summarize.Quote
			err := rows.Scan(&q.Text, &q.Start, &q.End, &q.Speaker, &q.Role, &q.Partial)
			b.Quotes = append(b.Quotes, q)
			return err
		}); err != nil {
		return a, b, src, fmt.Errorf("quotes: %w", err)
	}
	if err := each(ctx, tx, `
		SELECT name, role, aliases, kind FROM version_actors WHERE version_id = ? ORDER BY ord`, vid,
		func(rows *sql.Rows) error {
			var (
				act     summarize.Actor
				aliases string
			)
			if err := rows.Scan(&act.Name, &act.Role, &aliases, &act.Kind); err != nil {
				return err
			}
			b.Actors = append(b.Actors, act)
			return json.Unmarshal([]byte(aliases), &b.Actors[len(b.Actors)-1].Aliases)
		}); err != nil {
		return a, b, src, fmt.Errorf("actors: %w", err)
	}
	if err := each(ctx, tx, `
		SELECT actor, text, start_byte, end_byte FROM positions WHERE version_id = ? ORDER BY ord`, vid,
		func(rows *sql.Rows) error {
			var p summarize.Position
			err := rows.Scan(&p.Actor, &p.Text, &p.Start, &p.End)
			b.Positions = append(b.Positions, p)
			return err
		}); err != nil {
		return a, b, src, fmt.Errorf("positions: %w", err)
	}
	return a, b, src, nil
}

// each runs a query and calls fn for each row.
func each(ctx context.Context, tx *sql.Tx, query string, arg any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
