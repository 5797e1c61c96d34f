package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
)

var _ bot.Store = (*Outbox)(nil)

// ErrSent reports an update of a delivery already marked sent: the record
// that a message went out is never undone, so it is never sent twice.
var ErrSent = errors.New("delivery already sent")

// Outbox is the archive as the chat channels read it, with each channel's
// cursors and the deliveries queued for it.
type Outbox struct {
	db *DB

	// WebURL, when set, is where readers reach the web archive: each
	// briefing links to its article's page there. Set it before the first
	// Since or Next.
	WebURL string

	// recent holds the messages of the briefings queued last, by version,
	// so that one posted soon after it is queued, as nearly all are, is not
	// read back and rendered again.
	mu     sync.Mutex
	recent map[int64]bot.Message
	order  []int64 // the versions in recent, oldest first
	// held is when the lease of each channel this replica holds runs
	// out, as it last took or renewed it.
	held map[string]time.Time
}

// recentMessages is how many queued briefings' messages an outbox keeps
// in memory (about 5 KB each): a first scan of a big folder queues faster
// than the terminal posts, and the backlog of 2,000 articles stayed within
// it; a bigger one is read back from the archive.
const recentMessages = 2048

// Outbox returns the archive's outbox.
func (db *DB) Outbox() *Outbox {
	return &Outbox{db: db, recent: make(map[int64]bot.Message), held: make(map[string]time.Time)}
}

// remember keeps the message of version v for Next.
func (o *Outbox) remember(v int64, m bot.Message) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, ok := o.recent[v]; ok {
		return
	}
	if len(o.order) == recentMessages {
		delete(o.recent, o.order[0])
		o.order = o.order[1:]
	}
	o.recent[v] = m
	o.order = append(o.order, v)
}

// recalled is the message of version v that remember kept, if it did.
func (o *Outbox) recalled(v int64) (bot.Message, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	m, ok := o.recent[v]
	return m, ok
}

// InstallID returns the archive's install id: random, made when the
// archive was, and the same for as long as it lives.
func (db *DB) InstallID(ctx context.Context) (string, error) {
	var id string
	if err := db.sql.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'install_id'`).Scan(&id); err != nil {
		return "", fmt.Errorf("reading the install id: %w", err)
	}
	return id, nil
}

// Ping reports whether the archive can be read.
func (db *DB) Ping(ctx context.Context) error {
	var v sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("pinging archive: %w", err)
	}
	return nil
}

// Since returns up to limit briefings archived after the version id after,
// oldest first; none when limit is zero or less. Each entry is the
// version's own briefing; its URL, outlet and date are the article's
// latest.
func (o *Outbox) Since(ctx context.Context, after int64, limit int) ([]bot.Entry, error) {
	entries, err := o.since(ctx, after, limit)
	if err != nil {
		return nil, fmt.Errorf("reading briefings after version %d: %w", after, err)
	}
	return entries, nil
}

func (o *Outbox) since(ctx context.Context, after int64, limit int) ([]bot.Entry, error) {
	if limit <= 0 {
		return nil, nil
	}
	upTo, err := o.db.published(ctx)
	if err != nil {
		return nil, err
	}
	// One read transaction, so that a Save meanwhile is seen whole or not
	// at all.
	tx, err := o.db.sql.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var ids []int64
	if err := each(ctx, tx, `SELECT id FROM versions WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
		func(rows *sql.Rows) error {
			var id int64
			ids = append(ids, id)
			return rows.Scan(&ids[len(ids)-1])
		}, after, upTo, limit); err != nil {
		return nil, err
	}
	vs, err := readVersions(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, nil
	}
	entries := make([]bot.Entry, 0, len(vs))
	for _, v := range vs {
		entries = append(entries, o.entry(v))
	}
	return entries, nil
}

// entryOf is what the channels are given of a version: its own briefing,
// and its article's latest URL, outlet and date.
func entryOf(v version) bot.Entry {
	source := v.article.Source
	if source == "" {
		source = v.source.Name
	}
	return bot.Entry{
		VersionID:  v.id,
		ArticleID:  v.articleID,
		Version:    v.number,
		Briefing:   v.briefing,
		Source:     source,
		Byline:     v.article.Byline,
		URL:        v.article.URL,
		SourceKind: v.source.Kind,
		SourceKey:  v.source.Key,
		SourceName: v.source.Name,
		Published:  v.article.Published,
		Archived:   v.created,
	}
}

