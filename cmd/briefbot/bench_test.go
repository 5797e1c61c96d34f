package main

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store/storetest"
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

// BenchmarkIngestReplicas measures replicas sharing a PostgreSQL archive
// and a seeds folder as they archive a backlog of articles dropped into
// it, from their start to the last article archived, in articles a second,
// with one replica and with three. The replicas split the files by claims,
// each briefing its own, and save side by side. Here, with the database
// on the same two cores as the replicas, the work is bounded by the CPU
// (the database's and the replicas' each about half of it); see
// BenchmarkIngestReplicasLatency for a database across a network. The
// files-rN figures are how many files the Nth replica to start briefed.
func BenchmarkIngestReplicas(b *testing.B) {
	benchIngestReplicas(b, 0)
}

// BenchmarkIngestReplicasLatency is BenchmarkIngestReplicas with each
// message to the database delayed by 2 ms, as a database across a network
// is: a save is then mostly waiting for round trips, and three replicas
// that save side by side archive up to three times as fast as one, where
// saves that took turns would not be faster at all.
func BenchmarkIngestReplicasLatency(b *testing.B) {
	benchIngestReplicas(b, 2*time.Millisecond)
}

func benchIngestReplicas(b *testing.B, latency time.Duration) {
	files, err := filepath.Glob("../../summarize/testdata/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no articles: %v", err)
	}
	const n = 200
	seeds := b.TempDir()
	for i := range n {
		body, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		text := fmt.Sprintf("%s\n\nThis is copy %d of the story.", body, i)
		if err := os.WriteFile(filepath.Join(seeds, fmt.Sprintf("a%03d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, k := range []int{1, 3} {
		b.Run(fmt.Sprintf("replicas=%d", k), func(b *testing.B) {
			var elapsed time.Duration
			split := make([]int, k) // files briefed by each replica, in order of start
			for i := 0; b.Loop(); i++ {
				url := storetest.NewDatabase(b)
				raw, err := sql.Open("pgx", url)
				if err != nil {
					b.Fatal(err)
				}
				if latency > 0 {
					url = storetest.SlowProxy(b, url, latency)
				}
				cfg := writeFile(b, b.TempDir(), "briefbot.yaml", "seeds: "+seeds+"\ndb: "+url+"\ndaemon: true\n")
				start := time.Now()
				var rs []*replica
				for j := range k {
					rs = append(rs, startReplica(b, fmt.Sprintf("r%d-%d", i, j), cfg))
				}
				for archived := 0; archived < n; {
					time.Sleep(10 * time.Millisecond)
					raw.QueryRowContext(b.Context(), `SELECT COUNT(*) FROM versions`).Scan(&archived)
				}
				elapsed += time.Since(start)
				for _, r := range rs {
					r.stop(b)
				}
				got := make([]int, k)
				for j, r := range rs {
					raw.QueryRowContext(b.Context(), `SELECT COUNT(*) FROM claims WHERE done = 1 AND holder = $1`, r.name).Scan(&got[j])
					split[j] += got[j]
				}
				b.Logf("files briefed by each replica, in order of start: %v", got)
				raw.Close()
			}
			b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "articles/s")
			for j, files := range split {
				b.ReportMetric(float64(files)/float64(b.N), fmt.Sprintf("files-r%d", j+1))
			}
		})
	}
}
