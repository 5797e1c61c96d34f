package discordbot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Discord's JSON error codes that retrying cannot mend.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
)

// laterPartRetries is how often a part after the first is tried again
// after a 429 before it is given up.
const laterPartRetries = 3

// Poster posts messages to Discord channels as embeds.
type Poster struct {
	// Session is the REST client: discordgo.New("Bot " + token). Its
	// rate limiter keeps to Discord's per-route buckets and global limit.
	Session *discordgo.Session
	Log     *slog.Logger
}

var _ bot.Poster = (*Poster)(nil)

// messageCreate is a message create request: discordgo's MessageSend has
// no nonce, and the nonce is what lets Discord drop a repeat.
type messageCreate struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// Post posts m to the channel with id channelID, split into as many
// messages as Discord's limits need, and returns the first message's id.
//
// Each message carries a nonce made from key and enforce_nonce, so that
// posting the same delivery again within Discord's nonce window (a retry
// after a reply that was lost) returns the message already posted instead
// of posting it twice. Nothing in it can mention anyone.
//
// A 429 on the first message is returned as a *bot.RateLimitError, for the
// dispatcher to wait for; discordgo is told not to sleep on it itself,
// because its sleep does not heed ctx. A 429 on a later message is waited
// out here, since the first is already posted. Unknown channels and
// missing access or permissions are bot.Permanent. Once the first message
// is posted, a later one that fails is logged and its id returned without
// error, so that the dispatcher does not post the whole message again.
func (p *Poster) Post(ctx context.Context, channelID string, m bot.Message, key string) (string, error) {
	parts := Render(m)
	if len(parts) == 0 {
		return "", bot.Permanent(errors.New("posting to discord: empty message"))
	}
	nonce := nonceFor(key)
	var first string
	for i, part := range parts {
		n := nonce
		if i > 0 {
			n += "-" + strconv.Itoa(i)
		}
		id, err := p.send(ctx, channelID, part, n, i > 0)
		if err != nil {
			err = fmt.Errorf("posting to discord channel %s: %w", channelID, classify(err))
			if i == 0 {
				return "", err
			}
			p.log().ErrorContext(ctx, "posting rest of message", "channel", channelID,
				"part", i+1, "parts", len(parts), "err", err)
			return first, nil
		}
		if i == 0 {
			first = id
		}
	}
	return first, nil
}

// send posts one part; a later part is retried after a 429.
func (p *Poster) send(ctx context.Context, channelID string, part *discordgo.MessageSend, nonce string, later bool) (string, error) {
	part.AllowedMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
	data := messageCreate{MessageSend: part, Nonce: nonce, EnforceNonce: true}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	for attempt := 0; ; attempt++ {
		body, err := p.Session.RequestWithBucketID(http.MethodPost, endpoint, data, endpoint,
			discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
		if rl, ok := errors.AsType[*discordgo.RateLimitError](err); ok && later && attempt < laterPartRetries {
			if err := sleep(ctx, rl.RetryAfter); err != nil {
				return "", err
			}
			continue
		}
		if err != nil {
			return "", err
		}
		var msg discordgo.Message
		if err := discordgo.Unmarshal(body, &msg); err != nil {
			return "", fmt.Errorf("reading the posted message: %w", err)
		}
		return msg.ID, nil
	}
}

// classify maps discordgo's errors to bot's: a 429 to *bot.RateLimitError,
// a channel that is gone or closed to the bot to bot.Permanent.
func classify(err error) error {
	if rl, ok := errors.AsType[*discordgo.RateLimitError](err); ok {
		var after time.Duration
		if rl.RateLimit != nil && rl.TooManyRequests != nil {
			after = rl.RetryAfter
		}
		return &bot.RateLimitError{RetryAfter: after, Err: err}
	}
	if re, ok := errors.AsType[*discordgo.RESTError](err); ok && re.Response != nil {
		code := 0
		if re.Message != nil {
			code = re.Message.Code
		}
		switch {
		case re.Response.StatusCode == http.StatusForbidden,
			re.Response.StatusCode == http.StatusNotFound,
			code == codeUnknownChannel, code == codeMissingAccess, code == codeMissingPermissions:
			return bot.Permanent(err)
		}
	}
	return err
}

// nonceFor makes a nonce of 20 hex digits from a delivery key: Discord
// takes at most 25 characters, and a key may be longer; the rest leaves
// room for "-" and a part number.
func nonceFor(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:10])
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (p *Poster) log() *slog.Logger { return logger(p.Log) }

func logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}
