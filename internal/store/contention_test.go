package store_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// countingPoster accepts every post and counts them.
type countingPoster struct{ n atomic.Int64 }

func (p *countingPoster) Parts(bot.Message) int { return 1 }

func (p *countingPoster) Post(context.Context, string, bot.Message, bot.Part) (string, error) {
	return fmt.Sprint(p.n.Add(1)), nil
}

// TestNoWriteFailsOnContention ingests articles from several goroutines
// while the dispatcher delivers them to three channels and commands read
// the archive: no write may fail because another holds the lock
// ("database is locked", SQLITE_BUSY), and everything is delivered.
func TestNoWriteFailsOnContention(t *testing.T) {
	ctx := t.Context()
	path := store.ArchivePath(t)
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store.KeepNoIdleConns(db)
	logs := &syncLog{}
	poster := &countingPoster{}
	var chans []bot.Channel
	for i := range 3 {
		chans = append(chans, bot.Channel{Platform: "console", ID: fmt.Sprint(i), Immediate: true})
	}
	d := &bot.Dispatcher{Store: db.Outbox(), Posters: map[string]bot.Poster{"console": poster}, Channels: chans,
		Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelError}))}
	if err := d.Open(ctx); err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { d.Run(runCtx); close(done) }()

	const writers, each = 5, 20
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+100)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				title := fmt.Sprintf("Story %d-%d", w, i)
				a, b := build(title, day(1), nil, said{who: "Nora Walsh", text: fmt.Sprintf("Cable %d-%d needs replacing this spring", w, i)})
				if _, err := db.Save(ctx, store.Source{Kind: "file", Key: title + ".txt", Name: title + ".txt"}, a, b); err != nil {
					errs <- err
				}
				d.Notify()
			}
		})
	}
	readCtx, stopReading := context.WithCancel(ctx)
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for readCtx.Err() == nil {
				if _, _, err := db.WhoSaid(readCtx, "cable", 5); err != nil && readCtx.Err() == nil {
					errs <- err
				}
				if _, err := d.Status(readCtx); err != nil && readCtx.Err() == nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	want := int64(writers * each * len(chans))
	fctx, cancel := context.WithTimeout(ctx, 5*time.Minute) // a loaded machine, under -race
	if err := d.Flush(fctx); err != nil {
		t.Errorf("Flush = %v", err)
	}
	cancel()
	stopReading()
	readers.Wait()
	stop()
	<-done
	close(errs)
	for err := range errs {
		t.Errorf("under contention: %v", err)
	}
	if n := poster.n.Load(); n != want {
		t.Errorf("%d posts; want %d", n, want)
	}
	if s := logs.String(); s != "" {
		t.Errorf("the dispatcher logged errors:\n%s", s)
	}
}
