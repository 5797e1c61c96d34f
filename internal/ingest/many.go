package ingest

import (
	"context"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/summarize"
)

// Briefed is one file read and briefed by [Files.All].
type Briefed struct {
	File     string // as given
	Article  summarize.Article
	Briefing summarize.Briefing
	Err      error // reading or briefing the file; it names the file
}

// Files reads and briefs many files at once, one a core.
type Files struct {
	// MaxBytes is the largest file read, as for ReadFile.
	MaxBytes int64
	// Stdin is read for the file "-" (named "stdin" in errors); a second
	// "-" finds it used up.
	Stdin io.Reader
	// Brief briefs an article; an error is returned as Briefed.Err, after
	// "briefing %q: ".
	Brief func(summarize.Article) (summarize.Briefing, error)
	// Workers is how many files are read and briefed at once; zero or less
	// means GOMAXPROCS.
	Workers int
}

// All reads and briefs files, Workers at a time, and yields each result in
// the order of files, as soon as it and every one before it are done. At
// most about three results a worker are held waiting for an earlier one,
// so a slow file does not make the rest pile up in memory.
//
// Stopping the loop, or ctx ending, starts no more files; All returns once
// the files already started are done, as reading and briefing cannot be
// interrupted. After ctx ends, the files not started are not yielded.
func (fs Files) All(ctx context.Context, files []string) iter.Seq[Briefed] {
	return func(yield func(Briefed) bool) {
		workers := fs.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel()

		// Each file started gets a slot, queued in input order; its worker
		// fills it, and the loop below empties the queue in order.
		pending := make(chan chan Briefed, 2*workers)
		running := make(chan struct{}, workers)
		wg.Go(func() {
			defer close(pending)
			stdin := fs.Stdin
			for _, file := range files {
				if ctx.Err() != nil {
					return // select would pick a free worker half the time
				}
				select {
				case running <- struct{}{}:
				case <-ctx.Done():
					return
				}
				slot := make(chan Briefed, 1)
				select {
				case pending <- slot:
				case <-ctx.Done():
					<-running
					return
				}
				in := stdin
				if file == "-" {
					stdin = strings.NewReader("") // read once, in input order
				}
				wg.Go(func() {
					defer func() { <-running }()
					slot <- fs.with(in).One(file)
				})
			}
		})
		for slot := range pending {
			if !yield(<-slot) {
				return
			}
		}
	}
}

func (fs Files) with(stdin io.Reader) Files {
	fs.Stdin = stdin
	return fs
}

// One reads and briefs one file; "-" reads Stdin.
func (fs Files) One(file string) Briefed {
	r := Briefed{File: file}
	if file == "-" {
		r.Article, r.Err = ReadAll(fs.Stdin, "stdin", fs.MaxBytes)
	} else {
		r.Article, r.Err = ReadFile(file, fs.MaxBytes)
	}
	if r.Err != nil {
		return r
	}
	if r.Briefing, r.Err = fs.Brief(r.Article); r.Err != nil {
		r.Err = fmt.Errorf("briefing %q: %w", file, r.Err)
	}
	return r
}
