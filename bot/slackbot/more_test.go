package slackbot

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"
)

// pages answers /who-said europe in two pages.
type pages struct {
	mu    sync.Mutex
	calls []string
}

func (p *pages) Handle(_ context.Context, _, line string) string {
	p.mu.Lock()
	p.calls = append(p.calls, line)
	p.mu.Unlock()
	if line == "/who-said europe page:2" {
		return "Page two"
	}
	return "Page one\n\n…and 2 more: /who-said europe page:2"
}

func (p *pages) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.calls...)
}

// block is a Block Kit block of an answer, as the tests read it.
type block struct {
	Type     string
	Elements []struct {
		Type, Value string
		ActionID    string `json:"action_id"`
		Text        struct{ Text string }
	}
}

// lastBlock returns the last block of a Slack answer's JSON, and whether
// it has any.
func lastBlock(t *testing.T, answer []byte) (block, bool) {
	t.Helper()
	var got struct{ Blocks []block }
	if err := json.Unmarshal(answer, &got); err != nil {
		t.Fatalf("answer %s: %v", answer, err)
	}
	if len(got.Blocks) == 0 {
		return block{}, false
	}
	return got.Blocks[len(got.Blocks)-1], true
}

// TestHTTPMoreButton: an answer with a next page ends with a "More"
// button; a click on it posts the next page to the click's response_url;
// a button holding any other command runs nothing.
func TestHTTPMoreButton(t *testing.T) {
	p := &pages{}
	h := &HTTPHandler{SigningSecret: secret, Commands: p, Now: func() time.Time { return now }}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(t, "/slack/commands", commandBody("/who-said", "europe", "http://unused"), now, secret))
	h.Wait()
	last, _ := lastBlock(t, w.Body.Bytes())
	if last.Type != "actions" || len(last.Elements) != 1 || last.Elements[0].Type != "button" ||
		last.Elements[0].Value != "/who-said europe page:2" || last.Elements[0].ActionID != moreAction || last.Elements[0].Text.Text != "More" {
		t.Fatalf("answer's last block = %+v; want a More button for /who-said europe page:2", last)
	}

	u, posted := responseURL(t)
	click := func(value string) *httptest.ResponseRecorder {
		payload, _ := json.Marshal(map[string]any{
			"type": "block_actions", "trigger_id": "T-" + value, "response_url": u,
			"channel": map[string]any{"id": "C42"}, "user": map[string]any{"id": "U1"},
			"actions": []any{map[string]any{"type": "button", "block_id": "b1", "action_id": moreAction, "value": value}},
		})
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signed(t, "/slack/interactions", url.Values{"payload": {string(payload)}}.Encode(), now, secret))
		h.Wait()
		return w
	}
	if w := click("/who-said europe page:2"); w.Code != http.StatusOK {
		t.Fatalf("click answered %d; want 200", w.Code)
	}
	body := receive(t, posted)
	if body["text"] != "Page two" || body["response_type"] != "ephemeral" {
		t.Errorf("response_url got %v; want page two, ephemeral", body)
	}
	for _, bad := range []string{"/digest", "/brief 1 page:2", "/who-said europe"} {
		click(bad)
	}
	if calls := p.seen(); len(calls) != 2 || calls[1] != "/who-said europe page:2" {
		t.Errorf("commands run = %q; want /who-said europe and its page 2 only", calls)
	}
	// Unsigned clicks are refused like any request.
	r := httptest.NewRequest(http.MethodPost, "/slack/interactions", nil)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("unsigned click answered %d; want 401", w.Code)
	}
}
