package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/briefbot/briefbot/internal/logs"
)

// Outcomes of a delivery attempt, as Dispatcher.Observe reports them.
const (
	OutcomeSent        = "sent"
	OutcomeRetry       = "retry"        // a transient failure, retried after a backoff
	OutcomeRateLimited = "rate_limited" // the platform said slow down; retried when it said
	OutcomeFailed      = "failed"       // a permanent failure, not retried
	OutcomeResent      = "resent"       // an attempt interrupted by a crash, sent again
	OutcomeFound       = "found"        // a post whose answer was lost, found on the platform
)

// Dispatcher posts briefings and digests to channels through a persisted
// outbox, so that nothing is lost and nothing is posted twice across
// failures and restarts.
//
// Every post is first recorded as due, together with the channel's cursor
// into the archive, in one transaction. Each of its parts (a Slack thread
// reply, a Discord message after the first) is a step of its delivery:
// marked Sending before the platform is called and recorded, with the
// platform's id, after; the delivery is Sent when its last part is. On
// start, whatever was due and not sent is sent. A part whose outcome is not
// known (the answer was lost, or a crash or kill came between the platform
// and the outbox) is looked up on the platform before it is posted again,
// when the poster is a Finder; with one that is not, it is posted again and
// logged as a possible repeat.
type Dispatcher struct {
	Store    Store
	Posters  map[string]Poster // by platform
	Channels []Channel
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	Log *slog.Logger
	// Observe, when set, is told the outcome of every delivery attempt.
	Observe func(channel, outcome string)
	// Jitter returns a number in [0, 1) to spread retries; nil means
	// math/rand/v2.
	Jitter func() float64
	// PostTimeout bounds one attempt to post a part or look one up; 0
	// means 30 seconds. An attempt under way when Run's ctx is done is
	// given this long to finish, so that stopping does not cut a post off
	// half-way.
	PostTimeout time.Duration
	// MaxBackoff caps the wait between retries; 0 means 5 minutes.
	MaxBackoff time.Duration
	// Poll is how often the dispatcher looks for work it was not told
	// of: briefings another replica archived, and channels another
	// replica posted to and stopped (the Store leaves a channel to the
	// replica that holds it). 0 means never: one process, which is told
	// of everything, needs no polling.
	Poll time.Duration
	// CatchUp, when set, is closed once what arrived while the bot was
	// down has been archived (the start-up scan of the seeds folder, the
	// feeds' first polls): a digest missed while the bot was down waits
	// for it, so that it covers those articles instead of saying "nothing
	// new".
	CatchUp <-chan struct{}
	// Install is the archive's install id (store.DB.InstallID), part of
	// every Part.Key: two archives posting to the same channel, or one
	// archive made again, never give the same key to different posts.
	Install string
	// WebURL, when set, is where readers reach the web archive: each
	// digest links to its page there (DigestURL), as briefings link to
	// their articles' pages.
	WebURL string

	once    sync.Once
	notify  chan struct{}
	wake    map[string]chan struct{}
	mu      sync.Mutex
	posting map[string]bool // channels with an attempt in flight
}

func (d *Dispatcher) init() {
	d.once.Do(func() {
		d.notify = make(chan struct{}, 1)
		d.wake = make(map[string]chan struct{})
		d.posting = make(map[string]bool)
		for _, ch := range d.Channels {
			d.wake[ch.Key()] = make(chan struct{}, 1)
		}
	})
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) log() *slog.Logger { return logs.Or(d.Log) }

func (d *Dispatcher) observe(channel, outcome string) {
	if d.Observe != nil {
		d.Observe(channel, outcome)
	}
}

// Open records every channel in the store, so that a new channel's
// cursors start at what the archive holds now: call it before archiving
// anything that the channels should get.
func (d *Dispatcher) Open(ctx context.Context) error {
	d.init()
	for _, ch := range d.Channels {
		if d.Posters[ch.Platform] == nil {
			return fmt.Errorf("channel %s: no poster for platform %q", ch.Key(), ch.Platform)
		}
		if _, err := d.Store.State(ctx, ch.Key()); err != nil {
			return fmt.Errorf("opening channel %s: %w", ch.Key(), err)
		}
	}
	return nil
}

