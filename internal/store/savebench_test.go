package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
	"github.com/briefbot/briefbot/summarize"
)

// BenchmarkSaveReplicas saves 150 briefed articles into a new PostgreSQL
// archive from one replica and from three side by side, each its share in
// batches of 25, in articles a second: with the database on the same
// cores, and with each message to it delayed by 2 ms, as across a
// network, where a save is mostly waiting for round trips. The articles
// are copies of summarize's test articles, so their speakers recur, as a
// day's news does.
func BenchmarkSaveReplicas(b *testing.B) {
	if !store.OnPostgres() {
		b.Skip("replicas share a PostgreSQL archive")
	}
	files, err := filepath.Glob("../../summarize/testdata/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no articles: %v", err)
	}
	const n, batch = 150, 25
	docs := make([]store.Doc, n)
	for i := range docs {
		body, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("a%03d.txt", i)
		a := ingest.ParseText(name, fmt.Sprintf("%s\n\nThis is copy %d of the story.", body, i))
		docs[i] = store.Doc{Source: store.Source{Kind: "file", Key: name, Name: name}, Article: a, Briefing: summarize.Brief(a)}
	}
	for _, latency := range []time.Duration{0, 2 * time.Millisecond} {
		for _, k := range []int{1, 3} {
			b.Run(fmt.Sprintf("latency=%v/replicas=%d", latency, k), func(b *testing.B) {
				var elapsed time.Duration
				for b.Loop() {
					url := storetest.NewDatabase(b)
					if latency > 0 {
						url = storetest.SlowProxy(b, url, latency)
					}
					var dbs []*store.DB
					for j := range k {
						db, err := store.Open(b.Context(), url)
						if err != nil {
							b.Fatal(err)
						}
						db.SetReplica(fmt.Sprint("r", j))
						dbs = append(dbs, db)
					}
					start := time.Now()
					var wg sync.WaitGroup
					errs := make([]error, k)
					for j, db := range dbs {
						wg.Go(func() {
							// Replica j saves every kth article.
							var mine []store.Doc
							for i := j; i < n; i += k {
								mine = append(mine, docs[i])
							}
							for len(mine) > 0 && errs[j] == nil {
								m := min(batch, len(mine))
								_, errs[j] = db.SaveAll(b.Context(), mine[:m])
								mine = mine[m:]
							}
						})
					}
					wg.Wait()
					elapsed += time.Since(start)
					for j, db := range dbs {
						if errs[j] != nil {
							b.Fatal(errs[j])
						}
						db.Close()
					}
				}
				b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "articles/s")
			})
		}
	}
}
