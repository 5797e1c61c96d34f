package main

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeAPI records the requests a chat platform's API gets and answers each
// path with a canned JSON body.
type fakeAPI struct {
	mu       sync.Mutex
	requests []fakeRequest
	answers  map[string]string // by path
}

type fakeRequest struct {
	Method, Path string
	Body         string
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, fakeRequest{r.Method, r.URL.Path, string(body)})
	f.mu.Unlock()
	for prefix, answer := range f.answers {
		if strings.HasPrefix(r.URL.Path, prefix) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, answer)
			return
		}
	}
	http.NotFound(w, r)
}

func (f *fakeAPI) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, _ := json.Marshal(f.requests)
	return string(b)
}

func (f *fakeAPI) to(path string) []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeRequest
	for _, r := range f.requests {
		if strings.HasPrefix(r.Path, path) {
			out = append(out, r)
		}
	}
	return out
}

// listenAddr is where the bot said it serves the platforms' endpoints,
// from its JSON logs.
func listenAddr(t *testing.T, b *background) string {
	t.Helper()
	return loggedAddr(t, b, "serving the public endpoints")
}

// loggedAddr is the address the bot logged with msg, once it has.
func loggedAddr(t *testing.T, b *background, msg string) string {
	t.Helper()
	waitFor(t, &b.errOut, `"msg":"`+msg+`"`)
	m := regexp.MustCompile(`"msg":"` + regexp.QuoteMeta(msg) + `"[^\n]*?"addr":"([^"]+)"`).FindStringSubmatch(b.errOut.String())
	if m == nil {
		t.Fatalf("no address logged with %q:\n%s", msg, b.errOut.String())
	}
	return "http://" + m[1]
}

func seedFolder(t *testing.T) string {
	t.Helper()
	seeds := t.TempDir()
	body, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, seeds, "seed-afp-nato.txt", string(body))
	return seeds
}

// TestRunSlackHTTPMode runs the bot with Slack in HTTP mode against a fake
// Slack: the seed's briefing is posted to the Slack channel in Block Kit,
// and a signed /who-said europe is answered naming Hanno Pevkur, while an
// unsigned one gets 401.
func TestRunSlackHTTPMode(t *testing.T) {
	slackAPI := &fakeAPI{answers: map[string]string{"/api/chat.postMessage": `{"ok":true,"channel":"C0123","ts":"1764230400.000100"}`}}
	fake := httptest.NewServer(slackAPI)
	defer fake.Close()
	dir := t.TempDir()
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seedFolder(t)+`
db: `+filepath.Join(dir, "briefbot.db")+`
daemon: true
slack:
  mode: http
  api_url: `+fake.URL+`/api/
channels:
  - platform: slack
    id: C0123
`)
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	env := func(k string) string {
		return map[string]string{
			"BRIEFBOT_SLACK_BOT_TOKEN":      "xoxb-test-token",
			"BRIEFBOT_SLACK_SIGNING_SECRET": secret,
		}[k]
	}
	// The address comes from --listen, as the README says to run HTTP mode:
	// flags apply before the configuration is validated.
	b := startRun(t, env, "run", "--config", cfg, "--log-format", "json", "--listen", "127.0.0.1:0")
	base := listenAddr(t, b)
	waitFor(t, slackAPI, "chat.postMessage")

	form := url.Values{
		"command": {"/who-said"}, "text": {"europe"}, "channel_id": {"C0123"}, "user_id": {"U1"},
		"team_id": {"T1"}, "response_url": {fake.URL + "/response"}, "trigger_id": {"1.2.3"},
	}.Encode()
	post := func(sign bool) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if sign {
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			mac := hmac.New(sha256.New, []byte(secret))
			io.WriteString(mac, "v0:"+ts+":"+form)
			req.Header.Set("X-Slack-Request-Timestamp", ts)
			req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := post(false); code != http.StatusUnauthorized {
		t.Errorf("unsigned /who-said = %d %s; want 401", code, body)
	}
	code, body := post(true)
	if code != http.StatusOK || !strings.Contains(body, "Hanno Pevkur") || !strings.Contains(body, "Estonian defense minister") {
		t.Errorf("signed /who-said europe = %d %s; want 200 naming Hanno Pevkur", code, body)
	}
	b.stop(t)

	posts := slackAPI.to("/api/chat.postMessage")
	if len(posts) == 0 {
		t.Fatalf("nothing posted to Slack: %s", slackAPI)
	}
	first, _ := url.ParseQuery(posts[0].Body)
	if first.Get("channel") != "C0123" || !strings.Contains(first.Get("blocks"), `"type":"header"`) ||
		!strings.Contains(first.Get("blocks"), "Pete Hegseth") {
		t.Errorf("first post = %v; want the seed's briefing in blocks to C0123", first)
	}

	// A restart posts nothing again.
	b = startRun(t, env, "run", "--config", cfg, "--log-format", "json", "--listen", "127.0.0.1:0")
	waitFor(t, &b.errOut, `"msg":"seeds folder read"`)
	b.stop(t)
	if got := len(slackAPI.to("/api/chat.postMessage")); got != len(posts) {
		t.Errorf("a restart posted %d more messages to Slack; want none", got-len(posts))
	}
}

