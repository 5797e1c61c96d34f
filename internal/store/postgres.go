package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
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

// lockSaving is the first key of the advisory lock each save holds on
// PostgreSQL while it lasts, the second a number of its own (see
// published).
const lockSaving int32 = 0x62726973 // "bris"

// saving marks tx, on PostgreSQL, as a save in progress until it ends,
// before it takes any version's id: a transaction-level advisory lock on
// lockSaving and a random number, which no other save waits for (two
// that drew the same number would take turns, which costs only time).
func (db *DB) saving(ctx context.Context, tx *tx) error {
	if !db.d.postgres {
		return nil
	}
	var b [4]byte
	rand.Read(b[:])
	token := int32(binary.LittleEndian.Uint32(b[:]) >> 1) // not negative, as pg_locks shows it
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))`, lockSaving, token)
	return err
}

// published is the id up to which the versions are all there on
// PostgreSQL: saves run side by side, and one that took a version's id
// may commit after another that took a later one, which a channel's
// cursor, gone past the later, would never go back for. It waits for the
// saves in progress (see saving) and returns the newest id committed
// before it looked for them: a save that took an id up to that one had
// begun by then, and is now committed or undone. A save that begins
// meanwhile takes later ids, read the next time. On SQLite, whose writers
// take turns, every id is.
func (db *DB) published(ctx context.Context) (int64, error) {
	if !db.d.postgres {
		return math.MaxInt64, nil
	}
	var top sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(id) FROM versions`).Scan(&top); err != nil {
		return 0, err
	}
	// Each lock is taken as it is read from pg_locks, once the save
	// holding it has ended, and let go with the statement.
	if _, err := db.sql.ExecContext(ctx, `
		SELECT pg_advisory_xact_lock_shared(CAST(?1 AS INTEGER), CAST(CAST(objid AS BIGINT) AS INTEGER)) FROM pg_locks
		WHERE locktype = 'advisory' AND classid = CAST(?1 AS INTEGER)::oid AND objsubid = 2 AND granted`,
		lockSaving); err != nil {
		return 0, err
	}
	return top.Int64, nil
}

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
