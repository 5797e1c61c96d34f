package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// replicas opens the archive at path once for each name, as that many
// replicas of the bot sharing it do; each is closed when the test ends.
func replicas(t *testing.T, path string, names ...string) []*store.DB {
	t.Helper()
	var dbs []*store.DB
	for _, name := range names {
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatalf("Open for replica %s: %v", name, err)
		}
		db.SetReplica(name)
		t.Cleanup(func() { db.Close() })
		dbs = append(dbs, db)
	}
	return dbs
}

// TestLease gives a lease to one replica at a time, until it runs out or
// its holder closes the archive.
func TestLease(t *testing.T) {
	path := store.ArchivePath(t)
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		dbs := replicas(t, path, "a", "b")
		a, b := dbs[0], dbs[1]
		take := func(db *store.DB, want bool) {
			t.Helper()
			if got, err := db.Lease(ctx, "feed:x", 10*time.Second); err != nil || got != want {
				t.Errorf("Lease by %s = %v, %v; want %v", db.Replica(), got, err, want)
			}
		}
		take(a, true)
		take(b, false)
		time.Sleep(9 * time.Second)
		take(a, true) // renewed for another ten seconds
		time.Sleep(9 * time.Second)
		take(b, false)
		if got, err := a.Leases(ctx); err != nil || len(got) != 1 || got["feed:x"].IsZero() {
			t.Errorf("Leases of a = %v, %v; want feed:x", got, err)
		}
		time.Sleep(2 * time.Second) // a died: its lease runs out
		take(b, true)
		take(a, false)
		if got, err := a.Leases(ctx); err != nil || len(got) != 0 {
			t.Errorf("Leases of a after losing it = %v, %v; want none", got, err)
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
		take(a, true) // given up on Close, not left to run out
	})
}

// TestOutboxOneReplicaPerChannel leaves a channel's deliveries to the
// replica that took them first; the other's Update is refused, and it
// takes the channel over when the first closes.
func TestOutboxOneReplicaPerChannel(t *testing.T) {
	path := store.ArchivePath(t)
	dbs := replicas(t, path, "a", "b")
	a, b := dbs[0].Outbox(), dbs[1].Outbox()
	const ch = "slack:C1"
	queue(t, a, ch, "briefing:1", "briefing:2")

	d := next(t, a, ch)
	if got, ok, err := b.Next(t.Context(), ch); err != nil || ok {
		t.Errorf("Next by b while a posts = %+v, %v, %v; want none", got, ok, err)
	}
	d.State, d.Attempts = bot.Sending, 1
	if err := b.Update(t.Context(), d); !errors.Is(err, store.ErrLeased) {
		t.Errorf("Update by b while a posts = %v; want ErrLeased", err)
	}
	if err := a.Update(t.Context(), d); err != nil {
		t.Errorf("Update by a = %v; want nil", err)
	}
	if err := dbs[0].Close(); err != nil {
		t.Fatal(err)
	}
	got := next(t, b, ch)
	if got.ID != d.ID || got.State != bot.Sending {
		t.Errorf("Next by b after a closed = %d %s; want %d sending, as a left it", got.ID, got.State, d.ID)
	}
}

