package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/briefbot/briefbot/internal/store/storetest"
)

// benchQuotes is how many quotes BenchmarkWhoSaid searches.
const benchQuotes = 1_000_000

// benchTopics are the searches BenchmarkWhoSaid times: news words from
// common to rare, places by name and adjective, a surname, two-word topics.
var benchTopics = []string{
	"negotiations", "tariff", "ceasefire", "election", "inflation", "sanctions",
	"europe", "European", "ukraine", "Ukrainians", "United States",
	"hospital strike", "grain exports", "Vantorsk", "refugees", "drought",
}

// BenchmarkWhoSaid times WhoSaid over an archive of a million generated
// quotes and reports the median and 99th percentile latency. Building the
// archive takes a minute or so; run it with a fixed count of searches:
//
//	go test -run '^$' -bench WhoSaid -benchtime 320x ./internal/store/
func BenchmarkWhoSaid(b *testing.B) {
	if testing.Short() {
		b.Skip("builds an archive of a million quotes")
	}
	ctx := b.Context()
	db := BenchArchive(b, "whosaid", func(db *DB) error { return fillBench(ctx, db, benchQuotes) })

	perTopic := make(map[string][]time.Duration)
	var all []time.Duration
	i := 0
	for b.Loop() {
		topic := benchTopics[i%len(benchTopics)]
		i++
		t0 := time.Now()
		if _, _, err := db.WhoSaid(ctx, topic, 5); err != nil {
			b.Fatalf("WhoSaid(%q): %v", topic, err)
		}
		d := time.Since(t0)
		all = append(all, d)
		perTopic[topic] = append(perTopic[topic], d)
	}
	b.StopTimer()

	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(percentile(all, 50)), "p50-ms")
	b.ReportMetric(ms(percentile(all, 99)), "p99-ms")
	for _, topic := range benchTopics {
		if ds := perTopic[topic]; len(ds) > 0 {
			hits, more, _ := db.WhoSaid(ctx, topic, 5)
			rows, _ := matchCount(ctx, db, topic)
			b.Logf("%-16q median %7.1f ms  %7d rows match, %5d speakers", topic, ms(percentile(ds, 50)), rows, len(hits)+more)
		}
	}
}

// BenchKeep is the environment variable that names a folder where the
// benchmarks keep the archives they build, to use them again in later
// runs: on SQLite a file in it for each archive, on PostgreSQL a database
// named after the archive on the test server, not dropped. Building the
// archive of a million quotes takes a minute or more, as long as many
// runs of a benchmark. Each folder keeps its own databases.
const BenchKeep = "BRIEFBOT_BENCH_KEEP"

