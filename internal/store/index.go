package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/summarize"
)

// The search table has a row for each quote and each position of the
// latest versions, and one for each latest version's topics, numbered so
// that a row leads back to what it indexes.
func quoteRow(id int64) int64    { return 4 * id }
func positionRow(id int64) int64 { return 4*id + 1 }
func versionRow(id int64) int64  { return 4*id + 2 }

// indexer adds rows to the search table.
type indexer struct {
	stmt *sql.Stmt
}

func newIndexer(ctx context.Context, tx *tx) (*indexer, error) {
	stmt, err := tx.PrepareContext(ctx, tx.d.indexRow())
	if err != nil {
		return nil, err
	}
	return &indexer{stmt: stmt}, nil
}

func (ix *indexer) close() { ix.stmt.Close() }

// add indexes one quote or position; sid is invalid for a quote nobody is
// named for.
func (ix *indexer) add(ctx context.Context, rowid int64, text, speaker string, sid sql.NullInt64, at int64) error {
	return ix.insert(ctx, quoteIndexRow(0, rowid, text, speaker, sid, at))
}

// addTopics indexes the topics of a version.
func (ix *indexer) addTopics(ctx context.Context, versionID int64, topics []string, at int64) error {
	if len(topics) == 0 {
		return nil
	}
	return ix.insert(ctx, topicsIndexRow(versionID, topics, at))
}

func (ix *indexer) insert(ctx context.Context, r indexRow) error {
	_, err := ix.stmt.ExecContext(ctx, r.rowid, r.text, r.topics, r.speaker, forms(r.words()), r.sid, r.at)
	return err
}

// words is the text whose places the row's forms name: its text, or its
// topics.
func (r indexRow) words() string {
	if r.topics != "" {
		return r.topics
	}
	return r.text
}

// indexRow is a row of the search table waiting to be added, with the
// version it belongs to.
type indexRow struct {
	version, rowid        int64
	text, topics, speaker string
	sid                   sql.NullInt64
	at                    int64
}

func quoteIndexRow(version, rowid int64, text, speaker string, sid sql.NullInt64, at int64) indexRow {
	return indexRow{version: version, rowid: rowid, text: text, speaker: speaker, sid: sid, at: at}
}

func topicsIndexRow(version int64, topics []string, at int64) indexRow {
	return indexRow{version: version, rowid: versionRow(version), topics: strings.Join(topics, "\n"), at: at}
}

// addAll indexes rows, in the order of their rowids on SQLite. FTS5 keeps
// the rows of a transaction in memory and writes them out as a new segment
// whenever a rowid is not above the one before, so rows added in the order
// they were saved (a version's topics, then its quotes, then its positions,
// each numbered from its own table) made a segment every few rows, and
// merging them was a fifth of the time a first scan took to save. On
// PostgreSQL the order they come in is kept, and they go many to a
// statement (see addAllPostgres).
func (ix *indexer) addAll(ctx context.Context, rows []indexRow) error {
	slices.SortFunc(rows, func(a, b indexRow) int { return cmp.Compare(a.rowid, b.rowid) })
	for _, r := range rows {
		if err := ix.insert(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// unindex removes a version's rows from the search table, as its article
// gets a newer version. Deleting a row that is not there, such as the
// topics of a version without any, does nothing.
func unindex(ctx context.Context, tx *tx, versionID int64) error {
	_, err := tx.ExecContext(ctx, `
		DELETE FROM search WHERE rowid IN (
			SELECT 4*id FROM quotes WHERE version_id = ?1
			UNION ALL
			SELECT 4*id + 1 FROM positions WHERE version_id = ?1
			UNION ALL
			SELECT 4*?1 + 2)`, versionID)
	return err
}

// group finds the forms of the place a lower-case word or phrase names
// or describes, the place's name first, trying a plural's singular too
// (Ukrainians, Britons). Porter stemming already joins plurals
// (negotiation, negotiations) but not a place and its adjective (Europe
// "europ", European "european"); the table is the summarizer's own
// (summarize.PlaceForms), so that the search and the briefings agree.
func group(w string) []string {
	if g := summarize.PlaceForms(w); g != nil {
		return g
	}
	if s, ok := strings.CutSuffix(w, "s"); ok {
		return summarize.PlaceForms(s)
	}
	return nil
}

// expandTopic is the word or phrase in lower case followed by the other
// forms of the same place: "European" gives europe too, "ukraine" gives
// ukrainian. Other words are only lowered.
func expandTopic(word string) []string {
	w := strings.Join(strings.Fields(strings.ToLower(word)), " ")
	out := []string{w}
	for _, f := range group(w) {
		if f != w {
			out = append(out, f)
		}
	}
	return out
}

// words splits text into lower-case runs of letters and digits, as the
// search table's tokenizer does.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// forms lists the places named by the demonyms in text, and by phrases
// such as "United States", so that the row is found by the place name even
// by a query that is not expanded.
func forms(text string) string {
	ws := words(text)
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		g := group(w)
		if g == nil || g[0] == w || seen[g[0]] {
			return
		}
		seen[g[0]] = true
		out = append(out, g[0])
	}
	for i, w := range ws {
		add(w)
		if i+1 < len(ws) {
			add(w + " " + ws[i+1])
		}
	}
	return strings.Join(out, " ")
}
