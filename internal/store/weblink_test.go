package store_test

import (
	"strconv"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// TestOutboxLinksToTheWeb: with the web archive's address, each briefing
// links to its article's page, when it is queued and when its message is
// made again from the archive at posting.
func TestOutboxLinksToTheWeb(t *testing.T) {
	db := open(t)
	ctx := t.Context()
	saved := save(t, db, "harbour", day(2), nil, said{who: "Ada Quill", text: "The pier reopens"})
	queue := db.Outbox()
	queue.WebURL = "https://news.example.org/"
	st, err := queue.State(ctx, "console:terminal")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := queue.Since(ctx, 0, 10)
	if err != nil || len(entries) != 1 {
		t.Fatalf("Since = %v, %v; want the one briefing", entries, err)
	}
	const want = "https://news.example.org/article/"
	if got := entries[0].Link; got != want+strconv.FormatInt(saved.ArticleID, 10) {
		t.Errorf("Since link = %q; want %q", got, want+strconv.FormatInt(saved.ArticleID, 10))
	}
	next := st
	next.Immediate = entries[0].VersionID
	if err := queue.Commit(ctx, "console:terminal", st, next, []bot.Delivery{
		{Key: "briefing:1", Message: bot.BriefingMessage(entries[0]), Version: entries[0].VersionID}}); err != nil {
		t.Fatal(err)
	}
	post := db.Outbox() // a new start: the message is made again
	post.WebURL = queue.WebURL
	d, ok, err := post.Next(ctx, "console:terminal")
	if err != nil || !ok {
		t.Fatalf("Next = %v, %v", ok, err)
	}
	if d.Message.Footer != bot.BriefingMessage(entries[0]).Footer {
		t.Errorf("Next message footer = %q; want %q, with the link", d.Message.Footer, bot.BriefingMessage(entries[0]).Footer)
	}
	plain := db.Outbox()
	if entries, err := plain.Since(ctx, 0, 10); err != nil || entries[0].Link != "" {
		t.Errorf("Since without WebURL link = %q, %v; want none", entries[0].Link, err)
	}
}
