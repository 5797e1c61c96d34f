package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// partsOf lists the posts as "title#part".
func partsOf(p *recordingPoster) []string {
	var out []string
	for _, x := range p.got() {
		out = append(out, fmt.Sprintf("%s#%d", x.Title, x.Part))
	}
	return out
}

// TestEveryPartIsAStep posts briefings of three parts through a 429 and a
// 500 on later parts: each part is retried on its own, the 429's wait
// holds the whole channel, and a briefing is sent only when all its parts
// are.
func TestEveryPartIsAStep(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		p := &recordingPoster{now: now, parts: 3, faults: []fault{
			{}, // story 0 part 0
			{err: &RateLimitError{RetryAfter: 2 * time.Second}}, // part 1: slow down
			{}, // part 1
			{err: errors.New("500 Internal Server Error")}, // part 2
			{}, // part 2
		}}
		ch := console("news")
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": findingPoster{p}}, Channels: []Channel{ch}, Now: now,
			Jitter: func() float64 { return 0 }, Install: "inst"}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		st.add("Story 0", "Ana Lind", "We will build it.", now())
		st.add("Story 1", "Ana Lind", "We will build it.", now())
		r := start(t, d)
		var mid map[DeliveryState]int
		time.Sleep(time.Second) // after the 429, before its Retry-After
		synctest.Wait()
		mid, _, _ = st.Counts(t.Context(), ch.Key())
		time.Sleep(time.Minute)
		synctest.Wait()
		r.stop()
		want := []string{"Story 0#0", "Story 0#1", "Story 0#2", "Story 1#0", "Story 1#1", "Story 1#2"}
		if diff := cmp.Diff(want, partsOf(p)); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
		if mid[Sent] != 0 {
			t.Errorf("with part 2 of 3 waiting, counts = %v; want nothing sent", mid)
		}
		got := p.got()
		if gap := got[1].At.Sub(got[0].At); gap < 2*time.Second {
			t.Errorf("part 1 posted %s after part 0; want at least the 2s Retry-After", gap)
		}
		for i, x := range got {
			if want := "inst/briefing:" + string(rune('1'+i/3)); x.Key != want {
				t.Errorf("post %d key %q; want %q", i, x.Key, want)
			}
			if x.Part > 0 && x.Thread != fmt.Sprintf("m%d", i/3*3+1) {
				t.Errorf("post %d (part %d) in thread %q; want the first part's id m%d", i, x.Part, x.Thread, i/3*3+1)
			}
		}
		counts, _, _ := st.Counts(t.Context(), ch.Key())
		if counts[Sent] != 2 || len(counts) != 1 {
			t.Errorf("counts = %v; want 2 sent", counts)
		}
		if p.finds != 1 {
			t.Errorf("%d look-ups; want 1, after the 500, whose outcome is unknown", p.finds)
		}
	})
}

// TestLaterPartFailsForGood records a permanent failure of a later part
// as a failed delivery, shown in the channel's status, and goes on.
func TestLaterPartFailsForGood(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		p := &recordingPoster{now: now, parts: 2, faults: []fault{{}, {err: Permanent(errors.New("msg_too_long"))}}}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{console("news")}, Now: now}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		st.add("Story 0", "Ana Lind", "We will build it.", now())
		st.add("Story 1", "Ana Lind", "We will build it.", now())
		r := start(t, d)
		time.Sleep(time.Minute)
		synctest.Wait()
		r.stop()
		if diff := cmp.Diff([]string{"Story 0#0", "Story 1#0", "Story 1#1"}, partsOf(p)); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
		status, err := d.Status(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if s := status[0]; s.Failed != 1 || s.Sent != 1 || s.LastError != "part 2 of 2: msg_too_long" {
			t.Errorf("Status = %+v; want 1 failed with part 2 of 2: msg_too_long, 1 sent", s)
		}
	})
}

// TestLostAnswersAreFoundNotRepeated posts through answers lost in every
// way (a dropped connection, a hang until the timeout, a crash after the
// platform accepted): the poster finds each post, and nothing is posted
// twice.
func TestLostAnswersAreFoundNotRepeated(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		logs := &lockedBuffer{}
		p := &recordingPoster{now: now, parts: 2}
		crashed := make(chan struct{})
		p.faults = []fault{
			{accept: true, err: errors.New("connection reset by peer")}, // story 0 part 0
			{accept: true, hang: true},                                  // story 0 part 1: no answer
			{}, {},                                                      // story 1
			{then: func() { st.setDown(true); close(crashed) }}, // story 2 part 0, then a crash
		}
		var found int
		newDispatcher := func() *Dispatcher {
			return &Dispatcher{Store: st, Posters: map[string]Poster{"console": findingPoster{p}}, Channels: []Channel{console("news")},
				Now: now, PostTimeout: 10 * time.Second, Log: slog.New(slog.NewTextHandler(logs, nil)),
				Observe: func(_, o string) {
					if o == OutcomeFound {
						found++
					}
				}}
		}
		d := newDispatcher()
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		for i := range 4 {
			st.add(fmt.Sprintf("Story %d", i), "Ana Lind", "We will build it.", now())
		}
		r := start(t, d)
		<-crashed
		r.stop()
		st.setDown(false)
		r = start(t, newDispatcher())
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		r.stop()
		want := []string{"Story 0#0", "Story 0#1", "Story 1#0", "Story 1#1", "Story 2#0", "Story 2#1", "Story 3#0", "Story 3#1"}
		if diff := cmp.Diff(want, partsOf(p)); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
		if found != 3 {
			t.Errorf("%d posts found after a lost answer; want 3", found)
		}
		if strings.Contains(logs.String(), "may post it twice") {
			t.Errorf("logs speak of a possible repeat:\n%s", logs)
		}
	})
}

// TestShutdownFinishesThePostInFlight stops the dispatcher while a post
// is on its way: it is finished and recorded, so the next start does not
// post it again.
func TestShutdownFinishesThePostInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newMemStore()
		now := fakeClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		p := &recordingPoster{now: now, faults: []fault{{latency: 500 * time.Millisecond}}}
		ch := console("news")
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: now}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		st.add("Story 0", "Ana Lind", "We will build it.", now())
		r := start(t, d)
		time.Sleep(100 * time.Millisecond)
		r.stop()
		counts, _, _ := st.Counts(t.Context(), ch.Key())
		if counts[Sent] != 1 {
			t.Fatalf("after stopping mid-post counts = %v; want it sent", counts)
		}
		r = start(t, &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: now})
		time.Sleep(time.Minute)
		synctest.Wait()
		r.stop()
		if diff := cmp.Diff([]string{"Story 0#0"}, partsOf(p)); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
	})
}
