-- The newest search rows again, in a table of their own with its own
-- full-text index, for /who-said (see searchpg.go): a word in one row of
-- fifty to one of a thousand cost a search the whole table's index, every
-- match of it in a bitmap (20,000 in a million quotes, 4 ms), and a bitmap
-- of the newest 100,000 rows to intersect it with (4 ms more); here its
-- matches among the newest rows alone. Statement triggers on search keep
-- it: every row of search added, but those already too old, is added here;
-- every row deleted there goes here too; and when more than an eighth of
-- its size has come in since, the rows no longer among the newest
-- search_newest_rows() go.
--
-- It holds every row of search numbered after MAX(search.seq) minus
-- search_newest_rows() that search does: a row is taken out only when it
-- was that old at the time, and a search asks it only for rows newer than
-- that. Older ones it may hold too, left by a transaction that was not
-- yet committed when another took them out; the search leaves them out.
CREATE TABLE search_newest (
	rowid      BIGINT   PRIMARY KEY,
	seq        BIGINT   NOT NULL,
	doc        TSVECTOR NOT NULL,
	speaker_id BIGINT,
	at         BIGINT
);
-- Rows added go to the index's pending list, which every search reads
-- through; a short one is merged into the index more often but costs a
-- search little (4 MB, the default, cost searches here 4 ms).
CREATE INDEX search_newest_doc ON search_newest USING gin (doc) WITH (gin_pending_list_limit = 256);
CREATE INDEX search_newest_seq ON search_newest (seq);
ALTER TABLE search_newest ALTER COLUMN doc SET STATISTICS 1000;

-- How many of the newest rows it holds: enough for the newest 1,000
-- matches of a word in one row of 130 or more, the words the window of
-- the whole table was dear for (recentRows in searchpg.go). A test sets
-- fewer in meta, to see rows go.
CREATE FUNCTION search_newest_rows() RETURNS bigint LANGUAGE sql STABLE AS $$
	SELECT COALESCE((SELECT value::bigint FROM meta WHERE key = 'search_newest_rows'), 131072)
$$;

INSERT INTO search_newest (rowid, seq, doc, speaker_id, at)
SELECT rowid, seq, doc, speaker_id, at FROM search
WHERE seq > (SELECT COALESCE(MAX(seq), 0) FROM search) - search_newest_rows();

CREATE FUNCTION search_newest_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	top  bigint;
	keep bigint := search_newest_rows();
BEGIN
	SELECT MAX(seq) INTO top FROM added;
	IF top IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO search_newest (rowid, seq, doc, speaker_id, at)
	SELECT rowid, seq, doc, speaker_id, at FROM added WHERE seq > top - keep;
	IF (SELECT MIN(seq) FROM search_newest) <= top - keep - keep / 8 THEN
		DELETE FROM search_newest WHERE seq <= top - keep;
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION search_newest_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_newest r USING deleted d WHERE r.rowid = d.rowid;
	RETURN NULL;
END $$;

CREATE TRIGGER search_newest_insert AFTER INSERT ON search
	REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_newest_add();
CREATE TRIGGER search_newest_delete AFTER DELETE ON search
	REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION search_newest_delete();
