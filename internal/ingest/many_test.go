package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

// manyFiles writes n articles, made from the summarizer's test articles
// and each different, with a missing and an empty file among them, and
// returns their paths in order.
func manyFiles(t testing.TB, n int) []string {
	t.Helper()
	sources, err := filepath.Glob("../../summarize/testdata/*.txt")
	if err != nil || len(sources) == 0 {
		t.Fatalf("no articles: %v", err)
	}
	dir := t.TempDir()
	var files []string
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("a%04d.txt", i))
		switch i % 50 {
		case 7: // never written
		case 13:
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		default:
			body, err := os.ReadFile(sources[i%len(sources)])
			if err != nil {
				t.Fatal(err)
			}
			// A different length each, so a fast file often follows a slow one.
			text := fmt.Sprintf("%s\n\n%s\n\nThis is copy %d of the story.", body, strings.Repeat("More text follows here. ", i%17), i)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, path)
	}
	return files
}

func briefOK(a summarize.Article) (summarize.Briefing, error) { return summarize.Brief(a), nil }

func TestFilesAllInInputOrder(t *testing.T) {
	files := manyFiles(t, 300)
	collect := func(workers int) []Briefed {
		var got []Briefed
		for r := range (Files{MaxBytes: 1 << 20, Brief: briefOK, Workers: workers}).All(t.Context(), files) {
			got = append(got, r)
		}
		return got
	}
	one, many := collect(1), collect(8)
	if len(one) != len(files) || len(many) != len(files) {
		t.Fatalf("All yielded %d and %d results; want %d each", len(one), len(many), len(files))
	}
	for i, r := range many {
		if r.File != files[i] {
			t.Fatalf("result %d is for %s; want %s", i, r.File, files[i])
		}
		if fmt.Sprint(r.Err) != fmt.Sprint(one[i].Err) {
			t.Errorf("%s: error with 8 workers %v; with 1 %v", r.File, r.Err, one[i].Err)
		}
		if diff := cmp.Diff(one[i].Briefing, r.Briefing); diff != "" {
			t.Errorf("%s: briefing with 8 workers differs (-1 worker +8):\n%s", r.File, diff)
		}
	}
	if !errors.Is(many[7].Err, fs.ErrNotExist) || !errors.Is(many[13].Err, ErrEmpty) {
		t.Errorf("errors for files 7 and 13 = %v, %v; want not found and empty", many[7].Err, many[13].Err)
	}
}

func TestFilesAllStops(t *testing.T) {
	files := manyFiles(t, 100)
	n := 0
	for range (Files{MaxBytes: 1 << 20, Brief: briefOK, Workers: 4}).All(t.Context(), files) {
		if n++; n == 5 {
			break
		}
	}
	if n != 5 {
		t.Errorf("loop ran %d times; want 5", n)
	}
	// A cancelled context starts nothing.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for r := range (Files{MaxBytes: 1 << 20, Brief: briefOK}).All(ctx, files) {
		t.Errorf("All after cancel yielded %s", r.File)
	}
}

func TestFilesAllStdinOnce(t *testing.T) {
	fs := Files{MaxBytes: 1 << 20, Stdin: strings.NewReader("He said: “Yes.”\n"), Brief: briefOK, Workers: 4}
	var got []string
	for r := range fs.All(t.Context(), []string{"-", "-"}) {
		got = append(got, fmt.Sprintf("%s %v %q", r.File, r.Err, r.Article.Body))
	}
	want := []string{`- <nil> "He said: “Yes.”\n"`, `- reading "stdin": empty file ""`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("All(-, -) mismatch (-want +got):\n%s", diff)
	}
}

func TestFilesBriefError(t *testing.T) {
	files := manyFiles(t, 1)
	r := Files{MaxBytes: 1 << 20, Brief: func(summarize.Article) (summarize.Briefing, error) {
		return summarize.Briefing{}, errors.New("boom")
	}}.One(files[0])
	if want := fmt.Sprintf("briefing %q: boom", files[0]); fmt.Sprint(r.Err) != want {
		t.Errorf("One error = %v; want %s", r.Err, want)
	}
}

// BenchmarkFilesAll measures reading and briefing many files on every core,
// in bytes of article a second.
func BenchmarkFilesAll(b *testing.B) {
	files := manyFiles(b, 200)
	var size int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			size += info.Size()
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		for range (Files{MaxBytes: 1 << 20, Brief: briefOK}).All(b.Context(), files) {
		}
	}
}

// TestFilesAllInFlight checks that no more bytes of files are briefed at
// once than InFlight allows, and that a file larger than it is briefed alone.
func TestFilesAllInFlight(t *testing.T) {
	files := manyFiles(t, 40)
	var largest int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			largest = max(largest, info.Size())
		}
	}
	var mu sync.Mutex
	var bytesNow, bytesMost, callsNow, callsMost int64
	fs := Files{MaxBytes: 1 << 20, Workers: 4, Brief: func(a summarize.Article) (summarize.Briefing, error) {
		n := int64(len(a.Body))
		mu.Lock()
		bytesNow, callsNow = bytesNow+n, callsNow+1
		bytesMost, callsMost = max(bytesMost, bytesNow), max(callsMost, callsNow)
		mu.Unlock()
		b := summarize.Brief(a)
		mu.Lock()
		bytesNow, callsNow = bytesNow-n, callsNow-1
		mu.Unlock()
		return b, nil
	}}
	for _, tc := range []struct {
		inFlight  int64
		mostCalls int64 // 0: any
	}{
		{largest + largest/2, 0}, // room for one large file and a small one, never two large
		{1, 1},                   // every file over the budget: one at a time
	} {
		fs.InFlight, bytesMost, callsMost = tc.inFlight, 0, 0
		n := 0
		for range fs.All(t.Context(), files) {
			n++
		}
		if n != len(files) {
			t.Fatalf("All yielded %d of %d files", n, len(files))
		}
		if tc.mostCalls == 0 && bytesMost > tc.inFlight {
			t.Errorf("InFlight %d: All briefed %d bytes at once", tc.inFlight, bytesMost)
		}
		if tc.mostCalls > 0 && callsMost > tc.mostCalls {
			t.Errorf("InFlight %d: All briefed %d files at once; want %d", tc.inFlight, callsMost, tc.mostCalls)
		}
	}
}
