package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
)

// dialect is what differs between SQLite and PostgreSQL in the SQL the
// archive runs. Queries are written once, for SQLite, with ? and ?N
// placeholders; the few constructs that differ are methods here.
type dialect struct {
	postgres bool
	// rebound caches PostgreSQL's form of each query, by its SQLite form.
	rebound sync.Map
}

// rebind is query with PostgreSQL's $N placeholders for ? and ?N. Text in
// single quotes is left as it is.
func (d *dialect) rebind(query string) string {
	if !d.postgres {
		return query
	}
	if q, ok := d.rebound.Load(query); ok {
		return q.(string)
	}
	var b strings.Builder
	n := 0
	quoted := false
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			j := i + 1
			for j < len(query) && '0' <= query[j] && query[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(query[i+1 : j])
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	d.rebound.Store(query, b.String())
	return b.String()
}

// ints is a subquery of the integers in the JSON array that the
// placeholder p stands for.
//
// On PostgreSQL the array is made an array of bigint ([1,2] is {1,2} in
// its syntax) and unnested: the planner counts the elements of an array,
// where it takes any JSON array for 100 rows, and so chose to scan every
// speaker (3 to 6 ms of a /who-said over a million quotes) for a handful
// of ids it reads through the primary key in 0.1 ms.
func (d *dialect) ints(p string) string {
	if d.postgres {
		return `(SELECT unnest(CAST(translate(CAST(` + p + ` AS TEXT), '[]', '{}') AS bigint[])) AS value)`
	}
	return `(SELECT value FROM json_each(` + p + `))`
}

// texts is a subquery of the strings in the JSON array that p stands for.
func (d *dialect) texts(p string) string {
	if d.postgres {
		return `(SELECT value FROM json_array_elements_text(` + p + `::json) AS j(value))`
	}
	return `(SELECT value FROM json_each(` + p + `))`
}

// jsonEach is a FROM item named alias, with a column value, of the strings
// of the JSON array in the column col.
func (d *dialect) jsonEach(col, alias string) string {
	if d.postgres {
		return `json_array_elements_text(` + col + `::json) AS ` + alias + `(value)`
	}
	return `json_each(` + col + `) ` + alias
}

// contains is the SQL for whether s contains sub.
func (d *dialect) contains(s, sub string) string {
	if d.postgres {
		return `strpos(` + s + `, ` + sub + `) > 0`
	}
	return `instr(` + s + `, ` + sub + `) > 0`
}

// bytes is the SQL for the text of body from the byte offset start, of n
// bytes: summarize's offsets are in bytes, and both databases count
// characters.
func (d *dialect) bytes(body, start, n string) string {
	if d.postgres {
		return `convert_from(substring(convert_to(` + body + `, 'UTF8'), ` + start + ` + 1, ` + n + `), 'UTF8')`
	}
	return `CAST(substr(CAST(` + body + ` AS BLOB), ` + start + ` + 1, ` + n + `) AS TEXT)`
}

// spanText is the SQL for the text of the quote or position row r, joined
// with its version as v: a text that is the body's bytes from its start to
// its end, as summarize's always are, is saved empty and read from the
// body (see ownText); the archive would otherwise hold it twice.
func (d *dialect) spanText(r string) string {
	return `CASE WHEN ` + r + `.text = '' THEN ` + d.bytes("v.body", r+".start_byte", r+".end_byte - "+r+".start_byte") +
		` ELSE ` + r + `.text END`
}

// readOptions are the options of a read transaction that sees one
// snapshot: SQLite's transactions do; PostgreSQL's need repeatable read.
func (d *dialect) readOptions() *sql.TxOptions {
	if d.postgres {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// conn is the database with every query rebound for its dialect and, on
// SQLite, each statement with arguments prepared once: SQLite parsing the
// outbox's statements again for every post was a tenth of the time a
// first run spent. PostgreSQL's driver keeps each connection's statements
// itself.
type conn struct {
	*sql.DB
	d     *dialect
	stmts sync.Map // query → *sql.Stmt
}

// prepared is query prepared for the pool, made on first use, or nil
// when it is not kept: on PostgreSQL, and for a query run without
// arguments, which may be a script of several statements (a migration)
// that cannot be prepared as one. A statement that fails to prepare is nil
// too, and run as it is, to fail with the same error there.
func (c *conn) prepared(ctx context.Context, query string, args []any) *sql.Stmt {
	if len(args) == 0 {
		return nil
	}
	return c.stmt(ctx, query)
}

// stmt is the single statement query prepared for the pool, or nil (see
// prepared).
func (c *conn) stmt(ctx context.Context, query string) *sql.Stmt {
	if c.d.postgres {
		return nil
	}
	if st, ok := c.stmts.Load(query); ok {
		return st.(*sql.Stmt)
	}
	st, err := c.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	if old, loaded := c.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return old.(*sql.Stmt)
	}
	return st
}

// Close closes the statements kept and the database.
func (c *conn) Close() error {
	c.stmts.Range(func(q, st any) bool {
		st.(*sql.Stmt).Close()
		c.stmts.Delete(q)
		return true
	})
	return c.DB.Close()
}

func (c *conn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.prepared(ctx, query, args); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.DB.ExecContext(ctx, c.d.rebind(query), args...)
}

func (c *conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.prepared(ctx, query, args); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.DB.QueryContext(ctx, c.d.rebind(query), args...)
}

func (c *conn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.prepared(ctx, query, args); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.DB.QueryRowContext(ctx, c.d.rebind(query), args...)
}

func (c *conn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return c.DB.PrepareContext(ctx, c.d.rebind(query))
}

func (c *conn) BeginTx(ctx context.Context, opts *sql.TxOptions) (*tx, error) {
	t, err := c.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &tx{Tx: t, d: c.d, c: c}, nil
}

// readTx begins a read transaction that sees one snapshot.
func (c *conn) readTx(ctx context.Context) (*tx, error) {
	return c.BeginTx(ctx, c.d.readOptions())
}

// tx is a transaction with every query rebound for its dialect, and the
// statements its conn keeps used on the transaction's connection (which
// database/sql prepares there once).
type tx struct {
	*sql.Tx
	d *dialect
	c *conn
}

// prepared is the statement the conn keeps for query, for use in the
// transaction, or nil.
func (t *tx) prepared(ctx context.Context, query string, args []any) *sql.Stmt {
	if st := t.c.prepared(ctx, query, args); st != nil {
		return t.Tx.StmtContext(ctx, st)
	}
	return nil
}

func (t *tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.prepared(ctx, query, args); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, t.d.rebind(query), args...)
}

func (t *tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.prepared(ctx, query, args); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, t.d.rebind(query), args...)
}

