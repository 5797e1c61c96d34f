package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/bot"
)

// This file answers /who-said and /quotes with the filters and pages the
// commands take, in chat and from the shell.

// filterOf is the store's filter for a query's filters.
func filterOf(q bot.Query) Filter {
	return Filter{Since: q.Since, Until: q.Until, Source: q.Source, Speaker: q.Speaker, QuotesOnly: q.QuotesOnly}
}

// WhoSaid answers /who-said: the speakers who said something about q's
// words and about:, ranked as DB.WhoSaid ranks them, with their best two
// texts, from offset on, at most limit (all when limit is 0 or less).
// more is -1 when a filter is set and there are more speakers, not
// counted. A query with no words finds nothing.
func (a Archive) WhoSaid(ctx context.Context, q bot.Query, offset, limit int) ([]bot.Hit, int, error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	offset = max(offset, 0)
	topic := strings.TrimSpace(q.Words + " " + q.About)
	mq := a.db.searchQuery(topic)
	if mq == "" {
		return nil, 0, nil
	}
	// Two texts of each, as chat shows.
	page, err := a.db.searchSpeakers(ctx, mq, filterOf(q), offset, limit, 2)
	if err != nil {
		return nil, 0, fmt.Errorf("searching for %q: %w", topic, err)
	}
	out := make([]bot.Hit, len(page.Found))
	for i, fd := range page.Found {
		h := bot.Hit{SpeakerID: fd.SpeakerID, Speaker: fd.Name, Role: fd.Role, Kind: fd.Kind}
		for _, s := range fd.Said {
			said := bot.Said{Text: s.Text, Quote: s.Quote, Source: cite(s.Article)}
			for _, a := range s.Also {
				said.Also = append(said.Also, cite(a))
			}
			h.Said = append(h.Said, said)
		}
		art := fd.Said[0].Article
		h.ArticleID, h.Title, h.Published = art.ID, art.Title, art.Date
		out[i] = h
	}
	switch {
	case page.Total >= 0:
		return out, max(page.Total-offset-len(out), 0), nil
	case page.More:
		return out, -1, nil
	}
	return out, 0, nil
}

// cite is an article as an answer in chat cites it.
func cite(a ArticleRef) bot.Cite {
	return bot.Cite{ArticleID: a.ID, Title: a.Title, Published: a.Date}
}

// Quotes answers /quotes: the speaker q's words name, and what they were
// quoted as saying. A name that fits several speakers, none better than
// the others, is answered with their names.
func (a Archive) Quotes(ctx context.Context, q bot.Query, offset, limit int) (bot.QuotePage, error) {
	id, candidates, err := a.db.speakerFor(ctx, q.Words)
	if err != nil || id == 0 {
		return bot.QuotePage{Candidates: candidates}, err
	}
	rows, err := a.db.quotesOf(ctx, id, filterOf(q), q.About)
	if err != nil {
		return bot.QuotePage{}, err
	}
	offset = max(offset, 0)
	rows = rows[min(offset, len(rows)):]
	var more int
	if limit > 0 && len(rows) > limit {
		rows, more = rows[:limit], len(rows)-limit
	}
	return bot.QuotePage{Rows: rows, More: more}, nil
}

// candidate is a speaker a name may mean.
type candidate struct {
	id     int64
	name   string
	quotes int
	// fit is how well the name fits: 2 for one of the speaker's names
	// whole, 1 for whole words of one, 0 for a part of one.
	fit int
}

// speakerFor is the speaker name means: the only one it fits, or the only
// one it fits best (a whole name before whole words of one, whole words
// before a part of one). When it fits several equally, id is 0 and
// candidates are their names, the most quoted first. Speakers never
// quoted are not counted. A possessive ("hegseth's") is the name.
func (db *DB) speakerFor(ctx context.Context, name string) (id int64, candidates []string, err error) {
	name = strings.TrimSpace(name)
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if n, ok := strings.CutSuffix(name, s); ok {
			name = n
			break
		}
	}
	key := nameKey(name)
	if key == "" {
		return 0, nil, nil
	}
	pattern := "%" + strings.TrimSuffix(likePrefix(key), "%") + "%"
	rows, err := db.sql.QueryContext(ctx, `
		SELECT s.id, s.name, k.key,
			(SELECT COUNT(*) FROM quotes q `+latestOf("q")+` WHERE q.speaker_id = s.id)
		FROM (SELECT id, name_key AS key FROM speakers WHERE name_key LIKE ?1 ESCAPE '\'
			UNION SELECT speaker_id, alias_key FROM speaker_aliases WHERE alias_key LIKE ?1 ESCAPE '\') k
		JOIN speakers s ON s.id = k.id`, pattern)
	if err != nil {
		return 0, nil, fmt.Errorf("finding speakers named %q: %w", name, err)
	}
	defer rows.Close()
	byID := map[int64]*candidate{}
	for rows.Next() {
		var (
			c   candidate
			key sql.NullString
		)
		if err := rows.Scan(&c.id, &c.name, &key, &c.quotes); err != nil {
			return 0, nil, fmt.Errorf("finding speakers named %q: %w", name, err)
		}
		if c.quotes == 0 {
			continue
		}
		c.fit = fit(key.String, nameKey(name))
		if old := byID[c.id]; old != nil {
			old.fit = max(old.fit, c.fit)
			continue
		}
		byID[c.id] = &c
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("finding speakers named %q: %w", name, err)
	}
	best := -1
	var fits []*candidate
	for _, c := range byID {
		switch {
		case c.fit > best:
			best, fits = c.fit, []*candidate{c}
		case c.fit == best:
			fits = append(fits, c)
		}
	}
	if len(fits) == 1 {
		return fits[0].id, nil, nil
	}
	slices.SortFunc(fits, func(a, b *candidate) int {
		if a.quotes != b.quotes {
			return b.quotes - a.quotes
		}
		return strings.Compare(a.name, b.name)
	})
	for _, c := range fits {
		candidates = append(candidates, c.name)
	}
	return 0, candidates, nil
}

