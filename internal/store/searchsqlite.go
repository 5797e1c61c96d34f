package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// recentSQLite is recentMatches on SQLite, with a relevance that costs only
// the rows read.
//
// FTS5 reads its index in rowid order, so the newest rows come first and
// the search stops at the limit. Its bm25() does not: to weigh each form
// of the words, it first counts every row the form matches over the whole
// archive (86,600 rows for "europe"), half the time of a search, and FTS5
// offers no other way to how often a row has the words. So a row is
// weighed here by where it has the words, which two more searches, of
// columns, over the same rows tell (see rowWeight): the speakers who say
// the most about a topic rank first. Which of a speaker's texts is shown
// first is decided by their lengths (rowLengths), read for the speakers
// shown with several only.
//
// speaker_id and at are read from FTS5's table of them, search_content:
// read through the search table, each row's cost a statement of its own,
// half as much again as the search (see BenchmarkWhoSaid).
func (db *DB) recentSQLite(ctx context.Context, q string, limit int) ([]matchedRow, error) {
	out, err := db.matchRows(ctx, `
		SELECT s.rowid, c.c4, c.c5, 0.0 FROM search s JOIN search_content c ON c.id = s.rowid
		WHERE search MATCH ? ORDER BY s.rowid DESC LIMIT ?`, q, limit)
	if err != nil || len(out) == 0 {
		return nil, err
	}
	lo, hi := out[len(out)-1].rid, out[0].rid
	elsewhere, err := db.matchesIn(ctx, "speaker forms", q, lo, hi)
	if err != nil {
		return nil, err
	}
	// With one term (a word, or a place in its forms), a quote or
	// position that has it nowhere else has it in its text: only the rows
	// that have it elsewhere need asking, none for most words.
	oneTerm := !strings.Contains(q, ") AND (")
	inText := map[int64]bool{}
	if !oneTerm {
		inText, err = db.matchesIn(ctx, "text", q, lo, hi)
	} else if len(elsewhere) > 0 {
		first, last := hi, lo
		for rid := range elsewhere {
			first, last = min(first, rid), max(last, rid)
		}
		inText, err = db.matchesIn(ctx, "text", q, first, last)
	}
	if err != nil {
		return nil, err
	}
	for i := range out {
		rid := out[i].rid
		text := inText[rid] || oneTerm && !elsewhere[rid] && rid%4 != 2
		out[i].r = -rowWeight(text, elsewhere[rid])
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

// textWeight is how much more the words weigh in a quote's or position's
// own text than in its speaker's name, the forms of its places or an
// article's topics, as bm25() weighed the columns: a speaker who says the
// words comes before one who is named by them or spoke in an article
// about them.
const textWeight = 4.0

// rowWeight is the relevance of a row that matches, higher is better: the
// column weights of the columns that have the words, as bm25() adds them
// for a word that a row has once. A row with the words in its text and
// again in the forms of its places (European, Europe) weighs a little
// more, as it did, and as it does on PostgreSQL. A row with the words
// split between its columns, found in neither, weighs as one that has them
// elsewhere.
func rowWeight(inText, elsewhere bool) float64 {
	w := 0.0
	if inText {
		w += textWeight
	}
	if elsewhere || !inText {
		w++
	}
	return w
}

// rowLengths sets the length in words of rows of quotes and positions, on
// SQLite, where a row's relevance leaves it out: of texts equally
// relevant, a shorter one says more about the words in it, as bm25()
// had it. They are read from FTS5's record of them (search_docsize), for
// the rows of the speakers shown who have several only: for a thousand
// rows, a fifth of a search.
func (db *DB) rowLengths(ctx context.Context, rows []*row) error {
	if db.d.postgres || len(rows) == 0 {
		return nil
	}
	byID := make(map[int64]*row, len(rows))
	ids := make([]int64, 0, len(rows))
	for _, x := range rows {
		if x.rid%4 != 2 {
			byID[x.rid] = x
			ids = append(ids, x.rid)
		}
	}
	list, _ := json.Marshal(ids)
	res, err := db.sql.QueryContext(ctx, `SELECT id, sz FROM search_docsize WHERE id IN `+db.d.ints("?"), string(list))
	if err != nil {
		return fmt.Errorf("reading lengths: %w", err)
	}
	defer res.Close()
	for res.Next() {
		var (
			id int64
			sz sql.RawBytes
		)
		if err := res.Scan(&id, &sz); err != nil {
			return fmt.Errorf("reading lengths: %w", err)
		}
		if x := byID[id]; x != nil {
			x.n = docLength(sz)
		}
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("reading lengths: %w", err)
	}
	return nil
}

// docLength is a row's length in words, all columns, from FTS5's record of
// it: a varint for each column, as SQLite writes them, big-endian, seven
// bits a byte, the ninth byte whole.
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
