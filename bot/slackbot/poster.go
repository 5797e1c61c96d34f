package slackbot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Poster posts briefings and digests to Slack channels with
// chat.postMessage.
type Poster struct {
	// Client is made by the caller: slack.New(botToken), with
	// slack.OptionAPIURL in tests.
	Client *slack.Client
	Log    *slog.Logger // nil discards
}

var _ bot.Poster = (*Poster)(nil)

// Post posts m to the channel with the id channelID and returns the
// timestamp Slack gave the first message, which is its id. A message longer
// than one Slack message goes on as replies in the first one's thread.
//
// Slack has no idempotency key for chat.postMessage, so key is not used: a
// post retried after a timeout may show twice.
//
// A *bot.RateLimitError is returned for a 429, and a bot.Permanent error for
// a channel or token that retrying cannot mend. Once the first message is
// posted, a failed reply is logged rather than returned, since returning it
// would post the whole message again.
func (p *Poster) Post(ctx context.Context, channelID string, m bot.Message, key string) (string, error) {
	msgs := Render(m)
	_, ts, err := p.Client.PostMessageContext(ctx, channelID, options(msgs[0])...)
	if err != nil {
		return "", classify(fmt.Errorf("posting to slack channel %s: %w", channelID, err))
	}
	for i, reply := range msgs[1:] {
		opts := append(options(reply), slack.MsgOptionTS(ts))
		if _, _, err := p.Client.PostMessageContext(ctx, channelID, opts...); err != nil {
			p.log().ErrorContext(ctx, "posting thread reply", "channel", channelID, "ts", ts,
				"reply", i+1, "replies", len(msgs)-1, "err", err)
			break
		}
	}
	return ts, nil
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

func logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}
