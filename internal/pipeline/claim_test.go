package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
	"github.com/briefbot/briefbot/summarize"
)

// seedFolder writes n short articles, each its own, into a new folder.
func seedFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Ferry %d returns\n\nThe harbour master, Ana Lind, said: “Ferry %d sails again on Monday.”\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// counting is a Pipeline's Summarize that counts the articles it briefs.
func counting(n *atomic.Int32) func(summarize.Article) (summarize.Briefing, error) {
	return func(a summarize.Article) (summarize.Briefing, error) {
		n.Add(1)
		return Brief(a)
	}
}

// archives are the archives the replica tests run on: a SQLite file, which
// several processes can share too, and PostgreSQL when there is a server.
func archives(t *testing.T, test func(t *testing.T, path string)) {
	t.Run("sqlite", func(t *testing.T) { test(t, filepath.Join(t.TempDir(), "a.db")) })
	t.Run("postgres", func(t *testing.T) { test(t, storetest.NewDatabase(t)) })
}

// openReplica opens the archive at path as the replica name.
func openReplica(t *testing.T, path, name string) *store.DB {
	t.Helper()
	db, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetReplica(name)
	return db
}

// versions counts the versions archived.
func versions(t *testing.T, db *store.DB) int {
	t.Helper()
	entries, err := db.Outbox().Since(t.Context(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// TestReplicasBriefEachFileOnce reads one folder from three replicas at
// once: between them they brief each file once, and a replica started
// again on the folder briefs nothing.
func TestReplicasBriefEachFileOnce(t *testing.T) {
	archives(t, func(t *testing.T, path string) {
		const n = 80
		seeds := seedFolder(t, n)
		var total atomic.Int32
		var ps []*Pipeline
		for _, name := range []string{"a", "b", "c"} {
			ps = append(ps, &Pipeline{DB: openReplica(t, path, name), Dir: seeds, MaxBytes: 1 << 20, Summarize: counting(&total)})
		}
		var wg sync.WaitGroup
		for _, p := range ps {
			wg.Go(func() {
				if err := p.ReadFolder(t.Context(), &ingest.Watcher{Dir: seeds}); err != nil {
					t.Errorf("ReadFolder: %v", err)
				}
			})
		}
		wg.Wait()
		if got := total.Load(); got != n {
			t.Errorf("three replicas briefed %d files of %d; want each once", got, n)
		}
		saved := 0
		for _, p := range ps {
			saved += p.briefed
		}
		if got := versions(t, ps[0].DB); got != n || saved != n {
			t.Errorf("archived %d versions, %d counted new by the replicas; want %d", got, saved, n)
		}

		total.Store(0)
		again := &Pipeline{DB: openReplica(t, path, "d"), Dir: seeds, MaxBytes: 1 << 20, Summarize: counting(&total)}
		if err := again.ReadFolder(t.Context(), &ingest.Watcher{Dir: seeds}); err != nil {
			t.Fatal(err)
		}
		if got := total.Load(); got != 0 {
			t.Errorf("a replica started on the archived folder briefed %d files; want none", got)
		}
	})
}

// TestDeadReplicasFilesBriefed leaves the files a replica claimed and died
// holding to the others: they are briefed, once, when the claims run out.
func TestDeadReplicasFilesBriefed(t *testing.T) {
	archives(t, func(t *testing.T, path string) {
		synctest.Test(t, func(t *testing.T) {
			const n = 20
			seeds := seedFolder(t, n)
			dead := openReplica(t, path, "dead")
			dead.LeaseTime = 10 * time.Second
			var total atomic.Int32
			live := &Pipeline{DB: openReplica(t, path, "live"), Dir: seeds, MaxBytes: 1 << 20, Summarize: counting(&total)}
			// The dead replica claimed the first half and died.
			paths, err := (&ingest.Watcher{Dir: seeds}).Scan()
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, p := range paths[:n/2] {
				keys = append(keys, live.fileKey(p))
			}
			if _, err := dead.ClaimFiles(t.Context(), keys); err != nil {
				t.Fatal(err)
			}
			if err := live.ReadFolder(t.Context(), &ingest.Watcher{Dir: seeds}); err != nil {
				t.Fatal(err)
			}
			if got := total.Load(); got != n/2 {
				t.Fatalf("briefed %d files while the dead replica's claims held; want %d", got, n/2)
			}
			ctx, stop := context.WithCancel(t.Context())
			done := make(chan struct{})
			go func() { live.retry(ctx); close(done) }()
			time.Sleep(11 * time.Second)
			synctest.Wait()
			stop()
			<-done
			if got, archived := total.Load(), versions(t, live.DB); got != n || archived != n {
				t.Errorf("after the claims ran out %d files were briefed and %d archived; want %d each, once", got, archived, n)
			}
		})
	})
}

// TestLateReplicasShareTheFolder starts one replica on a folder, on
// PostgreSQL across a slow network, and two more once it has archived its
// first files: it claimed only a little ahead of what it saved, so the two
// late ones brief a fair part of the folder. (When a replica claimed as
// fast as it briefed, the first took every file.)
func TestLateReplicasShareTheFolder(t *testing.T) {
	const n = 128
	seeds := seedFolder(t, n)
	url := storetest.SlowProxy(t, storetest.NewDatabase(t), 2*time.Millisecond)
	counts := make([]atomic.Int32, 3)
	var ps []*Pipeline
	for i, name := range []string{"first", "late-a", "late-b"} {
		ps = append(ps, &Pipeline{DB: openReplica(t, url, name), Dir: seeds, MaxBytes: 1 << 20, Summarize: counting(&counts[i])})
	}
	saved := make(chan struct{})
	var once sync.Once
	ps[0].Notify = func() { once.Do(func() { close(saved) }) }
	var wg sync.WaitGroup
	read := func(p *Pipeline) {
		wg.Go(func() {
			if err := p.ReadFolder(t.Context(), &ingest.Watcher{Dir: seeds}); err != nil {
				t.Errorf("ReadFolder: %v", err)
			}
		})
	}
	read(ps[0])
	select {
	case <-saved:
	case <-time.After(time.Minute):
		t.Fatal("the first replica archived nothing in a minute")
	}
	read(ps[1])
	read(ps[2])
	wg.Wait()
	got := []int32{counts[0].Load(), counts[1].Load(), counts[2].Load()}
	t.Logf("files briefed by the first replica and the late ones: %v", got)
	if got[0]+got[1]+got[2] != n {
		t.Errorf("briefed %v files, %d in all; want each of %d once", got, got[0]+got[1]+got[2], n)
	}
	if late := got[1] + got[2]; late < n/4 {
		t.Errorf("the late replicas briefed %d files of %d (%v); want at least %d", late, n, got, n/4)
	}
}
