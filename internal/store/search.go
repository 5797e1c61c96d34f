package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Hit is a speaker who said something about a topic.
type Hit struct {
	// Speaker is the speaker's fullest known name.
	Speaker string
	// Role is the speaker's role in the most recent article that gave one.
	Role string
	// Kind is "person", "organisation" or "group".
	Kind string
	// Said is the speaker's best one or two matching quotes or positions,
	// the best first.
	Said []Said
	// ArticleID, Title and Published are the article of the best text.
	// Published is zero when the article gives no date.
	ArticleID int64
	Title     string
	Published time.Time
	// Score is the relevance: higher is better. It compares hits of one
	// search only.
	Score float64
}

// Said is something a speaker said: a direct quote, in their own words,
// or a position, the article's report of what they said. A fragment quoted
// inside reported speech comes as the report it is in, with the fragment
// in its marks.
type Said struct {
	Text string
	// Quote is true for a direct quote and false for a position, which a
	// reader must not be shown as the speaker's own words.
	Quote bool
}

// maxTerms caps the words of a topic: a topic is a few words, and each
// word makes the search slower.
const maxTerms = 16

// WhoSaid finds the speakers who said something about topic, the most
// relevant first, at most limit of them (all when limit is zero or less),
// and counts the others that matched in more.
//
// A speaker's relevance is the sum of the relevance of their quotes and
// positions that match by their words or the speaker's name, and a fifth
// of the relevance of each article they speak in whose topics match: on
// PostgreSQL ts_rank's, on SQLite a weight for each text by where it has
// the words (rowWeight), since FTS5's bm25 costs a read of every match in
// the archive. So more and better matches rank higher, and those who used
// the words come before those who only spoke in an article about them;
// among equals the one who spoke most recently comes first. Every word of topic must
// match, in any inflection (negotiation, negotiations) or, for places, as
// the place or its adjective (Europe, European). Quotes attributed to
// nobody are not counted. A topic without words is ErrEmptyQuery.
func (db *DB) WhoSaid(ctx context.Context, topic string, limit int) (hits []Hit, more int, err error) {
	q := db.searchQuery(topic)
	if q == "" {
		return nil, 0, ErrEmptyQuery
	}
	hits, more, err = db.whoSaid(ctx, q, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("searching for %q: %w", topic, err)
	}
	return hits, more, nil
}

// recentMatches caps the rows a search weighs: the most recent ones, newest
// rows having the highest ids. A topic that half the archive mentions would
// otherwise cost a relevance score for every row; readers want who spoke
// about it lately, and the cap keeps every answer within milliseconds.
const recentMatches = 1000

// topicShare is the part of an article's relevance by its topics that
// goes to each of its speakers.
const topicShare = 0.2

// match is a search row that counts for a speaker.
type match struct {
	sid, rid int64
	total    float64 // the speaker's
	at       int64   // the article's date, as the search row has it
}

// row is a search row as it counts for one speaker: its relevance r
// (negative, lower is better), its length in words n when the relevance
// leaves it out (see rowLengths), else 0, and its article's date.
type row struct {
	rid int64
	r   float64
	n   int
	at  int64
}

