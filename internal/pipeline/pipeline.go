// Package pipeline takes an article from the seeds folder or a feed to the
// archive and the outbox: read, brief, archive, and tell the channels when a
// briefing is new. The folder and the feeds go through the same Pipeline,
// so that they are counted, refused and reported alike.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/logs"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// Pipeline briefs seed files and feed items into the archive. Its fields are
// set before first use; the zero value of each optional one does nothing.
type Pipeline struct {
	DB *store.DB
	// Dir is the seeds folder: a file is known by its path within it.
	Dir string
	// Log is where refusals and failures go; nil means discard.
	Log *slog.Logger
	// MaxBytes is the largest file or page read.
	MaxBytes int64
	// Client fetches feed items' pages; nil means a default one.
	Client *http.Client
	// Notify is called when a briefing new to the archive is saved.
	Notify func()
	// Briefed counts a new briefing by its source's kind (file or feed);
	// Rejected counts a refusal by its reason (see Reason).
	Briefed, Rejected func(label string)
	// Summarize briefs a file's article; nil means Brief.
	Summarize func(summarize.Article) (summarize.Briefing, error)

	mu               sync.Mutex // guards the counts and lists below
	briefed, skipped int        // files briefed and refused this run
	feedBriefed      int        // feed items briefed this run
	feedErrors       int        // failed polls this run
	rejects          []string   // the latest files and items refused, with why
	// waiting are the files other replicas held when this one found them,
	// with when their claims run out (see retry); waited is told of each.
	waiting map[string]time.Time
	waited  chan struct{}
}

func (p *Pipeline) log() *slog.Logger { return logs.Or(p.Log) }

// Brief calls summarize.Brief, turning a panic into an error so that one odd
// article costs its own briefing, not the whole run, and the user sees a
// sentence rather than a stack trace.
func Brief(a summarize.Article) (b summarize.Briefing, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error in the summarizer: %v", r)
		}
	}()
	return summarize.Brief(a), nil
}

// files reads and briefs the seeds folder's files.
func (p *Pipeline) files() ingest.Files {
	brief := p.Summarize
	if brief == nil {
		brief = Brief
	}
	return ingest.Files{MaxBytes: p.MaxBytes, Brief: brief}
}

// Reason names why err refused a file or item, as a metric's label.
func Reason(err error) string {
	switch {
	case errors.Is(err, ingest.ErrEmpty):
		return "empty"
	case errors.Is(err, ingest.ErrBinary):
		return "binary"
	case errors.Is(err, ingest.ErrEncoding):
		return "encoding"
	case errors.Is(err, ingest.ErrTooLarge):
		return "too_large"
	case errors.Is(err, ingest.ErrNoArticle):
		return "no_article"
	}
	return "other"
}

// Reasons are all the labels Reason and the feeds give, for metrics to show
// at zero before the first.
var Reasons = []string{"empty", "binary", "encoding", "too_large", "no_article", "feed", "other"}

// AddFile briefs one file. A file that cannot be read is logged and counted,
// not fatal: one bad file must not stop a bot. Only a failing archive is.
//
// The file is briefed only under this replica's claim on it: not when it
// is archived already, nor while another replica holds it (see claim).
func (p *Pipeline) AddFile(ctx context.Context, path string) error {
	files, err := p.claim(ctx, []string{path})
	if err != nil || len(files) == 0 {
		return err
	}
	r := p.files().One(path)
	p.mu.Lock()
	doc, ok := p.fileDoc(r)
	p.mu.Unlock()
	if !ok {
		p.release(ctx, files[0].key)
		return nil
	}
	doc.Claim = files[0].key
	return p.saveAll(ctx, []store.Doc{doc}, strconv.Quote(path))
}

// fileDoc makes what the archive keeps of a file briefed, or counts it
// refused. Callers hold p.mu.
func (p *Pipeline) fileDoc(r ingest.Briefed) (store.Doc, bool) {
	if r.Err != nil {
		p.reject(Reason(r.Err), r.Err.Error())
		return store.Doc{}, false
	}
	a, b := r.Article, r.Briefing
	if a.Title == "" {
		// Answers cite the article by title; a file without one goes by its name.
		a.Title = strings.TrimSuffix(filepath.Base(r.File), filepath.Ext(r.File))
		b.Title = a.Title
	}
	rel, err := filepath.Rel(p.Dir, r.File)
	if err != nil {
		rel = r.File
	}
	src := store.Source{Kind: "file", Key: filepath.ToSlash(rel), Name: filepath.Base(r.File)}
	return store.Doc{Source: src, Article: a, Briefing: b}, true
}

// Refuse counts a file refused before it was read, such as a link out of
// the seeds folder.
func (p *Pipeline) Refuse(path, why string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reject("other", fmt.Sprintf("reading %q: %s", path, why))
}

