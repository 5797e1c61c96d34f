package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

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

// TestMigrateToPostgres runs the bot on a SQLite archive posting to a fake
// Slack, then again while Slack is down, leaving two posts waiting, copies
// the archive to PostgreSQL with briefbot migrate, and runs the bot there:
// what was posted is not posted again, the two waiting are posted once,
// under the same install id as before.
func TestMigrateToPostgres(t *testing.T) {
	url := storetest.NewDatabase(t)
	slackAPI := &slowSlack{}
	fake := httptest.NewServer(slackAPI)
	defer fake.Close()
	dir, seeds := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "briefbot.db")
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seeds+`
slack: {api_url: "`+fake.URL+`/api/"}
channels:
  - platform: slack
    id: C0123
    pace: 10ms
`)
	env := func(k string) string {
		return map[string]string{"BRIEFBOT_SLACK_BOT_TOKEN": "xoxb-test", "BRIEFBOT_SLACK_APP_TOKEN": "xapp-test"}[k]
	}
	story := func(i int) {
		writeFile(t, seeds, fmt.Sprintf("story-%d.txt", i), fmt.Sprintf(
			"Bridge %d reopens\n\nThe mayor, Ana Lind, said: “Bridge %d will carry traffic again on Monday.”\n", i, i))
	}
	runWith := func(db string) {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := run(t.Context(), []string{"run", "--config", cfg, "--db", db}, env, strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatalf("run --db %s = %v\n%s", db, err, errOut.String())
		}
	}
	for i := range 3 {
		story(i)
	}
	runWith(file)
	if n := len(slackAPI.keys()); n != 3 {
		t.Fatalf("the run on SQLite posted %d; want 3", n)
	}

	slackAPI.down.Store(true)
	story(3)
	story(4)
	runWith(file)
	slackAPI.down.Store(false)
	if n := len(slackAPI.keys()); n != 3 {
		t.Fatalf("the run while Slack was down posted %d; want none", n-3)
	}

	stdout, stderr, err := runArgs(t, "", "migrate", "--from", file, "--to", url)
	if err != nil || !strings.Contains(stdout, "5 articles") {
		t.Fatalf("migrate = %v, %q; want 5 articles copied\n%s", err, stdout, stderr)
	}
	b := startRun(t, env, "run", "--config", cfg, "--db", url)
	for deadline := time.Now().Add(20 * time.Second); len(slackAPI.keys()) < 5 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // a repeat would come now
	b.stop(t)
	keys := slackAPI.keys()
	if len(keys) != 5 || len(distinct(keys)) != 5 {
		t.Errorf("after migrating, Slack has %d posts, %d distinct: %q; want the 3 before and the 2 waiting", len(keys), len(distinct(keys)), keys)
	}
	for _, k := range keys {
		if install, _, _ := strings.Cut(k, "/"); !strings.HasPrefix(keys[0], install+"/") {
			t.Errorf("post %q has another install id than the first, %q", k, keys[0])
		}
	}
	if _, _, err := runArgs(t, "", "migrate", "--from", file, "--to", url); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("migrate into the used archive = %v; want a not-empty error", err)
	}
}

// TestWebArchiveOnPostgres serves the web archive of a PostgreSQL archive:
// a search finds the seed's speaker, whose page, the article's page with
// the quote found marked where it stands, the sources and the digest
// posted are all read from PostgreSQL.
func TestWebArchiveOnPostgres(t *testing.T) {
	url := storetest.NewDatabase(t)
	seeds, dir := t.TempDir(), t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, seeds, "nato.txt", string(data))
	cfg := writeFile(t, dir, "briefbot.yaml", `
seeds: `+seeds+`
db: `+url+`
channels:
  - platform: console
    id: terminal
    mode: digest
    schedule: "@every 2s"
`)
	b := startRun(t, noEnv, "run", "--config", cfg, "--daemon", "--log-format", "json", "--listen", "127.0.0.1:0")
	defer b.stop(t)
	pub := loggedAddr(t, b, "serving the public endpoints")
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(pub + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d; want 200\n%s", path, resp.StatusCode, body)
		}
		return string(body)
	}

	waitFor(t, page(pub+"/?q=europe"), "Hanno Pevkur")
	search := get("/?q=europe")
	speaker := regexp.MustCompile(`href="(/speaker/\d+)">Hanno Pevkur<`).FindStringSubmatch(search)
	quote := regexp.MustCompile(`href="(/article/\d+)#(s\d+-\d+)"`).FindStringSubmatch(search)
	if speaker == nil || quote == nil {
		t.Fatalf("GET /?q=europe links to no speaker Hanno Pevkur or no quote:\n%s", search)
	}
	if body := get(speaker[1]); !strings.Contains(body, "Hanno Pevkur") || !strings.Contains(body, quote[1]+"#"+quote[2]) {
		t.Errorf("GET %s lacks the name or a link to %s#%s:\n%s", speaker[1], quote[1], quote[2], body)
	}
	if body := get(quote[1]); !strings.Contains(body, `id="`+quote[2]+`"`) {
		t.Errorf("GET %s marks no text with id %q:\n%s", quote[1], quote[2], body)
	}
	if body := get("/sources"); !strings.Contains(body, "AFP") {
		t.Errorf("GET /sources does not list AFP:\n%s", body)
	}
	waitFor(t, page(pub+"/digests"), "console:terminal")
	if body := get("/digests"); !strings.Contains(body, "Hanno Pevkur") {
		t.Errorf("GET /digests lacks the digest's quote of Hanno Pevkur:\n%s", body)
	}
}
