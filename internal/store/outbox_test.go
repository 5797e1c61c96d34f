package store_test

import (
	"errors"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

// stopClock sets db's clock to day(5) and returns a func that moves it on.
func stopClock(db *store.DB) (advance func(time.Duration)) {
	now := day(5)
	db.Now = func() time.Time { return now }
	return func(d time.Duration) { now = now.Add(d) }
}

// message is a small message for a delivery.
func message(text string) bot.Message {
	return bot.Message{Text: text, Title: text, Sections: []bot.Section{{Lines: []bot.Line{{Text: text}}}}}
}

// queue queues deliveries with the given keys to a new channel, moving its
// immediate cursor on by one, and returns the state it moved to.
func queue(t *testing.T, o *store.Outbox, channel string, keys ...string) bot.ChannelState {
	t.Helper()
	old, err := o.State(t.Context(), channel)
	if err != nil {
		t.Fatalf("State(%q): %v", channel, err)
	}
	var ds []bot.Delivery
	for _, k := range keys {
		ds = append(ds, bot.Delivery{Channel: channel, Key: k, Message: message(k)})
	}
	s := old
	s.Immediate++
	if err := o.Commit(t.Context(), channel, old, s, ds); err != nil {
		t.Fatalf("Commit(%q, %v): %v", channel, keys, err)
	}
	return s
}

// next is the channel's next delivery, failing the test if there is none.
func next(t *testing.T, o *store.Outbox, channel string) bot.Delivery {
	t.Helper()
	d, ok, err := o.Next(t.Context(), channel)
	if err != nil || !ok {
		t.Fatalf("Next(%q) = %+v, %v, %v; want a delivery", channel, d, ok, err)
	}
	return d
}

func TestOutboxSince(t *testing.T) {
	db := open(t)
	o := db.Outbox()
	ctx := t.Context()
	if got, err := o.Since(ctx, 0, 10); err != nil || len(got) != 0 {
		t.Fatalf("Since(0, 10) on an empty archive = %v, %v; want nothing", got, err)
	}

	// A briefing, its edit and another article: three versions, each with
	// its own quotes.
	a1, b1 := build("Bridge closes", day(2), []string{"Limerick"},
		said{who: "Nora Walsh", role: "engineer", text: "The cables need replacing this spring"},
		said{who: "Tom Reilly", text: "traffic will move to the ring road", position: true})
	a1.URL, a1.Source = "https://news.example/bridge", "River Times"
	a2, b2 := build("Bridge closes", day(3), []string{"Limerick"},
		said{who: "Nora Walsh", role: "engineer", text: "The cables need replacing by June"})
	a2.URL, a2.Source = a1.URL, a1.Source
	src := store.Source{Kind: "feed", Key: "https://news.example/rss urn:bridge", Name: "River Times"}
	for _, a := range []struct {
		a summarize.Article
		b summarize.Briefing
	}{{a1, b1}, {a2, b2}} {
		if _, err := db.Save(ctx, src, a.a, a.b); err != nil {
			t.Fatalf("Save(%q): %v", a.a.Title, err)
		}
	}
	save(t, db, "choir", time.Time{}, nil, said{who: "Ann Lee", text: "We sing on Sunday"})
	_, b3 := build("choir", time.Time{}, nil, said{who: "Ann Lee", text: "We sing on Sunday"})

	// The clock moves a minute each time it is read, once a Save.
	want := []bot.Entry{
		{
			VersionID: 1, ArticleID: 1, Version: 1, Briefing: b1,
			Source: "River Times", URL: a1.URL,
			SourceKind: src.Kind, SourceKey: src.Key, SourceName: src.Name,
			Published: day(3), Archived: day(1).Add(1 * time.Minute),
		},
		{
			VersionID: 2, ArticleID: 1, Version: 2, Briefing: b2,
			Source: "River Times", URL: a1.URL,
			SourceKind: src.Kind, SourceKey: src.Key, SourceName: src.Name,
			Published: day(3), Archived: day(1).Add(2 * time.Minute),
		},
		{
			// No outlet: the file's name stands for it.
			VersionID: 3, ArticleID: 2, Version: 1, Briefing: b3,
			Source:     "choir.txt",
			SourceKind: "file", SourceKey: "choir.txt", SourceName: "choir.txt",
			Archived: day(1).Add(3 * time.Minute),
		},
	}
	tests := []struct {
		after int64
		limit int
		want  []bot.Entry
	}{
		{0, 10, want},
		{0, 0, nil},
		{0, -1, nil},
		{0, 2, want[:2]},
		{1, 1, want[1:2]},
		{2, 2, want[2:]},
		{3, 2, nil},
		{9, 2, nil},
	}
	for _, tc := range tests {
		got, err := o.Since(ctx, tc.after, tc.limit)
		if err != nil {
			t.Fatalf("Since(%d, %d): %v", tc.after, tc.limit, err)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Since(%d, %d) (-want +got):\n%s", tc.after, tc.limit, diff)
		}
	}

	// Briefing still reads the latest version.
	_, got, _, err := db.Briefing(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b2, got); diff != "" {
		t.Errorf("Briefing(1) (-want +got):\n%s", diff)
	}
}

func TestOutboxSinceMany(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	got, err := db.Outbox().Since(t.Context(), 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range got {
		ids = append(ids, e.VersionID)
		if len(e.Briefing.Quotes) != 1 || len(e.Briefing.Positions) != 1 || len(e.Briefing.Actors) != 2 {
			t.Errorf("Since(2, 3) version %d has %d quotes, %d positions and %d actors; want 1, 1 and 2",
				e.VersionID, len(e.Briefing.Quotes), len(e.Briefing.Positions), len(e.Briefing.Actors))
		}
	}
	if diff := cmp.Diff([]int64{3, 4, 5}, ids); diff != "" {
		t.Errorf("Since(2, 3) version ids (-want +got):\n%s", diff)
	}
}

func TestOutboxState(t *testing.T) {
	db := open(t)
	o := db.Outbox()
	ctx := t.Context()
	state := func(channel string) bot.ChannelState {
		t.Helper()
		s, err := o.State(ctx, channel)
		if err != nil {
			t.Fatalf("State(%q): %v", channel, err)
		}
		return s
	}

	if got := state("console:terminal"); got != (bot.ChannelState{}) {
		t.Errorf("State on an empty archive = %+v; want zero cursors", got)
	}
	saveFiller(t, db) // six versions
	want := bot.ChannelState{Immediate: 6, Digest: 6}
	if got := state("slack:C123"); got != want {
		t.Errorf("State of a new channel = %+v; want %+v", got, want)
	}
	save(t, db, "later", day(3), nil, said{who: "Ann Lee", text: "Something new"})
	if got := state("slack:C123"); got != want {
		t.Errorf("State after another Save = %+v; want %+v, as created", got, want)
	}
	if got := state("console:terminal"); got != (bot.ChannelState{}) {
		t.Errorf("State of the first channel after Saves = %+v; want zero cursors, as created", got)
	}
}

func TestOutboxCommit(t *testing.T) {
	db := open(t)
	stopClock(db)
	o := db.Outbox()
	ctx := t.Context()
	const ch = "slack:C123"
	s0, err := o.State(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}

	s1 := bot.ChannelState{Immediate: 4, Digest: 2, Slot: day(4), DigestAt: day(4).Add(90 * time.Second)}
	due := day(6)
	ds := []bot.Delivery{
		{Channel: ch, Key: "briefing:1", Message: message("one"), Due: due},
		// Whatever the caller set, a delivery is queued pending, untried.
		{Key: "briefing:2", Message: message("two"), State: bot.Sent, Attempts: 3},
	}
	if err := o.Commit(ctx, ch, s0, s1, ds); err != nil {
		t.Fatalf("Commit(s0 → s1): %v", err)
	}
	if got, err := o.State(ctx, ch); err != nil || !cmp.Equal(got, s1) {
		t.Errorf("State after Commit = %+v, %v; want %+v", got, err, s1)
	}

	// A stale old state is a conflict and queues nothing.
	s2 := s1
	s2.Immediate = 5
	err = o.Commit(ctx, ch, s0, s2, []bot.Delivery{{Key: "briefing:5", Message: message("five")}})
	if !errors.Is(err, bot.ErrConflict) {
		t.Errorf("Commit from a stale state error = %v; want ErrConflict", err)
	}
	for _, old := range []bot.ChannelState{
		{Immediate: 4, Digest: 2, Slot: day(4)},                               // DigestAt unset
		{Immediate: 4, Digest: 2, DigestAt: s1.DigestAt},                      // Slot unset
		{Immediate: 4, Digest: 2, Slot: day(4).Add(1), DigestAt: s1.DigestAt}, // a nanosecond off
		{Immediate: 4, Digest: 3, Slot: day(4), DigestAt: s1.DigestAt},        // another digest cursor
		{Immediate: 3, Digest: 2, Slot: day(4), DigestAt: s1.DigestAt},        // another immediate cursor
	} {
		if err := o.Commit(ctx, ch, old, s2, nil); !errors.Is(err, bot.ErrConflict) {
			t.Errorf("Commit from %+v error = %v; want ErrConflict", old, err)
		}
	}
	if err := o.Commit(ctx, "discord:9", bot.ChannelState{}, s2, nil); !errors.Is(err, bot.ErrConflict) {
		t.Errorf("Commit to a channel without state error = %v; want ErrConflict", err)
	}
	if got, _ := o.State(ctx, ch); !cmp.Equal(got, s1) {
		t.Errorf("State after conflicts = %+v; want %+v", got, s1)
	}

	// A key the channel has already is left out; the rest goes in. The
	// state read back compares equal although its times are UTC and have
	// lost their monotonic reading.
	local := time.FixedZone("UTC+2", 2*60*60)
	s1Local := s1
	s1Local.Slot = s1.Slot.In(local)
	if err := o.Commit(ctx, ch, s1Local, s2, []bot.Delivery{
		{Key: "briefing:2", Message: message("two again")},
		{Key: "briefing:5", Message: message("five")},
	}); err != nil {
		t.Fatalf("Commit(s1 → s2): %v", err)
	}

	// A delivery for another channel is a bug in the caller.
	if err := o.Commit(ctx, ch, s2, s2, []bot.Delivery{{Channel: "discord:9", Key: "briefing:6"}}); err == nil || errors.Is(err, bot.ErrConflict) {
		t.Errorf("Commit of another channel's delivery error = %v; want an error", err)
	}

	want := []bot.Delivery{
		{ID: 1, Channel: ch, Key: "briefing:1", Message: message("one"), State: bot.Pending, Due: due, Created: day(5)},
		{ID: 2, Channel: ch, Key: "briefing:2", Message: message("two"), State: bot.Pending, Due: day(5), Created: day(5)},
		{ID: 3, Channel: ch, Key: "briefing:5", Message: message("five"), State: bot.Pending, Due: day(5), Created: day(5)},
	}
	var got []bot.Delivery
	for range want {
		d := next(t, o, ch)
		got = append(got, d)
		d.State, d.SentAt = bot.Sent, day(5)
		if err := o.Update(ctx, d); err != nil {
			t.Fatalf("Update(%d): %v", d.ID, err)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deliveries queued (-want +got):\n%s", diff)
	}
	if d, ok, err := o.Next(ctx, ch); ok || err != nil {
		t.Errorf("Next after all were sent = %+v, %v, %v; want none", d, ok, err)
	}
}

func TestOutboxConcurrentCommit(t *testing.T) {
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
	const ch = "console:terminal"
	old, err := dbs[0].Outbox().State(t.Context(), ch)
	if err != nil {
		t.Fatal(err)
	}
	var (
		wg   sync.WaitGroup
		errs [2]error
	)
	for i, db := range dbs {
		wg.Go(func() {
			s := old
			s.Immediate = int64(i + 1)
			errs[i] = db.Outbox().Commit(t.Context(), ch, old, s,
				[]bot.Delivery{{Key: "digest:1", Message: message("from " + string(rune('a'+i)))}})
		})
	}
	wg.Wait()
	won := 0
	for i, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, bot.ErrConflict):
			t.Errorf("Commit #%d: %v; want nil or ErrConflict", i, err)
		}
	}
	if won != 1 {
		t.Errorf("%d of two Commits from the same state succeeded; want 1 (errors %v)", won, errs)
	}
	counts, _, err := dbs[1].Outbox().Counts(t.Context(), ch)
	if err != nil || counts[bot.Pending] != 1 {
		t.Errorf("Counts after two Commits = %v, %v; want 1 pending", counts, err)
	}
}

