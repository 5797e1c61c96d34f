package discordbot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// backlog is the briefings the matrix posts: short ones and two too long
// for one Discord message.
func backlog() []bot.Message {
	var ms []bot.Message
	for i := range 5 {
		m := briefing()
		m.Title = fmt.Sprintf("Story %d", i)
		ms = append(ms, m)
	}
	for i := range 2 {
		m := longBriefing()
		for j := range m.Sections[1].Lines {
			m.Sections[1].Lines[j].Text = fmt.Sprintf("(story %d) %s", 5+i, m.Sections[1].Lines[j].Text)
		}
		ms = append(ms, m)
	}
	return ms
}

type scenario struct {
	name   string
	inject func(apiRequest) Fault
	stopAt int  // the request after which the bot is stopped; 0: never
	kill   bool // by kill -9 (archive closed, answer lost), not SIGTERM
	// nonces makes the fake list messages with their nonces.
	nonces bool
}

// TestDeliveryMatrix posts a backlog to two channels through every fault
// the fake Discord injects, on any request, and through SIGTERM and kill
// -9 at random points, and checks that each briefing arrives exactly once
// a channel, whole (every part), in order, and that no post was made
// before a 429's retry_after ended.
func TestDeliveryMatrix(t *testing.T) {
	var scenarios []scenario
	for _, f := range []Fault{None, RateLimited, ServerError, Hang, Drop} {
		for _, every := range []int{2, 3} {
			scenarios = append(scenarios, scenario{
				name: fmt.Sprintf("%s on one request in %d", f, every),
				inject: func(r apiRequest) Fault {
					if r.N%every == 0 && r.N < 60 {
						return f
					}
					return None
				},
				nonces: every == 3,
			})
		}
	}
	total := 0
	p := &Poster{}
	for _, m := range backlog() {
		total += 2 * p.Parts(m)
	}
	for seed := range uint64(8) {
		r := rand.New(rand.NewPCG(seed, 20))
		at := 1 + r.IntN(total)
		faulty := r.IntN(2) == 0
		inject := func(req apiRequest) Fault {
			if faulty && req.N%4 == 0 && req.N < 40 {
				return []Fault{RateLimited, ServerError, Hang, Drop}[req.N/4%4]
			}
			return None
		}
		scenarios = append(scenarios,
			scenario{name: fmt.Sprintf("SIGTERM after request %d (faults %v)", at, faulty), inject: inject, stopAt: at},
			scenario{name: fmt.Sprintf("kill -9 after request %d (faults %v)", at, faulty), inject: inject, stopAt: at, kill: true})
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "archive.db")
			synctest.Test(t, func(t *testing.T) {
				fake := &fakeAPI{Channels: []string{"1", "2"}, ListNonces: sc.nonces, Now: fakeClock()}
				runScenario(t, fake, path, sc)
			})
		})
	}
}

// TestNewArchiveSameBot posts the same deliveries from two archives to one
// channel, within Discord's nonce window: the second archive's posts are
// posted, not answered with the first's.
func TestNewArchiveSameBot(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		fake := &fakeAPI{Channels: []string{"1", "2"}, Now: fakeClock()}
		runScenario(t, fake, filepath.Join(dir, "a.db"), scenario{})
		runScenario(t, fake, filepath.Join(dir, "b.db"), scenario{})
	})
}

