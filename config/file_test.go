package config_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/config"
)

// TestFileProblemsInUsersWords checks that every problem in the file names
// its key's path and line and says what to do, in the words of the file
// rather than of Go's types, and that no secret is repeated.
func TestFileProblemsInUsersWords(t *testing.T) {
	const (
		slackToken   = "xoxb-1111-2222-abcdefhunter2"
		discordToken = "MTA0NTY3ODkwMTIzNDU2Nzg5.GhIjKl.abcdefghijklmnopqrstuvwxyzhunter2"
	)
	for _, tc := range []struct {
		name string
		file string
		want []string // the problems, each after "FILE:" when in the file
	}{
		{"misspelt top-level key", "seedz: s\n", []string{"1: seedz: unknown key; did you mean seeds?"}},
		{"swapped letters", "sedes: s\n", []string{"1: sedes: unknown key; did you mean seeds?"}},
		{"camel case", "maxBytes: 10\n", []string{"1: maxBytes: unknown key; did you mean max_bytes?"}},
		{"hyphen", "new-feed-items: 1\n", []string{"1: new-feed-items: unknown key; did you mean new_feed_items?"}},
		{"a section's key at the top", "app_id: \"42\"\n", []string{"1: app_id: unknown key here; it belongs under discord.app_id"}},
		{"a key of two sections", "mode: http\n", []string{"1: mode: unknown key here; it belongs under channels[].mode or slack.mode"}},
		{"a token at the top", "bot_token: x\n", []string{"1: bot_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_BOT_TOKEN or BRIEFBOT_DISCORD_TOKEN instead"}},
		{"nothing near at the top", "colour: blue\n", []string{"1: colour: unknown key; config/example.yaml lists every key"}},
		{"nothing near in a section", "slack:\n  channel: C1\n", []string{"2: slack.channel: unknown key; the keys here are api_url, mode"}},
		{"misspelt in a list", "channels:\n  - platform: console\n    id: a\n    topcs: [x]\n",
			[]string{"4: channels[0].topcs: unknown key; did you mean topics?"}},
		{"slack.bot_token", "slack:\n  bot_token: " + slackToken + "\n",
			[]string{"2: slack.bot_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_BOT_TOKEN instead"}},
		{"slack.app_token", "slack:\n  app_token: x\n", []string{"2: slack.app_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_APP_TOKEN instead"}},
		{"slack.signing_secret", "slack:\n  signing_secret: x\n", []string{"2: slack.signing_secret: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_SIGNING_SECRET instead"}},
		{"discord.token", "discord:\n  token: x\n", []string{"2: discord.token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_DISCORD_TOKEN instead"}},
		{"discord.bot_token", "discord:\n  bot_token: " + discordToken + "\n", []string{"2: discord.bot_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_DISCORD_TOKEN instead"}},
		{"discord.public_key", "discord:\n  public_key: x\n", []string{"2: discord.public_key: secrets come only from the environment: remove this key from the file and set BRIEFBOT_DISCORD_PUBLIC_KEY instead"}},
		{"top-level token key", "discord_token: x\n", []string{"1: discord_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_DISCORD_TOKEN instead"}},
		{"secrets block", "secrets:\n  slack_app_token: x\n  mine: y\n", []string{
			"2: secrets.slack_app_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_APP_TOKEN instead",
			"3: secrets.mine: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_BOT_TOKEN, BRIEFBOT_SLACK_APP_TOKEN, BRIEFBOT_SLACK_SIGNING_SECRET, BRIEFBOT_DISCORD_TOKEN, BRIEFBOT_DISCORD_PUBLIC_KEY, BRIEFBOT_WEB_TOKEN instead",
		}},
		{"Slack token in discord.app_id", "discord:\n  app_id: " + slackToken + "\n",
			[]string{"2: discord.app_id: a Slack bot token (xoxb-…) is a secret, and secrets come only from the environment: remove it from the file, set it in BRIEFBOT_SLACK_BOT_TOKEN"}},
		{"Slack user token in a channel id", "channels:\n  - platform: console\n    id: xoxp-123-456\n",
			[]string{"3: channels[0].id: a Slack token (xox…) is a secret", "channels[0].id: missing"}},
		{"Discord token in discord.app_id", "discord:\n  app_id: " + discordToken + "\n",
			[]string{"2: discord.app_id: a Discord bot token is a secret, and secrets come only from the environment: remove it from the file, set it in BRIEFBOT_DISCORD_TOKEN"}},
		{"not a number", "max_bytes: lots\n", []string{`1: max_bytes: want a whole number, got "lots"`}},
		{"not a boolean", "daemon: sometimes\n", []string{`1: daemon: want true or false, got "sometimes"`}},
		{"not a duration", "feeds:\n  - url: https://a.example/f\n    interval: 10\n", []string{`3: feeds[0].interval: want a duration such as 10m or 90s, got "10"`}},
		{"a list for a value", "seeds: [a, b]\n", []string{"1: seeds: want a single value, got a list"}},
		{"a value for a list", "feeds: https://a.example/f\n", []string{`1: feeds: want a list (one item a line, each after "- "), got "https://a.example/f"`}},
		{"a value for a section", "slack: http\n", []string{`1: slack: want keys under it (such as mode: api_url:), got "http"`}},
		{"a key twice", "seeds: a\ndb: b\nseeds: c\n", []string{"3: seeds: given twice (first on line 1); keep one"}},
		{"top level is a list", "- seeds\n", []string{"1: want keys such as seeds: and channels: at the top of the file, got a list"}},
		{"every problem at once", "seedz: s\nslack:\n  bot_token: x\nmax_bytes: lots\n", []string{
			"1: seedz: unknown key; did you mean seeds?",
			"3: slack.bot_token: secrets come only from the environment",
			`4: max_bytes: want a whole number, got "lots"`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, tc.file)
			_, err := config.Load(path, env(nil))
			wantProblems(t, "Load", problems(err), tc.want)
			for _, secret := range []string{"hunter2", "xoxp-123"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("Load error repeats a secret: %v", err)
				}
			}
			for _, goWords := range []string{"config.", "!!", "unmarshal", "not found in type"} {
				if strings.Contains(err.Error(), goWords) {
					t.Errorf("Load error speaks Go (%q): %v", goWords, err)
				}
			}
		})
	}
}

