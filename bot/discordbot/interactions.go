package discordbot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Handler answers one command line typed in a channel; *bot.Commands is
// one.
type Handler interface {
	Handle(ctx context.Context, channel, line string) string
}

// Completer suggests values for a command option as the reader types:
// topics for "topic", speakers for "speaker", at most limit of them,
// starting with (or containing) prefix.
type Completer interface {
	Complete(ctx context.Context, option, prefix string, limit int) ([]string, error)
}

// answeredAlready is the answer to an interaction seen before: a replay.
const answeredAlready = "That command was answered already."

// tokenLife is how long an interaction's token may be used for follow-ups.
const tokenLife = 15 * time.Minute

// maxChoices and maxChoiceLen are Discord's limits on autocomplete.
const (
	maxChoices   = 25
	maxChoiceLen = 100
)

// Interactions answers application commands, from the gateway (Gateway)
// or from the HTTP interactions endpoint (HTTPHandler), the same way:
// within AnswerWithin in the response itself, else with a deferred
// response at once and the answer as a follow-up when it is ready, since
// Discord waits 3 seconds for a response.
type Interactions struct {
	Commands Handler
	// Archive, when set, completes topic and speaker options.
	Archive Completer
	Log     *slog.Logger
	// AnswerWithin is how long an answer may take before the response is
	// deferred; 0 means 2.5 s, leaving room for the trip to Discord.
	AnswerWithin time.Duration
	// Public answers in view of the whole channel; by default only the
	// reader who asked sees the answer (an ephemeral message).
	Public bool
	// FirstSeen, when set, records a command's interaction id and reports
	// whether it is new: an interaction delivered again, or a signed
	// request replayed, is answered without running it twice (no second
	// digest). The composition root keeps ids for ten minutes.
	FirstSeen func(ctx context.Context, id string) bool
	// Now is the clock request timestamps (over HTTP) and interaction ids
	// (on the gateway) are checked against; nil means time.Now.
	Now func() time.Time

	wg sync.WaitGroup
}

// Commands are the application commands Interactions answers, to register
// with Discord.
func Commands() []*discordgo.ApplicationCommand {
	minID := 1.0
	return []*discordgo.ApplicationCommand{
		{
			Name:        "who-said",
			Description: "Who said what about a topic",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "topic",
				Description:  "A topic: europe, negotiations, Ukraine",
				Required:     true,
				Autocomplete: true,
			}},
		},
		{
			Name:        "quotes",
			Description: "What someone said, newest first",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "speaker",
				Description:  "Who: part of a name is enough",
				Required:     true,
				Autocomplete: true,
			}},
		},
		{
			Name:        "brief",
			Description: "Show a briefing",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionInteger,
				Name:        "id",
				Description: "The briefing's number; the latest when left out",
				MinValue:    &minID,
			}},
		},
		{Name: "digest", Description: "Post the digest of what is new to this channel now"},
		{Name: "sources", Description: "The folders and feeds being read"},
		{Name: "help", Description: "What the bot can do"},
	}
}

// Register replaces the application's commands with Commands: in the guild
// with id guildID, where they show at once, or everywhere when guildID is
// "".
func Register(ctx context.Context, s *discordgo.Session, appID, guildID string) error {
	if _, err := s.ApplicationCommandBulkOverwrite(appID, guildID, Commands(), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("registering discord commands: %w", err)
	}
	return nil
}

// Gateway returns a handler for interactions received on the gateway:
// session.AddHandler(in.Gateway(ctx)). Commands are answered in ctx, and
// follow-ups stop when it is done.
func (in *Interactions) Gateway(ctx context.Context) func(*discordgo.Session, *discordgo.InteractionCreate) {
	return func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if ic == nil || ic.Interaction == nil {
			return
		}
		i := ic.Interaction
		if at, err := discordgo.SnowflakeTimestamp(i.ID); err == nil && in.now().Sub(at) > maxSkew {
			// Delivered again long after it was made (a resumed gateway
			// session): its reader has long given up, and it may have run.
			in.log().WarnContext(ctx, "discord interaction over 5 minutes old; not answered", "interaction", i.ID, "made", at)
			return
		}
		ctx, cancel := context.WithTimeout(ctx, tokenLife)
		defer cancel()
		resp, later := in.answer(ctx, s, i)
		if resp == nil {
			return
		}
		endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
		if _, err := s.RequestWithBucketID(http.MethodPost, endpoint, resp, endpoint, discordgo.WithContext(ctx)); err != nil {
			in.log().ErrorContext(ctx, "responding to discord interaction", "interaction", i.ID, "err", err)
			return
		}
		if later != nil {
			in.wg.Add(1)
			defer in.wg.Done()
			later()
		}
	}
}

// Wait waits for the follow-ups in progress to be sent.
func (in *Interactions) Wait() { in.wg.Wait() }

// response is an interaction response. discordgo's always sends content
// and embeds, and leaves out an empty list of choices, which an
// autocomplete response needs.
type response struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data *responseData                     `json:"data,omitempty"`
}