// Notify tells the dispatcher that the archive has new briefings. It does
// not block.
func (d *Dispatcher) Notify() {
	d.init()
	select {
	case d.notify <- struct{}{}:
	default:
	}
}

func (d *Dispatcher) wakeWorker(key string) {
	select {
	case d.wake[key] <- struct{}{}:
	default:
	}
}

// Run posts until ctx is done: each channel's deliveries in order and at
// its pace, new briefings to immediate channels, and digests when their
// schedules are due, with a digest missed while the bot was down made once
// on start.
func (d *Dispatcher) Run(ctx context.Context) error {
	if err := d.Open(ctx); err != nil {
		if ctx.Err() != nil {
			return nil // ended before the channels were open: nothing to post
		}
		return err
	}
	var wg sync.WaitGroup
	for _, ch := range d.Channels {
		wg.Go(func() { d.deliver(ctx, ch) })
		if ch.Digest {
			wg.Go(func() { d.schedule(ctx, ch) })
		}
	}
	wg.Go(func() {
		for {
			d.queueImmediate(ctx)
			select {
			case <-ctx.Done():
				return
			case <-d.notify:
			case <-d.pollTick():
			}
		}
	})
	wg.Wait()
	return nil
}

// queueImmediate queues the briefings archived since each immediate
// channel's cursor.
func (d *Dispatcher) queueImmediate(ctx context.Context) {
	for _, ch := range d.Channels {
		if !ch.Immediate {
			continue
		}
		if err := d.queueBriefings(ctx, ch); err != nil && ctx.Err() == nil {
			d.log().ErrorContext(ctx, "queueing briefings failed", "channel", ch.Key(), "err", err)
		}
	}
}

// batch is how many entries are read from the archive at a time.
const batch = 100

func (d *Dispatcher) queueBriefings(ctx context.Context, ch Channel) error {
	key := ch.Key()
	for {
		st, err := d.Store.State(ctx, key)
		if err != nil {
			return err
		}
		entries, err := d.Store.Since(ctx, st.Immediate, batch)
		if err != nil || len(entries) == 0 {
			return err
		}
		var ds []Delivery
		for _, e := range entries {
			if ch.Matches(e) {
				ds = append(ds, Delivery{
					Channel: key,
					Key:     "briefing:" + strconv.FormatInt(e.VersionID, 10),
					Message: BriefingMessage(e),
					Version: e.VersionID,
				})
			}
		}
		next := st
		next.Immediate = entries[len(entries)-1].VersionID
		switch err := d.Store.Commit(ctx, key, st, next, ds); {
		case errors.Is(err, ErrConflict):
			continue
		case err != nil:
			return err
		}
		if len(ds) > 0 {
			d.wakeWorker(key)
		}
	}
}

// schedule makes ch's digests, each when it is due. One missed while the
// bot was down (or the machine asleep) is made up once, however many were
// missed, as soon as it can be.
func (d *Dispatcher) schedule(ctx context.Context, ch Channel) {
	key := ch.Key()
	from, err := d.startSchedule(ctx, key)
	for err != nil {
		d.log().ErrorContext(ctx, "starting the schedule failed", "channel", key, "err", err)
		if !sleep(ctx, time.Minute) {
			return
		}
		from, err = d.startSchedule(ctx, key)
	}
	for {
		next := ch.Schedule.Next(from)
		if next.IsZero() {
			d.log().WarnContext(ctx, "schedule is never due again", "channel", key, "schedule", ch.Schedule.String())
			return
		}
		if now := d.now(); !next.After(now) {
			for t, i := ch.Schedule.Next(next), 0; !t.IsZero() && !t.After(now) && i < 1_000_000; t, i = ch.Schedule.Next(t), i+1 {
				next = t
			}
			if d.CatchUp != nil {
				select {
				case <-d.CatchUp:
				case <-ctx.Done():
					return
				}
			}
			d.log().InfoContext(ctx, "making up a digest missed while stopped", "channel", key, "due", next)
		}
		for wait := next.Sub(d.now()); wait > 0; wait = next.Sub(d.now()) {
			if !sleep(ctx, wait) {
				return
			}
		}
		d.runDigest(ctx, ch, next)
		from = next
	}
}

