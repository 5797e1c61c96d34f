package web_test

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

// hostileBody is an article written to attack the page that shows it:
// markup, script and a javascript: link in its text, its title, its
// quotes and its speaker's name.
const hostileBody = `<script>document.title='pwned'</script> The council met on Tuesday.

"<img src=x onerror="document.title='pwned'"> We will not be moved on the harbour plan," said Ada <b>Quill</b>, the council's chair.

<a href="javascript:document.title='pwned'">Read more</a> about the harbour.`

// archive opens an archive in a temporary folder holding the seed
// article, briefed as the bot briefs it, and the hostile article.
func archive(t testing.TB) (*store.DB, map[string]int64) {
	t.Helper()
	db, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	_, file, _, _ := runtime.Caller(0)
	seed := filepath.Join(filepath.Dir(file), "..", "..", "seeds", "seed-afp-nato.txt")
	a, err := ingest.ReadFile(seed, 1<<20)
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", seed, err)
	}
	ids := map[string]int64{}
	saved, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "world/seed-afp-nato.txt", Name: "seed-afp-nato.txt"}, a, summarize.Brief(a))
	if err != nil {
		t.Fatalf("Save(seed): %v", err)
	}
	ids["seed"] = saved.ArticleID

	h := summarize.Article{
		Title:     `<script>document.title='pwned'</script>Harbour row`,
		URL:       "javascript:document.title='pwned'",
		Source:    `<i>Harbour</i> Gazette`,
		Body:      hostileBody,
		Published: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC),
	}
	b := summarize.Brief(h)
	if len(b.Quotes) == 0 {
		t.Fatalf("Brief(hostile) found no quote; the test needs one")
	}
	saved, err = db.Save(t.Context(), store.Source{Kind: "file", Key: "local/hostile.txt", Name: "hostile.txt"}, h, b)
	if err != nil {
		t.Fatalf("Save(hostile): %v", err)
	}
	ids["hostile"] = saved.ArticleID
	return db, ids
}
