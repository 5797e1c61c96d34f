package slackbot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Handler answers one line typed by a reader in the channel with the given
// key ("slack:C0123"); *bot.Commands is one.
type Handler interface {
	Handle(ctx context.Context, channel, line string) string
}

// Slack drops a slash command that is not answered within 3 seconds.
const (
	// DefaultAnswerWithin is how long an answer is waited for before Slack
	// is told "Working on it…" and the answer is sent to the command's
	// response_url when ready.
	DefaultAnswerWithin = 2500 * time.Millisecond
	// lateTimeout bounds a late answer; Slack's response_url works for 30
	// minutes.
	lateTimeout = 2 * time.Minute
	// maxInlineReply keeps an answer given in the acknowledgement under
	// Socket Mode's 20 KB limit on a response; a longer one goes to the
	// response_url, which takes more.
	maxInlineReply = 15 * 1024
)

const working = "Working on it…"

// commands are the slash commands the manifest declares, as the line
// Handler reads.
var commands = map[string]string{
	"/who-said": "/who-said",
	"/quotes":   "/quotes",
	"/brief":    "/brief",
	"/digest":   "/digest",
	"/sources":  "/sources",
	"/help":     "/help",
}

// commandLine is the line Handler reads for a slash command: "/who-said
// europe". A workspace that already has a /brief may install the commands
// with a "briefbot-" prefix ("/briefbot-brief"), or use the one command
// "/briefbot brief 3"; all are read the same. ok is false for a command
// that is not briefbot's.
func commandLine(cmd slack.SlashCommand) (line string, ok bool) {
	name := strings.ToLower(strings.TrimSpace(cmd.Command))
	text := strings.TrimSpace(cmd.Text)
	if name == "/briefbot" {
		sub, rest, _ := strings.Cut(text, " ")
		name, text = "/"+strings.TrimPrefix(strings.ToLower(sub), "/"), strings.TrimSpace(rest)
		if name == "/" {
			name = "/help"
		}
	}
	name = strings.Replace(name, "/briefbot-", "/", 1)
	line, ok = commands[name]
	if !ok {
		return "", false
	}
	if text != "" {
		line += " " + text
	}
	return line, true
}

// reply is a slash command's answer as Slack takes it: in the HTTP
// response, in the Socket Mode acknowledgement, or POSTed to response_url.
type reply struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

// answerReply lays out a command's plain-text answer. Every answer is
// ephemeral, seen only by whoever typed the command: /who-said, /quotes,
// /brief, /sources and /help answer one reader's question, and /digest
// posts the digest to the channel itself and only acknowledges here.
func answerReply(text string) *reply {
	var lines []string
	for l := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		l = strings.TrimRight(l, " \t\r")
		// Keep the answer's indentation, which Slack would collapse,
		// with figure spaces.
		indent := len(l) - len(strings.TrimLeft(l, " "))
		t := escape(strings.TrimLeft(l, " "))
		if strings.HasPrefix(t, "&gt;") {
			t = "›" + strings.TrimPrefix(t, "&gt;")
		}
		lines = append(lines, strings.Repeat("\u2007", indent)+t)
	}
	var blocks []slack.Block
	chunks := chunk(lines, maxSection)
	for i, c := range chunks {
		if i == maxBlocks-1 && len(chunks) > maxBlocks {
			c = truncate(c, maxSection-2) + "\n…"
			blocks = append(blocks, slack.NewSectionBlock(mrkdwn(c), nil, nil))
			break
		}
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn(c), nil, nil))
	}
	if more := moreButton(text); more != nil && len(blocks) < maxBlocks {
		blocks = append(blocks, more)
	}
	return &reply{
		ResponseType: slack.ResponseTypeEphemeral,
		Text:         truncate(escape(text), maxFallback),
		Blocks:       blocks,
	}
}

// moreAction is the action_id of the "More" button.
const moreAction = "briefbot_more"

// maxButtonValue is Slack's limit on a button's value.
const maxButtonValue = 2000

// moreButton is a "More" button that runs the command for the next page
// of answer, or nil when it has none.
func moreButton(answer string) slack.Block {
	line, ok := bot.More(answer)
	if !ok || len(line) > maxButtonValue {
		return nil
	}
	button := slack.NewButtonBlockElement(moreAction, line, slack.NewTextBlockObject(slack.PlainTextType, "More", false, false))
	return slack.NewActionBlock("", button)
}

// more answers a click on a "More" button: it runs the command the button
// holds, a page of /who-said or /quotes and nothing else, and posts the
// answer to the interaction's response_url.
func (r responder) more(ctx context.Context, cb slack.InteractionCallback) {
	for _, a := range cb.ActionCallback.BlockActions {
		if a == nil || a.ActionID != moreAction {
			continue
		}
		if !bot.IsPage(a.Value) {
			r.log.WarnContext(ctx, "slack button that is no page; not run", "channel", cb.Channel.ID)
			return
		}
		name, text, _ := strings.Cut(a.Value, " ")
		cmd := slack.SlashCommand{Command: name, Text: text, ChannelID: cb.Channel.ID, UserID: cb.User.ID,
			ResponseURL: cb.ResponseURL, TriggerID: cb.TriggerID}
		// A click Slack delivers again had its page posted the first
		// time: saying it was answered would be one more message.
		if rep := r.answer(ctx, cmd); rep != nil && rep.Text != working && rep.Text != answeredAlready {
			r.deliver(ctx, cmd, rep, false)
		}
		return
	}
}

