package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/briefbot/briefbot/summarize"
)

// Source is where an article came from.
type Source struct {
	// Kind is "file" or "feed".
	Kind string
	// Key identifies the article within its kind: the path relative to the
	// seed folder, or the feed item's identity. A different text under the
	// same key is a new version of the same article.
	Key string
	// Name is for display: the file name or the feed's title.
	Name string
}

// Saved says where Save put an article.
type Saved struct {
	ArticleID int64
	Version   int
	// New is false when the archive already held the same text, under
	// this or any other source, and Save stored no new version.
	New bool
	// Moved is true when the text was known under another file, which no
	// longer exists, and the article now goes by src: a file renamed, so
	// that editing it later makes a new version of the same article.
	Moved bool
}

// Save stores an article and its briefing, all or nothing.
//
// Articles are identified by content: a body the archive already holds is
// not stored again, and Saved names the version that holds it. A new body
// under a known source is a new version of that article; only the latest
// version of an article is searched.
//
// Save attributes each quote and position to a speaker, merged across
// articles: a person is the same speaker as one already known by the same
// name or alias, or by a name that shares the surname and whose words all
// appear in the other ("Hegseth", "Pete Hegseth"). Organisations and groups
// are the same only by the same name. Names compare without regard to case.
func (db *DB) Save(ctx context.Context, src Source, a summarize.Article, b summarize.Briefing) (Saved, error) {
	saved, err := db.SaveAll(ctx, []Doc{{Source: src, Article: a, Briefing: b}})
	if err != nil {
		return Saved{}, err
	}
	return saved[0], nil
}

// Doc is an article to save, with where it came from and its briefing.
type Doc struct {
	Source   Source
	Article  summarize.Article
	Briefing summarize.Briefing
	// Claim, when set, is the key of the claim the file was briefed under
	// (see ClaimFiles), marked done with the save.
	Claim string
}

// SaveAll saves each doc as Save does, in order, in one transaction: all or
// nothing. A folder read at start is saved many articles at a time, since
// each transaction's commit costs more than an article's rows.
//
// On PostgreSQL, replicas save side by side. Nothing two saves may both
// write waits for either's commit: a speaker is made in a transaction of
// its own (see makeSpeaker) and changed outside the save's, and a source's
// count of articles is changed at commit (migration 0006). A text or a
// source two replicas save at once is saved by the first to commit; the
// other, which waited for it at the unique index, then fails and saves
// again, finding it there. The channels' cursors, which follow versions
// in the order of their ids, read only versions no save in progress can
// come before (see published).
func (db *DB) SaveAll(ctx context.Context, docs []Doc) ([]Saved, error) {
	for try := 1; ; try++ {
		out, err := db.saveAll(ctx, docs)
		if err == nil || !db.d.postgres || try == saveTries || !retryable(err) {
			return out, err
		}
	}
}

// saveTries is how many times SaveAll tries a save on PostgreSQL that
// collides with another's: each try after the first finds what the
// others saved, so a second nearly always does.
const saveTries = 5

// retryable reports whether err is PostgreSQL's refusal of a transaction
// that another one collided with (a unique key, a deadlock), which may
// succeed when tried again.
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return false
	}
	switch pgErr.Code {
	case "23505", "40P01", "40001": // unique_violation, deadlock_detected, serialization_failure
		return true
	}
	return false
}