// startSchedule returns the time the channel's schedule runs from: its
// latest digest's slot, or now for a channel that has had none, which is
// recorded so that a digest missed from now on is made up.
func (d *Dispatcher) startSchedule(ctx context.Context, key string) (time.Time, error) {
	for {
		st, err := d.Store.State(ctx, key)
		if err != nil || !st.Slot.IsZero() {
			return st.Slot, err
		}
		next := st
		next.Slot = d.now()
		err = d.Store.Commit(ctx, key, st, next, nil)
		if !errors.Is(err, ErrConflict) {
			return next.Slot, err
		}
	}
}

// runDigest makes the digest due at slot, recovering from a panic so that
// the next one still happens.
func (d *Dispatcher) runDigest(ctx context.Context, ch Channel, slot time.Time) {
	defer func() {
		if r := recover(); r != nil {
			d.log().ErrorContext(ctx, "digest panicked", "channel", ch.Key(), "due", slot, "panic", r)
		}
	}()
	if _, err := d.digest(ctx, ch, slot); err != nil && ctx.Err() == nil {
		d.log().ErrorContext(ctx, "making digest failed", "channel", ch.Key(), "due", slot, "err", err)
	}
}

// maxDigestEntries bounds the briefings one digest reads; a longer backlog
// is covered by the digests after it.
const maxDigestEntries = 1000

// digest queues the digest of ch's briefings since its previous one and
// moves its cursor, and returns how many briefings it covers. A zero slot
// is a digest asked for now, by /digest; a scheduled slot already made is
// not made again.
func (d *Dispatcher) digest(ctx context.Context, ch Channel, slot time.Time) (int, error) {
	key := ch.Key()
	for {
		st, err := d.Store.State(ctx, key)
		if err != nil {
			return 0, err
		}
		if !slot.IsZero() && !st.Slot.IsZero() && !st.Slot.Before(slot) {
			return 0, nil // made already, before a restart
		}
		var entries []Entry
		last := st.Digest
		for len(entries) < maxDigestEntries {
			more, err := d.Store.Since(ctx, last, batch)
			if err != nil {
				return 0, err
			}
			if len(more) == 0 {
				break
			}
			last = more[len(more)-1].VersionID
			for _, e := range more {
				if ch.Matches(e) {
					entries = append(entries, e)
				}
			}
		}
		now := d.now()
		loc := ch.location()
		p := Period{To: now.In(loc)}
		if !st.DigestAt.IsZero() {
			p.From = st.DigestAt.In(loc)
		}
		next := st
		next.Digest = last
		next.DigestAt = now
		dkey := "digest:now:" + strconv.FormatInt(now.UnixNano(), 10)
		if !slot.IsZero() {
			next.Slot = slot
			dkey = "digest:" + strconv.FormatInt(slot.Unix(), 10)
		}
		var ds []Delivery
		if len(entries) > 0 || !ch.SkipEmpty || slot.IsZero() {
			m := DigestMessage(entries, p)
			if d.WebURL != "" {
				m = linked(m, DigestURL(d.WebURL, key, dkey))
			}
			ds = append(ds, Delivery{Channel: key, Key: dkey, Message: m})
		}
		switch err := d.Store.Commit(ctx, key, st, next, ds); {
		case errors.Is(err, ErrConflict):
			continue
		case err != nil:
			return 0, err
		}
		if len(ds) > 0 {
			d.wakeWorker(key)
		}
		return len(latestVersions(entries)), nil
	}
}

