package ingest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestArticle(t *testing.T) {
	for name, want := range map[string]bool{
		"story.txt": true, "story.MD": true, "page.html": true, "page.htm": true,
		".hidden.txt": false, "story.txt~": false, "story.txt.swp": false, ".story.txt.swp": false,
		"story.part": false, "story.tmp": false, "#story.txt#": false, "notes.pdf": false,
	} {
		if got := Article(name); got != want {
			t.Errorf("Article(%q) = %v; want %v", name, got, want)
		}
	}
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for _, name := range []string{"b.txt", "a.md", "sub/c.txt", "sub/deeper/d.htm", ".hidden/e.txt", "f.tmp", "g.txt~"} {
		mustWrite(t, filepath.Join(dir, name), "Some text.")
	}
	mustWrite(t, filepath.Join(outside, "secret.txt"), "Not ours.")
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "inside-link.txt")); err != nil {
		t.Fatal(err)
	}
	got, err := (&Watcher{Dir: dir}).Scan()
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i], _ = filepath.Rel(dir, got[i])
	}
	want := []string{"a.md", "b.txt", "inside-link.txt", "sub/c.txt", "sub/deeper/d.htm"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan() (-want +got):\n%s", diff)
	}
	if _, err := (&Watcher{Dir: filepath.Join(dir, "nope")}).Scan(); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("Scan() of a missing folder = %v; want an error naming it", err)
	}
}

// TestWatch drops, writes slowly, renames and deletes files in a watched
// folder. It waits on real file-system events, so it polls with a deadline
// rather than sleeping a fixed time.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	w := &Watcher{Dir: dir, Settle: 150 * time.Millisecond}
	var mu sync.Mutex
	var found []string
	seen := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(found)
	}
	stopped := make(chan error, 1)
	go func() {
		stopped <- w.Watch(ctx, func(_ context.Context, path string) {
			rel, _ := filepath.Rel(dir, path)
			mu.Lock()
			found = append(found, filepath.ToSlash(rel))
			mu.Unlock()
		})
	}()
	// The watch has begun once a probe file is reported.
	probe := time.Time{}
	waitFor(t, "the probe", func() bool {
		if time.Since(probe) > time.Second { // the watch may not have started yet: write again
			mustWrite(t, filepath.Join(dir, "probe.txt"), time.Now().String())
			probe = time.Now()
		}
		return slices.Contains(seen(), "probe.txt")
	})
	mu.Lock()
	found = nil
	mu.Unlock()

	// A file written in pieces is reported once, when complete.
	f, err := os.Create(filepath.Join(dir, "slow.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f.WriteString("part of a story. ")
		f.Sync()
		time.Sleep(30 * time.Millisecond) // slower than a single write, faster than Settle
	}
	f.Close()
	// Temporary and hidden files are not articles.
	mustWrite(t, filepath.Join(dir, "draft.tmp"), "x")
	mustWrite(t, filepath.Join(dir, ".hidden.txt"), "x")
	// A folder made later is watched too.
	mustWrite(t, filepath.Join(dir, "sub", "new.txt"), "A new story.")
	waitFor(t, "slow.txt and sub/new.txt", func() bool {
		got := seen()
		return slices.Contains(got, "slow.txt") && slices.Contains(got, "sub/new.txt")
	})
	mustWrite(t, filepath.Join(dir, "sub", "later.txt"), "Another story.")
	// A rename reports the new name; a deleted file is simply gone.
	if err := os.Rename(filepath.Join(dir, "slow.txt"), filepath.Join(dir, "renamed.txt")); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "gone.txt"), "Short-lived.")
	os.Remove(filepath.Join(dir, "gone.txt"))
	waitFor(t, "renamed.txt and sub/later.txt", func() bool {
		got := seen()
		return slices.Contains(got, "renamed.txt") && slices.Contains(got, "sub/later.txt")
	})
	got := seen()
	for _, name := range []string{"draft.tmp", ".hidden.txt", "gone.txt"} {
		if slices.Contains(got, name) {
			t.Errorf("Watch reported %q; want it ignored", name)
		}
	}
	n := 0
	for _, name := range got {
		if name == "slow.txt" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Watch reported slow.txt %d times; want once, complete", n)
	}
	cancel()
	if err := <-stopped; err != nil {
		t.Errorf("Watch = %v after cancel; want nil", err)
	}
}

// waitFor polls cond until it holds or five seconds pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatchRenameIsAtOnce reads a file renamed into the folder at once,
// whatever the settle time: it arrives whole.
func TestWatchRenameIsAtOnce(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	w := &Watcher{Dir: dir, Settle: time.Hour}
	found := make(chan string, 10)
	go w.Watch(ctx, func(_ context.Context, path string) { found <- filepath.Base(path) })
	outside := t.TempDir()
	// The watch may not have begun: rename a file in until one is seen.
	for i := 0; ; i++ {
		src := filepath.Join(outside, "story.txt")
		mustWrite(t, src, "A whole story, written elsewhere.")
		if err := os.Rename(src, filepath.Join(dir, "story.txt")); err != nil {
			t.Fatal(err)
		}
		select {
		case name := <-found:
			if name != "story.txt" {
				t.Fatalf("Watch reported %q; want story.txt", name)
			}
			return
		case <-time.After(time.Second):
			if i == 5 {
				t.Fatal("a file renamed into the folder was not read within a second, with settle an hour")
			}
		}
	}
}
