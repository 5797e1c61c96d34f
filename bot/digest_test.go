package bot

import (
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

// jumpClock is a clock that moves with the bubble's time and can be set
// forward, as a machine is switched off and on again days later.
type jumpClock struct {
	mu    sync.Mutex
	base  time.Time
	start time.Time
}

func newJumpClock(base time.Time) *jumpClock {
	return &jumpClock{base: base, start: time.Now()}
}

func (c *jumpClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.base.Add(time.Since(c.start))
}

// set moves the clock to t.
func (c *jumpClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.base, c.start = t, time.Now()
}

// runUntil runs a dispatcher from the clock's time until the clock reads
// until, and stops it.
func runUntil(t *testing.T, d *Dispatcher, clock *jumpClock, until time.Time) {
	t.Helper()
	r := start(t, d)
	time.Sleep(until.Sub(clock.Now()))
	synctest.Wait()
	r.stop()
}

func digestChannel(t *testing.T, spec, zone string) Channel {
	return Channel{Platform: "console", ID: "digest", Digest: true, Schedule: mustSchedule(t, spec, zone)}
}

// postTimes formats when each post was made, in loc.
func postTimes(p *recordingPoster, loc *time.Location) []string {
	var out []string
	for _, x := range p.got() {
		out = append(out, x.At.In(loc).Format("Mon 2 Jan 15:04 MST"))
	}
	return out
}

func TestDigestAcrossDaylightSaving(t *testing.T) {
	tests := []struct {
		name, spec, zone string
		from, until      time.Time
		want             []string
	}{
		{
			name: "Brussels spring forward", spec: "CRON_TZ=Europe/Brussels 0 8 * * *",
			from:  time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC),
			until: time.Date(2026, 3, 31, 12, 0, 0, 0, time.UTC),
			want:  []string{"Sat 28 Mar 08:00 CET", "Sun 29 Mar 08:00 CEST", "Mon 30 Mar 08:00 CEST", "Tue 31 Mar 08:00 CEST"},
		},
		{
			name: "Brussels fall back", spec: "0 8 * * *", zone: "Europe/Brussels",
			from:  time.Date(2026, 10, 23, 12, 0, 0, 0, time.UTC),
			until: time.Date(2026, 10, 27, 12, 0, 0, 0, time.UTC),
			want:  []string{"Sat 24 Oct 08:00 CEST", "Sun 25 Oct 08:00 CET", "Mon 26 Oct 08:00 CET", "Tue 27 Oct 08:00 CET"},
		},
		{
			name: "Brussels digest in the repeated hour", spec: "30 2 * * *", zone: "Europe/Brussels",
			from:  time.Date(2026, 10, 23, 12, 0, 0, 0, time.UTC),
			until: time.Date(2026, 10, 27, 12, 0, 0, 0, time.UTC),
			want:  []string{"Sat 24 Oct 02:30 CEST", "Sun 25 Oct 02:30 CEST", "Mon 26 Oct 02:30 CET", "Tue 27 Oct 02:30 CET"},
		},
		{
			name: "New York digest in the skipped hour", spec: "CRON_TZ=America/New_York 30 2 * * *",
			from:  time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC),
			until: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC),
			want:  []string{"Sat 7 Mar 02:30 EST", "Sun 8 Mar 03:00 EDT", "Mon 9 Mar 02:30 EDT", "Tue 10 Mar 02:30 EDT"},
		},
		{
			name: "New York digest in the repeated hour", spec: "30 1 * * *", zone: "America/New_York",
			from:  time.Date(2026, 10, 30, 12, 0, 0, 0, time.UTC),
			until: time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC),
			want:  []string{"Sat 31 Oct 01:30 EDT", "Sun 1 Nov 01:30 EDT", "Mon 2 Nov 01:30 EST", "Tue 3 Nov 01:30 EST"},
		},
		{
			name: "New York weekdays across fall back", spec: "CRON_TZ=America/New_York 0 8 * * 1-5",
			from:  time.Date(2026, 10, 30, 11, 0, 0, 0, time.UTC),
			until: time.Date(2026, 11, 3, 15, 0, 0, 0, time.UTC),
			want:  []string{"Fri 30 Oct 08:00 EDT", "Mon 2 Nov 08:00 EST", "Tue 3 Nov 08:00 EST"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				clock := newJumpClock(tt.from)
				ch := digestChannel(t, tt.spec, tt.zone)
				p := &recordingPoster{now: clock.Now}
				d := &Dispatcher{Store: newMemStore(), Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now}
				runUntil(t, d, clock, tt.until)
				if diff := cmp.Diff(tt.want, postTimes(p, ch.Schedule.Location())); diff != "" {
					t.Errorf("digests (-want +got):\n%s", diff)
				}
			})
		})
	}
}