// TestRunDiscordHTTPInteractions runs the bot with Discord interactions
// over HTTP against a fake Discord: commands are registered, the seed's
// briefing is posted as embeds that mention no one, and a signed
// /who-said europe is answered naming Hanno Pevkur.
func TestRunDiscordHTTPInteractions(t *testing.T) {
	discordAPI := &fakeAPI{answers: map[string]string{
		"/api/v9/channels/":     `{"id":"m1","channel_id":"555"}`,
		"/api/v9/applications/": `[]`,
	}}
	fake := httptest.NewServer(discordAPI)
	defer fake.Close()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seedFolder(t)+`
db: `+filepath.Join(dir, "briefbot.db")+`
listen: 127.0.0.1:0
daemon: true
discord:
  app_id: "4242"
  guild_id: "77"
  interactions: http
  api_url: `+fake.URL+`
channels:
  - platform: discord
    id: "555"
`)
	env := func(k string) string {
		return map[string]string{
			"BRIEFBOT_DISCORD_TOKEN":      "test-token",
			"BRIEFBOT_DISCORD_PUBLIC_KEY": hex.EncodeToString(pub),
		}[k]
	}
	b := startRun(t, env, "run", "--config", cfg, "--log-format", "json")
	base := listenAddr(t, b)
	waitFor(t, discordAPI, "/api/v9/channels/555/messages")

	interact := func(body string) (int, string) {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest(http.MethodPost, base+"/discord/interactions", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(ts+body))))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		answer, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(answer)
	}
	code, answer := interact(`{"type":2,"id":"I1","application_id":"4242","token":"TOK","channel_id":"555","guild_id":"77",
		"member":{"user":{"id":"U1","username":"reader"}},
		"data":{"id":"C1","name":"who-said","type":1,"options":[{"name":"topic","type":3,"value":"europe"}]}}`)
	if code != http.StatusOK || !strings.Contains(answer, "Hanno Pevkur") {
		t.Errorf("signed /who-said europe = %d %s; want 200 naming Hanno Pevkur", code, answer)
	}
	// Autocomplete offers speakers from the archive.
	code, answer = interact(`{"type":4,"id":"I2","application_id":"4242","token":"TOK2","channel_id":"555","guild_id":"77",
		"member":{"user":{"id":"U1","username":"reader"}},
		"data":{"id":"C2","name":"quotes","type":1,"options":[{"name":"speaker","type":3,"value":"pev","focused":true}]}}`)
	if code != http.StatusOK || !strings.Contains(answer, `"type":8`) || !strings.Contains(answer, `"Hanno Pevkur"`) {
		t.Errorf("autocomplete of speaker pev = %d %s; want choices with Hanno Pevkur", code, answer)
	}
	b.stop(t)

	if reg := discordAPI.to("/api/v9/applications/4242/guilds/77/commands"); len(reg) != 1 || reg[0].Method != http.MethodPut ||
		!strings.Contains(reg[0].Body, `"who-said"`) {
		t.Errorf("command registration = %+v; want one PUT of the commands to guild 77", reg)
	}
	posts := discordAPI.to("/api/v9/channels/555/messages")
	if len(posts) == 0 || !strings.Contains(posts[0].Body, `"allowed_mentions":{"parse":[]`) ||
		!strings.Contains(posts[0].Body, `"embeds"`) || !strings.Contains(posts[0].Body, "Hegseth") {
		t.Errorf("posts = %+v; want the seed's briefing as embeds that mention no one", posts)
	}
}

