package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/pipeline"
	"github.com/briefbot/briefbot/summarize"
)

// defaultMaxBytes is the largest file briefed unless --max-bytes says
// otherwise: far more than any news article, far less than a mistake.
const defaultMaxBytes = 5 << 20

const briefUsage = `Usage: briefbot brief [--format text|markdown|json] [--max-bytes N] FILE...

Brief each FILE and print the briefings; - reads standard input.

Flags:
  --format FORMAT  text (default), markdown or json (one object a line)
  --max-bytes N    largest file to read (default 5242880)
`

// brief runs the brief command.
func brief(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	flags := flag.NewFlagSet("brief", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	format := flags.String("format", "text", "")
	maxBytes := flags.Int64("max-bytes", defaultMaxBytes, "")
	files, err := parseFlags(flags, args)
	if err != nil {
		return flagError(err, stdout, briefUsage)
	}
	write, err := writer(*format, stdout)
	if err != nil {
		return err
	}
	if *maxBytes <= 0 {
		return usagef("--max-bytes must be positive, not %d", *maxBytes)
	}
	if len(files) == 0 {
		return usagef("no files to brief")
	}

	var errs []error
	all := ingest.Files{MaxBytes: *maxBytes, Stdin: stdin, Brief: pipeline.Brief}.All(ctx, files)
	for r := range all {
		if r.Err != nil {
			errs = append(errs, r.Err)
			continue
		}
		// Output errors (a closed pipe) end the run: later files could
		// not be written either.
		if err := write(r.File, r.Article, r.Briefing); err != nil {
			return errors.Join(append(errs, fmt.Errorf("writing output: %w", err))...)
		}
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// writeFunc writes the briefing b of a, read from file.
type writeFunc func(file string, a summarize.Article, b summarize.Briefing) error

// writer returns the writeFunc for format.
func writer(format string, w io.Writer) (writeFunc, error) {
	// Text and markdown briefings are separated by a blank line.
	separated := func(render func(io.Writer, summarize.Briefing, string) error) writeFunc {
		written := false
		return func(_ string, a summarize.Article, b summarize.Briefing) error {
			if written {
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			written = true
			return render(w, b, bot.Credit(a.Source, a.Byline))
		}
	}
	switch format {
	case "text":
		return separated(bot.WriteText), nil
	case "markdown":
		return separated(bot.WriteMarkdown), nil
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return func(file string, a summarize.Article, b summarize.Briefing) error {
			j := newJSONBriefing(file, b)
			j.Byline = a.Byline
			return enc.Encode(j)
		}, nil
	default:
		return nil, usagef("unknown format %q: want text, markdown or json", format)
	}
}

// jsonBriefing is the JSON form of a briefing: a stable schema owned by the
// command line, so that summarize can change its types freely. Lists are
// never null.
type jsonBriefing struct {
	File      string         `json:"file"`
	Title     string         `json:"title"`
	Byline    string         `json:"byline,omitempty"`
	Lede      string         `json:"lede"`
	Actors    []jsonActor    `json:"actors"`
	Quotes    []jsonQuote    `json:"quotes"`
	Positions []jsonPosition `json:"positions"`
	Topics    []string       `json:"topics"`
}

type jsonActor struct {
	Name    string   `json:"name"`
	Role    string   `json:"role"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"`
}

type jsonQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Partial bool   `json:"partial"`
}

type jsonPosition struct {
	Actor string `json:"actor"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func newJSONBriefing(file string, b summarize.Briefing) jsonBriefing {
	j := jsonBriefing{
		File:      file,
		Title:     b.Title,
		Lede:      b.Lede,
		Actors:    make([]jsonActor, 0, len(b.Actors)),
		Quotes:    make([]jsonQuote, 0, len(b.Quotes)),
		Positions: make([]jsonPosition, 0, len(b.Positions)),
		Topics:    append(make([]string, 0, len(b.Topics)), b.Topics...),
	}
	for _, a := range b.Actors {
		j.Actors = append(j.Actors, jsonActor{
			Name:    a.Name,
			Role:    a.Role,
			Aliases: append(make([]string, 0, len(a.Aliases)), a.Aliases...),
			Kind:    string(a.Kind),
		})
	}
	for _, q := range b.Quotes {
		j.Quotes = append(j.Quotes, jsonQuote{
			Text:    q.Text,
			Speaker: q.Speaker,
			Role:    q.Role,
			Start:   q.Start,
			End:     q.End,
			Partial: q.Partial,
		})
	}
	for _, p := range b.Positions {
		j.Positions = append(j.Positions, jsonPosition{
			Actor: p.Actor,
			Text:  p.Text,
			Start: p.Start,
			End:   p.End,
		})
	}
	return j
}
