-- Each part of a delivery (a Slack thread reply, a Discord message after
-- the first) is a step of it: parts holds the JSON list of the platform's
-- ids of the parts posted so far, and tried when the current part was
-- first tried, so that a look-up after a lost answer searches from then.
ALTER TABLE deliveries ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE deliveries ADD COLUMN tried INTEGER;

-- Facts about this archive. install_id is random, made once when the
-- archive is: part of every key the bot gives a platform (a Discord nonce,
-- a Slack message's metadata), so that a new archive, or a second
-- deployment, on the same bot never repeats the keys of another.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('install_id', lower(hex(randomblob(8))));

-- Commands already answered, by the platform's id for the request (a
-- Slack trigger_id, a Discord interaction id), so that a replayed request
-- is not run again. Rows older than the replay window are deleted.
CREATE TABLE handled (
	id      TEXT    PRIMARY KEY,
	at      INTEGER NOT NULL
) WITHOUT ROWID;
