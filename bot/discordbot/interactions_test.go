package discordbot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
)

// handler is a recording Handler that answers after release is closed,
// when it is set.
type handler struct {
	answer  string
	release chan struct{}

	mu    sync.Mutex
	calls []string // "channel line"
}

func (h *handler) Handle(ctx context.Context, channel, line string) string {
	h.mu.Lock()
	h.calls = append(h.calls, channel+" "+line)
	h.mu.Unlock()
	if h.release != nil {
		<-h.release
	}
	return h.answer
}

func (h *handler) called() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.calls...)
}

type completer struct{ option, prefix string }

func (c *completer) Complete(ctx context.Context, option, prefix string, limit int) ([]string, error) {
	c.option, c.prefix = option, prefix
	return []string{"europe", "European Union", "europe", strings.Repeat("long", 30)}, nil
}

const whoSaid = `{"type":2,"id":"I1","application_id":"APP","token":"TOK","channel_id":"C1","guild_id":"G1","version":1,
"data":{"id":"CMD1","name":"who-said","type":1,"options":[{"name":"topic","type":3,"value":"europe"}]}}`

// endpoint serves in's HTTP endpoint with a fresh key; sign signs bodies
// with it.
func endpoint(t *testing.T, in *Interactions, f *fakeDiscord) (*httptest.Server, ed25519.PrivateKey) {
	t.Helper()
	if in.Now == nil {
		in.Now = func() time.Time { return time.Unix(signedAt, 0) }
	}
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /discord/interactions", in.HTTPHandler(t.Context(), f.session(), pub))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, priv
}

// signedAt is when post signs requests, in Unix seconds.
const signedAt = 1_700_000_000

func post(t *testing.T, srv *httptest.Server, key ed25519.PrivateKey, body string) (int, map[string]any) {
	t.Helper()
	return postAt(t, srv, key, body, time.Unix(signedAt, 0))
}

func postAt(t *testing.T, srv *httptest.Server, key ed25519.PrivateKey, body string, at time.Time) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL+"/discord/interactions", strings.NewReader(body))
	if key != nil {
		ts := strconv.FormatInt(at.Unix(), 10)
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(ts+body))))
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got map[string]any
	json.NewDecoder(resp.Body).Decode(&got)
	return resp.StatusCode, got
}

func TestInteractionAnswered(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "Hegseth said: Europe must do more. @everyone"}
	in := &Interactions{Commands: h}
	srv, key := endpoint(t, in, f)
	status, got := post(t, srv, key, whoSaid)
	if status != http.StatusOK {
		t.Fatalf("status %d; want 200", status)
	}
	want := map[string]any{"type": 4.0, "data": map[string]any{
		"content":          "Hegseth said: Europe must do more. @\u200beveryone",
		"allowed_mentions": map[string]any{"parse": []any{}, "replied_user": false},
		"flags":            64.0,
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"discord:C1 /who-said europe"}, h.called()); diff != "" {
		t.Errorf("Handle calls (-want +got):\n%s", diff)
	}
	in.Wait()
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d REST requests; want none", n)
	}
}

func TestInteractionDeferred(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "slow answer", release: make(chan struct{})}
	in := &Interactions{Commands: h, AnswerWithin: 20 * time.Millisecond}
	srv, key := endpoint(t, in, f)
	status, got := post(t, srv, key, whoSaid)
	if status != http.StatusOK {
		t.Fatalf("status %d; want 200", status)
	}
	if diff := cmp.Diff(map[string]any{"type": 5.0, "data": map[string]any{"flags": 64.0}}, got); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}
	close(h.release)
	in.Wait()
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d follow-ups; want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != "/api/v9/webhooks/APP/TOK" {
		t.Errorf("follow-up %s %s; want POST /api/v9/webhooks/APP/TOK", r.Method, r.Path)
	}
	var body map[string]any
	json.Unmarshal(r.Body, &body)
	if body["content"] != "slow answer" || body["flags"] != 64.0 {
		t.Errorf("follow-up body %s; want the answer, ephemeral", r.Body)
	}
	if !strings.Contains(string(r.Body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("follow-up body %s lacks allowed_mentions parse []", r.Body)
	}
}

