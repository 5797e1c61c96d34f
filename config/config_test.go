package config_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // so that time zones load on any machine

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot/config"
)

// env is a fake environment for Load.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// writeFile writes a config file into a fresh temporary directory.
func writeFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// problems splits an errors.Join result into its messages.
func problems(err error) []string {
	if err == nil {
		return nil
	}
	var msgs []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			msgs = append(msgs, problems(e)...)
		}
		return msgs
	}
	return []string{err.Error()}
}

func minutes(n int) config.Duration { return config.Duration(time.Duration(n) * time.Minute) }

func TestLoadDefaults(t *testing.T) {
	for _, tc := range []struct {
		name   string
		getenv func(string) string
	}{
		{"nil getenv", nil},
		{"empty environment", env(nil)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := config.Load("", tc.getenv)
			if err != nil {
				t.Fatalf("Load(\"\") error: %v", err)
			}
			want := config.Config{
				Seeds:        "seeds",
				DB:           "briefbot.db",
				MaxBytes:     5 << 20,
				Settle:       config.Duration(2 * time.Second),
				NewFeedItems: 3,
				// Today's behaviour: print each new briefing.
				Channels: []config.Channel{{Platform: "console", ID: "terminal", Mode: "immediate", Empty: "post"}},
				Slack:    config.Slack{Mode: "socket"},
				Discord:  config.Discord{Interactions: "gateway"},
				Log:      config.Log{Format: "auto", Level: "info"},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Load(\"\") mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(config.Default(), got); diff != "" {
				t.Errorf("Load(\"\") differs from Default() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := config.Load(path, env(nil))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(%q) = %v; want fs.ErrNotExist", path, err)
	}
}

func TestLoadEmptyFile(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "---\n"} {
		got, err := config.Load(writeFile(t, text), env(nil))
		if err != nil {
			t.Fatalf("Load(%q) error: %v", text, err)
		}
		if diff := cmp.Diff(config.Default(), got); diff != "" {
			t.Errorf("Load(%q) mismatch (-want +got):\n%s", text, diff)
		}
	}
}

func TestPrecedence(t *testing.T) {
	const file = `
seeds: file-seeds
db: file.db
max_bytes: 1000
feeds:
  - url: https://file.example/feed
    name: File
    interval: 30m
  - url: http://file.example/other
new_feed_items: 0
listen: ":8080"
daemon: true
log:
  format: json
  level: debug
`
	fileOnly := config.Config{
		Seeds:    "file-seeds",
		DB:       "file.db",
		MaxBytes: 1000,
		Settle:   config.Duration(2 * time.Second),
		Feeds: []config.Feed{
			{URL: "https://file.example/feed", Name: "File", Interval: minutes(30)},
			{URL: "http://file.example/other", Interval: minutes(10)},
		},
		NewFeedItems: 0, // explicit zero survives the default of 3
		Channels:     config.Default().Channels,
		Listen:       ":8080",
		Daemon:       true,
		Slack:        config.Slack{Mode: "socket"},
		Discord:      config.Discord{Interactions: "gateway"},
		Log:          config.Log{Format: "json", Level: "debug"},
	}
	for _, tc := range []struct {
		name  string
		file  string // "" means no file
		env   map[string]string
		flags config.Flags
		want  func(c *config.Config)
	}{
		{
			name: "file only",
			file: file,
			want: func(c *config.Config) {},
		},
		{
			name: "environment over file",
			file: file,
			env: map[string]string{
				"BRIEFBOT_SEEDS":      "env-seeds",
				"BRIEFBOT_DB":         "env.db",
				"BRIEFBOT_MAX_BYTES":  "2000",
				"BRIEFBOT_FEEDS":      "https://env.example/a, https://env.example/b\thttps://env.example/c",
				"BRIEFBOT_LISTEN":     "127.0.0.1:9090",
				"BRIEFBOT_DAEMON":     "false",
				"BRIEFBOT_LOG_FORMAT": "text",
				"BRIEFBOT_LOG_LEVEL":  "warn",
			},
			want: func(c *config.Config) {
				c.Seeds, c.DB, c.MaxBytes = "env-seeds", "env.db", 2000
				c.Listen, c.Daemon = "127.0.0.1:9090", false
				c.Feeds = append(c.Feeds,
					config.Feed{URL: "https://env.example/a", Interval: minutes(10)},
					config.Feed{URL: "https://env.example/b", Interval: minutes(10)},
					config.Feed{URL: "https://env.example/c", Interval: minutes(10)})
				c.Log = config.Log{Format: "text", Level: "warn"}
			},
		},
		{
			name: "flags over environment over file",
			file: file,
			env: map[string]string{
				"BRIEFBOT_SEEDS":  "env-seeds",
				"BRIEFBOT_DB":     "env.db",
				"BRIEFBOT_FEEDS":  "https://env.example/a",
				"BRIEFBOT_LISTEN": ":9000",
			},
			flags: config.Flags{Seeds: "flag-seeds", Feeds: []string{"https://flag.example/x", ""}, LogFormat: "auto"},
			want: func(c *config.Config) {
				c.Seeds, c.DB = "flag-seeds", "env.db" // no -db flag: the environment stands
				c.Listen = ":9000"                     // nor -listen
				c.Log.Format = "auto"
				c.Feeds = append(c.Feeds,
					config.Feed{URL: "https://env.example/a", Interval: minutes(10)},
					config.Feed{URL: "https://flag.example/x", Interval: minutes(10)})
			},
		},
		{
			name:  "flags over defaults",
			flags: config.Flags{Seeds: "flag-seeds", DB: "flag.db", Listen: ":0", LogFormat: "json", Daemon: true},
			want: func(c *config.Config) {
				*c = config.Default()
				c.Seeds, c.DB, c.Listen, c.Log.Format, c.Daemon = "flag-seeds", "flag.db", ":0", "json", true
			},
		},
		{
			name:  "daemon flag false leaves the environment's true",
			env:   map[string]string{"BRIEFBOT_DAEMON": "1"},
			flags: config.Flags{Daemon: false},
			want: func(c *config.Config) {
				*c = config.Default()
				c.Daemon = true
			},
		},
		{
			name: "secrets from environment",
			env: map[string]string{
				"BRIEFBOT_SLACK_BOT_TOKEN":      "xoxb-1",
				"BRIEFBOT_SLACK_APP_TOKEN":      "xapp-2",
				"BRIEFBOT_SLACK_SIGNING_SECRET": "sign-3",
				"BRIEFBOT_DISCORD_TOKEN":        "disc-4",
				"BRIEFBOT_DISCORD_PUBLIC_KEY":   "pub-5",
				"BRIEFBOT_DISCORD_APP_ID":       "42",
			},
			want: func(c *config.Config) {
				*c = config.Default()
				c.Discord.AppID = "42"
				c.Secrets = config.Secrets{
					SlackBotToken:      "xoxb-1",
					SlackAppToken:      "xapp-2",
					SlackSigningSecret: "sign-3",
					DiscordToken:       "disc-4",
					DiscordPublicKey:   "pub-5",
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := ""
			if tc.file != "" {
				path = writeFile(t, tc.file)
			}
			got, err := config.Load(path, env(tc.env))
			if err != nil {
				t.Fatalf("Load error: %v", err)
			}
			got.Apply(tc.flags)
			if err := got.Validate(); err != nil {
				t.Fatalf("Validate after Apply: %v", err)
			}
			want := fileOnly
			want.Feeds = append([]config.Feed(nil), fileOnly.Feeds...)
			tc.want(&want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("config mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	valid := config.Default
	for _, tc := range []struct {
		name   string
		modify func(c *config.Config)
		want   []string
	}{
		{"defaults", func(c *config.Config) {}, nil},
		{"empty seeds", func(c *config.Config) { c.Seeds = "" }, []string{"seeds: must not be empty"}},
		{"empty db", func(c *config.Config) { c.DB = "" }, []string{"db: must not be empty"}},
		{"zero max_bytes", func(c *config.Config) { c.MaxBytes = 0 }, []string{"max_bytes: must be positive, got 0"}},
		{"zero new_feed_items", func(c *config.Config) { c.NewFeedItems = 0 }, nil},
		{"negative new_feed_items", func(c *config.Config) { c.NewFeedItems = -1 }, []string{"new_feed_items: must be 0 or more, got -1"}},
		{"json log", func(c *config.Config) { c.Log.Format = "json" }, nil},
		{"text log", func(c *config.Config) { c.Log.Format = "text" }, nil},
		{"bad log format", func(c *config.Config) { c.Log.Format = "xml" }, []string{`log.format: want auto, text or json, got "xml"`}},
		{"no channels", func(c *config.Config) { c.Channels = nil }, nil},
		{"upper-case level", func(c *config.Config) { c.Log.Level = "INFO" }, []string{`log.level: want debug, info, warn or error, got "INFO"`}},
		{"missing url", func(c *config.Config) { c.Feeds = []config.Feed{{Interval: minutes(10)}} }, []string{"feeds[0].url: missing"}},
		{"relative url", func(c *config.Config) { c.Feeds = []config.Feed{{URL: "example.com/feed", Interval: minutes(10)}} },
			[]string{`feeds[0].url: not an http(s) URL, got "example.com/feed"`}},
		{"upper-case scheme", func(c *config.Config) {
			c.Feeds = []config.Feed{{URL: "HTTPS://example.com/feed", Interval: minutes(10)}}
		}, nil},
		{"exactly 1m", func(c *config.Config) { c.Feeds = []config.Feed{{URL: "https://a.example/", Interval: minutes(1)}} }, nil},
		{"zero interval", func(c *config.Config) { c.Feeds = []config.Feed{{URL: "https://a.example/"}} },
			[]string{"feeds[0].interval: under the 1m minimum, got 0s"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := valid()
			tc.modify(&c)
			if diff := cmp.Diff(tc.want, problems(c.Validate())); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadReportsEveryProblem checks that problems in the file's keys, its
// values, the environment and the result all come back in one error.
func TestLoadReportsEveryProblem(t *testing.T) {
	path := writeFile(t, `seeds: ""
max_bytes: -1
maxbytes: 10
feeds:
  - url: https://a.example/feed
    interval: 30s
  - url: ftp://a.example/feed
  - url: https://a.example/feed
  - url: https://b.example/feed
    intervl: 5m
  - url: https://c.example/feed
    interval: ten minutes
new_feed_items: -2
log:
  format: xml
  level: loud
secrets:
  slack_bot_token: xoxb-from-file
`)
	_, err := config.Load(path, env(map[string]string{
		"BRIEFBOT_MAX_BYTES": "5MB",
		"BRIEFBOT_FEEDS":     "not-a-url",
	}))
	want := []string{
		path + ":3: maxbytes: unknown key; did you mean max_bytes?",
		path + ":10: feeds[3].intervl: unknown key; did you mean interval?",
		path + `:12: feeds[4].interval: want a duration such as 10m or 90s, got "ten minutes"`,
		path + ":18: secrets.slack_bot_token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_SLACK_BOT_TOKEN instead",
		`BRIEFBOT_MAX_BYTES: want a whole number of bytes, got "5MB"`,
		"seeds: must not be empty",
		"max_bytes: must be positive, got -1",
		"feeds[0].interval: under the 1m minimum, got 30s",
		`feeds[1].url: not an http(s) URL, got "ftp://a.example/feed"`,
		"feeds[2].url: duplicate of feeds[0]",
		`feeds[5].url: not an http(s) URL, got "not-a-url"`,
		"new_feed_items: must be 0 or more, got -2",
		`log.format: want auto, text or json, got "xml"`,
		`log.level: want debug, info, warn or error, got "loud"`,
	}
	if diff := cmp.Diff(want, problems(err)); diff != "" {
		t.Errorf("Load problems mismatch (-want +got):\n%s", diff)
	}
	if strings.Contains(fmt.Sprint(err), "xoxb-from-file") {
		t.Errorf("Load error shows the secret from the file: %v", err)
	}
}

func TestLoadFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		want []string // each must appear in the error
	}{
		{"unknown top-level key", "seeds: s\nsedes: t\n", []string{":2: sedes: unknown key; did you mean seeds?"}},
		{"unknown log key", "log:\n  fromat: json\n", []string{":2: log.fromat: unknown key; did you mean format?"}},
		{"wrong type", "max_bytes: lots\n", []string{`:1: max_bytes: want a whole number, got "lots"`}},
		{"not a mapping", "- seeds\n", []string{":1: want keys such as seeds: and channels: at the top of the file, got a list"}},
		{"syntax error", "seeds: [\n", []string{"briefbot.yaml:1: not valid YAML (did not find expected node content); check the indentation"}},
		{"tab", "log:\n\tlevel: info\n", []string{"briefbot.yaml:2: not valid YAML (found character that cannot start any token); indent with spaces: YAML does not allow tabs"}},
		{"no line", "a: b: c\n", []string{"briefbot.yaml: not valid YAML (mapping values are not allowed in this context); check the indentation, and put quotes around a value"}},
		{"secrets key", "secrets:\n  discord_token: abc\n", []string{"secrets.discord_token: secrets come only from the environment", "set BRIEFBOT_DISCORD_TOKEN"}},
		{"top-level secret", "slack_signing_secret: abc\n", []string{"slack_signing_secret: secrets come only from the environment", "set BRIEFBOT_SLACK_SIGNING_SECRET"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Load(writeFile(t, tc.file), env(nil))
			if err == nil {
				t.Fatalf("Load(%q) = nil error; want one containing %q", tc.file, tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load(%q) = %v; want it to contain %q", tc.file, err, w)
				}
			}
			if strings.Contains(err.Error(), "abc") {
				t.Errorf("Load(%q) error shows the secret: %v", tc.file, err)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		yaml    string
		want    config.Duration
		wantErr bool
	}{
		{yaml: "d: 10m", want: minutes(10)},
		{yaml: "d: 90s", want: config.Duration(90 * time.Second)},
		{yaml: "d: 1h30m", want: minutes(90)},
		{yaml: `d: "2m"`, want: minutes(2)},
		{yaml: "d: 600", wantErr: true}, // no unit
		{yaml: "d: ten minutes", wantErr: true},
		{yaml: "d: [1m]", wantErr: true},
		{yaml: "d: {m: 1}", wantErr: true},
	} {
		var got struct{ D config.Duration }
		err := yaml.Unmarshal([]byte(tc.yaml), &got)
		if (err != nil) != tc.wantErr {
			t.Errorf("yaml.Unmarshal(%q) error = %v; want error %v", tc.yaml, err, tc.wantErr)
			continue
		}
		if err == nil && got.D != tc.want {
			t.Errorf("yaml.Unmarshal(%q) = %v; want %v", tc.yaml, got.D, tc.want)
		}
	}
	if got, want := config.Duration(90*time.Second).String(), "1m30s"; got != want {
		t.Errorf("Duration(90s).String() = %q; want %q", got, want)
	}
}

func TestDurationRoundTrip(t *testing.T) {
	in := config.Feed{URL: "https://a.example/", Interval: minutes(90)}
	y, err := yaml.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(y), "interval: 1h30m0s") {
		t.Errorf("yaml.Marshal(%v) = %s; want interval: 1h30m0s", in, y)
	}
	var fromYAML config.Feed
	if err := yaml.Unmarshal(y, &fromYAML); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON config.Feed
	if err := json.Unmarshal(j, &fromJSON); err != nil {
		t.Fatal(err)
	}
	for _, got := range []config.Feed{fromYAML, fromJSON} {
		if diff := cmp.Diff(in, got); diff != "" {
			t.Errorf("round trip mismatch (-want +got):\n%s", diff)
		}
	}
}

// TestSecretsNeverShown sets every secret and checks each way a Config can
// be printed, logged or marshalled.
func TestSecretsNeverShown(t *testing.T) {
	vals := map[string]string{
		"BRIEFBOT_SLACK_BOT_TOKEN":      "xoxb-secret-1",
		"BRIEFBOT_SLACK_APP_TOKEN":      "xapp-secret-2",
		"BRIEFBOT_SLACK_SIGNING_SECRET": "signing-secret-3",
		"BRIEFBOT_DISCORD_TOKEN":        "discord-secret-4",
		"BRIEFBOT_DISCORD_PUBLIC_KEY":   "pubkey-secret-5",
	}
	cfg, err := config.Load("", env(map[string]string{
		"BRIEFBOT_SLACK_BOT_TOKEN": vals["BRIEFBOT_SLACK_BOT_TOKEN"], "BRIEFBOT_SLACK_APP_TOKEN": vals["BRIEFBOT_SLACK_APP_TOKEN"],
		"BRIEFBOT_SLACK_SIGNING_SECRET": vals["BRIEFBOT_SLACK_SIGNING_SECRET"], "BRIEFBOT_DISCORD_TOKEN": vals["BRIEFBOT_DISCORD_TOKEN"],
		"BRIEFBOT_DISCORD_PUBLIC_KEY": vals["BRIEFBOT_DISCORD_PUBLIC_KEY"], "BRIEFBOT_DISCORD_APP_ID": "42",
	}))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Feeds = []config.Feed{{URL: "https://a.example/", Name: "A", Interval: minutes(10)}}

	outputs := map[string]string{
		"fmt.Sprint":        fmt.Sprint(cfg),
		"%+v":               fmt.Sprintf("%+v", cfg),
		"%#v":               fmt.Sprintf("%#v", cfg),
		"%s":                fmt.Sprintf("%s", cfg.Secrets),
		"%q":                fmt.Sprintf("%q", cfg.Secrets.SlackBotToken),
		"%x":                fmt.Sprintf("%x", cfg.Secrets.SlackBotToken),
		"pointer %+v":       fmt.Sprintf("%+v", &cfg),
		"error wrapping %v": fmt.Errorf("with %v", cfg.Secrets.DiscordToken).Error(),
	}
	var jsonLog, textLog bytes.Buffer
	slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("loaded config", "config", cfg, "secrets", cfg.Secrets, "token", cfg.Secrets.SlackBotToken)
	slog.New(slog.NewTextHandler(&textLog, nil)).Info("loaded config", "config", cfg, "secrets", cfg.Secrets, "token", cfg.Secrets.SlackBotToken)
	outputs["slog JSON"] = jsonLog.String()
	outputs["slog text"] = textLog.String()
	for _, v := range []any{cfg, cfg.Secrets, cfg.Secrets.SlackBotToken} {
		y, err := yaml.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		outputs[fmt.Sprintf("yaml %T", v)] = string(y)
		outputs[fmt.Sprintf("json %T", v)] = string(j)
	}

	for how, out := range outputs {
		for _, secret := range vals {
			if strings.Contains(out, secret) {
				t.Errorf("%s shows %q:\n%s", how, secret, out)
			}
		}
	}
	for _, how := range []string{"fmt.Sprint", "slog JSON", "slog text", "json config.Config"} {
		if !strings.Contains(outputs[how], "REDACTED") {
			t.Errorf("%s = %s; want REDACTED in place of the secrets", how, outputs[how])
		}
	}
	if got := cfg.Secrets.SlackBotToken.Reveal(); got != vals["BRIEFBOT_SLACK_BOT_TOKEN"] {
		t.Errorf("SlackBotToken.Reveal() = %q; want %q", got, vals["BRIEFBOT_SLACK_BOT_TOKEN"])
	}
}

func TestLogValue(t *testing.T) {
	cfg, err := config.Load("", env(map[string]string{
		"BRIEFBOT_FEEDS":          "https://a.example/feed",
		"BRIEFBOT_DISCORD_TOKEN":  "disc-secret",
		"BRIEFBOT_DISCORD_APP_ID": "42",
		"BRIEFBOT_DIGEST":         "0 8 * * 1-5",
		"BRIEFBOT_TIMEZONE":       "Europe/Brussels",
		"BRIEFBOT_LISTEN":         ":8080",
		"BRIEFBOT_DB":             "postgres://bot:hunter2@db.example/briefbot",
		"BRIEFBOT_REPLICA":        "bot-1",
		"BRIEFBOT_LEASE":          "20s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Channels = append(cfg.Channels, config.Channel{
		Platform: "console", ID: "go", Mode: "immediate", Empty: "skip",
		Topics: []string{"generics"}, Sources: []string{"seeds", "go/*.md"}, Pace: minutes(1),
	})
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("loaded config", "config", cfg)
	var got struct{ Config map[string]any }
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("decoding log line %s: %v", buf.Bytes(), err)
	}
	want := map[string]any{
		"seeds":          "seeds",
		"db":             "postgres://bot:xxxxx@db.example/briefbot", // no password in the logs
		"replica":        "bot-1",
		"lease":          "20s",
		"max_bytes":      float64(5 << 20),
		"feeds":          map[string]any{"0": map[string]any{"url": "https://a.example/feed", "name": "", "interval": "10m0s"}},
		"new_feed_items": float64(3),
		"channels": map[string]any{
			"0": map[string]any{
				"platform": "console", "id": "terminal", "mode": "both",
				"schedule": "0 8 * * 1-5", "timezone": "Europe/Brussels",
				"topics": nil, "sources": nil, "empty": "post", "pace": "0s",
			},
			"1": map[string]any{
				"platform": "console", "id": "go", "mode": "immediate",
				"schedule": "", "timezone": "",
				"topics": []any{"generics"}, "sources": []any{"seeds", "go/*.md"}, "empty": "skip", "pace": "1m0s",
			},
		},
		"listen":       ":8080",
		"admin_listen": "",
		"web":          map[string]any{"listen": "", "base_url": ""},
		"daemon":       false,
		"slack":        map[string]any{"mode": "socket", "api_url": ""},
		"discord":      map[string]any{"app_id": "42", "guild_id": "", "interactions": "gateway", "api_url": ""},
		"log":          map[string]any{"format": "auto", "level": "info"},
		// Only the secrets that are set, so the log shows what is configured.
		"secrets": map[string]any{"discord_token": "REDACTED"},
	}
	if diff := cmp.Diff(want, got.Config); diff != "" {
		t.Errorf("logged config mismatch (-want +got):\n%s", diff)
	}
}

// TestExample keeps example.yaml loading, valid, and documenting every key.
func TestExample(t *testing.T) {
	cfg, err := config.Load("example.yaml", env(nil))
	if err != nil {
		t.Fatalf("Load(example.yaml): %v", err)
	}
	if len(cfg.Feeds) == 0 {
		t.Errorf("example.yaml has no feeds; want at least one to show the keys")
	}
	var immediate, digest bool
	for _, ch := range cfg.Channels {
		immediate = immediate || ch.Immediate()
		digest = digest || ch.Digest()
	}
	if !immediate || !digest {
		t.Errorf("example.yaml channels = %+v; want an immediate one and a digest one", cfg.Channels)
	}

	data, err := os.ReadFile("example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Top      map[string]any   `yaml:",inline"`
		Feeds    []map[string]any `yaml:"feeds"`
		Channels []map[string]any `yaml:"channels"`
		Slack    map[string]any   `yaml:"slack"`
		Discord  map[string]any   `yaml:"discord"`
		Log      map[string]any   `yaml:"log"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	// Keys decoded into their own fields are checked field by field below.
	doc.Top["feeds"], doc.Top["channels"], doc.Top["slack"], doc.Top["discord"], doc.Top["log"] = true, true, true, true, true
	// Channels show their keys between them, as no one channel uses all:
	// a schedule's CRON_TZ= and a timezone key would say the same twice.
	channelKeys := make(map[string]any)
	for _, ch := range doc.Channels {
		for k, v := range ch {
			channelKeys[k] = v
		}
	}
	check := func(where string, typ reflect.Type, keys map[string]any) {
		for i := range typ.NumField() {
			key, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
			if key == "-" {
				continue
			}
			if _, ok := keys[key]; !ok {
				t.Errorf("example.yaml lacks %s%s", where, key)
			}
		}
	}
	check("", reflect.TypeFor[config.Config](), doc.Top)
	check("feeds[0].", reflect.TypeFor[config.Feed](), doc.Feeds[0])
	check("channels[].", reflect.TypeFor[config.Channel](), channelKeys)
	check("slack.", reflect.TypeFor[config.Slack](), doc.Slack)
	check("discord.", reflect.TypeFor[config.Discord](), doc.Discord)
	check("log.", reflect.TypeFor[config.Log](), doc.Log)
}

// wantProblems checks that got has one problem per want, in order, each
// containing its want.
func wantProblems(t *testing.T, what string, got []string, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s problems = %q; want %d containing %q", what, got, len(want), want)
		return
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("%s problem %d = %q; want it to contain %q", what, i, got[i], want[i])
		}
	}
}

func TestValidateChannels(t *testing.T) {
	console := func(id string, modify ...func(*config.Channel)) config.Channel {
		ch := config.Channel{Platform: "console", ID: id, Mode: "immediate", Empty: "post"}
		for _, m := range modify {
			m(&ch)
		}
		return ch
	}
	digest := func(schedule string) func(*config.Channel) {
		return func(ch *config.Channel) { ch.Mode, ch.Schedule = "digest", schedule }
	}
	zone := func(tz string) func(*config.Channel) {
		return func(ch *config.Channel) { ch.Timezone = tz }
	}
	for _, tc := range []struct {
		name     string
		channels []config.Channel
		want     []string // each problem must contain its string, in order
	}{
		{"immediate", []config.Channel{console("t")}, nil},
		{"digest with CRON_TZ", []config.Channel{console("t", digest("CRON_TZ=Europe/Brussels 0 8 * * 1-5"))}, nil},
		{"digest with TZ", []config.Channel{console("t", digest("TZ=Asia/Tokyo 0 8 * * *"))}, nil},
		{"both with a descriptor and a zone", []config.Channel{console("t", digest("@daily"), zone("America/New_York"),
			func(ch *config.Channel) { ch.Mode = "both" })}, nil},
		{"every", []config.Channel{console("t", digest("@every 1h30m"))}, nil},
		{"same zone in both places", []config.Channel{console("t", digest("CRON_TZ=Europe/Brussels 0 8 * * *"), zone("Europe/Brussels"))}, nil},
		{"timezone with immediate", []config.Channel{console("t", zone("Europe/Brussels"))}, nil},
		{"filters and pace", []config.Channel{console("t", func(ch *config.Channel) {
			ch.Topics, ch.Sources, ch.Empty, ch.Pace = []string{"Go", "memory safety"}, []string{"seeds", "go/*.md"}, "skip", minutes(1)
		})}, nil},
		{"two channels", []config.Channel{console("a"), console("b")}, nil},

		{"slack", []config.Channel{console("C123", func(ch *config.Channel) { ch.Platform = "slack" })},
			[]string{"BRIEFBOT_SLACK_BOT_TOKEN: required for Slack", "BRIEFBOT_SLACK_APP_TOKEN: required for Slack Socket Mode"}},
		{"discord", []config.Channel{console("1234", func(ch *config.Channel) { ch.Platform = "discord" })},
			[]string{"BRIEFBOT_DISCORD_TOKEN: required for Discord", "discord.app_id: required for Discord"}},
		{"unknown platform", []config.Channel{console("t", func(ch *config.Channel) { ch.Platform = "irc" })},
			[]string{`channels[0].platform: want console, slack or discord, got "irc"`}},
		{"upper-case platform", []config.Channel{console("t", func(ch *config.Channel) { ch.Platform = "Console" })},
			[]string{`channels[0].platform: want console, slack or discord, got "Console"`}},
		{"no platform", []config.Channel{console("t", func(ch *config.Channel) { ch.Platform = "" })},
			[]string{"channels[0].platform: missing; want console, slack or discord"}},
		{"no id", []config.Channel{console("")}, []string{"channels[0].id: missing"}},
		{"blank id", []config.Channel{console(" \t")}, []string{"channels[0].id: missing"}},
		{"duplicate", []config.Channel{console("a"), console("b"), console("a", digest("@daily"))},
			[]string{"channels[2].id: duplicate of channels[0] (console:a)"}},
		{"same id on another platform", []config.Channel{console("C0A"), console("C0A", func(ch *config.Channel) { ch.Platform = "slack" })},
			[]string{"BRIEFBOT_SLACK_BOT_TOKEN: required for Slack", "BRIEFBOT_SLACK_APP_TOKEN: required for Slack Socket Mode"}},
		{"unknown mode", []config.Channel{console("t", func(ch *config.Channel) { ch.Mode = "daily" })},
			[]string{`channels[0].mode: want immediate, digest or both, got "daily"`}},
		{"empty mode", []config.Channel{console("t", func(ch *config.Channel) { ch.Mode = "" })},
			[]string{`channels[0].mode: want immediate, digest or both, got ""`}},
		{"digest without schedule", []config.Channel{console("t", digest(""))},
			[]string{"channels[0].schedule: required for mode digest"}},
		{"both without schedule", []config.Channel{console("t", func(ch *config.Channel) { ch.Mode = "both" })},
			[]string{"channels[0].schedule: required for mode both"}},
		{"schedule with immediate", []config.Channel{console("t", func(ch *config.Channel) { ch.Schedule = "@daily" })},
			[]string{"channels[0].schedule: only used with mode digest or both"}},
		{"four fields", []config.Channel{console("t", digest("0 8 * *"))},
			[]string{"channels[0].schedule: expected exactly 5 fields, found 4"}},
		{"seconds field", []config.Channel{console("t", digest("0 0 8 * * *"))},
			[]string{"channels[0].schedule: expected exactly 5 fields, found 6"}},
		{"minute out of range", []config.Channel{console("t", digest("61 * * * *"))},
			[]string{"channels[0].schedule: end of range (61) above maximum (59)"}},
		{"unknown descriptor", []config.Channel{console("t", digest("@fortnightly"))},
			[]string{"channels[0].schedule: unrecognized descriptor: @fortnightly"}},
		{"bad CRON_TZ", []config.Channel{console("t", digest("CRON_TZ=Mars/Olympus 0 8 * * *"))},
			[]string{`channels[0].schedule: unknown time zone "Mars/Olympus"`}},
		{"CRON_TZ=Local", []config.Channel{console("t", digest("CRON_TZ=Local 0 8 * * *"))},
			[]string{`channels[0].schedule: time zone "Local" is the server's; name a zone such as "Europe/Brussels"`}},
		{"empty CRON_TZ", []config.Channel{console("t", digest("CRON_TZ= 0 8 * * *"))},
			[]string{"channels[0].schedule: empty time zone after CRON_TZ="}},
		// cron itself panics on this one.
		{"CRON_TZ alone", []config.Channel{console("t", digest("CRON_TZ=Europe/Brussels"))},
			[]string{"channels[0].schedule: nothing after the time zone CRON_TZ=Europe/Brussels"}},
		{"TZ then a tab", []config.Channel{console("t", digest("TZ=UTC\t@daily"))}, nil},
		{"two zone prefixes", []config.Channel{console("t", digest("TZ=UTC CRON_TZ=UTC @daily"))},
			[]string{"channels[0].schedule: more than one time zone"}},
		{"every under a second", []config.Channel{console("t", digest("@every 500ms"))},
			[]string{`channels[0].schedule: @every takes a whole number of seconds, at least 1s, got "500ms"`}},
		{"every in part seconds", []config.Channel{console("t", digest("@every 1500ms"))},
			[]string{`channels[0].schedule: @every takes a whole number of seconds, at least 1s, got "1500ms"`}},
		{"every negative", []config.Channel{console("t", digest("@every -1h"))},
			[]string{`channels[0].schedule: @every takes a whole number of seconds, at least 1s, got "-1h"`}},
		{"every with no duration", []config.Channel{console("t", digest("@every"))},
			[]string{"channels[0].schedule: unrecognized descriptor: @every"}},
		{"Local timezone", []config.Channel{console("t", digest("@daily"), zone("Local"))},
			[]string{`channels[0].timezone: time zone "Local" is the server's; name a zone such as "Europe/Brussels"`}},
		{"30 February", []config.Channel{console("t", digest("0 0 30 2 *"))},
			[]string{`channels[0].schedule: "0 0 30 2 *" never comes round`}},
		{"unknown timezone", []config.Channel{console("t", digest("@daily"), zone("Mars/Olympus"))},
			[]string{`channels[0].timezone: unknown time zone "Mars/Olympus"`}},
		{"two zones", []config.Channel{console("t", digest("CRON_TZ=Europe/Brussels 0 8 * * *"), zone("Europe/Paris"))},
			[]string{`channels[0].schedule: CRON_TZ=Europe/Brussels differs from the channel's time zone "Europe/Paris"; set the zone in one place`}},
		{"unknown zone and another in the schedule", []config.Channel{console("t", digest("CRON_TZ=UTC @daily"), zone("Brussels"))},
			[]string{`channels[0].timezone: unknown time zone "Brussels"`}},
		{"unknown empty", []config.Channel{console("t", func(ch *config.Channel) { ch.Empty = "never" })},
			[]string{`channels[0].empty: want post or skip, got "never"`}},
		{"empty empty", []config.Channel{console("t", func(ch *config.Channel) { ch.Empty = "" })},
			[]string{`channels[0].empty: want post or skip, got ""`}},
		{"negative pace", []config.Channel{console("t", func(ch *config.Channel) { ch.Pace = config.Duration(-time.Second) })},
			[]string{"channels[0].pace: must not be negative, got -1s"}},
		{"blank topic", []config.Channel{console("t", func(ch *config.Channel) { ch.Topics = []string{"Go", " "} })},
			[]string{"channels[0].topics[1]: must not be blank"}},
		{"blank source", []config.Channel{console("t", func(ch *config.Channel) { ch.Sources = []string{""} })},
			[]string{"channels[0].sources[0]: must not be blank"}},
		{"several at once", []config.Channel{
			console("a"),
			{Platform: "slack", Mode: "both", Schedule: "0 8 * *", Timezone: "Nowhere", Empty: "maybe", Pace: -1, Topics: []string{""}},
			console("a"),
		}, []string{
			"channels[1].id: missing",
			`channels[1].timezone: unknown time zone "Nowhere"`,
			"channels[1].schedule: expected exactly 5 fields",
			`channels[1].empty: want post or skip, got "maybe"`,
			"channels[1].pace: must not be negative, got -1ns",
			"channels[1].topics[0]: must not be blank",
			"channels[2].id: duplicate of channels[0] (console:a)",
			"BRIEFBOT_SLACK_BOT_TOKEN: required for Slack",
			"BRIEFBOT_SLACK_APP_TOKEN: required for Slack Socket Mode",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := config.Default()
			c.Channels = tc.channels
			wantProblems(t, "Validate()", problems(c.Validate()), tc.want)
		})
	}
}

func TestChannelMethods(t *testing.T) {
	for _, tc := range []struct {
		ch                config.Channel
		key               string
		immediate, digest bool
	}{
		{config.Channel{Platform: "console", ID: "terminal", Mode: "immediate"}, "console:terminal", true, false},
		{config.Channel{Platform: "console", ID: "news", Mode: "digest", Schedule: "@daily"}, "console:news", false, true},
		{config.Channel{Platform: "slack", ID: "C0123", Mode: "both", Schedule: "0 8 * * *"}, "slack:C0123", true, true},
		{config.Channel{Platform: "console", ID: "x", Mode: "sometimes"}, "console:x", false, false},
		{config.Channel{Platform: "console", ID: "x"}, "console:x", false, false}, // Load sets "immediate"
	} {
		if got := tc.ch.Key(); got != tc.key {
			t.Errorf("%+v.Key() = %q; want %q", tc.ch, got, tc.key)
		}
		if got := tc.ch.Immediate(); got != tc.immediate {
			t.Errorf("%+v.Immediate() = %v; want %v", tc.ch, got, tc.immediate)
		}
		if got := tc.ch.Digest(); got != tc.digest {
			t.Errorf("%+v.Digest() = %v; want %v", tc.ch, got, tc.digest)
		}
	}
}

// TestLoadChannels covers the default channel, the defaults of channels
// from the file, and BRIEFBOT_DIGEST and BRIEFBOT_TIMEZONE.
func TestLoadChannels(t *testing.T) {
	terminal := config.Channel{Platform: "console", ID: "terminal", Mode: "immediate", Empty: "post"}
	const twoChannels = `
channels:
  - platform: console
    id: news
  - platform: console
    id: morning
    mode: digest
    schedule: "@daily"
    empty: skip
`
	fromFile := []config.Channel{
		{Platform: "console", ID: "news", Mode: "immediate", Empty: "post"},
		{Platform: "console", ID: "morning", Mode: "digest", Schedule: "@daily", Empty: "skip"},
	}
	for _, tc := range []struct {
		name    string
		file    string // "" means no file
		env     map[string]string
		want    []config.Channel
		wantErr []string // each problem must contain its string, in order
	}{
		{name: "default", want: []config.Channel{terminal}},
		{name: "file without channels", file: "seeds: s\n", want: []config.Channel{terminal}},
		{name: "empty list", file: "channels: []\n", want: []config.Channel{terminal}},
		{name: "file channels get defaults", file: twoChannels, want: fromFile},
		{
			name: "digest",
			env:  map[string]string{"BRIEFBOT_DIGEST": "@daily"},
			want: []config.Channel{{Platform: "console", ID: "terminal", Mode: "both", Schedule: "@daily", Empty: "post"}},
		},
		{
			name: "digest and timezone",
			env:  map[string]string{"BRIEFBOT_DIGEST": " 0 8 * * 1-5 ", "BRIEFBOT_TIMEZONE": "Europe/Brussels"},
			want: []config.Channel{{Platform: "console", ID: "terminal", Mode: "both", Schedule: "0 8 * * 1-5", Timezone: "Europe/Brussels", Empty: "post"}},
		},
		{
			name: "digest with CRON_TZ",
			env:  map[string]string{"BRIEFBOT_DIGEST": "CRON_TZ=Europe/Brussels 0 8 * * *"},
			want: []config.Channel{{Platform: "console", ID: "terminal", Mode: "both", Schedule: "CRON_TZ=Europe/Brussels 0 8 * * *", Empty: "post"}},
		},
		{
			name: "timezone alone",
			env:  map[string]string{"BRIEFBOT_TIMEZONE": "Europe/Brussels"},
			want: []config.Channel{{Platform: "console", ID: "terminal", Mode: "immediate", Timezone: "Europe/Brussels", Empty: "post"}},
		},
		{
			name:    "bad digest",
			env:     map[string]string{"BRIEFBOT_DIGEST": "every morning"},
			wantErr: []string{"channels[0].schedule: expected exactly 5 fields, found 2"},
		},
		{
			name:    "bad timezone",
			env:     map[string]string{"BRIEFBOT_DIGEST": "@daily", "BRIEFBOT_TIMEZONE": "Brussels"},
			wantErr: []string{`channels[0].timezone: unknown time zone "Brussels"`},
		},
		{
			name:    "two zones",
			env:     map[string]string{"BRIEFBOT_DIGEST": "CRON_TZ=Europe/Brussels @daily", "BRIEFBOT_TIMEZONE": "UTC"},
			wantErr: []string{`channels[0].schedule: CRON_TZ=Europe/Brussels differs from the channel's time zone "UTC"`},
		},
		{
			name: "digest and timezone with file channels",
			file: twoChannels,
			env:  map[string]string{"BRIEFBOT_DIGEST": "@daily", "BRIEFBOT_TIMEZONE": "Europe/Brussels"},
			wantErr: []string{
				"BRIEFBOT_DIGEST: only applies to the default console channel; set schedule in channels[] instead",
				"BRIEFBOT_TIMEZONE: only applies to the default console channel; set timezone in channels[] instead",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := ""
			if tc.file != "" {
				path = writeFile(t, tc.file)
			}
			got, err := config.Load(path, env(tc.env))
			wantProblems(t, "Load", problems(err), tc.wantErr)
			if err != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got.Channels); diff != "" {
				t.Errorf("Load channels mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListen(t *testing.T) {
	for _, tc := range []struct {
		listen string
		want   string // "" means valid
	}{
		{"", ""},
		{":8080", ""},
		{":0", ""},
		{"127.0.0.1:9090", ""},
		{"localhost:65535", ""},
		{"[::1]:8080", ""},
		{"8080", "listen: address 8080: missing port in address; want host:port such as :8080"},
		{"localhost", "listen: address localhost: missing port in address; want host:port such as :8080"},
		{"::1:8080", "too many colons in address; want host:port such as :8080"},
		{":", `listen: want a port number from 0 to 65535, got ""`},
		{":70000", `listen: want a port number from 0 to 65535, got "70000"`},
		{":-1", `listen: want a port number from 0 to 65535, got "-1"`},
		{"localhost:http", `listen: want a port number from 0 to 65535, got "http"`},
	} {
		c := config.Default()
		c.Listen = tc.listen
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		wantProblems(t, fmt.Sprintf("Validate() with listen %q", tc.listen), problems(c.Validate()), want)
	}
}

func TestLoadListenAndDaemon(t *testing.T) {
	for _, tc := range []struct {
		name       string
		env        map[string]string
		wantListen string
		wantDaemon bool
		wantErr    []string
	}{
		{name: "unset"},
		{name: "listen", env: map[string]string{"BRIEFBOT_LISTEN": ":9090"}, wantListen: ":9090"},
		{name: "daemon true", env: map[string]string{"BRIEFBOT_DAEMON": "true"}, wantDaemon: true},
		{name: "daemon 1", env: map[string]string{"BRIEFBOT_DAEMON": "1"}, wantDaemon: true},
		{name: "daemon TRUE", env: map[string]string{"BRIEFBOT_DAEMON": "TRUE"}, wantDaemon: true},
		{name: "daemon false", env: map[string]string{"BRIEFBOT_DAEMON": "false"}},
		{name: "daemon 0", env: map[string]string{"BRIEFBOT_DAEMON": "0"}},
		{
			name: "both bad",
			env:  map[string]string{"BRIEFBOT_LISTEN": "8080", "BRIEFBOT_DAEMON": "yes"},
			wantErr: []string{
				`BRIEFBOT_DAEMON: want true or false, got "yes"`,
				"listen: address 8080: missing port in address; want host:port such as :8080",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := config.Load("", env(tc.env))
			wantProblems(t, "Load", problems(err), tc.wantErr)
			if err != nil {
				return
			}
			if got.Listen != tc.wantListen || got.Daemon != tc.wantDaemon {
				t.Errorf("Load() Listen, Daemon = %q, %v; want %q, %v", got.Listen, got.Daemon, tc.wantListen, tc.wantDaemon)
			}
		})
	}
	// The file's daemon: true stands when the variable is unset.
	got, err := config.Load(writeFile(t, "daemon: true\nlisten: 127.0.0.1:0\n"), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got.Listen != "127.0.0.1:0" || !got.Daemon {
		t.Errorf("Load() Listen, Daemon = %q, %v; want %q, true", got.Listen, got.Daemon, "127.0.0.1:0")
	}
}

// TestLoadReportsEveryChannelProblem checks that problems in channels,
// listen and the new variables come back together with the file's own.
func TestLoadReportsEveryChannelProblem(t *testing.T) {
	path := writeFile(t, `listen: "8080"
channels:
  - platform: slack
    id: C0123
  - platform: console
    id: news
    mode: digest
    schedul: "@daily"
  - platform: console
    id: news
    mode: immediate
    schedule: "0 8 * * *"
    empty: sometimes
    pace: soon
log:
  format: colour
`)
	_, err := config.Load(path, env(map[string]string{
		"BRIEFBOT_DIGEST": "@daily",
		"BRIEFBOT_DAEMON": "maybe",
	}))
	wantProblems(t, "Load", problems(err), []string{
		path + ":8: channels[1].schedul: unknown key; did you mean schedule?",
		path + `:14: channels[2].pace: want a duration such as 10m or 90s, got "soon"`,
		`BRIEFBOT_DAEMON: want true or false, got "maybe"`,
		"BRIEFBOT_DIGEST: only applies to the default console channel; set schedule in channels[] instead",
		"channels[1].schedule: required for mode digest",
		"channels[2].id: duplicate of channels[1] (console:news)",
		"channels[2].schedule: only used with mode digest or both",
		`channels[2].empty: want post or skip, got "sometimes"`,
		"BRIEFBOT_SLACK_BOT_TOKEN: required for Slack",
		"BRIEFBOT_SLACK_APP_TOKEN: required for Slack Socket Mode",
		"listen: address 8080: missing port in address; want host:port such as :8080",
		`log.format: want auto, text or json, got "colour"`,
	})
}

func TestPlatforms(t *testing.T) {
	const pub = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, tc := range []struct {
		name string
		file string
		env  map[string]string
		want []string
	}{
		{"none", "", nil, nil},
		{"slack socket", "", map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-1", "BRIEFBOT_SLACK_APP_TOKEN": "xapp-2"}, nil},
		{"slack socket without app token", "", map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-1"},
			[]string{"BRIEFBOT_SLACK_APP_TOKEN: required for Slack Socket Mode"}},
		{"slack tokens swapped", "", map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xapp-2", "BRIEFBOT_SLACK_APP_TOKEN": "xoxb-1"},
			[]string{"BRIEFBOT_SLACK_BOT_TOKEN: not a bot token: it should start with xoxb-", "BRIEFBOT_SLACK_APP_TOKEN: not an app-level token: it should start with xapp-"}},
		{"slack http", "listen: :8080\nslack:\n  mode: http\n", map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-1", "BRIEFBOT_SLACK_SIGNING_SECRET": "s"}, nil},
		{"slack http without secret or address", "", map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-1", "BRIEFBOT_SLACK_MODE": "http"},
			[]string{"BRIEFBOT_SLACK_SIGNING_SECRET: required for slack.mode http", "listen: required for slack.mode http"}},
		{"slack channel without tokens", "channels:\n  - platform: slack\n    id: C0123\n", nil,
			[]string{"BRIEFBOT_SLACK_BOT_TOKEN: required for Slack", "BRIEFBOT_SLACK_APP_TOKEN: required for Slack Socket Mode"}},
		{"bad slack mode and api url", "slack:\n  mode: rtm\n  api_url: slack.test\n", nil,
			[]string{`slack.mode: want socket or http, got "rtm"`, `slack.api_url: not an http(s) URL, got "slack.test"`}},
		{"discord gateway", "", map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t", "BRIEFBOT_DISCORD_APP_ID": "42"}, nil},
		{"discord without app id", "", map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t"},
			[]string{"discord.app_id: required for Discord"}},
		{"discord http", "listen: :8080\ndiscord:\n  app_id: \"42\"\n  interactions: http\n",
			map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t", "BRIEFBOT_DISCORD_PUBLIC_KEY": pub}, nil},
		{"discord http with a bad key and no address", "discord:\n  app_id: \"42\"\n  interactions: http\n",
			map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t", "BRIEFBOT_DISCORD_PUBLIC_KEY": "xyz"},
			[]string{"BRIEFBOT_DISCORD_PUBLIC_KEY: required for discord.interactions http", "listen: required for discord.interactions http"}},
		{"discord channel without token", "discord:\n  app_id: \"42\"\nchannels:\n  - platform: discord\n    id: \"1234\"\n", nil,
			[]string{"BRIEFBOT_DISCORD_TOKEN: required for Discord"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := ""
			if tc.file != "" {
				path = writeFile(t, tc.file)
			}
			_, err := config.Load(path, env(tc.env))
			wantProblems(t, "Load", problems(err), tc.want)
		})
	}
	// Chat channels post a second apart unless they say otherwise.
	cfg, err := config.Load(writeFile(t, "discord:\n  app_id: \"42\"\nchannels:\n  - platform: discord\n    id: \"1\"\n  - platform: console\n    id: t\n"),
		env(map[string]string{"BRIEFBOT_DISCORD_TOKEN": "t"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Channels[0].Pace != config.Duration(time.Second) || cfg.Channels[1].Pace != 0 {
		t.Errorf("paces = %s, %s; want 1s for Discord and 0s for the console", cfg.Channels[0].Pace, cfg.Channels[1].Pace)
	}
	if !cfg.DiscordEnabled() || cfg.SlackEnabled() {
		t.Errorf("DiscordEnabled, SlackEnabled = %v, %v; want true, false", cfg.DiscordEnabled(), cfg.SlackEnabled())
	}
}

// TestLoadFlagsBeforeValidation applies flags before validating: --listen
// satisfies Slack's HTTP mode, and a bad variable a flag overrides is no
// error, while one no flag overrides still is.
func TestLoadFlagsBeforeValidation(t *testing.T) {
	slackHTTP := map[string]string{
		"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-1", "BRIEFBOT_SLACK_SIGNING_SECRET": "sign",
		"BRIEFBOT_SLACK_MODE": "http",
	}
	if _, err := config.Load("", env(slackHTTP)); err == nil || !strings.Contains(err.Error(), "listen: required") {
		t.Fatalf("Load in slack http mode without listen = %v; want listen required", err)
	}
	c, err := config.LoadFlags("", env(slackHTTP), config.Flags{Listen: ":8080"})
	if err != nil || c.Listen != ":8080" {
		t.Errorf("LoadFlags with --listen = %q, %v; want :8080, nil", c.Listen, err)
	}
	bad := map[string]string{"BRIEFBOT_DAEMON": "maybe", "BRIEFBOT_LOG_FORMAT": "xml"}
	c, err = config.LoadFlags("", env(bad), config.Flags{Daemon: true, LogFormat: "json"})
	if err != nil || !c.Daemon || c.Log.Format != "json" {
		t.Errorf("LoadFlags with bad variables the flags override = %+v, %v; want daemon, json, nil", c, err)
	}
	if _, err := config.LoadFlags("", env(bad), config.Flags{Daemon: true}); err == nil || !strings.Contains(err.Error(), "log") {
		t.Errorf("LoadFlags with a bad BRIEFBOT_LOG_FORMAT no flag overrides = %v; want an error about it", err)
	}
}

// TestSettle reads the quiet period from the file and refuses a zero one.
func TestSettle(t *testing.T) {
	c, err := config.Load(writeFile(t, "settle: 500ms\n"), nil)
	if err != nil || c.Settle != config.Duration(500*time.Millisecond) {
		t.Errorf("Load(settle: 500ms) = %v, %v; want 500ms", c.Settle, err)
	}
	if _, err := config.Load(writeFile(t, "settle: 0s\n"), nil); err == nil || !strings.Contains(err.Error(), "settle: must be positive") {
		t.Errorf("Load(settle: 0s) = %v; want settle: must be positive", err)
	}
}
