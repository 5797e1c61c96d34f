package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
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
	// Context is, for a partial quote, the position it was quoted in: the
	// article's report of what the speaker said, with the quoted words in
	// it ("it was crucial Kyiv is “closely involved” in any talks"); or
	// else the sentence it is in; "" for a whole quotation.
	Context string
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
		limit = math.MaxInt32
	}
	d := db.d
	rows, err := db.sql.QueryContext(ctx, `
		SELECT sp.name, COALESCE(NULLIF(q.role, ''), sp.role), `+d.spanText("q")+`, q.partial,
			a.id, a.title, a.published, q.start_byte, q.end_byte,
			CASE WHEN q.partial THEN COALESCE((
				SELECT `+d.spanText("p")+` FROM positions p
				WHERE p.version_id = q.version_id AND p.start_byte <= q.start_byte AND p.end_byte >= q.end_byte
				ORDER BY p.end_byte - p.start_byte LIMIT 1),
				`+d.bytes("v.body", "q.sentence_start", "q.sentence_end - q.sentence_start")+`) END
		FROM quotes q
		JOIN versions v ON v.id = q.version_id
		JOIN articles a ON a.latest_version_id = v.id
		JOIN speakers sp ON sp.id = q.speaker_id
		WHERE q.speaker_id IN (
			SELECT id FROM speakers WHERE `+d.contains("name_key", "?1")+`
			UNION
			SELECT speaker_id FROM speaker_aliases WHERE `+d.contains("alias_key", "?1")+`)
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
			context   sql.NullString
		)
		if err := rows.Scan(&r.Speaker, &r.Role, &r.Text, &r.Partial,
			&r.ArticleID, &r.Title, &published, &r.Start, &r.End, &context); err != nil {
			return nil, fmt.Errorf("finding quotes of %q: %w", speaker, err)
		}
		r.Published = fromUnixNano(published)
		r.Context = context.String
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

func (db *DB) briefing(ctx context.Context, articleID int64) (summarize.Article, summarize.Briefing, Source, error) {
	// One read transaction, so that a Save meanwhile is seen whole or not
	// at all.
	tx, err := db.sql.readTx(ctx)
	if err != nil {
		return summarize.Article{}, summarize.Briefing{}, Source{}, err
	}
	defer tx.Rollback()
	var vid sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT latest_version_id FROM articles WHERE id = ?`, articleID).Scan(&vid)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !vid.Valid {
		return summarize.Article{}, summarize.Briefing{}, Source{}, ErrNotFound
	}
	if err != nil {
		return summarize.Article{}, summarize.Briefing{}, Source{}, err
	}
	vs, err := readVersions(ctx, tx, []int64{vid.Int64})
	if err != nil {
		return summarize.Article{}, summarize.Briefing{}, Source{}, err
	}
	if len(vs) == 0 {
		return summarize.Article{}, summarize.Briefing{}, Source{}, ErrNotFound
	}
	return vs[0].article, vs[0].briefing, vs[0].source, nil
}

// version is one version of an article as it was saved. The article's
// title, URL, outlet, byline and date are the latest version's: the archive keeps
// only the body and the briefing of the others.
type version struct {
	id        int64
	articleID int64
	number    int // 1 for the first text
	created   time.Time
	article   summarize.Article
	briefing  summarize.Briefing
	source    Source
}

// readVersions reads the versions with the given ids, in order of id, with
// one query for each table whatever their number. Ids not in the archive
// are left out. Quotes are in text order; actors and positions in the order
// they were saved.
func readVersions(ctx context.Context, tx *tx, ids []int64) ([]version, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	var vs []version
	at := make(map[int64]int, len(ids)) // index in vs by id
	if err := each(ctx, tx, `
		SELECT v.id, v.article_id, v.version, v.created, v.body, v.title, v.lede, v.topics,
			a.source_kind, a.source_key, a.name, a.url, a.title, a.outlet, a.byline, a.published
		FROM versions v JOIN articles a ON a.id = v.article_id
		WHERE v.id IN `+tx.d.ints("?")+`
		ORDER BY v.id`,
		func(rows *sql.Rows) error {
			var (
				v                  version
				created, published sql.NullInt64
				topics             string
			)
			if err := rows.Scan(&v.id, &v.articleID, &v.number, &created, &v.article.Body,
				&v.briefing.Title, &v.briefing.Lede, &topics,
				&v.source.Kind, &v.source.Key, &v.source.Name,
				&v.article.URL, &v.article.Title, &v.article.Source, &v.article.Byline, &published); err != nil {
				return err
			}
			v.created = fromUnixNano(created)
			v.article.Published = fromUnixNano(published)
			if err := json.Unmarshal([]byte(topics), &v.briefing.Topics); err != nil {
				return fmt.Errorf("topics of version %d: %w", v.id, err)
			}
			at[v.id] = len(vs)
			vs = append(vs, v)
			return nil
		}, string(idsJSON)); err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, nil
	}

	if err := each(ctx, tx, `
		SELECT q.version_id, `+tx.d.spanText("q")+`, q.start_byte, q.end_byte, q.speaker, q.role, q.partial,
			COALESCE(q.sentence_start, q.start_byte), COALESCE(q.sentence_end, q.end_byte)
		FROM quotes q JOIN versions v ON v.id = q.version_id
		WHERE q.version_id IN `+tx.d.ints("?")+`
		ORDER BY q.version_id, q.start_byte, q.ord`,
		func(rows *sql.Rows) error {
			var (
				vid int64
				q   summarize.Quote
			)
			if err := rows.Scan(&vid, &q.Text, &q.Start, &q.End, &q.Speaker, &q.Role, &q.Partial, &q.SentenceStart, &q.SentenceEnd); err != nil {
				return err
			}
			b := &vs[at[vid]].briefing
			b.Quotes = append(b.Quotes, q)
			return nil
		}, string(idsJSON)); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	if err := each(ctx, tx, `
		SELECT version_id, name, role, aliases, kind
		FROM version_actors WHERE version_id IN `+tx.d.ints("?")+`
		ORDER BY version_id, ord`,
		func(rows *sql.Rows) error {
			var (
				vid     int64
				act     summarize.Actor
				aliases string
			)
			if err := rows.Scan(&vid, &act.Name, &act.Role, &aliases, &act.Kind); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(aliases), &act.Aliases); err != nil {
				return err
			}
			b := &vs[at[vid]].briefing
			b.Actors = append(b.Actors, act)
			return nil
		}, string(idsJSON)); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if err := each(ctx, tx, `
		SELECT p.version_id, p.actor, `+tx.d.spanText("p")+`, p.start_byte, p.end_byte
		FROM positions p JOIN versions v ON v.id = p.version_id
		WHERE p.version_id IN `+tx.d.ints("?")+`
		ORDER BY p.version_id, p.ord`,
		func(rows *sql.Rows) error {
			var (
				vid int64
				p   summarize.Position
			)
			if err := rows.Scan(&vid, &p.Actor, &p.Text, &p.Start, &p.End); err != nil {
				return err
			}
			b := &vs[at[vid]].briefing
			b.Positions = append(b.Positions, p)
			return nil
		}, string(idsJSON)); err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	return vs, nil
}

// ownText is the text to save for a quote or position of body: none when
// it is the body's bytes from start to end, so that it is read from there.
func ownText(body, text string, start, end int) string {
	if text != "" && 0 <= start && start <= end && end <= len(body) && body[start:end] == text {
		return ""
	}
	return text
}

// each runs a query with args and calls fn for each row.
func each(ctx context.Context, tx *tx, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
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