// An answer longer than a message goes on in follow-ups.
func TestInteractionLongAnswer(t *testing.T) {
	f := newFake(t, nil)
	line := strings.Repeat("word ", 100)
	h := &handler{answer: strings.Repeat(line+"\n", 50)}
	in := &Interactions{Commands: h, Public: true}
	srv, key := endpoint(t, in, f)
	_, got := post(t, srv, key, whoSaid)
	in.Wait()
	data := got["data"].(map[string]any)
	content := data["content"].(string)
	if _, ok := data["flags"]; ok {
		t.Errorf("public answer has flags %v", data["flags"])
	}
	for _, r := range f.requests() {
		var b map[string]any
		json.Unmarshal(r.Body, &b)
		content += "\n" + b["content"].(string)
	}
	if got, want := strings.Count(content, "word"), 5000; got != want {
		t.Errorf("%d words answered; want %d", got, want)
	}
	if len(f.requests()) == 0 {
		t.Errorf("no follow-ups for a long answer")
	}
}

func TestInteractionAutocomplete(t *testing.T) {
	f := newFake(t, nil)
	c := &completer{}
	h := &handler{}
	in := &Interactions{Commands: h, Archive: c}
	srv, key := endpoint(t, in, f)
	body := `{"type":4,"id":"I2","application_id":"APP","token":"TOK","channel_id":"C1",
"data":{"id":"CMD1","name":"who-said","type":1,"options":[{"name":"topic","type":3,"value":"eur","focused":true}]}}`
	_, got := post(t, srv, key, body)
	want := map[string]any{"type": 8.0, "data": map[string]any{"choices": []any{
		map[string]any{"name": "europe", "value": "europe"},
		map[string]any{"name": "European Union", "value": "European Union"},
	}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}
	if c.option != "topic" || c.prefix != "eur" {
		t.Errorf("Complete(%q, %q); want topic, eur", c.option, c.prefix)
	}
	if len(h.called()) != 0 {
		t.Errorf("autocomplete ran the command")
	}
}

func TestInteractionAutocompleteNoArchive(t *testing.T) {
	f := newFake(t, nil)
	srv, key := endpoint(t, &Interactions{Commands: &handler{}}, f)
	body := `{"type":4,"id":"I2","application_id":"APP","token":"TOK","channel_id":"C1",
"data":{"id":"CMD1","name":"quotes","type":1,"options":[{"name":"speaker","type":3,"value":"he","focused":true}]}}`
	_, got := post(t, srv, key, body)
	if diff := cmp.Diff(map[string]any{"type": 8.0, "data": map[string]any{"choices": []any{}}}, got); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}
}

func TestInteractionPing(t *testing.T) {
	f := newFake(t, nil)
	srv, key := endpoint(t, &Interactions{Commands: &handler{}}, f)
	status, got := post(t, srv, key, `{"type":1,"id":"I0","application_id":"APP","token":"TOK"}`)
	if status != http.StatusOK || !cmp.Equal(got, map[string]any{"type": 1.0}) {
		t.Errorf("PING = %d %v; want 200 {type: 1}", status, got)
	}
}

func TestInteractionBadSignature(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "no"}
	srv, _ := endpoint(t, &Interactions{Commands: h}, f)
	_, other, _ := ed25519.GenerateKey(nil)
	for name, key := range map[string]ed25519.PrivateKey{"wrong key": other, "unsigned": nil} {
		if status, _ := post(t, srv, key, whoSaid); status != http.StatusUnauthorized {
			t.Errorf("%s: status %d; want 401", name, status)
		}
	}
	if c := h.called(); len(c) != 0 {
		t.Errorf("Handle called %v on a bad signature", c)
	}
}