// TestRunAllPlatformsAtOnce posts the seed to the terminal, a Slack
// channel and a Discord channel from one process.
func TestRunAllPlatformsAtOnce(t *testing.T) {
	slackAPI := &fakeAPI{answers: map[string]string{"/api/chat.postMessage": `{"ok":true,"channel":"C0123","ts":"1.2"}`}}
	discordAPI := &fakeAPI{answers: map[string]string{"/api/v9/channels/": `{"id":"m1"}`, "/api/v9/applications/": `[]`}}
	slackSrv, discordSrv := httptest.NewServer(slackAPI), httptest.NewServer(discordAPI)
	defer slackSrv.Close()
	defer discordSrv.Close()
	pub, _, _ := ed25519.GenerateKey(nil)
	dir := t.TempDir()
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seedFolder(t)+`
db: `+filepath.Join(dir, "briefbot.db")+`
listen: 127.0.0.1:0
slack: {mode: http, api_url: "`+slackSrv.URL+`/api/"}
discord: {app_id: "1", interactions: http, api_url: "`+discordSrv.URL+`"}
channels:
  - {platform: console, id: terminal}
  - {platform: slack, id: C0123}
  - {platform: discord, id: "555"}
`)
	env := func(k string) string {
		return map[string]string{
			"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-t", "BRIEFBOT_SLACK_SIGNING_SECRET": "s",
			"BRIEFBOT_DISCORD_TOKEN": "t", "BRIEFBOT_DISCORD_PUBLIC_KEY": hex.EncodeToString(pub),
		}[k]
	}
	b := startRun(t, env, "run", "--config", cfg)
	waitFor(t, &b.out, "Source: AFP")
	waitFor(t, slackAPI, "chat.postMessage")
	waitFor(t, discordAPI, "/api/v9/channels/555/messages")
	b.stop(t)
}

// TestRunDiscordGateway runs the bot with Discord over its gateway against
// a fake Discord: a scripted websocket gateway (hello, identify, ready,
// then an interaction) and a fake REST API. The bot identifies with its
// token and registers its commands globally, and answers /who-said europe
// through the interaction callback, naming Hanno Pevkur.
func TestRunDiscordGateway(t *testing.T) {
	identified := make(chan map[string]any, 1)
	ask := make(chan struct{}) // closed once the seed is archived
	upgrader := websocket.Upgrader{}
	gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		conn.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
		var identify map[string]any
		if err := conn.ReadJSON(&identify); err != nil {
			return
		}
		identified <- identify
		conn.WriteJSON(map[string]any{"op": 0, "t": "READY", "s": 1, "d": map[string]any{
			"v": 10, "session_id": "S1", "user": map[string]any{"id": "B1", "username": "briefbot"},
			"guilds": []any{}, "private_channels": []any{},
		}})
		<-ask
		var interaction map[string]any
		json.Unmarshal([]byte(`{"type":2,"id":"I1","application_id":"4242","token":"TOK","channel_id":"555",
			"member":{"user":{"id":"U1","username":"reader"}},
			"data":{"id":"C1","name":"who-said","type":1,"options":[{"name":"topic","type":3,"value":"europe"}]}}`), &interaction)
		conn.WriteJSON(map[string]any{"op": 0, "t": "INTERACTION_CREATE", "s": 2, "d": interaction})
		for { // heartbeats, until the bot closes
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	}))
	defer gateway.Close()
	var once sync.Once
	release := func() { once.Do(func() { close(ask) }) }
	defer release() // before the gateway closes, should the test stop early
	discordAPI := &fakeAPI{answers: map[string]string{
		"/api/v9/gateway":       `{"url":"ws://` + strings.TrimPrefix(gateway.URL, "http://") + `"}`,
		"/api/v9/applications/": `[]`,
		"/api/v9/interactions/": `{}`,
	}}
	fake := httptest.NewServer(discordAPI)
	defer fake.Close()
	dir := t.TempDir()
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seedFolder(t)+`
db: `+filepath.Join(dir, "briefbot.db")+`
daemon: true
discord: {app_id: "4242", api_url: "`+fake.URL+`"}
`)
	env := func(k string) string { return map[string]string{"BRIEFBOT_DISCORD_TOKEN": "test-token"}[k] }
	b := startRun(t, env, "run", "--config", cfg)
	waitFor(t, &b.out, "Source: AFP") // printed by the terminal channel
	release()
	waitFor(t, discordAPI, "/api/v9/interactions/I1/TOK/callback")
	b.stop(t)

	select {
	case id := <-identified:
		d, _ := id["d"].(map[string]any)
		if id["op"] != float64(2) || d["token"] != "Bot test-token" {
			t.Errorf("identify = %v; want op 2 with the bot token", id)
		}
	default:
		t.Errorf("the bot never identified to the gateway")
	}
	if reg := discordAPI.to("/api/v9/applications/4242/commands"); len(reg) != 1 || reg[0].Method != http.MethodPut {
		t.Errorf("command registration = %+v; want one global PUT", reg)
	}
	callback := discordAPI.to("/api/v9/interactions/I1/TOK/callback")
	if len(callback) != 1 || !strings.Contains(callback[0].Body, "Hanno Pevkur") {
		t.Errorf("interaction callback = %+v; want one answer naming Hanno Pevkur", callback)
	}
}