type responseData struct {
	Content         string                                       `json:"content,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions            `json:"allowed_mentions,omitempty"`
	Flags           discordgo.MessageFlags                       `json:"flags,omitempty"`
	Choices         *[]*discordgo.ApplicationCommandOptionChoice `json:"choices,omitempty"`
	Components      []discordgo.MessageComponent                 `json:"components,omitempty"`
}

// maxCustomID is Discord's limit on a button's custom_id.
const maxCustomID = 100

// moreButton is a "More" button that runs the command for the next page
// of answer, or nil when it has none.
func moreButton(answer string) []discordgo.MessageComponent {
	line, ok := bot.More(answer)
	if !ok || len(line) > maxCustomID {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "More", Style: discordgo.SecondaryButton, CustomID: line},
	}}}
}

// notAPage answers a button whose value is not a page of /who-said or
// /quotes: no other command is run from a button.
const notAPage = "That button does not run anything."

// answer works out the response to i, and, when the answer is slow or
// long, a func that sends the rest as follow-ups once the response has
// been sent. A nil response means i needs none.
func (in *Interactions) answer(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) (*response, func()) {
	switch i.Type {
	case discordgo.InteractionPing:
		return &response{Type: discordgo.InteractionResponsePong}, nil
	case discordgo.InteractionApplicationCommandAutocomplete:
		return in.complete(ctx, i), nil
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		in.log().WarnContext(ctx, "unexpected discord interaction", "type", i.Type.String())
		return nil, nil
	}

	var line string
	if i.Type == discordgo.InteractionMessageComponent {
		// A "More" button: its custom_id is the command for the next page.
		line = i.MessageComponentData().CustomID
		if !bot.IsPage(line) {
			in.log().WarnContext(ctx, "discord button that is no page; not run", "interaction", i.ID)
			return &response{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &responseData{
				Content: notAPage, AllowedMentions: noMentions(), Flags: discordgo.MessageFlagsEphemeral,
			}}, nil
		}
	} else {
		line = commandLine(i.ApplicationCommandData())
	}
	if in.FirstSeen != nil && !in.FirstSeen(ctx, i.ID) {
		in.log().WarnContext(ctx, "discord interaction seen before; not run again", "interaction", i.ID, "command", line)
		return &response{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &responseData{
			Content: answeredAlready, AllowedMentions: noMentions(), Flags: in.flags(),
		}}, nil
	}
	answered := make(chan string, 1)
	go func() { answered <- in.Commands.Handle(ctx, "discord:"+i.ChannelID, line) }()

	flags := in.flags()
	wait := in.AnswerWithin
	if wait <= 0 {
		wait = 2500 * time.Millisecond
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case text := <-answered:
		chunks := answerChunks(text)
		resp := &response{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &responseData{
			Content:         chunks[0],
			AllowedMentions: noMentions(),
			Flags:           flags,
		}}
		if len(chunks) == 1 {
			resp.Data.Components = moreButton(text)
			return resp, nil
		}
		return resp, func() { in.followUp(ctx, s, i, chunks[1:], moreButton(text)) }
	case <-timer.C:
		deferred := &response{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if flags != 0 {
			deferred.Data = &responseData{Flags: flags}
		}
		return deferred, func() {
			select {
			case text := <-answered:
				in.followUp(ctx, s, i, answerChunks(text), moreButton(text))
			case <-ctx.Done():
				in.log().WarnContext(ctx, "discord command not answered in time", "command", line)
			}
		}
	}
}

// followUp sends chunks as follow-up messages of i, the last with
// components (a "More" button) when there are any.
func (in *Interactions) followUp(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, chunks []string, components []discordgo.MessageComponent) {
	for k, c := range chunks {
		params := &discordgo.WebhookParams{
			Content:         c,
			AllowedMentions: noMentions(),
			Flags:           in.flags(),
		}
		if k == len(chunks)-1 {
			params.Components = components
		}
		_, err := s.FollowupMessageCreate(i, true, params, discordgo.WithContext(ctx))
		if err != nil {
			in.log().ErrorContext(ctx, "sending discord follow-up", "interaction", i.ID, "err", err)
			return
		}
	}
}

// complete answers an autocomplete interaction with up to 25 choices.
func (in *Interactions) complete(ctx context.Context, i *discordgo.Interaction) *response {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	resp := &response{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &responseData{Choices: &choices}}
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range i.ApplicationCommandData().Options {
		if o.Focused {
			focused = o
		}
	}
	if focused == nil || in.Archive == nil {
		return resp
	}
	wait := in.AnswerWithin
	if wait <= 0 {
		wait = 2500 * time.Millisecond
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	values, err := in.Archive.Complete(ctx, focused.Name, optionText(focused.Value), maxChoices)
	if err != nil {
		in.log().WarnContext(ctx, "completing discord option", "option", focused.Name, "err", err)
		return resp
	}
	seen := map[string]bool{}
	for _, v := range values {
		// The value comes back as typed, so one too long to send whole is
		// left out rather than cut.
		if v == "" || size(v) > maxChoiceLen || seen[v] || len(choices) == maxChoices {
			continue
		}
		seen[v] = true
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
	}
	return resp
}

// commandLine is the line a reader would type for a command:
// "/who-said europe".
func commandLine(data discordgo.ApplicationCommandInteractionData) string {
	line := "/" + data.Name
	for _, o := range data.Options {
		if v := optionText(o.Value); v != "" {
			line += " " + v
		}
	}
	return line
}

// optionText is an option's value as typed, on one line.
func optionText(v any) string {
	switch v := v.(type) {
	case string:
		return oneLine(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return ""
	}
	return oneLine(fmt.Sprint(v))
}

// answerChunks escapes a command's plain-text answer and cuts it into
// message contents of at most 2000 characters, at line ends where it can.
func answerChunks(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		text = "Nothing to say."
	}
	return pack(strings.Split(Escape(text), "\n"), maxContent)
}

func (in *Interactions) flags() discordgo.MessageFlags {
	if in.Public {
		return 0
	}
	return discordgo.MessageFlagsEphemeral
}

func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (in *Interactions) log() *slog.Logger { return logger(in.Log) }

func (in *Interactions) now() time.Time {
	if in.Now != nil {
		return in.Now()
	}
	return time.Now()
}
