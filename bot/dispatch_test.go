package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
	_ "time/tzdata" // the tests' zones, on any machine

	"github.com/google/go-cmp/cmp"
)

// fakeClock returns a clock that reads base when called first and moves on
// with the bubble's time, so that a synctest bubble can start on any date.
func fakeClock(base time.Time) func() time.Time {
	start := time.Now()
	return func() time.Time { return base.Add(time.Since(start)) }
}

// lockedBuffer collects logs from the dispatcher's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// running is a Dispatcher running in the background until stop.
type running struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func start(t *testing.T, d *Dispatcher) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	r := &running{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		if err := d.Run(ctx); err != nil {
			t.Errorf("Run = %v; want nil", err)
		}
	}()
	return r
}

func (r *running) stop() {
	r.cancel()
	<-r.done
}

func console(id string) Channel {
	return Channel{Platform: "console", ID: id, Immediate: true}
}

func mustSchedule(t *testing.T, spec, zone string) Schedule {
	t.Helper()
	s, err := ParseSchedule(spec, zone)
	if err != nil {
		t.Fatalf("ParseSchedule(%q, %q) = %v", spec, zone, err)
	}
	return s
}

func TestImmediateInOrderAtPace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		p := &recordingPoster{now: now}
		ch := console("news")
		ch.Pace = time.Second
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: now}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := range 10 {
			want = append(want, st.add(fmt.Sprintf("Story %d", i), "Ana Lind", "We will build it.", now()).Briefing.Title)
		}
		r := start(t, d)
		d.Notify()
		time.Sleep(time.Minute)
		synctest.Wait()
		r.stop()
		got := p.got()
		if diff := cmp.Diff(want, p.titles()); diff != "" {
			t.Fatalf("posted (-want +got):\n%s", diff)
		}
		for i := 1; i < len(got); i++ {
			if gap := got[i].At.Sub(got[i-1].At); gap < time.Second {
				t.Errorf("posts %d and %d %s apart; want at least the 1s pace", i-1, i, gap)
			}
		}
		if last := got[len(got)-1].At.Sub(got[0].At); last > 10*time.Second {
			t.Errorf("backlog of 10 took %s at a 1s pace; want about 9s", last)
		}

		// A restart, and another, post nothing again.
		for range 2 {
			r := start(t, &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: now})
			time.Sleep(time.Minute)
			synctest.Wait()
			r.stop()
		}
		if n := len(p.got()); n != 10 {
			t.Errorf("after two restarts %d posts; want the same 10", n)
		}
	})
}

func TestNewChannelOnFullArchiveStartsWithWhatIsNext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		st.add("Old story", "Ana Lind", "That was then.", now())
		p := &recordingPoster{now: now}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{console("late")}, Now: now}
		r := start(t, d)
		synctest.Wait()
		st.add("New story", "Ana Lind", "This is now.", now())
		d.Notify()
		synctest.Wait()
		r.stop()
		if diff := cmp.Diff([]string{"New story"}, p.titles()); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
	})
}

// TestPollFindsWorkNotNotified posts a briefing archived by another
// replica, which no Notify announces, once Poll has passed; without Poll
// it waits for a Notify.
func TestPollFindsWorkNotNotified(t *testing.T) {
	for _, poll := range []time.Duration{0, 2 * time.Second} {
		synctest.Test(t, func(t *testing.T) {
			st := newMemStore()
			now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
			p := &recordingPoster{now: now}
			d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{console("news")}, Now: now, Poll: poll}
			r := start(t, d)
			synctest.Wait()
			st.add("From another replica", "Ana Lind", "We will build it.", now())
			time.Sleep(time.Minute)
			synctest.Wait()
			r.stop()
			want := []string{"From another replica"}
			if poll == 0 {
				want = nil
			}
			if diff := cmp.Diff(want, p.titles()); diff != "" {
				t.Errorf("with Poll %s posted (-want +got):\n%s", poll, diff)
			}
		})
	}
}

// TestFaultInjection posts through a platform that times out, fails with
// server errors, asks to slow down, and loses a reply; every briefing is
// posted once, in order, except the one whose reply was lost, and that
// case is retried as the platform failed.
func TestFaultInjection(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		logs := &lockedBuffer{}
		p := &recordingPoster{now: now, faults: []fault{
			{hang: true}, // story 0: timeout
			{err: errors.New("500 Internal Server Error")}, // story 0: server error
			{}, // story 0 posted
			{err: &RateLimitError{RetryAfter: 7 * time.Second}}, // story 1: slow down
			{},                                   // story 1 posted
			{err: errors.New("502 Bad Gateway")}, // story 2
			{err: errors.New("503 Service Unavailable")},
			{}, // story 2 posted
		}}
		var outcomes []string
		var mu sync.Mutex
		d := &Dispatcher{
			Store: st, Posters: map[string]Poster{"console": findingPoster{p}}, Channels: []Channel{console("news")}, Now: now,
			Log:         slog.New(slog.NewTextHandler(logs, nil)),
			PostTimeout: 10 * time.Second,
			Jitter:      func() float64 { return 0.5 },
			Observe: func(_, outcome string) {
				mu.Lock()
				outcomes = append(outcomes, outcome)
				mu.Unlock()
			},
		}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		for i := range 4 {
			st.add(fmt.Sprintf("Story %d", i), "Ana Lind", "We will build it.", now())
		}
		r := start(t, d)
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		r.stop()
		if diff := cmp.Diff([]string{"Story 0", "Story 1", "Story 2", "Story 3"}, p.titles()); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
		want := []string{OutcomeRetry, OutcomeRetry, OutcomeSent, OutcomeRateLimited, OutcomeSent, OutcomeRetry, OutcomeRetry, OutcomeSent, OutcomeSent}
		if diff := cmp.Diff(want, outcomes); diff != "" {
			t.Errorf("outcomes (-want +got):\n%s", diff)
		}
		got := p.got()
		// Story 1 was refused with "retry after 7s" at the moment story 0
		// was posted, and posted no sooner than it was told.
		if gap := got[1].At.Sub(got[0].At); gap < 7*time.Second {
			t.Errorf("story 1 posted %s after story 0; want at least the 7s Retry-After", gap)
		}
		if !strings.Contains(logs.String(), "platform asked to slow down") {
			t.Errorf("logs lack the rate limit:\n%s", logs)
		}
		counts, _, _ := st.Counts(t.Context(), "console:news")
		if counts[Sent] != 4 || counts[Pending]+counts[Sending] != 0 {
			t.Errorf("outbox counts = %v; want 4 sent and nothing pending", counts)
		}
	})
}

