package slackbot

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// Fault is how the fake Slack API misbehaves on one request.
type Fault int

const (
	None            Fault = iota
	RateLimited           // 429 with Retry-After: 2, before doing anything
	ServerError           // 500 with an HTML body, before doing anything
	Hang                  // does the request, then never answers: the client times out
	Drop                  // does the request, then drops the connection
	ChannelNotFound       // {"ok":false,"error":"channel_not_found"}
)

func (f Fault) String() string {
	return [...]string{"none", "429", "500", "hang", "drop", "channel_not_found"}[f]
}

// retryAfter is what the fake's 429 asks for.
const retryAfter = 2 * time.Second

// apiRequest is a request to the fake, as its Inject and After hooks see it.
type apiRequest struct {
	Method  string // "chat.postMessage", "conversations.history", …
	Channel string
	N       int // requests to the API so far, this one included
}

// fakeMessage is a message the fake Slack holds.
type fakeMessage struct {
	TS, Channel, Thread, Text string
	Metadata                  *slack.SlackMetadata
	At                        time.Time
}

// fakeAPI is a Slack Web API that keeps what is posted, as Slack does,
// answers chat.postMessage, conversations.history and
// conversations.replies in Slack's wire format, and misbehaves as Inject
// says: any request may be rate limited, fail, hang or have its
// connection dropped after it was done. It checks that a client told to
// wait by a 429 waits before posting to that channel again.
type fakeAPI struct {
	// Channels are the channels that exist; others are channel_not_found.
	Channels []string
	// Inject, when set, picks each request's fault.
	Inject func(apiRequest) Fault
	// After, when set, runs after a request has been done and before it
	// is answered (the moment to kill a client).
	After func(apiRequest)

	mu         sync.Mutex
	n          int
	seq        int
	messages   []fakeMessage
	heldUntil  map[string]time.Time // by channel, after a 429
	violations []string             // posts made before a 429's Retry-After
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	method := r.URL.Path[len("/api/"):]
	f.mu.Lock()
	f.n++
	req := apiRequest{Method: method, Channel: r.Form.Get("channel"), N: f.n}
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
		f.heldUntil[req.Channel] = time.Now().Add(retryAfter)
		f.mu.Unlock()
		w.Header().Set("Retry-After", strconv.Itoa(int(retryAfter/time.Second)))
		w.WriteHeader(http.StatusTooManyRequests)
		return
	case ServerError:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, "<html><body>Internal Server Error</body></html>")
		return
	}
	var out any
	if fault == ChannelNotFound || !slices.Contains(f.Channels, req.Channel) {
		out = map[string]any{"ok": false, "error": "channel_not_found"}
	} else {
		switch method {
		case "chat.postMessage":
			out = f.post(r, req)
		case "conversations.history", "conversations.replies":
			out = f.list(r, method == "conversations.replies")
		default:
			out = map[string]any{"ok": false, "error": "unknown_method"}
		}
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
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

func (f *fakeAPI) post(r *http.Request, req apiRequest) any {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	if until, ok := f.heldUntil[req.Channel]; ok && now.Before(until) {
		f.violations = append(f.violations, fmt.Sprintf("post to %s %s before the Retry-After ended", req.Channel, until.Sub(now)))
	}
	f.seq++
	m := fakeMessage{
		TS:      fmt.Sprintf("%d.%06d", now.Unix(), f.seq),
		Channel: req.Channel, Thread: r.Form.Get("thread_ts"), Text: r.Form.Get("text"), At: now,
	}
	if md := r.Form.Get("metadata"); md != "" {
		m.Metadata = new(slack.SlackMetadata)
		if err := json.Unmarshal([]byte(md), m.Metadata); err != nil {
			return map[string]any{"ok": false, "error": "invalid_metadata"}
		}
	}
	if m.Thread != "" && !slices.ContainsFunc(f.messages, func(x fakeMessage) bool { return x.TS == m.Thread }) {
		return map[string]any{"ok": false, "error": "thread_not_found"}
	}
	f.messages = append(f.messages, m)
	return map[string]any{"ok": true, "channel": req.Channel, "ts": m.TS, "message": map[string]any{"text": m.Text, "ts": m.TS}}
}

// list answers conversations.history (the channel's messages, newest
// first) or conversations.replies (a thread, its parent first), after
// oldest, a page at a time.
func (f *fakeAPI) list(r *http.Request, replies bool) any {
	f.mu.Lock()
	defer f.mu.Unlock()
	oldest, _ := strconv.ParseFloat(r.Form.Get("oldest"), 64)
	limit, _ := strconv.Atoi(r.Form.Get("limit"))
	if limit <= 0 {
		limit = 100
	}
	from, _ := strconv.Atoi(r.Form.Get("cursor"))
	withMetadata := r.Form.Get("include_all_metadata") == "1"
	var all []map[string]any
	for _, m := range f.messages {
		ts, _ := strconv.ParseFloat(m.TS, 64)
		in := m.Channel == r.Form.Get("channel") && ts > oldest
		if replies {
			in = in && (m.TS == r.Form.Get("ts") || m.Thread == r.Form.Get("ts"))
		} else {
			in = in && m.Thread == ""
		}
		if !in {
			continue
		}
		out := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
		if m.Thread != "" {
			out["thread_ts"] = m.Thread
		}
		if withMetadata && m.Metadata != nil {
			out["metadata"] = m.Metadata
		}
		all = append(all, out)
	}
	if replies && len(all) == 0 {
		return map[string]any{"ok": false, "error": "thread_not_found"}
	}
	if !replies {
		slices.Reverse(all)
	}
	page := all[min(from, len(all)):min(from+limit, len(all))]
	next := ""
	if from+limit < len(all) {
		next = strconv.Itoa(from + limit)
	}
	return map[string]any{"ok": true, "messages": page, "has_more": next != "",
		"response_metadata": map[string]any{"next_cursor": next}}
}

// posted returns the messages the fake holds, in the order posted.
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

// client is a real slack-go client whose requests the fake serves in
// memory, so that a test in a synctest bubble owns every goroutine of a
// request and the bubble's clock times it.
func (f *fakeAPI) client() *slack.Client {
	return slack.New("xoxb-test", slack.OptionAPIURL("http://slack.test/api/"),
		slack.OptionHTTPClient(&http.Client{Transport: memTransport{f}}))
}

// memTransport serves requests with a handler in memory. A handler that
// aborts (http.ErrAbortHandler) is a connection dropped before the
// answer; a request whose context ends before the answer is cancelled.
type memTransport struct{ h http.Handler }

// errDropped is what a client sees of a dropped connection.
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
