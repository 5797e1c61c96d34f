package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/console"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

const runUsage = `Usage: briefbot [run] [--config FILE] [--seeds DIR] [--db FILE] [--feed URL]...

Brief every article in the seeds folder into the archive, print each
briefing not printed before, keep watching the folder, and answer commands
typed on standard input (/who-said <topic>, /quotes <speaker>, /brief,
/sources, /help) until it ends.

Flags (they win over BRIEFBOT_* variables, which win over the file):
  --config FILE  a YAML configuration file (see config/example.yaml)
  --seeds DIR    the seeds folder (default ./seeds)
  --db FILE      the archive (default ./briefbot.db)
  --feed URL     an RSS, Atom or JSON feed to follow (repeatable)
`

// runSeeds runs the run command. A seed that cannot be read is reported on
// stderr and skipped: one bad file should not stop a bot.
func runSeeds(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	cfgPath := flags.String("config", getenv("BRIEFBOT_CONFIG"), "")
	seedsFlag := flags.String("seeds", "", "")
	dbFlag := flags.String("db", "", "")
	var feedFlags []string
	flags.Func("feed", "", func(u string) error { feedFlags = append(feedFlags, u); return nil })
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, runUsage)
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q: run takes no files", rest[0])
	}
	cfg, err := config.Load(*cfgPath, getenv)
	if err == nil {
		cfg.Apply(*seedsFlag, *dbFlag, feedFlags)
		err = cfg.Validate()
	}
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	dir, dbPath := &cfg.Seeds, &cfg.DB
	log := newLogger(cfg.Log, stderr)
	log.Debug("configuration", "config", cfg)
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	term := &console.Console{In: stdin, Out: stdout}
	out := io.Writer(term)
	write, err := writer("text", out)
	if err != nil {
		return err
	}
	in := &seedIngest{db: db, dir: *dir, write: write, log: log, maxBytes: cfg.MaxBytes, feeds: db.Feeds}
	w := &ingest.Watcher{Dir: *dir, Log: log}
	paths, err := w.Scan()
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		log.Warn("no articles in the seeds folder", "folder", *dir)
	}
	for _, path := range paths {
		if ctx.Err() != nil {
			return nil
		}
		if err := in.add(ctx, path); err != nil {
			return err
		}
	}
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
	feedsDone := followFeeds(watchCtx, cfg.Feeds, poller, db, in)
	cmds := &bot.Commands{
		Archive: archive{db},
		Log:     log,
		Sources: in.describe,
	}
	term.Handler = cmds
	err = term.Run(ctx)
	stopWatching()
	feedsDone.Wait()
	if werr := <-watched; werr != nil {
		log.Error("watching the seeds folder failed", "err", werr)
	}
	return err
}

// seedIngest briefs seed files into the archive and prints the briefings
// that are new to it, so that a restart prints nothing twice.
type seedIngest struct {
	db       *store.DB
	dir      string
	write    writeFunc // one for the whole run, so briefings are set apart by a blank line
	log      *slog.Logger
	maxBytes int64
	client   *http.Client // fetches feed items' pages; nil means a default one
	feeds    func(ctx context.Context) ([]ingest.FeedState, error)

	mu               sync.Mutex
	printed, skipped int
	rejects          []string // the latest files and items refused, with why
}

// add briefs one file. A file that cannot be read is logged and counted,
// not fatal: one bad file must not stop a bot. Only a failing archive is.
func (s *seedIngest) add(ctx context.Context, path string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, b, err := briefFile(path, nil, s.maxBytes)
	if err != nil {
		s.reject(err.Error())
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

// save archives a briefing and prints it when it is new to the archive.
// Callers hold s.mu, or take it here for feed items.
func (s *seedIngest) save(ctx context.Context, src store.Source, shown string, a summarize.Article, b summarize.Briefing) error {
	saved, err := s.db.Save(ctx, src, a, b)
	if err != nil {
		return fmt.Errorf("archiving %q: %w", shown, err)
	}
	if !saved.New {
		return nil
	}
	if err := s.write(shown, a, b); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	s.printed++
	return nil
}

// reject logs a file or item refused, once, and keeps it for /sources.
// Callers hold s.mu.
func (s *seedIngest) reject(why string) {
	s.log.Warn("skipping", "reason", why)
	s.skipped++
	s.rejects = append(s.rejects, why)
	if len(s.rejects) > 20 {
		s.rejects = s.rejects[len(s.rejects)-20:]
	}
}

// describe answers /sources: the folder, and each feed with its health.
func (s *seedIngest) describe(ctx context.Context) string {
	s.mu.Lock()
	msg := fmt.Sprintf("Seeds folder %s (watched): %d new briefings this run, %d refused.", s.dir, s.printed, s.skipped)
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
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, fmt.Sprintf("Usage: briefbot %s [--db FILE] WORDS...\n", name))
	}
	if len(rest) == 0 {
		return usagef("%s needs something to look up", name)
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("opening archive %q: no such file (run briefbot first)", *dbPath)
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	cmds := &bot.Commands{Archive: archive{db}, Log: slog.New(slog.NewTextHandler(stderr, nil))}
	_, err = fmt.Fprintln(stdout, cmds.Handle(ctx, "/"+name+" "+strings.Join(rest, " ")))
	return err
}

// newLogger logs as text or JSON at the configured level.
func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
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