func TestOutboxUpdate(t *testing.T) {
	db := open(t)
	advance := stopClock(db)
	o := db.Outbox()
	ctx := t.Context()
	const a, b = "slack:C1", "slack:C2"
	queue(t, o, a, "briefing:1", "briefing:2", "briefing:3", "briefing:4")
	queue(t, o, b, "briefing:1")

	if n, err := o.Unsent(ctx); err != nil || !maps.Equal(n, map[string]int{a: 4, b: 1}) {
		t.Errorf("Unsent() = %v, %v; want 4 to %s and 1 to %s", n, err, a, b)
	}

	// An attempt under way is still next: it may not have been posted.
	d1 := next(t, o, a)
	d1.State, d1.Attempts, d1.Due = bot.Sending, 1, day(5).Add(time.Minute)
	if err := o.Update(ctx, d1); err != nil {
		t.Fatalf("Update(%+v): %v", d1, err)
	}
	if diff := cmp.Diff(d1, next(t, o, a)); diff != "" {
		t.Errorf("Next after marking sending (-want +got):\n%s", diff)
	}
	d1.State, d1.SentAt, d1.MessageID = bot.Sent, day(5).Add(2*time.Second), "1764230400.000100"
	if err := o.Update(ctx, d1); err != nil {
		t.Fatalf("Update(%+v): %v", d1, err)
	}

	// Failed deliveries are skipped; the latest failure is the one
	// updated last, whatever the order they were queued in.
	d2 := next(t, o, a)
	if d2.Key != "briefing:2" {
		t.Fatalf("Next after the first was sent = %q; want briefing:2", d2.Key)
	}
	d3 := d2
	d3.ID, d3.Key = d2.ID+1, "briefing:3"
	d3.State, d3.Attempts, d3.LastError = bot.Failed, 1, "not_in_channel"
	if err := o.Update(ctx, d3); err != nil {
		t.Fatal(err)
	}
	advance(time.Minute)
	d2.State, d2.Attempts, d2.LastError = bot.Failed, 5, "channel_not_found"
	if err := o.Update(ctx, d2); err != nil {
		t.Fatal(err)
	}
	if got := next(t, o, a); got.Key != "briefing:4" {
		t.Errorf("Next after two failed = %q; want briefing:4", got.Key)
	}
	if got := next(t, o, b); got.Key != "briefing:1" || got.Channel != b {
		t.Errorf("Next(%q) = %q of %q; want its own briefing:1", b, got.Key, got.Channel)
	}

	counts, lastErr, err := o.Counts(ctx, a)
	if err != nil {
		t.Fatalf("Counts(%q): %v", a, err)
	}
	want := map[bot.DeliveryState]int{bot.Sent: 1, bot.Failed: 2, bot.Pending: 1}
	if diff := cmp.Diff(want, counts); diff != "" || lastErr != "channel_not_found" {
		t.Errorf("Counts(%q) = %v, %q; want %v, %q", a, counts, lastErr, want, "channel_not_found")
	}
	if counts, lastErr, err := o.Counts(ctx, "discord:9"); err != nil || len(counts) != 0 || lastErr != "" {
		t.Errorf("Counts of a channel without deliveries = %v, %q, %v; want nothing", counts, lastErr, err)
	}
	if n, err := o.Unsent(ctx); err != nil || !maps.Equal(n, map[string]int{a: 1, b: 1}) {
		t.Errorf("Unsent() = %v, %v; want 1 to each channel", n, err)
	}

	// A sent delivery stays sent, whatever it is updated to.
	for _, s := range []bot.DeliveryState{bot.Pending, bot.Sending, bot.Failed, bot.Sent} {
		undo := d1
		undo.State, undo.MessageID = s, ""
		if err := o.Update(ctx, undo); !errors.Is(err, store.ErrSent) {
			t.Errorf("Update of a sent delivery to %s error = %v; want ErrSent", s, err)
		}
	}
	// Marking it sent again with the same message, as a retry after a lost
	// reply from the database would, is no change and no error.
	if err := o.Update(ctx, d1); err != nil {
		t.Errorf("Update of a sent delivery to sent with the same message = %v; want nil", err)
	}
	if counts, _, _ := o.Counts(ctx, a); counts[bot.Sent] != 1 {
		t.Errorf("Counts(%q) after updates of a sent delivery = %v; want it still sent", a, counts)
	}
	// Failed is not final for the store: someone may retry by hand.
	d2.State = bot.Pending
	if err := o.Update(ctx, d2); err != nil {
		t.Errorf("Update of a failed delivery to pending: %v", err)
	}
	if got := next(t, o, a); got.Key != "briefing:2" {
		t.Errorf("Next after a retry = %q; want briefing:2", got.Key)
	}

	if err := o.Update(ctx, bot.Delivery{ID: 99, State: bot.Sent}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update of an unknown delivery error = %v; want ErrNotFound", err)
	}
	bad := next(t, o, b)
	bad.State = "lost"
	if err := o.Update(ctx, bad); err == nil {
		t.Errorf("Update to state %q succeeded; want an error", bad.State)
	}
}