// rank scores the speakers of the most recent rows matching q and returns
// the best five rows of each of the top limit speakers (all when limit
// is 0 or less), best speaker first, and how many speakers matched. Only
// the first ordered speakers (all when ordered is 0 or less) have their
// rows put in order, best first, and the lengths that order needs read:
// a caller that reads no further than them need not pay for the others,
// whose rows come in no particular order.
//
// The database does only what it must, reading the rows with their
// relevance; the sums and the ordering are done here, which costs a
// fraction of what SQL's grouping and window functions cost over a few
// thousand rows.
func (db *DB) rank(ctx context.Context, q string, limit, ordered int) ([]match, int, error) {
	matched, err := db.recentMatches(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	type speaker struct {
		sid    int64
		total  float64
		latest int64
		rows   []row
	}
	bySID := make(map[int64]*speaker)
	add := func(sid int64, x row) {
		sp := bySID[sid]
		if sp == nil {
			sp = &speaker{sid: sid}
			bySID[sid] = sp
		}
		sp.total += x.r
		sp.latest = max(sp.latest, x.at)
		sp.rows = append(sp.rows, x)
	}
	topics := make(map[int64]row) // an article's topics, by version id
	for _, m := range matched {
		switch {
		case m.rid%4 == 2:
			topics[m.rid/4] = m.row
		case m.sid.Valid: // quotes attributed to nobody count for nobody
			add(m.sid.Int64, m.row)
		}
	}
	// An article's topics count, a share of them, for each of its speakers.
	if len(topics) > 0 {
		ids := make([]int64, 0, len(topics))
		for vid := range topics {
			ids = append(ids, vid)
		}
		list, _ := json.Marshal(ids)
		vs, err := db.sql.QueryContext(ctx, `
			SELECT version_id, speaker_id FROM version_speakers
			WHERE version_id IN `+db.d.ints("?"), string(list))
		if err != nil {
			return nil, 0, err
		}
		for vs.Next() {
			var vid, sid int64
			if err := vs.Scan(&vid, &sid); err != nil {
				vs.Close()
				return nil, 0, err
			}
			x := topics[vid]
			x.r *= topicShare
			add(sid, x)
		}
		vs.Close()
		if err := vs.Err(); err != nil {
			return nil, 0, err
		}
	}

	speakers := make([]*speaker, 0, len(bySID))
	for _, sp := range bySID {
		speakers = append(speakers, sp)
	}
	if limit > 0 && (ordered <= 0 || ordered > limit) {
		ordered = limit
	}
	if ordered <= 0 || ordered > len(speakers) {
		ordered = len(speakers)
	}
	// Only the speakers read are put in order: sorting the 2,000 of a
	// common topic took a tenth of a search.
	bestFirst(speakers, ordered, func(a, b *speaker) int {
		return cmp.Or(cmp.Compare(a.total, b.total), cmp.Compare(b.latest, a.latest), cmp.Compare(a.sid, b.sid))
	})
	if limit > 0 && len(speakers) > limit {
		speakers = speakers[:limit]
	}
	var several []*row // of speakers with more than one text, to order
	for _, sp := range speakers[:ordered] {
		if texts := len(sp.rows) - topicRows(sp.rows); texts > 1 {
			for i := range sp.rows {
				several = append(several, &sp.rows[i])
			}
		}
	}
	if err := db.rowLengths(ctx, several); err != nil {
		return nil, 0, err
	}
	var out []match
	for k, sp := range speakers {
		if k >= ordered {
			for _, x := range sp.rows[:min(5, len(sp.rows))] {
				out = append(out, match{sid: sp.sid, rid: x.rid, total: sp.total, at: x.at})
			}
			continue
		}
		// Their own words before their articles' topics, the most relevant
		// first, then the newest.
		slices.SortFunc(sp.rows, func(a, b row) int {
			aTopic, bTopic := a.rid%4 == 2, b.rid%4 == 2
			if aTopic != bTopic {
				if aTopic {
					return 1
				}
				return -1
			}
			return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(a.n, b.n), cmp.Compare(b.at, a.at), cmp.Compare(b.rid, a.rid))
		})
		// Five rows for the two texts a hit shows, so that the same words
		// in two articles, shown once, leave room for the next.
		for _, x := range sp.rows[:min(5, len(sp.rows))] {
			out = append(out, match{sid: sp.sid, rid: x.rid, total: sp.total, at: x.at})
		}
	}
	return out, len(bySID), nil
}

