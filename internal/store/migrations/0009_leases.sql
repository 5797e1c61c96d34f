-- Numbered 9: main took 8 (0008_web_sources.sql, issue #13) while this
-- was made; a version may be skipped, and the two then apply in order.
-- Leases: what one replica of several sharing the archive does at a time
-- (a channel's posting, "channel:slack:C123"; a feed's polling,
-- "feed:https://…"), who holds each and until when, in Unix nanoseconds.
-- A lease not renewed by then may be taken by another replica.
CREATE TABLE leases (
	name   TEXT    PRIMARY KEY,
	holder TEXT    NOT NULL,
	until  INTEGER NOT NULL
) WITHOUT ROWID;
