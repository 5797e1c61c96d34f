package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/briefbot/briefbot/summarize"
)

// On PostgreSQL each statement is a round trip to the server: the rows of
// many kinds, a dozen or more an article, go in one statement each, as a
// JSON array of records. On SQLite, in the same process, a prepared
// statement a row is cheaper than reading JSON.

// quoteRecord and positionRecord are rows of quotes and positions, and
// actorRecord of version_actors, as PostgreSQL's json_to_recordset reads
// them.
type quoteRecord struct {
	Ord           int    `json:"ord"`
	Text          string `json:"text"`
	Start         int    `json:"start_byte"`
	End           int    `json:"end_byte"`
	SpeakerID     any    `json:"speaker_id"`
	Speaker       string `json:"speaker"`
	Role          string `json:"role"`
	Partial       bool   `json:"partial"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
}

type positionRecord struct {
	Ord       int    `json:"ord"`
	Text      string `json:"text"`
	Start     int    `json:"start_byte"`
	End       int    `json:"end_byte"`
	SpeakerID any    `json:"speaker_id"`
	Actor     string `json:"actor"`
}

type actorRecord struct {
	Ord       int    `json:"ord"`
	SpeakerID any    `json:"speaker_id"`
	Name      string `json:"name"`
	Role      string `json:"role"`
	Aliases   string `json:"aliases"`
	Kind      string `json:"kind"`
}

// nullJSON is a sql.NullInt64 for a record: a number, or nil for null.
func nullJSON(n sql.NullInt64) any {
	if n.Valid {
		return n.Int64
	}
	return nil
}

// insertQuotes inserts a version's quotes, with the speaker of each, and
// returns their ids in order.
func (s *saver) insertQuotes(ctx context.Context, vid int64, body string, quotes []summarize.Quote, sids []sql.NullInt64) ([]int64, error) {
	ids := make([]int64, len(quotes))
	if !s.tx.d.postgres {
		for i, q := range quotes {
			var err error
			if ids[i], err = s.insertID(ctx, `
				INSERT INTO quotes (version_id, ord, text, start_byte, end_byte, speaker_id, speaker, role, partial, sentence_start, sentence_end)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				vid, i, ownText(body, q.Text, q.Start, q.End), q.Start, q.End, sids[i], q.Speaker, q.Role, q.Partial, q.SentenceStart, q.SentenceEnd); err != nil {
				return nil, err
			}
		}
		return ids, nil
	}
	recs := make([]quoteRecord, len(quotes))
	for i, q := range quotes {
		recs[i] = quoteRecord{i, ownText(body, q.Text, q.Start, q.End), q.Start, q.End, nullJSON(sids[i]), q.Speaker, q.Role, q.Partial, q.SentenceStart, q.SentenceEnd}
	}
	return s.insertRecords(ctx, `
		INSERT INTO quotes (version_id, ord, text, start_byte, end_byte, speaker_id, speaker, role, partial, sentence_start, sentence_end)
		SELECT ?1, r.ord, r.text, r.start_byte, r.end_byte, r.speaker_id, r.speaker, r.role, r.partial, r.sentence_start, r.sentence_end
		FROM json_to_recordset(?2::json) AS r(ord INTEGER, text TEXT, start_byte INTEGER, end_byte INTEGER, speaker_id BIGINT,
			speaker TEXT, role TEXT, partial BOOLEAN, sentence_start INTEGER, sentence_end INTEGER)
		ORDER BY r.ord
		RETURNING id, ord`, vid, recs, len(recs))
}

// insertPositions inserts a version's positions and returns their ids in
// order.
func (s *saver) insertPositions(ctx context.Context, vid int64, body string, positions []summarize.Position, sids []sql.NullInt64) ([]int64, error) {
	ids := make([]int64, len(positions))
	if !s.tx.d.postgres {
		for i, p := range positions {
			var err error
			if ids[i], err = s.insertID(ctx, `
				INSERT INTO positions (version_id, ord, text, start_byte, end_byte, speaker_id, actor)
				VALUES (?, ?, ?, ?, ?, ?, ?)`,
				vid, i, ownText(body, p.Text, p.Start, p.End), p.Start, p.End, sids[i], p.Actor); err != nil {
				return nil, err
			}
		}
		return ids, nil
	}
	recs := make([]positionRecord, len(positions))
	for i, p := range positions {
		recs[i] = positionRecord{i, ownText(body, p.Text, p.Start, p.End), p.Start, p.End, nullJSON(sids[i]), p.Actor}
	}
	return s.insertRecords(ctx, `
		INSERT INTO positions (version_id, ord, text, start_byte, end_byte, speaker_id, actor)
		SELECT ?1, r.ord, r.text, r.start_byte, r.end_byte, r.speaker_id, r.actor
		FROM json_to_recordset(?2::json) AS r(ord INTEGER, text TEXT, start_byte INTEGER, end_byte INTEGER, speaker_id BIGINT, actor TEXT)
		ORDER BY r.ord
		RETURNING id, ord`, vid, recs, len(recs))
}

