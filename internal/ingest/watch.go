package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/briefbot/briefbot/internal/logs"
)

// Watcher finds the articles in a folder and its subfolders: first those
// already there, then each one added or changed while it runs, once it has
// stopped changing.
type Watcher struct {
	// Dir is the folder to watch.
	Dir string
	// Settle is how long a file must go unchanged before it is read, so
	// that a file still being written is read once, complete. Zero means
	// 2s. A file that appears whole, renamed into the folder, is read at
	// once (after arrived).
	Settle time.Duration
	// Log receives files skipped and watch errors; nil discards them.
	Log *slog.Logger
	// Refused, when set, is told of each file not read for a reason the
	// reader should see, such as a link out of the folder.
	Refused func(path, why string)
}

// arrived is how long a file that appeared whole (renamed into the folder)
// waits before it is read: long enough for the events of a writer that was
// quick to show, short enough to be at once.
const arrived = 50 * time.Millisecond

// Article reports whether a file name is one the watcher reads: .txt, .md,
// .html or .htm, and not hidden, temporary or an editor's backup.
func Article(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") {
		return false
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".txt", ".md", ".html", ".htm":
		return true
	}
	return false
}

func (w *Watcher) log() *slog.Logger { return logs.Or(w.Log) }

// Scan returns the articles now in the folder and its subfolders, sorted.
// Links that lead out of the folder are not followed.
func (w *Watcher) Scan() ([]string, error) {
	root, err := filepath.Abs(w.Dir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(root); err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err
		}
		return nil, fmt.Errorf("reading seeds folder %q: %w", w.Dir, err)
	}
	var paths []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			w.log().Warn("skipping unreadable path", "path", path, "err", err)
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if Article(path) && w.inside(root, path) {
			paths = append(paths, path)
		}
		return nil
	})
	sort.Strings(paths)
	return paths, err
}

// inside reports whether path, with links resolved, is a regular file within
// root.
func (w *Watcher) inside(root, path string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		w.log().Warn("not following a link out of the seeds folder", "path", path)
		if w.Refused != nil {
			w.Refused(path, "a link out of the seeds folder")
		}
		return false
	}
	info, err := os.Stat(real)
	return err == nil && info.Mode().IsRegular()
}

// Watch calls found for each article added to or changed in the folder
// until ctx is done. found is called from one goroutine at a time.
func (w *Watcher) Watch(ctx context.Context, found func(ctx context.Context, path string)) error {
	root, err := filepath.Abs(w.Dir)
	if err != nil {
		return err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching %q: %w", w.Dir, err)
	}
	defer fw.Close()
	addTree := func(dir string) {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if err := fw.Add(path); err != nil {
				w.log().Warn("cannot watch folder", "path", path, "err", err)
			}
			return nil
		})
	}
	addTree(root)

	settle := w.Settle
	if settle <= 0 {
		settle = 2 * time.Second
	}
	var mu sync.Mutex
	pending := map[string]*time.Timer{}
	ready := make(chan string, 64)
	schedule := func(path string, wait time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		if t, ok := pending[path]; ok {
			t.Reset(wait) // still being written
			return
		}
		pending[path] = time.AfterFunc(wait, func() {
			mu.Lock()
			delete(pending, path)
			mu.Unlock()
			select {
			case ready <- path:
			case <-ctx.Done():
			}
		})
	}
	defer func() {
		mu.Lock()
		for _, t := range pending {
			t.Stop()
		}
		mu.Unlock()
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			w.log().Warn("watch error", "err", err)
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() && !strings.HasPrefix(filepath.Base(ev.Name), ".") {
					addTree(ev.Name)
					// Files may already be in a folder moved in whole.
					filepath.WalkDir(ev.Name, func(path string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() && Article(path) {
							schedule(path, settle)
						}
						return nil
					})
					continue
				}
			}
			if !Article(ev.Name) {
				continue
			}
			switch {
			case ev.Has(fsnotify.Write):
				schedule(ev.Name, settle)
			case ev.Has(fsnotify.Create):
				// A file created by a writer is empty when it appears, and
				// its writes follow as events of their own, each putting
				// the read off by settle; one that appears with its text,
				// renamed into the folder, is whole already.
				wait := settle
				if info, err := os.Lstat(ev.Name); err == nil && info.Size() > 0 {
					wait = arrived
				}
				schedule(ev.Name, wait)
			}
		case path := <-ready:
			if w.inside(root, path) {
				found(ctx, path)
			}
		}
	}
}