func runScenario(t *testing.T, fake *fakeAPI, path string, sc scenario) {
	ctx := t.Context()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	install, err := db.InstallID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	chans := []bot.Channel{{Platform: "discord", ID: "1", Pace: time.Second}, {Platform: "discord", ID: "2", Pace: time.Second}}
	msgs := backlog()
	for _, ch := range chans {
		queueAll(t, db.Outbox(), ch.Key(), msgs)
	}
	before := len(fake.posted())
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var once sync.Once
	fake.Inject = func(r apiRequest) Fault {
		if sc.kill && r.N == sc.stopAt {
			return Drop
		}
		if sc.inject != nil {
			return sc.inject(r)
		}
		return None
	}
	fake.After = func(r apiRequest) {
		if r.N == sc.stopAt {
			once.Do(func() {
				if sc.kill {
					db.Close()
				}
				stop()
			})
		}
	}
	poster := &Poster{Session: fake.session()}
	dispatcher := func(db *store.DB) *bot.Dispatcher {
		return &bot.Dispatcher{Store: db.Outbox(), Posters: map[string]bot.Poster{"discord": poster}, Channels: chans,
			Install: install, PostTimeout: 10 * time.Second, MaxBackoff: time.Minute, Now: fake.Now}
	}
	runFor := func(ctx context.Context, d *bot.Dispatcher) {
		ctx, cancel := context.WithTimeout(ctx, time.Hour)
		defer cancel()
		done := make(chan struct{})
		go func() { d.Run(ctx); close(done) }()
		time.Sleep(time.Hour)
		synctest.Wait()
		<-done
	}
	runFor(runCtx, dispatcher(db))
	if sc.stopAt > 0 {
		if sc.kill {
			if db, err = store.Open(ctx, path); err != nil {
				t.Fatal(err)
			}
		}
		runFor(ctx, dispatcher(db))
	}
	defer db.Close()

	posted := fake.posted()[before:]
	for _, ch := range chans {
		var want, got []string
		names := map[string]string{}
		for i, m := range msgs {
			for part := range poster.Parts(m) {
				name := fmt.Sprintf("briefing:%d#%d", i, part)
				want = append(want, name)
				names[Nonce(bot.Part{Key: install + "/" + fmt.Sprintf("briefing:%d", i), Index: part})] = name
			}
		}
		for _, m := range posted {
			if m.Channel == ch.ID {
				name, ok := names[m.Nonce]
				if !ok {
					name = "unknown nonce " + m.Nonce
				}
				got = append(got, name)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("channel %s holds (-want +got):\n%s", ch.ID, diff)
		}
		counts, _, err := db.Outbox().Counts(ctx, ch.Key())
		if err != nil || counts[bot.Sent] != len(msgs) {
			t.Errorf("%s: outbox counts %v, %v; want %d sent", ch.Key(), counts, err, len(msgs))
		}
	}
	if v := fake.waitViolations(); len(v) > 0 {
		t.Errorf("posts ignored retry_after: %q", v)
	}
}

// fakeClock reads 2026-12-07 09:00 UTC when first called and moves on with
// the bubble's time.
func fakeClock() func() time.Time {
	start := time.Now()
	base := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	return func() time.Time { return base.Add(time.Since(start)) }
}

// queueAll queues msgs to the channel as briefings 0, 1, …
func queueAll(t *testing.T, o *store.Outbox, channel string, msgs []bot.Message) {
	t.Helper()
	st, err := o.State(t.Context(), channel)
	if err != nil {
		t.Fatal(err)
	}
	var ds []bot.Delivery
	for i, m := range msgs {
		ds = append(ds, bot.Delivery{Channel: channel, Key: fmt.Sprintf("briefing:%d", i), Message: m})
	}
	next := st
	next.Immediate++
	if err := o.Commit(t.Context(), channel, st, next, ds); err != nil {
		t.Fatal(err)
	}
}

// TestUnknownChannel fails every delivery to a channel Discord does not
// know, records why, and posts to the others.
func TestUnknownChannel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive.db")
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		fake := &fakeAPI{Channels: []string{"1"}, Now: fakeClock()}
		chans := []bot.Channel{{Platform: "discord", ID: "1"}, {Platform: "discord", ID: "9"}}
		msgs := backlog()[:2]
		for _, ch := range chans {
			queueAll(t, db.Outbox(), ch.Key(), msgs)
		}
		d := &bot.Dispatcher{Store: db.Outbox(), Posters: map[string]bot.Poster{"discord": &Poster{Session: fake.session()}},
			Channels: chans, Now: fake.Now}
		runCtx, stop := context.WithTimeout(ctx, time.Hour)
		defer stop()
		done := make(chan struct{})
		go func() { d.Run(runCtx); close(done) }()
		time.Sleep(time.Hour)
		synctest.Wait()
		<-done
		status, err := d.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s := status[0]; s.Sent != 2 || s.Failed != 0 {
			t.Errorf("status of the known channel = %+v; want 2 sent", s)
		}
		if s := status[1]; s.Sent != 0 || s.Failed != 2 || !strings.Contains(s.LastError, "Unknown Channel") {
			t.Errorf("status of the unknown channel = %+v; want 2 failed with Unknown Channel", s)
		}
	})
}
