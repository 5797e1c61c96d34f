package slackbot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/logs"
)

// Poster posts briefings and digests to Slack channels with
// chat.postMessage.
type Poster struct {
	// Client is made by the caller: slack.New(botToken), with
	// slack.OptionAPIURL in tests.
	Client *slack.Client
	Log    *slog.Logger // nil discards
}

var (
	_ bot.Poster = (*Poster)(nil)
	_ bot.Finder = (*Poster)(nil)
)

// Parts returns how many Slack messages m is posted as: the message, and
// replies in its thread for what does not fit or is marked Thread.
func (p *Poster) Parts(m bot.Message) int { return len(Render(m)) }

// Post posts part pt of m to the channel with the id channelID and returns
// the timestamp Slack gave it, which is its id: part 0 in the channel, the
// others as replies in part 0's thread.
//
// Slack has no idempotency key for chat.postMessage, so each message
// carries pt's key in its metadata (event type briefbot_post), for Find
// to look for when an answer is lost.
//
// A *bot.RateLimitError is returned for a 429, and a bot.Permanent error for
// a channel or token that retrying cannot mend.
func (p *Poster) Post(ctx context.Context, channelID string, m bot.Message, pt bot.Part) (string, error) {
	msgs := Render(m)
	if pt.Index >= len(msgs) {
		return "", bot.Permanent(fmt.Errorf("posting to slack channel %s: no part %d of %d", channelID, pt.Index+1, len(msgs)))
	}
	opts := append(options(msgs[pt.Index]), slack.MsgOptionMetadata(metadata(pt)))
	if pt.Index > 0 {
		opts = append(opts, slack.MsgOptionTS(pt.Thread))
	}
	_, ts, err := p.Client.PostMessageContext(ctx, channelID, opts...)
	if err != nil {
		return "", classify(fmt.Errorf("posting to slack channel %s: %w", channelID, err))
	}
	return ts, nil
}

// EventType is the metadata event type of every message the bot posts.
const EventType = "briefbot_post"

// metadata carries a part's key in its message, where Find looks for it.
func metadata(pt bot.Part) slack.SlackMetadata {
	return slack.SlackMetadata{EventType: EventType, EventPayload: map[string]any{"key": pt.Key, "part": pt.Index}}
}

// isPart reports whether msg carries pt's key.
func isPart(msg slack.Message, pt bot.Part) bool {
	md := msg.Metadata
	if md.EventType != EventType {
		return false
	}
	key, _ := md.EventPayload["key"].(string)
	n, ok := md.EventPayload["part"].(float64) // JSON numbers decode as float64
	return key == pt.Key && ok && int(n) == pt.Index
}

// Clock skew allowed between this machine and Slack when looking back:
// a message Slack dated a little before the attempt began is still found.
const lookBack = 5 * time.Minute

// maxLookupPages bounds a look-up: 10 pages of 200 messages is more than
// a channel gets in the minutes a look-up covers.
const maxLookupPages = 10

// Find looks for part pt of m in the channel, posted since since: part 0
// in the channel's history (conversations.history), a later part among
// the replies of part 0's thread (conversations.replies), by the key in
// each message's metadata. It needs the history scopes (channels:history,
// groups:history); without them the error is bot.Permanent.
func (p *Poster) Find(ctx context.Context, channelID string, m bot.Message, pt bot.Part, since time.Time) (string, bool, error) {
	oldest := timestamp(since.Add(-lookBack))
	cursor := ""
	for range maxLookupPages {
		var (
			msgs []slack.Message
			more bool
			err  error
		)
		if pt.Index == 0 {
			var h *slack.GetConversationHistoryResponse
			h, err = p.Client.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
				ChannelID: channelID, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
			})
			if h != nil {
				msgs, more, cursor = h.Messages, h.HasMore, h.ResponseMetaData.NextCursor
			}
		} else {
			msgs, more, cursor, err = p.Client.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
				ChannelID: channelID, Timestamp: pt.Thread, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
			})
		}
		if err != nil {
			return "", false, classify(fmt.Errorf("looking up a post in slack channel %s: %w", channelID, err))
		}
		for _, msg := range msgs {
			if isPart(msg, pt) {
				return msg.Timestamp, true, nil
			}
		}
		if !more || cursor == "" {
			break
		}
	}
	return "", false, nil
}

// timestamp is t as Slack writes times: seconds and microseconds.
func timestamp(t time.Time) string {
	return fmt.Sprintf("%d.%06d", t.Unix(), t.Nanosecond()/1000)
}

func options(m Message) []slack.MsgOption {
	return []slack.MsgOption{
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
}

// permanentErrors are Slack API errors that no retry mends: the channel,
// the membership, the token or the app's scopes must change first.
var permanentErrors = map[string]bool{
	"channel_not_found":       true,
	"not_in_channel":          true,
	"is_archived":             true,
	"missing_scope":           true,
	"invalid_auth":            true,
	"not_authed":              true,
	"account_inactive":        true,
	"token_revoked":           true,
	"token_expired":           true,
	"no_permission":           true,
	"restricted_action":       true,
	"invalid_blocks":          true,
	"msg_too_long":            true,
	"team_access_not_granted": true,
	"thread_not_found":        true,
}

// classify maps Slack's errors to bot's: rate limits to *bot.RateLimitError,
// lasting refusals to bot.Permanent; the rest are returned to be retried.
func classify(err error) error {
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return &bot.RateLimitError{RetryAfter: rl.RetryAfter, Err: err}
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok && permanentErrors[se.Err] {
		return bot.Permanent(err)
	}
	return err
}

func (p *Poster) log() *slog.Logger { return logger(p.Log) }

func logger(l *slog.Logger) *slog.Logger { return logs.Or(l) }
