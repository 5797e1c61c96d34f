package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/internal/store/storetest"
)

// TestRunOnPostgres runs the bot on a PostgreSQL archive named by --db,
// then by BRIEFBOT_DB: what it briefs is archived there, a restart prints
// nothing again, and the archive answers /who-said.
func TestRunOnPostgres(t *testing.T) {
	url := storetest.NewDatabase(t)
	dir := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "nato.txt", string(data))
	writeFile(t, dir, "b.txt", "Second story\n\nBody two.")

	stdout, stderr, err := runArgs(t, "", "run", "--seeds", dir, "--db", url)
	if err != nil {
		t.Fatalf("run --db %s = %v; want nil\n%s", url, err, stderr)
	}
	if diff := cmp.Diff([]string{"b.txt", "AFP"}, sourcesOf(stdout)); diff != "" {
		t.Errorf("run --db %s briefed (-want +got):\n%s", url, diff)
	}
	env := func(k string) string {
		if k == "BRIEFBOT_DB" {
			return url
		}
		return ""
	}
	var out bytes.Buffer
	if err := run(t.Context(), []string{"run", "--seeds", dir}, env, strings.NewReader(""), &out, &bytes.Buffer{}); err != nil {
		t.Fatalf("run with BRIEFBOT_DB=%s = %v", url, err)
	}
	if got := sourcesOf(out.String()); len(got) != 0 {
		t.Errorf("a second run on the same archive printed %q; want nothing", got)
	}
	out.Reset()
	if err := run(t.Context(), []string{"who-said", "europe"}, env, strings.NewReader(""), &out, &bytes.Buffer{}); err != nil {
		t.Fatalf("who-said europe with BRIEFBOT_DB=%s = %v", url, err)
	}
	if !strings.Contains(out.String(), "Hanno Pevkur") {
		t.Errorf("who-said europe on PostgreSQL = %q; want Pevkur among the speakers", out.String())
	}
}
