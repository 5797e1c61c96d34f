-- The web archive's sources page counts the articles of each source and
-- finds the latest (see ../migrations/0009_web_sources.sql): an index that
-- holds all it reads lets the count read the index alone, in order.
CREATE INDEX articles_by_source ON articles (source_kind, outlet, name, published, first_seen);
