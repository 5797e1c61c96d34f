package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/mattn/go-isatty"
	"golang.org/x/sync/errgroup"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/console"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/pipeline"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/web"
)

const runUsage = `Usage: briefbot [run] [--config FILE] [--seeds DIR] [--db FILE|URL] [--feed URL]...
                    [--listen ADDR] [--admin-listen ADDR]
                    [--log-format auto|text|json] [--daemon]

Brief every article in the seeds folder and the feeds into the archive,
post each new briefing and the scheduled digests to the configured
channels (by default, print each new briefing), keep watching, and answer
commands typed on standard input (/who-said <topic>, /quotes <speaker>,
/brief, /digest, /sources, /help) until it ends.

Flags (they win over BRIEFBOT_* variables, which win over the file):
  --config FILE      a YAML configuration file (see config/example.yaml)
  --seeds DIR        the seeds folder (default ./seeds)
  --db FILE|URL      the archive: a SQLite file (default ./briefbot.db), or a
                     postgres://user@host/db URL, which replicas can share
  --feed URL         an RSS, Atom or JSON feed to follow (repeatable)
  --listen ADDR      serve the chat platforms' endpoints and the web archive
                     on ADDR, such as :8080 (the archive answers only on
                     loopback unless BRIEFBOT_WEB_TOKEN is set)
  --admin-listen ADDR
                     serve /healthz and /metrics on ADDR, such as
                     127.0.0.1:9090
  --log-format FMT   auto (text on a terminal, else JSON), text or json
  --daemon           read no commands; run until SIGINT or SIGTERM
`

