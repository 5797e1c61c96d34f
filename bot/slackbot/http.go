package slackbot

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// maxBody bounds a request from Slack; commands and events are small.
const maxBody = 1 << 20

// maxSkew is how far a request's timestamp may be from now, as Slack
// advises, so that a captured request cannot be replayed later.
const maxSkew = 5 * time.Minute

// HTTPHandler serves Slack's HTTP mode: slash commands at POST
// /slack/commands, the Events API at POST /slack/events and the "More"
// buttons' clicks at POST /slack/interactions. Every request
// must carry Slack's signature made with SigningSecret; one that does not
// is answered 401 and not acted on.
type HTTPHandler struct {
	SigningSecret string
	Commands      Handler
	Log           *slog.Logger // nil discards
	// Now is the clock requests' timestamps are checked against; nil means
	// time.Now.
	Now func() time.Time
	// AnswerWithin is how long a command's answer is waited for before
	// Slack is told "Working on it…"; 0 means DefaultAnswerWithin.
	AnswerWithin time.Duration
	// HTTPClient posts late answers to response_url; nil means
	// http.DefaultClient.
	HTTPClient *http.Client
	// FirstSeen, when set, records a command's trigger_id and reports
	// whether it is new: a command Slack delivers again, or a signed
	// request replayed, is answered without running it twice (no second
	// digest). The composition root keeps ids for ten minutes.
	FirstSeen func(ctx context.Context, id string) bool

	wg sync.WaitGroup
}

// Wait waits for the answers still being worked on to be delivered, so
// that a server shutting down does not drop them.
func (h *HTTPHandler) Wait() { h.wg.Wait() }

// ServeHTTP implements http.Handler.
func (h *HTTPHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/slack/commands" && r.URL.Path != "/slack/events" && r.URL.Path != "/slack/interactions" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	now := time.Now
	if h.Now != nil {
		now = h.Now
	}
	if err := verify(r.Header, body, h.SigningSecret, now()); err != nil {
		h.log().WarnContext(r.Context(), "rejected slack request", "path", r.URL.Path, "reason", err, "remote", r.RemoteAddr)
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	if r.URL.Path == "/slack/events" {
		h.event(w, r, body)
		return
	}
	rs := responder{commands: h.Commands, within: h.AnswerWithin, client: h.HTTPClient, log: h.log(), wg: &h.wg, firstSeen: h.FirstSeen}
	if r.URL.Path == "/slack/interactions" {
		h.interaction(w, r, body, rs)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "bad command", http.StatusBadRequest)
		return
	}
	rep := rs.answer(r.Context(), cmd)
	if rep == nil {
		// The answer goes to response_url; an empty 200 shows nothing.
		w.WriteHeader(http.StatusOK)
		return
	}
	writeJSON(w, rep)
}

// event answers the Events API. Only url_verification, Slack's check of
// the Request URL, needs an answer; briefbot subscribes to no events, and
// any other is acknowledged.
func (h *HTTPHandler) event(w http.ResponseWriter, r *http.Request, body []byte) {
	var ev struct {
		Type      string `json:"type"`
		Challenge string `json:"challenge"`
	}
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	if ev.Type == "url_verification" {
		writeJSON(w, map[string]string{"challenge": ev.Challenge})
		return
	}
	h.log().DebugContext(r.Context(), "ignored slack event", "type", ev.Type)
	w.WriteHeader(http.StatusOK)
}

// interaction answers a click on a "More" button: acknowledged at once,
// the next page posted to its response_url when ready.
func (h *HTTPHandler) interaction(w http.ResponseWriter, r *http.Request, body []byte, rs responder) {
	form, err := url.ParseQuery(string(body))
	var cb slack.InteractionCallback
	if err == nil {
		err = json.Unmarshal([]byte(form.Get("payload")), &cb)
	}
	if err != nil {
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	if cb.Type == slack.InteractionTypeBlockActions {
		ctx := context.WithoutCancel(r.Context())
		h.wg.Go(func() { rs.more(ctx, cb) })
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

func (h *HTTPHandler) log() *slog.Logger { return logger(h.Log) }

// Reasons a request is refused; none is shown to the caller.
var (
	errNoSecret     = errors.New("no signing secret configured")
	errMissing      = errors.New("missing signature headers")
	errStale        = errors.New("timestamp outside the 5-minute window")
	errBadSignature = errors.New("signature does not match")
)

// verify checks Slack's v0 signature: "v0=" and the hex HMAC-SHA256, keyed
// with the signing secret, of "v0:<timestamp>:<body>", with the timestamp
// within 5 minutes of now. slack.NewSecretsVerifier does the same but
// reads the clock itself, which a test cannot set.
func verify(header http.Header, body []byte, secret string, now time.Time) error {
	if secret == "" {
		return errNoSecret
	}
	ts, sig := header.Get("X-Slack-Request-Timestamp"), header.Get("X-Slack-Signature")
	if ts == "" || sig == "" {
		return errMissing
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errStale
	}
	if now.Sub(time.Unix(sec, 0)).Abs() > maxSkew {
		return errStale
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return errBadSignature
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil {
		return errBadSignature
	}
	mac := hmac.New(sha256.New, []byte(secret))
	io.WriteString(mac, "v0:"+ts+":")
	mac.Write(body)
	if !hmac.Equal(mac.Sum(nil), got) {
		return errBadSignature
	}
	return nil
}