// Options become the line typed: /brief's number, no option at all.
func TestCommandLine(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"name":"brief","options":[{"name":"id","type":4,"value":42}]}`, "/brief 42"},
		{`{"name":"brief"}`, "/brief"},
		{`{"name":"quotes","options":[{"name":"speaker","type":3,"value":" pete\nhegseth "}]}`, "/quotes pete hegseth"},
	} {
		var d discordgo.ApplicationCommandInteractionData
		if err := json.Unmarshal([]byte(tc.body), &d); err != nil {
			t.Fatal(err)
		}
		if got := commandLine(d); got != tc.want {
			t.Errorf("commandLine(%s) = %q; want %q", tc.body, got, tc.want)
		}
	}
}

func TestGateway(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "an answer"}
	in := &Interactions{Commands: h}
	var i discordgo.InteractionCreate
	if err := json.Unmarshal([]byte(whoSaid), &i); err != nil {
		t.Fatal(err)
	}
	in.Gateway(t.Context())(f.session(), &i)
	reqs := f.requests()
	if len(reqs) != 1 || reqs[0].Method != http.MethodPost || reqs[0].Path != "/api/v9/interactions/I1/TOK/callback" {
		t.Fatalf("requests %+v; want POST /api/v9/interactions/I1/TOK/callback", reqs)
	}
	var got map[string]any
	json.Unmarshal(reqs[0].Body, &got)
	if got["type"] != 4.0 || got["data"].(map[string]any)["content"] != "an answer" {
		t.Errorf("response %s; want type 4 with the answer", reqs[0].Body)
	}
}

func TestRegister(t *testing.T) {
	f := newFake(t, func(int, request) (int, string) { return 200, "[]" })
	s := f.session()
	if err := Register(t.Context(), s, "APP", "G1"); err != nil {
		t.Fatal(err)
	}
	if err := Register(t.Context(), s, "APP", ""); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	var paths []string
	for _, r := range reqs {
		paths = append(paths, r.Method+" "+r.Path)
	}
	want := []string{"PUT /api/v9/applications/APP/guilds/G1/commands", "PUT /api/v9/applications/APP/commands"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(reqs[0].Body, &cmds); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range cmds {
		names[c.Name] = true
		if c.Description == "" || len(c.Description) > 100 {
			t.Errorf("command %s: description %q", c.Name, c.Description)
		}
		for _, o := range c.Options {
			if (o.Name == "topic" || o.Name == "speaker") && !o.Autocomplete {
				t.Errorf("option %s of %s does not autocomplete", o.Name, c.Name)
			}
		}
	}
	for _, n := range []string{"who-said", "quotes", "brief", "digest", "sources", "help"} {
		if !names[n] {
			t.Errorf("command %s not registered", n)
		}
	}
}

// TestInteractionReplay answers an interaction delivered again without
// running it twice, and refuses a request signed over 5 minutes ago.
func TestInteractionReplay(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "digest posted"}
	seen := map[string]bool{}
	var mu sync.Mutex
	in := &Interactions{Commands: h, FirstSeen: func(_ context.Context, id string) bool {
		mu.Lock()
		defer mu.Unlock()
		first := !seen[id]
		seen[id] = true
		return first
	}}
	srv, key := endpoint(t, in, f)
	postAt(t, srv, key, whoSaid, time.Unix(signedAt, 0))
	status, got := postAt(t, srv, key, whoSaid, time.Unix(signedAt+5, 0))
	if data, _ := got["data"].(map[string]any); status != http.StatusOK || data["content"] != answeredAlready {
		t.Errorf("replay = %d %v; want 200 %q", status, got, answeredAlready)
	}
	if status, _ := postAt(t, srv, key, strings.Replace(whoSaid, `"I1"`, `"I2"`, 1), time.Unix(signedAt-6*60, 0)); status != http.StatusUnauthorized {
		t.Errorf("a request signed 6 minutes ago = %d; want 401", status)
	}
	in.Wait()
	if calls := h.called(); len(calls) != 1 {
		t.Errorf("Handle ran %d times; want once: %q", len(calls), calls)
	}
}

// TestGatewayOldInteraction leaves an interaction made over 5 minutes ago,
// by its id's time, unanswered and not run.
func TestGatewayOldInteraction(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "an answer"}
	made := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	in := &Interactions{Commands: h, Now: func() time.Time { return made.Add(6 * time.Minute) }}
	var i discordgo.InteractionCreate
	if err := json.Unmarshal([]byte(strings.Replace(whoSaid, `"I1"`, `"`+snowflake(made)+`"`, 1)), &i); err != nil {
		t.Fatal(err)
	}
	in.Gateway(t.Context())(f.session(), &i)
	if n := len(f.requests()); n != 0 || len(h.called()) != 0 {
		t.Errorf("an interaction 6 minutes old: %d requests, Handle called %q; want neither", n, h.called())
	}
	in.Now = func() time.Time { return made.Add(time.Minute) }
	in.Gateway(t.Context())(f.session(), &i)
	if len(h.called()) != 1 {
		t.Errorf("an interaction a minute old was not run")
	}
}
