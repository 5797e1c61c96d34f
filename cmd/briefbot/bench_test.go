package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkIngest measures the terminal bot from article files to printed
// briefings: read, decode, brief, archive and print, in articles a second
// and in bytes of article a second.
func BenchmarkIngest(b *testing.B) {
	files, err := filepath.Glob("../../summarize/testdata/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no articles: %v", err)
	}
	seeds := b.TempDir()
	const n = 200
	var size int64
	for i := range n {
		body, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		// Each copy differs, so the archive takes every one as new.
		text := fmt.Sprintf("%s\n\nThis is copy %d of the story.", body, i)
		size += int64(len(text))
		if err := os.WriteFile(filepath.Join(seeds, fmt.Sprintf("a%03d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	var elapsed time.Duration
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i))
		start := time.Now()
		var out strings.Builder
		if err := run(b.Context(), []string{"run", "--seeds", seeds, "--db", db}, noEnv, strings.NewReader(""), &out, io.Discard); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		if got := strings.Count(out.String(), "\nSource: "); got != n {
			b.Fatalf("printed %d briefings; want %d", got, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "articles/s")
}