// DigestNow queues a digest for the channel named by key now, covering
// what came since its previous digest, and says so in a sentence for the
// reader who asked.
func (d *Dispatcher) DigestNow(ctx context.Context, key string) (string, error) {
	d.init()
	for _, ch := range d.Channels {
		if ch.Key() == key {
			n, err := d.digest(ctx, ch, time.Time{})
			if err != nil {
				return "", err
			}
			if n == 0 {
				return "Nothing new since the last digest; posting a note to say so.", nil
			}
			return fmt.Sprintf("Posting the digest of %d %s.", n, plural(n, "briefing", "briefings")), nil
		}
	}
	return "This channel is not configured for briefbot, so it has no digest.", nil
}

// deliver posts ch's deliveries in order until ctx is done.
func (d *Dispatcher) deliver(ctx context.Context, ch Channel) {
	key := ch.Key()
	poster := d.Posters[ch.Platform]
	var last time.Time // the latest attempt, for pacing
	for ctx.Err() == nil {
		del, ok, err := d.Store.Next(ctx, key)
		if err != nil {
			if ctx.Err() == nil {
				d.log().ErrorContext(ctx, "reading the outbox failed", "channel", key, "err", err)
				sleep(ctx, 5*time.Second)
			}
			continue
		}
		if !ok {
			select {
			case <-ctx.Done():
			case <-d.wake[key]:
			case <-d.pollTick():
			}
			continue
		}
		now := d.now()
		wait := del.Due.Sub(now)
		if !last.IsZero() {
			wait = max(wait, last.Add(ch.Pace).Sub(now))
		}
		if wait > 0 {
			sleep(ctx, wait)
			continue
		}
		last = d.attempt(ctx, ch, poster, del)
	}
}

// attempt makes one step of del: it posts its next part, or, when the
// outcome of the last attempt at that part is not known, looks for it on
// the platform first. It records the outcome and returns when it called
// the platform, for pacing.
//
// An attempt under way when ctx is done is finished, within PostTimeout,
// and recorded: stopping never leaves a post made and not recorded, except
// when the process is killed, which the next start's look-up mends.
func (d *Dispatcher) attempt(ctx context.Context, ch Channel, poster Poster, del Delivery) time.Time {
	total := max(poster.Parts(del.Message), 1)
	part := Part{Key: d.partKey(del), Index: len(del.Parts)}
	if part.Index > 0 {
		part.Thread = del.Parts[0]
	}
	log := d.log().With("channel", del.Channel, "delivery", del.Key)
	if total > 1 {
		log = log.With("part", part.Index+1, "parts", total)
	}
	if part.Index >= total {
		// The message renders to fewer parts than were posted (the
		// renderer changed between runs): what was posted is the post.
		del.State, del.SentAt, del.MessageID, del.LastError = Sent, d.now(), del.Parts[0], ""
		d.record(ctx, del, log)
		return time.Time{}
	}
	timeout := d.PostTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	// Not cancelled with ctx: a post in flight at shutdown is finished
	// within the platform's time, not cut off half-way.
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	d.setPosting(del.Channel, true)
	defer d.setPosting(del.Channel, false)

	if del.State == Sending {
		finder, ok := poster.(Finder)
		if !ok {
			log.WarnContext(ctx, "a post was interrupted before it was recorded as sent; sending it again, which may post it twice", "attempts", del.Attempts)
			d.observe(del.Channel, OutcomeResent)
		} else {
			since := del.Tried
			if since.IsZero() {
				since = del.Created
			}
			id, found, err := finder.Find(pctx, ch.ID, del.Message, part, since)
			switch {
			case err == nil && found:
				log.InfoContext(ctx, "a post whose answer was lost is on the platform; recorded, not posted again", "message", id)
				d.observe(del.Channel, OutcomeFound)
				d.posted(ctx, del, total, id, log)
				return d.now()
			case err == nil:
				log.InfoContext(ctx, "a post whose answer was lost is not on the platform; posting it")
			case IsPermanent(err):
				log.WarnContext(ctx, "cannot look up a post whose answer was lost; sending it again, which may post it twice", "err", err)
				d.observe(del.Channel, OutcomeResent)
			default:
				// Posting now could post twice: wait and look again.
				d.failed(ctx, del, total, part, fmt.Errorf("looking up a post whose answer was lost: %w", err), true, log)
				return d.now()
			}
		}
	}

	del.State = Sending
	del.Attempts++
	if del.Tried.IsZero() {
		del.Tried = d.now()
	}
	_, local := poster.(Local)
	if !local {
		if err := d.Store.Update(ctx, del); err != nil {
			if ctx.Err() == nil {
				log.ErrorContext(ctx, "recording an attempt failed", "err", err)
				sleep(ctx, 5*time.Second)
			}
			return time.Time{}
		}
	}
	id, err := poster.Post(pctx, ch.ID, del.Message, part)
	if err != nil {
		if local {
			del.State = Pending // not posted: a Local poster knows
		}
		d.failed(ctx, del, total, part, err, false, log)
		return d.now()
	}
	d.posted(ctx, del, total, id, log)
	return d.now()
}

