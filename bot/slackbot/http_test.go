package slackbot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

const secret = "8f742231b10e8888abcd99yyyzzz85a5"

var now = time.Unix(1_700_000_000, 0)

// fakeCommands records the lines it is asked and answers them; a line
// starting "/digest" waits for release first, like a slow command.
type fakeCommands struct {
	mu      sync.Mutex
	calls   []string
	release chan struct{}
}

func (f *fakeCommands) Handle(ctx context.Context, channel, line string) string {
	f.mu.Lock()
	f.calls = append(f.calls, channel+" "+line)
	f.mu.Unlock()
	if strings.HasPrefix(line, "/digest") {
		select {
		case <-f.release:
		case <-ctx.Done():
			return "cancelled"
		}
		return "Posted the digest: 3 briefings."
	}
	return "Answer to " + line + " <!channel> *x*"
}

func (f *fakeCommands) seen() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func signed(t *testing.T, path, body string, at time.Time, key string) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(key))
	io.WriteString(mac, "v0:"+ts+":"+body)
	r.Header.Set("X-Slack-Request-Timestamp", ts)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return r
}

func commandBody(command, text, responseURL string) string {
	return url.Values{
		"command": {command}, "text": {text}, "channel_id": {"C42"}, "user_id": {"U1"},
		"response_url": {responseURL}, "team_id": {"T1"},
	}.Encode()
}

func newHTTPHandler(f *fakeCommands) *HTTPHandler {
	return &HTTPHandler{SigningSecret: secret, Commands: f, Now: func() time.Time { return now }}
}

func TestHTTPCommand(t *testing.T) {
	f := &fakeCommands{}
	h := newHTTPHandler(f)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/commands", commandBody("/quotes", " hegseth ", "http://unused"), now.Add(-time.Minute), secret))
	h.Wait()
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("signed command answered %d %q; want 200 JSON", w.Code, w.Header().Get("Content-Type"))
	}
	var got struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
		Blocks       []struct {
			Type string
			Text struct{ Text string }
		} `json:"blocks"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("answer %q: %v", w.Body.String(), err)
	}
	want := "Answer to /quotes hegseth &lt;!channel&gt; ∗x∗"
	if got.ResponseType != "ephemeral" || got.Text != want || len(got.Blocks) != 1 || got.Blocks[0].Text.Text != want {
		t.Errorf("answer = %+v; want ephemeral %q in text and one section", got, want)
	}
	if calls := f.seen(); len(calls) != 1 || calls[0] != "slack:C42 /quotes hegseth" {
		t.Errorf("Handle got %q; want [slack:C42 /quotes hegseth]", calls)
	}
}

func TestHTTPRejects(t *testing.T) {
	body := commandBody("/who-said", "europe", "http://unused")
	noHeaders := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
	badPrefix := signed(t, "/slack/commands", body, now, secret)
	badPrefix.Header.Set("X-Slack-Signature", strings.Replace(badPrefix.Header.Get("X-Slack-Signature"), "v0=", "v1=", 1))
	tampered := signed(t, "/slack/commands", body, now, secret)
	tampered.Body = io.NopCloser(strings.NewReader(strings.Replace(body, "europe", "nato", 1)))
	for name, r := range map[string]*http.Request{
		"wrong secret":  signed(t, "/slack/commands", body, now, "not-the-secret"),
		"stale":         signed(t, "/slack/commands", body, now.Add(-6*time.Minute), secret),
		"future":        signed(t, "/slack/commands", body, now.Add(6*time.Minute), secret),
		"no headers":    noHeaders,
		"bad prefix":    badPrefix,
		"tampered body": tampered,
		"stale event":   signed(t, "/slack/events", `{"type":"url_verification","challenge":"c"}`, now.Add(-6*time.Minute), secret),
	} {
		f := &fakeCommands{}
		h := newHTTPHandler(f)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		h.Wait()
		if w.Code != http.StatusUnauthorized || strings.Contains(w.Body.String(), "challenge") {
			t.Errorf("%s: answered %d %q; want 401", name, w.Code, w.Body.String())
		}
		if calls := f.seen(); len(calls) != 0 {
			t.Errorf("%s: Handle was called with %q; want not called", name, calls)
		}
	}
	// Without a signing secret nothing gets in, however it is signed.
	h := &HTTPHandler{Commands: &fakeCommands{}, Now: func() time.Time { return now }}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/commands", body, now, ""))
	if w.Code != http.StatusUnauthorized {
		t.Errorf("no signing secret: answered %d; want 401", w.Code)
	}
}

func TestHTTPRoutes(t *testing.T) {
	h := newHTTPHandler(&fakeCommands{})
	for _, tt := range []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/slack/commands", http.StatusMethodNotAllowed},
		{http.MethodPost, "/slack/other", http.StatusNotFound},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
		if w.Code != tt.want {
			t.Errorf("%s %s = %d; want %d", tt.method, tt.path, w.Code, tt.want)
		}
	}
}

func TestHTTPURLVerification(t *testing.T) {
	h := newHTTPHandler(&fakeCommands{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/events", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`, now, secret))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"`) {
		t.Errorf("url_verification answered %d %q; want 200 with the challenge", w.Code, w.Body.String())
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/events", `{"type":"event_callback","event":{"type":"app_mention"}}`, now, secret))
	if w.Code != http.StatusOK {
		t.Errorf("event_callback answered %d; want 200", w.Code)
	}
}

