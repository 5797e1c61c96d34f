package main

import (
	"context"
	"encoding/json"
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

	"github.com/mattn/go-isatty"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/console"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

const runUsage = `Usage: briefbot [run] [--config FILE] [--seeds DIR] [--db FILE] [--feed URL]...
                    [--listen ADDR] [--log-format auto|text|json] [--daemon]

Brief every article in the seeds folder and the feeds into the archive,
post each new briefing and the scheduled digests to the configured
channels (by default, print each new briefing), keep watching, and answer
commands typed on standard input (/who-said <topic>, /quotes <speaker>,
/brief, /digest, /sources, /help) until it ends.

Flags (they win over BRIEFBOT_* variables, which win over the file):
  --config FILE      a YAML configuration file (see config/example.yaml)
  --seeds DIR        the seeds folder (default ./seeds)
  --db FILE          the archive (default ./briefbot.db)
  --feed URL         an RSS, Atom or JSON feed to follow (repeatable)
  --listen ADDR      serve /healthz and /metrics on ADDR, such as :8080
  --log-format FMT   auto (text on a terminal, else JSON), text or json
  --daemon           read no commands; run until SIGINT or SIGTERM
`

// runSeeds runs the run command. A seed that cannot be read is reported on
// stderr and skipped: one bad file should not stop a bot.
func runSeeds(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	cfgPath := flags.String("config", getenv("BRIEFBOT_CONFIG"), "")
	var f config.Flags
	flags.StringVar(&f.Seeds, "seeds", "", "")
	flags.StringVar(&f.DB, "db", "", "")
	flags.StringVar(&f.Listen, "listen", "", "")
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
	// A file whose text the archive holds under a name that is gone was
	// renamed: it stays the same article.
	db.FileExists = func(key string) bool {
		_, err := os.Lstat(filepath.Join(cfg.Seeds, filepath.FromSlash(key)))
		return err == nil
	}
	outbox := db.Outbox()
	m := newMetrics(queueDepth(outbox.Unsent, chans))

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
		Store:    outbox,
		Posters:  plats.posters,
		Channels: chans,
		Log:      log,
		Observe:  m.observeDelivery,
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
	// The dispatcher outlives ctx a little, to post what is due on the way out.
	dctx, stopDispatch := context.WithCancel(context.WithoutCancel(ctx))
	dispatched := make(chan struct{})
	defer func() {
		stopDispatch()
		<-dispatched // done before the archive closes
	}()
	go func() {
		defer close(dispatched)
		disp.Run(dctx)
	}()
	go pruneOutbox(dctx, outbox, log)

	in := &seedIngest{db: db, dir: cfg.Seeds, log: log, maxBytes: cfg.MaxBytes, feeds: db.Feeds, notify: disp.Notify, metrics: m}
	cmds := &bot.Commands{
		Archive: archive{db},
		Log:     log,
		Observe: m.observeCommand,
		Digest:  disp.DigestNow,
		Sources: func(ctx context.Context) string {
			return strings.Join(append([]string{in.describe(ctx)}, describeChannels(ctx, disp, outbox.Unsent)...), "\n")
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
	if cfg.Listen != "" {
		srv := &server{ping: db.Ping, feeds: db.Feeds, channels: disp.Status, metrics: m, log: log, routes: plats.routes}
		wait, err := srv.listen(serveCtx, cfg.Listen)
		if err != nil {
			return fmt.Errorf("listening on %s: %w", cfg.Listen, err)
		}
		stopped = append(stopped, wait)
	}

	w := &ingest.Watcher{Dir: cfg.Seeds, Log: log, Settle: time.Duration(cfg.Settle), Refused: func(path, why string) {
		in.mu.Lock()
		in.reject("other", fmt.Sprintf("reading %q: %s", path, why))
		in.mu.Unlock()
	}}
	paths, err := w.Scan()
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		log.Warn("no articles in the seeds folder", "folder", cfg.Seeds)
	}
	for _, path := range paths {
		if err := in.add(ctx, path); err != nil {
			if ctx.Err() != nil {
				break // stopped while reading: not a failure
			}
			return err
		}
	}
	in.mu.Lock()
	log.Info("seeds folder read", "folder", cfg.Seeds, "files", len(paths), "new", in.briefed, "refused", in.skipped)
	in.mu.Unlock()
	// Articles dropped into the folder from now on are briefed as they land.
	watchCtx, stopWatching := context.WithCancel(ctx)
	watched := make(chan error, 1)
	go func() {
		watched <- w.Watch(watchCtx, func(ctx context.Context, path string) {
			if err := in.add(ctx, path); err != nil {
				log.Error("archiving failed", "path", path, "err", err)
			}
		})
	}()
	poller := &ingest.Poller{Store: db, MaxBytes: cfg.MaxBytes, NewItems: cfg.NewFeedItems, Log: log}
	firstPolls := &sync.WaitGroup{}
	feedsDone := followFeeds(watchCtx, cfg.Feeds, poller, db, in, firstPolls)
	go func() {
		firstPolls.Wait()
		close(caughtUp)
	}()
	if cfg.Daemon {
		<-ctx.Done()
	} else {
		err = term.Run(ctx)
		// Input that ends at once (run --feed URL < /dev/null) still
		// gets what the folder and the feeds hold now.
		select {
		case <-caughtUp:
		case <-ctx.Done():
		}
	}
	stopWatching()
	stopServing()
	feedsDone.Wait()
	if werr := <-watched; werr != nil {
		log.Error("watching the seeds folder failed", "err", werr)
	}
	// Post what is due before leaving; what is not posted in time stays in
	// the outbox for the next start.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	if ferr := disp.Flush(fctx); ferr != nil {
		log.Warn("posts left in the outbox for the next start", "err", ferr)
	}
	cancel()
	stopDispatch()
	<-dispatched
	return err
}

// seedIngest briefs seed files and feed items into the archive, and tells
// the channels when one is new to it.
type seedIngest struct {
	db       *store.DB
	dir      string
	log      *slog.Logger
	maxBytes int64
	client   *http.Client // fetches feed items' pages; nil means a default one
	feeds    func(ctx context.Context) ([]ingest.FeedState, error)
	notify   func() // a new briefing is archived
	metrics  *metrics

	mu               sync.Mutex
	briefed, skipped int      // files briefed and refused this run
	feedBriefed      int      // feed items briefed this run
	feedErrors       int      // failed polls this run
	rejects          []string // the latest files and items refused, with why
}

// add briefs one file. A file that cannot be read is logged and counted,
// not fatal: one bad file must not stop a bot. Only a failing archive is.
func (s *seedIngest) add(ctx context.Context, path string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, b, err := briefFile(path, nil, s.maxBytes)
	if err != nil {
		s.reject(rejectReason(err), err.Error())
		return nil
	}
	if a.Title == "" {
		// Answers cite the article by title; a file without one goes by its name.
		a.Title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		b.Title = a.Title
	}
	rel, err := filepath.Rel(s.dir, path)
	if err != nil {
		rel = path
	}
	return s.save(ctx, store.Source{Kind: "file", Key: filepath.ToSlash(rel), Name: filepath.Base(path)}, path, a, b)
}

// save archives a briefing and tells the channels when it is new to the
// archive. Callers hold s.mu.
func (s *seedIngest) save(ctx context.Context, src store.Source, shown string, a summarize.Article, b summarize.Briefing) error {
	saved, err := s.db.Save(ctx, src, a, b)
	if err != nil {
		return fmt.Errorf("archiving %q: %w", shown, err)
	}
	if !saved.New {
		return nil
	}
	if src.Kind == "feed" {
		s.feedBriefed++
	} else {
		s.briefed++
	}
	if s.metrics != nil {
		s.metrics.briefed.WithLabelValues(src.Kind).Inc()
	}
	if s.notify != nil {
		s.notify()
	}
	return nil
}

// reject logs a file or item refused, once, counts it under reason, and
// keeps it for /sources. Callers hold s.mu.
func (s *seedIngest) reject(reason, why string) {
	s.log.Warn("skipping", "reason", why)
	if s.metrics != nil {
		s.metrics.rejects.WithLabelValues(reason).Inc()
	}
	if reason == "feed" {
		s.feedErrors++
	} else {
		s.skipped++
	}
	s.rejects = append(s.rejects, why)
	if len(s.rejects) > 20 {
		s.rejects = s.rejects[len(s.rejects)-20:]
	}
}

// describe answers /sources: the folder, and each feed with its health.
func (s *seedIngest) describe(ctx context.Context) string {
	s.mu.Lock()
	msg := fmt.Sprintf("Seeds folder %s (watched): %d new %s this run, %d refused.", s.dir, s.briefed, plural(s.briefed, "briefing", "briefings"), s.skipped)
	if s.feedBriefed > 0 || s.feedErrors > 0 {
		msg += fmt.Sprintf("\nFeeds: %d new %s this run, %d failed %s.", s.feedBriefed, plural(s.feedBriefed, "briefing", "briefings"),
			s.feedErrors, plural(s.feedErrors, "poll", "polls"))
	}
	for _, r := range s.rejects {
		msg += "\n  refused: " + r
	}
	s.mu.Unlock()
	if s.feeds == nil {
		return msg
	}
	states, err := s.feeds(ctx)
	if err != nil {
		s.log.Error("reading feed states failed", "err", err)
		return msg
	}
	for _, f := range states {
		health := "healthy"
		switch {
		case f.LastSuccess.IsZero() && f.LastError == "":
			health = "not polled yet"
		case f.Failures > 0:
			health = fmt.Sprintf("failing (%d in a row): %s", f.Failures, f.LastError)
		}
		msg += fmt.Sprintf("\nFeed %s: %s", f.URL, health)
		if !f.LastSuccess.IsZero() {
			msg += ", last read " + f.LastSuccess.Format("2 Jan 15:04")
		}
	}
	return msg
}

// query runs one command against the archive for the shell: briefbot
// who-said europe.
func query(ctx context.Context, name string, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dbPath := flags.String("db", orDefault(getenv("BRIEFBOT_DB"), "briefbot.db"), "")
	format := flags.String("format", "text", "")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, fmt.Sprintf("Usage: briefbot %s [--db FILE] [--format text|json] WORDS...\n", name))
	}
	if len(rest) == 0 {
		return usagef("%s needs something to look up", name)
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown format %q: want text or json", *format)
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("opening archive %q: no such file (run briefbot first)", *dbPath)
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	words := strings.Join(rest, " ")
	if *format == "json" {
		return queryJSON(ctx, db, name, words, stdout)
	}
	cmds := &bot.Commands{Archive: archive{db}, Log: slog.New(slog.NewTextHandler(stderr, nil))}
	_, err = fmt.Fprintln(stdout, cmds.Handle(ctx, "", "/"+name+" "+words))
	return err
}