// saveAll archives briefings, all or nothing, and tells the channels when
// one is new to the archive; shown names them in an error. Callers do not
// hold p.mu: the archive takes its writes one at a time, and the briefing
// goes on meanwhile.
func (p *Pipeline) saveAll(ctx context.Context, docs []store.Doc, shown string) error {
	saved, err := p.DB.SaveAll(ctx, docs)
	if err != nil {
		return fmt.Errorf("archiving %s: %w", shown, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	news := 0
	for i, s := range saved {
		if !s.New {
			continue
		}
		news++
		kind := docs[i].Source.Kind
		if kind == "feed" {
			p.feedBriefed++
		} else {
			p.briefed++
		}
		if p.Briefed != nil {
			p.Briefed(kind)
		}
	}
	if news > 0 && p.Notify != nil {
		p.Notify()
	}
	return nil
}

// reject logs a file or item refused, once, counts it under reason, and
// keeps it for /sources. Callers hold p.mu.
func (p *Pipeline) reject(reason, why string) {
	p.log().Warn("skipping", "reason", why)
	if p.Rejected != nil {
		p.Rejected(reason)
	}
	if reason == "feed" {
		p.feedErrors++
	} else {
		p.skipped++
	}
	p.rejects = append(p.rejects, why)
	if len(p.rejects) > 20 {
		p.rejects = p.rejects[len(p.rejects)-20:]
	}
}

// ReadFolder briefs every article the watcher's folder holds now.
func (p *Pipeline) ReadFolder(ctx context.Context, w *ingest.Watcher) error {
	paths, err := w.Scan()
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		p.log().Warn("no articles in the seeds folder", "folder", w.Dir)
	}
	// Files are briefed on every core, in order, and archived many to a
	// transaction, by a goroutine of their own: while one batch is saved
	// the next is briefed (saving them in the loop held the briefing up,
	// since All keeps only a few files ahead). A file claimed holds a
	// place of held until it is archived or refused (see pace).
	scan := pace(p.DB)
	held := semaphore.NewWeighted(int64(scan.ahead))
	batches := make(chan []store.Doc, 1)
	g, gctx := errgroup.WithContext(ctx) // a failed save stops the briefing
	g.Go(func() error {
		for batch := range batches {
			err := p.saveAll(ctx, batch, fmt.Sprintf("%d files from %s", len(batch), batch[0].Source.Key))
			if err != nil {
				return err
			}
			held.Release(int64(len(batch)))
		}
		return nil
	})
	send := func(batch []store.Doc) {
		select {
		case batches <- batch:
		case <-gctx.Done():
		}
	}
	// Claimed a chunk at a time, so that replicas starting together split
	// the folder, and ahead of the briefing, so that it does not wait for
	// a claim behind a save; each chunk is briefed on every core.
	chunks := make(chan []claimed, claimAhead)
	g.Go(func() error {
		defer close(chunks)
		for chunk := range slices.Chunk(paths, claimChunk) {
			if err := held.Acquire(gctx, int64(len(chunk))); err != nil {
				return nil // stopped
			}
			files, err := p.claim(gctx, chunk)
			if err != nil {
				return fmt.Errorf("claiming files in %s: %w", w.Dir, err)
			}
			held.Release(int64(len(chunk) - len(files))) // others' or archived
			select {
			case chunks <- files:
			case <-gctx.Done():
				return nil
			}
		}
		return nil
	})
	var batch []store.Doc
	for files := range chunks {
		keys := make(map[string]string, len(files))
		list := make([]string, len(files))
		for i, f := range files {
			keys[f.path], list[i] = f.key, f.path
		}
		for r := range p.files().All(gctx, list) {
			p.mu.Lock()
			doc, ok := p.fileDoc(r)
			p.mu.Unlock()
			if !ok {
				p.release(ctx, keys[r.File])
				held.Release(1)
				continue
			}
			doc.Claim = keys[r.File]
			if batch = append(batch, doc); len(batch) == scan.batch {
				send(batch)
				batch = nil
			}
		}
	}
	if len(batch) > 0 {
		send(batch)
	}
	close(batches)
	if err := g.Wait(); err != nil && ctx.Err() == nil {
		return err // stopped while reading is not a failure
	}
	p.mu.Lock()
	p.log().Info("seeds folder read", "folder", w.Dir, "files", len(paths), "new", p.briefed, "refused", p.skipped)
	p.mu.Unlock()
	return nil
}

// Watch briefs the articles dropped into the watcher's folder as they land,
// until ctx is done. An article the archive fails to take is logged: the
// next may fare better.
//
// Meanwhile it briefs the files other replicas held when this one found
// them, when their claims run out, unless they are archived by then.
func (p *Pipeline) Watch(ctx context.Context, w *ingest.Watcher) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	defer wg.Wait() // after stop
	wg.Go(func() { p.retry(ctx) })
	return w.Watch(ctx, func(ctx context.Context, path string) {
		if err := p.AddFile(ctx, path); err != nil {
			p.log().Error("archiving failed", "path", path, "err", err)
		}
	})
}

// Describe answers /sources: the folder, and each feed with its health.
func (p *Pipeline) Describe(ctx context.Context) string {
	p.mu.Lock()
	msg := fmt.Sprintf("Seeds folder %s (watched): %d new %s this run, %d refused.", p.Dir, p.briefed, plural(p.briefed, "briefing", "briefings"), p.skipped)
	if p.feedBriefed > 0 || p.feedErrors > 0 {
		msg += fmt.Sprintf("\nFeeds: %d new %s this run, %d failed %s.", p.feedBriefed, plural(p.feedBriefed, "briefing", "briefings"),
			p.feedErrors, plural(p.feedErrors, "poll", "polls"))
	}
	for _, r := range p.rejects {
		msg += "\n  refused: " + r
	}
	p.mu.Unlock()
	if p.DB == nil {
		return msg
	}
	states, err := p.DB.Feeds(ctx)
	if err != nil {
		p.log().Error("reading feed states failed", "err", err)
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
