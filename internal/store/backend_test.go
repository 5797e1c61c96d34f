package store

import (
	"fmt"
	"os"
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
//
// BRIEFBOT_TEST_BACKEND=sqlite or postgres runs one of them only, as a
// benchmark on one wants.
func RunBackends(m *testing.M) int {
	only := os.Getenv("BRIEFBOT_TEST_BACKEND")
	code := 0
	if only != "postgres" {
		code = m.Run()
	}
	if only == "sqlite" {
		return code
	}
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
