-- The outbox: how far each chat channel has got through the archive, and
-- the messages due to each, kept until they are sent so that a restart
-- neither loses nor repeats one. Channels move their cursors and queue their
-- deliveries in one transaction. Times are Unix nanoseconds in UTC; NULL
-- means never.

CREATE TABLE channels (
	id        TEXT    PRIMARY KEY,   -- bot.Channel.Key(), as "console:terminal"
	immediate INTEGER NOT NULL,      -- versions.id last considered for immediate posts
	digest    INTEGER NOT NULL,      -- versions.id last covered by a digest
	slot      INTEGER,               -- scheduled time of the latest digest
	digest_at INTEGER,               -- when the latest digest was made
	created   INTEGER NOT NULL
) WITHOUT ROWID;

-- One row a message to a channel; id is the order they were queued in. A
-- row marked sent stays sent: it is the record that the message went out.
CREATE TABLE deliveries (
	id         INTEGER PRIMARY KEY,
	channel    TEXT    NOT NULL REFERENCES channels(id),
	key        TEXT    NOT NULL, -- what is delivered, as "briefing:42"
	message    TEXT    NOT NULL, -- JSON of bot.Message
	state      TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
	attempts   INTEGER NOT NULL DEFAULT 0,
	due        INTEGER,          -- when the next attempt may be made; NULL: at once
	created    INTEGER NOT NULL,
	updated    INTEGER NOT NULL, -- when last updated, to find the latest failure
	sent_at    INTEGER,
	message_id TEXT    NOT NULL DEFAULT '', -- the platform's id for the post
	last_error TEXT    NOT NULL DEFAULT '',
	UNIQUE (channel, key)
);
-- The deliveries still to make, for a channel's oldest and for the queue's
-- depth; sent and failed ones, nearly all of the table, stay out of it.
CREATE INDEX deliveries_open ON deliveries (channel, id) WHERE state IN ('pending', 'sending');
