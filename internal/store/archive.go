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

// WhoSaid and Quotes, with the filters and pages the commands take, are
// in webquery.go.

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
