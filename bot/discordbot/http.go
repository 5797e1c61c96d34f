package discordbot

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxInteractionBody bounds what the endpoint reads of a request.
const maxInteractionBody = 1 << 20

// maxSkew is how old (or how far ahead) a request's signed timestamp may
// be: as Slack's, so that a captured request cannot be replayed later.
const maxSkew = 5 * time.Minute

// HTTPHandler returns the interactions endpoint, to serve at
// POST /discord/interactions and give Discord as the application's
// interactions endpoint URL. A request must be signed with the key whose
// public half is publicKey (the application's public key), else it is
// answered 401. Follow-ups go through s and stop when ctx is done, which
// is why ctx is not the request's: they outlive it.
func (in *Interactions) HTTPHandler(ctx context.Context, s *discordgo.Session, publicKey ed25519.PublicKey) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxInteractionBody)
		// VerifyInteraction reads the body and puts it back for us.
		if !discordgo.VerifyInteraction(r, publicKey) {
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		if !in.fresh(r.Header.Get("X-Signature-Timestamp")) {
			in.log().WarnContext(ctx, "rejected discord interaction", "reason", "timestamp outside the 5-minute window", "remote", r.RemoteAddr)
			http.Error(w, "stale request", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "reading body", http.StatusBadRequest)
			return
		}
		var i discordgo.Interaction
		if err := json.Unmarshal(body, &i); err != nil {
			http.Error(w, "malformed interaction", http.StatusBadRequest)
			return
		}

		ctx, cancel := context.WithTimeout(ctx, tokenLife)
		resp, later := in.answer(ctx, s, &i)
		if resp == nil {
			cancel()
			http.Error(w, "unsupported interaction type", http.StatusBadRequest)
			return
		}
		if later != nil {
			// Counted before the response is sent, so that Wait, called
			// once it is received, waits for the follow-ups.
			in.wg.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(resp); err != nil {
			in.log().WarnContext(ctx, "writing discord interaction response", "err", err)
		}
		if later == nil {
			cancel()
			return
		}
		// The response must reach Discord before any follow-up.
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		go func() {
			defer in.wg.Done()
			defer cancel()
			later()
		}()
	})
}

// fresh reports whether a request's timestamp (Unix seconds) is within
// maxSkew of now.
func (in *Interactions) fresh(timestamp string) bool {
	sec, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	skew := in.now().Sub(time.Unix(sec, 0))
	return skew <= maxSkew && skew >= -maxSkew
}
