package store_test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/web"
)

// BenchmarkPages times the web archive's pages over an archive of 100,000
// articles (a million quotes, as BenchmarkWhoSaid's), requested in turn
// through the server's handler, and reports the median and the 99th
// percentile of each kind of page. Building the archive takes a minute or
// two; run it with a fixed count:
//
//	go test -run '^$' -bench Pages -benchtime 600x ./internal/store/
func BenchmarkPages(b *testing.B) {
	if testing.Short() {
		b.Skip("builds an archive of 100,000 articles")
	}
	if store.OnPostgres() {
		b.Skip("measured on SQLite only")
	}
	ctx := b.Context()
	db := store.BenchArchive(b, "pages", func(db *store.DB) error { return store.FillBench(ctx, db, 1_000_000) })
	h := (&web.Server{DB: db}).Handler()
	rng := rand.New(rand.NewPCG(3, 4))
	topics := []string{"negotiations", "tariff", "ceasefire", "europe", "European", "United States", "hospital strike", "drought"}
	kinds := []struct {
		name string
		path func() string
	}{
		{"home", func() string { return "/" }},
		{"search", func() string { return "/?q=" + url.QueryEscape(topics[rng.IntN(len(topics))]) }},
		{"search-filtered", func() string {
			return "/?q=" + url.QueryEscape(topics[rng.IntN(len(topics))]) + "&since=2024-02-01&quotes=1"
		}},
		{"speaker", func() string { return fmt.Sprintf("/speaker/%d", 1+rng.IntN(20_500)) }},
		{"article", func() string { return fmt.Sprintf("/article/%d", 1+rng.IntN(100_000)) }},
		{"sources", func() string { return "/sources" }},
	}
	took := make(map[string][]time.Duration)
	var all []time.Duration
	i := 0
	for b.Loop() {
		k := kinds[i%len(kinds)]
		i++
		path := k.path()
		r := httptest.NewRequest(http.MethodGet, path, nil)
		r.RemoteAddr = "127.0.0.1:1"
		w := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(t0)
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s = %d: %s", path, w.Code, w.Body)
		}
		took[k.name] = append(took[k.name], d)
		all = append(all, d)
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(store.Percentile(all, 50)), "p50-ms")
	b.ReportMetric(ms(store.Percentile(all, 99)), "p99-ms")
	for _, k := range kinds {
		if ds := took[k.name]; len(ds) > 0 {
			b.Logf("%-16s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms (%d pages)", k.name, ms(store.Percentile(ds, 50)), ms(store.Percentile(ds, 99)), ms(slices.Max(ds)), len(ds))
		}
	}
}

// BenchmarkWhoSaidArchive times /who-said as chat and the shell ask it,
// through the archive's adapter (filters, pages, a name first), over the
// archive of BenchmarkWhoSaid, and reports the median and 99th
// percentile latency:
//
//	go test -run '^$' -bench WhoSaidArchive -benchtime 320x ./internal/store/
func BenchmarkWhoSaidArchive(b *testing.B) {
	if testing.Short() {
		b.Skip("builds an archive of a million quotes")
	}
	if store.OnPostgres() {
		b.Skip("measured on SQLite only: BenchmarkWhoSaid measures both")
	}
	ctx := b.Context()
	db := store.BenchArchive(b, "pages", func(db *store.DB) error { return store.FillBench(ctx, db, 1_000_000) })
	a := db.Archive()
	var all []time.Duration
	perTopic := make(map[string][]time.Duration)
	i := 0
	for b.Loop() {
		topic := store.BenchTopics[i%len(store.BenchTopics)]
		i++
		t0 := time.Now()
		if _, _, err := a.WhoSaid(ctx, bot.Query{Words: topic}, 0, 5); err != nil {
			b.Fatalf("WhoSaid(%q): %v", topic, err)
		}
		d := time.Since(t0)
		all = append(all, d)
		perTopic[topic] = append(perTopic[topic], d)
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(store.Percentile(all, 50)), "p50-ms")
	b.ReportMetric(ms(store.Percentile(all, 99)), "p99-ms")
	for _, topic := range store.BenchTopics {
		if ds := perTopic[topic]; len(ds) > 0 {
			b.Logf("%-16q p50 %6.1f ms  max %6.1f ms", topic, ms(store.Percentile(ds, 50)), ms(slices.Max(ds)))
		}
	}
}
