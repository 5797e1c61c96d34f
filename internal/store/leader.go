package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"time"
)

// leaderPing is how often a leader checks that its database session, and
// so its lock, is still there: a leader cut off from the database stops
// leading within about this, as another may have taken over.
const leaderPing = time.Second

// Lead runs lead while this replica is the leader called name, one replica
// of those sharing the archive at a time, and returns when ctx is done.
// Whatever must not be done by two at once, such as holding the one
// gateway session a bot may have, is done in lead, which must return soon
// after its ctx is done.
//
// On PostgreSQL the leader holds a session-level advisory lock on a
// connection of its own. The others wait for it in the database: when the
// leader stops or dies, the server ends its session and releases the lock
// (a killed process's connection closes at once; one that vanished with
// its host, when TCP keepalives give up, set here to about 15 seconds), and
// the next replica leads at once. A leader whose session fails stops
// leading. On SQLite, whose archive one process uses, lead runs at once.
func (db *DB) Lead(ctx context.Context, name string, lead func(ctx context.Context)) error {
	if !db.d.postgres {
		db.setLeading(name, true)
		defer db.setLeading(name, false)
		lead(ctx)
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte("briefbot leader " + name))
	key := int64(h.Sum64())
	for wait := time.Second; ctx.Err() == nil; wait = min(2*wait, 30*time.Second) {
		err := db.leadOnce(ctx, key, func(ctx context.Context) {
			db.setLeading(name, true)
			defer db.setLeading(name, false)
			lead(ctx)
		})
		if ctx.Err() != nil {
			break
		}
		if err == nil {
			wait = time.Second
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
		case <-t.C:
		}
		t.Stop()
	}
	return nil
}

func (db *DB) setLeading(name string, on bool) {
	db.leadMu.Lock()
	defer db.leadMu.Unlock()
	if db.leading == nil {
		db.leading = make(map[string]bool)
	}
	if on {
		db.leading[name] = true
	} else {
		delete(db.leading, name)
	}
}

// Leading lists what this replica leads now, by the names given to Lead.
func (db *DB) Leading() []string {
	db.leadMu.Lock()
	defer db.leadMu.Unlock()
	return slices.Sorted(maps.Keys(db.leading))
}

// leadOnce waits for the lock key on a connection of its own, runs lead
// while the connection lasts, and gives the lock up.
func (db *DB) leadOnce(ctx context.Context, key int64, lead func(ctx context.Context)) error {
	c, err := db.sql.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting to lead: %w", err)
	}
	defer c.Close()
	for _, set := range []string{`SET tcp_keepalives_idle = 5`, `SET tcp_keepalives_interval = 2`, `SET tcp_keepalives_count = 5`} {
		if _, err := c.ExecContext(ctx, set); err != nil {
			return fmt.Errorf("connecting to lead: %w", err)
		}
	}
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("waiting to lead: %w", err)
	}
	lctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		lead(lctx)
	}()
	tick := time.NewTicker(leaderPing)
	defer tick.Stop()
	for err == nil {
		select {
		case <-lctx.Done():
			err = lctx.Err()
		case <-done:
			err = fmt.Errorf("leading stopped")
		case <-tick.C:
			pctx, cancel := context.WithTimeout(lctx, leaderPing)
			err = c.PingContext(pctx)
			cancel()
		}
	}
	stop()
	<-done
	uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), leaderPing)
	defer cancel()
	c.ExecContext(uctx, `SELECT pg_advisory_unlock($1)`, key)
	if ctx.Err() != nil {
		return nil
	}
	return fmt.Errorf("leading: %w", err)
}