// TestFileAnchorsAndNulls checks that what YAML allows still loads: a key
// with no value keeps its default, and anchors and merge keys work.
func TestFileAnchorsAndNulls(t *testing.T) {
	path := writeFile(t, `seeds:
log:
channels:
  - &desk
    platform: console
    id: a
    mode: digest
    schedule: "@daily"
  - <<: *desk
    id: b
`)
	cfg, err := config.Load(path, env(nil))
	if err != nil {
		t.Fatalf("Load = %v", err)
	}
	if cfg.Seeds != "seeds" || cfg.Log.Level != "info" {
		t.Errorf("Seeds, Log.Level = %q, %q; want the defaults", cfg.Seeds, cfg.Log.Level)
	}
	var got []string
	for _, ch := range cfg.Channels {
		got = append(got, ch.Key()+" "+ch.Mode+" "+ch.Schedule)
	}
	if diff := cmp.Diff([]string{"console:a digest @daily", "console:b digest @daily"}, got); diff != "" {
		t.Errorf("channels mismatch (-want +got):\n%s", diff)
	}
}

// TestDiscordIDs checks the shape of Discord ids from the file or the
// environment: digits only, and never a token.
func TestDiscordIDs(t *testing.T) {
	discordOn := map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t"}
	with := func(k, v string) map[string]string {
		m := map[string]string{k: v}
		for k, v := range discordOn {
			m[k] = v
		}
		return m
	}
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"numeric", with("BRIEFBOT_DISCORD_APP_ID", "1234567890123456789"), nil},
		{"not numeric", with("BRIEFBOT_DISCORD_APP_ID", "my-bot"), []string{
			"discord.app_id: not a Discord application id: want digits only, such as 1234567890123456789, as the Developer Portal shows it under General Information; it is set in the file or in BRIEFBOT_DISCORD_APP_ID",
		}},
		{"Slack token", with("BRIEFBOT_DISCORD_APP_ID", "xoxb-1-2-hunter2"), []string{
			"discord.app_id: this is a Slack token, not a Discord application id: Slack tokens go only in BRIEFBOT_SLACK_BOT_TOKEN or BRIEFBOT_SLACK_APP_TOKEN",
		}},
		{"Discord token", with("BRIEFBOT_DISCORD_APP_ID", "MTA0NTY3ODkwMTIzNDU2Nzg5.GhIjKl.abcdefghijklmnopqrstuvwxyzhunter2"), []string{
			"discord.app_id: this is a Discord bot token, not the application id: the token goes only in BRIEFBOT_DISCORD_TOKEN",
		}},
		{"guild id", map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t", "BRIEFBOT_DISCORD_APP_ID": "42", "BRIEFBOT_DISCORD_GUILD_ID": "my server"}, []string{
			"discord.guild_id: not a Discord server (guild) id: want digits only",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Load("", env(tc.env))
			wantProblems(t, "Load", problems(err), tc.want)
			if err != nil && strings.Contains(err.Error(), "hunter2") {
				t.Errorf("Load error repeats a secret: %v", err)
			}
		})
	}
}

// TestChannelIDs checks that a channel's name given for its id is refused
// with the form wanted.
func TestChannelIDs(t *testing.T) {
	env := env(map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-1", "BRIEFBOT_SLACK_APP_TOKEN": "xapp-2", "BRIEFBOT_DISCORD_TOKEN": "t", "BRIEFBOT_DISCORD_APP_ID": "42"})
	for _, tc := range []struct {
		platform, id string
		want         []string
	}{
		{"slack", "C0123ABCD", nil},
		{"slack", "G01AB", nil},
		{"slack", "#general", []string{`channels[0].id: want a Slack channel id such as C0123ABCD (at the bottom of the channel's details), not its name; got "#general"`}},
		{"slack", "general", []string{"channels[0].id: want a Slack channel id such as C0123ABCD"}},
		{"discord", "1234567890123456789", nil},
		{"discord", "#news", []string{"channels[0].id: not a Discord channel id: want digits only"}},
		{"console", "#anything", nil},
	} {
		t.Run(tc.platform+" "+tc.id, func(t *testing.T) {
			path := writeFile(t, "channels:\n  - platform: "+tc.platform+"\n    id: \""+tc.id+"\"\n")
			_, err := config.Load(path, env)
			wantProblems(t, "Load", problems(err), tc.want)
		})
	}
}

func TestFileSectionOfManyKeys(t *testing.T) {
	_, err := config.Load(writeFile(t, "channels:\n  - console\n"), env(nil))
	wantProblems(t, "Load", problems(err), []string{
		`2: channels[0]: want keys under it (such as platform: id: mode: …), got "console"`,
		"channels[0].platform: missing",
		"channels[0].id: missing",
	})
}
