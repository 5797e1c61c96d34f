// Package config is the bot's configuration, from a YAML file and BRIEFBOT_*
// environment variables, validated as a whole.
//
// Precedence, lowest first: built-in defaults, the file, the environment,
// then command-line flags (applied by the caller with [Config.Apply]).
// Channels come only from the file; with none there, the bot prints to a
// console channel, which BRIEFBOT_DIGEST and BRIEFBOT_TIMEZONE can give a
// digest.
// Secrets are read only from the environment, so the file can be shared
// and committed.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

const (
	defaultInterval = 10 * time.Minute
	// minInterval keeps a typo such as "10s" from hammering someone's server.
	minInterval = time.Minute
)

// Config is everything the bot can be configured with.
type Config struct {
	Seeds        string    `yaml:"seeds"`          // folder watched for new articles
	DB           string    `yaml:"db"`             // archive: a SQLite file, or a postgres:// URL that replicas share
	Replica      string    `yaml:"replica"`        // this replica's name in the leases it holds; "" means the host's name and a random suffix
	Lease        Duration  `yaml:"lease"`          // how long a replica's leases last unless renewed; zero means the archive's default (45s)
	MaxBytes     int64     `yaml:"max_bytes"`      // largest article read, from a file or a feed
	Settle       Duration  `yaml:"settle"`         // how long a file must go unchanged before it is read
	Feeds        []Feed    `yaml:"feeds"`          // feeds polled for new items
	NewFeedItems int       `yaml:"new_feed_items"` // items briefed from a newly added feed
	Channels     []Channel `yaml:"channels"`       // where briefings are posted
	Listen       string    `yaml:"listen"`         // host:port of the public HTTP server (platform endpoints, the web archive); "" means none
	AdminListen  string    `yaml:"admin_listen"`   // host:port of /healthz and /metrics; "" means none
	Web          Web       `yaml:"web"`
	Daemon       bool      `yaml:"daemon"` // run until a signal, reading no commands from standard input
	Slack        Slack     `yaml:"slack"`
	Discord      Discord   `yaml:"discord"`
	Log          Log       `yaml:"log"`

	// Secrets come only from the environment.
	Secrets Secrets `yaml:"-"`
}

// Feed is one feed to poll.
type Feed struct {
	URL      string   `yaml:"url"`
	Name     string   `yaml:"name"`     // shown instead of the feed's own title when set
	Interval Duration `yaml:"interval"` // between polls; zero means the 10m default
}

// Web is the web archive.
type Web struct {
	// Listen is the web archive's own host:port; "" serves it on Listen
	// beside the platforms' endpoints.
	Listen string `yaml:"listen"`
	// BaseURL is where readers reach the archive, such as
	// https://news.example.org; chat answers link to its pages when set.
	BaseURL string `yaml:"base_url"`
}

// Log chooses how the bot logs.
type Log struct {
	Format string `yaml:"format"` // "auto" (text to a terminal, else JSON; the caller decides), "text" or "json"
	Level  string `yaml:"level"`  // "debug", "info", "warn" or "error"
}

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		Seeds:        "seeds",
		DB:           "briefbot.db",
		MaxBytes:     5 << 20,
		Settle:       Duration(2 * time.Second),
		NewFeedItems: 3,
		Channels:     []Channel{defaultChannel()},
		Slack:        Slack{Mode: "socket"},
		Discord:      Discord{Interactions: "gateway"},
		Log:          Log{Format: "auto", Level: "info"},
	}
}

// Load reads the YAML file at path ("" means no file) over the defaults,
// then applies the BRIEFBOT_* variables from getenv (nil means none), and
// validates the result. Problems in the file's values, the environment and
// the result are reported together in one error; only an unreadable or
// syntactically broken file stops Load early.
func Load(path string, getenv func(string) string) (Config, error) {
	return LoadFlags(path, getenv, Flags{})
}

