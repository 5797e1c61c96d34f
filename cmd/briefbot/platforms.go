package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordbot"
	"github.com/briefbot/briefbot/bot/slackbot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/internal/store"
)

// platforms are the chat platforms the configuration enables: their
// posters, their HTTP endpoints and their connections.
type platforms struct {
	cfg     config.Config
	log     *slog.Logger
	posters map[string]bot.Poster
	routes  map[string]http.Handler

	slack        *slack.Client
	discord      *discordgo.Session
	interactions *discordbot.Interactions
	slackHTTP    *slackbot.HTTPHandler

	wg sync.WaitGroup
}

// newPlatforms makes the clients and posters of the enabled platforms;
// nothing is connected yet. The console is always there.
func newPlatforms(cfg config.Config, term bot.Poster, log *slog.Logger) (*platforms, error) {
	p := &platforms{cfg: cfg, log: log, posters: map[string]bot.Poster{"console": term}, routes: map[string]http.Handler{}}
	if cfg.SlackEnabled() {
		opts := []slack.Option{slack.OptionAppLevelToken(cfg.Secrets.SlackAppToken.Reveal())}
		if cfg.Slack.APIURL != "" {
			opts = append(opts, slack.OptionAPIURL(cfg.Slack.APIURL))
		}
		p.slack = slack.New(cfg.Secrets.SlackBotToken.Reveal(), opts...)
		p.posters["slack"] = &slackbot.Poster{Client: p.slack, Log: log.With("platform", "slack")}
	}
	if cfg.DiscordEnabled() {
		s, err := discordbot.NewSession(cfg.Secrets.DiscordToken.Reveal(), cfg.Discord.APIURL)
		if err != nil {
			return nil, err
		}
		s.Identify.Intents = discordgo.IntentsGuilds // commands need no more
		p.discord = s
		p.posters["discord"] = &discordbot.Poster{Session: s, Log: log.With("platform", "discord")}
	}
	return p, nil
}

// serve answers the commands on each platform: it adds the HTTP endpoints
// to routes (served by the caller on listen) and opens the connections,
// which last until ctx is done.
func (p *platforms) serve(ctx context.Context, cmds *bot.Commands, db *store.DB) error {
	// A request handled in the last ten minutes is a replay (Slack's and
	// Discord's signatures allow five minutes of skew either way).
	firstSeen := func(platform string) func(context.Context, string) bool {
		return func(ctx context.Context, id string) bool {
			first, err := db.FirstSeen(ctx, platform+":"+id, 10*time.Minute)
			if err != nil {
				p.log.ErrorContext(ctx, "recording a command failed; answering it", "platform", platform, "err", err)
				return true
			}
			return first
		}
	}
	if p.slack != nil {
		switch p.cfg.Slack.Mode {
		case "http":
			p.slackHTTP = &slackbot.HTTPHandler{SigningSecret: p.cfg.Secrets.SlackSigningSecret.Reveal(), Commands: cmds, Log: p.log.With("platform", "slack"),
				FirstSeen: firstSeen("slack")}
			p.routes["/slack/"] = p.slackHTTP
		default:
			sm := &slackbot.SocketMode{
				Client:    socketmode.New(p.slack, socketmode.OptionLog(slogPrinter{p.log.With("platform", "slack")})),
				Commands:  cmds,
				Log:       p.log.With("platform", "slack"),
				FirstSeen: firstSeen("slack"),
			}
			p.wg.Go(func() {
				if err := sm.Run(ctx); err != nil {
					p.log.ErrorContext(ctx, "slack socket mode stopped", "err", err)
				}
			})
		}
	}
	if p.discord != nil {
		p.interactions = &discordbot.Interactions{Commands: cmds, Archive: completer{db}, Log: p.log.With("platform", "discord"),
			FirstSeen: firstSeen("discord")}
		gateway := p.cfg.Discord.Interactions != "http"
		if !gateway {
			key, err := hex.DecodeString(p.cfg.Secrets.DiscordPublicKey.Reveal())
			if err != nil {
				return fmt.Errorf("BRIEFBOT_DISCORD_PUBLIC_KEY: %w", err)
			}
			p.routes["POST /discord/interactions"] = p.interactions.HTTPHandler(ctx, p.discord, ed25519.PublicKey(key))
		} else {
			p.discord.AddHandler(p.interactions.Gateway(ctx))
		}
		// A bot has one gateway session, and its commands are registered
		// by one: of several replicas, the leader (any replica can post,
		// and answer over HTTP).
		p.wg.Go(func() {
			db.Lead(ctx, "discord", func(ctx context.Context) {
				p.log.InfoContext(ctx, "leading: registering discord commands", "gateway", gateway, "replica", db.Replica())
				if err := discordbot.Register(ctx, p.discord, p.cfg.Discord.AppID, p.cfg.Discord.GuildID); err != nil {
					// Commands registered before still work; posting does too.
					p.log.ErrorContext(ctx, "registering discord commands failed", "err", err)
				}
				if gateway {
					p.holdGateway(ctx)
				}
			})
		})
	}
	return nil
}

// holdGateway opens the Discord gateway session and keeps it until ctx is
// done. discordgo reconnects a session once it is open; opening it is
// tried until it works, so that Discord being unreachable at start delays
// commands rather than stopping the bot.
func (p *platforms) holdGateway(ctx context.Context) {
	for wait := 5 * time.Second; ; wait = min(2*wait, 5*time.Minute) {
		err := p.discord.Open()
		if err == nil {
			break
		}
		p.log.ErrorContext(ctx, "connecting to the discord gateway failed; will retry", "err", err, "retry_in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
	<-ctx.Done()
	p.discord.Close()
}

// close closes the connections and waits for answers still on their way.
func (p *platforms) close() {
	p.wg.Wait() // the gateway session is closed by then
	if p.discord != nil {
		p.interactions.Wait()
	}
	if p.slackHTTP != nil {
		p.slackHTTP.Wait()
	}
}

// slogPrinter gives the socketmode client's logger interface to slog.
type slogPrinter struct{ log *slog.Logger }

func (s slogPrinter) Output(_ int, msg string) error {
	s.log.Debug(strings.TrimSpace(msg))
	return nil
}

// completer suggests topics and speakers from the archive, as Discord's
// autocomplete asks.
type completer struct{ db *store.DB }

func (c completer) Complete(ctx context.Context, option, prefix string, limit int) ([]string, error) {
	switch option {
	case "topic":
		return c.db.Topics(ctx, prefix, limit)
	case "speaker":
		return c.db.Speakers(ctx, prefix, limit)
	}
	return nil, nil
}
