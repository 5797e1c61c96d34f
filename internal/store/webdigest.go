package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// Digests returns the digests posted to the channels, the latest first, at
// most limit of them (all when limit is zero or less): what the web
// archive shows of each channel.
func (o *Outbox) Digests(ctx context.Context, limit int) ([]bot.Delivery, error) {
	if limit <= 0 {
		limit = math.MaxInt32 // LIMIT -1 is SQLite's own
	}
	rows, err := o.db.sql.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE key LIKE 'digest:%' AND state = ? ORDER BY sent_at DESC, id DESC LIMIT ?`, string(bot.Sent), limit)
	if err != nil {
		return nil, fmt.Errorf("listing digests: %w", err)
	}
	defer rows.Close()
	var out []bot.Delivery
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, fmt.Errorf("listing digests: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing digests: %w", err)
	}
	return out, nil
}

// Digest returns the digest with the given key made for the channel with
// the given key, whatever its state: the page a digest links to.
// ErrNotFound when there is none.
func (o *Outbox) Digest(ctx context.Context, channel, key string) (bot.Delivery, error) {
	if !strings.HasPrefix(key, "digest:") {
		return bot.Delivery{}, ErrNotFound // a briefing's delivery is no digest
	}
	d, err := scanDelivery(o.db.sql.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE channel = ? AND key = ?`, channel, key))
	if errors.Is(err, sql.ErrNoRows) {
		return bot.Delivery{}, ErrNotFound
	}
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("reading digest %q of %q: %w", key, channel, err)
	}
	return d, nil
}