func TestOutboxPersists(t *testing.T) {
	path := store.ArchivePath(t)
	reopen := func() *store.DB {
		t.Helper()
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		stopClock(db)
		return db
	}
	const ch = "console:terminal"
	db := reopen()
	save(t, db, "harbour", day(2), nil, said{who: "Ian Clarke", text: "The port reopens on Monday"})
	state := queue(t, db.Outbox(), ch, "briefing:1", "briefing:2")
	// A crash between posting and marking sent leaves the delivery
	// sending.
	sending := next(t, db.Outbox(), ch)
	sending.State, sending.Attempts = bot.Sending, 1
	if err := db.Outbox().Update(t.Context(), sending); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	db = reopen()
	defer db.Close()
	o := db.Outbox()
	if got, err := o.State(t.Context(), ch); err != nil || !cmp.Equal(got, state) {
		t.Errorf("State after reopening = %+v, %v; want %+v", got, err, state)
	}
	if diff := cmp.Diff(sending, next(t, o, ch)); diff != "" {
		t.Errorf("Next after reopening (-want +got):\n%s", diff)
	}
	if n, err := o.Unsent(t.Context()); err != nil || n[ch] != 2 || len(n) != 1 {
		t.Errorf("Unsent() after reopening = %v, %v; want 2 to %s", n, err, ch)
	}
}