// LoadFlags is Load with the command line's flags applied over the file and
// the environment before anything is validated: a flag can supply what
// validation needs (--listen for HTTP mode), and a bad value in a variable
// that a flag overrides is no error.
func LoadFlags(path string, getenv func(string) string, f Flags) (Config, error) {
	c := Default()
	// Cleared so that after decoding, an empty list means the file set no
	// channels and the default one applies.
	c.Channels = nil
	var problems []error
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("reading config: %w", err)
		}
		p, err := c.decode(path, data)
		if err != nil {
			return Config{}, syntaxError(path, data, err)
		}
		problems = append(problems, p...)
	}
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	for _, p := range c.applyEnv(getenv) {
		if !f.overrides(p) {
			problems = append(problems, p)
		}
	}
	c.Apply(f)
	problems = append(problems, c.applyChannels(getenv)...)
	for i := range c.Feeds {
		if c.Feeds[i].Interval == 0 {
			c.Feeds[i].Interval = Duration(defaultInterval)
		}
	}
	problems = append(problems, c.problems()...)
	if err := errors.Join(problems...); err != nil {
		return Config{}, err
	}
	return c, nil
}

// decode decodes data over c. Unknown keys, secrets and badly typed values
// are returned as problems, each naming its key's path and line, so they
// are reported alongside validation errors; only a syntax error is returned
// as err.
func (c *Config) decode(path string, data []byte) (problems []error, err error) {
	var root yaml.Node
	err = yaml.NewDecoder(bytes.NewReader(data)).Decode(&root)
	if errors.Is(err, io.EOF) { // empty file, or only comments
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	d := fileDecoder{file: path}
	d.decodeFile(&root, c)
	return d.problems, nil
}

// applyEnv overrides c with the BRIEFBOT_* variables that are set.
func (c *Config) applyEnv(getenv func(string) string) []error {
	var problems []error
	if v := getenv("BRIEFBOT_SEEDS"); v != "" {
		c.Seeds = v
	}
	if v := getenv("BRIEFBOT_DB"); v != "" {
		c.DB = v
	}
	if v := getenv("BRIEFBOT_MAX_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			problems = append(problems, fmt.Errorf("BRIEFBOT_MAX_BYTES: want a whole number of bytes, got %q", v))
		} else {
			c.MaxBytes = n
		}
	}
	c.addFeeds(strings.FieldsFunc(getenv("BRIEFBOT_FEEDS"), func(r rune) bool {
		return r == ',' || unicode.IsSpace(r)
	}))
	if v := getenv("BRIEFBOT_LISTEN"); v != "" {
		c.Listen = v
	}
	if v := getenv("BRIEFBOT_ADMIN_LISTEN"); v != "" {
		c.AdminListen = v
	}
	if v := getenv("BRIEFBOT_WEB_LISTEN"); v != "" {
		c.Web.Listen = v
	}
	if v := getenv("BRIEFBOT_WEB_BASE_URL"); v != "" {
		c.Web.BaseURL = v
	}
	if v := getenv("BRIEFBOT_DAEMON"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			problems = append(problems, fmt.Errorf("BRIEFBOT_DAEMON: want true or false, got %q", v))
		} else {
			c.Daemon = b
		}
	}
	if v := getenv("BRIEFBOT_REPLICA"); v != "" {
		c.Replica = v
	}
	if v := getenv("BRIEFBOT_LEASE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			problems = append(problems, fmt.Errorf("BRIEFBOT_LEASE: want a duration such as 45s, got %q", v))
		} else {
			c.Lease = Duration(d)
		}
	}
	if v := getenv("BRIEFBOT_LOG_FORMAT"); v != "" {
		c.Log.Format = v
	}
	if v := getenv("BRIEFBOT_LOG_LEVEL"); v != "" {
		c.Log.Level = v
	}
	c.applyPlatformEnv(getenv)
	for _, s := range secretVars {
		if v := getenv(s.env); v != "" {
			*s.field(&c.Secrets) = Secret(v)
		}
	}
	return problems
}

