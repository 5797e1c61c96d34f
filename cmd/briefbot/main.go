// Command briefbot reads news articles and prints briefings: who speaks,
// what they say and where they stand.
//
// Usage:
//
//	briefbot [run] [--config FILE] [--seeds DIR] [--db FILE|URL] [--listen ADDR] [--admin-listen ADDR] [--daemon]
//	briefbot brief [--format text|markdown|json] [--max-bytes N] FILE...
//	briefbot migrate --from FILE --to URL
//	briefbot help
//
// It is the composition root: flags are parsed and the adapters are wired to
// the core here and nowhere else.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // digest time zones, in images without a zone database
)

const usage = `Usage:
  briefbot [run] [--config FILE] [--seeds DIR] [--db FILE|URL] [--feed URL]...
                 [--listen ADDR] [--admin-listen ADDR]
                 [--log-format auto|text|json] [--daemon]
  briefbot brief [--format text|markdown|json] [--max-bytes N] FILE...
  briefbot who-said [--db FILE|URL] [--format text|json] [--limit N] [--page N] TOPIC
  briefbot quotes [--db FILE|URL] [--format text|json] [--limit N] [--page N] SPEAKER
  briefbot migrate --from FILE --to URL
  briefbot help

Commands:
  run       brief every article in the seeds folder (default ./seeds) and the
            feeds into the archive (default ./briefbot.db), post new briefings
            and digests to the channels (by default, print each briefing),
            and answer commands typed on standard input; the default command
  who-said  who said what about a topic, from the archive
  quotes    what someone said, newest first, from the archive
            (both take filters among the words, as in chat: since:7d
            source:NAME speaker:NAME about:TOPIC; --limit 0 shows all)
  brief     brief each FILE (- reads standard input) and print the briefings
            as text (default), markdown or JSON, one object a line
  migrate   copy a SQLite archive, outbox included, into a new archive
            (a postgres:// URL), so that replicas can share it and nothing
            is posted again
  help      show this help
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if code := report(os.Stderr, err); code != 0 {
		os.Exit(code)
	}
}

// report prints err to w, one line for each line of it (so each error of an
// errors.Join gets its own), and returns the exit code: 0 for no error, 2 for
// a usage error, 1 for any other.
func report(w io.Writer, err error) int {
	if err == nil {
		return 0
	}
	for line := range strings.SplitSeq(err.Error(), "\n") {
		fmt.Fprintln(w, "briefbot: "+line)
	}
	if _, ok := errors.AsType[*usageError](err); ok {
		fmt.Fprintln(w, "briefbot: run 'briefbot help' for usage")
		return 2
	}
	return 1
}

// usageError reports a command line that cannot be run.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// run is the whole program, with its environment passed in so that a test
// can drive it end to end. getenv is not read yet; configuration will come
// through it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return runBot(ctx, nil, getenv, stdin, stdout, stderr)
	}
	switch cmd := args[0]; cmd {
	case "help", "-h", "-help", "--help":
		_, err := io.WriteString(stdout, usage)
		return err
	case "brief":
		return brief(ctx, args[1:], stdin, stdout)
	case "run":
		return runBot(ctx, args[1:], getenv, stdin, stdout, stderr)
	case "who-said", "quotes":
		return query(ctx, cmd, args[1:], getenv, stdout, stderr)
	case "migrate":
		return migrate(ctx, args[1:], stdout)
	default:
		if strings.HasPrefix(cmd, "-") {
			return runBot(ctx, args, getenv, stdin, stdout, stderr)
		}
		return usagef("unknown command %q", cmd)
	}
}

// parseFlags parses args with fs, letting flags come after positional
// arguments too, and returns the positional ones. Everything after "--" is
// positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// flagError turns an error from parseFlags into what run returns: help asked
// for with -h is printed to stdout and is no error; anything else is a usage
// error.
func flagError(err error, stdout io.Writer, help string) error {
	if errors.Is(err, flag.ErrHelp) {
		_, werr := io.WriteString(stdout, help)
		return werr
	}
	return &usageError{msg: err.Error()}
}