// tooBig reports whether r is too long to give in an acknowledgement.
func (r *reply) tooBig() bool {
	b, err := json.Marshal(r)
	return err != nil || len(b) > maxInlineReply
}

// responder answers slash commands within Slack's 3 seconds, the same way
// over HTTP and Socket Mode.
type responder struct {
	commands Handler
	within   time.Duration
	client   *http.Client
	log      *slog.Logger
	wg       *sync.WaitGroup
	// firstSeen is HTTPHandler.FirstSeen or SocketMode.FirstSeen.
	firstSeen func(ctx context.Context, id string) bool
}

// answeredAlready is the answer to a command seen before: a replay.
const answeredAlready = "That command was answered already."

// answer runs cmd and returns what to give Slack at once: the answer if it
// is ready within r.within, or a "Working on it…", in which case the answer
// is POSTed to cmd.ResponseURL when ready. nil means give nothing: the
// answer was too long and is being POSTed instead.
//
// The command runs on a context of its own, not ended by ctx, since the
// request it came in is answered before a slow command is.
func (r responder) answer(ctx context.Context, cmd slack.SlashCommand) *reply {
	line, ok := commandLine(cmd)
	if !ok {
		r.log.WarnContext(ctx, "unknown slash command", "command", cmd.Command)
		return answerReply(fmt.Sprintf("Unknown command %s. Try /help.", cmd.Command))
	}
	if r.firstSeen != nil && cmd.TriggerID != "" && !r.firstSeen(ctx, cmd.TriggerID) {
		r.log.WarnContext(ctx, "slash command seen before; not run again", "command", cmd.Command, "channel", cmd.ChannelID, "trigger", cmd.TriggerID)
		return answerReply(answeredAlready)
	}
	r.log.InfoContext(ctx, "slash command", "command", cmd.Command, "channel", cmd.ChannelID, "user", cmd.UserID)
	done := make(chan string, 1)
	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), lateTimeout)
	r.wg.Go(func() {
		defer cancel()
		done <- r.commands.Handle(bg, "slack:"+cmd.ChannelID, line)
	})
	within := r.within
	if within <= 0 {
		within = DefaultAnswerWithin
	}
	timer := time.NewTimer(within)
	defer timer.Stop()
	select {
	case text := <-done:
		rep := answerReply(text)
		if !rep.tooBig() {
			return rep
		}
		r.wg.Go(func() { r.deliver(context.WithoutCancel(ctx), cmd, rep, false) })
		return nil
	case <-timer.C:
	case <-ctx.Done():
	}
	r.wg.Go(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), lateTimeout)
		defer cancel()
		select {
		case text := <-done:
			r.deliver(ctx, cmd, answerReply(text), true)
		case <-ctx.Done():
			r.log.ErrorContext(ctx, "slash command timed out", "command", cmd.Command, "channel", cmd.ChannelID)
		}
	})
	return &reply{ResponseType: slack.ResponseTypeEphemeral, Text: working}
}

// deliver POSTs a late answer to the command's response_url, in place of
// the "Working on it…" the user was shown when replace is set.
func (r responder) deliver(ctx context.Context, cmd slack.SlashCommand, rep *reply, replace bool) {
	if cmd.ResponseURL == "" {
		r.log.ErrorContext(ctx, "late answer has no response_url", "command", cmd.Command, "channel", cmd.ChannelID)
		return
	}
	client := r.client
	if client == nil {
		client = http.DefaultClient
	}
	msg := &slack.WebhookMessage{ResponseType: rep.ResponseType, Text: rep.Text, ReplaceOriginal: replace}
	if len(rep.Blocks) > 0 {
		msg.Blocks = &slack.Blocks{BlockSet: rep.Blocks}
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, cmd.ResponseURL, client, msg); err != nil {
		r.log.ErrorContext(ctx, "posting late answer", "command", cmd.Command, "channel", cmd.ChannelID, "err", err)
	}
}

// chunk joins lines into pieces of at most max, as many lines to a piece
// as fit; a line longer than max is split.
func chunk(lines []string, max int) []string {
	var chunks []string
	var cur strings.Builder
	started := false
	flush := func() {
		// Slack refuses a section with no text.
		if c := strings.Trim(cur.String(), "\n"); strings.TrimSpace(c) != "" {
			chunks = append(chunks, c)
		}
		cur.Reset()
		started = false
	}
	for _, line := range lines {
		parts := split(line, max)
		if len(parts) == 0 {
			parts = []string{""}
		}
		for _, part := range parts {
			if started && length(cur.String())+1+length(part) > max {
				flush()
			}
			if started {
				cur.WriteByte('\n')
			}
			cur.WriteString(part)
			started = true
		}
	}
	flush()
	return chunks
}