// applyChannels adds the default console channel when the file sets none,
// giving it a digest from BRIEFBOT_DIGEST and BRIEFBOT_TIMEZONE, and fills
// in the channels' defaults. The two variables are refused alongside
// channels from the file: silently ignoring them would hide a digest the
// user asked for.
func (c *Config) applyChannels(getenv func(string) string) []error {
	var problems []error
	digest := strings.TrimSpace(getenv("BRIEFBOT_DIGEST"))
	tz := strings.TrimSpace(getenv("BRIEFBOT_TIMEZONE"))
	if len(c.Channels) == 0 {
		ch := defaultChannel()
		if digest != "" {
			ch.Mode, ch.Schedule = modeBoth, digest
		}
		ch.Timezone = tz
		c.Channels = []Channel{ch}
	} else {
		if digest != "" {
			problems = append(problems, errors.New("BRIEFBOT_DIGEST: only applies to the default console channel; set schedule in channels[] instead"))
		}
		if tz != "" {
			problems = append(problems, errors.New("BRIEFBOT_TIMEZONE: only applies to the default console channel; set timezone in channels[] instead"))
		}
	}
	for i := range c.Channels {
		c.Channels[i].withDefaults()
	}
	return problems
}

// Flags are the command-line settings; zero values leave the configuration
// as it is.
type Flags struct {
	Seeds, DB, Listen, LogFormat string
	AdminListen                  string
	Feeds                        []string // appended with the default interval, as BRIEFBOT_FEEDS are
	Daemon                       bool     // true turns daemon mode on; false leaves it as configured
}

// Apply overrides c with command-line flags: non-empty strings replace the
// current values, feeds are appended, and Daemon can only turn daemon mode
// on. Call [Config.Validate] afterwards.
func (c *Config) Apply(f Flags) {
	if f.Seeds != "" {
		c.Seeds = f.Seeds
	}
	if f.DB != "" {
		c.DB = f.DB
	}
	if f.Listen != "" {
		c.Listen = f.Listen
	}
	if f.LogFormat != "" {
		c.Log.Format = f.LogFormat
	}
	if f.AdminListen != "" {
		c.AdminListen = f.AdminListen
	}
	if f.Daemon {
		c.Daemon = true
	}
	c.addFeeds(f.Feeds)
}

// overrides reports whether problem is about a variable that a flag in f
// replaces.
func (f Flags) overrides(problem error) bool {
	set := map[string]bool{
		"BRIEFBOT_SEEDS":        f.Seeds != "",
		"BRIEFBOT_DB":           f.DB != "",
		"BRIEFBOT_LISTEN":       f.Listen != "",
		"BRIEFBOT_ADMIN_LISTEN": f.AdminListen != "",
		"BRIEFBOT_LOG_FORMAT":   f.LogFormat != "",
		"BRIEFBOT_DAEMON":       f.Daemon,
	}
	name, _, _ := strings.Cut(problem.Error(), ":")
	return set[name]
}

func (c *Config) addFeeds(urls []string) {
	for _, u := range urls {
		if u = strings.TrimSpace(u); u != "" {
			c.Feeds = append(c.Feeds, Feed{URL: u, Interval: Duration(defaultInterval)})
		}
	}
}

// Validate reports every problem with c at once, each prefixed with the
// path of the offending key, such as "feeds[1].url: not an http(s) URL".
func (c Config) Validate() error {
	return errors.Join(c.problems()...)
}

