package pipeline

import (
	"context"
	"log/slog"
	"time"

	"github.com/briefbot/briefbot/internal/store"
)

// OutboxKept is how long sent and failed posts stay in the outbox, for
// /sources and for whoever looks into the archive.
const OutboxKept = 30 * 24 * time.Hour

// PruneOutbox deletes sent and failed posts older than OutboxKept on start
// and daily, until ctx is done. A failed pruning is logged and tried again
// the next day: it loses nothing.
func PruneOutbox(ctx context.Context, o *store.Outbox, log *slog.Logger) {
	for {
		n, err := o.Prune(ctx, time.Now().Add(-OutboxKept))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("pruning the outbox failed", "err", err)
		case n > 0:
			log.Info("pruned the outbox", "deliveries", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(24 * time.Hour):
		}
	}
}