func (t *tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.prepared(ctx, query, args); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, t.d.rebind(query), args...)
}

func (t *tx) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := t.c.stmt(ctx, query); st != nil {
		return t.Tx.StmtContext(ctx, st), nil
	}
	return t.Tx.PrepareContext(ctx, t.d.rebind(query))
}

// searchDoc is PostgreSQL's search document of a row from the SQL of its
// columns: the text weighted A, the rest D.
func searchDoc(text, topics, speaker, forms string) string {
	return `setweight(to_tsvector('briefbot', ` + text + `), 'A') || setweight(to_tsvector('briefbot', ` +
		topics + ` || ' ' || ` + speaker + ` || ' ' || ` + forms + `), 'D')`
}

// indexRow inserts a search row: rowid, text, topics, speaker, forms,
// speaker_id and at.
func (d *dialect) indexRow() string {
	if d.postgres {
		return `INSERT INTO search (rowid, doc, speaker_id, at) VALUES (?1, ` +
			searchDoc("CAST(?2 AS TEXT)", "CAST(?3 AS TEXT)", "CAST(?4 AS TEXT)", "CAST(?5 AS TEXT)") + `, ?6, ?7)`
	}
	return `INSERT INTO search (rowid, text, topics, speaker, forms, speaker_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`
}
