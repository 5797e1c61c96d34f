package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// WriteJSON answers who-said or quotes for scripts: one JSON object a line,
// a speaker with their texts (at most 10 speakers) or a quote (at most 50).
func WriteJSON(ctx context.Context, a Archive, w io.Writer, command, words string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	type source struct {
		ArticleID int64     `json:"article_id"`
		Title     string    `json:"title"`
		Published time.Time `json:"published,omitzero"`
	}
	switch command {
	case "who-said":
		hits, _, err := a.WhoSaid(ctx, words, 10)
		if err != nil {
			return err
		}
		type said struct {
			Text string `json:"text"`
			// Quote is false for reported speech: not the speaker's words.
			Quote bool `json:"quote"`
		}
		for _, h := range hits {
			texts := make([]said, len(h.Said))
			for i, s := range h.Said {
				texts[i] = said{s.Text, s.Quote}
			}
			if err := enc.Encode(struct {
				Speaker string `json:"speaker"`
				Role    string `json:"role,omitempty"`
				Kind    string `json:"kind"`
				Said    []said `json:"said"`
				source
			}{h.Speaker, h.Role, h.Kind, texts, source{h.ArticleID, h.Title, h.Published}}); err != nil {
				return err
			}
		}
		return nil
	case "quotes":
		rows, err := a.Quotes(ctx, words, 50)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := enc.Encode(struct {
				Speaker string `json:"speaker"`
				Role    string `json:"role,omitempty"`
				Text    string `json:"text"`
				Partial bool   `json:"partial,omitempty"`
				Context string `json:"context,omitempty"`
				Start   int    `json:"start"`
				End     int    `json:"end"`
				source
			}{r.Speaker, r.Role, r.Text, r.Partial, r.Context, r.Start, r.End, source{r.ArticleID, r.Title, r.Published}}); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("no JSON answer for %q", command)
}