// TestDigestRestartInRepeatedHour stops the bot just after the 01:30
// digest on the night New York's clocks go back, and starts it again at
// 01:40 by the clock, after the clocks went back: the second 01:30 is not
// a digest missed.
func TestDigestRestartInRepeatedHour(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ny, _ := time.LoadLocation("America/New_York")
		clock := newJumpClock(time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC))
		ch := digestChannel(t, "30 1 * * *", "America/New_York")
		st := newMemStore()
		p := &recordingPoster{now: clock.Now}
		newDispatcher := func() *Dispatcher {
			return &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now}
		}
		runUntil(t, newDispatcher(), clock, time.Date(2026, 11, 1, 5, 45, 0, 0, time.UTC)) // 01:45 EDT
		clock.set(time.Date(2026, 11, 1, 6, 40, 0, 0, time.UTC))                           // 01:40 EST
		runUntil(t, newDispatcher(), clock, time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC))
		want := []string{"Sun 1 Nov 01:30 EDT", "Mon 2 Nov 01:30 EST"}
		if diff := cmp.Diff(want, postTimes(p, ny)); diff != "" {
			t.Errorf("digests (-want +got):\n%s", diff)
		}
	})
}

// TestDigestCatchUp stops the bot for three days: the digests it missed
// are made up by one on start, covering what came meanwhile, and two
// restarts in a row make none again.
func TestDigestCatchUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clock := newJumpClock(time.Date(2026, 11, 2, 7, 0, 0, 0, time.UTC))
		ch := digestChannel(t, "0 8 * * *", "")
		st := newMemStore()
		p := &recordingPoster{now: clock.Now}
		newDispatcher := func() *Dispatcher {
			return &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now}
		}
		d := newDispatcher()
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		st.add("Harbour reopens", "Ian Clarke", "The storm was lighter than we feared.", clock.Now())
		runUntil(t, d, clock, time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))

		// Down from Monday 09:00 to Thursday 10:00; an article arrives
		// meanwhile (archived by another run of the bot).
		clock.set(time.Date(2026, 11, 4, 12, 0, 0, 0, time.UTC))
		st.add("Bridge on schedule", "Ellen Voss", "We are on schedule for May.", clock.Now())
		clock.set(time.Date(2026, 11, 5, 10, 0, 0, 0, time.UTC))
		runUntil(t, newDispatcher(), clock, time.Date(2026, 11, 6, 8, 30, 0, 0, time.UTC))
		for range 2 {
			runUntil(t, newDispatcher(), clock, clock.Now().Add(time.Hour))
		}
		want := []string{"Mon 2 Nov 08:00 UTC", "Thu 5 Nov 10:00 UTC", "Fri 6 Nov 08:00 UTC"}
		if diff := cmp.Diff(want, postTimes(p, time.UTC)); diff != "" {
			t.Fatalf("digests (-want +got):\n%s", diff)
		}
		got := p.got()
		if !strings.Contains(got[0].Text, "Harbour reopens") {
			t.Errorf("first digest lacks the harbour story:\n%s", got[0].Text)
		}
		if !strings.Contains(got[1].Text, "Bridge on schedule") || strings.Contains(got[1].Text, "Harbour") {
			t.Errorf("catch-up digest should cover the bridge story only:\n%s", got[1].Text)
		}
		if !strings.Contains(got[2].Text, "nothing new since Thu 5 Nov 10:00") {
			t.Errorf("third digest should say nothing new since the catch-up:\n%s", got[2].Text)
		}
	})
}

func TestDigestSkipsEmptyWhenQuiet(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clock := newJumpClock(time.Date(2026, 11, 2, 7, 0, 0, 0, time.UTC))
		ch := digestChannel(t, "@every 1h", "")
		ch.SkipEmpty = true
		st := newMemStore()
		p := &recordingPoster{now: clock.Now}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now}
		if err := d.Open(t.Context()); err != nil {
			t.Fatal(err)
		}
		r := start(t, d)
		time.Sleep(90 * time.Minute)
		st.add("Harbour reopens", "Ian Clarke", "The storm was lighter than we feared.", clock.Now())
		time.Sleep(4 * time.Hour)
		synctest.Wait()
		r.stop()
		if diff := cmp.Diff([]string{"Mon 2 Nov 09:00 UTC"}, postTimes(p, time.UTC)); diff != "" {
			t.Errorf("digests (-want +got):\n%s", diff)
		}
	})
}

