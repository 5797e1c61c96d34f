package store

import (
	"fmt"
	"slices"
	"testing"
)

// TestRecentMatchesEveryWay checks that each way PostgreSQL may be told to
// find the newest matches of a search finds the same rows as the plain
// query, in the same order, whatever the estimate of the matches: one far
// too high gives a window too small, widened until it holds enough.
func TestRecentMatchesEveryWay(t *testing.T) {
	ctx := t.Context()
	db := openPostgresArchive(t, "the ways are PostgreSQL's; FTS5 reads its index newest first")
	if err := fillBench(ctx, db, 20_000); err != nil {
		t.Fatal(err)
	}
	var top int64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(seq) FROM search`).Scan(&top); err != nil {
		t.Fatal(err)
	}
	for _, topic := range []string{"europe", "negotiations", "United States", "drought", "hospital strike", "Vantorsk"} {
		q := tsQuery(topic)
		for _, limit := range []int{1, 30, 300} {
			want := plainNewest(t, db, q, limit)
			if common := topic == "europe" || topic == "United States"; common && len(want) < limit {
				t.Fatalf("%q matches %d rows; the test wants %d", topic, len(want), limit)
			}
			ways := map[string]int{"newest first": newestFirst, "in a window": inWindow, "all sorted": sortAll}
			for name, way := range ways {
				for _, n := range []float64{0, 5, float64(len(want)), float64(top) / 2, float64(top)} {
					got, err := db.recentBy(ctx, way, q, top, n, limit)
					if err != nil {
						t.Fatalf("%q %s, limit %d, estimate %v: %v", topic, name, limit, n, err)
					}
					if !slices.Equal(rowIDs(got), rowIDs(want)) {
						t.Errorf("%q %s, limit %d, estimate %v = %v; want %v", topic, name, limit, n, rowIDs(got), rowIDs(want))
					}
				}
			}
			got, err := db.recentPostgres(ctx, q, limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rowIDs(got), rowIDs(want)) {
				t.Errorf("recentPostgres(%q, %d) = %v; want %v", topic, limit, rowIDs(got), rowIDs(want))
			}
		}
	}
}

// openPostgresArchive opens a fresh archive for a test of PostgreSQL's own
// machinery, closed when the test ends, or skips the test with why on
// SQLite.
func openPostgresArchive(t *testing.T, why string) *DB {
	t.Helper()
	if !onPostgres {
		t.Skip(why)
	}
	db, err := Open(t.Context(), ArchivePath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// plainNewest returns the newest limit rows matching tsquery q, read the
// plain way: every match of the whole table, newest first.
func plainNewest(t *testing.T, db *DB, q string, limit int) []matchedRow {
	t.Helper()
	rows, err := db.matchRows(t.Context(), `SELECT rowid, speaker_id, at, `+pgRank+`
		FROM search, to_tsquery('briefbot', ?) AS q WHERE doc @@ q ORDER BY seq DESC LIMIT ?`, q, limit)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func rowIDs(rows []matchedRow) []int64 {
	var out []int64
	for _, r := range rows {
		out = append(out, r.rid)
	}
	return out
}

// TestSearchWay checks the way chosen for a search of a table of a million
// rows: newest first for a word in one row of ten, a window for one in
// fifty, every match sorted for one in a thousand.
func TestSearchWay(t *testing.T) {
	for _, tc := range []struct {
		n    float64
		want int
	}{
		{0, sortAll},
		{500, sortAll},
		{1_000, sortAll},
		{20_000, inWindow},
		{100_000, newestFirst},
		{1_000_000, newestFirst},
	} {
		if got := searchWay(1_000_000, tc.n, recentMatches); got != tc.want {
			t.Errorf("searchWay(1e6, %v, %d) = %d; want %d", tc.n, recentMatches, got, tc.want)
		}
	}
}

// TestSearchNewestHoldsTheNewestRows checks that search_newest, kept by
// triggers as rows are added to and deleted from search, holds every row
// among the newest it is to hold, and not many more; and that the newest
// matches read there are those of the whole table.
func TestSearchNewestHoldsTheNewestRows(t *testing.T) {
	ctx := t.Context()
	db := openPostgresArchive(t, "search_newest is PostgreSQL's")
	const keep = 1000
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('search_newest_rows', ?)`, fmt.Sprint(keep)); err != nil {
		t.Fatal(err)
	}
	if err := fillBench(ctx, db, 5_000); err != nil {
		t.Fatal(err)
	}
	// More rows, a statement at a time, as saves add them, and some
	// deleted, as a new version of an article takes its old rows out.
	for i := range 12 {
		if _, err := db.sql.ExecContext(ctx, `
			INSERT INTO search (rowid, doc, speaker_id, at)
			SELECT rowid + ?1, doc, speaker_id, at FROM search WHERE rowid < 4000000 AND seq % 12 = ?2 LIMIT 150`,
			(i+1)*4_000_000, i); err != nil {
			t.Fatal(err)
		}
		if _, err := db.sql.ExecContext(ctx, `DELETE FROM search WHERE seq IN (SELECT MAX(seq) - ? FROM search)`, 7*i); err != nil {
			t.Fatal(err)
		}
	}
	var missing, held, top int64
	if err := db.sql.QueryRowContext(ctx, `
		SELECT (SELECT COUNT(*) FROM search s WHERE seq > (SELECT MAX(seq) FROM search) - ?
			AND NOT EXISTS (SELECT 1 FROM search_newest n WHERE n.rowid = s.rowid AND n.seq = s.seq AND n.doc = s.doc)),
			(SELECT COUNT(*) FROM search_newest), (SELECT MAX(seq) FROM search)`, keep).Scan(&missing, &held, &top); err != nil {
		t.Fatal(err)
	}
	if missing != 0 {
		t.Errorf("search_newest lacks %d of the newest %d rows of search", missing, keep)
	}
	if limit := int64(keep + keep/8 + 150); held > limit {
		t.Errorf("search_newest holds %d rows; want at most %d", held, limit)
	}
	for _, topic := range []string{"europe", "negotiations", "United States", "drought"} {
		q := tsQuery(topic)
		for _, limit := range []int{1, 30, 300} {
			want := plainNewest(t, db, q, limit)
			// An estimate of every row sends the search to search_newest.
			got, err := db.recentBy(ctx, inWindow, q, top, float64(top), limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rowIDs(got), rowIDs(want)) {
				t.Errorf("%q in search_newest, limit %d = %v; want %v", topic, limit, rowIDs(got), rowIDs(want))
			}
		}
	}
}