// TestCrashBetweenPostAndMark kills the bot after the platform accepted a
// post and before the outbox recorded it: the next start sends that one
// again and logs it, and nothing else is posted twice.
func TestCrashBetweenPostAndMark(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		logs := &lockedBuffer{}
		log := slog.New(slog.NewTextHandler(logs, nil))
		p := &recordingPoster{now: now}
		ch := console("news")
		newDispatcher := func() *Dispatcher {
			return &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: now, Log: log}
		}
		d := newDispatcher()
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		for i := range 5 {
			st.add(fmt.Sprintf("Story %d", i), "Ana Lind", "We will build it.", now())
		}
		// The third post is accepted, then the process dies: the store
		// takes no more writes and the dispatcher stops.
		var r *running
		crashed := make(chan struct{})
		p.faults = []fault{{}, {}, {then: func() { st.setDown(true); close(crashed) }}}
		r = start(t, d)
		<-crashed
		r.stop()
		st.setDown(false)
		if n := len(p.got()); n != 3 {
			t.Fatalf("before the crash %d posts; want 3", n)
		}
		r = start(t, newDispatcher())
		time.Sleep(time.Minute)
		synctest.Wait()
		r.stop()
		want := []string{"Story 0", "Story 1", "Story 2", "Story 2", "Story 3", "Story 4"}
		if diff := cmp.Diff(want, p.titles()); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
		if !strings.Contains(logs.String(), "may post it twice") || !strings.Contains(logs.String(), "delivery=briefing:3") {
			t.Errorf("logs do not report the possible duplicate of briefing 3:\n%s", logs)
		}
		// Both posts of story 2 carried the same key, for platforms that
		// drop repeats.
		got := p.got()
		if got[2].Key != got[3].Key {
			t.Errorf("the repeat was posted with key %q, the first with %q; want the same", got[3].Key, got[2].Key)
		}
	})
}

// TestLocalPosterOneWriteAPost checks that a Local poster's deliveries are
// not marked sending before they are posted, one write each, and that a
// failed post, which a Local poster knows was not made, waits as pending
// and is posted once. Any other poster's are marked sending first.
func TestLocalPosterOneWriteAPost(t *testing.T) {
	for _, tc := range []struct {
		name  string
		local bool
		want  []DeliveryState
	}{
		{"local", true, []DeliveryState{Pending, Sent, Sent, Sent}},
		{"not local", false, []DeliveryState{Sending, Sending, Sending, Sent, Sending, Sent, Sending, Sent}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				st := newMemStore()
				now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
				rec := &recordingPoster{now: now, faults: []fault{{err: errors.New("write: broken pipe")}}}
				var p Poster = rec
				if tc.local {
					p = localPoster{rec}
				}
				d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{console("terminal")}, Now: now}
				if err := d.Open(t.Context()); err != nil {
					t.Fatal(err)
				}
				for i := range 3 {
					st.add(fmt.Sprintf("Story %d", i), "Ana Lind", "We will build it.", now())
				}
				r := start(t, d)
				time.Sleep(time.Hour)
				synctest.Wait()
				r.stop()
				if diff := cmp.Diff([]string{"Story 0", "Story 1", "Story 2"}, rec.titles()); diff != "" {
					t.Errorf("posted (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tc.want, st.updates); diff != "" {
					t.Errorf("states stored (-want +got):\n%s", diff)
				}
			})
		})
	}
}

func TestPermanentFailureStopsRetrying(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		p := &recordingPoster{now: now, faults: []fault{{err: Permanent(errors.New("channel_not_found"))}}}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{console("gone")}, Now: now}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		st.add("Story 0", "Ana Lind", "We will build it.", now())
		st.add("Story 1", "Ana Lind", "We will build it.", now())
		r := start(t, d)
		time.Sleep(time.Hour)
		synctest.Wait()
		r.stop()
		if p.calls != 2 {
			t.Errorf("Post called %d times; want 2: once for the failure, once for the next", p.calls)
		}
		status, err := d.Status(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if s := status[0]; s.Failed != 1 || s.Sent != 1 || s.LastError != "channel_not_found" {
			t.Errorf("Status = %+v; want 1 failed with channel_not_found, 1 sent", s)
		}
	})
}

func TestFlush(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		p := &recordingPoster{now: now}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{console("terminal")}, Now: now}
		r := start(t, d)
		synctest.Wait()
		st.add("Story 0", "Ana Lind", "We will build it.", now())
		if err := d.Flush(t.Context()); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"Story 0"}, p.titles()); diff != "" {
			t.Errorf("after Flush posted (-want +got):\n%s", diff)
		}
		r.stop()
	})
}
