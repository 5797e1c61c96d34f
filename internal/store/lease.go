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

// lease is Lease in a write transaction. The lease's row is claimed FOR
// UPDATE SKIP LOCKED: a replica never waits for another that is taking
// the same lease; it leaves the lease to it.
func (db *DB) lease(ctx context.Context, tx *tx, name string, d time.Duration) (bool, error) {
	now := leaseClock()
	var (
		holder string
		until  int64
	)
	err := tx.QueryRowContext(ctx, `SELECT holder, until FROM leases WHERE name = ?`+db.d.skipLocked(), name).
		Scan(&holder, &until)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// New, or being taken by another replica this moment.
		res, err := tx.ExecContext(ctx, `INSERT INTO leases (name, holder, until) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			name, db.replica, now.Add(d).UnixNano())
		if err != nil {
			return false, err
		}
		n, err := res.RowsAffected()
		return n == 1, err
	case err != nil:
		return false, err
	case holder != db.replica && until > now.UnixNano():
		return false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE leases SET holder = ?, until = ? WHERE name = ?`,
		db.replica, now.Add(d).UnixNano(), name)
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