func (db *DB) saveAll(ctx context.Context, docs []Doc) ([]Saved, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	defer tx.Rollback()
	if err := db.saving(ctx, tx.tx); err != nil {
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	s := saver{tx: tx.tx, now: db.now().UnixNano(), exists: db.FileExists}
	if db.d.postgres {
		s.outside = db.sql
	}
	defer s.close()
	// The statements run without ctx's end: a driver watches a context
	// that can end with a goroutine a statement, and a save runs
	// thousands. The transaction was begun with ctx, which rolls it back
	// when ctx ends, and each doc begins by checking it.
	sctx := context.WithoutCancel(ctx)
	out := make([]Saved, len(docs))
	changed := false
	var claims []string // of the docs, done when they are saved
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
		}
		saved, err := s.save(sctx, d.Source, d.Article, d.Briefing)
		if err != nil {
			return nil, fmt.Errorf("saving %s %q: %w", d.Source.Kind, d.Source.Key, err)
		}
		out[i] = saved
		changed = changed || saved.New || saved.Moved
		if d.Claim != "" {
			claims = append(claims, d.Claim)
		}
	}
	// In the order of their keys, as ClaimFiles takes them, so that a
	// save and another replica's claims never wait on each other in a
	// circle on PostgreSQL.
	slices.Sort(claims)
	for _, key := range slices.Compact(claims) {
		if _, err := s.exec(sctx, `UPDATE claims SET done = 1 WHERE key = ?`, key); err != nil {
			return nil, fmt.Errorf("marking %d files archived: %w", len(claims), err)
		}
		changed = true
	}
	if !changed {
		return out, nil
	}
	if err := s.flushIndex(sctx); err != nil {
		return nil, fmt.Errorf("indexing %d articles: %w", len(docs), err)
	}
	s.close() // statements end before the transaction does
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	return out, nil
}

// saver is the state of one Save.
type saver struct {
	// exists reports whether the file with a source key is still there;
	// nil means renames are not followed.
	exists func(key string) bool
	tx     *tx
	now    int64 // Unix nanoseconds
	at     int64 // the article's date for ranking and roles: published, or now
	// stmts are the statements prepared in tx, by their text: SQLite
	// parsing a statement again for every row was a quarter of the time
	// an article took to save.
	stmts map[string]*sql.Stmt
	ix    *indexer
	// index are the search rows of the versions saved, added at the end
	// of the transaction (see indexer.addAll).
	index []indexRow
	// known is what the transaction knows of the speakers: a speaker met
	// again in the same batch costs no look-up and no write that would
	// change nothing. Other replicas on PostgreSQL may change a speaker
	// meanwhile (a longer name, a newer role, another alias); what is
	// known stays true enough for that: a speaker, once made, stays.
	known knownSpeakers
	// outside, on PostgreSQL, is where the speakers that other saves may
	// use too are changed, each statement committed at once, so that no
	// other save waits for this one's commit to use them. Nil means in tx.
	outside *conn
}

// knownSpeakers is what a save knows of the speakers table.
type knownSpeakers struct {
	// first is the first speaker of a kind with a name key, and that
	// speaker's name, as the first tier of findSpeaker finds it.
	first map[speakerKey]namedSpeaker
	// aliases are the aliases speakers have, by speaker and alias key.
	aliases map[aliasKey]bool
	// roles are the latest role each speaker was given in this save, and
	// its date: the speaker's own is as new, or newer.
	roles map[int64]datedRole
}

type speakerKey struct{ kind, key string }

type datedRole struct {
	role string
	at   int64
}

type namedSpeaker struct {
	id   int64
	name string
}

type aliasKey struct {
	id  int64
	key string
}

// stmt returns the statement query prepared in the transaction, preparing
// it on first use.
func (s *saver) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	st, err := s.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = make(map[string]*sql.Stmt)
	}
	s.stmts[query] = st
	return st, nil
}

