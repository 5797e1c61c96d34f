-- Feeds: what is remembered about each feed between polls, and the
-- identities of the items already briefed from it (ingest.Item.ID), so that
-- an item is briefed once however the feed re-orders or re-dates it. Times
-- are Unix nanoseconds in UTC; NULL means never.

CREATE TABLE feeds (
	url           TEXT    PRIMARY KEY,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '', -- as the server sent it
	last_checked  INTEGER,
	last_success  INTEGER,
	failures      INTEGER NOT NULL DEFAULT 0,  -- since the last success
	last_error    TEXT    NOT NULL DEFAULT '',
	items         INTEGER NOT NULL DEFAULT 0   -- in the feed when last fetched
) WITHOUT ROWID;

CREATE TABLE feed_items (
	feed_url TEXT    NOT NULL,
	item_id  TEXT    NOT NULL,
	seen     INTEGER NOT NULL, -- when first seen
	PRIMARY KEY (feed_url, item_id)
) WITHOUT ROWID;
