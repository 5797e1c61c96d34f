package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

// day is a date in the tests' world: day(1) is the first of March 2025.
func day(n int) time.Time { return time.Date(2025, 3, n, 12, 0, 0, 0, time.UTC) }

// open opens a new archive whose clock starts at day(1) and moves a minute
// each time it is read.
func open(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.Context(), store.ArchivePath(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	clock := day(1)
	db.Now = func() time.Time {
		clock = clock.Add(time.Minute)
		return clock
	}
	return db
}

// said is one thing an actor says in a hand-built article: a quote, or a
// position in reported speech.
type said struct {
	who, role string
	kind      summarize.Kind // person when empty
	text      string
	position  bool
}

// build writes an article in which each said is a sentence of its own, and
// the briefing summarize would give it, with offsets into the body.
func build(title string, published time.Time, topics []string, lines ...said) (summarize.Article, summarize.Briefing) {
	var body strings.Builder
	b := summarize.Briefing{Title: title, Topics: topics}
	seen := map[string]bool{}
	for _, s := range lines {
		if body.Len() > 0 {
			body.WriteString("\n\n")
		}
		if s.who != "" && !seen[s.who] {
			seen[s.who] = true
			kind := s.kind
			if kind == "" {
				kind = summarize.Person
			}
			b.Actors = append(b.Actors, summarize.Actor{Name: s.who, Role: s.role, Aliases: []string{s.who}, Kind: kind})
		}
		if s.position {
			body.WriteString(s.who + " said ")
			start := body.Len()
			body.WriteString(s.text)
			b.Positions = append(b.Positions, summarize.Position{Actor: s.who, Text: s.text, Start: start, End: body.Len()})
			body.WriteString(".")
			continue
		}
		body.WriteString("“")
		start := body.Len()
		body.WriteString(s.text)
		b.Quotes = append(b.Quotes, summarize.Quote{Text: s.text, Start: start, End: body.Len(), Speaker: s.who, Role: s.role})
		body.WriteString("”")
		if s.who != "" {
			body.WriteString(", said " + s.who)
		}
		body.WriteString(".")
	}
	if len(b.Quotes) > 0 || len(b.Positions) > 0 {
		b.Lede = strings.SplitN(body.String(), "\n", 2)[0]
	}
	return summarize.Article{Title: title, Body: body.String(), Published: published}, b
}

// save saves a hand-built article under a file key named for its title.
func save(t *testing.T, db *store.DB, title string, published time.Time, topics []string, lines ...said) store.Saved {
	t.Helper()
	a, b := build(title, published, topics, lines...)
	src := store.Source{Kind: "file", Key: title + ".txt", Name: title + ".txt"}
	saved, err := db.Save(t.Context(), src, a, b)
	if err != nil {
		t.Fatalf("Save(%q): %v", title, err)
	}
	return saved
}

// saveFiller saves articles about nothing the tests search for, so that the
// words searched for are rare in the archive, as they are in a real one.
func saveFiller(t *testing.T, db *store.DB) {
	t.Helper()
	things := []string{"the harbour", "the library", "the orchard", "the market", "the rowing club", "the choir"}
	for i, thing := range things {
		save(t, db, fmt.Sprintf("filler %d", i), day(1), nil,
			said{who: fmt.Sprintf("Local Resident%d", i), text: fmt.Sprintf("We are proud of %s and its volunteers", thing)},
			said{who: fmt.Sprintf("Parish Clerk%d", i), text: fmt.Sprintf("%s reopens on Saturday after repairs", thing), position: true},
		)
	}
}

// TestOpenTogether opens a new archive from several processes' worth of
// connections at once, as replicas started together do: every Open
// succeeds, and each migration is applied once.
func TestOpenTogether(t *testing.T) {
	path := store.ArchivePath(t)
	const replicas = 4
	var wg sync.WaitGroup
	errs := make([]error, replicas)
	for i := range replicas {
		wg.Go(func() {
			db, err := store.Open(t.Context(), path)
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("Open by %d at once: %v", replicas, err)
	}
	var n, distinct int
	if err := openRaw(t, path).QueryRowContext(t.Context(),
		`SELECT COUNT(*), COUNT(DISTINCT name) FROM schema_version`).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n == 0 || n != distinct {
		t.Errorf("schema_version has %d rows for %d migrations; want one each", n, distinct)
	}
}

func TestOpenMigratesOnce(t *testing.T) {
	path := store.ArchivePath(t)
	versions := func() []string {
		t.Helper()
		raw := openRaw(t, path)
		rows, err := raw.QueryContext(t.Context(), `SELECT version, name, applied FROM schema_version ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var (
				v       int
				name    string
				applied int64
			)
			if err := rows.Scan(&v, &name, &applied); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%d %s %d", v, name, applied))
		}
		return out
	}

	for i := range 2 {
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		if err := db.Close(); err != nil {
			t.Fatalf("Close #%d: %v", i+1, err)
		}
	}
	got := versions()
	want := []string{"1 0001_init.sql ", "2 0002_feeds.sql ", "3 0003_outbox.sql ", "4 0004_byline.sql ", "5 0005_quote_sentences.sql ", "6 0006_delivery_parts.sql ", "7 0007_delivery_version.sql ", "8 0008_web_sources.sql ", "9 0009_leases.sql ", "10 0010_claims.sql ", "11 0011_source_counts.sql "}
	if store.OnPostgres() {
		want = []string{"1 0001_init.sql ", "2 0002_leases.sql ", "3 0003_claims.sql ", "4 0004_reads.sql ", "5 0005_search_newest.sql ", "6 0006_counts_at_commit.sql "}
	}
	if len(got) != len(want) {
		t.Fatalf("schema_version after two Opens = %q; want one row for each of %q", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("schema_version[%d] = %q; want %q", i, got[i], want[i])
		}
	}

	db, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open #3: %v", err)
	}
	db.Close()
	if diff := cmp.Diff(got, versions()); diff != "" {
		t.Errorf("a third Open changed schema_version (-before +after):\n%s", diff)
	}
	if store.OnPostgres() {
		return
	}

	raw := openRaw(t, path)
	var mode string
	if err := raw.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q; want wal", mode)
	}
}

// TestOpenArchivesOfBothBranches opens SQLite archives as the two
// branches left them before they were merged, each without the other's
// migration: main's (0008_web_sources.sql, no leases) and pg12's, whose
// leases were migration 0008 until main took that number. Each gets what
// it lacks, and pg12's leases are renumbered 0009, as they are now.
func TestOpenArchivesOfBothBranches(t *testing.T) {
	if store.OnPostgres() {
		t.Skip("the branches' migrations met on SQLite only")
	}
	for _, tc := range []struct {
		name string
		was  []string // SQL making a new archive as the branch left it
	}{
		{"main", []string{
			`DROP TABLE leases`,
			`DELETE FROM schema_version WHERE version = 9`,
		}},
		{"pg12", []string{
			`DROP INDEX articles_by_source`,
			`DELETE FROM schema_version WHERE version = 8`,
			`UPDATE schema_version SET version = 8, name = '0008_leases.sql' WHERE version = 9`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.Context()
			path := store.ArchivePath(t)
			db, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			raw := openRaw(t, path)
			for _, q := range tc.was {
				if _, err := raw.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}

			db, err = store.Open(ctx, path)
			if err != nil {
				t.Fatalf("Open of %s's archive: %v", tc.name, err)
			}
			if err := db.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			rows, err := raw.QueryContext(ctx, `SELECT version || ' ' || name FROM schema_version ORDER BY version`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var got []string
			for rows.Next() {
				var s string
				if err := rows.Scan(&s); err != nil {
					t.Fatal(err)
				}
				got = append(got, s)
			}
			want := []string{"1 0001_init.sql", "2 0002_feeds.sql", "3 0003_outbox.sql", "4 0004_byline.sql", "5 0005_quote_sentences.sql",
				"6 0006_delivery_parts.sql", "7 0007_delivery_version.sql", "8 0008_web_sources.sql", "9 0009_leases.sql",
				"10 0010_claims.sql", "11 0011_source_counts.sql"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("schema_version after Open (-want +got):\n%s", diff)
			}
			var leases, index int
			if err := raw.QueryRowContext(ctx, `SELECT
				(SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'leases'),
				(SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'articles_by_source')`).Scan(&leases, &index); err != nil {
				t.Fatal(err)
			}
			if leases != 1 || index != 1 {
				t.Errorf("after Open the archive has %d leases tables and %d articles_by_source indexes; want one of each", leases, index)
			}
		})
	}
}

func TestOpenOddPath(t *testing.T) {
	if store.OnPostgres() {
		t.Skip("a file name")
	}
	// A '?' or '#' is part of the file name, not the start of parameters.
	path := filepath.Join(t.TempDir(), "what? #1.db")
	db, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	defer db.Close()
	save(t, db, "odd", day(2), nil, said{who: "Ann Lee", text: "It works"})
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Open(%q) made no such file: %v", path, err)
	}
}

func TestSave(t *testing.T) {
	db := open(t)
	ctx := t.Context()
	body := "The ferry company said on Monday that crossings would resume.\n\n" +
		"“We have fixed the ramp and the crews are ready,” said operations manager Ruth Kelly."
	a := summarize.Article{Title: "Ferries to sail again", Body: body, Byline: "Tomasz Wren", Published: day(3)}
	src := store.Source{Kind: "file", Key: "news/ferries.txt", Name: "ferries.txt"}

	steps := []struct {
		name string
		src  store.Source
		a    summarize.Article
		want store.Saved
	}{
		{"new", src, a, store.Saved{ArticleID: 1, Version: 1, New: true}},
		{"again", src, a, store.Saved{ArticleID: 1, Version: 1, New: false}},
		{"same text, another file", store.Source{Kind: "file", Key: "copy.txt", Name: "copy.txt"}, a, store.Saved{ArticleID: 1, Version: 1, New: false}},
		{"same text from a feed", store.Source{Kind: "feed", Key: "urn:x:1", Name: "News"}, a, store.Saved{ArticleID: 1, Version: 1, New: false}},
		{"edited", src, edit(a, "Monday", "Tuesday"), store.Saved{ArticleID: 1, Version: 2, New: true}},
		{"edited again", src, edit(a, "Monday", "Friday"), store.Saved{ArticleID: 1, Version: 3, New: true}},
		{"first text back", src, a, store.Saved{ArticleID: 1, Version: 1, New: false}},
		{"another article", store.Source{Kind: "feed", Key: "urn:x:2", Name: "News"}, edit(a, "ferry", "bus"), store.Saved{ArticleID: 2, Version: 1, New: true}},
	}
	for _, s := range steps {
		got, err := db.Save(ctx, s.src, s.a, summarize.Brief(s.a))
		if err != nil {
			t.Fatalf("%s: Save(%q): %v", s.name, s.src.Key, err)
		}
		if got != s.want {
			t.Errorf("%s: Save(%q) = %+v; want %+v", s.name, s.src.Key, got, s.want)
		}
	}

	latest, err := db.Latest(ctx)
	if err != nil || latest != 2 {
		t.Errorf("Latest() = %d, %v; want 2, nil", latest, err)
	}
	gotA, _, gotSrc, err := db.Briefing(ctx, 1)
	if err != nil {
		t.Fatalf("Briefing(1): %v", err)
	}
	if want := edit(a, "Monday", "Friday"); gotA.Body != want.Body || gotA.Byline != a.Byline {
		t.Errorf("Briefing(1) body, byline = %q, %q; want the latest version %q, %q", gotA.Body, gotA.Byline, want.Body, a.Byline)
	}
	if gotSrc != src {
		t.Errorf("Briefing(1) source = %+v; want %+v", gotSrc, src)
	}
}

// edit is a with the first old in its body replaced by new.
func edit(a summarize.Article, old, new string) summarize.Article {
	a.Body = strings.Replace(a.Body, old, new, 1)
	return a
}

func TestSaveSearchesLatestVersionOnly(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "budget", day(2), nil, said{who: "Mia Costa", text: "The surplus will go to hospitals"})
	save(t, db, "budget", day(2), nil, said{who: "Mia Costa", text: "The surplus will go to schools"})

	for topic, want := range map[string]int{"hospitals": 0, "schools": 1, "surplus": 1} {
		hits, _, err := db.WhoSaid(t.Context(), topic, 5)
		if err != nil {
			t.Fatalf("WhoSaid(%q): %v", topic, err)
		}
		if len(hits) != want {
			t.Errorf("WhoSaid(%q) = %v; want %d hits", topic, hits, want)
		}
	}
	quotes, err := db.Quotes(t.Context(), "costa", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 1 || quotes[0].Text != "The surplus will go to schools" {
		t.Errorf("Quotes(%q) = %v; want only the latest version's quote", "costa", quotes)
	}
}

// TestSaveAllSearchesLatestVersionOnly saves two versions of an article in
// one transaction, whose search rows are added at its end: the first
// version's must not be added at all.
func TestSaveAllSearchesLatestVersionOnly(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	src := store.Source{Kind: "file", Key: "budget.txt", Name: "budget.txt"}
	var docs []store.Doc
	for _, where := range []string{"hospitals", "schools"} {
		a, b := build("budget", day(2), []string{where + " funding"}, said{who: "Mia Costa", text: "The surplus will go to " + where})
		docs = append(docs, store.Doc{Source: src, Article: a, Briefing: b})
	}
	saved, err := db.SaveAll(t.Context(), docs)
	if err != nil {
		t.Fatalf("SaveAll: %v", err)
	}
	if saved[1].ArticleID != saved[0].ArticleID || saved[1].Version != 2 {
		t.Fatalf("SaveAll = %+v; want versions 1 and 2 of one article", saved)
	}
	for topic, want := range map[string]int{"hospitals": 0, "schools": 1, "surplus": 1, "funding": 1} {
		hits, _, err := db.WhoSaid(t.Context(), topic, 5)
		if err != nil {
			t.Fatalf("WhoSaid(%q): %v", topic, err)
		}
		if len(hits) != want {
			t.Errorf("WhoSaid(%q) = %v; want %d hits", topic, hits, want)
		}
	}
}

// TestSpeakersMergeInOneBatch saves articles that name speakers in many
// ways in one transaction, which remembers what it wrote of the speakers,
// and one at a time: the speakers, their names and roles are the same.
func TestSpeakersMergeInOneBatch(t *testing.T) {
	articles := []struct {
		title string
		day   int
		said  said
	}{
		{"m1", 2, said{who: "Lind", text: "The quay is safe"}},
		{"m2", 3, said{who: "Ana Lind", role: "mayor", text: "The ferry sails on Monday"}},
		{"m3", 1, said{who: "Ana Lind", role: "candidate", text: "I will fix the quay"}},
		{"m4", 4, said{who: "Harbour Mayor Ana Lind", text: "Tolls stay as they are"}},
		{"m5", 5, said{who: "Ana Lind", role: "former mayor", text: "I stand by the tolls"}},
		{"m6", 2, said{who: "lind", text: "The quay was always safe"}},
		{"m7", 3, said{who: "Port Authority", kind: summarize.Organisation, text: "Dredging starts in May"}},
		{"m8", 4, said{who: "port authority", kind: summarize.Organisation, text: "Dredging is late"}},
		{"m9", 2, said{who: "Ola Lind", role: "pilot", text: "The channel is too shallow"}},
	}
	var docs []store.Doc
	one := open(t)
	for _, a := range articles {
		art, b := build(a.title, day(a.day), nil, a.said)
		src := store.Source{Kind: "file", Key: a.title + ".txt", Name: a.title + ".txt"}
		docs = append(docs, store.Doc{Source: src, Article: art, Briefing: b})
		if _, err := one.Save(t.Context(), src, art, b); err != nil {
			t.Fatal(err)
		}
	}
	batch := open(t)
	if _, err := batch.SaveAll(t.Context(), docs); err != nil {
		t.Fatal(err)
	}
	speakers := func(db *store.DB, name string) []string {
		t.Helper()
		quotes, err := db.Quotes(t.Context(), name, 0)
		if err != nil {
			t.Fatalf("Quotes(%q): %v", name, err)
		}
		var got []string
		for _, q := range quotes {
			got = append(got, q.Speaker+" ("+q.Role+"): "+q.Text)
		}
		return got
	}
	for _, name := range []string{"lind", "ana lind", "ola", "port authority"} {
		want := speakers(one, name)
		if len(want) == 0 {
			t.Errorf("Quotes(%q) found nothing", name)
		}
		if diff := cmp.Diff(want, speakers(batch, name)); diff != "" {
			t.Errorf("Quotes(%q) after one batch (-one at a time +batch):\n%s", name, diff)
		}
	}
	if got := speakers(batch, "ana lind"); len(got) == 0 || !strings.HasPrefix(got[0], "Harbour Mayor Ana Lind (former mayor)") {
		t.Errorf("Quotes(%q) = %q; want the longest name and the newest role first", "ana lind", got)
	}
}

func TestSpeakersMerge(t *testing.T) {
	db := open(t)
	ctx := t.Context()
	save(t, db, "a1", day(2), nil, said{who: "Hegseth", text: "Allies must pay their share"})
	save(t, db, "a2", day(3), nil, said{who: "Pete Hegseth", role: "defense secretary", text: "The base stays open"})
	save(t, db, "a3", day(4), nil, said{who: "US Defense Secretary Pete Hegseth", text: "Deterrence works"})
	save(t, db, "a4", day(1), nil, said{who: "hegseth", role: "nominee", text: "I will answer every question"})
	save(t, db, "b1", day(2), nil, said{who: "John Sheahan", role: "councillor", text: "The road needs lights"})
	save(t, db, "b2", day(3), nil, said{who: "Kevin Sheahan", role: "farmer", text: "The price of milk is too low"})
	save(t, db, "b3", day(4), nil, said{who: "Sheahan", text: "Nobody asked us"})
	save(t, db, "c1", day(2), nil, said{who: "Irish Farmers' Association", kind: summarize.Organisation, text: "Margins are gone"})
	save(t, db, "c2", day(3), nil, said{who: "irish farmers' association", kind: summarize.Organisation, text: "Talks must restart"})
	save(t, db, "c3", day(4), nil, said{who: "Farmers' Association", kind: summarize.Organisation, text: "We represent growers"})

	speakers := func(name string) map[string]int {
		t.Helper()
		quotes, err := db.Quotes(ctx, name, 0)
		if err != nil {
			t.Fatalf("Quotes(%q): %v", name, err)
		}
		got := map[string]int{}
		for _, q := range quotes {
			got[q.Speaker+" ("+q.Role+")"]++
		}
		return got
	}
	tests := []struct {
		name string
		want map[string]int
	}{
		// The longest name is kept; the role of the newest article (a2,
		// since a3 gives none and a4 is older) is the speaker's role, shown
		// where a quote has none of its own.
		{"hegseth", map[string]int{
			"US Defense Secretary Pete Hegseth (defense secretary)": 3,
			"US Defense Secretary Pete Hegseth (nominee)":           1,
		}},
		// A bare surname both Sheahans share is neither of them.
		{"sheahan", map[string]int{
			"John Sheahan (councillor)": 1,
			"Kevin Sheahan (farmer)":    1,
			"Sheahan ()":                1,
		}},
		{"kevin", map[string]int{"Kevin Sheahan (farmer)": 1}},
		{"farmers' association", map[string]int{
			"Irish Farmers' Association ()": 2,
			"Farmers' Association ()":       1,
		}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, speakers(tc.name)); diff != "" {
			t.Errorf("Quotes(%q) speakers (-want +got):\n%s", tc.name, diff)
		}
	}

	hits, _, err := db.WhoSaid(ctx, "deterrence", 5)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Hit{{
		Speaker: "US Defense Secretary Pete Hegseth", Role: "defense secretary", Kind: "person",
		Said: quoted("Deterrence works"), ArticleID: 3, Title: "a3", Published: day(4),
	}}
	if diff := cmp.Diff(want, hits, ignoreScore); diff != "" {
		t.Errorf("WhoSaid(%q) (-want +got):\n%s", "deterrence", diff)
	}
}

// ignoreScore compares hits without their scores, which are BM25's to
// decide.
var ignoreScore = cmp.FilterPath(func(p cmp.Path) bool {
	return p.Last().String() == ".Score"
}, cmp.Ignore())

func TestSpeakersMergeWithSummarize(t *testing.T) {
	db := open(t)
	// The bare surname comes first, so the speaker must take the longer
	// name later.
	articles := []string{
		"“The talks went well,” Mr Hegseth said after the meeting in Brussels.",
		"Defense Secretary Pete Hegseth said the alliance had to spend more. “We cannot carry everyone,” Hegseth told reporters.",
		"Speaking in Brussels, US Defense Secretary Pete Hegseth said the talks went well. “I am hopeful,” he said.",
		"John Sheahan, a councillor in Cork, said the new road was dangerous. “Someone will be hurt,” Sheahan said.",
		"Kevin Sheahan, who farms near Mallow, said prices were falling. “We are working for nothing,” Sheahan said.",
	}
	for i, body := range articles {
		a := summarize.Article{Title: fmt.Sprintf("story %d", i+1), Body: body, Published: day(i + 2)}
		if _, err := db.Save(t.Context(), store.Source{Kind: "feed", Key: a.Title, Name: "wire"}, a, summarize.Brief(a)); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string][]string{
		"hegseth": {"Pete Hegseth", "Pete Hegseth", "Pete Hegseth"},
		"sheahan": {"Kevin Sheahan", "John Sheahan"},
	} {
		quotes, err := db.Quotes(t.Context(), name, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range quotes {
			got = append(got, q.Speaker)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Quotes(%q) speakers (-want +got):\n%s", name, diff)
		}
	}
}

func TestWhoSaidFindsForms(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "geneva", day(2), nil,
		said{who: "Alice Moreau", role: "envoy", text: "The negotiations in Geneva will resume next week"})
	save(t, db, "markets", day(3), nil,
		said{who: "Bob Okafor", text: "European farmers deserve a fair price", position: true},
		said{who: "Eve Lindqvist", text: "Europe cannot wait for anyone else"})
	save(t, db, "grain", day(4), nil,
		said{who: "Carla Dunne", text: "Ukrainian grain must reach the ports"},
		said{who: "Dan Petrov", text: "Ukraine needs air defence before the winter", position: true})
	save(t, db, "summit", day(5), []string{"United States"},
		said{who: "Fay Adams", text: "American voters will decide"},
		said{who: "Gus Brandt", text: "Our negotiation with Washington is over", position: true})

	tests := []struct {
		topic string
		want  []string
	}{
		{"negotiation", []string{"Alice Moreau", "Gus Brandt"}},
		{"negotiations", []string{"Alice Moreau", "Gus Brandt"}},
		{"negotiating", []string{"Alice Moreau", "Gus Brandt"}},
		{"europe", []string{"Bob Okafor", "Eve Lindqvist"}},
		{"European", []string{"Bob Okafor", "Eve Lindqvist"}},
		{"Europeans", []string{"Bob Okafor", "Eve Lindqvist"}},
		{"Ukraine", []string{"Carla Dunne", "Dan Petrov"}},
		{"ukrainian", []string{"Carla Dunne", "Dan Petrov"}},
		{"Ukrainians", []string{"Carla Dunne", "Dan Petrov"}},
		{"Ukraine's", []string{"Carla Dunne", "Dan Petrov"}},
		{"america", []string{"Fay Adams", "Gus Brandt"}}, // Gus by the article's topic
		{"United States", []string{"Fay Adams", "Gus Brandt"}},
		{"grain ports", []string{"Carla Dunne"}},
		{"the ports", []string{"Carla Dunne"}},
		{"Geneva negotiations", []string{"Alice Moreau"}},
		{"harbour negotiations", nil},
		{"sewage", nil},
	}
	for _, tc := range tests {
		hits, more, err := db.WhoSaid(t.Context(), tc.topic, 10)
		if err != nil {
			t.Fatalf("WhoSaid(%q): %v", tc.topic, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Speaker)
		}
		if diff := cmp.Diff(tc.want, got, sortStrings); diff != "" || more != 0 {
			t.Errorf("WhoSaid(%q) = %v, %d; want %v, 0:\n%s", tc.topic, got, more, tc.want, diff)
		}
	}
}

// quoted is texts as direct quotes.
func quoted(texts ...string) []store.Said {
	out := make([]store.Said, len(texts))
	for i, t := range texts {
		out[i] = store.Said{Text: t, Quote: true}
	}
	return out
}

var sortStrings = cmpopts.SortSlices(func(a, b string) bool { return a < b })

func TestWhoSaidRanks(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "trade 1", day(2), nil,
		said{who: "Hana Ito", role: "trade minister", text: "Tariffs hurt our exporters"},
		said{who: "Hana Ito", role: "trade minister", text: "We will answer tariffs with tariffs"},
		said{who: "Hana Ito", role: "trade minister", text: "the tariffs would be lifted by spring", position: true},
		said{who: "Ivo Marsh", text: "Tariffs are a tax on shoppers"})
	save(t, db, "trade 2", day(3), nil,
		said{who: "Jon Reyes", text: "Tariffs are a tax on shoppers"},
		said{who: "Kai Olsen", text: "Fishing quotas and tariffs should be kept apart, and so should the rest of the quarrel"},
		said{text: "tariffs tariffs tariffs"}, // unattributed: nobody's
	)

	ctx := t.Context()
	hits, more, err := db.WhoSaid(ctx, "tariff", 2)
	if err != nil {
		t.Fatal(err)
	}
	// Hana Ito has the most matches. Ivo Marsh and Jon Reyes said the same
	// words; Jon said them later. Kai Olsen used the word once in a long
	// sentence. Of Hana's texts the shortest with the word comes first:
	// on SQLite a row's relevance does not count the word twice (FTS5
	// gives that count only with bm25, which reads every match in the
	// archive), on PostgreSQL ts_rank does.
	hana := quoted("Tariffs hurt our exporters", "We will answer tariffs with tariffs")
	if store.OnPostgres() {
		hana[0], hana[1] = hana[1], hana[0]
	}
	want := []store.Hit{
		{Speaker: "Hana Ito", Role: "trade minister", Kind: "person",
			Said:      hana,
			ArticleID: 7, Title: "trade 1", Published: day(2)},
		{Speaker: "Jon Reyes", Kind: "person", Said: quoted("Tariffs are a tax on shoppers"),
			ArticleID: 8, Title: "trade 2", Published: day(3)},
	}
	if diff := cmp.Diff(want, hits, ignoreScore); diff != "" || more != 2 {
		t.Errorf("WhoSaid(%q, 2) = %v, %d; want %v, 2:\n%s", "tariff", hits, more, want, diff)
	}
	if len(hits) == 2 && hits[0].Score <= hits[1].Score {
		t.Errorf("WhoSaid(%q) scores %v, %v; want them decreasing", "tariff", hits[0].Score, hits[1].Score)
	}

	// A position is found too, and is marked as reported speech, not
	// as the speaker's own words.
	spring, _, err := db.WhoSaid(ctx, "spring", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(spring) != 1 || !cmp.Equal(spring[0].Said, []store.Said{{Text: "the tariffs would be lifted by spring", Quote: false}}) {
		t.Errorf("WhoSaid(%q) = %+v; want Hana Ito's position, not as a quote", "spring", spring)
	}

	all, more, err := db.WhoSaid(ctx, "tariffs", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range all {
		got = append(got, h.Speaker)
	}
	// Ivo, Jon and Kai each said the word once. On PostgreSQL ts_rank
	// weighs Kai's long sentence less; on SQLite, where a row's relevance
	// is where it has the words and not bm25 (which reads every match in
	// the archive), the three are equals, and the most recent come first.
	order := []string{"Hana Ito", "Jon Reyes", "Kai Olsen", "Ivo Marsh"}
	if store.OnPostgres() {
		order = []string{"Hana Ito", "Jon Reyes", "Ivo Marsh", "Kai Olsen"}
	}
	if !cmp.Equal(got, order) || more != 0 {
		t.Errorf("WhoSaid(%q, 0) = %v, %d; want %v, 0", "tariffs", got, more, order)
	}
}

func TestWhoSaidTopics(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "ports", day(2), []string{"Ireland", "Cork"},
		said{who: "Nora Quinn", role: "harbour master", text: "the ferries were late again", position: true},
		said{who: "Nora Quinn", role: "harbour master", text: "Harbour fees must fall"},
		said{who: "Omar Said", text: "Irish ports need money"},
		said{text: "Nobody will say it"})

	hits, more, err := db.WhoSaid(t.Context(), "ireland", 5)
	if err != nil {
		t.Fatal(err)
	}
	// Omar Said used the word; Nora Quinn only spoke in an article about
	// Ireland, so she comes second, with her first quote.
	want := []store.Hit{
		{Speaker: "Omar Said", Kind: "person", Said: quoted("Irish ports need money"),
			ArticleID: 7, Title: "ports", Published: day(2)},
		{Speaker: "Nora Quinn", Role: "harbour master", Kind: "person", Said: quoted("Harbour fees must fall"),
			ArticleID: 7, Title: "ports", Published: day(2)},
	}
	if diff := cmp.Diff(want, hits, ignoreScore); diff != "" || more != 0 {
		t.Errorf("WhoSaid(%q) = %v, %d; want %v, 0:\n%s", "ireland", hits, more, want, diff)
	}
}

func TestWhoSaidRejectsNothing(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "roads", day(2), nil, said{who: "Lia Park", text: "The bypass (phase two) is funded"})

	for _, topic := range []string{"", "   ", "***", "*", `"`, "()", "-", ":"} {
		if _, _, err := db.WhoSaid(t.Context(), topic, 5); !errors.Is(err, store.ErrEmptyQuery) {
			t.Errorf("WhoSaid(%q) error = %v; want ErrEmptyQuery", topic, err)
		}
	}
	// Operators are words like any other, or nothing.
	for _, topic := range []string{
		`bypass*`, `"bypass`, `bypass"`, `(bypass`, `bypass)`, `-bypass`, `+bypass`, `^bypass`,
		`bypass AND`, `OR bypass`, `NOT bypass`, `NEAR(bypass phase)`, `bypass OR phase`,
		`bypass NOT funded`, `bypass'`, `'bypass'`, `bypass:`, `“bypass”`,
	} {
		hits, _, err := db.WhoSaid(t.Context(), topic, 5)
		if err != nil {
			t.Errorf("WhoSaid(%q): %v", topic, err)
			continue
		}
		if len(hits) != 1 || hits[0].Speaker != "Lia Park" {
			t.Errorf("WhoSaid(%q) = %v; want Lia Park", topic, hits)
		}
	}
	for _, topic := range []string{
		`text:bypass`, `{text}: bypass`, `bypass; DROP TABLE quotes`, `by\pass`, `rowid`, `search`,
		`NEAR`, `AND`, `"" OR ""`, `a AND b OR c NOT d`, strings.Repeat("bypass ", 100),
	} {
		if _, _, err := db.WhoSaid(t.Context(), topic, 5); err != nil {
			t.Errorf("WhoSaid(%q): %v", topic, err)
		}
	}
}

func TestQuotes(t *testing.T) {
	db := open(t)
	save(t, db, "older", day(2), nil,
		said{who: "Pete Hegseth", role: "secretary", text: "First things first"},
		said{who: "Pete Hegseth", role: "secretary", text: "Second things second"})
	save(t, db, "newer", day(9), nil, said{who: "Hegseth", text: "Later words"})
	save(t, db, "undated", time.Time{}, nil, said{who: "Pete Hegseth", text: "Words on no date"})
	save(t, db, "other", day(5), nil, said{who: "Ana Hegarty", text: "Not his words"})

	got, err := db.Quotes(t.Context(), "hegseth", 0)
	if err != nil {
		t.Fatal(err)
	}
	// The undated article is dated by when it was saved, day(1) and a few
	// minutes, so it is the oldest.
	want := []store.QuoteRow{
		{Speaker: "Pete Hegseth", Role: "secretary", Text: "Later words", ArticleID: 2, Title: "newer", Published: day(9), Start: 3, End: 14},
		{Speaker: "Pete Hegseth", Role: "secretary", Text: "First things first", ArticleID: 1, Title: "older", Published: day(2), Start: 3, End: 21},
		{Speaker: "Pete Hegseth", Role: "secretary", Text: "Second things second", ArticleID: 1, Title: "older", Published: day(2), Start: 49, End: 69},
		{Speaker: "Pete Hegseth", Role: "secretary", Text: "Words on no date", ArticleID: 3, Title: "undated", Start: 3, End: 19},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Quotes(%q) (-want +got):\n%s", "hegseth", diff)
	}
	for _, name := range []string{"HEGSETH", "Pete Heg", "pete"} {
		got, err := db.Quotes(t.Context(), name, 2)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[:2], got); diff != "" {
			t.Errorf("Quotes(%q, 2) (-want +got):\n%s", name, diff)
		}
	}
	if got, err := db.Quotes(t.Context(), "nobody", 0); err != nil || len(got) != 0 {
		t.Errorf("Quotes(%q) = %v, %v; want nothing", "nobody", got, err)
	}
	if _, err := db.Quotes(t.Context(), " ", 0); !errors.Is(err, store.ErrEmptyQuery) {
		t.Errorf("Quotes(%q) error = %v; want ErrEmptyQuery", " ", err)
	}
}

func TestBriefingRoundTrips(t *testing.T) {
	db := open(t)
	a := summarize.Article{
		Title: "Port reopens after storm",
		Body: "Harbour master Ian Clarke said the port would reopen on Monday.\n\n" +
			"“The damage was lighter than we feared,” he said. “Ferries can sail again.”\n\n" +
			"The European Commission said it would help pay for repairs, and Clarke called the offer “generous and quick”.",
		URL:       "https://example.com/port",
		Source:    "Coast News",
		Published: day(6),
	}
	b := summarize.Brief(a)
	if len(b.Quotes) < 3 || len(b.Positions) == 0 {
		t.Fatalf("Brief gave %d quotes and %d positions; the test wants at least 3 and 1", len(b.Quotes), len(b.Positions))
	}
	src := store.Source{Kind: "file", Key: "coast/port.md", Name: "port.md"}
	saved, err := db.Save(t.Context(), src, a, b)
	if err != nil {
		t.Fatal(err)
	}
	gotA, gotB, gotSrc, err := db.Briefing(t.Context(), saved.ArticleID)
	if err != nil {
		t.Fatalf("Briefing(%d): %v", saved.ArticleID, err)
	}
	if diff := cmp.Diff(a, gotA); diff != "" {
		t.Errorf("Briefing(%d) article (-want +got):\n%s", saved.ArticleID, diff)
	}
	if diff := cmp.Diff(b, gotB); diff != "" {
		t.Errorf("Briefing(%d) briefing (-want +got):\n%s", saved.ArticleID, diff)
	}
	if gotSrc != src {
		t.Errorf("Briefing(%d) source = %+v; want %+v", saved.ArticleID, gotSrc, src)
	}
	for _, q := range gotB.Quotes {
		if gotA.Body[q.Start:q.End] != q.Text {
			t.Errorf("quote %q at [%d:%d] is %q in the body", q.Text, q.Start, q.End, gotA.Body[q.Start:q.End])
		}
	}
}

func TestBriefingSortsQuotes(t *testing.T) {
	db := open(t)
	a, b := build("order", day(2), []string{"Europe"},
		said{who: "Ann Lee", text: "One"}, said{who: "Ann Lee", text: "Two"}, said{who: "Bo Li", text: "Three"})
	want := b
	b.Quotes = []summarize.Quote{b.Quotes[2], b.Quotes[0], b.Quotes[1]}
	saved, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "order.txt"}, a, b)
	if err != nil {
		t.Fatal(err)
	}
	_, got, _, err := db.Briefing(t.Context(), saved.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Briefing(%d) (-want +got):\n%s", saved.ArticleID, diff)
	}
}

func TestSaveBlankNames(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	a := summarize.Article{Title: "blank", Body: "“Rain tomorrow,” a voice said. Someone said winds would rise."}
	b := summarize.Briefing{
		Title:     "blank",
		Quotes:    []summarize.Quote{{Text: "Rain tomorrow,", Start: 3, End: 17}},
		Actors:    []summarize.Actor{{Name: " ", Kind: summarize.Person}},
		Positions: []summarize.Position{{Actor: "", Text: "winds would rise", Start: 44, End: 60}},
	}
	saved, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "blank.txt"}, a, b)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	for _, topic := range []string{"rain", "winds"} {
		if hits, more, err := db.WhoSaid(t.Context(), topic, 5); err != nil || len(hits)+more != 0 {
			t.Errorf("WhoSaid(%q) = %v, %d, %v; want nobody", topic, hits, more, err)
		}
	}
	_, got, _, err := db.Briefing(t.Context(), saved.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b, got); diff != "" {
		t.Errorf("Briefing(%d) (-want +got):\n%s", saved.ArticleID, diff)
	}
}

