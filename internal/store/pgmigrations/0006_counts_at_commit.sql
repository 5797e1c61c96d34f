-- Replicas save side by side (see SaveAll): a source's count of articles
-- is changed at the commit of the save that adds to it, not when the
-- article is inserted, so that a save holds the lock on the source's row
-- for its commit only. Articles of one source came in every save, and
-- each save waited for the commit of the one before it.
DROP TRIGGER source_counts_insert_delete ON articles;
DROP TRIGGER source_counts_update ON articles;

CREATE CONSTRAINT TRIGGER source_counts_insert_delete AFTER INSERT OR DELETE ON articles
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION count_sources();
CREATE CONSTRAINT TRIGGER source_counts_update AFTER UPDATE OF source_kind, outlet, name, published, first_seen ON articles
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.source_kind IS DISTINCT FROM NEW.source_kind OR OLD.outlet IS DISTINCT FROM NEW.outlet
		OR OLD.name IS DISTINCT FROM NEW.name OR OLD.published IS DISTINCT FROM NEW.published
		OR OLD.first_seen IS DISTINCT FROM NEW.first_seen)
	EXECUTE FUNCTION count_sources();
