package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/summarize"
)

const seed = "../../seeds/seed-afp-nato.txt"

func noEnv(string) string { return "" }

// runArgs calls run as main would, with stdin as standard input, and returns
// what it wrote.
func runArgs(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(t.Context(), args, noEnv, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func writeFile(t testing.TB, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBriefJSONSeed(t *testing.T) {
	stdout, _, err := runArgs(t, "", "brief", "--format", "json", seed)
	if err != nil {
		t.Fatalf("run(brief --format json %s) = %v; want nil", seed, err)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("run(brief --format json %s) wrote %d lines; want 1:\n%s", seed, len(lines), stdout)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, lines[0])
	}
	keys := slices.Sorted(maps.Keys(got))
	wantKeys := []string{"actors", "file", "lede", "positions", "quotes", "title", "topics"}
	if diff := cmp.Diff(wantKeys, keys); diff != "" {
		t.Errorf("JSON keys mismatch (-want +got):\n%s", diff)
	}
	for _, k := range []string{"actors", "quotes", "positions", "topics"} {
		if !bytes.HasPrefix(got[k], []byte("[")) {
			t.Errorf("JSON %q = %s; want a list", k, got[k])
		}
	}
	if string(got["file"]) != `"`+seed+`"` {
		t.Errorf("JSON file = %s; want %q", got["file"], seed)
	}
}

func TestJSONSchema(t *testing.T) {
	b := summarize.Briefing{
		Title:  "T",
		Lede:   "L <b>",
		Actors: []summarize.Actor{{Name: "NATO", Kind: summarize.Organisation}},
		Quotes: []summarize.Quote{{Text: "no", Start: 3, End: 5, Speaker: "Rutte", Role: "chief", Partial: true}},
		Positions: []summarize.Position{
			{Actor: "Rutte", Text: "it was crucial", Start: 10, End: 24},
		},
	}
	data, err := json.Marshal(newJSONBriefing("a.txt", b))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"a.txt","title":"T","lede":"L \u003cb\u003e",` +
		`"actors":[{"name":"NATO","role":"","aliases":[],"kind":"organisation"}],` +
		`"quotes":[{"text":"no","speaker":"Rutte","role":"chief","start":3,"end":5,"partial":true}],` +
		`"positions":[{"actor":"Rutte","text":"it was crucial","start":10,"end":24}],` +
		`"topics":[]}`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("newJSONBriefing mismatch (-want +got):\n%s", diff)
	}
}

func TestBriefJSONDoesNotEscapeHTML(t *testing.T) {
	path := writeFile(t, t.TempDir(), "a&b.txt", "Fish & chips <cheap>\n\nBody.")
	stdout, _, err := runArgs(t, "", "brief", "--format", "json", path)
	if err != nil || !strings.Contains(stdout, "a&b.txt") {
		t.Errorf("run(brief --format json %s) = %q, %v; want & unescaped", path, stdout, err)
	}
}

func TestBriefBadFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		path   string
		args   []string
		want   error
		reason string
	}{
		{"missing", filepath.Join(dir, "missing.txt"), nil, fs.ErrNotExist, "no such file"},
		{"directory", dir, nil, nil, "is a directory"},
		{"empty", writeFile(t, dir, "empty.txt", ""), nil, ingest.ErrEmpty, "empty file"},
		{"whitespace", writeFile(t, dir, "blank.txt", " \n\n\t"), nil, ingest.ErrEmpty, "empty file"},
		{"binary", writeFile(t, dir, "x.bin", "\x89PNG\r\n\x1a\n\x00\x00"), nil, ingest.ErrBinary, "binary data, not text"},
		{"too large", writeFile(t, dir, "big.txt", strings.Repeat("word ", 10)), []string{"--max-bytes", "20"}, ingest.ErrTooLarge, "file too large"},
		{"undefined byte", writeFile(t, dir, "odd.txt", "caf\xE9 \x9D"), nil, ingest.ErrEncoding, "not UTF-8, Windows-1252 or Latin-1 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"brief", tt.path}, tt.args...)
			stdout, _, err := runArgs(t, "", args...)
			if err == nil {
				t.Fatalf("run(%q) = nil; want error", args)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("run(%q) = %v; want error %v", args, err, tt.want)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, tt.path) || !strings.Contains(msg, tt.reason) {
				t.Errorf("run(%q) = %q; want one line naming %q and %q", args, msg, tt.path, tt.reason)
			}
			if stdout != "" {
				t.Errorf("run(%q) wrote %q; want nothing", args, stdout)
			}
			var stderr bytes.Buffer
			if code := report(&stderr, err); code != 1 {
				t.Errorf("report(%v) = %d; want 1", err, code)
			}
		})
	}
}

func TestBriefGoodAndBad(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", "Ministers meet in Brussels\n\nThey talked.")
	bad := writeFile(t, dir, "bad.bin", "\x00\x01\x02")
	missing := filepath.Join(dir, "missing.txt")
	stdout, _, err := runArgs(t, "", "brief", bad, good, missing)
	if !strings.Contains(stdout, "Source: good.txt") {
		t.Errorf("run(brief bad good missing) wrote %q; want the good file's briefing", stdout)
	}
	if err == nil {
		t.Fatal("run(brief bad good missing) = nil; want error")
	}
	var stderr bytes.Buffer
	if code := report(&stderr, err); code != 1 {
		t.Errorf("report(%v) = %d; want 1", err, code)
	}
	want := "briefbot: reading \"" + bad + "\": binary data, not text\n" +
		"briefbot: reading \"" + missing + "\": no such file or directory\n"
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("report mismatch (-want +got):\n%s", diff)
	}
}

func TestBriefTextSeparatesFiles(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", "First story\n\nBody one.")
	b := writeFile(t, dir, "b.md", "# Second story\n\nBody two.")
	for _, format := range []string{"text", "markdown"} {
		stdout, _, err := runArgs(t, "", "brief", "--format", format, a, b)
		if err != nil {
			t.Fatalf("run(brief --format %s a b) = %v; want nil", format, err)
		}
		if !strings.Contains(stdout, "Source: a.txt\n\n") || !strings.Contains(stdout, "Second story") {
			t.Errorf("run(brief --format %s a b) wrote %q; want both briefings, a blank line between", format, stdout)
		}
	}
}

func TestBriefFlagsAfterFiles(t *testing.T) {
	path := writeFile(t, t.TempDir(), "a.txt", "First story\n\nBody one.")
	stdout, _, err := runArgs(t, "", "brief", path, "--format", "json", "--max-bytes=1000")
	if err != nil {
		t.Fatalf("run(brief FILE --format json) = %v; want nil", err)
	}
	var got jsonBriefing
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.File != path {
		t.Errorf("run(brief FILE --format json) wrote %q (%v); want a JSON briefing of %q", stdout, err, path)
	}
}

func TestBriefDoubleDash(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "--format", "First story\n\nBody one.")
	t.Chdir(dir)
	stdout, _, err := runArgs(t, "", "brief", "--", "--format")
	if err != nil || !strings.Contains(stdout, "Source: --format") {
		t.Errorf("run(brief -- --format) = %q, %v; want a briefing of %q", stdout, err, path)
	}
}

func TestBriefStdin(t *testing.T) {
	stdout, _, err := runArgs(t, "# From a pipe\n\nBody.", "brief", "-", "--format", "json")
	if err != nil {
		t.Fatalf("run(brief -) = %v; want nil", err)
	}
	var got jsonBriefing
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.File != "-" {
		t.Errorf("run(brief -) wrote %q (%v); want a JSON briefing of -", stdout, err)
	}
	_, _, err = runArgs(t, "", "brief", "-")
	if !errors.Is(err, ingest.ErrEmpty) || !strings.Contains(err.Error(), "stdin") {
		t.Errorf("run(brief -) with empty stdin = %v; want an empty-file error naming stdin", err)
	}
}

func TestUsageErrors(t *testing.T) {
	path := writeFile(t, t.TempDir(), "a.txt", "Body.")
	tests := [][]string{
		{"brief", "--format", "pdf", path},
		{"brief", path, "--format=md"},
		{"brief"},
		{"brief", "--format", "json"},
		{"brief", "--max-bytes", "0", path},
		{"brief", "--max-bytes", "lots", path},
		{"brief", "--verbose", path},
		{"run", "extra"},
		{"frobnicate"},
	}
	for _, args := range tests {
		stdout, _, err := runArgs(t, "", args...)
		if _, ok := errors.AsType[*usageError](err); !ok {
			t.Errorf("run(%q) = %v; want a usage error", args, err)
			continue
		}
		if stdout != "" {
			t.Errorf("run(%q) wrote %q; want nothing", args, stdout)
		}
		var stderr bytes.Buffer
		if code := report(&stderr, err); code != 2 {
			t.Errorf("report(%v) = %d; want 2", err, code)
		}
		if !strings.HasPrefix(stderr.String(), "briefbot: ") || !strings.Contains(stderr.String(), "briefbot help") {
			t.Errorf("report(%v) wrote %q; want the error and a pointer to help", err, stderr.String())
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"brief", "-h"}, {"run", "--help"}} {
		stdout, _, err := runArgs(t, "", args...)
		if err != nil || !strings.Contains(stdout, "Usage") || !strings.Contains(stdout, "briefbot") {
			t.Errorf("run(%q) = %q, %v; want usage text and nil", args, stdout, err)
		}
	}
	stdout, _, _ := runArgs(t, "", "help")
	for _, cmd := range []string{"run", "brief", "help"} {
		if !strings.Contains(stdout, "\n  "+cmd+" ") {
			t.Errorf("run(help) does not list %q:\n%s", cmd, stdout)
		}
	}
}

func TestRunSeeds(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.md", "# Second story\n\nBody two.")
	writeFile(t, dir, "a.txt", "First story\n\nBody one.")
	writeFile(t, dir, "c.TXT", "Third story\n\nBody three.")
	writeFile(t, dir, ".hidden.txt", "Hidden story\n\nBody.")
	writeFile(t, dir, "notes.pdf", "%PDF")
	writeFile(t, dir, "empty.txt", "")
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"run", "--seeds", dir}, {"--seeds", dir}} {
		db := filepath.Join(t.TempDir(), "archive.db")
		args = append(args, "--db", db)
		stdout, stderr, err := runArgs(t, "", args...)
		if err != nil {
			t.Fatalf("run(%q) = %v; want nil", args, err)
		}
		if diff := cmp.Diff([]string{"a.txt", "b.md", "c.TXT"}, sourcesOf(stdout)); diff != "" {
			t.Errorf("run(%q) briefed (-want +got):\n%s\noutput:\n%s", args, diff, stdout)
		}
		if !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "empty file") {
			t.Errorf("run(%q) stderr = %q; want a line about empty.txt", args, stderr)
		}
		// A restart prints nothing again; an edited file is briefed as a new version.
		stdout, _, err = runArgs(t, "", args...)
		if err != nil || len(sourcesOf(stdout)) != 0 {
			t.Errorf("second run(%q) = %v, printed %q; want nothing printed", args, err, sourcesOf(stdout))
		}
		writeFile(t, dir, "a.txt", "First story\n\nBody one, now longer.")
		stdout, _, err = runArgs(t, "", args...)
		if diff := cmp.Diff([]string{"a.txt"}, sourcesOf(stdout)); err != nil || diff != "" {
			t.Errorf("run(%q) after an edit = %v (-want +got):\n%s", args, err, diff)
		}
		writeFile(t, dir, "a.txt", "First story\n\nBody one.")
	}
}

func sourcesOf(stdout string) []string {
	var sources []string
	for line := range strings.Lines(stdout) {
		if s, ok := strings.CutPrefix(line, "Source: "); ok {
			sources = append(sources, strings.TrimSpace(s))
		}
	}
	return sources
}

func TestRunSeedsMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	// With a server up as well, which must be shut down on the way out.
	for _, extra := range [][]string{nil, {"--listen", "127.0.0.1:0", "--daemon"}} {
		args := append([]string{"run", "--seeds", dir, "--db", filepath.Join(t.TempDir(), "a.db")}, extra...)
		_, _, err := runArgs(t, "", args...)
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), dir) {
			t.Errorf("run(%q) = %v; want a no-such-folder error naming it", args, err)
		}
	}
}

// TestRunEndToEnd drives the terminal bot as a reader would: the seed is
// briefed into the archive, /who-said europe typed at it names Hanno Pevkur
// and the European foreign ministers with their quotes, and a restart
// prints the briefing no more but still answers.
func TestRunEndToEnd(t *testing.T) {
	seeds := t.TempDir()
	body, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, seeds, "seed-afp-nato.txt", string(body))
	db := filepath.Join(t.TempDir(), "briefbot.db")
	env := func(k string) string {
		return map[string]string{"BRIEFBOT_SEEDS": seeds, "BRIEFBOT_DB": db}[k]
	}
	writeFile(t, seeds, "broken.txt", "bad\x00data")
	// A link out of the folder is refused, and /sources counts it.
	outside := writeFile(t, t.TempDir(), "secret.txt", string(body))
	if err := os.Symlink(outside, filepath.Join(seeds, "outside.txt")); err != nil {
		t.Fatal(err)
	}
	script := "/who-said europe\n/quotes pevkur\n/brief latest\n/who-said\n/who-said tariffs\n/sources\n"
	for i := range 2 {
		var out, errOut bytes.Buffer
		if err := run(t.Context(), nil, env, strings.NewReader(script), &out, &errOut); err != nil {
			t.Fatalf("run #%d = %v; stderr %s", i+1, err, errOut.String())
		}
		got := out.String()
		printed := strings.Count(got, "Source: AFP")
		// The briefing is printed by the first run and by /brief latest in both.
		if want := 2 - i; printed != want {
			t.Errorf("run #%d printed the briefing %d times; want %d\n%s", i+1, printed, want, got)
		}
		for _, want := range []string{
			"Who said what about \"europe\"",
			"Hanno Pevkur, Estonian defense minister",
			"“Europe has to be part of these negotiations. It’s not a question at all,”",
			"the foreign ministers of key European powers including Germany, France, Poland and Britain",
			"“Ukraine and Europe must be part of any negotiations.”",
			// Reported speech is not shown as if it were his words.
			"  reported: Europe must now start providing the “overwhelming share” of aid to Ukraine\n",
			"Quotes from Hanno Pevkur",
			"Usage: /who-said <topic>",
			"Nobody in the archive has said anything about \"tariffs\" yet.",
			"(/brief 1)",
			"refused: reading",
			"broken.txt\": binary data, not text",
			"2 refused.",
			"outside.txt\": a link out of the seeds folder",
			"Channel console:terminal (immediate): ",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("run #%d output lacks %q:\n%s", i+1, want, got)
			}
		}
		if bad := "“Europe must now start providing"; strings.Contains(got, bad) {
			t.Errorf("run #%d shows reported speech as a quote, %q:\n%s", i+1, bad, got)
		}
	}
	// The same queries from the shell.
	stdout, _, err := runArgs(t, "", "who-said", "--db", db, "europe")
	if err != nil || !strings.Contains(stdout, "Hanno Pevkur") {
		t.Errorf("who-said europe = %q, %v; want Hanno Pevkur named", stdout, err)
	}
	stdout, _, err = runArgs(t, "", "quotes", "hegseth", "--db", db)
	if err != nil || !strings.Contains(stdout, "Quotes from Pete Hegseth") {
		t.Errorf("quotes hegseth = %q, %v; want Pete Hegseth's quotes", stdout, err)
	}
	// And as JSON, one object a line.
	stdout, _, err = runArgs(t, "", "who-said", "--format", "json", "--db", db, "europe")
	var hit struct {
		Speaker string `json:"speaker"`
		Said    []struct {
			Text  string `json:"text"`
			Quote bool   `json:"quote"`
		} `json:"said"`
		ArticleID int64 `json:"article_id"`
	}
	if err != nil || json.Unmarshal([]byte(strings.SplitN(stdout, "\n", 2)[0]), &hit) != nil ||
		!strings.Contains(stdout, `"speaker":"Hanno Pevkur"`) || hit.ArticleID != 1 || len(hit.Said) == 0 || !hit.Said[0].Quote ||
		!strings.Contains(stdout, `{"text":"Europe must now start providing the “overwhelming share” of aid to Ukraine","quote":false}`) {
		t.Errorf("who-said --format json europe = %q, %v; want JSON lines naming Hanno Pevkur", stdout, err)
	}
	stdout, _, err = runArgs(t, "", "quotes", "--format", "json", "--db", db, "pevkur")
	var q struct {
		Speaker, Text string
		Start, End    int
	}
	if err != nil || json.Unmarshal([]byte(strings.SplitN(stdout, "\n", 2)[0]), &q) != nil ||
		q.Speaker != "Hanno Pevkur" || q.Text == "" || q.End-q.Start != len(q.Text) {
		t.Errorf("quotes --format json pevkur = %q, %v; want his quotes with their offsets", stdout, err)
	}
	// Paged, all at once, with filters, and a name that fits several.
	first, _, err := runArgs(t, "", "who-said", "--db", db, "--limit", "2", "europe")
	if err != nil || strings.Count(first, "  — ") != 2 || !strings.Contains(first, "…and 5 more: /who-said europe page:2") {
		t.Errorf("who-said --limit 2 europe = %q, %v; want two speakers and the way to the next page", first, err)
	}
	second, _, err := runArgs(t, "", "who-said", "--db", db, "--limit", "2", "--page", "2", "europe")
	if err != nil || strings.Count(second, "  — ") != 2 || strings.Contains(second, "Hanno Pevkur") || !strings.Contains(second, "page:3") {
		t.Errorf("who-said --limit 2 --page 2 europe = %q, %v; want the next two speakers", second, err)
	}
	stdout, _, err = runArgs(t, "", "who-said", "--db", db, "--limit", "0", "europe")
	if err != nil || strings.Count(stdout, "  — ") != 7 || strings.Contains(stdout, "more") {
		t.Errorf("who-said --limit 0 europe = %q, %v; want all seven speakers", stdout, err)
	}
	stdout, _, err = runArgs(t, "", "who-said", "--db", db, "--format", "json", "--limit", "3", "europe since:2000-01-01 quotes:only")
	if err != nil || strings.Count(stdout, "\n") != 3 || strings.Contains(stdout, `"quote":false`) {
		t.Errorf("who-said --format json --limit 3 'europe since:2000-01-01 quotes:only' = %q, %v; want three speakers' quotes", stdout, err)
	}
	stdout, _, err = runArgs(t, "", "quotes", "--db", db, "hegseth's")
	if err != nil || !strings.Contains(stdout, "Quotes from Pete Hegseth") {
		t.Errorf("quotes hegseth's = %q, %v; want Pete Hegseth's quotes", stdout, err)
	}
	stdout, _, err = runArgs(t, "", "quotes", "--db", db, "e")
	if err != nil || !strings.Contains(stdout, "Did you mean:") || strings.Contains(stdout, "Quotes from") {
		t.Errorf("quotes e = %q, %v; want candidates, none picked", stdout, err)
	}
	if _, _, err := runArgs(t, "", "quotes", "--db", db, "--page", "0", "pevkur"); err == nil {
		t.Errorf("quotes --page 0 = nil error; want a usage error")
	}
	if _, _, err := runArgs(t, "", "quotes", "--format", "xml", "--db", db, "pevkur"); err == nil {
		t.Errorf("quotes --format xml = nil error; want a usage error")
	}
	if _, _, err := runArgs(t, "", "who-said", "--db", filepath.Join(t.TempDir(), "none.db"), "europe"); err == nil {
		t.Errorf("who-said on a missing archive = nil; want an error")
	}
}

func TestReport(t *testing.T) {
	var stderr bytes.Buffer
	if code := report(&stderr, nil); code != 0 || stderr.Len() != 0 {
		t.Errorf("report(nil) = %d, wrote %q; want 0 and nothing", code, stderr.String())
	}
}

func TestCanceled(t *testing.T) {
	path := writeFile(t, t.TempDir(), "a.txt", "First story\n\nBody one.")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var out bytes.Buffer
	err := run(ctx, []string{"brief", path}, noEnv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("run(canceled ctx) = %v; want context.Canceled", err)
	}
}

// syncBuffer is a bytes.Buffer safe for the bot's goroutines and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunWatchesSeeds drops an article into the seeds folder while the bot
// runs: it is briefed as it lands, and a restart prints neither article again.
func TestRunWatchesSeeds(t *testing.T) {
	seeds := t.TempDir()
	writeFile(t, seeds, "first.txt", "Harbour master Ian Clarke said the port would reopen.\n\n“The storm was lighter than we feared,” he said.")
	db := filepath.Join(t.TempDir(), "briefbot.db")
	args := []string{"run", "--seeds", seeds, "--db", db}

	stdin, typing := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(t.Context(), args, noEnv, stdin, &out, io.Discard) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "Source: first.txt") {
		if time.Now().After(deadline) {
			t.Fatalf("first.txt not briefed; output:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The watch starts after the first scan; keep dropping the second
	// article under new names until one is briefed.
	for i := 0; !strings.Contains(out.String(), "Source: second"); i++ {
		if time.Now().After(deadline) {
			t.Fatalf("the dropped article was not briefed; output:\n%s", out.String())
		}
		if i%50 == 0 {
			writeFile(t, seeds, fmt.Sprintf("second-%d.txt", i), "Mayor Ellen Voss said the bridge would reopen in May.\n\n“We are on schedule,” she said.")
		}
		time.Sleep(20 * time.Millisecond)
	}
	typing.Write([]byte("/who-said bridge\n"))
	for !strings.Contains(out.String(), "Ellen Voss") || !strings.Contains(out.String(), "Who said what about") {
		if time.Now().After(deadline) {
			t.Fatalf("no answer naming Ellen Voss; output:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	typing.Close()
	if err := <-done; err != nil {
		t.Fatalf("run = %v after stdin closed; want nil", err)
	}

	stdout, _, err := runArgs(t, "", args...)
	if err != nil || strings.Contains(stdout, "Source: ") {
		t.Errorf("restart = %v, printed:\n%s\nwant nothing printed again", err, stdout)
	}
}

func TestRunConfig(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", "max_bytes: -1\nfeeds:\n  - url: ftp://example.invalid/feed\nlog:\n  format: xml\n")
	_, _, err := runArgs(t, "", "run", "--config", bad)
	for _, want := range []string{"max_bytes", "feeds[0].url", "log.format"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("run --config bad.yaml = %v; want every problem reported, %q among them", err, want)
		}
	}
	seeds := t.TempDir()
	writeFile(t, seeds, "a.txt", "First story\n\nBody one.")
	good := writeFile(t, dir, "good.yaml", "seeds: "+seeds+"\ndb: "+filepath.Join(dir, "x.db")+"\n")
	stdout, _, err := runArgs(t, "", "run", "--config", good)
	if err != nil || !strings.Contains(stdout, "Source: a.txt") {
		t.Errorf("run --config good.yaml = %q, %v; want a.txt briefed from the configured folder", stdout, err)
	}
}

// feedServer serves an RSS feed whose items carry only a summary, and an
// article page for each item's link, with an ETag so that unchanged polls
// get 304.
type feedServer struct {
	mu      sync.Mutex
	items   []feedItem
	polls   int
	notMods int
}

type feedItem struct{ guid, title, date string }

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/story/") {
		n := strings.TrimPrefix(r.URL.Path, "/story/")
		fmt.Fprintf(w, `<html><head><title>Story %[1]s</title></head><body><nav>Home | Sport</nav><article>
<p>Council leader Amara Nwosu said on Tuesday that the ferry service numbered %[1]s would run all winter.</p>
<p>“We will keep the islands connected whatever the weather,” said Ms Nwosu, who has led the council since 2021.</p>
<p>Harbour users had feared the service would be cut back after a difficult season for the operator and a long dispute over fuel costs.</p>
</article></body></html>`, n)
		return
	}
	f.polls++
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Island News</title><link>http://example.invalid/</link>`)
	for _, it := range f.items {
		fmt.Fprintf(&b, `<item><guid>%s</guid><title>%s</title><link>http://%s/story/%s</link><description>A short summary.</description><dc:creator>Maeve Doran</dc:creator><pubDate>%s</pubDate></item>`,
			it.guid, it.title, r.Host, it.guid, it.date)
	}
	b.WriteString(`</channel></rss>`)
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(b.String())))
	if r.Header.Get("If-None-Match") == etag {
		f.notMods++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	io.WriteString(w, b.String())
}

