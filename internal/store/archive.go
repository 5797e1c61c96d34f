package store

import (
	"context"
	"errors"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/summarize"
)

// Archive is the archive as the bot's commands read it.
type Archive struct{ db *DB }

var _ bot.Archive = Archive{}

// Archive returns the archive as the bot's commands read it.
func (db *DB) Archive() Archive { return Archive{db: db} }

// WhoSaid answers /who-said: a query with no words finds nothing.
func (a Archive) WhoSaid(ctx context.Context, topic string, limit int) ([]bot.Hit, int, error) {
	hits, more, err := a.db.WhoSaid(ctx, topic, limit)
	if errors.Is(err, ErrEmptyQuery) {
		return nil, 0, nil
	}
	out := make([]bot.Hit, len(hits))
	for i, h := range hits {
		said := make([]bot.Said, len(h.Said))
		for j, s := range h.Said {
			said[j] = bot.Said{Text: s.Text, Quote: s.Quote}
		}
		out[i] = bot.Hit{Speaker: h.Speaker, Role: h.Role, Kind: h.Kind, Said: said, ArticleID: h.ArticleID, Title: h.Title, Published: h.Published}
	}
	return out, more, err
}

// Quotes answers /quotes.
func (a Archive) Quotes(ctx context.Context, speaker string, limit int) ([]bot.QuoteRow, error) {
	rows, err := a.db.Quotes(ctx, speaker, limit)
	out := make([]bot.QuoteRow, len(rows))
	for i, r := range rows {
		out[i] = bot.QuoteRow{Speaker: r.Speaker, Role: r.Role, Text: r.Text, Context: r.Context,
			Partial: r.Partial, Start: r.Start, End: r.End, ArticleID: r.ArticleID, Title: r.Title, Published: r.Published}
	}
	return out, err
}

// Briefing answers /brief with a briefing and its "Source:" line.
func (a Archive) Briefing(ctx context.Context, id int64) (summarize.Briefing, string, error) {
	art, b, src, err := a.db.Briefing(ctx, id)
	if errors.Is(err, ErrNotFound) {
		err = bot.ErrNotFound
	}
	// The same "Source:" line as the briefing's post.
	source := art.Source
	if source == "" {
		source = src.Name
	}
	return b, bot.Credit(source, art.Byline), err
}

// Latest is the newest article's id.
func (a Archive) Latest(ctx context.Context) (int64, error) {
	id, err := a.db.Latest(ctx)
	if errors.Is(err, ErrNotFound) {
		err = bot.ErrNotFound
	}
	return id, err
}
