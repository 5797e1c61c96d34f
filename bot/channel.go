package bot

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
)

// Channel is a place briefings are posted: a terminal, a Slack channel, a
// Discord channel.
type Channel struct {
	Platform string // "console", "slack" or "discord": which Poster posts
	ID       string // the platform's id for the channel
	// Immediate channels get each new briefing as it is archived.
	Immediate bool
	// Digest channels get a digest when Schedule is due.
	Digest   bool
	Schedule Schedule
	// Topics and Sources, when set, keep only the briefings that match one
	// of them; see Matches.
	Topics, Sources []string
	// SkipEmpty leaves out a scheduled digest of an empty period instead of
	// posting a one-line "nothing new".
	SkipEmpty bool
	// Pace is the least time between two posts, so that a backlog is posted
	// at the platform's pace rather than in a burst.
	Pace time.Duration
}

// Key names the channel across platforms: "console:terminal".
func (c Channel) Key() string { return c.Platform + ":" + c.ID }

// location is where the channel's digests are dated.
func (c Channel) location() *time.Location {
	if c.Digest {
		return c.Schedule.Location()
	}
	return time.UTC
}

// Matches reports whether e passes the channel's filters: its topics and
// its sources, each when set.
//
// A topic matches a briefing that lists it among its topics, or whose
// title, lede, actors, quotes or positions contain it as words, a word
// allowed a short ending ("negotiation" finds "negotiations", "europe"
// finds "European"). A source matches by kind ("seeds" for files, "feeds"
// for feed items), by the feed's or file's name, by the feed's URL, or by a
// path under the seeds folder: a folder ("world" matches "world/nato.txt")
// or a glob ("world/*.txt").
func (c Channel) Matches(e Entry) bool {
	return (len(c.Topics) == 0 || matchesTopic(c.Topics, e)) &&
		(len(c.Sources) == 0 || matchesSource(c.Sources, e))
}

func matchesTopic(topics []string, e Entry) bool {
	b := e.Briefing
	texts := []string{b.Title, b.Lede}
	for _, a := range b.Actors {
		texts = append(texts, a.Name, a.Role)
	}
	for _, q := range b.Quotes {
		texts = append(texts, q.Text)
	}
	for _, p := range b.Positions {
		texts = append(texts, p.Text)
	}
	var words [][]string
	for _, t := range texts {
		words = append(words, wordsOf(t))
	}
	for _, topic := range topics {
		for _, t := range b.Topics {
			if strings.EqualFold(strings.TrimSpace(topic), t) {
				return true
			}
		}
		want := wordsOf(topic)
		if len(want) == 0 {
			continue
		}
		for _, ws := range words {
			if containsWords(ws, want) {
				return true
			}
		}
	}
	return false
}

// wordsOf splits s into lower-case words of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// containsWords reports whether want occurs in ws as consecutive words, the
// last of which may carry an ending of up to three letters.
func containsWords(ws, want []string) bool {
	for i := 0; i+len(want) <= len(ws); i++ {
		ok := true
		for j, w := range want {
			got := ws[i+j]
			if got == w {
				continue
			}
			if j == len(want)-1 && strings.HasPrefix(got, w) && len(got)-len(w) <= 3 && len(w) >= 4 {
				continue
			}
			ok = false
			break
		}
		if ok {
			return true
		}
	}
	return false
}

func matchesSource(sources []string, e Entry) bool {
	feedURL, _, _ := strings.Cut(e.SourceKey, " ")
	for _, s := range sources {
		s = strings.TrimSpace(s)
		switch {
		case strings.EqualFold(s, "seeds") && e.SourceKind == "file",
			strings.EqualFold(s, "feeds") && e.SourceKind == "feed",
			strings.EqualFold(s, e.SourceName):
			return true
		case e.SourceKind == "feed" && s == feedURL:
			return true
		case e.SourceKind == "file":
			dir := strings.TrimSuffix(s, "/")
			if strings.HasPrefix(e.SourceKey, dir+"/") {
				return true
			}
			if ok, _ := path.Match(s, e.SourceKey); ok {
				return true
			}
		}
	}
	return false
}

// Poster posts messages to one platform, a part at a time: a message too
// long for one platform message (a Slack thread of quotes, a Discord
// briefing over 6,000 characters) is several parts, and each part is a
// step of its delivery in the outbox, retried on its own, so that a part
// that fails is neither lost nor a reason to post the parts before it
// again.
type Poster interface {
	// Parts returns how many platform messages m is posted as, at least
	// one. The same message always gives the same number.
	Parts(m Message) int
	// Post posts part p.Index of m to the channel with the platform's id
	// channelID and returns the platform's id for what it posted. An error
	// is retried unless it is Permanent; a *RateLimitError is retried when
	// it says.
	Post(ctx context.Context, channelID string, m Message, p Part) (string, error)
}

// Part names one platform message of a delivery.
type Part struct {
	// Key is the same on every attempt to post the same part and differs
	// between deliveries, channels' deliveries of the same briefing and
	// archives: the archive's install id, the delivery's key and the part's
	// index. Platforms carry it in what they post (a Slack message's
	// metadata, a Discord nonce), so that a post whose answer was lost can
	// be found.
	Key string
	// Index is 0 for the message itself, 1 and on for its continuation.
	Index int
	// Thread is the platform's id for part 0, once it is posted: the
	// message later parts reply to.
	Thread string
}

// Finder is a Poster that can tell whether a part it may have posted is on
// the platform. An attempt whose answer never came (a timeout, a dropped
// connection, a crash or a shutdown in the middle) may have posted; the
// dispatcher asks Find before posting that part again, so that it is not
// posted twice.
type Finder interface {
	// Find looks for part p of m in the channel, posted at since or after,
	// and returns its platform id and true when it is there.
	Find(ctx context.Context, channelID string, m Message, p Part, since time.Time) (string, bool, error)
}

// Local is a Poster that always knows what its Post did, as a write to a
// terminal does: nil means posted, an error means not posted, and there is
// no answer to lose on the way back. Its parts are not marked Sending
// before they are posted, so that a post costs the outbox one write, not
// two: the mark is there for the look-up after a lost answer, which a
// Local poster never needs. Only a crash between a post and its record
// leaves the outcome unknown, and then the part is posted again on the
// next start, as it is for any Poster that is not a Finder, without the
// warning the mark would have given.
type Local interface {
	Poster
	// Local is a marker: it does nothing.
	Local()
}

// RateLimitError is a platform's "slow down": try again after RetryAfter.
type RateLimitError struct {
	RetryAfter time.Duration
	Err        error // the platform's own error, if any
}

func (e *RateLimitError) Error() string {
	msg := fmt.Sprintf("rate limited: retry after %s", e.RetryAfter)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *RateLimitError) Unwrap() error { return e.Err }

// Permanent marks err as one that retrying cannot mend, such as a channel
// that is gone or a missing permission.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// IsPermanent reports whether err, or an error it wraps, was marked
// Permanent.
func IsPermanent(err error) bool {
	_, ok := errors.AsType[*permanentError](err)
	return ok
}