// BenchArchive opens the archive named name for a benchmark, filled by
// fill when it is new: a new one each run, or the one kept under
// BenchKeep. It is closed when the benchmark ends.
func BenchArchive(b *testing.B, name string, fill func(*DB) error) *DB {
	b.Helper()
	ctx := b.Context()
	var path string
	switch kept := os.Getenv(BenchKeep); {
	case kept == "":
		path = ArchivePath(b)
	case onPostgres:
		// Named after the folder too, so that two folders keep two sets.
		path = storetest.KeptDatabase(b, "bench_"+strings.Map(func(r rune) rune {
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				return r
			}
			return '_'
		}, strings.ToLower(filepath.Base(kept)))+"_"+name)
	default:
		path = filepath.Join(kept, name+".db")
	}
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM quotes`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	if n > 0 {
		b.Logf("using the archive of %d quotes kept at %s", n, Redact(path))
		return db
	}
	start := time.Now()
	if err := fill(db); err != nil {
		b.Fatal(err)
	}
	b.Logf("built an archive %s in %v", name, time.Since(start).Round(time.Second))
	return db
}

// percentile is the p-th percentile of ds by the nearest-rank method.
func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	k := (len(s)*p + 99) / 100 // ceil(len*p/100)
	return s[max(k-1, 0)]
}

// matchCount counts the search rows a topic matches.
func matchCount(ctx context.Context, db *DB, topic string) (n int, err error) {
	q := `SELECT COUNT(*) FROM search WHERE search MATCH ?`
	arg := matchQuery(topic)
	if db.d.postgres {
		q, arg = `SELECT COUNT(*) FROM search WHERE doc @@ to_tsquery('briefbot', ?)`, tsQuery(topic)
	}
	err = db.sql.QueryRowContext(ctx, q, arg).Scan(&n)
	return n, err
}

// benchRows are the rows fillBench makes, by table, with the columns
// benchColumns names.
type benchRows map[string][][]any

// benchColumns are the columns of the rows fillBench makes; search rows
// are search's columns as SQLite has them.
var benchColumns = map[string][]string{
	"speakers":         {"id", "name", "name_key", "surname", "kind", "role"},
	"articles":         {"id", "source_kind", "source_key", "name", "url", "title", "outlet", "published", "first_seen"},
	"versions":         {"id", "article_id", "version", "content_hash", "body", "title", "lede", "topics", "created"},
	"quotes":           {"id", "version_id", "ord", "text", "start_byte", "end_byte", "speaker_id", "speaker", "role", "partial"},
	"version_speakers": {"version_id", "speaker_id"},
	"search":           {"rowid", "text", "topics", "speaker", "forms", "speaker_id", "at"},
}

// benchTables is the order the tables are filled in, parents first.
var benchTables = []string{"speakers", "articles", "versions", "quotes", "version_speakers", "search"}

// fillBench fills db with n generated quotes: ten to an article, by 20,000
// people and 500 organisations, in words drawn from a Zipf distribution
// over a vocabulary of 5,000 made-up words with the news words of
// benchTopics among them at ranks from 40 to 3,000.
func fillBench(ctx context.Context, db *DB, n int) error {
	rows := genBench(n)
	if db.d.postgres {
		return fillPostgres(ctx, db, rows)
	}
	return fillSQLite(ctx, db, rows)
}

// genBench generates the rows of fillBench.
func genBench(n int) benchRows {
	rows := benchRows{}
	put := func(table string, vals ...any) { rows[table] = append(rows[table], vals) }
	rng := rand.New(rand.NewPCG(1, 2))
	syllables := strings.Fields("ka lo mi ren tas vo bel dra nis ur po sek an ti mar gol fe zu hal ori")
	word := func(k int) string { // a distinct made-up word for each k
		var sb strings.Builder
		for {
			sb.WriteString(syllables[k%len(syllables)])
			k /= len(syllables)
			if k == 0 {
				return sb.String()
			}
		}
	}
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = word(i + 400) // at least two syllables
	}
	for rank, w := range map[int]string{
		40: "europe", 60: "ukraine", 90: "european", 120: "ukrainian", 150: "negotiations",
		170: "negotiation", 200: "tariffs", 260: "tariff", 300: "election", 400: "strike",
		100: "hospital", 500: "inflation", 700: "exports", 800: "ceasefire", 900: "grain",
		1200: "sanctions", 1500: "refugees", 2000: "drought", 3000: "american",
	} {
		vocab[rank] = w
	}
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	places := []string{"Europe", "Ukraine", "United States", "Russia", "China", "Ireland", "Kenya", "Brazil", "Japan", "Canada"}

	type speaker struct {
		id         int64
		name, role string
	}
	var speakers []speaker
	for i := range 20_500 {
		s := speaker{id: int64(i + 1)}
		kind := "person"
		if i < 20_000 {
			s.name = cap1(word(i%200+21)) + " " + cap1(word(i/200+500))
			s.role = []string{"minister", "spokeswoman", "analyst", "farmer", "mayor"}[i%5]
		} else {
			s.name = cap1(word(i)) + " Association"
			kind = "organisation"
		}
		if i == 7 {
			s.name = "Lena Vantorsk"
		}
		put("speakers", s.id, s.name, nameKey(s.name), surname(s.name), kind, s.role)
		speakers = append(speakers, s)
	}

	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	var qid int64
	var text strings.Builder
	for art := int64(1); qid < int64(n); art++ {
		at := base + art*int64(5*time.Minute)
		title := fmt.Sprintf("Article %d", art)
		put("articles", art, "feed", title, "bench", "", title, "", at, at)
		put("versions", art, art, 1, fmt.Sprint(art), "", title, "", "[]", at)
		topics := strings.Join([]string{places[rng.IntN(len(places))], places[rng.IntN(len(places))]}, "\n")
		put("search", versionRow(art), "", topics, "", forms(topics), nil, at)
		cast := []speaker{speakers[rng.IntN(len(speakers))], speakers[rng.IntN(len(speakers))], speakers[rng.IntN(len(speakers))]}
		said := map[int64]bool{}
		for ord := range 10 {
			qid++
			if qid > int64(n) {
				break
			}
			s := cast[rng.IntN(len(cast))]
			text.Reset()
			for w := range 8 + rng.IntN(17) {
				if w > 0 {
					text.WriteByte(' ')
				}
				text.WriteString(vocab[zipf.Uint64()])
			}
			t := text.String()
			put("quotes", qid, art, ord, t, 0, len(t), s.id, s.name, s.role, false)
			put("search", quoteRow(qid), t, "", s.name, forms(t), s.id, at)
			if !said[s.id] {
				said[s.id] = true
				put("version_speakers", art, s.id)
			}
		}
	}
	return rows
}

// fillSQLite inserts rows into db in one transaction.
func fillSQLite(ctx context.Context, db *DB, rows benchRows) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil {
		return err
	}
	for _, table := range benchTables {
		cols := benchColumns[table]
		ins, err := tx.PrepareContext(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES (`+
			strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")+`)`)
		if err != nil {
			return err
		}
		for _, r := range rows[table] {
			if _, err := ins.ExecContext(ctx, r...); err != nil {
				ins.Close()
				return fmt.Errorf("%s: %w", table, err)
			}
		}
		ins.Close()
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET latest_version_id = id`); err != nil {
		return err
	}
	return tx.Commit()
}

// fillPostgres copies rows into db with COPY, the search rows through a
// table of their columns, and builds the search index once they are in.
func fillPostgres(ctx context.Context, db *DB, rows benchRows) error {
	c, err := db.sql.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	for _, q := range []string{
		`SET maintenance_work_mem = '512MB'`,
		`DROP INDEX search_doc`,
		`CREATE TEMP TABLE search_src (rowid BIGINT, text TEXT, topics TEXT, speaker TEXT, forms TEXT, speaker_id BIGINT, at BIGINT)`,
	} {
		if _, err := c.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	err = c.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		for _, table := range benchTables {
			into := table
			if table == "search" {
				into = "search_src"
			}
			if _, err := pc.CopyFrom(ctx, pgx.Identifier{into}, benchColumns[table], pgx.CopyFromRows(rows[table])); err != nil {
				return fmt.Errorf("copying %s: %w", table, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, q := range []string{
		`UPDATE articles SET latest_version_id = id`,
		`INSERT INTO search (rowid, doc, speaker_id, at)
			SELECT rowid, ` + searchDoc("text", "topics", "speaker", "forms") + `, speaker_id, at FROM search_src ORDER BY at, rowid`,
		`CREATE INDEX search_doc ON search USING gin (doc)`,
		`ANALYZE`,
	} {
		if _, err := c.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

func cap1(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
