package ingest

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
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
	// InFlight is the most bytes of files briefed at once; zero or less
	// means DefaultInFlight. A file larger than what is left waits for the
	// others to finish, and one larger than InFlight is briefed alone, so
	// that large files do not add their peaks together.
	InFlight int64
}

// DefaultInFlight is Files.InFlight's default. The summarizer works in
// about 35 times the text it briefs, so 16 MiB of files at once is about
// 600 MB, and articles of ordinary length are never held back.
const DefaultInFlight = 16 << 20

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
		budget := fs.InFlight
		if budget <= 0 {
			budget = DefaultInFlight
		}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel()

		// Each file started gets a slot, queued in input order; its worker
		// fills it, and the loop below empties the queue in order.
		pending := make(chan chan Briefed, 2*workers)
		running := make(chan struct{}, workers)
		// Each file started sends its size here when done; room for all,
		// so that no worker waits to send.
		released := make(chan int64, len(files))
		wg.Go(func() {
			defer close(pending)
			stdin := fs.Stdin
			var inFlight int64
			for _, file := range files {
				if ctx.Err() != nil {
					return // select would pick a free worker half the time
				}
				size := fileSize(file)
				for inFlight > 0 && inFlight+size > budget {
					select {
					case n := <-released:
						inFlight -= n
					case <-ctx.Done():
						return
					}
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
				inFlight += size
				wg.Go(func() {
					defer func() {
						released <- size
						<-running
					}()
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

// fileSize is the size of the named file, or 0 when it cannot be known
// (standard input, a file that cannot be read, which One reports).
func fileSize(file string) int64 {
	if file == "-" {
		return 0
	}
	info, err := os.Stat(file)
	if err != nil || !info.Mode().IsRegular() {
		return 0
	}
	return info.Size()
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