// runBot runs the run command: it wires the archive, the pipeline from the
// seeds folder and the feeds into it, the dispatcher that posts from it, the
// chat platforms and the HTTP server, and runs them until the input ends or
// ctx is done. The goroutines it starts are joined before the archive
// closes, and their errors are returned.
func runBot(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	cfgPath := flags.String("config", getenv("BRIEFBOT_CONFIG"), "")
	var f config.Flags
	flags.StringVar(&f.Seeds, "seeds", "", "")
	flags.StringVar(&f.DB, "db", "", "")
	flags.StringVar(&f.Listen, "listen", "", "")
	flags.StringVar(&f.AdminListen, "admin-listen", "", "")
	flags.StringVar(&f.LogFormat, "log-format", "", "")
	flags.BoolVar(&f.Daemon, "daemon", false, "")
	flags.Func("feed", "", func(u string) error { f.Feeds = append(f.Feeds, u); return nil })
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, runUsage)
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q: run takes no files", rest[0])
	}
	cfg, err := config.LoadFlags(*cfgPath, getenv, f)
	var chans []bot.Channel
	if err == nil {
		chans, err = channels(cfg.Channels)
	}
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	log := newLogger(cfg.Log, stderr)
	log.Debug("configuration", "config", cfg)
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	if cfg.Replica != "" {
		db.SetReplica(cfg.Replica)
	}
	db.LeaseTime = time.Duration(cfg.Lease)
	// A file whose text the archive holds under a name that is gone was
	// renamed: it stays the same article.
	db.FileExists = func(key string) bool {
		_, err := os.Lstat(filepath.Join(cfg.Seeds, filepath.FromSlash(key)))
		return err == nil
	}
	outbox := db.Outbox()
	outbox.WebURL = cfg.Web.BaseURL
	m := newMetrics(db.Replica(), queueDepth(outbox.Unsent, chans))

	term := &console.Console{In: stdin, Out: stdout, Channel: consoleChannel(chans)}
	if f, ok := stdin.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		term.Hint = stderr // someone is typing: say the bot is listening
	}
	plats, err := newPlatforms(cfg, term, log)
	if err != nil {
		return err
	}
	install, err := db.InstallID(ctx)
	if err != nil {
		return err
	}
	// Closed once the folder is read and each feed polled once: a digest
	// missed while the bot was down waits for it.
	caughtUp := make(chan struct{})
	disp := &bot.Dispatcher{
		CatchUp:  caughtUp,
		Install:  install,
		WebURL:   cfg.Web.BaseURL,
		Store:    outbox,
		Posters:  plats.posters,
		Channels: chans,
		Log:      log,
		Observe:  m.observeDelivery,
	}
	if db.Postgres() {
		// Other replicas may archive, queue and post: look for their work.
		disp.Poll = replicaPoll
	}
	// The channels are recorded before anything is archived, so that a new
	// channel gets what this run briefs.
	if err := disp.Open(ctx); err != nil {
		return err
	}
	if n, err := outbox.Unsent(ctx); err == nil {
		for ch, k := range orphans(n, chans) {
			log.Warn("a channel no longer configured has posts waiting; they stay in the archive and go out if it is configured again", "channel", ch, "posts", k)
		}
	}
	// The dispatcher outlives ctx a little, to post what is due on the way
	// out; it and the pruning are joined before the archive closes.
	dctx, stopDispatch := context.WithCancel(context.WithoutCancel(ctx))
	var posting errgroup.Group
	defer func() {
		stopDispatch()
		if perr := posting.Wait(); perr != nil {
			err = errors.Join(err, fmt.Errorf("posting: %w", perr))
		}
	}()
	posting.Go(func() error { return disp.Run(dctx) })
	posting.Go(func() error { pipeline.PruneOutbox(dctx, outbox, log); return nil })

	in := &pipeline.Pipeline{
		DB:       db,
		Dir:      cfg.Seeds,
		Log:      log,
		MaxBytes: cfg.MaxBytes,
		Notify:   disp.Notify,
		Briefed:  func(kind string) { m.briefed.WithLabelValues(kind).Inc() },
		Rejected: func(reason string) { m.rejects.WithLabelValues(reason).Inc() },
	}
	cmds := &bot.Commands{
		Archive: db.Archive(),
		WebURL:  cfg.Web.BaseURL,
		Log:     log,
		Observe: m.observeCommand,
		Digest:  disp.DigestNow,
		Sources: func(ctx context.Context) string {
			return strings.Join(append([]string{in.Describe(ctx)}, describeChannels(ctx, disp, outbox.Unsent)...), "\n")
		},
	}
	term.Handler = cmds
	// Chat platforms and the HTTP server stop when the run does, which is
	// at the end of standard input as well as on a signal.
	serveCtx, stopServing := context.WithCancel(ctx)
	var stopped []func() // waits for what serveCtx runs, once it is cancelled
	defer func() {
		stopServing()
		for i := len(stopped) - 1; i >= 0; i-- {
			stopped[i]()
		}
	}()
	if err := plats.serve(serveCtx, cmds, db); err != nil {
		return err
	}
	stopped = append(stopped, plats.close)
	// The admin address has the health check and the metrics; the public
	// one the platforms' endpoints and, unless it has its own, the web
	// archive.
	archive := (&web.Server{DB: db, Token: cfg.Secrets.WebToken.Reveal(), Log: log}).Handler()
	var servers []endpoint
	add := func(addr, msg string, h http.Handler, attrs ...any) {
		if addr != "" {
			servers = append(servers, endpoint{addr, msg, h, attrs})
		}
	}
	add(cfg.AdminListen, "serving /healthz and /metrics",
		(&server{db: db, ping: db.Ping, feeds: db.Feeds, channels: disp.Status, metrics: m, log: log}).handler())
	if cfg.Web.Listen != "" {
		add(cfg.Listen, "serving the public endpoints", public(plats.routes, nil), "routes", routeNames(plats.routes))
		add(cfg.Web.Listen, "serving the web archive", archive, "token", cfg.Secrets.WebToken != "")
	} else {
		add(cfg.Listen, "serving the public endpoints", public(plats.routes, archive),
			"routes", routeNames(plats.routes), "web", true, "token", cfg.Secrets.WebToken != "")
	}
	for _, e := range servers {
		wait, err := listen(serveCtx, log, e)
		if err != nil {
			return err
		}
		stopped = append(stopped, wait)
	}

	w := &ingest.Watcher{Dir: cfg.Seeds, Log: log, Settle: time.Duration(cfg.Settle), Refused: in.Refuse}
	if err := in.ReadFolder(ctx, w); err != nil {
		return err
	}
	// Articles dropped into the folder from now on are briefed as they
	// land, and the feeds are followed, until the run ends or one of them
	// fails, which ends the run with its error.
	ingesting, ictx := errgroup.WithContext(ctx)
	ictx, stopIngesting := context.WithCancel(ictx)
	ingesting.Go(func() error { return in.Watch(ictx, w) })
	poller := &ingest.Poller{Store: pipeline.FeedStore(db), MaxBytes: cfg.MaxBytes, NewItems: cfg.NewFeedItems, Log: log}
	feeds := make([]pipeline.Feed, len(cfg.Feeds))
	for i, f := range cfg.Feeds {
		feeds[i] = pipeline.Feed{URL: f.URL, Name: f.Name, Interval: time.Duration(f.Interval)}
	}
	ingesting.Go(func() error {
		return in.Follow(ictx, feeds, poller, sync.OnceFunc(func() { close(caughtUp) }))
	})
	if cfg.Daemon {
		<-ictx.Done()
	} else {
		err = term.Run(ictx)
		// Input that ends at once (run --feed URL < /dev/null) still
		// gets what the folder and the feeds hold now.
		select {
		case <-caughtUp:
		case <-ictx.Done():
		}
	}
	stopIngesting()
	stopServing()
	if ierr := ingesting.Wait(); ierr != nil {
		err = errors.Join(err, ierr)
	}
	// Post what is due before leaving; what is not posted in time stays in
	// the outbox for the next start.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	if ferr := disp.Flush(fctx); ferr != nil {
		log.Warn("posts left in the outbox for the next start", "err", ferr)
	}
	cancel()
	return err
}

