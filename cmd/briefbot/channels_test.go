package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// waitFor polls s until it contains want, failing the test after a while.
func waitFor(t *testing.T, s interface{ String() string }, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(s.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q within 20s; got:\n%s", want, s.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// background runs the bot until stop, with a stdin that never ends.
type background struct {
	out, errOut syncBuffer
	cancel      context.CancelFunc
	done        chan error
}

func startRun(t *testing.T, env func(string) string, args ...string) *background {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	b := &background{cancel: cancel, done: make(chan error, 1)}
	stdin, _ := io.Pipe()
	go func() { b.done <- run(ctx, args, env, stdin, &b.out, &b.errOut) }()
	return b
}

func (b *background) stop(t *testing.T) {
	t.Helper()
	b.cancel()
	if err := <-b.done; err != nil {
		t.Fatalf("run = %v after cancel; want nil; stderr:\n%s", err, b.errOut.String())
	}
}

// TestRunDigestEndToEnd runs the bot with the terminal as a digest channel
// on a two-second schedule: it prints one digest covering the seed, and a
// restart does not print it again.
func TestRunDigestEndToEnd(t *testing.T) {
	seeds := t.TempDir()
	body, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, seeds, "seed-afp-nato.txt", string(body))
	dir := t.TempDir()
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seeds+`
db: `+filepath.Join(dir, "briefbot.db")+`
channels:
  - platform: console
    id: terminal
    mode: digest
    schedule: "@every 2s"
`)
	const digestOfSeed = "US Secretary of Defense Pete Hegseth said Thursday"
	b := startRun(t, noEnv, "run", "--config", cfg)
	waitFor(t, &b.out, digestOfSeed)
	b.stop(t)
	first := b.out.String()
	for _, want := range []string{"Digest for ", "1 new briefing since the start.", "Articles", "(/brief 1)", "Strongest quotes", "Hanno Pevkur"} {
		if !strings.Contains(first, want) {
			t.Errorf("digest lacks %q:\n%s", want, first)
		}
	}
	if n := strings.Count(first, digestOfSeed); n != 1 {
		t.Errorf("the seed is in %d digests; want 1:\n%s", n, first)
	}
	if strings.Contains(first, "Who's who") {
		t.Errorf("a digest channel printed the briefing itself:\n%s", first)
	}

	// After a restart the next digest has nothing new.
	b = startRun(t, noEnv, "run", "--config", cfg)
	waitFor(t, &b.out, "nothing new since")
	b.stop(t)
	if second := b.out.String(); strings.Contains(second, digestOfSeed) {
		t.Errorf("the restart printed the seed's digest again:\n%s", second)
	}
}

