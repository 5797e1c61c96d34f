// Package storetest gives tests an empty PostgreSQL database of their own
// on the throwaway server the test script starts (.ci/run), whose URL is
// in the environment variable BRIEFBOT_TEST_POSTGRES.
//
// Without that variable the tests that need PostgreSQL are skipped, unless
// CI is set: there they must run, and fail.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Env is the variable that holds the URL of the test server.
const Env = "BRIEFBOT_TEST_POSTGRES"

// Server is the URL of the test server, or "" when there is none.
func Server() string { return os.Getenv(Env) }

// Required reports whether PostgreSQL's tests must run: in CI.
func Required() bool {
	ci := os.Getenv("CI")
	return ci != "" && ci != "false" && ci != "0"
}

var (
	adminOnce sync.Once
	admin     *sql.DB
	adminErr  error
)

// adminDB returns the connection to the test server that makes and drops
// databases. With no server it skips the test, or, in CI, fails it.
func adminDB(t testing.TB) *sql.DB {
	t.Helper()
	server := Server()
	if server == "" {
		if Required() {
			t.Fatalf("CI is set but %s is not: no PostgreSQL server to test against (run .ci/run)", Env)
		}
		t.Skipf("no PostgreSQL server: %s is not set (.ci/run starts one)", Env)
	}
	adminOnce.Do(func() { admin, adminErr = sql.Open("pgx", server) })
	if adminErr != nil {
		t.Fatalf("connecting to %s: %v", Env, adminErr)
	}
	return admin
}

// NewDatabase makes an empty database on the test server, dropped when
// the test ends, and returns its URL. With no server it skips the test,
// or, in CI, fails it.
func NewDatabase(t testing.TB) string {
	t.Helper()
	admin := adminDB(t)
	var b [6]byte
	rand.Read(b[:])
	name := "test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("creating a test database on %s: %v", Env, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`); err != nil {
			t.Errorf("dropping test database %s: %v", name, err)
		}
	})
	return databaseURL(t, name)
}

// KeptDatabase is the database name on the test server, made if it is
// not there and kept when the test ends, as a benchmark keeps the archive
// it builds for the next run. name must be a plain SQL identifier. With
// no server it skips the test, or, in CI, fails it.
func KeptDatabase(t testing.TB, name string) string {
	t.Helper()
	admin := adminDB(t)
	var n int
	if err := admin.QueryRow(`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		t.Fatalf("looking for database %s on %s: %v", name, Env, err)
	}
	if n == 0 {
		if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
			t.Fatalf("creating database %s on %s: %v", name, Env, err)
		}
	}
	return databaseURL(t, name)
}

// databaseURL is the URL of the database name on the test server.
func databaseURL(t testing.TB, name string) string {
	t.Helper()
	u, err := url.Parse(Server())
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	u.Path = "/" + name
	return u.String()
}
