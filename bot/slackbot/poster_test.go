package slackbot

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// fakeSlack is a Slack Web API that records each request and answers it
// with the next scripted reply, or ok with a fresh ts when none is left.
type fakeSlack struct {
	mu       sync.Mutex
	requests []recorded
	replies  []func(w http.ResponseWriter)
}

type recorded struct {
	Method, Path, Auth string
	Form               url.Values
}

func (f *fakeSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, recorded{r.Method, r.URL.Path, r.Header.Get("Authorization"), r.PostForm})
	if len(f.replies) > 0 {
		reply := f.replies[0]
		f.replies = f.replies[1:]
		reply(w)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, r.PostForm.Get("channel"), len(f.requests))
}

func (f *fakeSlack) sent() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.requests...)
}

func newPoster(t *testing.T, f *fakeSlack, log *slog.Logger) *Poster {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return &Poster{Client: slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/")), Log: log}
}

func slackError(code string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":false,"error":%q}`, code)
	}
}

func briefing() bot.Message {
	return bot.Message{
		Text:     "NATO meets\nLeaders met.",
		Title:    "NATO meets",
		URL:      "https://example.com/nato",
		Sections: []bot.Section{{Lines: []bot.Line{{Text: "Leaders met."}}}},
		Footer:   "Source: example.com",
	}
}

func TestPost(t *testing.T) {
	f := &fakeSlack{}
	p := newPoster(t, f, nil)
	id, err := p.Post(t.Context(), "C123", briefing(), bot.Part{Key: "k1"})
	if err != nil || id != "1700000000.000001" {
		t.Fatalf("Post = %q, %v; want 1700000000.000001, nil", id, err)
	}
	reqs := f.sent()
	if len(reqs) != 1 {
		t.Fatalf("Post sent %d requests; want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != "/chat.postMessage" {
		t.Errorf("Post sent %s %s; want POST /chat.postMessage", r.Method, r.Path)
	}
	if r.Auth != "Bearer xoxb-test" && r.Form.Get("token") != "xoxb-test" {
		t.Errorf("Post sent no bot token")
	}
	for k, want := range map[string]string{"channel": "C123", "text": "NATO meets\nLeaders met.", "unfurl_links": "false", "thread_ts": ""} {
		if got := r.Form.Get(k); got != want {
			t.Errorf("Post sent %s=%q; want %q", k, got, want)
		}
	}
	var blocks []map[string]any
	if err := json.Unmarshal([]byte(r.Form.Get("blocks")), &blocks); err != nil {
		t.Fatalf("Post sent blocks %q: %v", r.Form.Get("blocks"), err)
	}
	var types []string
	for _, b := range blocks {
		types = append(types, b["type"].(string))
	}
	if got, want := strings.Join(types, " "), "header section context"; got != want {
		t.Errorf("Post sent blocks %q; want %q", got, want)
	}
	var ctx struct {
		Elements []struct{ Text string } `json:"elements"`
	}
	b, _ := json.Marshal(blocks[len(blocks)-1])
	json.Unmarshal(b, &ctx)
	if len(ctx.Elements) != 1 || ctx.Elements[0].Text != "Source: example.com · <https://example.com/nato|Source>" {
		t.Errorf("Post sent context %+v; want the footer and the source link", ctx.Elements)
	}
}

func TestPostRateLimited(t *testing.T) {
	f := &fakeSlack{replies: []func(http.ResponseWriter){func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
	}}}
	p := newPoster(t, f, nil)
	_, err := p.Post(t.Context(), "C123", briefing(), bot.Part{Key: "k1"})
	rl, ok := errors.AsType[*bot.RateLimitError](err)
	if !ok || rl.RetryAfter != 7*time.Second {
		t.Fatalf("Post after 429 = %v; want a *bot.RateLimitError of 7s", err)
	}
	if bot.IsPermanent(err) {
		t.Errorf("Post after 429 = %v; want it not permanent", err)
	}
	if id, err := p.Post(t.Context(), "C123", briefing(), bot.Part{Key: "k1"}); err != nil || id == "" {
		t.Fatalf("retried Post = %q, %v; want success", id, err)
	}
	if n := len(f.sent()); n != 2 {
		t.Errorf("the server got %d requests; want 2, the 429 and one post", n)
	}
}

