package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Claim is what ClaimFiles found of one file.
type Claim struct {
	// Mine is true when this replica now holds the claim and is to brief
	// the file.
	Mine bool
	// Done is true when the file is archived already (Doc.Claim).
	Done bool
	// Until is when another replica's claim runs out, after which this
	// one may take it; zero when Mine or Done.
	Until time.Time
}

// ClaimFiles claims, for this replica, the files of a shared seeds folder
// with the given keys (see the claims table), in one transaction: a file
// is this replica's to brief when no claim on it is done and any other
// replica's has run out. A claim lasts the lease time; it is done when the
// file's Doc, naming it, is saved, and released by ReleaseFiles.
//
// Of several replicas claiming the same files at once, each file goes to
// one: on PostgreSQL they queue on each claim's row and see each other's
// outcome, in the same (sorted) order, so they never wait on each other in
// a circle.
func (db *DB) ClaimFiles(ctx context.Context, keys []string) ([]Claim, error) {
	out := make([]Claim, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	list, err := json.Marshal(slices.Compact(sorted))
	if err != nil {
		return nil, err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("claiming %d files: %w", len(keys), err)
	}
	defer tx.Rollback()
	now := leaseClock()
	// One statement for them all: a round trip a chunk of files, not one
	// a file.
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO claims (key, holder, until, done)
		SELECT value, ?2, CAST(?3 AS BIGINT), 0 FROM `+db.d.texts("?1")+` AS k
		WHERE true -- the parser of SQLite needs it before ON CONFLICT
		ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, until = excluded.until
		WHERE claims.done = 0 AND (claims.holder = excluded.holder OR claims.until <= ?4)`,
		string(list), db.replica, now.Add(db.leaseTime()).UnixNano(), now.UnixNano()); err != nil {
		return nil, fmt.Errorf("claiming %d files: %w", len(keys), err)
	}
	found := make(map[string]Claim, len(keys))
	if err := each(ctx, tx.tx, `SELECT key, holder, until, done FROM claims WHERE key IN `+db.d.texts("?1"),
		func(rows *sql.Rows) error {
			var (
				key, holder string
				until       int64
				done        int
			)
			if err := rows.Scan(&key, &holder, &until, &done); err != nil {
				return err
			}
			switch {
			case done != 0:
				found[key] = Claim{Done: true}
			case holder == db.replica:
				found[key] = Claim{Mine: true}
			default:
				found[key] = Claim{Until: time.Unix(0, until)}
			}
			return nil
		}, string(list)); err != nil {
		return nil, fmt.Errorf("claiming %d files: %w", len(keys), err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("claiming %d files: %w", len(keys), err)
	}
	for i, k := range keys {
		out[i] = found[k]
	}
	return out, nil
}

// ReleaseFiles gives up this replica's claims on files it will not archive
// (refused, or not read), so that they are looked at again: by another
// replica now, by this one on its next start.
func (db *DB) ReleaseFiles(ctx context.Context, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	if _, err := db.exec(ctx, `DELETE FROM claims WHERE holder = ?1 AND done = 0 AND key IN `+db.d.texts("?2"),
		db.replica, string(list)); err != nil {
		return fmt.Errorf("releasing %d files: %w", len(keys), err)
	}
	return nil
}
