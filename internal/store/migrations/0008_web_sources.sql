-- The web archive's sources page counts the articles of each source and
-- finds the latest: an index that holds all it reads, so that the count
-- reads the index alone, in order, with no sort (18 ms instead of 70 ms
-- over 100,000 articles).
CREATE INDEX articles_by_source ON articles (source_kind, outlet, name, published, first_seen);
