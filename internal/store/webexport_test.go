package store

import (
	"context"
	"strings"
)

// Percentile is percentile, and BenchTopics benchTopics, for the
// benchmarks of the web pages and the commands.
var (
	Percentile  = percentile
	BenchTopics = benchTopics
)

// FillBench fills db as BenchmarkWhoSaid's archive, n quotes ten to an
// article, and gives each article a body that holds its quotes at their
// offsets ("“…,” Name said."), as a page shows it.
func FillBench(ctx context.Context, db *DB, n int) error {
	if err := fillBench(ctx, db, n); err != nil {
		return err
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT q.id, q.version_id, q.text, q.speaker FROM quotes q ORDER BY q.version_id, q.ord`)
	if err != nil {
		return err
	}
	type quote struct {
		id, version   int64
		text, speaker string
		start, end    int
	}
	var qs []quote
	for rows.Next() {
		var q quote
		if err := rows.Scan(&q.id, &q.version, &q.text, &q.speaker); err != nil {
			rows.Close()
			return err
		}
		qs = append(qs, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	setBody, err := tx.PrepareContext(ctx, `UPDATE versions SET body = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer setBody.Close()
	setQuote, err := tx.PrepareContext(ctx, `UPDATE quotes SET start_byte = ?, end_byte = ?, text = '' WHERE id = ?`)
	if err != nil {
		return err
	}
	defer setQuote.Close()
	var body strings.Builder
	for i := 0; i < len(qs); {
		body.Reset()
		j := i
		for ; j < len(qs) && qs[j].version == qs[i].version; j++ {
			if body.Len() > 0 {
				body.WriteString("\n\n")
			}
			body.WriteString("“")
			start := body.Len()
			body.WriteString(qs[j].text)
			if _, err := setQuote.ExecContext(ctx, start, body.Len(), qs[j].id); err != nil {
				return err
			}
			body.WriteString(",” " + qs[j].speaker + " said.")
		}
		if _, err := setBody.ExecContext(ctx, body.String(), qs[i].version); err != nil {
			return err
		}
		i = j
	}
	return tx.Commit()
}
