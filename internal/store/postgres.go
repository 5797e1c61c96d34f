package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// maxPostgresConns bounds the connections one replica opens: a few for
// the dispatcher's channels, the ingest and the commands at once, so that
// several replicas stay well under a server's max_connections.
const maxPostgresConns = 16

// openPostgres opens the archive on the PostgreSQL database at the URL
// dsn.
func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	sqldb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening archive %q: %w", Redact(dsn), err)
	}
	sqldb.SetMaxOpenConns(maxPostgresConns)
	sqldb.SetMaxIdleConns(maxPostgresConns)
	return start(ctx, sqldb, &dialect{postgres: true}, Redact(dsn))
}

// Redact is the URL of a database without its password, for logs and
// errors; a SQLite path is returned as it is.
func Redact(path string) string {
	if !IsPostgres(path) {
		return path
	}
	u, err := url.Parse(path)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// Transaction-level advisory locks: the key of each thing that replicas
// sharing a PostgreSQL archive do one at a time.
const (
	lockMigrate int64 = 0x62726966_0001 // "brif" and a number
	lockSave    int64 = 0x62726966_0002
)

// lockTx takes the transaction-level advisory lock key on PostgreSQL,
// waiting for it; it is released when tx ends. On SQLite, whose write
// transactions exclude each other already, it does nothing.
func (db *DB) lockTx(ctx context.Context, tx *tx, key int64) error {
	if !db.d.postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, key)
	return err
}

// newReplicaID names this process in the leases it takes: the host name,
// so that an operator can tell replicas apart, and random bytes, so that
// a restarted process is not taken for the one before it.
func newReplicaID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "briefbot"
	}
	var b [4]byte
	rand.Read(b[:])
	return host + "-" + hex.EncodeToString(b[:])
}

// Replica is the name this process goes by in the leases it holds.
func (db *DB) Replica() string { return db.replica }

// SetReplica sets the name this process goes by in the leases it holds;
// call it before the archive is used, if at all.
func (db *DB) SetReplica(name string) { db.replica = name }
