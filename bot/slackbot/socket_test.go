package slackbot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// fakeSocketSlack is Slack's side of Socket Mode: apps.connections.open
// hands out the URL of a WebSocket on which it says hello, sends the
// envelopes in send, and hands on every acknowledgement it reads.
type fakeSocketSlack struct {
	t    *testing.T
	srv  *httptest.Server
	send chan string
	acks chan map[string]any
}

func newFakeSocketSlack(t *testing.T) *fakeSocketSlack {
	f := &fakeSocketSlack{t: t, send: make(chan string, 4), acks: make(chan map[string]any, 4)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer xapp-test" {
			t.Errorf("apps.connections.open got Authorization %q; want the app token", got)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":true,"url":"ws%s/link"}`, strings.TrimPrefix(f.srv.URL, "http"))
	})
	mux.HandleFunc("/link", f.link)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSocketSlack) link(w http.ResponseWriter, r *http.Request) {
	conn, err := (&websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}).Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("upgrading: %v", err)
		return
	}
	defer conn.Close()
	conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"}}`))
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	go func() {
		for {
			select {
			case msg := <-f.send:
				if err := conn.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		var ack map[string]any
		if err := conn.ReadJSON(&ack); err != nil {
			return // the client went away
		}
		f.acks <- ack
	}
}

func (f *fakeSocketSlack) ack(t *testing.T) map[string]any {
	t.Helper()
	select {
	case a := <-f.acks:
		return a
	case <-time.After(10 * time.Second):
		t.Fatal("no acknowledgement arrived")
		return nil
	}
}

// runSocket starts s.Run and returns the function that stops it and
// checks that it returned nil soon.
func runSocket(t *testing.T, s *SocketMode) (stop func()) {
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	return func() {
		t.Helper()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run after cancel = %v; want nil", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Run did not return after cancel")
		}
	}
}

func envelope(id, command, text, responseURL string) string {
	payload, _ := json.Marshal(slack.SlashCommand{Command: command, Text: text, ChannelID: "C7", UserID: "U1", ResponseURL: responseURL})
	return fmt.Sprintf(`{"type":"slash_commands","envelope_id":%q,"payload":%s,"accepts_response_payload":true}`, id, payload)
}

func TestSocketMode(t *testing.T) {
	f := newFakeSocketSlack(t)
	u, posted := responseURL(t)
	api := slack.New("xoxb-test", slack.OptionAPIURL(f.srv.URL+"/"), slack.OptionAppLevelToken("xapp-test"))
	cmds := &fakeCommands{release: make(chan struct{})}
	s := &SocketMode{
		Client:   socketmode.New(api, socketmode.OptionLog(log.New(io.Discard, "", 0))),
		Commands: cmds,
		// Long enough for the quick command, whose fake answers at once;
		// the slow one waits for release, so it is always late.
		AnswerWithin: time.Second,
	}
	stop := runSocket(t, s)

	// A quick command is answered in its acknowledgement.
	f.send <- envelope("env-1", "/who-said", "europe", u)
	ack := f.ack(t)
	payload, _ := ack["payload"].(map[string]any)
	if ack["envelope_id"] != "env-1" || payload["response_type"] != "ephemeral" ||
		payload["text"] != "Answer to /who-said europe &lt;!channel&gt; ∗x∗" {
		t.Errorf("ack = %v; want env-1 with the escaped answer, ephemeral", ack)
	}

	// A slow one is acknowledged with "Working on it…" and answered at the
	// response_url.
	f.send <- envelope("env-2", "/digest", "", u)
	ack = f.ack(t)
	payload, _ = ack["payload"].(map[string]any)
	if ack["envelope_id"] != "env-2" || payload["text"] != working {
		t.Errorf("ack = %v; want env-2 with %q", ack, working)
	}
	close(cmds.release)
	if body := receive(t, posted); body["text"] != "Posted the digest: 3 briefings." || body["replace_original"] != true {
		t.Errorf("response_url got %v; want the digest's answer in place of %q", body, working)
	}

	if got, want := cmds.seen(), []string{"slack:C7 /who-said europe", "slack:C7 /digest"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Handle got %q; want %q", got, want)
	}
	stop()
}

// threePages answers /who-said ferry in three pages, each but the last
// ending with the command for the next.
type threePages struct{ pages }

func (p *threePages) Handle(_ context.Context, channel, line string) string {
	p.mu.Lock()
	p.calls = append(p.calls, channel+" "+line)
	p.mu.Unlock()
	switch line {
	case "/who-said ferry page:2":
		return "Mira Talvik said two things\n\n…and 1 more: /who-said ferry page:3"
	case "/who-said ferry page:3":
		return "Oskar Lind said one"
	}
	return "Ada Quill said three things\n\n…and 2 more: /who-said ferry page:2"
}