func TestDigestPanicIsRecovered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clock := newJumpClock(time.Date(2026, 11, 2, 7, 0, 0, 0, time.UTC))
		ch := digestChannel(t, "0 * * * *", "")
		st := newMemStore()
		logs := &lockedBuffer{}
		p := &recordingPoster{now: clock.Now}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now,
			Log: slog.New(slog.NewTextHandler(logs, nil))}
		st.sincePanics = 1
		runUntil(t, d, clock, time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC))
		if diff := cmp.Diff([]string{"Mon 2 Nov 09:00 UTC"}, postTimes(p, time.UTC)); diff != "" {
			t.Errorf("digests (-want +got):\n%s", diff)
		}
		if !strings.Contains(logs.String(), "digest panicked") {
			t.Errorf("logs lack the panic:\n%s", logs)
		}
	})
}

func TestDigestNow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clock := newJumpClock(time.Date(2026, 11, 2, 7, 0, 0, 0, time.UTC))
		ch := digestChannel(t, "0 8 * * *", "")
		st := newMemStore()
		p := &recordingPoster{now: clock.Now}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now}
		r := start(t, d)
		synctest.Wait()
		st.add("Harbour reopens", "Ian Clarke", "The storm was lighter than we feared.", clock.Now())
		reply, err := d.DigestNow(t.Context(), "console:digest")
		if err != nil || reply != "Posting the digest of 1 briefing." {
			t.Errorf("DigestNow = %q, %v; want a digest of 1 briefing", reply, err)
		}
		if reply, _ := d.DigestNow(t.Context(), "console:elsewhere"); !strings.Contains(reply, "not configured") {
			t.Errorf("DigestNow(unknown channel) = %q; want it to say the channel is not configured", reply)
		}
		time.Sleep(2 * time.Hour)
		synctest.Wait()
		r.stop()
		got := p.got()
		if len(got) != 2 || !strings.Contains(got[0].Text, "Harbour reopens") || strings.Contains(got[1].Text, "Harbour") {
			t.Errorf("want the /digest with the story, then a scheduled one without it; got %+v", got)
		}
	})
}

func TestDigestMessage(t *testing.T) {
	entry := func(version, article int64, title string, quotes ...summarize.Quote) Entry {
		e := Entry{VersionID: version, ArticleID: article, Source: title + ".txt", Briefing: summarize.Briefing{Title: title, Lede: "About " + title + "."}}
		for _, q := range quotes {
			e.Briefing.Quotes = append(e.Briefing.Quotes, q)
			e.Briefing.Positions = append(e.Briefing.Positions, summarize.Position{Actor: q.Speaker, Text: q.Speaker + " said things about " + title})
		}
		return e
	}
	voss := func(text string) summarize.Quote {
		return summarize.Quote{Text: text, Speaker: "Ellen Voss", Role: "mayor"}
	}
	clarke := summarize.Quote{Text: "The storm was lighter than we had feared it would be.", Speaker: "Ian Clarke", Role: "harbour master"}
	entries := []Entry{
		entry(1, 1, "Bridge", voss("We are on schedule and on budget for May.")),
		entry(2, 2, "Harbour", clarke),
		entry(3, 1, "Bridge updated", voss("We are on schedule, on budget and proud of the crews for May."), voss("Short one.")),
		entry(4, 3, "Budget", voss("The budget for next year protects every library in the city.")),
	}
	p := Period{From: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)}
	m := DigestMessage(entries, p)
	want := `Digest for Mon 2 Nov 2026: 3 briefings

3 new briefings since Sun 1 Nov 08:00.

Articles
- Bridge updated: About Bridge updated. (/brief 1)
- Harbour: About Harbour. (/brief 2)
- Budget: About Budget. (/brief 3)

Ellen Voss, mayor (in 2 articles)
- Ellen Voss said things about Bridge updated
- Ellen Voss said things about Budget

Ian Clarke, harbour master
- Ian Clarke said things about Harbour

Strongest quotes
- “We are on schedule, on budget and proud of the crews for May.” — Ellen Voss, mayor (Bridge updated)
- “The storm was lighter than we had feared it would be.” — Ian Clarke, harbour master (Harbour)`
	if diff := cmp.Diff(want, m.Text); diff != "" {
		t.Errorf("DigestMessage text (-want +got):\n%s", diff)
	}
	empty := DigestMessage(nil, p)
	if empty.Text != "Digest for Mon 2 Nov 2026: nothing new since Sun 1 Nov 08:00." {
		t.Errorf("empty digest = %q", empty.Text)
	}
}

