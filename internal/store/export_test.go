package store

// KeepNoIdleConns makes every query of db open a new connection, as a busy
// pool does when it grows: each connection's setup then meets the writes
// of the others.
func KeepNoIdleConns(db *DB) { db.sql.SetMaxIdleConns(0) }

// StoredMessageBytes is how many bytes of rendered messages the outbox
// holds.
func StoredMessageBytes(t interface{ Fatal(...any) }, db *DB) int64 {
	var n int64
	if err := db.sql.QueryRow(`SELECT COALESCE(SUM(length(message)), 0) FROM deliveries`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
