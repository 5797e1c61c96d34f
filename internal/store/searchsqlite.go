package store

import (
	"context"
	"database/sql"
)

// recentSQLite is recentMatches on SQLite, with a relevance that costs only
// the rows read.
//
// FTS5 reads its index in rowid order, so the newest rows come first and
// the search stops at the limit. Its bm25() does not: to weigh each form
// of the words, it first counts every row the form matches over the whole
// archive (86,600 rows for "europe"), half the time of a search, and FTS5
// offers no other way to how often a row has the words. What a row says
// about the topic is weighed here from what the rows read tell: whether
// the words are in its own text or only in its speaker's name or forms
// (two more searches, by column, over the same rows), and its length in
// words, as bm25 weighs them.
//
// speaker_id, at and the lengths are read from FTS5's own tables, which
// hold them: read through the search table, each row's columns cost a
// statement of their own, a third of a search (see BenchmarkWhoSaid).
func (db *DB) recentSQLite(ctx context.Context, q string, limit int) ([]matchedRow, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT s.rowid, c.c4, c.c5, d.sz FROM search s
		JOIN search_content c ON c.id = s.rowid JOIN search_docsize d ON d.id = s.rowid
		WHERE search MATCH ? ORDER BY s.rowid DESC LIMIT ?`, q, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out  []matchedRow
		lens []int
		sz   []byte
		sum  int
	)
	for rows.Next() {
		var (
			m  matchedRow
			at sql.NullInt64
		)
		if err := rows.Scan(&m.rid, &m.sid, &at, &sz); err != nil {
			return nil, err
		}
		m.at = at.Int64
		n := docLength(sz)
		out = append(out, m)
		lens = append(lens, n)
		sum += n
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return nil, err
	}
	lo, hi := out[len(out)-1].rid, out[0].rid
	inText, err := db.matchesIn(ctx, "text", q, lo, hi)
	if err != nil {
		return nil, err
	}
	elsewhere, err := db.matchesIn(ctx, "topics speaker forms", q, lo, hi)
	if err != nil {
		return nil, err
	}
	avg := float64(sum) / float64(len(out))
	for i := range out {
		rid := out[i].rid
		out[i].r = -rowRelevance(inText[rid], elsewhere[rid], lens[i], avg)
	}
	return out, nil
}

// matchesIn reads which rows with ids from lo to hi have the words of q in
// the columns named: FTS5 reads only those rows' part of the index.
func (db *DB) matchesIn(ctx context.Context, columns, q string, lo, hi int64) (map[int64]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT rowid FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?`,
		"{"+columns+"} : ("+q+")", lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// The parameters of a row's relevance, bm25's: k1 is how soon more of the
// words add less, b how much a long row weighs less, and textWeight is
// how much more the words in a quote's or position's own text weigh than
// in the speaker's name, the forms of its places or an article's topics.
const (
	bm25K1     = 1.2
	bm25B      = 0.75
	textWeight = 4.0
)

// rowRelevance is the relevance of a row that matches, higher is better:
// bm25's when the words are in a row of n words, when the rows read have
// avg, once in its own text, once elsewhere (its topics, its speaker's
// name, the forms of its places) or once in each. Without the archive's
// counts of each form, every form weighs the same; without the row's
// counts of each word, once is as good as twice. So a row that says the
// words counts about as bm25 counted it, and the speakers who said the
// most rank first.
func rowRelevance(inText, elsewhere bool, n int, avg float64) float64 {
	f := 0.0
	if inText {
		f += textWeight
	}
	if elsewhere || !inText { // the words of a row found in neither are split between them
		f++
	}
	norm := 1 - bm25B
	if avg > 0 {
		norm += bm25B * float64(n) / avg
	}
	return f * (bm25K1 + 1) / (f + bm25K1*norm)
}

// docLength is a row's length in words, all columns, from FTS5's record of
// it (search_docsize.sz): a varint for each column, as SQLite writes them,
// big-endian, seven bits a byte, the ninth byte whole.
func docLength(sz []byte) int {
	total := 0
	for len(sz) > 0 {
		var v uint64
		i := 0
		for ; i < len(sz) && i < 8; i++ {
			v = v<<7 | uint64(sz[i]&0x7f)
			if sz[i] < 0x80 {
				break
			}
		}
		if i == 8 && i < len(sz) {
			v = v<<8 | uint64(sz[i])
		}
		sz = sz[min(i+1, len(sz)):]
		total += int(v)
	}
	return total
}
