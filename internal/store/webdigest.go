package store

import (
	"context"
	"fmt"
	"math"

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