func TestChannelMatches(t *testing.T) {
	e := Entry{
		Briefing: summarize.Briefing{
			Title:  "Ministers meet on the bridge",
			Topics: []string{"Ukraine"},
			Quotes: []summarize.Quote{{Text: "The negotiations went well for European partners.", Speaker: "Ana Lind"}},
		},
		SourceKind: "file", SourceKey: "world/bridge.txt", SourceName: "bridge.txt",
	}
	feed := Entry{SourceKind: "feed", SourceKey: "https://example.com/rss.xml item-7", SourceName: "Example News"}
	tests := []struct {
		ch   Channel
		e    Entry
		want bool
	}{
		{Channel{}, e, true},
		{Channel{Topics: []string{"ukraine"}}, e, true},
		{Channel{Topics: []string{"negotiation"}}, e, true},
		{Channel{Topics: []string{"europe"}}, e, true},
		{Channel{Topics: []string{"eu"}}, e, false},
		{Channel{Topics: []string{"went well"}}, e, true},
		{Channel{Topics: []string{"tariffs", "bridge"}}, e, true},
		{Channel{Topics: []string{"tariffs"}}, e, false},
		{Channel{Sources: []string{"seeds"}}, e, true},
		{Channel{Sources: []string{"feeds"}}, e, false},
		{Channel{Sources: []string{"world"}}, e, true},
		{Channel{Sources: []string{"world/*.txt"}}, e, true},
		{Channel{Sources: []string{"sport"}}, e, false},
		{Channel{Sources: []string{"BRIDGE.txt"}}, e, true},
		{Channel{Sources: []string{"Example News"}}, feed, true},
		{Channel{Sources: []string{"https://example.com/rss.xml"}}, feed, true},
		{Channel{Sources: []string{"https://example.com/other.xml"}}, feed, false},
		{Channel{Topics: []string{"bridge"}, Sources: []string{"feeds"}}, e, false},
	}
	for _, tt := range tests {
		if got := tt.ch.Matches(tt.e); got != tt.want {
			t.Errorf("Channel{Topics: %q, Sources: %q}.Matches(%s) = %v; want %v", tt.ch.Topics, tt.ch.Sources, tt.e.SourceKey, got, tt.want)
		}
	}
}

func TestBriefingMessageThreadsManyQuotes(t *testing.T) {
	for _, n := range []int{3, 4} {
		e := Entry{ArticleID: 7, Source: "harbour.txt", Briefing: summarize.Briefing{Title: "Harbour reopens"}}
		for range n {
			e.Briefing.Quotes = append(e.Briefing.Quotes, summarize.Quote{Text: "We are open.", Speaker: "Ian Clarke"})
		}
		m := BriefingMessage(e)
		last := m.Sections[len(m.Sections)-1]
		if last.Heading != "Quotes" || len(last.Lines) != n || last.Thread != (n > 3) {
			t.Errorf("BriefingMessage with %d quotes: last section %q, %d lines, Thread %v; want Quotes, %d, %v", n, last.Heading, len(last.Lines), last.Thread, n, n > 3)
		}
		if m.Footer != "Source: harbour.txt · /brief 7" || !strings.HasPrefix(m.Text, "Harbour reopens\n") {
			t.Errorf("BriefingMessage footer %q, text %q", m.Footer, m.Text)
		}
	}
}

// TestBriefingMessageCreditsByline: who wrote the article is named on the
// post's source line, in its text and its footer.
func TestBriefingMessageCreditsByline(t *testing.T) {
	e := Entry{ArticleID: 7, Source: "The Coastal Gazette", Byline: "Ana Tremaine", Briefing: summarize.Briefing{Title: "Harbour reopens"}}
	m := BriefingMessage(e)
	if want := "Source: The Coastal Gazette, by Ana Tremaine · /brief 7"; m.Footer != want {
		t.Errorf("footer = %q; want %q", m.Footer, want)
	}
	if want := "\nSource: The Coastal Gazette, by Ana Tremaine"; !strings.HasSuffix(m.Text, want) {
		t.Errorf("text = %q; want it to end %q", m.Text, want)
	}
	for _, tt := range []struct{ source, byline, want string }{
		{"harbour.txt", "", "harbour.txt"},
		{"", "Ana Tremaine", "by Ana Tremaine"},
		{" The Coastal Gazette ", " Ana Tremaine ", "The Coastal Gazette, by Ana Tremaine"},
		{"", "", ""},
	} {
		if got := Credit(tt.source, tt.byline); got != tt.want {
			t.Errorf("Credit(%q, %q) = %q; want %q", tt.source, tt.byline, got, tt.want)
		}
	}
}

