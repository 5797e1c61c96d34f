package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// JSONPage is how much of an answer WriteJSON writes: page Page (from 1)
// of Limit lines (all when Limit is 0; when it is less, 10 speakers or 50
// quotes).
type JSONPage struct{ Page, Limit int }

// Default page sizes of the JSON answers: a script can ask for more.
const (
	jsonSpeakers = 10
	jsonQuotes   = 50
)

// WriteJSON answers who-said or quotes for scripts: one JSON object a line,
// a speaker with their texts or a quote, as much as p says. words may hold
// filters, as in chat (since:7d source:afp); now is the time since:7d
// counts back from. A name that fits several speakers is answered with one
// object, {"candidates": [...]}.
func WriteJSON(ctx context.Context, a Archive, w io.Writer, command, words string, p JSONPage, now time.Time) error {
	q, err := ParseQuery(words, now)
	if err != nil {
		return err
	}
	limit := p.Limit
	if limit < 0 {
		limit = jsonSpeakers
		if command == "quotes" {
			limit = jsonQuotes
		}
	}
	offset := (max(p.Page, 1) - 1) * limit
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	type source struct {
		ArticleID int64     `json:"article_id"`
		Title     string    `json:"title"`
		Published time.Time `json:"published,omitzero"`
	}
	switch command {
	case "who-said":
		hits, _, err := a.WhoSaid(ctx, q, offset, limit)
		if err != nil {
			return err
		}
		type said struct {
			Text string `json:"text"`
			// Quote is false for reported speech: not the speaker's words.
			Quote bool `json:"quote"`
			// Source is the text's article when it is not the hit's,
			// Also the others that carry the same words.
			Source *source  `json:"source,omitempty"`
			Also   []source `json:"also,omitempty"`
		}
		for _, h := range hits {
			texts := make([]said, len(h.Said))
			for i, s := range h.Said {
				texts[i] = said{Text: s.Text, Quote: s.Quote}
				if hit := (Cite{h.ArticleID, h.Title, h.Published}); s.Source.ArticleID != 0 && !s.Source.same(hit) {
					texts[i].Source = &source{s.Source.ArticleID, s.Source.Title, s.Source.Published}
				}
				for _, a := range s.Also {
					texts[i].Also = append(texts[i].Also, source{a.ArticleID, a.Title, a.Published})
				}
			}
			if err := enc.Encode(struct {
				SpeakerID int64  `json:"speaker_id"`
				Speaker   string `json:"speaker"`
				Role      string `json:"role,omitempty"`
				Kind      string `json:"kind"`
				Said      []said `json:"said"`
				source
			}{h.SpeakerID, h.Speaker, h.Role, h.Kind, texts, source{h.ArticleID, h.Title, h.Published}}); err != nil {
				return err
			}
		}
		return nil
	case "quotes":
		res, err := a.Quotes(ctx, q, offset, limit)
		if err != nil {
			return err
		}
		if len(res.Candidates) > 0 {
			return enc.Encode(struct {
				Candidates []string `json:"candidates"`
			}{res.Candidates})
		}
		for _, r := range res.Rows {
			also := make([]source, len(r.Also))
			for i, c := range r.Also {
				also[i] = source{c.ArticleID, c.Title, c.Published}
			}
			if err := enc.Encode(struct {
				Speaker string `json:"speaker"`
				Role    string `json:"role,omitempty"`
				Text    string `json:"text"`
				Partial bool   `json:"partial,omitempty"`
				Context string `json:"context,omitempty"`
				Start   int    `json:"start"`
				End     int    `json:"end"`
				source
				Also []source `json:"also,omitempty"`
			}{r.Speaker, r.Role, r.Text, r.Partial, r.Context, r.Start, r.End, source{r.ArticleID, r.Title, r.Published}, also}); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("no JSON answer for %q", command)
}
