// Package store is the archive of articles and briefings, in a SQLite
// file or on a PostgreSQL server.
//
// It keeps every version of every article it is given, the quotes and
// positions of each, and the speakers they are attributed to, merged across
// articles, and answers who said what about a topic through a full-text
// index. It uses modernc.org/sqlite, so it needs no cgo, and pgx for
// PostgreSQL, where several replicas of the bot can share one archive.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound reports an article that is not in the archive.
var ErrNotFound = errors.New("not found")

// ErrEmptyQuery reports a search with nothing to search for.
var ErrEmptyQuery = errors.New("empty query")

// The migrations of each backend, numbered each on its own: a change to
// the schema is a file in both folders.
var (
	//go:embed migrations/*.sql
	sqliteMigrations embed.FS
	//go:embed pgmigrations/*.sql
	postgresMigrations embed.FS
)

// DB is an open archive. It is safe for concurrent use.
type DB struct {
	// Now is the clock for first-seen and created times; nil means
	// time.Now. Set it before the first Save.
	Now func() time.Time
	// FileExists reports whether the file with a source key (a path under
	// the seeds folder) is still there, so that Save can tell a renamed
	// file (its old name gone) from a copy; nil means renames are not
	// followed. Set it before the first Save.
	FileExists func(key string) bool
	// LeaseTime is how long the leases this replica takes last unless
	// renewed: a channel's posting (see Outbox.Next), a feed's polling.
	// 0 means 45 seconds. Set it before the archive is used.
	LeaseTime time.Duration

	sql  *conn
	d    *dialect
	gate chan struct{} // held by the one write of this process under way; see write.go
	// replica names this process to the others sharing the archive, in
	// the leases it holds.
	replica string
	// leading is what this replica leads now (see Lead).
	leadMu  sync.Mutex
	leading map[string]bool
}

// Open opens the archive at path, creating it if need be, and brings its
// schema up to date. A path that is a postgres:// or postgresql:// URL
// opens the archive on that PostgreSQL database (see IsPostgres); anything
// else is a SQLite file.
//
// A SQLite database is in WAL mode, so readers do not wait for a writer;
// the writes of this process take turns (see write.go), and each waits up
// to five seconds for a lock another process holds.
func Open(ctx context.Context, path string) (*DB, error) {
	if IsPostgres(path) {
		return openPostgres(ctx, path)
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("opening archive %q: %w", path, err)
	}
	return start(ctx, sqldb, &dialect{}, path)
}

// start migrates a database just opened and returns the archive on it;
// name is for errors.
func start(ctx context.Context, sqldb *sql.DB, d *dialect, name string) (*DB, error) {
	db := &DB{sql: &conn{DB: sqldb, d: d}, d: d, gate: make(chan struct{}, 1), replica: newReplicaID()}
	if _, err := db.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("opening archive %q: %w", name, err)
	}
	return db, nil
}

// IsPostgres reports whether path names a PostgreSQL database rather than
// a SQLite file.
func IsPostgres(path string) bool {
	return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
}

// Postgres reports whether the archive is on PostgreSQL.
func (db *DB) Postgres() bool { return db.d.postgres }

// dsn is the driver's name for the file at path with the settings every
// connection needs. The name is a file: URI so that a '?' or '#' in path is
// taken for part of the name; write transactions take the write lock when
// they begin, so two writers never deadlock upgrading a read lock.
func dsn(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
	return "file:" + esc + "?_txlock=immediate" +
		"&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)"
}

// Close gives up the leases this replica holds, so that another can take
// them at once, and closes the archive.
func (db *DB) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := db.exec(ctx, `DELETE FROM leases WHERE holder = ?`, db.replica)
	if err != nil {
		err = fmt.Errorf("giving up leases: %w", err)
	}
	return errors.Join(err, db.sql.Close())
}

func (db *DB) now() time.Time {
	if db.Now != nil {
		return db.Now()
	}
	return time.Now()
}

