package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrNotEmpty reports a copy into an archive that already holds articles
// or channels: Copy adds to nothing.
var ErrNotEmpty = errors.New("the archive to copy into is not empty")

// copied are the tables Copy copies, parents before children, with their
// columns. Leases are left behind: they belong to running processes.
var copied = []struct {
	table, columns string
}{
	{"meta", "key, value"},
	{"articles", "id, source_kind, source_key, name, url, title, outlet, published, first_seen, byline"},
	{"versions", "id, article_id, version, content_hash, body, title, lede, topics, created"},
	{"speakers", "id, name, name_key, surname, kind, role, role_at"},
	{"speaker_aliases", "speaker_id, alias_key, alias"},
	{"version_actors", "version_id, ord, speaker_id, name, role, aliases, kind"},
	{"quotes", "id, version_id, ord, text, start_byte, end_byte, speaker_id, speaker, role, partial, sentence_start, sentence_end"},
	{"positions", "id, version_id, ord, text, start_byte, end_byte, speaker_id, actor"},
	{"version_speakers", "version_id, speaker_id"},
	{"feeds", "url, etag, last_modified, last_checked, last_success, failures, last_error, items"},
	{"feed_items", "feed_url, item_id, seen"},
	{"channels", "id, immediate, digest, slot, digest_at, created"},
	{"deliveries", "id, channel, key, message, state, attempts, due, created, updated, sent_at, message_id, last_error, parts, tried, version_id"},
	{"handled", "id, at"},
}

// identities are the tables whose ids the database hands out: after a
// copy, PostgreSQL's sequences go on from the highest copied.
var identities = []string{"articles", "versions", "speakers", "quotes", "positions", "deliveries"}

// Copy copies the archive from into the empty archive to, all or nothing:
// articles with their versions, speakers, quotes and positions under the
// same ids, the feeds' state, and the outbox as it is, each channel's
// cursors and every delivery, sent or not, and the install id, so that
// what was posted is not posted again and what was not is. The search
// index is built anew, as the backends index differently. It returns how
// many rows it copied by table.
func Copy(ctx context.Context, from, to *DB) (map[string]int, error) {
	n, err := copyArchive(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("copying the archive: %w", err)
	}
	return n, nil
}

func copyArchive(ctx context.Context, from, to *DB) (map[string]int, error) {
	src, err := from.sql.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer src.Rollback()
	dst, err := to.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer dst.Rollback()
	if err := to.lockTx(ctx, dst.tx, lockSave); err != nil {
		return nil, err
	}
	var used int
	if err := dst.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM channels)`).Scan(&used); err != nil {
		return nil, err
	}
	if used > 0 {
		return nil, ErrNotEmpty
	}
	// The install id made with the new archive gives way to the old one.
	if _, err := dst.ExecContext(ctx, `DELETE FROM meta`); err != nil {
		return nil, err
	}
	counts := make(map[string]int)
	for _, c := range copied {
		n, err := copyTable(ctx, src, dst.tx, c.table, c.columns)
		if err != nil {
			return nil, fmt.Errorf("table %s: %w", c.table, err)
		}
		counts[c.table] = n
	}
	// Articles point at their latest versions, which came after them.
	if err := each(ctx, src, `SELECT id, latest_version_id FROM articles WHERE latest_version_id IS NOT NULL`,
		func(rows *sql.Rows) error {
			var id, vid int64
			if err := rows.Scan(&id, &vid); err != nil {
				return err
			}
			_, err := dst.ExecContext(ctx, `UPDATE articles SET latest_version_id = ? WHERE id = ?`, vid, id)
			return err
		}); err != nil {
		return nil, fmt.Errorf("latest versions: %w", err)
	}
	if to.d.postgres {
		for _, t := range identities {
			if _, err := dst.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
				COALESCE((SELECT MAX(id) FROM `+t+`), 0) + 1, false)`); err != nil {
				return nil, fmt.Errorf("ids of %s: %w", t, err)
			}
		}
	}
	if counts["search"], err = reindex(ctx, src, dst.tx); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	if err := dst.Commit(); err != nil {
		return nil, err
	}
	return counts, nil
}

// copyTable copies the rows of a table, the named columns, from src to dst,
// and returns how many.
func copyTable(ctx context.Context, src, dst *tx, table, columns string) (int, error) {
	names := strings.Split(columns, ", ")
	ins, err := dst.PrepareContext(ctx, `INSERT INTO `+table+` (`+columns+`) VALUES (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")+`)`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	n := 0
	err = each(ctx, src, `SELECT `+columns+` FROM `+table, func(rows *sql.Rows) error {
		vals := make([]any, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, name := range names {
			if name == "partial" && dst.d.postgres {
				// SQLite keeps a boolean as 0 or 1.
				vals[i] = vals[i] != nil && vals[i] != int64(0) && vals[i] != false
			}
		}
		n++
		_, err := ins.ExecContext(ctx, vals...)
		return err
	})
	return n, err
}

// reindex adds the search rows of the latest versions in src to dst, as
// Save made them: each quote, each position not inside a quote by the same
// speaker, and each version's topics. It returns how many rows it added.
func reindex(ctx context.Context, src, dst *tx) (int, error) {
	ix, err := newIndexer(ctx, dst)
	if err != nil {
		return 0, err
	}
	defer ix.close()
	n := 0
	latest := `JOIN articles a ON a.latest_version_id = v.id`
	at := `COALESCE(a.published, v.created)`
	add := func(row func(int64) int64) func(rows *sql.Rows) error {
		return func(rows *sql.Rows) error {
			var (
				id            int64
				text, speaker string
				sid           sql.NullInt64
				at            int64
			)
			if err := rows.Scan(&id, &text, &speaker, &sid, &at); err != nil {
				return err
			}
			n++
			return ix.add(ctx, row(id), text, speaker, sid, at)
		}
	}
	if err := each(ctx, src, `SELECT q.id, `+src.d.spanText("q")+`, q.speaker, q.speaker_id, `+at+`
		FROM quotes q JOIN versions v ON v.id = q.version_id `+latest, add(quoteRow)); err != nil {
		return 0, err
	}
	if err := each(ctx, src, `SELECT p.id, `+src.d.spanText("p")+`, p.actor, p.speaker_id, `+at+`
		FROM positions p JOIN versions v ON v.id = p.version_id `+latest+`
		WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.version_id = p.version_id AND q.speaker = p.actor
			AND q.start_byte <= p.start_byte AND p.end_byte <= q.end_byte)`, add(positionRow)); err != nil {
		return 0, err
	}
	err = each(ctx, src, `SELECT v.id, v.topics, `+at+` FROM versions v `+latest, func(rows *sql.Rows) error {
		var (
			vid    int64
			topics string
			at     int64
		)
		if err := rows.Scan(&vid, &topics, &at); err != nil {
			return err
		}
		var list []string
		if err := json.Unmarshal([]byte(topics), &list); err != nil {
			return fmt.Errorf("topics of version %d: %w", vid, err)
		}
		if len(list) > 0 {
			n++
		}
		return ix.addTopics(ctx, vid, list, at)
	})
	return n, err
}