// fit is how well key (a speaker's name or alias, lower case) fits the
// name typed: 2 whole, 1 whole words of it, 0 a part of a word.
func fit(key, typed string) int {
	if key == typed {
		return 2
	}
	for i := 0; ; {
		j := strings.Index(key[i:], typed)
		if j < 0 {
			return 0
		}
		start, end := i+j, i+j+len(typed)
		if (start == 0 || !isWordByte(key[start-1])) && (end == len(key) || !isWordByte(key[end])) {
			return 1
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 0x80 || unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b))
}

// quotesOf is what the speaker was quoted as saying in the latest
// versions of articles, as f lets through and, when about is not blank,
// about it: newest first, each article's in text order, and the same
// words in several articles once, with the others in Also.
func (db *DB) quotesOf(ctx context.Context, id int64, f Filter, about string) ([]bot.QuoteRow, error) {
	d := db.d
	rows, err := db.sql.QueryContext(ctx, `
		SELECT sp.name, COALESCE(NULLIF(q.role, ''), sp.role), `+d.spanText("q")+`, q.partial,
			a.id, COALESCE(NULLIF(a.title, ''), NULLIF(v.title, ''), a.name), a.published, q.start_byte, q.end_byte,
			CASE WHEN q.partial THEN COALESCE((
				SELECT `+d.spanText("p")+` FROM positions p
				WHERE p.version_id = q.version_id AND p.start_byte <= q.start_byte AND p.end_byte >= q.end_byte
				ORDER BY p.end_byte - p.start_byte LIMIT 1),
				`+d.bytes("v.body", "q.sentence_start", "q.sentence_end - q.sentence_start")+`) END,
			COALESCE(a.published, v.created), a.outlet, a.name, a.source_key
		FROM quotes q `+latestOf("q")+`
		JOIN speakers sp ON sp.id = q.speaker_id
		WHERE q.speaker_id = ?
		ORDER BY COALESCE(a.published, v.created) DESC, v.id DESC, q.start_byte, q.ord`, id)
	if err != nil {
		return nil, fmt.Errorf("finding quotes of speaker %d: %w", id, err)
	}
	defer rows.Close()
	var out []bot.QuoteRow
	for rows.Next() {
		var (
			r                 bot.QuoteRow
			published, at     sql.NullInt64
			context           sql.NullString
			outlet, name, key string
		)
		if err := rows.Scan(&r.Speaker, &r.Role, &r.Text, &r.Partial, &r.ArticleID, &r.Title, &published,
			&r.Start, &r.End, &context, &at, &outlet, &name, &key); err != nil {
			return nil, fmt.Errorf("finding quotes of speaker %d: %w", id, err)
		}
		r.Published, r.Context = fromUnixNano(published), context.String
		art := articleRow{ref: ArticleRef{Source: cmpOr(outlet, name), Date: fromUnixNano(at)}, name: name, key: key}
		if !art.passes(f) || !mentions(r.Text+" "+r.Context, about) {
			continue
		}
		if i := slices.IndexFunc(out, func(o bot.QuoteRow) bool { return sameText(o.Text, r.Text) }); i >= 0 {
			if out[i].ArticleID != r.ArticleID {
				out[i].Also = append(out[i].Also, bot.Cite{ArticleID: r.ArticleID, Title: r.Title, Published: r.Published})
			}
			continue
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("finding quotes of speaker %d: %w", id, err)
	}
	return out, nil
}

// mentions reports whether text speaks of every word of topic, as a
// search would find it: the word starting a word of text (negotiation,
// negotiations; ferry, ferries) or, for a place, its adjective (Europe,
// European). An empty topic is in every text.
func mentions(text, topic string) bool {
	ws := words(text)
	for i, w := range ws {
		ws[i] = singularIES(w)
	}
	for _, term := range words(topic) {
		if stopWords[term] {
			continue
		}
		term = singularIES(term)
		if len(term) > 3 {
			term = strings.TrimSuffix(term, "s")
		}
		if !slices.ContainsFunc(expandTopic(term), func(form string) bool {
			return slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, form) })
		}) {
			return false
		}
	}
	return true
}

// singularIES is a plural in -ies as its singular in -y (ferries, ferry),
// which the search's stemmer makes one word and a prefix does not.
func singularIES(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "ies") {
		return w[:len(w)-3] + "y"
	}
	return w
}