// TestRunDaemonServesHealthAndMetrics runs the bot as a container would:
// reading no commands, logging JSON, serving /healthz, with the replica and
// its leases, and /metrics, labelled with the replica, on the admin address
// and the web archive, not them, on the public one.
func TestRunDaemonServesHealthAndMetrics(t *testing.T) {
	seeds := t.TempDir()
	writeFile(t, seeds, "harbour.txt", "Harbour reopens\n\nHarbour master Ian Clarke said the port would reopen.\n\n“The storm was lighter than we feared,” he said.")
	writeFile(t, seeds, "broken.txt", "bad\x00data")
	env := func(k string) string {
		return map[string]string{
			"BRIEFBOT_SEEDS":   seeds,
			"BRIEFBOT_DB":      filepath.Join(t.TempDir(), "briefbot.db"),
			"BRIEFBOT_DAEMON":  "true",
			"BRIEFBOT_LISTEN":  "127.0.0.1:0",
			"BRIEFBOT_REPLICA": "r1",
		}[k]
	}
	b := startRun(t, env, "run", "--log-format", "json", "--admin-listen", "127.0.0.1:0")
	waitFor(t, &b.out, "Source: harbour.txt")
	base := loggedAddr(t, b, "serving /healthz and /metrics")
	pub := loggedAddr(t, b, "serving the public endpoints")

	for _, path := range []string{"/healthz", "/metrics"} {
		resp, err := http.Get(pub + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s on the public address = %d; want 404: it moved to --admin-listen", path, resp.StatusCode)
		}
	}
	resp, err := http.Get(pub + "/?q=storm")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Ian Clarke") {
		t.Errorf("GET /?q=storm on the public address = %d %q; want 200 naming Ian Clarke", resp.StatusCode, body)
	}

	// The post is printed before the outbox records it sent.
	waitFor(t, page(base+"/metrics"), `briefbot_outbox_pending{replica="r1"} 0`)
	resp, err = http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h health
	err = json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || h.Status != "ok" || h.Archive != "ok" ||
		len(h.Channels) != 1 || h.Channels[0].Channel != "console:terminal" || h.Channels[0].Sent != 1 {
		t.Errorf("GET /healthz = %d %+v, %v; want 200, ok, one channel with one post", resp.StatusCode, h, err)
	}
	if h.Database != "sqlite" || h.Replica != "r1" || len(h.Leases) != 1 || h.Leases[0].Name != "channel:console:terminal" {
		t.Errorf("GET /healthz database %q, replica %q, leases %+v; want sqlite, r1 and the terminal's lease", h.Database, h.Replica, h.Leases)
	}

	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics := map[string]bool{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		metrics[sc.Text()] = true
	}
	resp.Body.Close()
	for _, want := range []string{
		`briefbot_articles_briefed_total{replica="r1",source="file"} 1`,
		`briefbot_rejects_total{reason="binary",replica="r1"} 1`,
		`briefbot_deliveries_total{channel="console:terminal",outcome="sent",replica="r1"} 1`,
		`briefbot_outbox_pending{replica="r1"} 0`,
	} {
		if !metrics[want] {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	b.stop(t)
	for line := range strings.Lines(b.errOut.String()) {
		if !json.Valid([]byte(line)) {
			t.Errorf("log line is not JSON: %q", line)
		}
	}
}

// page is the body of a GET of a URL, read again each time it is asked
// for, for waitFor.
type page string

func (p page) String() string {
	resp, err := http.Get(string(p))
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// TestRunChannelNoLongerConfigured: posts queued for a channel that has
// since left the configuration are kept, logged at start, shown by
// /sources and left out of the queue depth, as they will not drain.
func TestRunChannelNoLongerConfigured(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "briefbot.db")
	db, err := store.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	const gone = "slack:CGONE"
	o := db.Outbox()
	old, err := o.State(t.Context(), gone)
	if err != nil {
		t.Fatal(err)
	}
	next := old
	next.Immediate++
	ds := []bot.Delivery{
		{Channel: gone, Key: "briefing:1", Message: bot.Message{Title: "one"}},
		{Channel: gone, Key: "briefing:2", Message: bot.Message{Title: "two"}},
	}
	if err := o.Commit(t.Context(), gone, old, next, ds); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	env := func(k string) string {
		return map[string]string{"BRIEFBOT_SEEDS": t.TempDir(), "BRIEFBOT_DB": dbPath}[k]
	}
	var out, errOut bytes.Buffer
	if err := run(t.Context(), nil, env, strings.NewReader("/sources\n"), &out, &errOut); err != nil {
		t.Fatalf("run = %v; stderr %s", err, errOut.String())
	}
	if want := "Channel slack:CGONE is not configured: 2 posts wait for it"; !strings.Contains(out.String(), want) {
		t.Errorf("/sources lacks %q:\n%s", want, out.String())
	}
	if want := `"channel":"slack:CGONE","posts":2`; !strings.Contains(errOut.String(), want) {
		t.Errorf("the log lacks %q:\n%s", want, errOut.String())
	}

	db, err = store.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	depth := queueDepth(db.Outbox().Unsent, []bot.Channel{{Platform: "console", ID: "terminal"}})
	if n, err := depth(t.Context()); err != nil || n != 0 {
		t.Errorf("queue depth = %d, %v; want 0, the removed channel's posts left out", n, err)
	}
	depth = queueDepth(db.Outbox().Unsent, []bot.Channel{{Platform: "slack", ID: "CGONE"}})
	if n, err := depth(t.Context()); err != nil || n != 2 {
		t.Errorf("queue depth with the channel configured again = %d, %v; want 2", n, err)
	}
}