// TestBriefingMessageUpdated: an edited article's new briefing says it is
// an update of one posted before.
func TestBriefingMessageUpdated(t *testing.T) {
	e := Entry{ArticleID: 4, Version: 2, Source: "harbour.txt", Briefing: summarize.Briefing{Title: "Harbour reopens"}}
	m := BriefingMessage(e)
	if m.Title != "Updated: Harbour reopens" || !strings.HasPrefix(m.Text, "Updated: Harbour reopens\n") || m.Footer != "Source: harbour.txt · version 2 · /brief 4" {
		t.Errorf("BriefingMessage of version 2 = title %q, text %q, footer %q", m.Title, m.Text, m.Footer)
	}
	e.Version = 1
	if m := BriefingMessage(e); m.Title != "Harbour reopens" || strings.Contains(m.Footer, "version") {
		t.Errorf("BriefingMessage of version 1 = title %q, footer %q; want no update marks", m.Title, m.Footer)
	}
}

// TestDigestCatchUpWaitsForIngest makes a digest missed while the bot was
// down only once the start-up ingest is done, so that it covers the
// articles that arrived meanwhile.
func TestDigestCatchUpWaitsForIngest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clock := newJumpClock(time.Date(2026, 11, 2, 7, 59, 0, 0, time.UTC))
		ch := digestChannel(t, "* * * * *", "")
		st := newMemStore()
		p := &recordingPoster{now: clock.Now}
		d := &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now}
		runUntil(t, d, clock, time.Date(2026, 11, 2, 8, 0, 30, 0, time.UTC))
		// Down for 20 s over a slot; two articles were added to the folder.
		clock.set(time.Date(2026, 11, 2, 8, 1, 10, 0, time.UTC))
		ready := make(chan struct{})
		d = &Dispatcher{Store: st, Posters: map[string]Poster{"console": p}, Channels: []Channel{ch}, Now: clock.Now, CatchUp: ready}
		r := start(t, d)
		time.Sleep(time.Second) // the folder is being read
		synctest.Wait()
		before := len(p.got())
		st.add("Harbour reopens", "Ian Clarke", "The storm was lighter than we feared.", clock.Now())
		st.add("Bridge on schedule", "Ellen Voss", "We are on schedule for May.", clock.Now())
		close(ready)
		synctest.Wait()
		r.stop()
		got := p.got()
		if before != 1 || len(got) != 2 {
			t.Fatalf("%d digests before the folder was read, %d after; want 1 (the 08:00 one), then the catch-up", before, len(got))
		}
		if !strings.Contains(got[1].Text, "Harbour reopens") || !strings.Contains(got[1].Text, "Bridge on schedule") {
			t.Errorf("catch-up digest lacks the articles that came while the bot was down:\n%s", got[1].Text)
		}
	})
}

// TestDigestSamePositionTwice shows a position two articles report once,
// leaving room for the speaker's next one.
func TestDigestSamePositionTwice(t *testing.T) {
	entry := func(id int64, title string, positions ...string) Entry {
		b := summarize.Briefing{Title: title, Lede: "Lede of " + title + ".",
			Actors: []summarize.Actor{{Name: "Nora Walsh", Role: "harbour master", Kind: summarize.Person}}}
		for _, p := range positions {
			b.Positions = append(b.Positions, summarize.Position{Actor: "Nora Walsh", Text: p})
		}
		return Entry{VersionID: id, ArticleID: id, Version: 1, Briefing: b, Source: title}
	}
	same := "the harbour cable needs replacing this spring"
	m := DigestMessage([]Entry{
		entry(1, "Harbour cable", same),
		entry(2, "Harbour cable again", same),
		entry(3, "Harbour budget", "the works will cost four million euros"),
	}, Period{To: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)})
	if n := strings.Count(m.Text, same); n != 1 {
		t.Errorf("digest shows %q %d times; want once:\n%s", same, n, m.Text)
	}
	if !strings.Contains(m.Text, "four million euros") {
		t.Errorf("digest lacks the speaker's other position:\n%s", m.Text)
	}
}
