package discordbot

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Fault is how the fake Discord API misbehaves on one request.
type Fault int

const (
	None           Fault = iota
	RateLimited          // 429 with retry_after 2, before doing anything
	ServerError          // 500, before doing anything
	Hang                 // does the request, then never answers: the client times out
	Drop                 // does the request, then drops the connection
	UnknownChannel       // 404 {"code":10003}
)

func (f Fault) String() string {
	return [...]string{"none", "429", "500", "hang", "drop", "unknown_channel"}[f]
}

// retryAfter is what the fake's 429 asks for.
const retryAfter = 2 * time.Second

// nonceWindow is how long the fake, like Discord, remembers a nonce: a
// message with enforce_nonce and a nonce seen in the channel within it is
// answered with the message posted then, and not posted again.
const nonceWindow = 2 * time.Minute

type apiRequest struct {
	Method  string // "POST" or "GET"
	Channel string
	N       int // requests to the API so far, this one included
}

// fakeMessage is a message the fake Discord holds.
type fakeMessage struct {
	ID, Channel, Nonce string
	Embeds             []*discordgo.MessageEmbed
	At                 time.Time
}

// fakeAPI is Discord's REST API for messages, in its wire format: create
// (with nonce and enforce_nonce, as Discord honours them) and list (newest
// first, after an id). It misbehaves as Inject says, on any request, and
// checks that a client told to wait by a 429 waits before posting to that
// channel again. Like Discord's, its listed messages carry no nonce unless
// ListNonces is set.
type fakeAPI struct {
	Channels   []string
	Inject     func(apiRequest) Fault
	After      func(apiRequest)
	ListNonces bool
	// Now is the clock message ids are made from; nil means time.Now.
	// (A synctest bubble starts in 2000, before Discord's epoch.)
	Now func() time.Time

	mu         sync.Mutex
	n, seq     int
	messages   []fakeMessage
	heldUntil  map[string]time.Time
	violations []string
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// /api/v9/channels/{id}/messages
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/v9/channels/")
	channel, tail, _ := strings.Cut(rest, "/")
	if !ok || tail != "messages" {
		reply(w, http.StatusNotFound, map[string]any{"message": "404: Not Found", "code": 0})
		return
	}
	f.mu.Lock()
	f.n++
	req := apiRequest{Method: r.Method, Channel: channel, N: f.n}
	f.mu.Unlock()
	fault := None
	if f.Inject != nil {
		fault = f.Inject(req)
	}
	switch fault {
	case RateLimited:
		f.mu.Lock()
		if f.heldUntil == nil {
			f.heldUntil = map[string]time.Time{}
		}
		f.heldUntil[channel] = f.now().Add(retryAfter)
		f.mu.Unlock()
		w.Header().Set("Retry-After", strconv.Itoa(int(retryAfter/time.Second)))
		reply(w, http.StatusTooManyRequests, map[string]any{"message": "You are being rate limited.", "retry_after": retryAfter.Seconds(), "global": false})
		return
	case ServerError:
		reply(w, http.StatusInternalServerError, map[string]any{"message": "500: Internal Server Error", "code": 0})
		return
	}
	status, out := http.StatusOK, any(nil)
	switch {
	case fault == UnknownChannel || !slices.Contains(f.Channels, channel):
		status, out = http.StatusNotFound, map[string]any{"message": "Unknown Channel", "code": 10003}
	case r.Method == http.MethodPost:
		status, out = f.create(r, channel)
	case r.Method == http.MethodGet:
		out = f.list(r, channel)
	default:
		status, out = http.StatusMethodNotAllowed, map[string]any{"message": "405: Method Not Allowed", "code": 0}
	}
	if f.After != nil {
		f.After(req)
	}
	switch fault {
	case Hang:
		<-r.Context().Done()
		return
	case Drop:
		panic(http.ErrAbortHandler)
	}
	reply(w, status, out)
}

func (f *fakeAPI) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeAPI) create(r *http.Request, channel string) (int, any) {
	var body struct {
		Embeds       []*discordgo.MessageEmbed `json:"embeds"`
		Nonce        string                    `json:"nonce"`
		EnforceNonce bool                      `json:"enforce_nonce"`
	}
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &body); err != nil || len(body.Nonce) > 25 {
		return http.StatusBadRequest, map[string]any{"message": "Invalid Form Body", "code": 50035}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	if body.EnforceNonce && body.Nonce != "" {
		for _, m := range f.messages {
			if m.Channel == channel && m.Nonce == body.Nonce && now.Sub(m.At) < nonceWindow {
				return http.StatusOK, f.show(m, true)
			}
		}
	}
	if until, ok := f.heldUntil[channel]; ok && now.Before(until) {
		f.violations = append(f.violations, fmt.Sprintf("post to %s %s before the retry_after ended", channel, until.Sub(now)))
	}
	f.seq++
	m := fakeMessage{ID: strconv.FormatInt((now.UnixMilli()-discordEpoch)<<22|int64(f.seq), 10),
		Channel: channel, Nonce: body.Nonce, Embeds: body.Embeds, At: now}
	f.messages = append(f.messages, m)
	return http.StatusOK, f.show(m, true)
}

func (f *fakeAPI) show(m fakeMessage, nonce bool) map[string]any {
	out := map[string]any{"id": m.ID, "channel_id": m.Channel, "embeds": m.Embeds,
		"author": map[string]any{"id": "42", "username": "briefbot", "bot": true}}
	if nonce {
		out["nonce"] = m.Nonce
	}
	return out
}

// list answers GET messages?after=ID&limit=N: the oldest N after the id,
// newest first, as Discord does.
func (f *fakeAPI) list(r *http.Request, channel string) any {
	f.mu.Lock()
	defer f.mu.Unlock()
	after, _ := strconv.ParseUint(r.URL.Query().Get("after"), 10, 64)
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 50
	}
	out := []map[string]any{}
	for _, m := range f.messages {
		id, _ := strconv.ParseUint(m.ID, 10, 64)
		if m.Channel == channel && id > after && len(out) < limit {
			out = append(out, f.show(m, f.ListNonces))
		}
	}
	slices.Reverse(out)
	return out
}

func (f *fakeAPI) posted() []fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.messages)
}

func (f *fakeAPI) waitViolations() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.violations)
}

// session is a real discordgo session whose requests the fake serves in
// memory, so that a test in a synctest bubble owns every goroutine of a
// request and the bubble's clock times it.
func (f *fakeAPI) session() *discordgo.Session {
	s, err := NewSession("test-token", "")
	if err != nil {
		panic(err)
	}
	s.Client = &http.Client{Timeout: 30 * time.Second, Transport: memTransport{f}}
	return s
}

// memTransport serves requests with a handler in memory. A handler that
// aborts (http.ErrAbortHandler) is a connection dropped before the
// answer; a request whose context ends before the answer is cancelled.
type memTransport struct{ h http.Handler }

var errDropped = errors.New("read: connection reset by peer")

func (t memTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		t.h.ServeHTTP(rec, r)
	}()
	select {
	case p := <-done:
		if p == http.ErrAbortHandler {
			return nil, errDropped
		}
		if p != nil {
			panic(p)
		}
		return rec.Result(), nil
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}