// partKey is what identifies del's parts on a platform: unique to the
// archive (two archives posting to one channel do not share keys), the
// channel and the delivery.
func (d *Dispatcher) partKey(del Delivery) string {
	if d.Install == "" {
		return del.Key
	}
	return d.Install + "/" + del.Key
}

// posted records that del's current part is on the platform with the id
// id, and del as sent when that was its last part.
func (d *Dispatcher) posted(ctx context.Context, del Delivery, total int, id string, log *slog.Logger) {
	now := d.now()
	del.Parts = append(slices.Clone(del.Parts), id)
	del.Tried, del.Attempts, del.LastError = time.Time{}, 0, ""
	if len(del.Parts) < total {
		del.State, del.Due = Pending, now
		d.record(ctx, del, log)
		log.DebugContext(ctx, "posted part", "message", id)
		return
	}
	del.State, del.SentAt, del.MessageID = Sent, now, del.Parts[0]
	d.record(ctx, del, log)
	d.observe(del.Channel, OutcomeSent)
	log.DebugContext(ctx, "posted", "message", del.MessageID)
}

// failed records an attempt at del's current part that failed with err:
// a rate limit is waited for, a permanent failure ends the delivery, and
// anything else is retried after a backoff, and looked up first, since
// the platform may have posted it. lookup says the attempt was a look-up,
// which posts nothing whatever its outcome.
func (d *Dispatcher) failed(ctx context.Context, del Delivery, total int, part Part, err error, lookup bool, log *slog.Logger) {
	now := d.now()
	if total > 1 {
		err = fmt.Errorf("part %d of %d: %w", part.Index+1, total, err)
	}
	var rl *RateLimitError
	switch {
	case errors.As(err, &rl):
		// The platform refused the request, so a post was not made; a
		// refused look-up leaves the outcome of the post before unknown.
		if !lookup {
			del.State = Pending
		}
		del.Due = now.Add(max(rl.RetryAfter, time.Second))
		d.observe(del.Channel, OutcomeRateLimited)
		log.InfoContext(ctx, "platform asked to slow down", "retry_after", rl.RetryAfter)
	case IsPermanent(err):
		del.State = Failed
		d.observe(del.Channel, OutcomeFailed)
		log.ErrorContext(ctx, "delivery failed for good", "err", err)
	default:
		// Sending stays, as the outcome is not known, unless the
		// attempt knows it was not posted (a Local poster's).
		del.Due = now.Add(d.backoff(max(del.Attempts, 1)))
		d.observe(del.Channel, OutcomeRetry)
		log.WarnContext(ctx, "delivery failed; will retry", "attempts", del.Attempts, "retry_at", del.Due, "err", err)
	}
	del.LastError = err.Error()
	d.record(ctx, del, log)
}

