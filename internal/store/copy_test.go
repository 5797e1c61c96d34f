package store_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// TestCopy copies a SQLite archive with articles, a new version, feeds and
// an outbox part posted, into an empty archive on this run's backend: the
// copy answers as the original does, keeps the outbox where it was and the
// install id, and numbers what comes next after what it holds.
func TestCopy(t *testing.T) {
	ctx := t.Context()
	from, err := store.Open(ctx, filepath.Join(t.TempDir(), "from.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	stopClock(from)
	saveFiller(t, from)
	save(t, from, "geneva", day(2), []string{"Geneva talks"},
		said{who: "Alice Moreau", role: "envoy", text: "The negotiations in Geneva will resume next week"},
		said{who: "Alice Moreau", text: "the talks would go on", position: true})
	save(t, from, "markets", day(3), nil,
		said{who: "Bob Okafor", text: "European farmers deserve a fair price", position: true},
		said{who: "Eve Lindqvist", text: "Europe cannot wait for anyone else"})
	// A new version of geneva: only it is searched.
	save(t, from, "geneva", day(4), nil, said{who: "Alice Moreau", text: "The negotiations in Geneva are over"})
	if err := from.SaveFeedState(ctx, store.FeedState{URL: "https://a.example/feed", ETag: `"x"`, Items: 3, LastChecked: day(3)}); err != nil {
		t.Fatal(err)
	}
	if err := from.MarkItem(ctx, "https://a.example/feed", "g1"); err != nil {
		t.Fatal(err)
	}
	const ch = "slack:C1"
	fromBox := from.Outbox()
	queue(t, fromBox, ch, "briefing:1", "briefing:2", "briefing:3")
	sent := next(t, fromBox, ch)
	sent.State, sent.MessageID, sent.Parts, sent.SentAt = bot.Sent, "m1", []string{"m1"}, day(5)
	if err := fromBox.Update(ctx, sent); err != nil {
		t.Fatal(err)
	}
	sending := next(t, fromBox, ch)
	sending.State, sending.Attempts, sending.Parts, sending.Tried = bot.Sending, 1, []string{"p0"}, day(5)
	if err := fromBox.Update(ctx, sending); err != nil {
		t.Fatal(err)
	}

	to, err := store.Open(ctx, store.ArchivePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer to.Close()
	stopClock(to)
	counts, err := store.Copy(ctx, from, to)
	if err != nil {
		t.Fatalf("Copy: %v", err)
	}
	if counts["articles"] != 8 || counts["deliveries"] != 3 || counts["search"] == 0 {
		t.Errorf("Copy counts = %v; want 8 articles, 3 deliveries and search rows", counts)
	}

	for _, topic := range []string{"negotiation", "european", "geneva talks", "farmers"} {
		want, wantMore, err := from.WhoSaid(ctx, topic, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, more, err := to.WhoSaid(ctx, topic, 0)
		if err != nil || more != wantMore {
			t.Errorf("WhoSaid(%q) on the copy = %d more, %v; want %d more", topic, more, err, wantMore)
		}
		if diff := cmp.Diff(speakersOf(want), speakersOf(got)); diff != "" {
			t.Errorf("WhoSaid(%q) on the copy (-original +copy):\n%s", topic, diff)
		}
	}
	for id := int64(1); id <= 9; id++ {
		wa, wb, ws, werr := from.Briefing(ctx, id)
		ga, gb, gs, gerr := to.Briefing(ctx, id)
		if !errors.Is(gerr, store.ErrNotFound) != !errors.Is(werr, store.ErrNotFound) {
			t.Errorf("Briefing(%d) on the copy = %v; want %v", id, gerr, werr)
		}
		if diff := cmp.Diff([]any{wa, wb, ws}, []any{ga, gb, gs}); diff != "" {
			t.Errorf("Briefing(%d) on the copy (-original +copy):\n%s", id, diff)
		}
	}
	if w, g := must(from.InstallID(ctx)), must(to.InstallID(ctx)); w != g {
		t.Errorf("InstallID of the copy = %q; want the original's %q", g, w)
	}
	if w, g := must(from.Feeds(ctx)), must(to.Feeds(ctx)); !cmp.Equal(w, g) {
		t.Errorf("Feeds of the copy = %+v; want %+v", g, w)
	}
	if seen, err := to.SeenItem(ctx, "https://a.example/feed", "g1"); !seen || err != nil {
		t.Errorf("SeenItem on the copy = %v, %v; want true", seen, err)
	}
	toBox := to.Outbox()
	if w, g := must(fromBox.State(ctx, ch)), must(toBox.State(ctx, ch)); w != g {
		t.Errorf("State of the copy = %+v; want %+v", g, w)
	}
	if _, err := store.Copy(ctx, from, to); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("Copy into a full archive = %v; want ErrNotEmpty", err)
	}
	if err := from.Close(); err != nil { // gives its lease of the channel up
		t.Fatal(err)
	}
	if diff := cmp.Diff(sending, next(t, toBox, ch)); diff != "" {
		t.Errorf("Next on the copy (-original +copy):\n%s", diff)
	}
	counted, _, err := toBox.Counts(ctx, ch)
	if want := map[bot.DeliveryState]int{bot.Sent: 1, bot.Sending: 1, bot.Pending: 1}; err != nil || !cmp.Equal(want, counted) {
		t.Errorf("Counts on the copy = %v, %v; want %v", counted, err, want)
	}

	// What comes next is numbered after what was copied.
	saved := save(t, to, "harbour", day(6), nil, said{who: "Ian Clarke", text: "The port reopens on Monday"})
	if saved.ArticleID != 9 {
		t.Errorf("the first article saved after the copy is %d; want 9", saved.ArticleID)
	}
}

// speakersOf is who the hits are, with what they said, in order.
func speakersOf(hits []store.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Speaker)
		for _, s := range h.Said {
			out = append(out, "  "+s.Text)
		}
	}
	return out
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
