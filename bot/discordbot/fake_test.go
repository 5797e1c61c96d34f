package discordbot

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// request is one request the fake Discord received.
type request struct {
	Method, Path, Query string
	Body                []byte
	Status              int // what the fake answered
}

// fakeDiscord is a stand-in for Discord's REST API: it records every
// request and answers with reply, or 200 {"id":"m<n>"}.
type fakeDiscord struct {
	t     *testing.T
	srv   *httptest.Server
	reply func(n int, r request) (int, string)
	got   chan request

	mu   sync.Mutex
	reqs []request
}

func newFake(t *testing.T, reply func(n int, r request) (int, string)) *fakeDiscord {
	f := &fakeDiscord{t: t, reply: reply, got: make(chan request, 1000)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: body}
	f.mu.Lock()
	n := len(f.reqs)
	status, out := http.StatusOK, `{"id":"m`+itoa(n)+`"}`
	if f.reply != nil {
		if s, b := f.reply(n, req); s != 0 {
			status, out = s, b
		}
	}
	req.Status = status
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, out)
	f.got <- req
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func (f *fakeDiscord) requests() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]request(nil), f.reqs...)
}

// accepted are the requests the fake answered with success.
func (f *fakeDiscord) accepted() []request {
	var ok []request
	for _, r := range f.requests() {
		if r.Status/100 == 2 {
			ok = append(ok, r)
		}
	}
	return ok
}

// session is a real discordgo session whose requests go to the fake, as
// production's do with BRIEFBOT_DISCORD_API_URL.
func (f *fakeDiscord) session() *discordgo.Session {
	s, err := NewSession("test-token", f.srv.URL)
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

// sent is a message create request as the fake received it.
type sent struct {
	Content         string                    `json:"content"`
	Embeds          []*discordgo.MessageEmbed `json:"embeds"`
	AllowedMentions json.RawMessage           `json:"allowed_mentions"`
	Nonce           string                    `json:"nonce"`
	EnforceNonce    bool                      `json:"enforce_nonce"`
}

func decodeSent(t *testing.T, b []byte) sent {
	t.Helper()
	var m sent
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
	return m
}
