package store_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/internal/store"
)

func TestFeedStore(t *testing.T) {
	db := open(t)
	ctx := t.Context()
	const a, b = "https://a.example/feed", "https://b.example/rss"

	if s, ok, err := db.FeedState(ctx, a); err != nil || ok {
		t.Fatalf("FeedState of an unknown feed = %+v, %v, %v; want false", s, ok, err)
	}
	failed := store.FeedState{URL: b, LastChecked: day(2), Failures: 3, LastError: "HTTP status 500"}
	ok1 := store.FeedState{URL: a, ETag: `"x"`, LastModified: "Sat, 01 Mar 2025 12:00:00 GMT",
		LastChecked: day(1), LastSuccess: day(1), Items: 12}
	for _, s := range []store.FeedState{failed, ok1} {
		if err := db.SaveFeedState(ctx, s); err != nil {
			t.Fatalf("SaveFeedState(%q): %v", s.URL, err)
		}
	}
	got, ok, err := db.FeedState(ctx, b)
	if err != nil || !ok {
		t.Fatalf("FeedState(%q) = %v, %v; want it found", b, ok, err)
	}
	if diff := cmp.Diff(failed, got); diff != "" {
		t.Errorf("FeedState(%q) (-want +got):\n%s", b, diff)
	}

	// Saving again replaces the state.
	ok2 := ok1
	ok2.ETag, ok2.LastChecked, ok2.LastSuccess, ok2.Items = `"y"`, day(3), day(3), 13
	if err := db.SaveFeedState(ctx, ok2); err != nil {
		t.Fatal(err)
	}
	feeds, err := db.Feeds(ctx)
	if err != nil {
		t.Fatalf("Feeds: %v", err)
	}
	if diff := cmp.Diff([]store.FeedState{ok2, failed}, feeds); diff != "" {
		t.Errorf("Feeds (-want +got):\n%s", diff)
	}

	if seen, err := db.SeenItem(ctx, a, "guid-1"); err != nil || seen {
		t.Errorf("SeenItem before MarkItem = %v, %v; want false", seen, err)
	}
	for range 2 {
		if err := db.MarkItem(ctx, a, "guid-1"); err != nil {
			t.Fatalf("MarkItem: %v", err)
		}
	}
	if seen, err := db.SeenItem(ctx, a, "guid-1"); err != nil || !seen {
		t.Errorf("SeenItem after MarkItem = %v, %v; want true", seen, err)
	}
	if seen, _ := db.SeenItem(ctx, b, "guid-1"); seen {
		t.Errorf("SeenItem of another feed's item = true; want false")
	}
}

func TestFeedsEmpty(t *testing.T) {
	feeds, err := open(t).Feeds(t.Context())
	if err != nil || len(feeds) != 0 {
		t.Errorf("Feeds of a new archive = %v, %v; want none", feeds, err)
	}
}

// TestMigrateFromVersion1 opens an archive made before feeds were added.
func TestMigrateFromVersion1(t *testing.T) {
	if store.OnPostgres() {
		t.Skip("a SQLite archive of version 1; PostgreSQL's schema starts whole")
	}
	path := store.ArchivePath(t)
	script, err := os.ReadFile(filepath.Join("migrations", "0001_init.sql"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`,
		string(script),
		`INSERT INTO schema_version VALUES (1, '0001_init.sql', 1)`,
	} {
		if _, err := raw.ExecContext(t.Context(), stmt); err != nil {
			t.Fatalf("making a version-1 archive: %v", err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}

	s := store.FeedState{URL: "https://a.example/feed", LastChecked: day(1), LastSuccess: day(1)}
	for i := range 2 {
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatalf("Open #%d of a version-1 archive: %v", i+1, err)
		}
		if i == 0 {
			if err := db.SaveFeedState(t.Context(), s); err != nil {
				t.Fatalf("SaveFeedState after migrating: %v", err)
			}
		}
		got, ok, err := db.FeedState(t.Context(), s.URL)
		if err != nil || !ok {
			t.Errorf("FeedState after Open #%d = %v, %v; want it found", i+1, ok, err)
		} else if diff := cmp.Diff(s, got); diff != "" {
			t.Errorf("FeedState after Open #%d (-want +got):\n%s", i+1, diff)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
