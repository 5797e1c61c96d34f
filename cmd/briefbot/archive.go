package main

import (
	"context"
	"errors"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

// archive adapts the SQLite store to what the bot's commands read.
type archive struct{ db *store.DB }

var _ bot.Archive = archive{}

func (a archive) WhoSaid(ctx context.Context, topic string, limit int) ([]bot.Hit, int, error) {
	hits, more, err := a.db.WhoSaid(ctx, topic, limit)
	if errors.Is(err, store.ErrEmptyQuery) {
		return nil, 0, nil
	}
	out := make([]bot.Hit, len(hits))
	for i, h := range hits {
		said := make([]bot.Said, len(h.Said))
		for j, s := range h.Said {
			said[j] = bot.Said{Text: s.Text, Quote: s.Quote}
		}
		out[i] = bot.Hit{Speaker: h.Speaker, Role: h.Role, Said: said, ArticleID: h.ArticleID, Title: h.Title, Published: h.Published}
	}
	return out, more, err
}

func (a archive) Quotes(ctx context.Context, speaker string, limit int) ([]bot.QuoteRow, error) {
	rows, err := a.db.Quotes(ctx, speaker, limit)
	out := make([]bot.QuoteRow, len(rows))
	for i, r := range rows {
		out[i] = bot.QuoteRow{Speaker: r.Speaker, Role: r.Role, Text: r.Text, Context: r.Context, ArticleID: r.ArticleID, Title: r.Title, Published: r.Published}
	}
	return out, err
}

func (a archive) Briefing(ctx context.Context, id int64) (summarize.Briefing, string, error) {
	art, b, src, err := a.db.Briefing(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		err = bot.ErrNotFound
	}
	// The same "Source:" line as the briefing's post.
	source := art.Source
	if source == "" {
		source = src.Name
	}
	return b, bot.Credit(source, art.Byline), err
}

func (a archive) Latest(ctx context.Context) (int64, error) {
	id, err := a.db.Latest(ctx)
	if errors.Is(err, store.ErrNotFound) {
		err = bot.ErrNotFound
	}
	return id, err
}
