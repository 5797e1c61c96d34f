-- Leases: what one replica of several sharing the archive does at a time
-- (a channel's posting, "channel:slack:C123"; a feed's polling,
-- "feed:https://…"), who holds each and until when, in Unix nanoseconds.
-- A lease not renewed by then may be taken by another replica.
CREATE TABLE leases (
	name   TEXT    PRIMARY KEY,
	holder TEXT    NOT NULL,
	until  INTEGER NOT NULL
) WITHOUT ROWID;
