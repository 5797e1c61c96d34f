package store

import (
	"context"
	"database/sql"
	"sync"
)

// Writes in this process go one at a time through the DB's gate, so that
// they queue in order here instead of racing for SQLite's write lock: a
// writer that loses that race polls for it, and under a steady stream of
// writes (a big folder ingested while the outbox is posted) it can lose
// for longer than the busy timeout and fail with SQLITE_BUSY. The busy
// timeout is left for other processes on the same file.

// writeTx is a write transaction that holds the DB's gate until it ends.
type writeTx struct {
	*tx
	release func()
}

// beginWrite waits for the gate, or until ctx is done, and begins a write
// transaction (BEGIN IMMEDIATE, as the connection's _txlock says).
func (db *DB) beginWrite(ctx context.Context) (*writeTx, error) {
	release, err := db.lockWrite(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		release()
		return nil, err
	}
	return &writeTx{tx: tx, release: release}, nil
}

// Commit commits the transaction and opens the gate.
func (tx *writeTx) Commit() error {
	defer tx.release()
	return tx.Tx.Commit()
}

// Rollback rolls the transaction back, if it is still open, and opens the
// gate.
func (tx *writeTx) Rollback() error {
	defer tx.release()
	return tx.Tx.Rollback()
}

// exec runs one write statement through the gate.
func (db *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	release, err := db.lockWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return db.sql.ExecContext(ctx, query, args...)
}

// lockWrite takes the gate and returns the func that gives it back, which
// may be called more than once. PostgreSQL locks rows, not the database,
// and needs no gate.
func (db *DB) lockWrite(ctx context.Context) (func(), error) {
	if db.d.postgres {
		return func() {}, nil
	}
	select {
	case db.gate <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return sync.OnceFunc(func() { <-db.gate }), nil
}
