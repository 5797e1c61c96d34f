package store

// KeepNoIdleConns makes every query of db open a new connection, as a busy
// pool does when it grows: each connection's setup then meets the writes
// of the others.
func KeepNoIdleConns(db *DB) { db.sql.SetMaxIdleConns(0) }
