package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/briefbot/briefbot/internal/store"
)

// texts are the texts of ss, each marked q: or p: for a quote or a
// position.
func texts(ss []store.Statement) []string {
	var out []string
	for _, s := range ss {
		k := "p:"
		if s.Quote {
			k = "q:"
		}
		out = append(out, k+s.Text)
	}
	return out
}

func TestSpeakerStatements(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "harbour", day(3), []string{"harbour"},
		said{who: "Ada Quill", role: "council chair", text: "The harbour plan stands"},
		said{who: "Ada Quill", text: "the vote would be held in spring", position: true})
	save(t, db, "budget", day(5), []string{"budget"},
		said{who: "Quill", text: "The budget is balanced"})
	ctx := t.Context()
	hits, _, err := db.WhoSaid(ctx, "budget", 1)
	if err != nil || len(hits) != 1 {
		t.Fatalf("WhoSaid(budget) = %v, %v", hits, err)
	}
	id := speakerID(t, db, "budget")
	sp, err := db.SpeakerByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if sp.Name != "Ada Quill" || sp.Quotes != 2 || sp.Positions != 1 || len(sp.Topics) != 2 {
		t.Errorf("SpeakerByID = %+v; want Ada Quill, 2 quotes, 1 position, 2 topics", sp)
	}

	for _, tc := range []struct {
		name          string
		f             store.Filter
		offset, limit int
		want          []string
		wantTotal     int
	}{
		{name: "all, newest first", want: []string{"q:The budget is balanced", "q:The harbour plan stands", "p:the vote would be held in spring"}, wantTotal: 3},
		{name: "quotes only", f: store.Filter{QuotesOnly: true}, want: []string{"q:The budget is balanced", "q:The harbour plan stands"}, wantTotal: 2},
		{name: "since", f: store.Filter{Since: day(4)}, want: []string{"q:The budget is balanced"}, wantTotal: 1},
		{name: "until", f: store.Filter{Until: day(4)}, want: []string{"q:The harbour plan stands", "p:the vote would be held in spring"}, wantTotal: 2},
		{name: "source by file name", f: store.Filter{Source: "HARBOUR.txt"}, want: []string{"q:The harbour plan stands", "p:the vote would be held in spring"}, wantTotal: 2},
		{name: "source unknown", f: store.Filter{Source: "elsewhere"}, wantTotal: 0},
		{name: "second page", offset: 1, limit: 1, want: []string{"q:The harbour plan stands"}, wantTotal: 3},
		{name: "about a word", f: store.Filter{About: "harbour"}, want: []string{"q:The harbour plan stands"}, wantTotal: 1},
		{name: "about a plural", f: store.Filter{About: "votes"}, want: []string{"p:the vote would be held in spring"}, wantTotal: 1},
		{name: "about every word", f: store.Filter{About: "harbour budget"}, wantTotal: 0},
		{name: "about, with a filter", f: store.Filter{About: "budget", Until: day(4)}, wantTotal: 0},
		{name: "about a stop word alone, second page", f: store.Filter{About: "the"}, offset: 1, limit: 1, want: []string{"q:The harbour plan stands"}, wantTotal: 3},
	} {
		got, total, err := db.SpeakerStatements(ctx, id, tc.f, tc.offset, tc.limit)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if diff := cmp.Diff(tc.want, texts(got)); diff != "" || total != tc.wantTotal {
			t.Errorf("%s: SpeakerStatements total %d; want %d; mismatch (-want +got):\n%s", tc.name, total, tc.wantTotal, diff)
		}
	}
	if _, err := db.SpeakerByID(ctx, 999999); err == nil {
		t.Errorf("SpeakerByID(999999) = nil error; want ErrNotFound")
	}
}

// speakerID is the id of the speaker SearchSpeakers finds first for topic.
func speakerID(t *testing.T, db *store.DB, topic string) int64 {
	t.Helper()
	page, err := db.SearchSpeakers(t.Context(), topic, store.Filter{}, 0, 1)
	if err != nil || len(page.Found) == 0 {
		t.Fatalf("SearchSpeakers(%q) = %+v, %v", topic, page, err)
	}
	return page.Found[0].SpeakerID
}

// TestSearchSpeakersReprint checks that the same words carried by two
// articles (wire copy) are one statement with both articles.
func TestSearchSpeakersReprint(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "wire one", day(3), nil, said{who: "Ada Quill", text: "The pier plan stands firm"})
	save(t, db, "wire two", day(4), nil, said{who: "Ada Quill", text: "The pier plan stands firm"},
		said{who: "Ada Quill", text: "Nothing about the pier will change", position: true})
	page, err := db.SearchSpeakers(t.Context(), "pier", store.Filter{}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Found) != 1 || page.Total != 1 {
		t.Fatalf("SearchSpeakers(pier) = %+v; want Ada Quill alone", page)
	}
	var quote *store.Statement
	for i, s := range page.Found[0].Said {
		if s.Quote {
			if quote != nil {
				t.Errorf("the reprinted quote is shown twice: %q", texts(page.Found[0].Said))
			}
			quote = &page.Found[0].Said[i]
		}
	}
	if quote == nil || len(quote.Also) != 1 || quote.Also[0].ID == quote.Article.ID {
		t.Errorf("SearchSpeakers(pier) quote = %+v; want one, with the other article in Also", quote)
	}
	// A filter keeps only the article it lets through.
	page, err = db.SearchSpeakers(t.Context(), "pier", store.Filter{Source: "wire one.txt"}, 0, 10)
	if err != nil || len(page.Found) != 1 || len(page.Found[0].Said) != 1 || page.Found[0].Said[0].Article.Title != "wire one" || len(page.Found[0].Said[0].Also) != 0 {
		t.Errorf("SearchSpeakers(pier, source wire one.txt) = %+v, %v; want the quote from wire one only", page, err)
	}
}