// replicaPoll is how often a replica on a shared archive looks for
// briefings other replicas archived and for channels a dead replica held:
// a few seconds added to the lease before a channel is taken over.
const replicaPoll = 2 * time.Second

// query runs one command against the archive for the shell: briefbot
// who-said europe.
func query(ctx context.Context, name string, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dbPath := flags.String("db", orDefault(getenv("BRIEFBOT_DB"), "briefbot.db"), "")
	format := flags.String("format", "text", "")
	limit := flags.Int("limit", -1, "")
	page := flags.Int("page", 1, "")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, fmt.Sprintf("Usage: briefbot %s [--db FILE|URL] [--format text|json] [--limit N] [--page N] WORDS...\n", name))
	}
	if *page < 1 {
		return usagef("--page %d: pages count from 1", *page)
	}
	if *limit < -1 {
		return usagef("--limit %d: want 0 (all) or more", *limit)
	}
	if len(rest) == 0 {
		return usagef("%s needs something to look up", name)
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown format %q: want text or json", *format)
	}
	if _, err := os.Stat(*dbPath); err != nil && !store.IsPostgres(*dbPath) {
		return fmt.Errorf("opening archive %q: no such file (run briefbot first)", *dbPath)
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	words := strings.Join(rest, " ")
	if !strings.ContainsFunc(words, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return usagef("%s needs words to look up", name)
	}
	if *format == "json" {
		return bot.WriteJSON(ctx, db.Archive(), stdout, name, words, bot.JSONPage{Page: *page, Limit: *limit}, time.Now())
	}
	// --limit 0 is all; unset, the chat answer's size.
	shown := *limit
	if shown == 0 {
		shown = -1
	} else if shown < 0 {
		shown = 0
	}
	cmds := &bot.Commands{Archive: db.Archive(), Speakers: shown, QuotesShown: shown, Log: slog.New(slog.NewTextHandler(stderr, nil))}
	if *page > 1 {
		words += fmt.Sprintf(" page:%d", *page)
	}
	_, err = fmt.Fprintln(stdout, cmds.Handle(ctx, "", "/"+name+" "+words))
	return err
}

// newLogger logs as text or JSON at the configured level; "auto" is text
// for a person at a terminal and JSON for a log collector.
func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	format := c.Format
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
			format = "text"
		}
	}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
