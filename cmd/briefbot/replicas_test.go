package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/internal/store/storetest"
)

// asBriefbot, set to 1 in its environment, makes the test binary the
// briefbot command (see TestMain): the replicas of the tests below are
// processes of their own, which a test can kill -9.
const asBriefbot = "BRIEFBOT_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asBriefbot) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// replica is a briefbot process; its standard error is in log.
type replica struct {
	name string
	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{}
}

// startReplica starts briefbot run with the configuration file cfg and the
// variables env, as the replica name; it is killed when the test ends.
func startReplica(t testing.TB, name, cfg string, env ...string) *replica {
	t.Helper()
	r := &replica{name: name, log: &syncBuffer{}, done: make(chan struct{})}
	r.cmd = exec.Command(os.Args[0], "run", "--config", cfg, "--log-format", "json")
	r.cmd.Env = append(os.Environ(), append([]string{asBriefbot + "=1", "BRIEFBOT_REPLICA=" + name}, env...)...)
	r.cmd.Stderr = r.log
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("starting replica %s: %v", name, err)
	}
	go func() { r.cmd.Wait(); close(r.done) }()
	t.Cleanup(func() { r.kill() })
	return r
}

// kill kills the replica with SIGKILL, as a host or an OOM killer does,
// and waits for it to be gone.
func (r *replica) kill() {
	r.cmd.Process.Signal(syscall.SIGKILL)
	<-r.done
}

// stop stops the replica with SIGTERM and waits for it.
func (r *replica) stop(t testing.TB) {
	t.Helper()
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.done:
	case <-time.After(30 * time.Second):
		t.Errorf("replica %s did not stop within 30s of SIGTERM", r.name)
	}
}

// fakeDiscord is Discord's REST API and gateway as briefbot uses them. A
// post is kept before it is answered, after latency, as a slow Discord
// does; a post with the nonce of one in the channel already is that post
// (enforce_nonce); the channel's history lists posts with their nonces.
// The gateway says hello and ready to each session that identifies.
type fakeDiscord struct {
	latency time.Duration

	mu         sync.Mutex
	posts      map[string][]discordPost // by channel
	seq        int64
	identifies []time.Time
	sessions   int // open now
	registered int // command registrations

	api, gateway *httptest.Server
}

type discordPost struct {
	ID     string          `json:"id"`
	Nonce  string          `json:"nonce"`
	Embeds json.RawMessage `json:"embeds"`
	Title  string          `json:"-"` // of the first embed
}

func newFakeDiscord(t *testing.T, latency time.Duration) *fakeDiscord {
	f := &fakeDiscord{latency: latency, posts: map[string][]discordPost{}}
	f.gateway = httptest.NewServer(http.HandlerFunc(f.serveGateway))
	f.api = httptest.NewServer(http.HandlerFunc(f.serveAPI))
	t.Cleanup(f.api.Close)
	t.Cleanup(f.gateway.Close)
	return f
}

var discordMessages = regexp.MustCompile(`^/api/v9/channels/([0-9]+)/messages$`)

func (f *fakeDiscord) serveAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch m := discordMessages.FindStringSubmatch(r.URL.Path); {
	case r.URL.Path == "/api/v9/gateway" || r.URL.Path == "/api/v9/gateway/bot":
		fmt.Fprintf(w, `{"url":"ws://%s"}`, strings.TrimPrefix(f.gateway.URL, "http://"))
	case strings.HasPrefix(r.URL.Path, "/api/v9/applications/") && r.Method == http.MethodPut:
		f.mu.Lock()
		f.registered++
		f.mu.Unlock()
		fmt.Fprint(w, `[]`)
	case m != nil && r.Method == http.MethodPost:
		var p discordPost
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var embeds []struct{ Title string }
		json.Unmarshal(p.Embeds, &embeds)
		if len(embeds) > 0 {
			p.Title = embeds[0].Title
		}
		f.mu.Lock()
		i := slices.IndexFunc(f.posts[m[1]], func(q discordPost) bool { return p.Nonce != "" && q.Nonce == p.Nonce })
		if i < 0 {
			f.seq++
			// A snowflake: milliseconds since Discord's epoch, shifted.
			p.ID = strconv.FormatInt((time.Now().UnixMilli()-1420070400000)<<22|f.seq%4096, 10)
			f.posts[m[1]] = append(f.posts[m[1]], p)
		} else {
			p = f.posts[m[1]][i]
		}
		f.mu.Unlock()
		select {
		case <-time.After(f.latency):
		case <-r.Context().Done():
			return
		}
		json.NewEncoder(w).Encode(f.message(m[1], p))
	case m != nil && r.Method == http.MethodGet:
		after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
		f.mu.Lock()
		var out []map[string]any
		for _, p := range slices.Backward(f.posts[m[1]]) {
			if id, _ := strconv.ParseInt(p.ID, 10, 64); id > after {
				out = append(out, f.message(m[1], p))
			}
		}
		f.mu.Unlock()
		if out == nil {
			out = []map[string]any{}
		}
		json.NewEncoder(w).Encode(out)
	default:
		http.NotFound(w, r)
	}
}

