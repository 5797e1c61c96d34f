-- What the web archive and /who-said read, made cheaper to read.
--
-- The articles of each source and the latest of their dates, kept by
-- triggers as articles are archived or change source or date (see
-- ../migrations/0011_source_counts.sql): PostgreSQL counted 100,000
-- articles for each sources page in 70 to 90 ms.
CREATE TABLE source_counts (
	source_kind TEXT    NOT NULL,
	source      TEXT    NOT NULL,
	articles    INTEGER NOT NULL,
	latest      BIGINT  NOT NULL,
	PRIMARY KEY (source_kind, source)
);

INSERT INTO source_counts (source_kind, source, articles, latest)
SELECT source_kind, CASE WHEN outlet <> '' THEN outlet ELSE name END, COUNT(*), MAX(COALESCE(published, first_seen))
FROM articles GROUP BY 1, 2;

-- An article that leaves a source (deleted, or changed) counts one fewer,
-- and the source's latest date is found again when it was this article's;
-- one that comes (inserted, or changed) counts one more. Saves take turns
-- (lockSave), so two never count the same source at once.
CREATE FUNCTION count_sources() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	src TEXT;
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		src := CASE WHEN OLD.outlet <> '' THEN OLD.outlet ELSE OLD.name END;
		UPDATE source_counts SET articles = articles - 1 WHERE source_kind = OLD.source_kind AND source = src;
		DELETE FROM source_counts WHERE source_kind = OLD.source_kind AND source = src AND articles <= 0;
		UPDATE source_counts c SET latest = COALESCE((
			SELECT MAX(COALESCE(a.published, a.first_seen)) FROM articles a
			WHERE a.source_kind = c.source_kind AND a.id <> OLD.id
			AND (a.outlet = c.source OR a.outlet = '' AND a.name = c.source)), c.latest)
		WHERE c.source_kind = OLD.source_kind AND c.source = src AND c.latest = COALESCE(OLD.published, OLD.first_seen);
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		INSERT INTO source_counts AS c (source_kind, source, articles, latest)
		VALUES (NEW.source_kind, CASE WHEN NEW.outlet <> '' THEN NEW.outlet ELSE NEW.name END, 1, COALESCE(NEW.published, NEW.first_seen))
		ON CONFLICT (source_kind, source) DO UPDATE SET articles = c.articles + 1, latest = GREATEST(c.latest, EXCLUDED.latest);
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER source_counts_insert_delete AFTER INSERT OR DELETE ON articles
	FOR EACH ROW EXECUTE FUNCTION count_sources();
-- Saves write every column of an article again with each version; the
-- WHEN leaves those alone.
CREATE TRIGGER source_counts_update AFTER UPDATE OF source_kind, outlet, name, published, first_seen ON articles
	FOR EACH ROW WHEN (OLD.source_kind IS DISTINCT FROM NEW.source_kind OR OLD.outlet IS DISTINCT FROM NEW.outlet
		OR OLD.name IS DISTINCT FROM NEW.name OR OLD.published IS DISTINCT FROM NEW.published
		OR OLD.first_seen IS DISTINCT FROM NEW.first_seen)
	EXECUTE FUNCTION count_sources();

-- The most recent n rows matching q of those after seq after, through the
-- full-text index and the index on seq together (see searchpg.go): with
-- plain index scans off, which PostgreSQL prefers and which would test
-- every row after, and planned for the arguments each time, as EXECUTE
-- does. One call, where a transaction setting enable_indexscan took four
-- round trips.
CREATE FUNCTION search_window(q tsquery, after bigint, n integer)
RETURNS TABLE (rowid bigint, speaker_id bigint, at bigint, doc tsvector, seq bigint)
LANGUAGE plpgsql STABLE SET enable_indexscan = off AS $$
BEGIN
	RETURN QUERY EXECUTE 'SELECT rowid, speaker_id, at, doc, seq FROM search
		WHERE doc @@ $1 AND seq > $2 ORDER BY seq + 0 DESC LIMIT $3' USING q, after, n;
END $$;