// queryJSON writes what who-said or quotes finds as JSON, one object a
// line, for scripts: a speaker with their texts, or a quote.
func queryJSON(ctx context.Context, db *store.DB, name, words string, stdout io.Writer) error {
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	type source struct {
		ArticleID int64     `json:"article_id"`
		Title     string    `json:"title"`
		Published time.Time `json:"published,omitzero"`
	}
	if name == "who-said" {
		hits, _, err := db.WhoSaid(ctx, words, 10)
		if errors.Is(err, store.ErrEmptyQuery) {
			return usagef("who-said needs words to look up")
		}
		if err != nil {
			return err
		}
		type said struct {
			Text string `json:"text"`
			// Quote is false for reported speech: not the speaker's words.
			Quote bool `json:"quote"`
		}
		for _, h := range hits {
			texts := make([]said, len(h.Said))
			for i, s := range h.Said {
				texts[i] = said{s.Text, s.Quote}
			}
			if err := enc.Encode(struct {
				Speaker string `json:"speaker"`
				Role    string `json:"role,omitempty"`
				Kind    string `json:"kind"`
				Said    []said `json:"said"`
				source
			}{h.Speaker, h.Role, h.Kind, texts, source{h.ArticleID, h.Title, h.Published}}); err != nil {
				return err
			}
		}
		return nil
	}
	rows, err := db.Quotes(ctx, words, 50)
	if errors.Is(err, store.ErrEmptyQuery) {
		return usagef("quotes needs a speaker to look up")
	}
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := enc.Encode(struct {
			Speaker string `json:"speaker"`
			Role    string `json:"role,omitempty"`
			Text    string `json:"text"`
			Partial bool   `json:"partial,omitempty"`
			Context string `json:"context,omitempty"`
			Start   int    `json:"start"`
			End     int    `json:"end"`
			source
		}{r.Speaker, r.Role, r.Text, r.Partial, r.Context, r.Start, r.End, source{r.ArticleID, r.Title, r.Published}}); err != nil {
			return err
		}
	}
	return nil
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// outboxKept is how long sent and failed posts stay in the outbox, for
// /sources and for whoever looks into the archive.
const outboxKept = 30 * 24 * time.Hour

// pruneOutbox deletes old sent and failed posts on start and daily.
func pruneOutbox(ctx context.Context, o *store.Outbox, log *slog.Logger) {
	for {
		n, err := o.Prune(ctx, time.Now().Add(-outboxKept))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("pruning the outbox failed", "err", err)
		case n > 0:
			log.Info("pruned the outbox", "deliveries", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(24 * time.Hour):
		}
	}
}