func (f *fakeDiscord) message(channel string, p discordPost) map[string]any {
	return map[string]any{"id": p.ID, "channel_id": channel, "nonce": p.Nonce, "embeds": p.Embeds,
		"author": map[string]any{"id": "B1", "username": "briefbot", "bot": true}}
}

func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	conn, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	conn.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	var identify map[string]any
	if err := conn.ReadJSON(&identify); err != nil {
		return
	}
	f.mu.Lock()
	f.identifies = append(f.identifies, time.Now())
	f.sessions++
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.sessions--
		f.mu.Unlock()
	}()
	conn.WriteJSON(map[string]any{"op": 0, "t": "READY", "s": 1, "d": map[string]any{
		"v": 10, "session_id": "S1", "user": map[string]any{"id": "B1", "username": "briefbot"},
		"guilds": []any{}, "private_channels": []any{},
	}})
	for { // heartbeats, until the bot closes or dies
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}

// titles are the titles of the posts in a channel, in order.
func (f *fakeDiscord) titles(channel string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, p := range f.posts[channel] {
		out = append(out, p.Title)
	}
	return out
}

func (f *fakeDiscord) gatewayState() (identifies []time.Time, open, registered int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.identifies), f.sessions, f.registered
}

// replicaConfig writes the configuration the replicas share: the archive
// at db, the seeds folder, a Slack channel with immediate posts and a
// digest every two seconds, and a Discord channel, over its gateway; both
// paced at 10ms, not the second a real platform wants.
func replicaConfig(t *testing.T, db, seeds string, slackURL, discordURL string) string {
	return writeFile(t, t.TempDir(), "briefbot.yaml", `
seeds: `+seeds+`
db: `+db+`
daemon: true
lease: 3s
slack: {api_url: "`+slackURL+`/api/"}
discord: {app_id: "4242", api_url: "`+discordURL+`"}
channels:
  - platform: slack
    id: C0123
    mode: both
    schedule: "@every 2s"
    pace: 10ms
  - platform: discord
    id: "555"
    pace: 10ms
`)
}

var replicaEnv = []string{
	"BRIEFBOT_SLACK_BOT_TOKEN=xoxb-test", "BRIEFBOT_SLACK_APP_TOKEN=xapp-test", "BRIEFBOT_DISCORD_TOKEN=test-token",
}