func TestPostErrors(t *testing.T) {
	for _, tt := range []struct {
		reply     func(http.ResponseWriter)
		permanent bool
	}{
		{slackError("channel_not_found"), true},
		{slackError("not_in_channel"), true},
		{slackError("invalid_auth"), true},
		{slackError("missing_scope"), true},
		{slackError("internal_error"), false},
		{func(w http.ResponseWriter) { w.WriteHeader(http.StatusBadGateway) }, false},
	} {
		f := &fakeSlack{replies: []func(http.ResponseWriter){tt.reply}}
		p := newPoster(t, f, nil)
		_, err := p.Post(t.Context(), "C123", briefing(), bot.Part{Key: "k1"})
		if err == nil || bot.IsPermanent(err) != tt.permanent {
			t.Errorf("Post = %v, permanent %v; want an error, permanent %v", err, bot.IsPermanent(err), tt.permanent)
		}
	}
}

// long is a briefing too long for one Slack message.
func long() bot.Message {
	m := bot.Message{Text: "Long one", Title: "Long one", Footer: "Source: x"}
	var s bot.Section
	for i := range 120 {
		s.Lines = append(s.Lines, bot.Line{Quote: true, Text: fmt.Sprintf("q%03d ", i) + strings.Repeat("blah ", 500), By: "Someone"})
	}
	m.Sections = []bot.Section{s}
	return m
}

// postAll posts every part of m as the dispatcher does, one after the
// other, and returns the first part's ts.
func postAll(t *testing.T, p *Poster, channel string, m bot.Message, key string) (string, error) {
	t.Helper()
	var first string
	for i := range p.Parts(m) {
		id, err := p.Post(t.Context(), channel, m, bot.Part{Key: key, Index: i, Thread: first})
		if err != nil {
			return first, err
		}
		if i == 0 {
			first = id
		}
	}
	return first, nil
}

func TestPostThread(t *testing.T) {
	f := &fakeSlack{}
	p := newPoster(t, f, nil)
	id, err := postAll(t, p, "C123", long(), "inst/briefing:1")
	if err != nil || id != "1700000000.000001" {
		t.Fatalf("Post = %q, %v; want the first message's ts", id, err)
	}
	reqs := f.sent()
	if want := len(Render(long())); len(reqs) != want || want < 3 {
		t.Fatalf("Post sent %d requests; want %d (at least 3)", len(reqs), want)
	}
	for i, r := range reqs {
		want := id
		if i == 0 {
			want = ""
		}
		if got := r.Form.Get("thread_ts"); got != want || r.Form.Get("channel") != "C123" {
			t.Errorf("request %d: channel %q thread_ts %q; want C123, %q", i, r.Form.Get("channel"), got, want)
		}
		var md slack.SlackMetadata
		if err := json.Unmarshal([]byte(r.Form.Get("metadata")), &md); err != nil || md.EventType != "briefbot_post" ||
			md.EventPayload["key"] != "inst/briefing:1" || md.EventPayload["part"] != float64(i) {
			t.Errorf("request %d: metadata %q; want event briefbot_post with key inst/briefing:1, part %d", i, r.Form.Get("metadata"), i)
		}
	}
}

// A failed reply is returned, for the dispatcher to retry that reply.
func TestPostThreadReplyFails(t *testing.T) {
	f := &fakeSlack{replies: []func(http.ResponseWriter){
		func(w http.ResponseWriter) { fmt.Fprint(w, `{"ok":true,"channel":"C123","ts":"1.1"}`) },
		func(w http.ResponseWriter) { w.WriteHeader(http.StatusInternalServerError) },
	}}
	p := newPoster(t, f, nil)
	id, err := postAll(t, p, "C123", long(), "k1")
	if err == nil || bot.IsPermanent(err) || id != "1.1" {
		t.Fatalf("Post with a failed reply = %q, %v; want 1.1 and an error to retry", id, err)
	}
	if n := len(f.sent()); n != 2 {
		t.Errorf("Post sent %d requests; want 2, stopping at the failed reply", n)
	}
}
