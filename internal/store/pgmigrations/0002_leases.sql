-- Leases: what one replica of several sharing the archive does at a time
-- (see ../migrations/0009_leases.sql).
CREATE TABLE leases (
	name   TEXT   PRIMARY KEY,
	holder TEXT   NOT NULL,
	until  BIGINT NOT NULL
);
