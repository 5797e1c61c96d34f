package slackbot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// backlog is the briefings the matrix posts: plain ones, ones with their
// quotes in the thread, and one too long for a message and its thread's
// first reply.
func backlog() []bot.Message {
	var ms []bot.Message
	for i := range 6 {
		m := bot.Message{Title: fmt.Sprintf("Story %d", i), Text: fmt.Sprintf("Story %d", i),
			Sections: []bot.Section{{Lines: []bot.Line{{Text: fmt.Sprintf("Lede of story %d.", i)}}}}}
		if i%2 == 1 {
			m.Sections = append(m.Sections, bot.Section{Heading: "Quotes", Thread: true, Lines: []bot.Line{
				{Text: "We will build it.", Quote: true, By: "Ana Lind"},
				{Text: "Not this year.", Quote: true, By: "Ola Berg"},
			}})
		}
		ms = append(ms, m)
	}
	return append(ms, long())
}

// scenario is one way the matrix disturbs delivery.
type scenario struct {
	name   string
	inject func(apiRequest) Fault
	// stopAt is the request after which the bot is stopped (0: never):
	// by SIGTERM, or, with kill, by kill -9, which closes the archive
	// under it and loses the request's answer.
	stopAt int
	kill   bool
}

// TestDeliveryMatrix posts a backlog to two channels through every fault
// the fake Slack injects, on any request, and through SIGTERM and kill -9
// at random points, and checks that each briefing arrives exactly once a
// channel, whole (every thread reply), in order, and that no post was made
// before a 429's Retry-After ended.
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
			})
		}
	}
	total := 0 // requests a run with no faults makes
	p := &Poster{}
	for _, m := range backlog() {
		total += 2 * p.Parts(m)
	}
	for seed := range uint64(8) {
		r := rand.New(rand.NewPCG(seed, 10))
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
		t.Run(sc.name, func(t *testing.T) { runScenario(t, sc) })
	}
}

func runScenario(t *testing.T, sc scenario) {
	path := filepath.Join(t.TempDir(), "archive.db")
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		install, err := db.InstallID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		chans := []bot.Channel{{Platform: "slack", ID: "C1", Pace: time.Second}, {Platform: "slack", ID: "C2", Pace: time.Second}}
		msgs := backlog()
		for _, ch := range chans {
			queueAll(t, db.Outbox(), ch.Key(), msgs)
		}

		fake := &fakeAPI{Channels: []string{"C1", "C2"}}
		runCtx, stop := context.WithCancel(ctx)
		var once sync.Once
		fake.Inject = func(r apiRequest) Fault {
			if sc.kill && r.N == sc.stopAt {
				return Drop // the answer dies with the process
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
		poster := &Poster{Client: fake.client()}
		dispatcher := func(db *store.DB) *bot.Dispatcher {
			return &bot.Dispatcher{Store: db.Outbox(), Posters: map[string]bot.Poster{"slack": poster}, Channels: chans,
				Install: install, PostTimeout: 10 * time.Second, MaxBackoff: time.Minute}
		}
		runFor := func(ctx context.Context, d *bot.Dispatcher) {
			done := make(chan struct{})
			go func() { d.Run(ctx); close(done) }()
			time.Sleep(time.Hour)
			synctest.Wait()
			<-done
		}
		hour, cancel := context.WithTimeout(runCtx, time.Hour)
		runFor(hour, dispatcher(db))
		cancel()
		if sc.stopAt > 0 {
			if sc.kill {
				if db, err = store.Open(ctx, path); err != nil {
					t.Fatal(err)
				}
			}
			hour, cancel := context.WithTimeout(ctx, time.Hour)
			runFor(hour, dispatcher(db))
			cancel()
		}
		defer db.Close()
		stop()

		for _, ch := range chans {
			checkChannel(t, fake.posted(), ch.ID, install, msgs)
			counts, _, err := db.Outbox().Counts(ctx, ch.Key())
			if err != nil || counts[bot.Sent] != len(msgs) {
				t.Errorf("%s: outbox counts %v, %v; want %d sent", ch.Key(), counts, err, len(msgs))
			}
		}
		if v := fake.waitViolations(); len(v) > 0 {
			t.Errorf("posts ignored Retry-After: %q", v)
		}
	})
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

// checkChannel checks that the channel holds each message once, in order,
// with its thread replies, each once and in order.
func checkChannel(t *testing.T, posted []fakeMessage, channel, install string, msgs []bot.Message) {
	t.Helper()
	keyOf := func(m fakeMessage) string {
		if m.Metadata == nil {
			return "(no metadata)"
		}
		return fmt.Sprintf("%v#%v", m.Metadata.EventPayload["key"], m.Metadata.EventPayload["part"])
	}
	var want, got []string
	for i, m := range msgs {
		for part := range len(Render(m)) {
			want = append(want, fmt.Sprintf("%s/briefing:%d#%d", install, i, part))
		}
	}
	for _, top := range posted {
		if top.Channel != channel || top.Thread != "" {
			continue
		}
		got = append(got, keyOf(top))
		for _, reply := range posted {
			if reply.Thread == top.TS {
				got = append(got, keyOf(reply))
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("channel %s holds (-want +got):\n%s", channel, diff)
	}
	for _, m := range posted {
		if m.Channel == channel && m.Thread != "" && !slices.ContainsFunc(posted, func(x fakeMessage) bool { return x.TS == m.Thread }) {
			t.Errorf("reply %s in channel %s is in no thread", keyOf(m), channel)
		}
	}
}

// TestChannelNotFoundOnAReply fails the delivery whose thread reply Slack
// refuses for good, records it where /sources and /healthz read it, and
// goes on with the next.
func TestChannelNotFoundOnAReply(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive.db")
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		fake := &fakeAPI{Channels: []string{"C1"}, Inject: func(r apiRequest) Fault {
			if r.N == 3 { // story 1's reply
				return ChannelNotFound
			}
			return None
		}}
		ch := bot.Channel{Platform: "slack", ID: "C1"}
		msgs := backlog()[:3] // 1, 2 and 1 parts
		queueAll(t, db.Outbox(), ch.Key(), msgs)
		d := &bot.Dispatcher{Store: db.Outbox(), Posters: map[string]bot.Poster{"slack": &Poster{Client: fake.client()}},
			Channels: []bot.Channel{ch}}
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
		if s := status[0]; s.Sent != 2 || s.Failed != 1 || !strings.HasPrefix(s.LastError, "part 2 of 2: ") || !strings.Contains(s.LastError, "channel_not_found") {
			t.Errorf("status = %+v; want 2 sent, 1 failed on part 2 of 2 with channel_not_found", s)
		}
		if n := len(fake.posted()); n != 3 {
			t.Errorf("%d messages posted; want 3: story 0, story 1 without its reply, story 2", n)
		}
	})
}
