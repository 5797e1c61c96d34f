package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrLeased reports a change to what another replica holds the lease of:
// a delivery of a channel it is posting to.
var ErrLeased = errors.New("leased by another replica")

// defaultLease is how long a lease lasts unless renewed: longer than a
// post may take (the dispatcher's PostTimeout, 30 seconds), so that a
// replica never posts under a lease that has run out; short enough that
// a dead replica's channels are taken over within a minute.
const defaultLease = 45 * time.Second

func (db *DB) leaseTime() time.Duration {
	if db.LeaseTime > 0 {
		return db.LeaseTime
	}
	return defaultLease
}

// Lease takes or renews, for d from now, the lease called name for this
// replica, and reports whether this replica holds it: a lease another
// replica holds and has not let run out is left to it. A replica that
// stops renewing a lease, as a dead one does, loses it when it runs out.
func (db *DB) Lease(ctx context.Context, name string, d time.Duration) (bool, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, fmt.Errorf("taking lease %q: %w", name, err)
	}
	defer tx.Rollback()
	held, err := db.lease(ctx, tx.tx, name, d)
	if err != nil {
		return false, fmt.Errorf("taking lease %q: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("taking lease %q: %w", name, err)
	}
	return held, nil
}

// lease is Lease in a write transaction: one conditional upsert, which
// takes the lease when it is free, run out or this replica's already, and
// returns a row only then. On PostgreSQL, replicas taking one lease at once
// queue on its row, and each sees the others' outcome.
//
// It was first a SELECT … FOR UPDATE SKIP LOCKED then an UPDATE, which
// the issue suggested; but a holder renewing its lease skipped the row
// while another replica was only looking at it, took that for losing it,
// and left its channel idle until the next poll.
func (db *DB) lease(ctx context.Context, tx *tx, name string, d time.Duration) (bool, error) {
	now := leaseClock()
	var holder string
	err := tx.QueryRowContext(ctx, `
		INSERT INTO leases (name, holder, until) VALUES (?1, ?2, ?3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
		WHERE leases.holder = excluded.holder OR leases.until <= ?4
		RETURNING holder`,
		name, db.replica, now.Add(d).UnixNano(), now.UnixNano()).Scan(&holder)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Leases returns the leases this replica holds now, by name, with when
// each runs out unless renewed.
func (db *DB) Leases(ctx context.Context) (map[string]time.Time, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT name, until FROM leases WHERE holder = ? AND until > ? ORDER BY name`,
		db.replica, leaseClock().UnixNano())
	if err != nil {
		return nil, fmt.Errorf("listing leases: %w", err)
	}
	defer rows.Close()
	out := make(map[string]time.Time)
	for rows.Next() {
		var (
			name  string
			until int64
		)
		if err := rows.Scan(&name, &until); err != nil {
			return nil, fmt.Errorf("listing leases: %w", err)
		}
		out[name] = time.Unix(0, until).UTC()
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing leases: %w", err)
	}
	return out, nil
}

// leaseClock is the clock of leases: the real one, shared by the replicas
// (whose clocks must agree within a fraction of a lease), not DB.Now, which
// tests set to dates in the past.
func leaseClock() time.Time { return time.Now() }

// channelLease names the lease of posting to a channel.
func channelLease(channel string) string { return "channel:" + channel }

// FeedLease names the lease of polling the feed at url.
func FeedLease(url string) string { return "feed:" + url }