func TestRecentArticlesAndSources(t *testing.T) {
	db := open(t)
	save(t, db, "older", day(2), nil, said{who: "Ada Quill", text: "One"}, said{who: "Ada Quill", text: "Two"})
	save(t, db, "newer", day(6), nil, said{who: "Ada Quill", text: "Three"})
	got, err := db.RecentArticles(t.Context(), store.Filter{}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Title != "newer" || got[1].Title != "older" || got[1].Quotes != 2 {
		t.Errorf("RecentArticles = %+v; want newer, then older with 2 quotes", got)
	}
	got, err = db.RecentArticles(t.Context(), store.Filter{Until: day(4)}, 0, 10)
	if err != nil || len(got) != 1 || got[0].Title != "older" {
		t.Errorf("RecentArticles(until day 4) = %+v, %v; want older alone", got, err)
	}
	counts, err := db.SourceCounts(t.Context(), 10)
	if err != nil || len(counts) != 2 || counts[0].Articles != 1 || counts[0].Kind != "file" {
		t.Errorf("SourceCounts = %+v, %v; want two files with one article each", counts, err)
	}
}

// TestSourceCountsFollowArticles checks the sources' counts, kept as
// articles are archived, against a count of the articles themselves, as
// articles come, are renamed, and change outlet or date in a new version.
func TestSourceCountsFollowArticles(t *testing.T) {
	path := store.ArchivePath(t)
	db, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files := map[string]bool{}
	db.FileExists = func(key string) bool { return files[key] }
	raw := openRaw(t, path)
	n := 0
	put := func(kind, key, outlet string, published time.Time) {
		t.Helper()
		n++
		a, b := build(fmt.Sprintf("story %d", n), published, nil, said{who: "Ada Quill", text: fmt.Sprintf("Words number %d", n)})
		a.Source = outlet
		files[key] = true
		if _, err := db.Save(t.Context(), store.Source{Kind: kind, Key: key, Name: key}, a, b); err != nil {
			t.Fatalf("Save(%s): %v", key, err)
		}
	}
	check := func(when string) {
		t.Helper()
		got, err := db.SourceCounts(t.Context(), 100)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := raw.QueryContext(t.Context(), `
			SELECT source_kind, CASE WHEN outlet <> '' THEN outlet ELSE name END, COUNT(*), MAX(COALESCE(published, first_seen))
			FROM articles GROUP BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var want []store.SourceCount
		for rows.Next() {
			var (
				c      store.SourceCount
				latest int64
			)
			if err := rows.Scan(&c.Kind, &c.Name, &c.Articles, &latest); err != nil {
				t.Fatal(err)
			}
			c.Latest = time.Unix(0, latest).UTC()
			want = append(want, c)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		sortCounts := cmpopts.SortSlices(func(a, b store.SourceCount) bool { return a.Kind+a.Name < b.Kind+b.Name })
		if diff := cmp.Diff(want, got, sortCounts); diff != "" {
			t.Errorf("%s: SourceCounts differs from the articles (-want +got):\n%s", when, diff)
		}
	}

	put("file", "a.txt", "", day(3))
	put("file", "b.txt", "Harbour Gazette", day(4))
	put("feed", "https://example.org/1", "Harbour Gazette", day(5))
	put("feed", "https://example.org/2", "Harbour Gazette", day(9))
	put("feed", "https://example.org/3", "", time.Time{}) // no date: first seen
	check("archived")

	// A file renamed: its source is its name.
	a, b := build("story 1", day(3), nil, said{who: "Ada Quill", text: "Words number 1"})
	delete(files, "a.txt")
	files["c.txt"] = true
	if s, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "c.txt", Name: "c.txt"}, a, b); err != nil || !s.Moved {
		t.Fatalf("Save after a rename = %+v, %v; want it moved", s, err)
	}
	check("renamed")

	// The latest of a source edited to an earlier date, and another to a
	// new outlet: the source's latest date is the next one's.
	a, b = build("story 4", day(1), nil, said{who: "Ada Quill", text: "Words number 4, edited"})
	a.Source = "Harbour Gazette"
	if _, err := db.Save(t.Context(), store.Source{Kind: "feed", Key: "https://example.org/2", Name: "https://example.org/2"}, a, b); err != nil {
		t.Fatal(err)
	}
	check("dated earlier")
	a, b = build("story 3", day(5), nil, said{who: "Ada Quill", text: "Words number 3, edited"})
	a.Source = "Quay Weekly"
	if _, err := db.Save(t.Context(), store.Source{Kind: "feed", Key: "https://example.org/1", Name: "https://example.org/1"}, a, b); err != nil {
		t.Fatal(err)
	}
	check("moved to another outlet")
	a, b = build("story 2", day(4), nil, said{who: "Ada Quill", text: "Words number 2, edited"})
	a.Source = ""
	if _, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "b.txt", Name: "b.txt"}, a, b); err != nil {
		t.Fatal(err)
	}
	check("outlet dropped")
}