func TestPing(t *testing.T) {
	db, err := store.Open(t.Context(), store.ArchivePath(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(t.Context()); err != nil {
		t.Errorf("Ping() = %v; want nil", err)
	}
	db.Close()
	if err := db.Ping(t.Context()); err == nil {
		t.Errorf("Ping() after Close = nil; want an error")
	}
}

func TestOutboxPrune(t *testing.T) {
	db := open(t)
	advance := stopClock(db)
	o := db.Outbox()
	ctx := t.Context()
	queue(t, o, "slack:C1", "briefing:1", "briefing:2", "briefing:3", "briefing:4")
	mark := func(state bot.DeliveryState) {
		t.Helper()
		d := next(t, o, "slack:C1")
		d.State, d.Attempts = state, 1
		if state == bot.Sent {
			d.SentAt, d.MessageID = db.Now(), "m"
		}
		if err := o.Update(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	mark(bot.Sent)   // briefing:1, on day 5
	mark(bot.Failed) // briefing:2, on day 5
	advance(48 * time.Hour)
	mark(bot.Sent) // briefing:3, on day 7; briefing:4 stays pending
	n, err := o.Prune(ctx, day(6))
	if err != nil || n != 2 {
		t.Fatalf("Prune(day 6) = %d, %v; want the 2 sent or failed before it", n, err)
	}
	counts, _, err := o.Counts(ctx, "slack:C1")
	if want := map[bot.DeliveryState]int{bot.Sent: 1, bot.Pending: 1}; err != nil || !cmp.Equal(want, counts) {
		t.Errorf("Counts after Prune = %v, %v; want %v", counts, err, want)
	}
	if d := next(t, o, "slack:C1"); d.Key != "briefing:4" {
		t.Errorf("Next after Prune = %q; want the pending briefing:4", d.Key)
	}
}

// TestOutboxParts stores a delivery's progress part by part: the ids of
// the parts posted and when the current part was first tried.
func TestOutboxParts(t *testing.T) {
	db := open(t)
	o := db.Outbox()
	queue(t, o, "slack:C1", "briefing:1")
	d := next(t, o, "slack:C1")
	if d.Parts != nil || !d.Tried.IsZero() {
		t.Fatalf("new delivery has parts %q, tried %v; want none", d.Parts, d.Tried)
	}
	tried := day(6)
	d.State, d.Parts, d.Tried = bot.Sending, []string{"1.1", "1.2"}, tried
	if err := o.Update(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got := next(t, o, "slack:C1")
	if diff := cmp.Diff([]string{"1.1", "1.2"}, got.Parts); diff != "" || !got.Tried.Equal(tried) || got.State != bot.Sending {
		t.Errorf("after Update parts (-want +got):\n%s\ntried %v, state %s; want %v, sending", diff, got.Tried, got.State, tried)
	}
}

// TestInstallID gives each archive its own id, kept across opens.
func TestInstallID(t *testing.T) {
	paths := map[string]string{"a.db": store.ArchivePath(t), "b.db": store.ArchivePath(t)}
	ids := map[string]string{}
	for _, name := range []string{"a.db", "b.db", "a.db"} {
		db, err := store.Open(t.Context(), paths[name])
		if err != nil {
			t.Fatal(err)
		}
		id, err := db.InstallID(t.Context())
		db.Close()
		if err != nil || len(id) != 16 {
			t.Fatalf("InstallID = %q, %v; want 16 hex digits", id, err)
		}
		if prev, ok := ids[name]; ok && prev != id {
			t.Errorf("InstallID of %s = %q after reopening; want %q as before", name, id, prev)
		}
		ids[name] = id
	}
	if ids["a.db"] == ids["b.db"] {
		t.Errorf("two archives have the same install id %q", ids["a.db"])
	}
}

// TestFirstSeen tells a request seen before within the window from a new
// one, and forgets it after.
func TestFirstSeen(t *testing.T) {
	db := open(t)
	advance := stopClock(db)
	for _, tc := range []struct {
		id    string
		after time.Duration
		want  bool
	}{
		{"slack:1.2.3", 0, true},
		{"slack:1.2.3", 5 * time.Second, false},
		{"discord:99", 0, true},
		{"slack:1.2.3", 11 * time.Minute, true},
	} {
		advance(tc.after)
		if got, err := db.FirstSeen(t.Context(), tc.id, 10*time.Minute); err != nil || got != tc.want {
			t.Errorf("FirstSeen(%q) after %v = %v, %v; want %v", tc.id, tc.after, got, err, tc.want)
		}
	}
}

// TestOutboxKeepsBriefingsByVersion queues a briefing by its version: Next
// gives back the message BriefingMessage makes from what Since gives, from
// memory or from the archive, and the outbox row holds no copy of it.
func TestOutboxKeepsBriefingsByVersion(t *testing.T) {
	db := open(t)
	o := db.Outbox()
	ctx := t.Context()
	const ch = "console:terminal"
	old, err := o.State(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	a, b := build("Bridge closes", day(2), []string{"Limerick"},
		said{who: "Nora Walsh", role: "engineer", text: "The cables need replacing this spring"})
	if _, err := db.Save(ctx, store.Source{Kind: "file", Key: "bridge.txt", Name: "bridge.txt"}, a, b); err != nil {
		t.Fatal(err)
	}
	entries, err := o.Since(ctx, 0, 10)
	if err != nil || len(entries) != 1 {
		t.Fatalf("Since = %v, %v; want one entry", entries, err)
	}
	want := bot.BriefingMessage(entries[0])
	next1 := old
	next1.Immediate = entries[0].VersionID
	d := bot.Delivery{Channel: ch, Key: "briefing:1", Message: want, Version: entries[0].VersionID}
	if err := o.Commit(ctx, ch, old, next1, []bot.Delivery{d}); err != nil {
		t.Fatal(err)
	}
	// The outbox that queued it remembers the message; another (after a
	// restart) makes it again from the archive.
	if diff := cmp.Diff(want, next(t, o, ch).Message); diff != "" {
		t.Errorf("Next's message (-want +got):\n%s", diff)
	}
	got := next(t, db.Outbox(), ch)
	if diff := cmp.Diff(want, got.Message); diff != "" {
		t.Errorf("Next's message from a new outbox (-want +got):\n%s", diff)
	}
	if got.Version != entries[0].VersionID {
		t.Errorf("Next's Version = %d; want %d", got.Version, entries[0].VersionID)
	}
	if n := store.StoredMessageBytes(t, db); n != 0 {
		t.Errorf("the outbox stores %d bytes of messages; want none for a briefing kept by version", n)
	}
}
