package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const runUsage = `Usage: briefbot [run] [--seeds DIR]

Brief every .txt and .md file in the seeds folder and print the briefings.

Flags:
  --seeds DIR  the seeds folder (default ./seeds)
`

// runSeeds runs the run command. A seed that cannot be read is reported on
// stderr and skipped: one bad file should not stop a bot.
func runSeeds(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dir := flags.String("seeds", "seeds", "")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, runUsage)
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q: run takes no files", rest[0])
	}
	paths, err := seedFiles(*dir)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "briefbot: no .txt or .md files in %q\n", *dir)
		return nil
	}
	write, err := writer("text", stdout)
	if err != nil {
		return err
	}
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, b, err := briefFile(path, nil, defaultMaxBytes)
		if err != nil {
			fmt.Fprintf(stderr, "briefbot: skipping seed: %v\n", err)
			continue
		}
		if err := write(path, a, b); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
	}
	return nil
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