// State returns the channel's state, creating it on first use with both
// cursors at the newest version archived.
func (o *Outbox) State(ctx context.Context, channel string) (bot.ChannelState, error) {
	s, err := o.state(ctx, channel)
	if err != nil {
		return bot.ChannelState{}, fmt.Errorf("reading channel %q: %w", channel, err)
	}
	return s, nil
}

func (o *Outbox) state(ctx context.Context, channel string) (bot.ChannelState, error) {
	// Read first: the channel is nearly always there, and a read does not
	// queue behind the writes.
	s, err := readState(ctx, o.db.sql, channel)
	if !errors.Is(err, sql.ErrNoRows) {
		return s, err
	}
	tx, err := o.db.beginWrite(ctx)
	if err != nil {
		return bot.ChannelState{}, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO channels (id, immediate, digest, created)
		SELECT ?1, newest, newest, CAST(?2 AS BIGINT) FROM (SELECT COALESCE(MAX(id), 0) AS newest FROM versions) AS v
		WHERE true -- SQLite's parser needs it before ON CONFLICT
		ON CONFLICT DO NOTHING`,
		channel, o.db.now().UnixNano()); err != nil {
		return bot.ChannelState{}, err
	}
	if s, err = readState(ctx, tx, channel); err != nil {
		return bot.ChannelState{}, err
	}
	if err := tx.Commit(); err != nil {
		return bot.ChannelState{}, err
	}
	return s, nil
}

// readState reads a channel's state; sql.ErrNoRows when it has none.
func readState(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, channel string) (bot.ChannelState, error) {
	var (
		s              bot.ChannelState
		slot, digestAt sql.NullInt64
	)
	if err := q.QueryRowContext(ctx, `SELECT immediate, digest, slot, digest_at FROM channels WHERE id = ?`, channel).
		Scan(&s.Immediate, &s.Digest, &slot, &digestAt); err != nil {
		return bot.ChannelState{}, err
	}
	s.Slot, s.DigestAt = fromUnixNano(slot), fromUnixNano(digestAt)
	return s, nil
}

// Commit moves the channel from state old to state new and queues ds as
// pending, all or nothing. It returns bot.ErrConflict, and changes nothing,
// when the channel's state is not old, or the channel has none yet. A
// delivery whose key the channel has already is left out. Each is queued
// pending, with no attempts, due at its Due or at once, whatever else the
// caller set; one that names another channel is an error.
func (o *Outbox) Commit(ctx context.Context, channel string, old, new bot.ChannelState, ds []bot.Delivery) error {
	if err := o.commit(ctx, channel, old, new, ds); err != nil {
		return fmt.Errorf("updating channel %q: %w", channel, err)
	}
	return nil
}

func (o *Outbox) commit(ctx context.Context, channel string, old, new bot.ChannelState, ds []bot.Delivery) error {
	// Encode first, so that a bad message fails before the write lock is
	// taken.
	messages := make([]string, len(ds))
	for i, d := range ds {
		if d.Channel != "" && d.Channel != channel {
			return fmt.Errorf("delivery %q is for channel %q", d.Key, d.Channel)
		}
		if d.Version != 0 {
			continue // made again from the version when it is posted
		}
		m, err := json.Marshal(d.Message)
		if err != nil {
			return fmt.Errorf("encoding delivery %q: %w", d.Key, err)
		}
		messages[i] = string(m)
	}

	tx, err := o.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// IS NOT DISTINCT FROM compares NULL with NULL as equal, so that a
	// zero time matches a zero time.
	res, err := tx.ExecContext(ctx, `
		UPDATE channels SET immediate = ?, digest = ?, slot = ?, digest_at = ?
		WHERE id = ? AND immediate = ? AND digest = ? AND slot IS NOT DISTINCT FROM ? AND digest_at IS NOT DISTINCT FROM ?`,
		new.Immediate, new.Digest, unixNano(new.Slot), unixNano(new.DigestAt),
		channel, old.Immediate, old.Digest, unixNano(old.Slot), unixNano(old.DigestAt))
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return bot.ErrConflict
	}

	now := o.db.now()
	for i, d := range ds {
		due := d.Due
		if due.IsZero() {
			due = now
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO deliveries (channel, key, message, version_id, state, attempts, due, created, updated)
			SELECT ?1, ?2, ?3, ?4, ?5, 0, CAST(?6 AS BIGINT), CAST(?7 AS BIGINT), CAST(?7 AS BIGINT)
			-- Not even tried when the key is there, so that PostgreSQL
			-- spends no id on it and ids stay in step on both backends.
			WHERE NOT EXISTS (SELECT 1 FROM deliveries WHERE channel = ?1 AND key = ?2)
			ON CONFLICT (channel, key) DO NOTHING`,
			channel, d.Key, messages[i], sql.NullInt64{Int64: d.Version, Valid: d.Version != 0},
			string(bot.Pending), due.UnixNano(), now.UnixNano()); err != nil {
			return fmt.Errorf("queueing delivery %q: %w", d.Key, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, d := range ds {
		if d.Version != 0 {
			o.remember(d.Version, d.Message)
		}
	}
	return nil
}

// deliveryColumns are the columns of deliveries in the order scanDelivery
// reads them.
const deliveryColumns = `id, channel, key, message, version_id, state, attempts, due, created, sent_at, message_id, last_error, parts, tried`

// Next returns the channel's oldest delivery that is pending or sending,
// and false when there is none. A sending one was interrupted: it may have
// been posted already.
//
// Of several replicas sharing the archive, one posts to a channel at a
// time, so that its deliveries go out in order and each once: Next takes
// the channel's lease (see DB.Lease), or renews it, and returns false
// while another replica holds it. The lease is renewed once a quarter of
// it has passed, so that an attempt begun after Next has three quarters
// of it, more than a post may take; Update refuses a change while another
// replica holds the lease, as it may once this one's has run out.
func (o *Outbox) Next(ctx context.Context, channel string) (bot.Delivery, bool, error) {
	d, ok, err := o.next(ctx, channel)
	if err != nil {
		return bot.Delivery{}, false, fmt.Errorf("reading the next delivery of channel %q: %w", channel, err)
	}
	return d, ok, nil
}

func (o *Outbox) next(ctx context.Context, channel string) (bot.Delivery, bool, error) {
	if held, err := o.hold(ctx, channel); err != nil || !held {
		return bot.Delivery{}, false, err
	}
	// One read transaction, so that the version a delivery names is read
	// as it was when the delivery was.
	tx, err := o.db.sql.readTx(ctx)
	if err != nil {
		return bot.Delivery{}, false, err
	}
	defer tx.Rollback()
	// Its statements run without ctx's end, as a save's do (see SaveAll);
	// the transaction ends with ctx.
	ctx = context.WithoutCancel(ctx)
	row := tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE channel = ? AND state IN ('pending', 'sending')
		ORDER BY id LIMIT 1`, channel)
	d, err := scanDelivery(row)
	if errors.Is(err, sql.ErrNoRows) {
		return bot.Delivery{}, false, nil
	}
	if err != nil {
		return bot.Delivery{}, false, err
	}
	if m, ok := o.recalled(d.Version); ok {
		d.Message = m
	} else if d.Version != 0 {
		vs, err := readVersions(ctx, tx, []int64{d.Version})
		if err != nil {
			return bot.Delivery{}, false, err
		}
		if len(vs) == 0 {
			return bot.Delivery{}, false, fmt.Errorf("delivery %d: version %d: %w", d.ID, d.Version, ErrNotFound)
		}
		d.Message = bot.BriefingMessage(o.entry(vs[0]))
	}
	return d, true, nil
}

// hold takes or renews the channel's lease when a quarter of it has
// passed, and reports whether this replica holds it.
func (o *Outbox) hold(ctx context.Context, channel string) (bool, error) {
	if o.fresh(channel) {
		return true, nil
	}
	d := o.db.leaseTime()
	now := leaseClock()
	held, err := o.db.Lease(ctx, channelLease(channel), d)
	if err != nil || !held {
		o.mu.Lock()
		delete(o.held, channel)
		o.mu.Unlock()
		return false, err
	}
	o.renewed(channel, now.Add(d))
	return true, nil
}

// fresh reports whether this replica holds the channel's lease with more
// than three quarters of it to run.
func (o *Outbox) fresh(channel string) bool {
	o.mu.Lock()
	until, ok := o.held[channel]
	o.mu.Unlock()
	return ok && until.Sub(leaseClock()) > o.db.leaseTime()*3/4
}

// renewed records that this replica holds the channel's lease until.
func (o *Outbox) renewed(channel string, until time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.held[channel] = until
}

// scanDelivery reads a row of deliveryColumns.
func scanDelivery(row interface{ Scan(...any) error }) (bot.Delivery, error) {
	var (
		d                         bot.Delivery
		message, state, parts     string
		due, created, sent, tried sql.NullInt64
		version                   sql.NullInt64
	)
	if err := row.Scan(&d.ID, &d.Channel, &d.Key, &message, &version, &state, &d.Attempts,
		&due, &created, &sent, &d.MessageID, &d.LastError, &parts, &tried); err != nil {
		return bot.Delivery{}, err
	}
	d.Version = version.Int64
	if !version.Valid {
		if err := json.Unmarshal([]byte(message), &d.Message); err != nil {
			return bot.Delivery{}, fmt.Errorf("decoding message of delivery %d: %w", d.ID, err)
		}
	}
	if err := json.Unmarshal([]byte(parts), &d.Parts); err != nil {
		return bot.Delivery{}, fmt.Errorf("decoding parts of delivery %d: %w", d.ID, err)
	}
	if len(d.Parts) == 0 {
		d.Parts = nil
	}
	d.State = bot.DeliveryState(state)
	d.Due, d.Created, d.SentAt, d.Tried = fromUnixNano(due), fromUnixNano(created), fromUnixNano(sent), fromUnixNano(tried)
	return d, nil
}

// Update stores d's State, Attempts, Due, SentAt, MessageID, LastError,
// Parts and Tried.
// An unknown delivery is ErrNotFound; one already marked sent is ErrSent
// and is left as it is; one of a channel whose lease another replica
// holds is ErrLeased, and left to that replica.
func (o *Outbox) Update(ctx context.Context, d bot.Delivery) error {
	if err := o.update(ctx, d); err != nil {
		return fmt.Errorf("updating delivery %d: %w", d.ID, err)
	}
	return nil
}

func (o *Outbox) update(ctx context.Context, d bot.Delivery) error {
	parts, err := json.Marshal(d.Parts)
	if err != nil {
		return err
	}
	if d.Parts == nil {
		parts = []byte("[]")
	}
	tx, err := o.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Its statements run without ctx's end, as a save's do (see SaveAll);
	// the transaction ends with ctx.
	ctx = context.WithoutCancel(ctx)
	var renewed time.Time // when the lease renewed here runs out
	if d.State == bot.Sending && d.Channel != "" && !o.fresh(d.Channel) {
		// About to post: the lease is renewed, so that the post has at
		// least three quarters of it, more than a post may take, before
		// another replica may take the channel over.
		lease := o.db.leaseTime()
		held, err := o.db.lease(ctx, tx.tx, channelLease(d.Channel), lease)
		if err != nil {
			return err
		}
		if !held {
			return ErrLeased
		}
		renewed = leaseClock().Add(lease)
	}
	// The condition on state keeps a sent record sent whatever the caller
	// asks.
	res, err := tx.ExecContext(ctx, `
		UPDATE deliveries SET state = ?, attempts = ?, due = ?, sent_at = ?, message_id = ?, last_error = ?,
			parts = ?, tried = ?, updated = ?
		WHERE id = ? AND state != 'sent' AND NOT EXISTS (
			SELECT 1 FROM leases WHERE name = 'channel:' || deliveries.channel AND holder != ? AND until > ?)`,
		string(d.State), d.Attempts, unixNano(d.Due), unixNano(d.SentAt), d.MessageID, d.LastError,
		string(parts), unixNano(d.Tried), o.db.now().UnixNano(), d.ID, o.db.replica, leaseClock().UnixNano())
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		var state, messageID string
		err := tx.QueryRowContext(ctx, `SELECT state, message_id FROM deliveries WHERE id = ?`, d.ID).Scan(&state, &messageID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrNotFound
		case err != nil:
			return err
		case d.State == bot.Sent && messageID == d.MessageID:
			// Marking sent again, as a retry after a lost reply from the
			// database does, is no change.
			return nil
		case state != string(bot.Sent):
			return ErrLeased
		default:
			return ErrSent
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if !renewed.IsZero() {
		o.renewed(d.Channel, renewed)
	}
	return nil
}

// Counts returns how many of the channel's deliveries are in each state,
// leaving out states with none, and the error of the delivery that failed
// last, or "" if none has.
func (o *Outbox) Counts(ctx context.Context, channel string) (map[bot.DeliveryState]int, string, error) {
	counts, lastErr, err := o.counts(ctx, channel)
	if err != nil {
		return nil, "", fmt.Errorf("counting deliveries of channel %q: %w", channel, err)
	}
	return counts, lastErr, nil
}

func (o *Outbox) counts(ctx context.Context, channel string) (map[bot.DeliveryState]int, string, error) {
	tx, err := o.db.sql.readTx(ctx)
	if err != nil {
		return nil, "", err
	}
	defer tx.Rollback()
	counts := map[bot.DeliveryState]int{}
	if err := each(ctx, tx, `SELECT state, COUNT(*) FROM deliveries WHERE channel = ? GROUP BY state`,
		func(rows *sql.Rows) error {
			var (
				state string
				n     int
			)
			if err := rows.Scan(&state, &n); err != nil {
				return err
			}
			counts[bot.DeliveryState(state)] = n
			return nil
		}, channel); err != nil {
		return nil, "", err
	}
	var lastErr string
	err = tx.QueryRowContext(ctx, `
		SELECT last_error FROM deliveries WHERE channel = ? AND state = 'failed'
		ORDER BY updated DESC, id DESC LIMIT 1`, channel).Scan(&lastErr)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, "", err
	}
	return counts, lastErr, nil
}

// Unsent returns how many deliveries are pending or sending, by channel:
// the depth of each channel's queue. Channels with none are left out.
func (o *Outbox) Unsent(ctx context.Context) (map[string]int, error) {
	rows, err := o.db.sql.QueryContext(ctx,
		`SELECT channel, COUNT(*) FROM deliveries WHERE state IN ('pending', 'sending') GROUP BY channel`)
	if err != nil {
		return nil, fmt.Errorf("counting unsent deliveries: %w", err)
	}
	defer rows.Close()
	n := make(map[string]int)
	for rows.Next() {
		var ch string
		var c int
		if err := rows.Scan(&ch, &c); err != nil {
			return nil, fmt.Errorf("counting unsent deliveries: %w", err)
		}
		n[ch] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting unsent deliveries: %w", err)
	}
	return n, nil
}

// Prune deletes the deliveries that were sent, or failed for good, before
// before, and returns how many. Nothing needs them again: a channel's cursors, not its old
// deliveries, keep a briefing or digest from being queued twice.
func (o *Outbox) Prune(ctx context.Context, before time.Time) (int64, error) {
	res, err := o.db.exec(ctx, `
		DELETE FROM deliveries
		WHERE state IN ('sent', 'failed') AND COALESCE(sent_at, updated) < ?`, before.UnixNano())
	if err != nil {
		return 0, fmt.Errorf("pruning the outbox: %w", err)
	}
	return res.RowsAffected()
}

// FirstSeen records that the request with the platform's id id (a Slack
// trigger_id, a Discord interaction id) is being handled, and reports
// whether it is the first time within the window: a replayed request is
// answered without running again. Records older than window are deleted.
func (db *DB) FirstSeen(ctx context.Context, id string, window time.Duration) (bool, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, fmt.Errorf("recording request %q: %w", id, err)
	}
	defer tx.Rollback()
	now := db.now()
	if _, err := tx.ExecContext(ctx, `DELETE FROM handled WHERE at < ?`, now.Add(-window).UnixNano()); err != nil {
		return false, fmt.Errorf("recording request %q: %w", id, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO handled (id, at) VALUES (?, ?) ON CONFLICT DO NOTHING`, id, now.UnixNano())
	if err != nil {
		return false, fmt.Errorf("recording request %q: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("recording request %q: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("recording request %q: %w", id, err)
	}
	return n == 1, nil
}
