-- Claims: which replica briefs a file of a seeds folder that several
-- share, so that each file is briefed by one. A claim is keyed by the
-- file's path and content (an edited file is a new claim, and so is a
-- renamed one, which Save then follows), held by a replica until a time
-- in Unix nanoseconds, after which another may take it, and done once the
-- file is archived, when no replica briefs it again.
CREATE TABLE claims (
	key    TEXT    PRIMARY KEY, -- a hash of the path and the content
	holder TEXT    NOT NULL,
	until  INTEGER NOT NULL,
	done   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
