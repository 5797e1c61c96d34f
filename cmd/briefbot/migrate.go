package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/briefbot/briefbot/internal/store"
)

const migrateUsage = `Usage: briefbot migrate --from FILE --to URL

Copy the SQLite archive FILE into the new, empty archive at URL (a
postgres://user:password@host/db URL, or another SQLite file): articles,
speakers, feeds and the outbox, each channel's place and every post sent
or waiting, so that the bot goes on where it was without posting anything
again. Stop the bot first; start it with --db URL after.
`

// migrate runs the migrate command.
func migrate(ctx context.Context, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("migrate", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	fromPath := flags.String("from", "", "")
	toPath := flags.String("to", "", "")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, migrateUsage)
	}
	switch {
	case len(rest) > 0:
		return usagef("unexpected argument %q: migrate takes --from and --to", rest[0])
	case *fromPath == "" || *toPath == "":
		return usagef("migrate needs --from FILE and --to URL")
	case store.IsPostgres(*fromPath):
		return usagef("--from is a SQLite file; copying from PostgreSQL is not supported")
	}
	if _, err := os.Stat(*fromPath); err != nil {
		return fmt.Errorf("opening archive %q: no such file", *fromPath)
	}
	from, err := store.Open(ctx, *fromPath)
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := store.Open(ctx, *toPath)
	if err != nil {
		return err
	}
	defer to.Close()
	n, err := store.Copy(ctx, from, to)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "Copied %s to %s: %d articles (%d versions), %d speakers, %d quotes, %d channels, %d deliveries, %d feeds.\n",
		*fromPath, store.Redact(*toPath), n["articles"], n["versions"], n["speakers"], n["quotes"], n["channels"], n["deliveries"], n["feeds"])
	return err
}