// interactive is the envelope Socket Mode brings a click on a button in.
func interactive(t *testing.T, id, triggerID, value, responseURL string) string {
	t.Helper()
	payload, err := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": triggerID, "response_url": responseURL,
		"channel": map[string]any{"id": "C7"}, "user": map[string]any{"id": "U1"},
		"actions": []any{map[string]any{"type": "button", "block_id": "more", "action_id": moreAction, "value": value}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf(`{"type":"interactive","envelope_id":%q,"payload":%s,"accepts_response_payload":false}`, id, payload)
}

// moreValue is the value of the More button that ends a Slack answer
// (an acknowledgement's payload or a response_url post), or "".
func moreValue(t *testing.T, answer map[string]any) string {
	t.Helper()
	b, _ := json.Marshal(answer)
	last, ok := lastBlock(t, b)
	if !ok {
		return ""
	}
	if last.Type != "actions" || len(last.Elements) != 1 || last.Elements[0].Type != "button" || last.Elements[0].ActionID != moreAction {
		return ""
	}
	return last.Elements[0].Value
}

// TestSocketModeMoreButton drives the "More" button over Socket Mode as
// Slack does: the answer to a slash command ends with the button, a click
// comes as an interactive envelope that is acknowledged, and the next
// page is posted to the click's response_url, with a button of its own
// while pages remain. A click Slack delivers again runs once; a button
// holding anything but a page runs nothing.
func TestSocketModeMoreButton(t *testing.T) {
	f := newFakeSocketSlack(t)
	u, posted := responseURL(t)
	api := slack.New("xoxb-test", slack.OptionAPIURL(f.srv.URL+"/"), slack.OptionAppLevelToken("xapp-test"))
	p := &threePages{}
	var mu sync.Mutex
	seen := map[string]bool{}
	s := &SocketMode{
		Client:       socketmode.New(api, socketmode.OptionLog(log.New(io.Discard, "", 0))),
		Commands:     p,
		AnswerWithin: 5 * time.Second,
		FirstSeen: func(_ context.Context, id string) bool {
			mu.Lock()
			defer mu.Unlock()
			if seen[id] {
				return false
			}
			seen[id] = true
			return true
		},
	}
	stop := runSocket(t, s)

	f.send <- envelope("env-1", "/who-said", "ferry", u)
	ack := f.ack(t)
	payload, _ := ack["payload"].(map[string]any)
	if ack["envelope_id"] != "env-1" || moreValue(t, payload) != "/who-said ferry page:2" {
		t.Fatalf("ack = %v; want env-1 ending with a More button for /who-said ferry page:2", ack)
	}

	f.send <- interactive(t, "env-2", "T-2", "/who-said ferry page:2", u)
	if ack := f.ack(t); ack["envelope_id"] != "env-2" || ack["payload"] != nil {
		t.Errorf("click's ack = %v; want env-2 alone", ack)
	}
	body := receive(t, posted)
	if text, _ := body["text"].(string); !strings.HasPrefix(text, "Mira Talvik said two things") || body["response_type"] != "ephemeral" ||
		moreValue(t, body) != "/who-said ferry page:3" {
		t.Errorf("response_url got %v; want page two, ephemeral, with a More button for page three", body)
	}

	// Slack delivers the same click again (its ack was lost): run once.
	f.send <- interactive(t, "env-2", "T-2", "/who-said ferry page:2", u)
	f.ack(t)
	f.send <- interactive(t, "env-3", "T-3", "/who-said ferry page:3", u)
	f.ack(t)
	body = receive(t, posted)
	if body["text"] != "Oskar Lind said one" || moreValue(t, body) != "" {
		t.Errorf("response_url got %v; want page three, the last, without a button", body)
	}
	for i, bad := range []string{"/digest", "/brief 1 page:2", "/who-said ferry"} {
		f.send <- interactive(t, fmt.Sprint("env-bad-", i), fmt.Sprint("T-bad-", i), bad, u)
		f.ack(t)
	}

	stop()
	select {
	case body := <-posted:
		t.Errorf("response_url got %v after the last page; want nothing more", body)
	default:
	}
	want := []string{"slack:C7 /who-said ferry", "slack:C7 /who-said ferry page:2", "slack:C7 /who-said ferry page:3"}
	if got := p.seen(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("commands run = %q; want %q: each page once, no other button", got, want)
	}
}
