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
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

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