// record stores del after an attempt, trying until it is stored or a
// while after the dispatcher stops: once the platform has a part, posting
// it again is what must not happen.
func (d *Dispatcher) record(ctx context.Context, del Delivery, log *slog.Logger) {
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 5*time.Second) {
		err := d.Store.Update(mctx, del)
		if err == nil {
			return
		}
		log.ErrorContext(ctx, "recording a delivery's progress failed", "state", del.State, "parts", len(del.Parts), "err", err)
		if ctx.Err() != nil || !sleep(mctx, wait) {
			return
		}
	}
}

// backoff is the wait before retry number attempts: exponential from a
// second, capped, with jitter so that channels do not retry in step.
func (d *Dispatcher) backoff(attempts int) time.Duration {
	limit := d.MaxBackoff
	if limit <= 0 {
		limit = 5 * time.Minute
	}
	wait := time.Second << min(max(attempts-1, 0), 20)
	wait = min(wait, limit)
	j := rand.Float64
	if d.Jitter != nil {
		j = d.Jitter
	}
	// Between half and all of the wait.
	return wait/2 + time.Duration(j()*float64(wait/2))
}

func (d *Dispatcher) setPosting(key string, on bool) {
	d.mu.Lock()
	d.posting[key] = on
	d.mu.Unlock()
}

// Flush queues what is new and waits until every channel has posted all
// that is due, or ctx is done. The terminal bot calls it before it exits,
// so that what it briefed is printed.
func (d *Dispatcher) Flush(ctx context.Context) error {
	d.init()
	d.queueImmediate(ctx)
	for {
		busy := false
		now := d.now()
		for _, ch := range d.Channels {
			del, ok, err := d.Store.Next(ctx, ch.Key())
			if err != nil {
				return err
			}
			d.mu.Lock()
			posting := d.posting[ch.Key()]
			d.mu.Unlock()
			if posting || ok && !del.Due.After(now) && del.State != Failed {
				busy = true
				d.wakeWorker(ch.Key())
			}
		}
		if !busy {
			return nil
		}
		if !sleep(ctx, 10*time.Millisecond) {
			return ctx.Err()
		}
	}
}

// Status is a channel's state for /sources and health checks.
type Status struct {
	Channel    string    `json:"channel"`
	Mode       string    `json:"mode"` // "immediate", "digest" or "both"
	Schedule   string    `json:"schedule,omitempty"`
	NextDigest time.Time `json:"next_digest,omitzero"`
	LastDigest time.Time `json:"last_digest,omitzero"`
	Pending    int       `json:"pending"`
	Sent       int       `json:"sent"`
	Failed     int       `json:"failed"`
	LastError  string    `json:"last_error,omitempty"` // of the latest failed delivery
}

// Status reports each channel's state.
func (d *Dispatcher) Status(ctx context.Context) ([]Status, error) {
	var out []Status
	for _, ch := range d.Channels {
		s := Status{Channel: ch.Key(), Mode: "immediate"}
		switch {
		case ch.Digest && ch.Immediate:
			s.Mode = "both"
		case ch.Digest:
			s.Mode = "digest"
		}
		st, err := d.Store.State(ctx, ch.Key())
		if err != nil {
			return nil, err
		}
		s.LastDigest = st.DigestAt
		if ch.Digest {
			s.Schedule = ch.Schedule.String()
			s.NextDigest = ch.Schedule.Next(later(d.now(), st.Slot))
		}
		counts, lastErr, err := d.Store.Counts(ctx, ch.Key())
		if err != nil {
			return nil, err
		}
		s.Pending = counts[Pending] + counts[Sending]
		s.Sent, s.Failed, s.LastError = counts[Sent], counts[Failed], lastErr
		out = append(out, s)
	}
	return out, nil
}

// pollTick fires after Poll, or never when Poll is 0.
func (d *Dispatcher) pollTick() <-chan time.Time {
	if d.Poll <= 0 {
		return nil
	}
	return time.After(d.Poll)
}

// sleep waits for d or until ctx is done, and reports whether it waited
// the whole time.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
