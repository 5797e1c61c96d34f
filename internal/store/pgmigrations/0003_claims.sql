-- Claims: which replica briefs a file of a seeds folder that several
-- share (see ../migrations/0010_claims.sql).
CREATE TABLE claims (
	key    TEXT    PRIMARY KEY,
	holder TEXT    NOT NULL,
	until  BIGINT  NOT NULL,
	done   INTEGER NOT NULL DEFAULT 0
);
