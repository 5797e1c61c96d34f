package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// memStore is an in-memory Store. It outlives a Dispatcher, as the
// database outlives the process, so tests restart by making a new
// Dispatcher over the same memStore.
type memStore struct {
	mu         sync.Mutex
	entries    []Entry
	states     map[string]ChannelState
	deliveries []Delivery
	// down makes every call fail, as a killed process writes nothing more.
	down bool
	// sincePanics makes the next calls to Since panic.
	sincePanics int
	// updates are the states Update stored, in order.
	updates []DeliveryState
}

var _ Store = (*memStore)(nil)

func newMemStore() *memStore { return &memStore{states: make(map[string]ChannelState)} }

var errDown = errors.New("store is down")

// add archives a briefing with one quote, as Save would.
func (s *memStore) add(title, speaker, quote string, archived time.Time) Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := int64(len(s.entries) + 1)
	e := Entry{
		VersionID: id, ArticleID: id, Version: 1,
		Briefing: summarize.Briefing{
			Title:  title,
			Lede:   "Lede of " + title + ".",
			Actors: []summarize.Actor{{Name: speaker, Role: "minister", Kind: summarize.Person}},
			Quotes: []summarize.Quote{{Text: quote, Speaker: speaker, Role: "minister"}},
		},
		Source: title + ".txt", SourceKind: "file", SourceKey: title + ".txt", SourceName: title + ".txt",
		Archived: archived,
	}
	s.entries = append(s.entries, e)
	return e
}

func (s *memStore) check(ctx context.Context) error {
	if s.down {
		return errDown
	}
	return ctx.Err()
}

func (s *memStore) Since(ctx context.Context, after int64, limit int) ([]Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sincePanics > 0 {
		s.sincePanics--
		panic("since: injected panic")
	}
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	var out []Entry
	for _, e := range s.entries {
		if e.VersionID > after && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *memStore) State(ctx context.Context, channel string) (ChannelState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return ChannelState{}, err
	}
	st, ok := s.states[channel]
	if !ok {
		n := int64(len(s.entries))
		st = ChannelState{Immediate: n, Digest: n}
		s.states[channel] = st
	}
	return st, nil
}

func (s *memStore) Commit(ctx context.Context, channel string, old, new ChannelState, ds []Delivery) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	if cur := s.states[channel]; cur.Immediate != old.Immediate || cur.Digest != old.Digest ||
		!cur.Slot.Equal(old.Slot) || !cur.DigestAt.Equal(old.DigestAt) {
		return ErrConflict
	}
	s.states[channel] = new
	for _, d := range ds {
		if slices.ContainsFunc(s.deliveries, func(x Delivery) bool { return x.Channel == channel && x.Key == d.Key }) {
			continue
		}
		d.ID = int64(len(s.deliveries) + 1)
		d.Channel = channel
		d.State = Pending
		s.deliveries = append(s.deliveries, d)
	}
	return nil
}

func (s *memStore) Next(ctx context.Context, channel string) (Delivery, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return Delivery{}, false, err
	}
	for _, d := range s.deliveries {
		if d.Channel == channel && (d.State == Pending || d.State == Sending) {
			return d, true, nil
		}
	}
	return Delivery{}, false, nil
}

func (s *memStore) Update(ctx context.Context, d Delivery) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	i := int(d.ID - 1)
	if i < 0 || i >= len(s.deliveries) {
		return fmt.Errorf("no delivery %d", d.ID)
	}
	if s.deliveries[i].State == Sent {
		return fmt.Errorf("delivery %d was sent already", d.ID)
	}
	d.Parts = slices.Clone(d.Parts)
	s.deliveries[i] = d
	s.updates = append(s.updates, d.State)
	return nil
}

func (s *memStore) Counts(ctx context.Context, channel string) (map[DeliveryState]int, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	counts := make(map[DeliveryState]int)
	last := ""
	for _, d := range s.deliveries {
		if d.Channel == channel {
			counts[d.State]++
			if d.State == Failed {
				last = d.LastError
			}
		}
	}
	return counts, last, nil
}

func (s *memStore) setDown(down bool) {
	s.mu.Lock()
	s.down = down
	s.mu.Unlock()
}

// post is one message a recordingPoster accepted.
type post struct {
	At      time.Time
	Channel string
	Key     string
	Part    int
	Thread  string
	Title   string
	Text    string
}

// recordingPoster is a fake platform. Each call to Post first runs the
// next fault, if any: a fault returning an error fails the post without
// accepting it, unless accept is set.
type recordingPoster struct {
	now func() time.Time
	// parts is how many parts each message is; 0 means 1.
	parts  int
	finds  int // calls to findingPoster.Find
	mu     sync.Mutex
	posts  []post
	faults []fault
	calls  int
}

type fault struct {
	err    error
	hang   bool // until the caller gives up: a timeout (after accepting, with accept)
	accept bool // accept the post, then fail: a reply lost on the way back
	then   func()
	// latency delays the answer, whatever it is.
	latency time.Duration
}

func (p *recordingPoster) Parts(Message) int { return max(p.parts, 1) }

func (p *recordingPoster) Post(ctx context.Context, channelID string, m Message, part Part) (string, error) {
	p.mu.Lock()
	p.calls++
	var f fault
	if len(p.faults) > 0 {
		f, p.faults = p.faults[0], p.faults[1:]
	}
	p.mu.Unlock()
	if f.latency > 0 {
		select {
		case <-ctx.Done(): // the caller gave up: the request is cancelled
			return "", ctx.Err()
		case <-time.After(f.latency):
		}
	}
	if f.hang && !f.accept {
		<-ctx.Done()
		return "", ctx.Err()
	}
	if f.err != nil && !f.accept {
		return "", f.err
	}
	p.mu.Lock()
	p.posts = append(p.posts, post{At: p.now(), Channel: channelID, Key: part.Key, Part: part.Index, Thread: part.Thread, Title: m.Title, Text: m.Text})
	id := fmt.Sprintf("m%d", len(p.posts))
	p.mu.Unlock()
	if f.then != nil {
		f.then()
	}
	if f.hang {
		<-ctx.Done()
		return "", ctx.Err()
	}
	return id, f.err
}

// localPoster is a recordingPoster that is Local, as the terminal is.
type localPoster struct{ *recordingPoster }

func (localPoster) Local() {}

var _ Local = localPoster{}

// findingPoster is a recordingPoster that can look up what it accepted,
// as the Slack and Discord posters look in a channel's history.
type findingPoster struct{ *recordingPoster }

var _ Finder = findingPoster{}

func (p findingPoster) Find(ctx context.Context, channelID string, m Message, part Part, since time.Time) (string, bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finds++
	for i, x := range p.posts {
		if x.Channel == channelID && x.Key == part.Key && x.Part == part.Index && !x.At.Before(since) {
			return fmt.Sprintf("m%d", i+1), true, nil
		}
	}
	return "", false, nil
}

func (p *recordingPoster) got() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.posts)
}

func (p *recordingPoster) titles() []string {
	var out []string
	for _, x := range p.got() {
		out = append(out, x.Title)
	}
	return out
}
