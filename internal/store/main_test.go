package store_test

import (
	"database/sql"
	"os"
	"testing"

	"github.com/briefbot/briefbot/internal/store"
)

// TestMain runs the suite on each backend.
func TestMain(m *testing.M) { os.Exit(store.RunBackends(m)) }

// openRaw opens the archive at path with the database's own driver, to
// look at what the store does not show; closed when the test ends.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if store.IsPostgres(path) {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