// runUntil runs the bot until want appears in its output, then ends its input.
func runUntil(t *testing.T, args []string, want func(string) bool) string {
	t.Helper()
	stdin, typing := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(t.Context(), args, noEnv, stdin, &out, io.Discard) }()
	deadline := time.Now().Add(15 * time.Second)
	for !want(out.String()) {
		if time.Now().After(deadline) {
			typing.Close()
			t.Fatalf("timed out; output:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	typing.Close()
	if err := <-done; err != nil {
		t.Fatalf("run = %v", err)
	}
	return out.String()
}

// TestRunFollowsFeed: a new feed briefs its newest three items, each from the
// article its link leads to; after a restart a re-dated item is not briefed
// again and only the new one is; an unchanged feed answers 304.
func TestRunFollowsFeed(t *testing.T) {
	fs := &feedServer{}
	for i := 1; i <= 5; i++ {
		fs.items = append(fs.items, feedItem{fmt.Sprint(i), fmt.Sprintf("Item %d", i), fmt.Sprintf("Mon, 0%d Nov 2026 10:00:00 +0000", i)})
	}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	args := []string{"run", "--seeds", t.TempDir(), "--db", filepath.Join(t.TempDir(), "a.db"), "--feed", srv.URL + "/feed.xml"}
	printed := func(out string) []string {
		var got []string
		for line := range strings.Lines(out) {
			if s, ok := strings.CutPrefix(line, "Source: "); ok {
				link, by, _ := strings.Cut(strings.TrimSpace(s), ", by ")
				if by != "Maeve Doran" {
					t.Errorf("source line %q does not credit the item's author", line)
				}
				got = append(got, link)
			}
		}
		return got
	}

	out := runUntil(t, args, func(out string) bool { return len(printed(out)) == 3 })
	if got, want := printed(out), []string{srv.URL + "/story/3", srv.URL + "/story/4", srv.URL + "/story/5"}; !slices.Equal(got, want) {
		t.Errorf("first run briefed %q; want %q", got, want)
	}
	if !strings.Contains(out, "Amara Nwosu") || !strings.Contains(out, "We will keep the islands connected") {
		t.Errorf("first run's briefings lack the linked article's quote:\n%s", out)
	}

	fs.mu.Lock()
	fs.items[4].date = "Fri, 20 Nov 2026 10:00:00 +0000" // re-dated, same GUID
	fs.items = append(fs.items, feedItem{"6", "Item 6", "Sat, 21 Nov 2026 10:00:00 +0000"})
	fs.mu.Unlock()
	out = runUntil(t, args, func(out string) bool { return len(printed(out)) >= 1 })
	if got, want := printed(out), []string{srv.URL + "/story/6"}; !slices.Equal(got, want) {
		t.Errorf("after a restart the bot briefed %q; want only %q", got, want)
	}

	fs.mu.Lock()
	before := fs.polls
	fs.mu.Unlock()
	runUntil(t, args, func(string) bool {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		return fs.polls > before
	})
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.notMods == 0 {
		t.Errorf("an unchanged feed was fetched %d times and never answered 304", fs.polls-before)
	}
}

// TestBriefHTMLByline: an HTML page's byline is credited on the source
// line and given in JSON, and is not taken for the article's first line.
func TestBriefHTMLByline(t *testing.T) {
	page := writeFile(t, t.TempDir(), "harbour.html", `<!DOCTYPE html>
<html><head><title>Harbour reopens</title><meta property="og:site_name" content="The Coastal Gazette"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens</h1>
<p class="byline">By <a rel="author" href="/staff/ana">Ana Tremaine</a></p>
<p>The harbour at Port Ellin reopened on Thursday after a week of repairs, the harbour authority said.</p>
<p>“The storm damage was lighter than we feared,” said harbour master Ian Clarke, who has run the port since 2009.</p>
<p>Ferries to the islands will resume on Friday morning, with extra sailings over the weekend to clear the backlog.</p>
</article></body></html>`)
	stdout, _, err := runArgs(t, "", "brief", page)
	if err != nil {
		t.Fatalf("run(brief %s) = %v", page, err)
	}
	if want := "\nSource: The Coastal Gazette, by Ana Tremaine\n"; !strings.Contains(stdout, want) {
		t.Errorf("text briefing lacks %q:\n%s", want, stdout)
	}
	stdout, _, err = runArgs(t, "", "brief", "--format", "json", page)
	if err != nil {
		t.Fatalf("run(brief --format json %s) = %v", page, err)
	}
	var got jsonBriefing
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Byline != "Ana Tremaine" || !strings.HasPrefix(got.Lede, "The harbour at Port Ellin") {
		t.Errorf("JSON byline, lede = %q, %q; want Ana Tremaine and the first paragraph", got.Byline, got.Lede)
	}
}

// TestRunFeedWithNoInput polls the feed once and prints what it briefs
// before exiting at the end of an empty input (run --feed URL < /dev/null).
func TestRunFeedWithNoInput(t *testing.T) {
	fs := &feedServer{}
	for i := 1; i <= 2; i++ {
		fs.items = append(fs.items, feedItem{fmt.Sprint(i), fmt.Sprintf("Item %d", i), fmt.Sprintf("Mon, 0%d Nov 2026 10:00:00 +0000", i)})
	}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	var out, errOut bytes.Buffer
	args := []string{"run", "--seeds", t.TempDir(), "--db", filepath.Join(t.TempDir(), "a.db"), "--feed", srv.URL + "/feed.xml"}
	if err := run(t.Context(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("run = %v; stderr %s", err, errOut.String())
	}
	if n := strings.Count(out.String(), "Source: "+srv.URL+"/story/"); n != 2 {
		t.Errorf("printed %d of the feed's 2 items; want both:\n%s", n, out.String())
	}
}
