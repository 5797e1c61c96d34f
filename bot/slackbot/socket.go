package slackbot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// SocketMode answers slash commands over Slack's Socket Mode: a WebSocket
// the bot opens to Slack, so it needs no public URL.
type SocketMode struct {
	// Client is made by the caller: socketmode.New(slack.New(botToken,
	// slack.OptionAppLevelToken(appToken))).
	Client   *socketmode.Client
	Commands Handler
	Log      *slog.Logger // nil discards
	// AnswerWithin is how long a command's answer is waited for before
	// Slack is told "Working on it…"; 0 means DefaultAnswerWithin.
	AnswerWithin time.Duration
	// HTTPClient posts late answers to response_url; nil means
	// http.DefaultClient.
	HTTPClient *http.Client
	// FirstSeen, when set, records a command's trigger_id and reports
	// whether it is new: a command Slack delivers again, or a signed
	// request replayed, is answered without running it twice (no second
	// digest). The composition root keeps ids for ten minutes.
	FirstSeen func(ctx context.Context, id string) bool
}

// Run connects and answers commands until ctx is done, which ends it
// without error after the answers in hand are delivered. It returns an
// error if Slack refuses the connection (a bad app token) or it cannot
// reconnect.
func (s *SocketMode) Run(ctx context.Context) error {
	log := logger(s.Log)
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- s.Client.RunContext(ctx) }()
	rs := responder{commands: s.Commands, within: s.AnswerWithin, client: s.HTTPClient, log: log, wg: &wg, firstSeen: s.FirstSeen}
	for {
		select {
		case <-ctx.Done():
			<-errc
			return nil
		case err := <-errc:
			if ctx.Err() != nil || errors.Is(err, context.Canceled) {
				return nil
			}
			return fmt.Errorf("running slack socket mode: %w", err)
		case evt := <-s.Client.Events:
			s.event(ctx, evt, rs, log, &wg)
		}
	}
}

func (s *SocketMode) event(ctx context.Context, evt socketmode.Event, rs responder, log *slog.Logger, wg *sync.WaitGroup) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		envelope := evt.Request.EnvelopeID
		// Commands are answered side by side, so a slow one does not hold
		// up the acknowledgement of the next.
		wg.Go(func() {
			var payload any
			if rep := rs.answer(ctx, cmd); rep != nil {
				payload = rep
			}
			if err := s.Client.AckCtx(ctx, envelope, payload); err != nil {
				log.ErrorContext(ctx, "acknowledging slash command", "command", cmd.Command, "err", err)
			}
		})
	case socketmode.EventTypeEventsAPI, socketmode.EventTypeInteractive:
		// briefbot subscribes to no event, but Slack resends what is not
		// acknowledged; the only interaction is a "More" button.
		if evt.Request != nil {
			if err := s.Client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
				log.ErrorContext(ctx, "acknowledging event", "type", evt.Type, "err", err)
			}
		}
		if cb, ok := evt.Data.(slack.InteractionCallback); ok && cb.Type == slack.InteractionTypeBlockActions {
			wg.Go(func() { rs.more(ctx, cb) })
		}
	case socketmode.EventTypeConnected:
		log.InfoContext(ctx, "connected to slack socket mode")
	case socketmode.EventTypeConnectionError:
		log.WarnContext(ctx, "slack socket mode connection failed", "err", evt.Data)
	case socketmode.EventTypeInvalidAuth:
		log.ErrorContext(ctx, "slack refused the app token")
	default:
		log.DebugContext(ctx, "slack socket mode event", "type", evt.Type)
	}
}