func (c Config) problems() []error {
	var problems []error
	report := func(path, msg string) {
		problems = append(problems, errors.New(path+": "+msg))
	}
	if c.Seeds == "" {
		report("seeds", "must not be empty")
	}
	if c.DB == "" {
		report("db", "must not be empty")
	}
	if c.MaxBytes <= 0 {
		report("max_bytes", fmt.Sprintf("must be positive, got %d", c.MaxBytes))
	}
	if c.Lease < 0 {
		report("lease", fmt.Sprintf("must not be negative, got %s", c.Lease))
	}
	if c.Settle <= 0 {
		report("settle", fmt.Sprintf("must be positive, got %s", c.Settle))
	}
	first := make(map[string]int)
	for i, f := range c.Feeds {
		path := fmt.Sprintf("feeds[%d]", i)
		switch j, dup := first[f.URL]; {
		case f.URL == "":
			report(path+".url", "missing")
		case !isHTTPURL(f.URL):
			report(path+".url", fmt.Sprintf("not an http(s) URL, got %q", f.URL))
		case dup:
			report(path+".url", fmt.Sprintf("duplicate of feeds[%d]", j))
		default:
			first[f.URL] = i
		}
		if time.Duration(f.Interval) < minInterval {
			report(path+".interval", fmt.Sprintf("under the 1m minimum, got %s", f.Interval))
		}
	}
	if c.NewFeedItems < 0 {
		report("new_feed_items", fmt.Sprintf("must be 0 or more, got %d", c.NewFeedItems))
	}
	channelProblems(c.Channels, report)
	c.platformProblems(report)
	for _, l := range []struct{ path, addr string }{{"listen", c.Listen}, {"admin_listen", c.AdminListen}, {"web.listen", c.Web.Listen}} {
		if l.addr == "" {
			continue
		}
		if msg := listenProblem(l.addr); msg != "" {
			report(l.path, msg)
		}
	}
	if c.Web.BaseURL != "" && !isHTTPURL(c.Web.BaseURL) {
		report("web.base_url", fmt.Sprintf("not an http(s) URL, got %q", c.Web.BaseURL))
	}
	switch c.Log.Format {
	case "auto", "text", "json":
	default:
		report("log.format", fmt.Sprintf("want auto, text or json, got %q", c.Log.Format))
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		report("log.level", fmt.Sprintf("want debug, info, warn or error, got %q", c.Log.Level))
	}
	return problems
}

// listenProblem checks an address for [net.Listen]; a bare port is the
// likely mistake, so the message shows the form wanted.
func listenProblem(addr string) string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Sprintf("%v; want host:port such as :8080", err)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Sprintf("want a port number from 0 to 65535, got %q", port)
	}
	return ""
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// redactURL is a database's URL without its password: a PostgreSQL URL
// may hold one. A file's path is left as it is.
func redactURL(db string) string {
	if u, err := url.Parse(db); err == nil && u.User != nil {
		return u.Redacted()
	}
	return db
}

// LogValue logs c with its secrets redacted; a secret that is not set is
// left out, so the log still shows which ones are configured.
func (c Config) LogValue() slog.Value {
	feeds := make([]slog.Attr, len(c.Feeds))
	for i, f := range c.Feeds {
		feeds[i] = slog.Group(strconv.Itoa(i),
			slog.String("url", f.URL),
			slog.String("name", f.Name),
			slog.String("interval", f.Interval.String()))
	}
	return slog.GroupValue(
		slog.String("seeds", c.Seeds),
		slog.String("db", redactURL(c.DB)),
		slog.String("replica", c.Replica),
		slog.String("lease", c.Lease.String()),
		slog.Int64("max_bytes", c.MaxBytes),
		slog.Attr{Key: "feeds", Value: slog.GroupValue(feeds...)},
		slog.Int("new_feed_items", c.NewFeedItems),
		slog.Attr{Key: "channels", Value: channelsLogValue(c.Channels)},
		slog.String("listen", c.Listen),
		slog.String("admin_listen", c.AdminListen),
		slog.Group("web", slog.String("listen", c.Web.Listen), slog.String("base_url", c.Web.BaseURL)),
		slog.Bool("daemon", c.Daemon),
		slog.Group("log", slog.String("format", c.Log.Format), slog.String("level", c.Log.Level)),
		slog.Attr{Key: "slack", Value: c.Slack.logValue()},
		slog.Attr{Key: "discord", Value: c.Discord.logValue()},
		slog.Any("secrets", c.Secrets),
	)
}