// migration is one schema change, numbered by the prefix of its file name.
type migration struct {
	version int
	name    string
}

// migrate applies the migrations the database has not applied, in order,
// in one transaction, and reports how many it applied.
func (db *DB) migrate(ctx context.Context) (applied int, err error) {
	files, dir := sqliteMigrations, "migrations"
	if db.d.postgres {
		files, dir = postgresMigrations, "pgmigrations"
	}
	list, err := listMigrations(files, dir)
	if err != nil {
		return 0, err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrating: %w", err)
	}
	defer tx.Rollback()
	// Replicas started together take turns: the first migrates, the
	// others find it done. SQLite's write lock does this already.
	if err := db.lockTx(ctx, tx.tx, lockMigrate); err != nil {
		return 0, fmt.Errorf("migrating: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name    TEXT    NOT NULL,
		applied BIGINT  NOT NULL
	)`); err != nil {
		return 0, fmt.Errorf("migrating: %w", err)
	}
	done, err := appliedMigrations(ctx, tx.tx)
	if err != nil {
		return 0, fmt.Errorf("migrating: %w", err)
	}
	for _, m := range list {
		if name, ok := done[m.version]; ok {
			if name != m.name {
				return 0, fmt.Errorf("migrating: the archive's migration %d is %s, not %s", m.version, name, m.name)
			}
			continue
		}
		script, err := files.ReadFile(dir + "/" + m.name)
		if err != nil {
			return 0, fmt.Errorf("migrating to %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			return 0, fmt.Errorf("migrating to %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)`,
			m.version, m.name, db.now().UnixNano()); err != nil {
			return 0, fmt.Errorf("migrating to %s: %w", m.name, err)
		}
		applied++
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("migrating: %w", err)
	}
	return applied, nil
}

// renumbered are migrations renamed after archives had applied them, by
// their old name: pg12 numbered the leases 0008 until main's web archive
// took that number.
var renumbered = map[string]migration{
	"0008_leases.sql": {version: 9, name: "0009_leases.sql"},
}

// appliedMigrations are the names of the migrations the archive has
// applied, by version, with the renumbered ones given their new numbers
// and names, in schema_version too. A migration may be missing below the
// newest applied: an archive of pg12's lacks 0008_web_sources.sql.
func appliedMigrations(ctx context.Context, tx *tx) (map[int]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT version, name FROM schema_version`)
	if err != nil {
		return nil, err
	}
	var list []migration
	for rows.Next() {
		var m migration
		if err := rows.Scan(&m.version, &m.name); err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	done := map[int]string{}
	for _, m := range list {
		done[m.version] = m.name
	}
	for _, old := range list {
		m, ok := renumbered[old.name]
		if !ok {
			continue
		}
		if taken, ok := done[m.version]; ok {
			return nil, fmt.Errorf("migration %s is to become %d, which is %s", old.name, m.version, taken)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?, name = ? WHERE version = ?`,
			m.version, m.name, old.version); err != nil {
			return nil, fmt.Errorf("renumbering migration %s: %w", old.name, err)
		}
		delete(done, old.version)
		done[m.version] = m.name
	}
	return done, nil
}

// listMigrations lists the embedded migrations in order. A file is named
// for its version: 0001_init.sql is version 1.
func listMigrations(files fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(files, dir)
	if err != nil {
		return nil, fmt.Errorf("listing migrations: %w", err)
	}
	var list []migration
	for _, e := range entries {
		digits, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(digits)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %q: name does not start with a version number", e.Name())
		}
		list = append(list, migration{version: v, name: e.Name()})
	}
	slices.SortFunc(list, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(list); i++ {
		if list[i].version == list[i-1].version {
			return nil, fmt.Errorf("migrations %q and %q have the same version", list[i-1].name, list[i].name)
		}
	}
	return list, nil
}

// unixNano is t for the database: nil for the zero time, so that an unknown
// date stays unknown.
func unixNano(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

// fromUnixNano undoes unixNano.
func fromUnixNano(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
