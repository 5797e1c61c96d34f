package config

import (
	"encoding/json"
	"log/slog"
)

const redacted = "REDACTED"

// Secret is a credential. Every way of printing, logging or marshalling it
// writes REDACTED; only [Secret.Reveal] gives the value, so a leak needs a
// deliberate call.
type Secret string

// Reveal returns the secret's value, for handing to an SDK.
func (s Secret) Reveal() string { return string(s) }

// String returns REDACTED.
func (s Secret) String() string { return redacted }

// GoString returns REDACTED, so that %#v does not print the value.
func (s Secret) GoString() string { return `config.Secret("` + redacted + `")` }

// LogValue returns REDACTED.
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalYAML writes REDACTED.
func (s Secret) MarshalYAML() (any, error) { return redacted, nil }

// MarshalJSON writes REDACTED.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(redacted) }

// Secrets are the credentials of the chat platforms and the web archive, each read from its
// BRIEFBOT_* environment variable. An empty Secret is not set.
type Secrets struct {
	SlackBotToken      Secret // BRIEFBOT_SLACK_BOT_TOKEN
	SlackAppToken      Secret // BRIEFBOT_SLACK_APP_TOKEN
	SlackSigningSecret Secret // BRIEFBOT_SLACK_SIGNING_SECRET
	DiscordToken       Secret // BRIEFBOT_DISCORD_TOKEN
	DiscordPublicKey   Secret // BRIEFBOT_DISCORD_PUBLIC_KEY
	// WebToken, when set, opens the web archive to those who have it;
	// without it the archive answers only on loopback.
	WebToken Secret // BRIEFBOT_WEB_TOKEN
}

// secretVars ties each secret to its variable and to the key under which
// it is rejected in the file.
var secretVars = []struct {
	key   string
	env   string
	field func(*Secrets) *Secret
}{
	{"slack_bot_token", "BRIEFBOT_SLACK_BOT_TOKEN", func(s *Secrets) *Secret { return &s.SlackBotToken }},
	{"slack_app_token", "BRIEFBOT_SLACK_APP_TOKEN", func(s *Secrets) *Secret { return &s.SlackAppToken }},
	{"slack_signing_secret", "BRIEFBOT_SLACK_SIGNING_SECRET", func(s *Secrets) *Secret { return &s.SlackSigningSecret }},
	{"discord_token", "BRIEFBOT_DISCORD_TOKEN", func(s *Secrets) *Secret { return &s.DiscordToken }},
	{"discord_public_key", "BRIEFBOT_DISCORD_PUBLIC_KEY", func(s *Secrets) *Secret { return &s.DiscordPublicKey }},
	{"web_token", "BRIEFBOT_WEB_TOKEN", func(s *Secrets) *Secret { return &s.WebToken }},
}

// LogValue logs which secrets are set, each as REDACTED.
func (s Secrets) LogValue() slog.Value {
	var attrs []slog.Attr
	for _, v := range secretVars {
		if *v.field(&s) != "" {
			attrs = append(attrs, slog.String(v.key, redacted))
		}
	}
	return slog.GroupValue(attrs...)
}