func TestNotFound(t *testing.T) {
	db := open(t)
	if id, err := db.Latest(t.Context()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Latest() on an empty archive = %d, %v; want ErrNotFound", id, err)
	}
	if _, _, _, err := db.Briefing(t.Context(), 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Briefing(42) error = %v; want ErrNotFound", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	path := store.ArchivePath(t)
	// Two handles on one file stand for two processes.
	var dbs [2]*store.DB
	for i := range dbs {
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 4 {
		wg.Go(func() {
			db := dbs[w%2]
			for i := range 10 {
				a, b := build(fmt.Sprintf("w%d-%d", w, i), day(2), nil,
					said{who: fmt.Sprintf("Writer Number%d", w), text: fmt.Sprintf("Report %d of %d on the weather", i, w)})
				if _, err := db.Save(t.Context(), store.Source{Kind: "feed", Key: a.Title}, a, b); err != nil {
					errs <- err
					return
				}
				if _, _, err := db.WhoSaid(t.Context(), "weather", 3); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	hits, more, err := dbs[0].WhoSaid(t.Context(), "weather", 1)
	if err != nil || len(hits) != 1 || more != 3 {
		t.Errorf("WhoSaid(%q, 1) = %v, %d, %v; want 1 hit and 3 more", "weather", hits, more, err)
	}
}

// TestQuotesContext: words quoted inside reported speech come with the
// position they were quoted in; a whole quotation comes alone.
func TestQuotesContext(t *testing.T) {
	db := open(t)
	a := summarize.Article{
		Title: "Ferry talks",
		Body: "Harbour chief Nadia Kerr said it was vital the islands are “closely involved” in any talks on the ferries.\n\n" +
			"“We will not be left out,” Kerr said.\n\n" +
			"On Friday Kerr called the timetable “a decision taken in the dark” and left.",
		Published: day(4),
	}
	if _, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "ferry.txt", Name: "ferry.txt"}, a, summarize.Brief(a)); err != nil {
		t.Fatal(err)
	}
	got, err := db.Quotes(t.Context(), "kerr", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("Quotes(kerr) = %+v; want 3 quotes", got)
	}
	// A fragment in no reported speech comes with its sentence.
	if want := "On Friday Kerr called the timetable “a decision taken in the dark” and left."; got[2].Context != want {
		t.Errorf("fragment %q has context %q; want its sentence %q", got[2].Text, got[2].Context, want)
	}
	if want := "it was vital the islands are “closely involved” in any talks on the ferries"; got[0].Text != "closely involved" || !got[0].Partial || got[0].Context != want {
		t.Errorf("partial quote = %q, partial %v, context %q; want %q in %q", got[0].Text, got[0].Partial, got[0].Context, "closely involved", want)
	}
	if got[1].Context != "" {
		t.Errorf("whole quotation %q has context %q; want none", got[1].Text, got[1].Context)
	}
	// The commands read them through the archive, with the same contexts.
	page, err := db.Archive().Quotes(t.Context(), bot.Query{Words: "kerr"}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var fromArchive, fromDB []string
	for _, r := range page.Rows {
		fromArchive = append(fromArchive, fmt.Sprintf("%q %v %q", r.Text, r.Partial, r.Context))
	}
	for _, r := range got {
		fromDB = append(fromDB, fmt.Sprintf("%q %v %q", r.Text, r.Partial, r.Context))
	}
	if diff := cmp.Diff(fromDB, fromArchive); diff != "" {
		t.Errorf("Archive().Quotes(kerr) differs from DB.Quotes (-db +archive):\n%s", diff)
	}

	// /who-said shows a fragment as the report it is in, not alone.
	for topic, want := range map[string]store.Said{
		"involved": {Text: "it was vital the islands are “closely involved” in any talks on the ferries"},
		"dark":     {Text: "On Friday Kerr called the timetable “a decision taken in the dark” and left."},
		"left out": {Text: "We will not be left out,", Quote: true},
	} {
		hits, _, err := db.WhoSaid(t.Context(), topic, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || len(hits[0].Said) != 1 || hits[0].Said[0] != want {
			t.Errorf("WhoSaid(%q) = %+v; want Nadia Kerr with %+v", topic, hits, want)
		}
	}
}

// TestWhoSaidSameQuoteTwice lists a quote that two articles carry once
// under its speaker, with the speaker's other quote beside it rather than
// lost.
func TestWhoSaidSameQuoteTwice(t *testing.T) {
	db := open(t)
	same := said{who: "Nora Walsh", text: "The harbour cable needs replacing this spring"}
	save(t, db, "Harbour budget", day(1), nil, said{who: "Nora Walsh", text: "The harbour works will cost four million euros"})
	save(t, db, "Harbour cable", day(2), nil, same)
	save(t, db, "Harbour cable again", day(3), nil, same, said{who: "Ian Clarke", text: "Ferries will run as usual"})
	hits, _, err := db.WhoSaid(t.Context(), "harbour", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("WhoSaid(harbour) = %+v, %v; want one speaker", hits, err)
	}
	var texts []string
	for _, s := range hits[0].Said {
		texts = append(texts, s.Text)
	}
	seen := map[string]bool{}
	for _, x := range texts {
		if seen[x] {
			t.Errorf("WhoSaid(harbour) lists %q twice: %q", x, texts)
		}
		seen[x] = true
	}
	if len(texts) != 2 {
		t.Errorf("WhoSaid(harbour) lists %q; want two different quotes", texts)
	}
}

// TestSaveFollowsRename keeps a file renamed and then edited as one
// article: the rename moves the article to the new name, and the edit is
// its second version. A copy (its original still there) moves nothing.
func TestSaveFollowsRename(t *testing.T) {
	db := open(t)
	files := map[string]bool{"a.txt": true}
	db.FileExists = func(key string) bool { return files[key] }
	a, b := build("Harbour", day(1), nil, said{who: "Nora Walsh", text: "The harbour cable needs replacing this spring"})
	first, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "a.txt", Name: "a.txt"}, a, b)
	if err != nil {
		t.Fatal(err)
	}
	// Copied to c.txt: a.txt is still there.
	files["c.txt"] = true
	if s, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "c.txt", Name: "c.txt"}, a, b); err != nil || s.Moved || s.New {
		t.Errorf("Save of a copy = %+v, %v; want nothing new, not moved", s, err)
	}
	delete(files, "c.txt")
	// Renamed to b.txt.
	delete(files, "a.txt")
	files["b.txt"] = true
	moved, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "b.txt", Name: "b.txt"}, a, b)
	if err != nil || !moved.Moved || moved.New || moved.ArticleID != first.ArticleID {
		t.Fatalf("Save after a rename = %+v, %v; want article %d moved, nothing new", moved, err, first.ArticleID)
	}
	a2, b2 := build("Harbour", day(2), nil, said{who: "Nora Walsh", text: "The harbour cable needs replacing this summer"})
	edited, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "b.txt", Name: "b.txt"}, a2, b2)
	if err != nil || !edited.New || edited.ArticleID != first.ArticleID || edited.Version != 2 {
		t.Errorf("Save of the renamed file edited = %+v, %v; want version 2 of article %d", edited, err, first.ArticleID)
	}
}
