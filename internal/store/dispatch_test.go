package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// flakyPlatform is a chat platform that fails as scripted: each call to
// Post takes the next step, and posts when the step says so.
type flakyPlatform struct {
	mu     sync.Mutex
	steps  []step
	titles []string
	keys   []string
}

type step struct {
	hang  bool   // never answers: the caller times out
	err   error  // refuses the post
	after func() // runs once the post is accepted
}

func (p *flakyPlatform) Parts(bot.Message) int { return 1 }

func (p *flakyPlatform) Post(ctx context.Context, _ string, m bot.Message, part bot.Part) (string, error) {
	p.mu.Lock()
	var s step
	if len(p.steps) > 0 {
		s, p.steps = p.steps[0], p.steps[1:]
	}
	p.mu.Unlock()
	switch {
	case s.hang:
		<-ctx.Done()
		return "", ctx.Err()
	case s.err != nil:
		return "", s.err
	}
	p.mu.Lock()
	p.titles = append(p.titles, m.Title)
	p.keys = append(p.keys, part.Key)
	n := len(p.titles)
	p.mu.Unlock()
	if s.after != nil {
		s.after()
	}
	return fmt.Sprintf("msg-%d", n), nil
}

// syncLog collects the dispatcher's logs.
type syncLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestDispatchFaultsThroughSQLite runs the dispatcher on the SQLite outbox
// against a platform that times out, fails with server errors and asks to
// slow down, and kills the bot between a post the platform accepted and
// its record as sent, by closing the archive under it. After a restart on
// the reopened archive every briefing is posted, in order, and only the one
// caught by the crash twice, which is logged; a second restart posts
// nothing.
func TestDispatchFaultsThroughSQLite(t *testing.T) {
	path := store.ArchivePath(t)
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		logs := &syncLog{}
		platform := &flakyPlatform{}
		news := bot.Channel{Platform: "console", ID: "news", Immediate: true}
		dispatcher := func(db *store.DB) *bot.Dispatcher {
			return &bot.Dispatcher{
				Store: db.Outbox(), Posters: map[string]bot.Poster{"console": platform}, Channels: []bot.Channel{news},
				Log: slog.New(slog.NewTextHandler(logs, nil)), PostTimeout: 5 * time.Second,
			}
		}
		d := dispatcher(db)
		if err := d.Open(ctx); err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := range 5 {
			title := fmt.Sprintf("Story %d", i)
			save(t, db, title, day(1), nil, said{who: "Nora Walsh", text: fmt.Sprintf("Cable %d needs replacing this spring", i)})
			want = append(want, title)
		}
		crashed := make(chan struct{})
		platform.steps = []step{
			{hang: true}, {err: errors.New("500 Internal Server Error")}, {}, // story 0
			{err: &bot.RateLimitError{RetryAfter: 30 * time.Second}}, {}, // story 1
			{after: func() { db.Close(); close(crashed) }}, // story 2, then the crash
		}
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { d.Run(runCtx); close(done) }()
		<-crashed
		stop()
		<-done

		for restart := range 2 {
			db, err = store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			runCtx, stop := context.WithCancel(ctx)
			done := make(chan struct{})
			go func() { dispatcher(db).Run(runCtx); close(done) }()
			time.Sleep(time.Hour)
			synctest.Wait()
			stop()
			<-done
			if restart == 1 {
				break
			}
			counts, _, err := db.Outbox().Counts(ctx, news.Key())
			if err != nil || counts[bot.Sent] != 5 || counts[bot.Pending]+counts[bot.Sending] != 0 {
				t.Errorf("outbox after the restart = %v, %v; want 5 sent and none waiting", counts, err)
			}
			db.Close()
		}
		db.Close()

		want = append(want[:3], want[2:]...) // story 2 twice
		if diff := cmp.Diff(want, platform.titles); diff != "" {
			t.Errorf("posted (-want +got):\n%s", diff)
		}
		if platform.keys[2] != platform.keys[3] {
			t.Errorf("the repeat of story 2 had key %q, the first post %q; want the same", platform.keys[3], platform.keys[2])
		}
		if !strings.Contains(logs.String(), "may post it twice") {
			t.Errorf("the possible duplicate is not logged:\n%s", logs)
		}
	})
}
