package discordbot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/logs"
)

// Discord's JSON error codes that retrying cannot mend.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
)

// Poster posts messages to Discord channels as embeds.
type Poster struct {
	// Session is the REST client: discordgo.New("Bot " + token). Its
	// rate limiter keeps to Discord's per-route buckets and global limit.
	Session *discordgo.Session
	Log     *slog.Logger
}

var (
	_ bot.Poster = (*Poster)(nil)
	_ bot.Finder = (*Poster)(nil)
)

// messageCreate is a message create request: discordgo's MessageSend has
// no nonce, and the nonce is what lets Discord drop a repeat.
type messageCreate struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// Parts returns how many Discord messages m is posted as, split to keep
// within Discord's limits.
func (p *Poster) Parts(m bot.Message) int { return max(len(Render(m)), 1) }

// Post posts part pt of m to the channel with id channelID and returns
// the message's id.
//
// Each message carries the nonce Nonce(pt) and enforce_nonce, so that
// posting the same part again within Discord's nonce window (a retry after
// an answer that was lost) returns the message already posted instead of
// posting it twice; after the window, Find looks for it. Nothing in it can
// mention anyone.
//
// A 429 is returned as a *bot.RateLimitError, for the dispatcher to wait
// for; discordgo is told not to sleep on it itself, because its sleep does
// not heed ctx. Unknown channels and missing access or permissions are
// bot.Permanent.
func (p *Poster) Post(ctx context.Context, channelID string, m bot.Message, pt bot.Part) (string, error) {
	parts := Render(m)
	if len(parts) == 0 {
		return "", bot.Permanent(errors.New("posting to discord: empty message"))
	}
	if pt.Index >= len(parts) {
		return "", bot.Permanent(fmt.Errorf("posting to discord channel %s: no part %d of %d", channelID, pt.Index+1, len(parts)))
	}
	id, err := p.send(ctx, channelID, parts[pt.Index], Nonce(pt))
	if err != nil {
		return "", fmt.Errorf("posting to discord channel %s: %w", channelID, classify(err))
	}
	return id, nil
}

// send posts one message with a nonce.
func (p *Poster) send(ctx context.Context, channelID string, part *discordgo.MessageSend, nonce string) (string, error) {
	part.AllowedMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
	data := messageCreate{MessageSend: part, Nonce: nonce, EnforceNonce: true}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	body, err := p.Session.RequestWithBucketID(http.MethodPost, endpoint, data, endpoint,
		discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	if err != nil {
		return "", err
	}
	var msg discordgo.Message
	if err := discordgo.Unmarshal(body, &msg); err != nil {
		return "", fmt.Errorf("reading the posted message: %w", err)
	}
	return msg.ID, nil
}

// listed is a message as a channel's history lists it, with the nonce,
// which discordgo.Message leaves out. Discord gives a nonce as a string or
// a number.
type listed struct {
	ID     string                    `json:"id"`
	Nonce  json.RawMessage           `json:"nonce"`
	Author *discordgo.User           `json:"author"`
	Embeds []*discordgo.MessageEmbed `json:"embeds"`
}

// lookBack is the clock skew allowed between this machine and Discord when
// looking back.
const lookBack = 5 * time.Minute

// contentSkew is the clock skew allowed when a message is recognised by
// its content rather than its nonce: NTP keeps clocks far closer, and a
// wider window could take an earlier post of the same text for this one.
const contentSkew = 2 * time.Second

// maxLookupPages bounds a look-up: 10 pages of 100 messages is more than a
// channel gets in the minutes a look-up covers.
const maxLookupPages = 10

// Find looks for part pt of m among the channel's messages since since,
// for when the answer to a post was lost and Discord's nonce window may
// have passed: a message with pt's nonce, or, since Discord does not
// always list nonces, a bot's message with the same embeds' text posted
// after the part was first tried (within contentSkew).
func (p *Poster) Find(ctx context.Context, channelID string, m bot.Message, pt bot.Part, since time.Time) (string, bool, error) {
	parts := Render(m)
	if pt.Index >= len(parts) {
		return "", false, nil
	}
	nonce := Nonce(pt)
	after := snowflake(since.Add(-lookBack))
	tight := snowflake(since.Add(-contentSkew))
	endpoint := discordgo.EndpointChannelMessages(channelID)
	for range maxLookupPages {
		uri := endpoint + "?limit=100&after=" + after
		body, err := p.Session.RequestWithBucketID(http.MethodGet, uri, nil, endpoint,
			discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
		if err != nil {
			return "", false, fmt.Errorf("looking up a post in discord channel %s: %w", channelID, classify(err))
		}
		var msgs []listed
		if err := json.Unmarshal(body, &msgs); err != nil {
			return "", false, fmt.Errorf("looking up a post in discord channel %s: %w", channelID, err)
		}
		for _, msg := range msgs {
			if strings.Trim(string(msg.Nonce), `"`) == nonce {
				return msg.ID, true, nil
			}
			// Matching by content is only as good as the window: another
			// post of the same text (a later part of an article's next
			// version) is older than this part's first attempt, and one
			// before part 0 is not this message's.
			if !later(msg.ID, tight) || pt.Index > 0 && !later(msg.ID, pt.Thread) {
				continue
			}
			if sameEmbeds(msg, parts[pt.Index]) {
				return msg.ID, true, nil
			}
			if later(msg.ID, after) {
				after = msg.ID
			}
		}
		if len(msgs) < 100 {
			break
		}
	}
	return "", false, nil
}

// sameEmbeds reports whether a bot posted msg with the embeds of want:
// the same titles, descriptions, fields and footers.
func sameEmbeds(msg listed, want *discordgo.MessageSend) bool {
	if msg.Author == nil || !msg.Author.Bot || len(msg.Embeds) != len(want.Embeds) || len(want.Embeds) == 0 {
		return false
	}
	for i, e := range want.Embeds {
		if embedText(msg.Embeds[i]) != embedText(e) {
			return false
		}
	}
	return true
}

// embedText is the text an embed shows, to compare a listed message with
// one posted.
func embedText(e *discordgo.MessageEmbed) string {
	var b strings.Builder
	b.WriteString(e.Title + "\x00" + e.Description + "\x00")
	for _, f := range e.Fields {
		b.WriteString(f.Name + "\x00" + f.Value + "\x00")
	}
	if e.Footer != nil {
		b.WriteString(e.Footer.Text)
	}
	return b.String()
}

// discordEpoch is the first millisecond of 2015, where snowflakes count from.
const discordEpoch = 1420070400000

// snowflake is the smallest message id Discord could give at t.
func snowflake(t time.Time) string {
	ms := max(t.UnixMilli()-discordEpoch, 0)
	return strconv.FormatInt(ms<<22, 10)
}

// later reports whether snowflake a is after b.
func later(a, b string) bool {
	x, _ := strconv.ParseUint(a, 10, 64)
	y, _ := strconv.ParseUint(b, 10, 64)
	return x > y
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

// Nonce is the nonce of part pt: 24 hex digits of a hash of its key and
// index (Discord takes at most 25 characters). Part keys hold the
// archive's install id, so two archives never make the same nonce.
func Nonce(pt bot.Part) string {
	sum := sha256.Sum256([]byte(pt.Key + "#" + strconv.Itoa(pt.Index)))
	return hex.EncodeToString(sum[:12])
}

func (p *Poster) log() *slog.Logger { return logger(p.Log) }

func logger(l *slog.Logger) *slog.Logger { return logs.Or(l) }
