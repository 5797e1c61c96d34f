package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Speakers returns up to limit speakers' names, most quoted first, whose
// name, surname or an alias starts with prefix, in any case: what a chat
// platform offers while someone types /quotes. An empty prefix gives the
// most quoted of all.
func (db *DB) Speakers(ctx context.Context, prefix string, limit int) ([]string, error) {
	p := likePrefix(prefix)
	return db.strings(ctx, "completing speakers", `
		SELECT s.name FROM speakers s
		WHERE s.name_key LIKE ?1 ESCAPE '\' OR s.surname LIKE ?1 ESCAPE '\' OR
			EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = s.id AND a.alias_key LIKE ?1 ESCAPE '\')
		ORDER BY (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = s.id) DESC, s.name
		LIMIT ?2`, p, limit)
}

// Topics returns up to limit topics of the archive's latest versions,
// those in most articles first, that start with prefix in any case: what a
// chat platform offers while someone types /who-said.
func (db *DB) Topics(ctx context.Context, prefix string, limit int) ([]string, error) {
	return db.strings(ctx, "completing topics", `
		SELECT MIN(t.value) FROM articles a
		JOIN versions v ON v.id = a.latest_version_id, `+db.d.jsonEach("v.topics", "t")+`
		WHERE lower(t.value) LIKE ?1 ESCAPE '\'
		GROUP BY lower(t.value)
		ORDER BY COUNT(*) DESC, MIN(t.value)
		LIMIT ?2`, likePrefix(prefix), limit)
}

// likePrefix is a LIKE pattern for what starts with prefix, lower-cased,
// with LIKE's own wildcards escaped.
func likePrefix(prefix string) string {
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return esc.Replace(strings.ToLower(strings.TrimSpace(prefix))) + "%"
}

func (db *DB) strings(ctx context.Context, what, query string, args ...any) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, s.String)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}
