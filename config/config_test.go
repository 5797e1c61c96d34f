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
				NewFeedItems: 3,
				Log:          config.Log{Format: "text", Level: "info"},
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
log:
  format: json
  level: debug
`
	type flags struct {
		seeds, db string
		feeds     []string
	}
	fileOnly := config.Config{
		Seeds:    "file-seeds",
		DB:       "file.db",
		MaxBytes: 1000,
		Feeds: []config.Feed{
			{URL: "https://file.example/feed", Name: "File", Interval: minutes(30)},
			{URL: "http://file.example/other", Interval: minutes(10)},
		},
		NewFeedItems: 0, // explicit zero survives the default of 3
		Log:          config.Log{Format: "json", Level: "debug"},
	}
	for _, tc := range []struct {
		name  string
		file  string // "" means no file
		env   map[string]string
		flags flags
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
				"BRIEFBOT_LOG_FORMAT": "text",
				"BRIEFBOT_LOG_LEVEL":  "warn",
			},
			want: func(c *config.Config) {
				c.Seeds, c.DB, c.MaxBytes = "env-seeds", "env.db", 2000
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
				"BRIEFBOT_SEEDS": "env-seeds",
				"BRIEFBOT_DB":    "env.db",
				"BRIEFBOT_FEEDS": "https://env.example/a",
			},
			flags: flags{seeds: "flag-seeds", feeds: []string{"https://flag.example/x", ""}},
			want: func(c *config.Config) {
				c.Seeds, c.DB = "flag-seeds", "env.db" // no -db flag: the environment stands
				c.Feeds = append(c.Feeds,
					config.Feed{URL: "https://env.example/a", Interval: minutes(10)},
					config.Feed{URL: "https://flag.example/x", Interval: minutes(10)})
			},
		},
		{
			name:  "flags over defaults",
			flags: flags{seeds: "flag-seeds", db: "flag.db"},
			want: func(c *config.Config) {
				*c = config.Default()
				c.Seeds, c.DB = "flag-seeds", "flag.db"
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
			},
			want: func(c *config.Config) {
				*c = config.Default()
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
			got.Apply(tc.flags.seeds, tc.flags.db, tc.flags.feeds)
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
		{"bad log format", func(c *config.Config) { c.Log.Format = "xml" }, []string{`log.format: want text or json, got "xml"`}},
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
		path + ": line 3: field maxbytes not found in type config.file",
		path + ": line 10: field intervl not found in type config.Feed",
		path + `: line 12: want a duration such as 10m or 90s, got "ten minutes"`,
		"secrets: secrets come only from the environment (BRIEFBOT_SLACK_BOT_TOKEN, BRIEFBOT_SLACK_APP_TOKEN, BRIEFBOT_SLACK_SIGNING_SECRET, BRIEFBOT_DISCORD_TOKEN, BRIEFBOT_DISCORD_PUBLIC_KEY)",
		`BRIEFBOT_MAX_BYTES: want a whole number of bytes, got "5MB"`,
		"seeds: must not be empty",
		"max_bytes: must be positive, got -1",
		"feeds[0].interval: under the 1m minimum, got 30s",
		`feeds[1].url: not an http(s) URL, got "ftp://a.example/feed"`,
		"feeds[2].url: duplicate of feeds[0]",
		`feeds[5].url: not an http(s) URL, got "not-a-url"`,
		"new_feed_items: must be 0 or more, got -2",
		`log.format: want text or json, got "xml"`,
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
		{"unknown top-level key", "seeds: s\nsedes: t\n", []string{"line 2: field sedes not found"}},
		{"unknown log key", "log:\n  fromat: json\n", []string{"line 2: field fromat not found in type config.Log"}},
		{"wrong type", "max_bytes: lots\n", []string{"line 1: cannot unmarshal", "into int64"}},
		{"not a mapping", "- seeds\n", []string{"line 1: cannot unmarshal !!seq"}},
		{"syntax error", "seeds: [\n", []string{"parsing config", "yaml:"}},
		{"secrets key", "secrets:\n  discord_token: abc\n", []string{"secrets: secrets come only from the environment"}},
		{"top-level secret", "slack_signing_secret: abc\n", []string{"slack_signing_secret: secrets come only from the environment"}},
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
	cfg, err := config.Load("", env(vals))
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
		"BRIEFBOT_FEEDS":         "https://a.example/feed",
		"BRIEFBOT_DISCORD_TOKEN": "disc-secret",
	}))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("loaded config", "config", cfg)
	var got struct{ Config map[string]any }
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("decoding log line %s: %v", buf.Bytes(), err)
	}
	want := map[string]any{
		"seeds":          "seeds",
		"db":             "briefbot.db",
		"max_bytes":      float64(5 << 20),
		"feeds":          map[string]any{"0": map[string]any{"url": "https://a.example/feed", "name": "", "interval": "10m0s"}},
		"new_feed_items": float64(3),
		"log":            map[string]any{"format": "text", "level": "info"},
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

	data, err := os.ReadFile("example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Top   map[string]any   `yaml:",inline"`
		Feeds []map[string]any `yaml:"feeds"`
		Log   map[string]any   `yaml:"log"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	doc.Top["feeds"], doc.Top["log"] = true, true
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
	check("log.", reflect.TypeFor[config.Log](), doc.Log)
}