func (s *saver) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (s *saver) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// insertID runs an INSERT and returns the id of the row it made. SQLite
// tells it without a result set, a third cheaper than RETURNING in the
// first scan of a big folder; PostgreSQL returns it.
func (s *saver) insertID(ctx context.Context, query string, args ...any) (int64, error) {
	if s.tx.d.postgres {
		var id int64
		err := s.queryRow(ctx, query+" RETURNING id", args...).Scan(&id)
		return id, err
	}
	res, err := s.exec(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// scanner is a row to scan: a *sql.Row, or the error that kept a
// statement from being prepared.
type scanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (s *saver) queryRow(ctx context.Context, query string, args ...any) scanner {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// flushIndex adds the search rows of the versions saved, after every
// other write of the transaction.
func (s *saver) flushIndex(ctx context.Context) error {
	rows := s.index
	s.index = nil
	if len(rows) == 0 {
		return nil
	}
	if s.tx.d.postgres {
		return addAllPostgres(ctx, s.tx, rows)
	}
	if s.ix == nil {
		ix, err := newIndexer(ctx, s.tx)
		if err != nil {
			return err
		}
		s.ix = ix
	}
	return s.ix.addAll(ctx, rows)
}

// close closes the statements prepared, before the transaction ends.
func (s *saver) close() {
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	if s.ix != nil {
		s.ix.close()
		s.ix = nil
	}
}

// move points the article at src when it is a file the article was not
// known by, whose own file is gone and which no other article goes by: the
// file was renamed. It reports whether it moved the article.
func (s *saver) move(ctx context.Context, articleID int64, src Source) (bool, error) {
	if src.Kind != "file" || s.exists == nil {
		return false, nil
	}
	var kind, key string
	if err := s.queryRow(ctx, `SELECT source_kind, source_key FROM articles WHERE id = ?`, articleID).
		Scan(&kind, &key); err != nil {
		return false, err
	}
	if kind != "file" || key == src.Key || s.exists(key) {
		return false, nil
	}
	res, err := s.exec(ctx, `
		UPDATE articles SET source_key = ?, name = ? WHERE id = ?
		AND NOT EXISTS (SELECT 1 FROM articles WHERE source_kind = 'file' AND source_key = ?)`,
		src.Key, src.Name, articleID, src.Key)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func (s *saver) save(ctx context.Context, src Source, a summarize.Article, b summarize.Briefing) (Saved, error) {
	sum := sha256.Sum256([]byte(a.Body))
	hash := hex.EncodeToString(sum[:])

	var saved Saved
	err := s.queryRow(ctx, `SELECT article_id, version FROM versions WHERE content_hash = ?`, hash).
		Scan(&saved.ArticleID, &saved.Version)
	if err == nil {
		saved.Moved, err = s.move(ctx, saved.ArticleID, src)
		return saved, err
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Saved{}, err
	}
	saved.New = true

	s.at = s.now
	if !a.Published.IsZero() {
		s.at = a.Published.UnixNano()
	}

	var prev sql.NullInt64 // the latest version's id
	err = s.queryRow(ctx, `
		SELECT a.id, a.latest_version_id, v.version
		FROM articles a LEFT JOIN versions v ON v.id = a.latest_version_id
		WHERE a.source_kind = ? AND a.source_key = ?`, src.Kind, src.Key).
		Scan(&saved.ArticleID, &prev, &saved.Version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if saved.ArticleID, err = s.insertID(ctx, `
			INSERT INTO articles (source_kind, source_key, name, url, title, outlet, byline, published, first_seen)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			src.Kind, src.Key, src.Name, a.URL, a.Title, a.Source, a.Byline, unixNano(a.Published), s.now); err != nil {
			return Saved{}, err
		}
	case err != nil:
		return Saved{}, err
	default:
		if _, err := s.exec(ctx, `
			UPDATE articles SET name = ?, url = ?, title = ?, outlet = ?, byline = ?, published = ? WHERE id = ?`,
			src.Name, a.URL, a.Title, a.Source, a.Byline, unixNano(a.Published), saved.ArticleID); err != nil {
			return Saved{}, err
		}
		if prev.Valid {
			if err := unindex(ctx, s.tx, prev.Int64); err != nil {
				return Saved{}, err
			}
			// A version saved earlier in this transaction is not in
			// the table yet.
			s.index = slices.DeleteFunc(s.index, func(r indexRow) bool { return r.version == prev.Int64 })
		}
	}
	saved.Version++

	topics, err := json.Marshal(b.Topics)
	if err != nil {
		return Saved{}, err
	}
	var vid int64
	if vid, err = s.insertID(ctx, `
		INSERT INTO versions (article_id, version, content_hash, body, title, lede, topics, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		saved.ArticleID, saved.Version, hash, a.Body, b.Title, b.Lede, string(topics), s.now); err != nil {
		return Saved{}, err
	}
	if _, err := s.exec(ctx, `UPDATE articles SET latest_version_id = ? WHERE id = ?`, vid, saved.ArticleID); err != nil {
		return Saved{}, err
	}

	speakers, err := s.saveActors(ctx, vid, b.Actors)
	if err != nil {
		return Saved{}, err
	}
	// speakerOf finds the speaker of a name the article uses; a blank name
	// is nobody. Every name should be an actor's; one that is not becomes a
	// person.
	speakerOf := func(name, role string) (sql.NullInt64, error) {
		if strings.TrimSpace(name) == "" {
			return sql.NullInt64{}, nil
		}
		if id, ok := speakers[name]; ok {
			return sql.NullInt64{Int64: id, Valid: true}, nil
		}
		id, err := s.speaker(ctx, summarize.Actor{Name: name, Role: role, Aliases: []string{name}, Kind: summarize.Person})
		if err != nil {
			return sql.NullInt64{}, err
		}
		speakers[name] = id
		return sql.NullInt64{Int64: id, Valid: true}, nil
	}

	if len(b.Topics) > 0 {
		s.index = append(s.index, topicsIndexRow(vid, b.Topics, s.at))
	}
	// said is who said something in this version.
	said := map[int64]bool{}
	qsids := make([]sql.NullInt64, len(b.Quotes))
	for i, q := range b.Quotes {
		if qsids[i], err = speakerOf(q.Speaker, q.Role); err != nil {
			return Saved{}, err
		}
		if qsids[i].Valid {
			said[qsids[i].Int64] = true
		}
	}
	qids, err := s.insertQuotes(ctx, vid, a.Body, b.Quotes, qsids)
	if err != nil {
		return Saved{}, err
	}
	for i, q := range b.Quotes {
		s.index = append(s.index, quoteIndexRow(vid, quoteRow(qids[i]), q.Text, q.Speaker, qsids[i], s.at))
	}
	psids := make([]sql.NullInt64, len(b.Positions))
	for i, p := range b.Positions {
		if psids[i], err = speakerOf(p.Actor, ""); err != nil {
			return Saved{}, err
		}
		if psids[i].Valid {
			said[psids[i].Int64] = true
		}
	}
	pids, err := s.insertPositions(ctx, vid, a.Body, b.Positions, psids)
	if err != nil {
		return Saved{}, err
	}
	for i, p := range b.Positions {
		if !quoted(p, b.Quotes) {
			s.index = append(s.index, quoteIndexRow(vid, positionRow(pids[i]), p.Text, p.Actor, psids[i], s.at))
		}
	}
	if err := s.insertVersionSpeakers(ctx, vid, said); err != nil {
		return Saved{}, err
	}
	return saved, nil
}

// quoted reports whether a position lies inside a quote by the same actor,
// as the position summarize makes from a quote does. The quote is indexed
// already; indexing the position too would count the words twice.
func quoted(p summarize.Position, quotes []summarize.Quote) bool {
	for _, q := range quotes {
		if q.Speaker == p.Actor && q.Start <= p.Start && p.End <= q.End {
			return true
		}
	}
	return false
}

// saveActors records the actors of a version and maps each name the
// article gives them to their speaker.
func (s *saver) saveActors(ctx context.Context, vid int64, actors []summarize.Actor) (map[string]int64, error) {
	speakers := make(map[string]int64, len(actors))
	recs := make([]actorRecord, 0, len(actors))
	for i, act := range actors {
		var sid sql.NullInt64
		if strings.TrimSpace(act.Name) != "" {
			id, err := s.speaker(ctx, act)
			if err != nil {
				return nil, err
			}
			sid = sql.NullInt64{Int64: id, Valid: true}
			if _, ok := speakers[act.Name]; !ok {
				speakers[act.Name] = id
			}
		}
		aliases, err := json.Marshal(act.Aliases)
		if err != nil {
			return nil, err
		}
		recs = append(recs, actorRecord{i, nullJSON(sid), act.Name, act.Role, string(aliases), string(act.Kind)})
	}
	return speakers, s.insertActors(ctx, vid, recs)
}

// speaker finds or makes the speaker an actor is, and adds what the actor
// tells about them: a longer name, aliases, a newer role.
func (s *saver) speaker(ctx context.Context, act summarize.Actor) (int64, error) {
	kind := act.Kind
	if kind == "" {
		kind = summarize.Person
	}
	name := strings.Join(strings.Fields(act.Name), " ")
	var role, roleAt any
	if act.Role != "" {
		role, roleAt = act.Role, s.at
	}
	var (
		id      int64
		current string
		err     error
	)
	if s.outside == nil {
		id, current, err = s.findSpeaker(ctx, kind, name, act.Aliases)
	} else if id, current, err = s.firstByName(ctx, kind, nameKey(name)); err == nil && id == 0 {
		// Not known by this name: the rest of the look-up is made under
		// makeSpeaker's locks, once.
		made := false
		if id, current, made, err = s.makeSpeaker(ctx, kind, name, act.Aliases, role, roleAt); made {
			return id, err
		}
	}
	if err != nil {
		return 0, err
	}
	switch {
	case id == 0:
		if id, err = s.insertID(ctx, `
			INSERT INTO speakers (name, name_key, surname, kind, role, role_at) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?)`,
			name, nameKey(name), surname(name), string(kind), role, roleAt); err != nil {
			return 0, err
		}
		// None had the name key, or findSpeaker would have found it.
		s.known.setFirst(speakerKey{string(kind), nameKey(name)}, id, name)
		s.known.given(id, role, roleAt)
	default:
		if kind == summarize.Person && longerName(name, current) {
			if _, err := s.execOutside(ctx, `UPDATE speakers SET name = ?, name_key = ?, surname = ? WHERE id = ?`,
				name, nameKey(name), surname(name), id); err != nil {
				return 0, err
			}
			// Which speaker is first by either key is now read again.
			delete(s.known.first, speakerKey{string(kind), nameKey(current)})
			delete(s.known.first, speakerKey{string(kind), nameKey(name)})
		}
		// The latest role is the one from the most recent article, which
		// need not be the one saved last; one known to be older than the
		// speaker's is not written, nor one known to be the speaker's: a
		// round trip each, three an article, where the same people recur.
		// Nor does the database write one that would change nothing: on
		// PostgreSQL it would lock the row for nothing.
		if at, ok := roleAt.(int64); ok && s.known.newer(id, act.Role, at) {
			if _, err := s.execOutside(ctx, `
				UPDATE speakers SET role = ?1, role_at = ?2
				WHERE id = ?3 AND (role_at IS NULL OR role_at < ?2 OR role_at = ?2 AND role <> ?1)`,
				role, roleAt, id); err != nil {
				return 0, err
			}
			s.known.given(id, role, roleAt)
		}
	}
	return id, s.insertAliases(ctx, id, s.newAliases(id, name, act.Aliases))
}

// newAliases are the records of the names of speaker id that this save
// has not added yet: its name and the actor's aliases.
func (s *saver) newAliases(id int64, name string, aliases []string) []aliasRecord {
	var out []aliasRecord
	for _, alias := range append([]string{name}, aliases...) {
		alias = strings.Join(strings.Fields(alias), " ")
		k := aliasKey{id, nameKey(alias)}
		if alias == "" || s.known.aliases[k] {
			continue
		}
		if s.known.aliases == nil {
			s.known.aliases = make(map[aliasKey]bool)
		}
		s.known.aliases[k] = true
		out = append(out, aliasRecord{k.key, alias})
	}
	return out
}

// makeSpeaker makes, on PostgreSQL, the speaker an actor no known speaker
// is, in a transaction of its own, committed at once, so that other saves
// use it at once and none waits for this save's commit to find it. Saves
// that make a speaker take turns only with those making one that either
// could be: those of the same surname, or of a surname among each other's
// aliases (and for organisations and groups, the same name), by advisory
// locks on them. The speaker is looked for again under the locks, and
// found (made is false) when another save made it meanwhile.
func (s *saver) makeSpeaker(ctx context.Context, kind summarize.Kind, name string, aliases []string, role, roleAt any) (id int64, current string, made bool, err error) {
	t, err := s.outside.BeginTx(ctx, nil)
	if err != nil {
		return 0, "", false, err
	}
	defer t.Rollback()
	var keys []string
	if kind == summarize.Person {
		for _, n := range append([]string{name}, aliases...) {
			keys = append(keys, "speaker surname "+surname(n))
		}
	} else {
		keys = append(keys, "speaker "+string(kind)+" "+nameKey(name))
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return 0, "", false, err
	}
	// In the order of the keys' hashes, so that two saves never wait
	// for each other's locks in a circle.
	if _, err := t.ExecContext(ctx, `
		SELECT pg_advisory_xact_lock(h) FROM (
			SELECT DISTINCT hashtextextended(value, 0) AS h FROM `+s.tx.d.texts("?1")+` AS k ORDER BY h) AS l`,
		string(list)); err != nil {
		return 0, "", false, err
	}
	sub := saver{tx: t, now: s.now, at: s.at}
	defer sub.close()
	if id, current, err = sub.findSpeaker(ctx, kind, name, aliases); err != nil || id != 0 {
		return id, current, false, err
	}
	if id, err = sub.insertID(ctx, `
		INSERT INTO speakers (name, name_key, surname, kind, role, role_at) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?)`,
		name, nameKey(name), surname(name), string(kind), role, roleAt); err != nil {
		return 0, "", false, err
	}
	if err := sub.insertAliases(ctx, id, s.newAliases(id, name, aliases)); err != nil {
		return 0, "", false, err
	}
	sub.close()
	if err := t.Commit(); err != nil {
		return 0, "", false, err
	}
	s.known.setFirst(speakerKey{string(kind), nameKey(name)}, id, name)
	s.known.given(id, role, roleAt)
	return id, name, true, nil
}

// execOutside runs a write to the speakers outside the save's
// transaction, committed at once, on PostgreSQL (see saver.outside); in
// it on SQLite.
func (s *saver) execOutside(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s.outside != nil {
		return s.outside.ExecContext(ctx, query, args...)
	}
	return s.exec(ctx, query, args...)
}

// given records that speaker id was given role, dated at, when at is a
// date, unless it was given a newer one already.
func (k *knownSpeakers) given(id int64, role, at any) {
	t, ok := at.(int64)
	if !ok || !k.newer(id, role.(string), t) {
		return
	}
	if k.roles == nil {
		k.roles = make(map[int64]datedRole)
	}
	k.roles[id] = datedRole{role.(string), t}
}

// newer reports whether role, dated at, may be newer than speaker id's:
// not older than the role this save gave them, nor the same.
func (k *knownSpeakers) newer(id int64, role string, at int64) bool {
	r, ok := k.roles[id]
	return !ok || r.at < at || r.at == at && r.role != role
}

// findSpeaker finds the known speaker of the given kind that name is, and
// their canonical name; id is 0 when there is none.
//
// For a person the candidates are tried in three tiers: the same canonical
// name; the name among the speaker's aliases, or the speaker's name among
// the actor's aliases; and the surname rule of samePerson. The first tier
// with a single candidate wins. Two candidates in a tier mean the name is
// ambiguous there ("Sheahan" when John and Kevin Sheahan are both known),
// and a name ambiguous in every tier becomes a speaker of its own rather
// than be given to the wrong person.
func (s *saver) findSpeaker(ctx context.Context, kind summarize.Kind, name string, aliases []string) (id int64, canonical string, err error) {
	key := nameKey(name)
	// The first tier alone, first: a speaker met before under the same
	// name, the common case, needs no more than this indexed look-up.
	// Organisations and groups have no other.
	id, canonical, err = s.firstByName(ctx, kind, key)
	if err != nil || id != 0 || kind != summarize.Person {
		return id, canonical, err
	}

	aliasKeys := make([]string, 0, len(aliases))
	for _, a := range aliases {
		aliasKeys = append(aliasKeys, nameKey(a))
	}
	keysJSON, err := json.Marshal(append([]string{key}, aliasKeys...))
	if err != nil {
		return 0, "", err
	}
	type candidate struct {
		id        int64
		name, key string
		alias     bool
	}
	// Each way of being a candidate is a look-up of its own, so that each
	// uses an index: one WHERE with all of them ORed scanned every
	// speaker, for every actor saved, and one query of them all (a UNION
	// in a WITH) took eight times as long as the three.
	byID := map[int64]*candidate{}
	read := func(alias bool, query string, args ...any) error {
		rows, err := s.query(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c candidate
			if err := rows.Scan(&c.id, &c.name, &c.key); err != nil {
				return err
			}
			if byID[c.id] == nil {
				byID[c.id] = &c
			}
			// A speaker is an alias candidate by the actor's aliases or
			// its own.
			byID[c.id].alias = byID[c.id].alias || alias || slices.Contains(aliasKeys, c.key)
		}
		return rows.Err()
	}
	if err := read(false, `SELECT id, name, name_key FROM speakers WHERE kind = ? AND surname = ?`,
		string(kind), surname(name)); err != nil {
		return 0, "", err
	}
	if err := read(false, `SELECT id, name, name_key FROM speakers WHERE kind = ? AND name_key IN `+s.tx.d.texts("?2"),
		string(kind), string(keysJSON)); err != nil {
		return 0, "", err
	}
	if err := read(true, `
		SELECT s.id, s.name, s.name_key FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
		WHERE a.alias_key = ? AND s.kind = ?`, key, string(kind)); err != nil {
		return 0, "", err
	}
	cands := make([]candidate, 0, len(byID))
	for _, c := range byID {
		cands = append(cands, *c)
	}
	slices.SortFunc(cands, func(a, b candidate) int { return cmp.Compare(a.id, b.id) })

	tiers := []func(candidate) bool{
		func(c candidate) bool { return c.key == key },
		func(c candidate) bool { return c.alias },
		func(c candidate) bool { return samePerson(name, c.name) },
	}
	for i, tier := range tiers {
		var found []candidate
		for _, c := range cands {
			if tier(c) {
				found = append(found, c)
			}
		}
		// Speakers with the same canonical name are one person whose
		// entries were made apart; the first is the one to keep using.
		if len(found) == 1 || len(found) > 1 && i == 0 {
			return found[0].id, found[0].name, nil
		}
	}
	return 0, "", nil
}

// firstByName finds the first speaker of a kind by name key, and that
// speaker's name; id is 0 when there is none.
func (s *saver) firstByName(ctx context.Context, kind summarize.Kind, key string) (id int64, name string, err error) {
	k := speakerKey{string(kind), key}
	if c, ok := s.known.first[k]; ok {
		return c.id, c.name, nil
	}
	err = s.queryRow(ctx, `SELECT id, name FROM speakers WHERE kind = ? AND name_key = ? ORDER BY id LIMIT 1`,
		string(kind), key).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", err
	}
	s.known.setFirst(k, id, name)
	return id, name, nil
}

func (k *knownSpeakers) setFirst(key speakerKey, id int64, name string) {
	if k.first == nil {
		k.first = make(map[speakerKey]namedSpeaker)
	}
	k.first[key] = namedSpeaker{id, name}
}

// nameKey is the form of a name that names are compared by.
func nameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// nameWords are the lower-case words of a name, without punctuation.
func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
}

// surname is the last word of a name.
func surname(name string) string {
	w := nameWords(name)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// samePerson reports whether two names of people name the same person by
// the surname rule: the last words are the same and every word of one name
// is in the other. "Hegseth" and "US Defense Secretary Pete Hegseth" are
// one person; "John Sheahan" and "Kevin Sheahan" are two.
func samePerson(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// longerName reports whether a is a longer name than b: more words, or as
// many and more letters.
func longerName(a, b string) bool {
	na, nb := len(nameWords(a)), len(nameWords(b))
	if na != nb {
		return na > nb
	}
	return utf8.RuneCountInString(a) > utf8.RuneCountInString(b)
}