// TestSaveSameTextFromReplicas saves one text from several replicas at
// once, as replicas watching a shared folder do: it is archived once.
func TestSaveSameTextFromReplicas(t *testing.T) {
	path := store.ArchivePath(t)
	dbs := replicas(t, path, "a", "b", "c")
	art, brief := build("Harbour", day(2), []string{"harbour"}, said{who: "Ian Clarke", text: "The port reopens on Monday"})
	src := store.Source{Kind: "file", Key: "harbour.txt", Name: "harbour.txt"}
	saved := make([]store.Saved, len(dbs))
	errs := make([]error, len(dbs))
	var wg sync.WaitGroup
	for i, db := range dbs {
		wg.Go(func() { saved[i], errs[i] = db.Save(t.Context(), src, art, brief) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("Save from %d replicas: %v", len(dbs), err)
	}
	news := 0
	for i, s := range saved {
		if s.New {
			news++
		}
		if s.ArticleID != saved[0].ArticleID || s.Version != 1 {
			t.Errorf("replica %d saved it as article %d version %d; want article %d version 1", i, s.ArticleID, s.Version, saved[0].ArticleID)
		}
	}
	if news != 1 {
		t.Errorf("%d replicas saved it as new; want 1", news)
	}
	entries, err := dbs[0].Outbox().Since(t.Context(), 0, 10)
	if err != nil || len(entries) != 1 {
		t.Errorf("Since(0) = %d entries, %v; want 1", len(entries), err)
	}
}

// TestSpeakersMergedAcrossReplicas saves articles quoting one person from
// several replicas at once: the speaker is one.
func TestSpeakersMergedAcrossReplicas(t *testing.T) {
	path := store.ArchivePath(t)
	dbs := replicas(t, path, "a", "b", "c")
	var wg sync.WaitGroup
	errs := make([]error, len(dbs))
	for i, db := range dbs {
		wg.Go(func() {
			a, b := build(fmt.Sprintf("Ferry %d", i), day(2), nil, said{who: "Ian Clarke", text: fmt.Sprintf("Ferry %d sails at noon", i)})
			_, errs[i] = db.Save(t.Context(), store.Source{Kind: "file", Key: a.Title}, a, b)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	got, err := dbs[0].Speakers(t.Context(), "ian", 10)
	if err != nil || len(got) != 1 {
		t.Errorf("Speakers(ian) = %q, %v; want one Ian Clarke", got, err)
	}
}

// TestSinceMissesNoVersionSavedAtOnce has replicas save batches of
// articles side by side while a channel follows the archive with Since,
// its cursor the last version it was given, as the dispatcher does: it is
// given every version once, though a save that took a version's id may
// commit after one that took a later id.
func TestSinceMissesNoVersionSavedAtOnce(t *testing.T) {
	path := store.ArchivePath(t)
	dbs := replicas(t, path, "a", "b", "c")
	const batches, per = 6, 8
	var wg sync.WaitGroup
	errs := make([]error, len(dbs))
	for i, db := range dbs {
		wg.Go(func() {
			for j := range batches {
				var docs []store.Doc
				for k := range per {
					title := fmt.Sprintf("Quay %d-%d-%d", i, j, k)
					a, b := build(title, day(2), []string{"quay"},
						said{who: fmt.Sprintf("Pilot %d%d%d", i, j, k), text: fmt.Sprintf("Berth %d-%d-%d is free", i, j, k)},
						said{who: "Ian Clarke", role: fmt.Sprintf("harbour master %d", j), text: fmt.Sprintf("Tide %d-%d-%d is high", i, j, k)})
					docs = append(docs, store.Doc{Source: store.Source{Kind: "file", Key: title}, Article: a, Briefing: b})
				}
				if _, err := db.SaveAll(t.Context(), docs); err != nil {
					errs[i] = err
					return
				}
			}
		})
	}
	saving := make(chan struct{})
	go func() { wg.Wait(); close(saving) }()
	seen := map[int64]int{}
	var cursor int64
	for done := false; ; {
		select {
		case <-saving:
			done = true
		default:
		}
		entries, err := dbs[0].Outbox().Since(t.Context(), cursor, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			seen[e.VersionID]++
			cursor = e.VersionID
		}
		if done && len(entries) == 0 {
			break
		}
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	all, err := dbs[0].Outbox().Since(t.Context(), 0, 10*batches*per)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(dbs)*batches*per {
		t.Errorf("archived %d versions; want %d", len(all), len(dbs)*batches*per)
	}
	for _, e := range all {
		if seen[e.VersionID] != 1 {
			t.Errorf("version %d was given %d times; want once", e.VersionID, seen[e.VersionID])
		}
	}
	if got, err := dbs[0].Speakers(t.Context(), "clarke", 10); err != nil || len(got) != 1 {
		t.Errorf("Speakers(clarke) = %q, %v; want one Ian Clarke", got, err)
	}
}

// TestDigestSlotOnceAcrossReplicas has two replicas make the digest of
// one slot at once: one of them makes it.
func TestDigestSlotOnceAcrossReplicas(t *testing.T) {
	path := store.ArchivePath(t)
	dbs := replicas(t, path, "a", "b")
	const ch = "discord:D1"
	slot := day(3)
	outs := []*store.Outbox{dbs[0].Outbox(), dbs[1].Outbox()}
	olds := make([]bot.ChannelState, len(outs))
	for i, o := range outs {
		var err error
		if olds[i], err = o.State(t.Context(), ch); err != nil {
			t.Fatal(err)
		}
	}
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	for i, o := range outs {
		wg.Go(func() {
			next := olds[i]
			next.Slot, next.DigestAt = slot, slot
			errs[i] = o.Commit(t.Context(), ch, olds[i], next, []bot.Delivery{{Key: "digest:" + fmt.Sprint(slot.Unix()), Message: message(fmt.Sprintf("digest by %d", i))}})
		})
	}
	wg.Wait()
	made := 0
	for i, err := range errs {
		switch {
		case err == nil:
			made++
		case !errors.Is(err, bot.ErrConflict):
			t.Errorf("Commit by replica %d = %v; want nil or ErrConflict", i, err)
		}
	}
	if made != 1 {
		t.Errorf("%d replicas made the digest; want 1", made)
	}
	counts, _, err := outs[0].Counts(t.Context(), ch)
	if err != nil || counts[bot.Pending] != 1 {
		t.Errorf("Counts = %v, %v; want one pending digest", counts, err)
	}
}

// TestClaimFiles gives each file of a shared folder to one replica: while
// one holds a file's claim the other is told when it runs out, a file
// saved under its claim is done for both, and a claim run out or released
// goes to the next replica that asks.
func TestClaimFiles(t *testing.T) {
	path := store.ArchivePath(t)
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		dbs := replicas(t, path, "a", "b")
		a, b := dbs[0], dbs[1]
		a.LeaseTime, b.LeaseTime = 10*time.Second, 10*time.Second
		claim := func(db *store.DB, keys ...string) []store.Claim {
			t.Helper()
			got, err := db.ClaimFiles(ctx, keys)
			if err != nil {
				t.Fatalf("ClaimFiles(%q) by %s: %v", keys, db.Replica(), err)
			}
			return got
		}
		mine := store.Claim{Mine: true}
		held := store.Claim{Until: time.Now().Add(10 * time.Second)}
		done := store.Claim{Done: true}
		check := func(db *store.DB, got []store.Claim, want ...store.Claim) {
			t.Helper()
			if diff := cmp.Diff(want, got, cmpopts.EquateApproxTime(time.Millisecond)); diff != "" {
				t.Errorf("ClaimFiles by %s (-want +got):\n%s", db.Replica(), diff)
			}
		}
		check(a, claim(a, "k1", "k2", "k3"), mine, mine, mine)
		check(b, claim(b, "k3", "k4", "k1"), held, mine, held)
		check(a, claim(a, "k1"), mine) // its own claim, renewed

		art, br := build("bridge", day(2), nil, said{who: "Ana Lind", text: "The bridge reopens on Monday"})
		if _, err := a.SaveAll(ctx, []store.Doc{{Source: store.Source{Kind: "file", Key: "bridge.txt", Name: "bridge.txt"}, Article: art, Briefing: br, Claim: "k1"}}); err != nil {
			t.Fatal(err)
		}
		check(b, claim(b, "k1"), done)
		check(a, claim(a, "k1"), done)

		if err := a.ReleaseFiles(ctx, []string{"k2"}); err != nil {
			t.Fatal(err)
		}
		check(b, claim(b, "k2"), mine)

		time.Sleep(11 * time.Second) // b died holding k2 and k4; a's k3 ran out too
		check(a, claim(a, "k2", "k4"), mine, mine)
		check(b, claim(b, "k3", "k2"), mine, store.Claim{Until: time.Now().Add(10 * time.Second)})
	})
}
