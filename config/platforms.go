package config

import (
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Slack is how the bot reaches Slack. Its tokens are Secrets, from the
// environment.
type Slack struct {
	// Mode is "socket" (the default): Socket Mode, over a connection the bot
	// opens, so no public URL is needed; or "http": Slack POSTs slash
	// commands and events to /slack/commands and /slack/events on listen,
	// each checked with the signing secret.
	Mode string `yaml:"mode"`
	// APIURL is the Web API's base URL, for tests and proxies; "" is
	// Slack's. Environment: BRIEFBOT_SLACK_API_URL.
	APIURL string `yaml:"api_url"`
}

// Discord is how the bot reaches Discord. Its token and public key are
// Secrets, from the environment.
type Discord struct {
	// AppID is the application's id, to register its commands.
	// Environment: BRIEFBOT_DISCORD_APP_ID.
	AppID string `yaml:"app_id"`
	// GuildID, when set, registers the commands in that server only, where
	// changes show at once; otherwise they are global, which Discord may
	// take up to an hour to show. Environment: BRIEFBOT_DISCORD_GUILD_ID.
	GuildID string `yaml:"guild_id"`
	// Interactions is "gateway" (the default): commands arrive over the
	// bot's gateway connection; or "http": Discord POSTs them to
	// /discord/interactions on listen, each checked with the public key.
	Interactions string `yaml:"interactions"`
	// APIURL is the REST API's base URL, for tests and proxies; "" is
	// Discord's. Environment: BRIEFBOT_DISCORD_API_URL.
	APIURL string `yaml:"api_url"`
}

// platformPace is the least time between two posts to a channel of each
// chat platform, when its channel sets none: Slack allows about one
// message a second in a channel, and Discord five in five seconds.
var platformPace = map[string]time.Duration{"slack": time.Second, "discord": time.Second}

// SlackEnabled reports whether the bot connects to Slack: its bot token is
// set, or a channel is on Slack.
func (c Config) SlackEnabled() bool { return c.Secrets.SlackBotToken != "" || c.uses("slack") }

// DiscordEnabled reports whether the bot connects to Discord: its token is
// set, or a channel is on Discord.
func (c Config) DiscordEnabled() bool { return c.Secrets.DiscordToken != "" || c.uses("discord") }

func (c Config) uses(platform string) bool {
	for _, ch := range c.Channels {
		if ch.Platform == platform {
			return true
		}
	}
	return false
}

func (c *Config) applyPlatformEnv(getenv func(string) string) {
	for _, v := range []struct {
		env   string
		field *string
	}{
		{"BRIEFBOT_SLACK_MODE", &c.Slack.Mode},
		{"BRIEFBOT_SLACK_API_URL", &c.Slack.APIURL},
		{"BRIEFBOT_DISCORD_APP_ID", &c.Discord.AppID},
		{"BRIEFBOT_DISCORD_GUILD_ID", &c.Discord.GuildID},
		{"BRIEFBOT_DISCORD_INTERACTIONS", &c.Discord.Interactions},
		{"BRIEFBOT_DISCORD_API_URL", &c.Discord.APIURL},
	} {
		if s := getenv(v.env); s != "" {
			*v.field = s
		}
	}
}

// platformProblems checks that each platform in use has what it needs.
func (c Config) platformProblems(report func(path, msg string)) {
	switch c.Slack.Mode {
	case "socket", "http":
	default:
		report("slack.mode", fmt.Sprintf("want socket or http, got %q", c.Slack.Mode))
	}
	switch c.Discord.Interactions {
	case "gateway", "http":
	default:
		report("discord.interactions", fmt.Sprintf("want gateway or http, got %q", c.Discord.Interactions))
	}
	for _, u := range []struct{ path, url string }{{"slack.api_url", c.Slack.APIURL}, {"discord.api_url", c.Discord.APIURL}} {
		if u.url != "" && !isHTTPURL(u.url) {
			report(u.path, fmt.Sprintf("not an http(s) URL, got %q", u.url))
		}
	}
	for i, ch := range c.Channels {
		if msg := channelIDProblem(ch); msg != "" {
			report(fmt.Sprintf("channels[%d].id", i), msg)
		}
	}
	for _, id := range []struct{ path, env, what, value string }{
		{"discord.app_id", "BRIEFBOT_DISCORD_APP_ID", "application id", c.Discord.AppID},
		{"discord.guild_id", "BRIEFBOT_DISCORD_GUILD_ID", "server (guild) id", c.Discord.GuildID},
	} {
		if msg := snowflakeProblem(id.value, id.what); msg != "" {
			report(id.path, msg+"; it is set in the file or in "+id.env)
		}
	}
	s := c.Secrets
	if c.SlackEnabled() {
		switch {
		case s.SlackBotToken == "":
			report("BRIEFBOT_SLACK_BOT_TOKEN", "required for Slack: the app's bot token, xoxb-…")
		case !strings.HasPrefix(s.SlackBotToken.Reveal(), "xoxb-"):
			report("BRIEFBOT_SLACK_BOT_TOKEN", "not a bot token: it should start with xoxb-")
		}
		switch c.Slack.Mode {
		case "socket":
			switch {
			case s.SlackAppToken == "":
				report("BRIEFBOT_SLACK_APP_TOKEN", "required for Slack Socket Mode: an app-level token, xapp-…, with connections:write (or set slack.mode: http)")
			case !strings.HasPrefix(s.SlackAppToken.Reveal(), "xapp-"):
				report("BRIEFBOT_SLACK_APP_TOKEN", "not an app-level token: it should start with xapp-")
			}
		case "http":
			if s.SlackSigningSecret == "" {
				report("BRIEFBOT_SLACK_SIGNING_SECRET", "required for slack.mode http, to check that requests come from Slack")
			}
			if c.Listen == "" {
				report("listen", "required for slack.mode http: the address Slack's requests reach")
			}
		}
	}
	if c.DiscordEnabled() {
		if s.DiscordToken == "" {
			report("BRIEFBOT_DISCORD_TOKEN", "required for Discord: the application's bot token")
		}
		if strings.TrimSpace(c.Discord.AppID) == "" {
			report("discord.app_id", "required for Discord, to register its commands (or BRIEFBOT_DISCORD_APP_ID)")
		}
		if c.Discord.Interactions == "http" {
			if key, err := hex.DecodeString(s.DiscordPublicKey.Reveal()); err != nil || len(key) != 32 {
				report("BRIEFBOT_DISCORD_PUBLIC_KEY", "required for discord.interactions http: the application's public key, 64 hex digits")
			}
			if c.Listen == "" {
				report("listen", "required for discord.interactions http: the address Discord's requests reach")
			}
		}
	}
}

// channelIDProblem checks the shape of a chat channel's id: people give the
// channel's name (#general) where its id is wanted.
func channelIDProblem(ch Channel) string {
	id := strings.TrimSpace(ch.ID)
	if id == "" {
		return "" // reported as missing
	}
	switch ch.Platform {
	case "slack":
		if !slackChannelID(id) {
			return fmt.Sprintf("want a Slack channel id such as C0123ABCD (at the bottom of the channel's details), not its name; got %q", cut(id))
		}
	case "discord":
		if msg := snowflakeProblem(id, "channel id"); msg != "" {
			return msg
		}
	}
	return ""
}

// slackChannelID reports whether id looks like a Slack conversation id:
// C (channel), G (private) or D (direct), then capitals and digits.
func slackChannelID(id string) bool {
	if len(id) < 3 || !strings.ContainsRune("CGD", rune(id[0])) {
		return false
	}
	return strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
}

// cut shortens a value repeated in a message.
func cut(s string) string {
	if len(s) > 40 {
		return s[:37] + "…"
	}
	return s
}

// whereIDs says where Discord shows each kind of id.
var whereIDs = map[string]string{
	"application id":    "the Developer Portal shows it under General Information",
	"server (guild) id": "Copy Server ID gives it (right-click the server, with Developer Mode on)",
	"channel id":        "Copy Channel ID gives it (right-click the channel, with Developer Mode on)",
}

// snowflakeProblem checks a Discord id: digits only. The value is never
// repeated, as what is pasted in the wrong place is often a token.
func snowflakeProblem(v, what string) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return ""
	case slackToken(v), strings.HasPrefix(v, "xapp-"):
		return "this is a Slack token, not a Discord " + what + ": Slack tokens go only in BRIEFBOT_SLACK_BOT_TOKEN or BRIEFBOT_SLACK_APP_TOKEN, and one that has been in a file is best replaced"
	case discordToken(v):
		return "this is a Discord bot token, not the " + what + ": the token goes only in BRIEFBOT_DISCORD_TOKEN, and one that has been in a file is best replaced"
	case strings.Trim(v, "0123456789") != "":
		return "not a Discord " + what + ": want digits only, such as 1234567890123456789, as " + whereIDs[what]
	}
	return ""
}

func (s Slack) logValue() slog.Value {
	return slog.GroupValue(slog.String("mode", s.Mode), slog.String("api_url", s.APIURL))
}

func (d Discord) logValue() slog.Value {
	return slog.GroupValue(slog.String("app_id", d.AppID), slog.String("guild_id", d.GuildID),
		slog.String("interactions", d.Interactions), slog.String("api_url", d.APIURL))
}
