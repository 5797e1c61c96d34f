package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/internal/store/storetest"
)

// onPostgres is whether this run of the suite is the one on PostgreSQL.
// RunBackends sets it between the runs; tests only read it.
var onPostgres bool

// RunBackends runs the package's tests and benchmarks on SQLite, then
// again on PostgreSQL when there is a test server (or CI requires one),
// and returns the exit code.
func RunBackends(m *testing.M) int {
	code := m.Run()
	if storetest.Server() == "" && !storetest.Required() {
		fmt.Printf("store: no PostgreSQL server (%s), so the suite ran on SQLite only\n", storetest.Env)
		return code
	}
	fmt.Println("store: the suite again, on PostgreSQL")
	onPostgres = true
	return max(code, m.Run())
}

// ArchivePath is where a test's new archive is: a file in a temporary
// folder, or an empty database on the PostgreSQL test server.
func ArchivePath(t testing.TB) string {
	t.Helper()
	if onPostgres {
		return storetest.NewDatabase(t)
	}
	return filepath.Join(t.TempDir(), "archive.db")
}

// OnPostgres reports whether the suite is running on PostgreSQL, for the
// few tests of what only one backend has.
func OnPostgres() bool { return onPostgres }