// insertRecords runs an INSERT of the records recs, as JSON, for version
// vid, which returns each row's id and ord, and returns the ids by ord.
func (s *saver) insertRecords(ctx context.Context, query string, vid int64, recs any, n int) ([]int64, error) {
	ids := make([]int64, n)
	if n == 0 {
		return ids, nil
	}
	list, err := json.Marshal(recs)
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, query, vid, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id  int64
			ord int
		)
		if err := rows.Scan(&id, &ord); err != nil {
			return nil, err
		}
		ids[ord] = id
	}
	return ids, rows.Err()
}

// insertActors inserts a version's rows of version_actors.
func (s *saver) insertActors(ctx context.Context, vid int64, recs []actorRecord) error {
	if !s.tx.d.postgres {
		for _, r := range recs {
			if _, err := s.exec(ctx, `
				INSERT INTO version_actors (version_id, ord, speaker_id, name, role, aliases, kind)
				VALUES (?, ?, ?, ?, ?, ?, ?)`,
				vid, r.Ord, r.SpeakerID, r.Name, r.Role, r.Aliases, r.Kind); err != nil {
				return err
			}
		}
		return nil
	}
	return s.execRecords(ctx, `
		INSERT INTO version_actors (version_id, ord, speaker_id, name, role, aliases, kind)
		SELECT ?1, r.ord, r.speaker_id, r.name, r.role, r.aliases, r.kind
		FROM json_to_recordset(?2::json) AS r(ord INTEGER, speaker_id BIGINT, name TEXT, role TEXT, aliases TEXT, kind TEXT)`,
		vid, recs, len(recs))
}

// execRecords runs, on PostgreSQL, a statement that inserts the n records
// recs, as JSON (?2), for the row id (?1); no records, no statement.
func (s *saver) execRecords(ctx context.Context, query string, id int64, recs any, n int) error {
	if n == 0 {
		return nil
	}
	list, err := json.Marshal(recs)
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, query, id, string(list))
	return err
}

// insertVersionSpeakers records who said something in a version.
func (s *saver) insertVersionSpeakers(ctx context.Context, vid int64, said map[int64]bool) error {
	if !s.tx.d.postgres {
		for sid := range said {
			if _, err := s.exec(ctx, `INSERT INTO version_speakers (version_id, speaker_id) VALUES (?, ?)`, vid, sid); err != nil {
				return err
			}
		}
		return nil
	}
	ids := make([]int64, 0, len(said))
	for sid := range said {
		ids = append(ids, sid)
	}
	return s.execRecords(ctx, `INSERT INTO version_speakers (version_id, speaker_id) SELECT ?1, value FROM `+s.tx.d.ints("?2")+` AS j`,
		vid, ids, len(ids))
}

// indexRecord is a row of the search table as PostgreSQL's
// json_to_recordset reads it.
type indexRecord struct {
	Ord       int    `json:"ord"`
	RowID     int64  `json:"rowid"`
	Text      string `json:"text"`
	Topics    string `json:"topics"`
	Speaker   string `json:"speaker"`
	Forms     string `json:"forms"`
	SpeakerID any    `json:"speaker_id"`
	At        int64  `json:"at"`
}

// indexBatch is how many search rows go in one statement on PostgreSQL.
const indexBatch = 1000

// addAllPostgres adds search rows on PostgreSQL, many a statement, in
// the order they come in, which numbers them (search.seq): /who-said reads
// them newest first.
func addAllPostgres(ctx context.Context, tx *tx, rows []indexRow) error {
	for len(rows) > 0 {
		n := min(len(rows), indexBatch)
		recs := make([]indexRecord, n)
		for i, r := range rows[:n] {
			recs[i] = indexRecord{i, r.rowid, r.text, r.topics, r.speaker, forms(r.words()), nullJSON(r.sid), r.at}
		}
		list, err := json.Marshal(recs)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO search (rowid, doc, speaker_id, at)
			SELECT r.rowid, `+searchDoc("r.text", "r.topics", "r.speaker", "r.forms")+`, r.speaker_id, r.at
			FROM json_to_recordset(?1::json) AS r(ord INTEGER, rowid BIGINT, text TEXT, topics TEXT, speaker TEXT, forms TEXT, speaker_id BIGINT, at BIGINT)
			ORDER BY r.ord`, string(list)); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// aliasRecord is a row of speaker_aliases.
type aliasRecord struct {
	Key   string `json:"alias_key"`
	Alias string `json:"alias"`
}

// insertAliases adds a speaker's aliases that it lacks.
func (s *saver) insertAliases(ctx context.Context, id int64, recs []aliasRecord) error {
	if !s.tx.d.postgres {
		for _, r := range recs {
			if _, err := s.exec(ctx, `
				INSERT INTO speaker_aliases (speaker_id, alias_key, alias) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
				id, r.Key, r.Alias); err != nil {
				return err
			}
		}
		return nil
	}
	if len(recs) == 0 {
		return nil
	}
	list, err := json.Marshal(recs)
	if err != nil {
		return err
	}
	_, err = s.execOutside(ctx, `
		INSERT INTO speaker_aliases (speaker_id, alias_key, alias)
		SELECT ?1, r.alias_key, r.alias FROM json_to_recordset(?2::json) AS r(alias_key TEXT, alias TEXT)
		ON CONFLICT DO NOTHING`, id, string(list))
	return err
}