// bestFirst puts the k least elements of s by compare at its head, in
// order, and the others after them in no particular order.
func bestFirst[T any](s []T, k int, compare func(a, b T) int) {
	if k >= len(s) {
		slices.SortFunc(s, compare)
		return
	}
	if k <= 0 {
		return
	}
	slices.SortFunc(s[:k], compare)
	for i := k; i < len(s); i++ {
		if compare(s[i], s[k-1]) >= 0 {
			continue
		}
		s[i], s[k-1] = s[k-1], s[i]
		for j := k - 1; j > 0 && compare(s[j], s[j-1]) < 0; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// topicRows counts the rows of articles' topics among rows.
func topicRows(rows []row) int {
	n := 0
	for _, x := range rows {
		if x.rid%4 == 2 {
			n++
		}
	}
	return n
}

// matchedRow is a search row that matches, with its speaker, if any.
type matchedRow struct {
	row
	sid sql.NullInt64
}

// recentMatches reads the most recent recentMatches rows matching q.
func (db *DB) recentMatches(ctx context.Context, q string) ([]matchedRow, error) {
	if !db.d.postgres {
		return db.recentSQLite(ctx, q, recentMatches)
	}
	return db.recentPostgres(ctx, q, recentMatches)
}

// matchRows runs a query of search rows: rowid, speaker_id, at and rank.
func (db *DB) matchRows(ctx context.Context, query string, args ...any) ([]matchedRow, error) {
	return matchRows(db.sql.QueryContext(ctx, query, args...))
}

// matchRows reads the rows of a query of search rows.
func matchRows(rows *sql.Rows, err error) ([]matchedRow, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []matchedRow
	for rows.Next() {
		var (
			m  matchedRow
			at sql.NullInt64
		)
		if err := rows.Scan(&m.rid, &m.sid, &at, &m.r); err != nil {
			return nil, err
		}
		m.at = at.Int64
		out = append(out, m)
	}
	return out, rows.Err()
}

func (db *DB) whoSaid(ctx context.Context, q string, limit int) (hits []Hit, more int, err error) {
	matches, matched, err := db.rank(ctx, q, limit, 0)
	if err != nil {
		return nil, 0, err
	}
	// What the hits show, read at once: a query for each cost a round trip
	// each on PostgreSQL.
	read, err := db.spansOf(ctx, matches)
	if err != nil {
		return nil, 0, err
	}
	speakers, err := db.speakersOf(ctx, matches)
	if err != nil {
		return nil, 0, err
	}
	var (
		spans    []span  // of the texts of the last hit
		versions []int64 // of the first text of each hit
	)
	for i, m := range matches {
		if i == 0 || m.sid != matches[i-1].sid {
			h, ok := speakers[m.sid]
			if !ok {
				return nil, 0, fmt.Errorf("speaker %d: %w", m.sid, sql.ErrNoRows)
			}
			h.Score = -m.total
			hits = append(hits, h)
			spans = spans[:0]
		}
		h := &hits[len(hits)-1]
		// What a speaker said in an article about the topic stands in only
		// for one who never used the words.
		if len(h.Said) == 2 || len(h.Said) == 1 && m.rid%4 == 2 {
			continue
		}
		said, sp, err := db.textIn(ctx, read, m.rid, m.sid)
		if err != nil {
			return nil, 0, err
		}
		if overlaps(sp, spans) || slices.ContainsFunc(h.Said, func(s Said) bool { return sameText(s.Text, said.Text) }) {
			continue
		}
		if len(h.Said) == 0 {
			versions = append(versions, sp.version)
		}
		h.Said = append(h.Said, said)
		spans = append(spans, sp)
	}
	if err := db.articlesOfHits(ctx, hits, versions); err != nil {
		return nil, 0, err
	}
	return hits, matched - len(hits), nil
}

// speakersOf reads the speakers of rows, by id, as hits without texts.
func (db *DB) speakersOf(ctx context.Context, rows []match) (map[int64]Hit, error) {
	ids := []int64{}
	for _, m := range rows {
		ids = append(ids, m.sid)
	}
	list, _ := json.Marshal(ids)
	res, err := db.sql.QueryContext(ctx, `SELECT id, name, role, kind FROM speakers WHERE id IN `+db.d.ints("?"), string(list))
	if err != nil {
		return nil, fmt.Errorf("reading speakers: %w", err)
	}
	defer res.Close()
	out := map[int64]Hit{}
	for res.Next() {
		var (
			id int64
			h  Hit
		)
		if err := res.Scan(&id, &h.Speaker, &h.Role, &h.Kind); err != nil {
			return nil, fmt.Errorf("reading speakers: %w", err)
		}
		out[id] = h
	}
	if err := res.Err(); err != nil {
		return nil, fmt.Errorf("reading speakers: %w", err)
	}
	return out, nil
}

// articlesOfHits sets the article of each hit with a text, from the
// version of its first text, in the same order.
func (db *DB) articlesOfHits(ctx context.Context, hits []Hit, versions []int64) error {
	if len(versions) == 0 {
		return nil
	}
	list, _ := json.Marshal(versions)
	res, err := db.sql.QueryContext(ctx, `
		SELECT v.id, a.id, a.title, a.published FROM versions v JOIN articles a ON a.id = v.article_id
		WHERE v.id IN `+db.d.ints("?"), string(list))
	if err != nil {
		return fmt.Errorf("reading articles: %w", err)
	}
	defer res.Close()
	type article struct {
		id        int64
		title     string
		published sql.NullInt64
	}
	byVersion := map[int64]article{}
	for res.Next() {
		var (
			vid int64
			a   article
		)
		if err := res.Scan(&vid, &a.id, &a.title, &a.published); err != nil {
			return fmt.Errorf("reading articles: %w", err)
		}
		byVersion[vid] = a
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("reading articles: %w", err)
	}
	i := 0
	for k := range hits {
		if len(hits[k].Said) == 0 {
			continue
		}
		a, ok := byVersion[versions[i]]
		if !ok {
			return fmt.Errorf("version %d: %w", versions[i], sql.ErrNoRows)
		}
		hits[k].ArticleID, hits[k].Title, hits[k].Published = a.id, a.title, fromUnixNano(a.published)
		i++
	}
	return nil
}

// textOf is the text a search row stands for in a hit for speaker sid, and
// where it is: a quote's or position's own, or for an article's topics,
// the speaker's first quote in it, or else their first position.
func (db *DB) textOf(ctx context.Context, rid, sid int64) (said Said, sp span, err error) {
	id := rid / 4
	spanText := db.d.spanText
	var row *sql.Row
	switch rid % 4 {
	case 0:
		row = db.sql.QueryRowContext(ctx, `SELECT `+spanText("q")+`, q.version_id, q.start_byte, q.end_byte, 0, q.partial
			FROM quotes q JOIN versions v ON v.id = q.version_id WHERE q.id = ?`, id)
	case 1:
		row = db.sql.QueryRowContext(ctx, `SELECT `+spanText("p")+`, p.version_id, p.start_byte, p.end_byte, 1, FALSE
			FROM positions p JOIN versions v ON v.id = p.version_id WHERE p.id = ?`, id)
	default:
		row = db.sql.QueryRowContext(ctx, `
			SELECT text, version_id, start_byte, end_byte, k, partial FROM (
				SELECT `+spanText("q")+` AS text, q.version_id, q.start_byte, q.end_byte, 0 AS k, q.partial
				FROM quotes q JOIN versions v ON v.id = q.version_id WHERE q.version_id = ?1 AND q.speaker_id = ?2
				UNION ALL
				SELECT `+spanText("p")+` AS text, p.version_id, p.start_byte, p.end_byte, 1 AS k, FALSE
				FROM positions p JOIN versions v ON v.id = p.version_id WHERE p.version_id = ?1 AND p.speaker_id = ?2) AS t
			ORDER BY k, start_byte LIMIT 1`, id, sid)
	}
	var r spanRow
	if err := r.scan(row); err != nil {
		return Said{}, span{}, fmt.Errorf("search row %d: %w", rid, err)
	}
	return db.saidOf(ctx, r)
}

// textIn is textOf, from the rows in read when it holds the row.
func (db *DB) textIn(ctx context.Context, read map[int64]spanRow, rid, sid int64) (Said, span, error) {
	if r, ok := read[rid]; ok {
		return db.saidOf(ctx, r)
	}
	return db.textOf(ctx, rid, sid)
}

// spanRow is a quote or position as textOf reads it.
type spanRow struct {
	said    Said
	sp      span
	partial bool
}

// scan reads a spanRow from the columns text, version_id, start_byte,
// end_byte, kind (0 for a quote) and partial, after the columns read into
// before.
func (r *spanRow) scan(row interface{ Scan(...any) error }, before ...any) error {
	var kind int
	if err := row.Scan(append(before, &r.said.Text, &r.sp.version, &r.sp.start, &r.sp.end, &kind, &r.partial)...); err != nil {
		return err
	}
	r.said.Quote = kind == 0
	return nil
}

// saidOf is what a hit shows of a quote or position, and where it is.
func (db *DB) saidOf(ctx context.Context, r spanRow) (Said, span, error) {
	if r.said.Quote && r.partial {
		// A fragment says little alone: show what the article reports
		// around it, with the quoted words in their marks.
		if ctxSaid, ctxSpan, ok, err := db.contextOf(ctx, r.sp); err != nil {
			return Said{}, span{}, err
		} else if ok {
			return ctxSaid, ctxSpan, nil
		}
	}
	return r.said, r.sp, nil
}

// spansOf reads the quotes and positions of the search rows among rows, by
// search row id, in one query: a page of a search shows a hundred of
// them, and a query for each cost a third of the page.
func (db *DB) spansOf(ctx context.Context, rows []match) (map[int64]spanRow, error) {
	quotes, positions := []int64{}, []int64{} // [] in JSON, not null
	for _, m := range rows {
		switch m.rid % 4 {
		case 0:
			quotes = append(quotes, m.rid/4)
		case 1:
			positions = append(positions, m.rid/4)
		}
	}
	out := make(map[int64]spanRow, len(quotes)+len(positions))
	if len(quotes)+len(positions) == 0 {
		return out, nil
	}
	q, _ := json.Marshal(quotes)
	p, _ := json.Marshal(positions)
	spanText := db.d.spanText
	res, err := db.sql.QueryContext(ctx, `
		SELECT 4*q.id, `+spanText("q")+`, q.version_id, q.start_byte, q.end_byte, 0, q.partial
		FROM quotes q JOIN versions v ON v.id = q.version_id WHERE q.id IN `+db.d.ints("?1")+`
		UNION ALL
		SELECT 4*p.id + 1, `+spanText("p")+`, p.version_id, p.start_byte, p.end_byte, 1, FALSE
		FROM positions p JOIN versions v ON v.id = p.version_id WHERE p.id IN `+db.d.ints("?2"),
		string(q), string(p))
	if err != nil {
		return nil, fmt.Errorf("reading search rows: %w", err)
	}
	defer res.Close()
	for res.Next() {
		var (
			rid int64
			r   spanRow
		)
		if err := r.scan(res, &rid); err != nil {
			return nil, fmt.Errorf("reading search rows: %w", err)
		}
		out[rid] = r
	}
	if err := res.Err(); err != nil {
		return nil, fmt.Errorf("reading search rows: %w", err)
	}
	return out, nil
}

// contextOf returns the reported speech a quoted fragment at sp is part
// of: the shortest position that holds it, or else its sentence, and
// where that is. ok is false when there is neither, as for quotes saved
// before sentences were kept.
func (db *DB) contextOf(ctx context.Context, sp span) (said Said, where span, ok bool, err error) {
	where.version = sp.version
	err = db.sql.QueryRowContext(ctx, `
		SELECT `+db.d.spanText("p")+`, p.start_byte, p.end_byte FROM positions p JOIN versions v ON v.id = p.version_id
		WHERE p.version_id = ? AND p.start_byte <= ? AND p.end_byte >= ?
		ORDER BY p.end_byte - p.start_byte LIMIT 1`, sp.version, sp.start, sp.end).Scan(&said.Text, &where.start, &where.end)
	if err == nil {
		return said, where, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Said{}, span{}, false, fmt.Errorf("context of a quote: %w", err)
	}
	var text sql.NullString
	err = db.sql.QueryRowContext(ctx, `
		SELECT q.sentence_start, q.sentence_end,
			`+db.d.bytes("v.body", "q.sentence_start", "q.sentence_end - q.sentence_start")+`
		FROM quotes q JOIN versions v ON v.id = q.version_id
		WHERE q.version_id = ? AND q.start_byte = ? AND q.end_byte = ? AND q.sentence_start IS NOT NULL
		LIMIT 1`, sp.version, sp.start, sp.end).Scan(&where.start, &where.end, &text)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !text.Valid {
		return Said{}, span{}, false, nil
	}
	if err != nil {
		return Said{}, span{}, false, fmt.Errorf("context of a quote: %w", err)
	}
	return Said{Text: text.String}, where, true, nil
}

// span is where a text is: its version and its byte offsets.
type span struct {
	version    int64
	start, end int
}

// overlaps reports whether a text shares words with one already chosen, as
// a reported clause inside a quote does.
func overlaps(s span, chosen []span) bool {
	for _, c := range chosen {
		if c.version == s.version && c.start < s.end && s.start < c.end {
			return true
		}
	}
	return false
}

// stopWords are left out of a query with other words in it: they would
// match nearly every row, and "and", "or", "not" and "near" are FTS5
// operators besides.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "about": true, "with": true, "by": true, "from": true,
	"and": true, "or": true, "not": true, "near": true,
	"is": true, "are": true, "was": true, "were": true, "be": true,
}

// searchQuery is the query for the archive's full-text search of topic:
// FTS5's (matchQuery) on SQLite, a tsquery (tsQuery) on PostgreSQL.
func (db *DB) searchQuery(topic string) string {
	if db.d.postgres {
		return tsQuery(topic)
	}
	return matchQuery(topic)
}

// matchQuery turns a topic as a user types it into an FTS5 query, or ""
// when it has no words.
//
// Only runs of letters and digits survive, each quoted, so nothing the user
// types is read as FTS5 syntax (* ^ : ( ) - + NEAR AND OR NOT). A word
// joined by an apostrophe or hyphen (O'Brien, anti-war) is a phrase, as the
// tokenizer makes it one in the text. Each word or place phrase becomes the
// OR of its expandTopic forms, and all of them must match.
func matchQuery(topic string) string {
	var groups []string
	for _, alts := range matchTerms(topic) {
		for i, f := range alts {
			alts[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		groups = append(groups, "("+strings.Join(alts, " OR ")+")")
	}
	return strings.Join(groups, " AND ")
}

// tsQuery is matchQuery for PostgreSQL: the same terms as a tsquery for
// to_tsquery, each word quoted and the words of a phrase in sequence
// (<->). Words are only letters and digits, so none can be read as syntax.
func tsQuery(topic string) string {
	var groups []string
	for _, alts := range matchTerms(topic) {
		for i, f := range alts {
			alts[i] = "'" + strings.Join(strings.Fields(f), "' <-> '") + "'"
		}
		groups = append(groups, "("+strings.Join(alts, " | ")+")")
	}
	return strings.Join(groups, " & ")
}

// matchTerms are the terms of a topic that a search must match, all of
// them: each a list of alternatives, words and phrases in lower case.
func matchTerms(topic string) [][]string {
	var terms [][]string // each a phrase of lower-case words
	for _, field := range strings.FieldsFunc(topic, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}) {
		field = strings.TrimSuffix(strings.TrimSuffix(field, "'s"), "’s")
		if ws := words(field); len(ws) > 0 {
			terms = append(terms, ws)
		}
		if len(terms) == maxTerms {
			break
		}
	}
	content := terms[:0:0]
	for _, t := range terms {
		if len(t) > 1 || !stopWords[t[0]] {
			content = append(content, t)
		}
	}
	if len(content) > 0 {
		terms = content
	}

	var groups [][]string
	for i := 0; i < len(terms); i++ {
		phrase := strings.Join(terms[i], " ")
		// A two-word place ("United States") is one term.
		if i+1 < len(terms) && len(terms[i]) == 1 && len(terms[i+1]) == 1 {
			if pair := phrase + " " + terms[i+1][0]; group(pair) != nil {
				phrase = pair
				i++
			}
		}
		groups = append(groups, distinctForms(expandTopic(phrase)))
	}
	return groups
}

// distinctForms leaves out of a term's forms those that find no row the
// others do not: a plural that stemming makes another form (europeans,
// european), and a phrase that holds another form (united states of
// america, united states). Each was counted again in the relevance of a
// row that has it on PostgreSQL, and each is one more list of rows for
// FTS5 to read.
func distinctForms(forms []string) []string {
	out := forms[:0:0]
	for _, f := range forms {
		if !slices.ContainsFunc(forms, func(g string) bool { return g != f && (plural(f, g) || holds(f, g)) }) {
			out = append(out, f)
		}
	}
	return out
}

// plural reports whether stemming makes the word f the word g, as f is g
// with an s that the stemmers take off (not after s, nor the ies of
// "parties").
func plural(f, g string) bool {
	return f == g+"s" && !strings.HasSuffix(g, "s") && !strings.HasSuffix(g, "ie") && !strings.Contains(g, " ")
}

// holds reports whether the phrase f holds the words of g in a row.
func holds(f, g string) bool {
	return len(f) > len(g) && strings.Contains(" "+f+" ", " "+g+" ")
}

// sameText reports whether two texts are the same words, as one quote
// carried by two articles is.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