// TestReplicasKill9 runs three replicas on one PostgreSQL archive, posting
// a backlog of 300 articles dropped into their shared seeds folder to a
// Slack and a Discord channel, and kills replicas with SIGKILL while they
// post, starting a new one for each, as an orchestrator does. Every
// briefing arrives once in each channel, in the archive's order, and each
// digest slot is posted once.
func TestReplicasKill9(t *testing.T) {
	db := storetest.NewDatabase(t)
	slackAPI := &slowSlack{latency: 10 * time.Millisecond}
	slackSrv := httptest.NewServer(slackAPI)
	defer slackSrv.Close()
	discord := newFakeDiscord(t, 10*time.Millisecond)
	seeds := t.TempDir()
	cfg := replicaConfig(t, db, seeds, slackSrv.URL, discord.api.URL)

	live := map[string]*replica{}
	started := 0
	add := func() {
		started++
		name := fmt.Sprintf("r%d", started)
		live[name] = startReplica(t, name, cfg, replicaEnv...)
	}
	for range 3 {
		add()
	}
	for _, r := range live {
		waitFor(t, r.log, `"msg":"seeds folder read"`)
	}

	const n = 300
	for i := range n {
		writeFile(t, seeds, fmt.Sprintf("story-%03d.txt", i), fmt.Sprintf(
			"Bridge %d reopens\n\nThe mayor, Ana Lind, said: “Bridge %d will carry traffic again on Monday.”\n", i, i))
	}

	briefings := func() int {
		k := 0
		for _, key := range slackAPI.keys() {
			if strings.Contains(key, "/briefing:") {
				k++
			}
		}
		return min(k, len(discord.titles("555")))
	}
	// A kill every second and a half while the backlog is posted.
	kills := 0
	rng := rand.New(rand.NewPCG(1, 2))
	for briefings() < n && kills < 8 {
		time.Sleep(1500 * time.Millisecond)
		if briefings() == 0 {
			continue // still archiving
		}
		names := slices.Sorted(func(yield func(string) bool) {
			for name := range live {
				if !yield(name) {
					return
				}
			}
		})
		victim := names[rng.IntN(len(names))]
		live[victim].kill()
		delete(live, victim)
		kills++
		add()
	}
	deadline := time.Now().Add(90 * time.Second)
	for briefings() < n && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // a repeat would come now
	for _, r := range live {
		r.stop(t)
	}
	if kills < 3 {
		t.Errorf("only %d replicas were killed while posting; want at least 3 for the test to mean anything", kills)
	}

	// The archive's order: briefing titles by version.
	raw, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var want []string
	wantKey := map[string]string{} // title by delivery key
	rows, err := raw.QueryContext(t.Context(), `SELECT id, title FROM versions ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var (
			id    int64
			title string
		)
		rows.Scan(&id, &title)
		want = append(want, title)
		wantKey["briefing:"+strconv.FormatInt(id, 10)] = title
	}
	rows.Close()
	if len(want) != n {
		t.Fatalf("archived %d versions; want %d, one for each file", len(want), n)
	}

	var slackTitles []string
	digests := map[string]int{}
	for _, key := range slackAPI.keys() {
		_, key, _ = strings.Cut(key, "/")
		if strings.HasPrefix(key, "digest:") {
			digests[key]++
			continue
		}
		slackTitles = append(slackTitles, wantKey[key])
	}
	if !slices.Equal(want, slackTitles) {
		t.Errorf("Slack got %d briefings, %d distinct; want each of %d once, in the archive's order\nposted: %q",
			len(slackTitles), len(distinct(slackTitles)), n, slackTitles)
	}
	if got := discord.titles("555"); !slices.Equal(want, got) {
		t.Errorf("Discord got %d briefings, %d distinct; want each of %d once, in the archive's order\nposted: %q",
			len(got), len(distinct(got)), n, got)
	}
	if len(digests) == 0 {
		t.Errorf("no digest posted to Slack in the run")
	}
	for key, c := range digests {
		if c > 1 {
			t.Errorf("digest %s posted %d times; want once", key, c)
		}
	}
	t.Logf("%d kills; %d digests; %d Discord gateway sessions", kills, len(digests), len(discord.identifies))
}

// distinct is list without repeats, in order of first appearance.
func distinct(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// TestReplicasDiscordLeader runs two replicas with Discord over its
// gateway: one of them holds the gateway session and registers the
// commands; when it is killed with SIGKILL, the other takes over within
// seconds (the database ends the dead one's session, and with it its
// lock, as its connection closes).
func TestReplicasDiscordLeader(t *testing.T) {
	db := storetest.NewDatabase(t)
	slackSrv := httptest.NewServer(&slowSlack{})
	defer slackSrv.Close()
	discord := newFakeDiscord(t, 0)
	cfg := replicaConfig(t, db, t.TempDir(), slackSrv.URL, discord.api.URL)
	rs := []*replica{startReplica(t, "a", cfg, replicaEnv...), startReplica(t, "b", cfg, replicaEnv...)}
	for _, r := range rs {
		waitFor(t, r.log, `"msg":"seeds folder read"`)
	}
	waitForGateway(t, discord, 1)
	time.Sleep(time.Second) // the follower would connect now if it could
	if ids, open, reg := discord.gatewayState(); len(ids) != 1 || open != 1 || reg != 1 {
		t.Fatalf("two replicas: %d gateway sessions identified, %d open, %d registrations; want one of each", len(ids), open, reg)
	}
	leader, follower := rs[0], rs[1]
	if !strings.Contains(leader.log.String(), `"msg":"leading`) {
		leader, follower = follower, leader
	}
	killed := time.Now()
	leader.kill()
	waitForGateway(t, discord, 2)
	ids, _, reg := discord.gatewayState()
	if took := ids[1].Sub(killed); took > 5*time.Second {
		t.Errorf("the follower took over the gateway %s after the leader was killed; want within seconds", took)
	}
	if reg != 2 || !strings.Contains(follower.log.String(), `"msg":"leading`) {
		t.Errorf("after the hand-over: %d registrations, follower leading: %v; want 2 and true",
			reg, strings.Contains(follower.log.String(), `"msg":"leading`))
	}
	follower.stop(t)
}

// waitForGateway waits until n gateway sessions have identified.
func waitForGateway(t *testing.T, f *fakeDiscord, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ids, _, _ := f.gatewayState()
		if len(ids) >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d gateway sessions within 20s; want %d", len(ids), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