// responseURL is a fake response_url that hands on each JSON body posted
// to it.
func responseURL(t *testing.T) (string, <-chan map[string]any) {
	t.Helper()
	got := make(chan map[string]any, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("response_url got %s %q; want a JSON POST", r.Method, r.Header.Get("Content-Type"))
		}
		json.NewDecoder(r.Body).Decode(&body)
		got <- body
	}))
	t.Cleanup(srv.Close)
	return srv.URL, got
}

func receive(t *testing.T, c <-chan map[string]any) map[string]any {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was posted to response_url")
		return nil
	}
}

func TestHTTPSlowCommand(t *testing.T) {
	u, posted := responseURL(t)
	f := &fakeCommands{release: make(chan struct{})}
	h := newHTTPHandler(f)
	h.AnswerWithin = time.Millisecond // the digest waits for release, so it is always late
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/commands", commandBody("/digest", "", u), now, secret))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), working) || !strings.Contains(w.Body.String(), `"response_type":"ephemeral"`) {
		t.Fatalf("slow command answered %d %q; want 200 and %q at once", w.Code, w.Body.String(), working)
	}
	close(f.release)
	body := receive(t, posted)
	h.Wait()
	if body["text"] != "Posted the digest: 3 briefings." || body["response_type"] != "ephemeral" || body["replace_original"] != true {
		t.Errorf("response_url got %v; want the digest's answer, ephemeral, in place of %q", body, working)
	}
	if calls := f.seen(); len(calls) != 1 || calls[0] != "slack:C42 /digest" {
		t.Errorf("Handle got %q; want [slack:C42 /digest]", calls)
	}
}

func TestCommandLine(t *testing.T) {
	for _, tt := range []struct{ command, text, want string }{
		{"/who-said", "europe", "/who-said europe"},
		{"/brief", "", "/brief"},
		{"/briefbot-brief", "3", "/brief 3"},
		{"/briefbot", "quotes hegseth", "/quotes hegseth"},
		{"/briefbot", "", "/help"},
		{"/deploy", "prod", ""},
	} {
		got, _ := commandLine(slackCommand(tt.command, tt.text))
		if got != tt.want {
			t.Errorf("commandLine(%q, %q) = %q; want %q", tt.command, tt.text, got, tt.want)
		}
	}
}

func slackCommand(command, text string) slack.SlashCommand {
	return slack.SlashCommand{Command: command, Text: text, ChannelID: "C42"}
}

type handlerFunc func(ctx context.Context, channel, line string) string

func (f handlerFunc) Handle(ctx context.Context, channel, line string) string {
	return f(ctx, channel, line)
}

// TestHTTPLongAnswer checks that an answer too long for an acknowledgement
// goes to response_url in blocks within Slack's limits.
func TestHTTPLongAnswer(t *testing.T) {
	u, posted := responseURL(t)
	answer := strings.Repeat("A line of the briefing that goes on. ", 40) + "\n"
	h := &HTTPHandler{
		SigningSecret: secret,
		Now:           func() time.Time { return now },
		Commands:      handlerFunc(func(context.Context, string, string) string { return strings.Repeat(answer, 30) }),
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/commands", commandBody("/brief", "3", u), now, secret))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("long answer: answered %d %q; want an empty 200", w.Code, w.Body.String())
	}
	body := receive(t, posted)
	h.Wait()
	if body["replace_original"] != false {
		t.Errorf("response_url got replace_original %v; want false, as nothing was shown to replace", body["replace_original"])
	}
	blocks, _ := body["blocks"].([]any)
	if len(blocks) < 2 || len(blocks) > maxBlocks {
		t.Fatalf("response_url got %d blocks; want 2 to %d", len(blocks), maxBlocks)
	}
	for _, b := range blocks {
		text := b.(map[string]any)["text"].(map[string]any)["text"].(string)
		if length(text) > maxSection {
			t.Errorf("section of %d; want ≤ %d", length(text), maxSection)
		}
	}
	if text, _ := body["text"].(string); length(text) > 4000 {
		t.Errorf("fallback text of %d; want ≤ 4000", length(text))
	}
}

// TestHTTPReplay answers the same signed /digest request, replayed 5
// seconds later, without running it again.
func TestHTTPReplay(t *testing.T) {
	f := &fakeCommands{}
	h := newHTTPHandler(f)
	seen := map[string]bool{}
	h.FirstSeen = func(_ context.Context, id string) bool {
		first := !seen[id]
		seen[id] = true
		return first
	}
	body := commandBody("/sources", "", "http://unused") + "&trigger_id=1.2.3"
	var answers []string
	for _, at := range []time.Time{now, now.Add(5 * time.Second)} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signed(t, "/slack/commands", body, at, secret))
		answers = append(answers, w.Body.String())
	}
	h.Wait()
	if calls := f.seen(); len(calls) != 1 {
		t.Errorf("Handle ran %d times for one request sent twice; want once: %q", len(calls), calls)
	}
	if !strings.Contains(answers[1], answeredAlready) {
		t.Errorf("the replay was answered %s; want %q", answers[1], answeredAlready)
	}
}