// slowSlack is a Slack Web API that takes latency to answer each post,
// having posted it already, as Slack does when its answers are slow: a
// post cancelled by the client may still be in the channel. It answers
// conversations.history with each message's metadata.
type slowSlack struct {
	latency time.Duration
	down    atomic.Bool // answer every post with 500, posting nothing

	mu    sync.Mutex
	posts []url.Values
}

func (f *slowSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/api/chat.postMessage":
		if f.down.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		f.mu.Lock()
		f.posts = append(f.posts, r.PostForm)
		ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), len(f.posts))
		f.posts[len(f.posts)-1].Set("ts", ts)
		f.mu.Unlock()
		select {
		case <-time.After(f.latency):
		case <-r.Context().Done():
			return
		}
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, r.PostForm.Get("channel"), ts)
	case "/api/conversations.history":
		f.mu.Lock()
		var msgs []map[string]any
		for i := len(f.posts) - 1; i >= 0; i-- {
			p := f.posts[i]
			m := map[string]any{"type": "message", "ts": p.Get("ts"), "text": p.Get("text")}
			if r.PostForm.Get("include_all_metadata") == "1" && p.Get("metadata") != "" {
				m["metadata"] = json.RawMessage(p.Get("metadata"))
			}
			msgs = append(msgs, m)
		}
		f.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "messages": msgs, "has_more": false})
	default:
		http.NotFound(w, r)
	}
}

// keys are the delivery keys of the posts, from their metadata.
func (f *slowSlack) keys() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, p := range f.posts {
		var md struct {
			EventPayload struct{ Key string } `json:"event_payload"`
		}
		json.Unmarshal([]byte(p.Get("metadata")), &md)
		out = append(out, md.EventPayload.Key)
	}
	return out
}

// TestRunSIGTERMDuringBacklog stops the bot with SIGTERM while it posts a
// backlog to a Slack that answers in half a second: the 10 s of posting on
// the way out end with a post in flight, which is finished, and the next
// start posts the rest; every briefing is in the channel once.
func TestRunSIGTERMDuringBacklog(t *testing.T) {
	slackAPI := &slowSlack{latency: 500 * time.Millisecond}
	fake := httptest.NewServer(slackAPI)
	defer fake.Close()
	dir := t.TempDir()
	seeds := t.TempDir()
	const n = 24 // 12 s of posts: more than the 10 s given on the way out
	for i := range n {
		writeFile(t, seeds, fmt.Sprintf("story-%02d.txt", i), fmt.Sprintf(
			"Bridge %d reopens\n\nThe mayor, Ana Lind, said: “Bridge %d will carry traffic again on Monday.”\n", i, i))
	}
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seeds+`
db: `+filepath.Join(dir, "briefbot.db")+`
daemon: true
slack:
  api_url: `+fake.URL+`/api/
channels:
  - platform: slack
    id: C0123
    pace: 10ms
`)
	env := func(k string) string {
		return map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-test", "BRIEFBOT_SLACK_APP_TOKEN": "xapp-test"}[k]
	}
	b := startRun(t, env, "run", "--config", cfg, "--log-format", "json")
	for len(slackAPI.keys()) < 3 {
		time.Sleep(50 * time.Millisecond)
	}
	b.stop(t) // SIGTERM
	stopped := len(slackAPI.keys())
	if stopped >= n {
		t.Fatalf("all %d posted before the bot stopped; want a backlog left", stopped)
	}
	b = startRun(t, env, "run", "--config", cfg, "--log-format", "json")
	deadline := time.Now().Add(30 * time.Second)
	for len(slackAPI.keys()) < n && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // a repeat would come now
	b.stop(t)
	keys := slackAPI.keys()
	seen := map[string]int{}
	for _, k := range keys {
		seen[k]++
	}
	for k, c := range seen {
		if c > 1 {
			t.Errorf("%s posted %d times", k, c)
		}
	}
	if len(seen) != n {
		t.Errorf("%d briefings posted (%d before the SIGTERM); want %d, each once", len(seen), stopped, n)
	}
}
