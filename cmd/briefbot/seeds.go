package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

const runUsage = `Usage: briefbot [run] [--seeds DIR] [--db FILE]

Brief every .txt and .md file in the seeds folder into the archive, print
each briefing not printed before, then answer commands typed on standard
input (/who-said <topic>, /quotes <speaker>, /brief, /sources, /help) until
it ends.

Flags:
  --seeds DIR  the seeds folder (default ./seeds, or $BRIEFBOT_SEEDS)
  --db FILE    the archive (default ./briefbot.db, or $BRIEFBOT_DB)
`

// runSeeds runs the run command. A seed that cannot be read is reported on
// stderr and skipped: one bad file should not stop a bot.
func runSeeds(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dir := flags.String("seeds", orDefault(getenv("BRIEFBOT_SEEDS"), "seeds"), "")
	dbPath := flags.String("db", orDefault(getenv("BRIEFBOT_DB"), "briefbot.db"), "")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, runUsage)
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q: run takes no files", rest[0])
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	printed, skipped, err := ingestSeeds(ctx, db, *dir, stdout, log)
	if err != nil {
		return err
	}
	cmds := &bot.Commands{
		Archive: archive{db},
		Log:     log,
		Sources: func(context.Context) string {
			return fmt.Sprintf("Seeds folder %s: %d new briefings this run, %d files skipped (see the log).", *dir, printed, skipped)
		},
	}
	return answer(ctx, cmds, stdin, stdout)
}

// ingestSeeds briefs every seed into the archive and prints the briefings
// that are new to it, so that a restart prints nothing twice.
func ingestSeeds(ctx context.Context, db *store.DB, dir string, stdout io.Writer, log *slog.Logger) (printed, skipped int, err error) {
	paths, err := seedFiles(dir)
	if err != nil {
		return 0, 0, err
	}
	if len(paths) == 0 {
		log.Warn("no articles in the seeds folder", "folder", dir)
	}
	write, err := writer("text", stdout)
	if err != nil {
		return 0, 0, err
	}
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return printed, skipped, nil
		}
		a, b, err := briefFile(path, nil, defaultMaxBytes)
		if err != nil {
			log.Warn("skipping seed", "err", err)
			skipped++
			continue
		}
		if a.Title == "" {
			// Answers cite the article by title; a file without one goes by its name.
			a.Title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			b.Title = a.Title
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			rel = path
		}
		saved, err := db.Save(ctx, store.Source{Kind: "file", Key: filepath.ToSlash(rel), Name: filepath.Base(path)}, a, b)
		if err != nil {
			return printed, skipped, fmt.Errorf("archiving %q: %w", path, err)
		}
		if !saved.New {
			continue
		}
		if err := write(path, a, b); err != nil {
			return printed, skipped, fmt.Errorf("writing output: %w", err)
		}
		printed++
	}
	return printed, skipped, nil
}

// answer reads commands from in, a line at a time, and prints each answer,
// until in ends or ctx is done.
func answer(ctx context.Context, cmds *bot.Commands, in io.Reader, out io.Writer) error {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				return nil
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			if _, err := fmt.Fprintf(out, "%s\n\n", cmds.Handle(ctx, line)); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
		}
	}
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

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// seedFiles lists the .txt and .md files in dir, sorted, without hidden
// files.
func seedFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err
		}
		return nil, fmt.Errorf("reading seeds folder %q: %w", dir, err)
	}
	var paths []string
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".txt", ".md":
			paths = append(paths, filepath.Join(dir, name))
		}
	}
	return paths, nil
}
