package bot

import (
	"context"
	"errors"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// Entry is one archived briefing as the channels read it: a version of an
// article, with where it came from.
type Entry struct {
	// VersionID grows with every briefing archived, in the order they were
	// archived; the channels' cursors are VersionIDs.
	VersionID int64
	ArticleID int64
	// Version is 1 for an article's first text, 2 after its first edit.
	Version  int
	Briefing summarize.Briefing
	// Source is what the briefing's "Source:" line shows: the outlet, the
	// file name or the item's link.
	Source string
	// Byline is who wrote the article, or "".
	Byline string
	URL    string
	// SourceKind is "file" or "feed"; SourceKey is the path under the seeds
	// folder ("world/nato.txt") or, for a feed item, the feed's URL, a space
	// and the item's identity; SourceName is the file name or the feed's
	// name.
	SourceKind, SourceKey, SourceName string
	Published                         time.Time
	Archived                          time.Time
	// Link is the article's page in the web archive, or "" when the
	// archive has no address for readers.
	Link string
}

// ChannelState is what is remembered about a channel between runs: how far
// through the archive its posts and digests have got.
type ChannelState struct {
	// Immediate is the last VersionID considered for immediate posts.
	Immediate int64
	// Digest is the last VersionID covered by a digest.
	Digest int64
	// Slot is the scheduled time of the latest digest made (sent or, when
	// the period was empty and the channel is quiet, skipped); zero before
	// the first.
	Slot time.Time
	// DigestAt is when the latest digest was made, on schedule or by
	// /digest; zero before the first.
	DigestAt time.Time
}

// DeliveryState is where a delivery stands.
type DeliveryState string

const (
	// Pending deliveries wait for their Due time.
	Pending DeliveryState = "pending"
	// Sending marks an attempt whose outcome is not known: one under way,
	// one interrupted between the platform and the outbox by a crash or a
	// shutdown, or one whose answer was lost (a timeout, a dropped
	// connection). Its current part may have been posted already, so it is
	// looked up before it is posted again.
	Sending DeliveryState = "sending"
	// Sent deliveries are never sent again.
	Sent DeliveryState = "sent"
	// Failed deliveries met a permanent error and are not retried.
	Failed DeliveryState = "failed"
)

// Delivery is one message due to one channel: a record in the outbox.
type Delivery struct {
	ID      int64  // assigned by the store, in the order deliveries were added
	Channel string // Channel.Key()
	// Key identifies what is delivered within the channel, such as
	// "briefing:42" or "digest:1764230400": the store keeps one delivery a
	// key, so a briefing or a digest is never queued twice.
	Key     string
	Message Message
	// Version, when not zero, is the archived version whose briefing
	// Message is, as BriefingMessage makes it from the version's Entry: a
	// store may keep only Version and make Message again when it returns
	// the delivery.
	Version int64
	State   DeliveryState
	// Attempts counts the attempts at the current part, including one in
	// progress; it starts again at 0 for each part.
	Attempts int
	// Due is when the next attempt may be made.
	Due       time.Time
	Created   time.Time
	SentAt    time.Time
	MessageID string // the platform's id for the posted message (its first part)
	LastError string
	// Parts are the platform's ids of the parts posted so far, in order:
	// the next attempt posts part len(Parts). The delivery is Sent when
	// every part is.
	Parts []string
	// Tried is when the current part was first tried, so that a look-up
	// for it after a lost answer searches from then; zero before.
	Tried time.Time
}

// ErrConflict is what Store.Commit returns when the channel's state is no
// longer the one the caller read: someone else moved it on first.
var ErrConflict = errors.New("channel state changed meanwhile")

// Store is the archive and outbox the channels work from. The composition
// root adapts the SQLite store to it; tests use an in-memory one.
type Store interface {
	// Since returns up to limit entries with VersionID > after, oldest
	// first.
	Since(ctx context.Context, after int64, limit int) ([]Entry, error)
	// State returns the channel's state, creating it on first use with
	// both cursors at the newest VersionID archived, so that a channel added
	// to a full archive starts with what comes next.
	State(ctx context.Context, channel string) (ChannelState, error)
	// Commit moves the channel from state old to state new and adds ds to
	// the outbox as Pending, in one transaction. It returns ErrConflict,
	// and changes nothing, when the stored state is not old. A delivery
	// whose key the channel already has is left out.
	Commit(ctx context.Context, channel string, old, new ChannelState, ds []Delivery) error
	// Next returns the channel's oldest delivery that is Pending or
	// Sending, and false when there is none, or when another process
	// sharing the store posts to the channel (see Dispatcher.Poll).
	Next(ctx context.Context, channel string) (Delivery, bool, error)
	// Update stores d's State, Attempts, Due, SentAt, MessageID,
	// LastError, Parts and Tried.
	Update(ctx context.Context, d Delivery) error
	// Counts returns how many of the channel's deliveries are in each
	// state, and the latest error of a Failed one.
	Counts(ctx context.Context, channel string) (map[DeliveryState]int, string, error)
}
