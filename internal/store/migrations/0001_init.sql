-- The archive: articles and their versions, the quotes and positions of each
-- version, the speakers they are attributed to, and a full-text index over
-- what was said. Times are Unix nanoseconds in UTC; NULL means unknown.

CREATE TABLE articles (
	id                INTEGER PRIMARY KEY,
	source_kind       TEXT    NOT NULL,
	source_key        TEXT    NOT NULL,
	name              TEXT    NOT NULL,
	url               TEXT    NOT NULL,
	title             TEXT    NOT NULL,
	outlet            TEXT    NOT NULL, -- summarize.Article.Source
	published         INTEGER,
	first_seen        INTEGER NOT NULL,
	latest_version_id INTEGER REFERENCES versions(id),
	UNIQUE (source_kind, source_key)
);

CREATE TABLE versions (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles(id),
	version      INTEGER NOT NULL,
	content_hash TEXT    NOT NULL UNIQUE, -- hex SHA-256 of body
	body         TEXT    NOT NULL,
	title        TEXT    NOT NULL,        -- summarize.Briefing.Title
	lede         TEXT    NOT NULL,
	topics       TEXT    NOT NULL,        -- JSON array of strings
	created      INTEGER NOT NULL,
	UNIQUE (article_id, version)
);

CREATE TABLE speakers (
	id       INTEGER PRIMARY KEY,
	name     TEXT    NOT NULL, -- canonical: the longest name seen
	name_key TEXT    NOT NULL, -- lower-case name
	surname  TEXT    NOT NULL, -- lower-case last word of name
	kind     TEXT    NOT NULL,
	role     TEXT    NOT NULL DEFAULT '',
	role_at  INTEGER           -- date of the article the role came from
);
CREATE INDEX speakers_by_name ON speakers (kind, name_key);
CREATE INDEX speakers_by_surname ON speakers (kind, surname);

CREATE TABLE speaker_aliases (
	speaker_id INTEGER NOT NULL REFERENCES speakers(id),
	alias_key  TEXT    NOT NULL, -- lower-case alias
	alias      TEXT    NOT NULL,
	PRIMARY KEY (speaker_id, alias_key)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_by_key ON speaker_aliases (alias_key);

-- The actors of each version as the article named them, so that a Briefing
-- can be rebuilt exactly whatever the speakers were merged into.
CREATE TABLE version_actors (
	version_id INTEGER NOT NULL REFERENCES versions(id),
	ord        INTEGER NOT NULL,
	speaker_id INTEGER REFERENCES speakers(id), -- NULL for a blank name
	name       TEXT    NOT NULL,
	role       TEXT    NOT NULL,
	aliases    TEXT    NOT NULL, -- JSON array of strings
	kind       TEXT    NOT NULL,
	PRIMARY KEY (version_id, ord)
) WITHOUT ROWID;

CREATE TABLE quotes (
	id         INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions(id),
	ord        INTEGER NOT NULL,
	text       TEXT    NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	speaker_id INTEGER REFERENCES speakers(id), -- NULL when unattributed
	speaker    TEXT    NOT NULL,                -- the name the article gives
	role       TEXT    NOT NULL,
	partial    INTEGER NOT NULL
);
CREATE INDEX quotes_by_version ON quotes (version_id);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id);

CREATE TABLE positions (
	id         INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions(id),
	ord        INTEGER NOT NULL,
	text       TEXT    NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	speaker_id INTEGER REFERENCES speakers(id), -- NULL for a blank name
	actor      TEXT    NOT NULL                 -- the name the article gives
);
CREATE INDEX positions_by_version ON positions (version_id);
CREATE INDEX positions_by_speaker ON positions (speaker_id);

-- The speakers who said something in each version, by quote or position:
-- those an article is about its topics for.
CREATE TABLE version_speakers (
	version_id INTEGER NOT NULL REFERENCES versions(id),
	speaker_id INTEGER NOT NULL REFERENCES speakers(id),
	PRIMARY KEY (version_id, speaker_id)
) WITHOUT ROWID;

-- The full-text index of the latest version of each article: a row for each
-- quote (rowid 4*quotes.id) and position (4*positions.id + 1) with its
-- text, speaker's name and speaker, and a row for the version itself
-- (4*versions.id + 2) with its topics. Topics are a version's, not each
-- quote's, so they are indexed once: a topical word would otherwise match
-- every quote of every article about it. forms holds the places named by
-- demonyms, so that "European" is found as "Europe" too. Contentless: the
-- texts live in quotes, positions and versions; speaker_id and at (the
-- article's date, for recency) are kept to rank without a join.
CREATE VIRTUAL TABLE search USING fts5 (
	text, topics, speaker, forms,
	speaker_id UNINDEXED,
	at UNINDEXED,
	content = '',
	contentless_delete = 1,
	contentless_unindexed = 1,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
