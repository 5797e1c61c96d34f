package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

// fakeArchive answers from fixed data and records what it was asked.
type fakeArchive struct {
	hits       []Hit
	more       int
	quotes     []QuoteRow
	candidates []string
	err        error
	asked      []Query
}

func (f *fakeArchive) WhoSaid(_ context.Context, q Query, offset, limit int) ([]Hit, int, error) {
	f.asked = append(f.asked, q)
	hits := f.hits[min(offset, len(f.hits)):]
	if limit > 0 && len(hits) > limit {
		return hits[:limit], f.more + len(hits) - limit, f.err
	}
	return hits, f.more, f.err
}

func (f *fakeArchive) Quotes(_ context.Context, q Query, offset, limit int) (QuotePage, error) {
	f.asked = append(f.asked, q)
	if len(f.candidates) > 0 {
		return QuotePage{Candidates: f.candidates}, f.err
	}
	rows := f.quotes[min(offset, len(f.quotes)):]
	more := 0
	if limit > 0 && len(rows) > limit {
		rows, more = rows[:limit], len(rows)-limit
	}
	return QuotePage{Rows: rows, More: more}, f.err
}

func (f *fakeArchive) Briefing(_ context.Context, id int64) (summarize.Briefing, string, error) {
	if id != 7 {
		return summarize.Briefing{}, "", ErrNotFound
	}
	return summarize.Briefing{Title: "Harbour reopens", Quotes: []summarize.Quote{{Text: "We are open.", Speaker: "Ian Clarke"}}}, "harbour.txt", f.err
}

func (f *fakeArchive) Latest(context.Context) (int64, error) {
	if f.err != nil {
		return 0, f.err
	}
	return 7, nil
}

func TestHandle(t *testing.T) {
	day := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	arch := &fakeArchive{
		hits: []Hit{
			{Speaker: "Hanno Pevkur", Role: "Estonian defense minister", Said: []Said{{Text: "Europe has to be part of these negotiations.", Quote: true}}, ArticleID: 7, Title: "Nato talks", Published: day},
			{Speaker: "the foreign ministers of key European powers", Said: []Said{{Text: "Ukraine must have a seat at the table"}}, Title: "Nato talks"},
		},
		quotes: []QuoteRow{
			{Speaker: "Pete Hegseth", Role: "US Secretary of Defense", Text: "There is no betrayal there.", Title: "Nato talks", Published: day},
			{Speaker: "Pete Hegseth", Text: "certainly not a betrayal", Context: "the talks were “certainly not a betrayal” of Kyiv", Title: "Nato talks", Published: day},
		},
	}
	var observed []string
	c := &Commands{
		Archive: arch,
		Sources: func(context.Context) string { return "seeds: ./seeds (2 articles)" },
		Digest: func(_ context.Context, channel string) (string, error) {
			return "Posting the digest to " + channel + ".", nil
		},
		Observe: func(command string, _ time.Duration) { observed = append(observed, command) },
	}
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"/who-said europe", []string{"Who said what about \"europe\"", "Hanno Pevkur, Estonian defense minister", "“Europe has to be part of these negotiations.”", "— Nato talks, 26 Nov 2026 (/brief 7)", "the foreign ministers of key European powers\n  reported: Ukraine must have a seat at the table\n"}},
		{"who-said   europe  ", []string{"Hanno Pevkur"}},
		{"/who-said", []string{"Usage: /who-said <topic>"}},
		{"/quotes hegseth", []string{"Quotes from Pete Hegseth, US Secretary of Defense", "“There is no betrayal there.”\n  — Nato talks",
			"“certainly not a betrayal”\n  reported: the talks were “certainly not a betrayal” of Kyiv\n  — Nato talks"}},
		{"/quotes", []string{"Usage: /quotes <speaker>"}},
		{"/brief", []string{"Harbour reopens", "“We are open.” — Ian Clarke"}},
		{"/brief 7", []string{"Harbour reopens"}},
		{"/brief 9", []string{"There is no article 9."}},
		{"/brief soon", []string{"Usage: /brief"}},
		{"/sources", []string{"seeds: ./seeds (2 articles)"}},
		{"/digest", []string{"Posting the digest to console:terminal."}},
		{"/help", []string{"/who-said <topic>", "/quotes <speaker>"}},
		{"/weather", []string{"Unknown command \"/weather\"", "/help"}},
	} {
		got := c.Handle(t.Context(), "console:terminal", tc.line)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("Handle(%q) = %q; want it to contain %q", tc.line, got, w)
			}
		}
	}
	if len(observed) != 13 || observed[1] != "who-said" || observed[12] != "unknown" {
		t.Errorf("Observe saw %q; want each of the 13 commands, the last as unknown", observed)
	}
	c.Speakers = 1
	if got := c.Handle(t.Context(), "console:terminal", "/who-said europe"); !strings.Contains(got, "…and 1 more: /who-said europe page:2") || strings.Contains(got, "foreign ministers") {
		t.Errorf("Handle with a cap of 1 = %q; want one speaker and the command for the rest", got)
	}
}

// TestHandleWhoSaidSources checks that /who-said cites each text's own
// article, a text reprinted elsewhere with every article that carries it,
// and texts from one article by that article once.
func TestHandleWhoSaidSources(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	wire := Cite{ArticleID: 3, Title: "Ferry fares frozen", Published: day(20)}
	reprint := Cite{ArticleID: 4, Title: "Island news: fares frozen", Published: day(21)}
	older := Cite{ArticleID: 2, Title: "Ferry timetable", Published: day(10)}
	arch := &fakeArchive{hits: []Hit{
		{Speaker: "Mira Talvik", Role: "harbour master", ArticleID: 3, Title: wire.Title, Published: wire.Published, Said: []Said{
			{Text: "Ferry fares stay where they are", Quote: true, Source: wire, Also: []Cite{reprint}},
			{Text: "the ferry would run every hour", Source: older},
		}},
		{Speaker: "Oskar Lind", ArticleID: 2, Title: older.Title, Published: older.Published, Said: []Said{
			{Text: "The ferry is late again", Quote: true, Source: older},
			{Text: "Nobody checks the ferry clock", Quote: true, Source: older},
		}},
	}}
	c := &Commands{Archive: arch}
	got := c.Handle(t.Context(), "console:terminal", "/who-said ferry")
	want := `Who said what about "ferry":

Mira Talvik, harbour master
  “Ferry fares stay where they are”
  — Ferry fares frozen, 20 Nov 2026 (/brief 3)
  — also Island news: fares frozen, 21 Nov 2026 (/brief 4)
  reported: the ferry would run every hour
  — Ferry timetable, 10 Nov 2026 (/brief 2)

Oskar Lind
  “The ferry is late again”
  “Nobody checks the ferry clock”
  — Ferry timetable, 10 Nov 2026 (/brief 2)`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Handle(/who-said ferry) mismatch (-want +got):\n%s", diff)
	}
}

// TestHandlePages follows the "more" of each answer to the next page,
// with the filters typed kept, and pages that are all.
func TestHandlePages(t *testing.T) {
	arch := &fakeArchive{}
	for i := range 7 {
		arch.hits = append(arch.hits, Hit{Speaker: fmt.Sprintf("Speaker %d", i), Said: []Said{{Text: "On tariffs", Quote: true}}})
		arch.quotes = append(arch.quotes, QuoteRow{Speaker: "Ada Quill", Text: fmt.Sprintf("Quote %d", i)})
	}
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	c := &Commands{Archive: arch, Speakers: 3, QuotesShown: 4, Now: func() time.Time { return now }}
	for _, tc := range []struct {
		line     string
		want     []string
		wantNot  []string
		wantAsks Query
	}{
		{line: "/who-said tariffs since:7d", want: []string{"Speaker 0", "Speaker 2", "…and 4 more: /who-said tariffs since:7d page:2"}, wantNot: []string{"Speaker 3"},
			wantAsks: Query{Words: "tariffs", Since: now.AddDate(0, 0, -7)}},
		{line: "/who-said tariffs since:7d page:2", want: []string{"Speaker 3", "Speaker 5", "…and 1 more: /who-said tariffs since:7d page:3"}, wantNot: []string{"Speaker 2", "Speaker 6"},
			wantAsks: Query{Words: "tariffs", Since: now.AddDate(0, 0, -7), Page: 2}},
		{line: "/who-said tariffs page:3", want: []string{"Speaker 6"}, wantNot: []string{"more", "Speaker 5"}, wantAsks: Query{Words: "tariffs", Page: 3}},
		{line: "/who-said tariffs page:4", want: []string{"There is no page 4 for \"tariffs\"."}, wantAsks: Query{Words: "tariffs", Page: 4}},
		{line: "/who-said about:tariffs source:afp", want: []string{"Who said what about \"tariffs\"", "/who-said about:tariffs source:afp page:2"}, wantAsks: Query{About: "tariffs", Source: "afp"}},
		{line: "/quotes ada's about:harbour", want: []string{"“Quote 0”", "“Quote 3”", "…and 3 more: /quotes ada's about:harbour page:2"}, wantNot: []string{"Quote 4"},
			wantAsks: Query{Words: "ada's", About: "harbour"}},
		{line: "/quotes ada page:2", want: []string{"“Quote 4”", "“Quote 6”"}, wantNot: []string{"Quote 3", "more"}, wantAsks: Query{Words: "ada", Page: 2}},
		{line: "/who-said tariffs since:soon", want: []string{"Sorry, \"soon\": want a date such as 2026-12-01"}},
		{line: "/who-said since:7d", want: []string{"Usage: /who-said <topic>"}},
	} {
		arch.asked = nil
		got := c.Handle(t.Context(), "console:terminal", tc.line)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("Handle(%q) = %q; want it to contain %q", tc.line, got, w)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(got, w) {
				t.Errorf("Handle(%q) = %q; want no %q", tc.line, got, w)
			}
		}
		var asked Query
		if len(arch.asked) > 0 {
			asked = arch.asked[0]
		}
		if diff := cmp.Diff(tc.wantAsks, asked); diff != "" {
			t.Errorf("Handle(%q) asked the archive (-want +got):\n%s", tc.line, diff)
		}
	}
	c.Speakers, c.QuotesShown = -1, -1
	if got := c.Handle(t.Context(), "console:terminal", "/who-said tariffs"); !strings.Contains(got, "Speaker 6") || strings.Contains(got, "more") {
		t.Errorf("Handle(/who-said tariffs) with no cap = %q; want all seven speakers", got)
	}
}

func TestHandleCandidates(t *testing.T) {
	c := &Commands{Archive: &fakeArchive{candidates: []string{"Pete Hegseth", "Peter Hansen", "Petra Holm", "Pete Ho", "Pete Hu", "Pete Hy", "Pete Ha"}}}
	got := c.Handle(t.Context(), "console:terminal", "/quotes pete")
	for _, w := range []string{"\"pete\" fits 7 speakers. Did you mean:", "/quotes Pete Hegseth", "/quotes Pete Hu", "…or 2 others?"} {
		if !strings.Contains(got, w) {
			t.Errorf("Handle(/quotes pete) = %q; want it to contain %q", got, w)
		}
	}
	if strings.Contains(got, "Pete Hy") {
		t.Errorf("Handle(/quotes pete) = %q; want five names at most", got)
	}
}

func TestHandleLinksToTheWeb(t *testing.T) {
	arch := &fakeArchive{hits: []Hit{{SpeakerID: 42, Speaker: "Hanno Pevkur", Said: []Said{{Text: "Europe has to be part", Quote: true}}}}}
	c := &Commands{Archive: arch, WebURL: "https://news.example.org/"}
	got := c.Handle(t.Context(), "console:terminal", "/who-said europe since:7d")
	for _, w := range []string{"https://news.example.org/speaker/42", "On the web: https://news.example.org/?q=europe+since%3A7d"} {
		if !strings.Contains(got, w) {
			t.Errorf("Handle = %q; want it to contain %q", got, w)
		}
	}
	c.WebURL = ""
	if got := c.Handle(t.Context(), "console:terminal", "/who-said europe"); strings.Contains(got, "http") {
		t.Errorf("Handle without WebURL = %q; want no link", got)
	}
}

func TestHandleNothingFound(t *testing.T) {
	c := &Commands{Archive: &fakeArchive{}}
	if got, want := c.Handle(t.Context(), "console:terminal", "/who-said tariffs"), "Nobody in the archive has said anything about \"tariffs\" yet."; got != want {
		t.Errorf("Handle = %q; want %q", got, want)
	}
	if got, want := c.Handle(t.Context(), "console:terminal", "/quotes nobody"), "No quotes from \"nobody\" in the archive yet."; got != want {
		t.Errorf("Handle = %q; want %q", got, want)
	}
}

func TestHandleHidesErrors(t *testing.T) {
	c := &Commands{Archive: &fakeArchive{err: errors.New("database is locked: SQLITE_BUSY")}}
	for _, line := range []string{"/who-said europe", "/quotes hegseth", "/brief"} {
		got := c.Handle(t.Context(), "console:terminal", line)
		if strings.Contains(got, "SQLITE") || !strings.Contains(got, "Sorry") {
			t.Errorf("Handle(%q) = %q; want a plain apology without the error", line, got)
		}
	}
}

// TestHandleLongAndLargeArguments checks that an id too large for the
// archive is an article that does not exist, not a usage error, and that
// what a reader typed is never sent back longer than echoLimit characters.
func TestHandleLongAndLargeArguments(t *testing.T) {
	c := &Commands{Archive: &fakeArchive{}}
	long := strings.Repeat("Europe’s talks ", 700) // over 10 KB
	cut := strings.Repeat("Europe’s talks ", 4)    // the first 59 characters, then "…"
	cut = cut[:len(cut)-1]
	for _, tc := range []struct{ line, want string }{
		{"/brief 99999999999999999999", "There is no article 99999999999999999999."},
		{"/brief #99999999999999999999", "There is no article 99999999999999999999."},
		{"/brief -99999999999999999999", "Usage: /brief [latest|<article id>], for example /brief 3"},
		{"/brief 0", "Usage: /brief [latest|<article id>], for example /brief 3"},
		{"/brief 1" + strings.Repeat("0", 100), "There is no article 1" + strings.Repeat("0", 58) + "…."},
		{"/who-said " + long, "Nobody in the archive has said anything about \"" + cut + "…\" yet."},
		{"/quotes " + long, "No quotes from \"" + cut + "…\" in the archive yet."},
		{"/who-said " + strings.Repeat("é", 60), "Nobody in the archive has said anything about \"" + strings.Repeat("é", 60) + "\" yet."},
	} {
		if got := c.Handle(t.Context(), "console:terminal", tc.line); got != tc.want {
			t.Errorf("Handle(%.40q…) = %q; want %q", tc.line, got, tc.want)
		}
	}
	got := c.Handle(t.Context(), "console:terminal", "/"+strings.Repeat("x", 10000))
	if first, _, _ := strings.Cut(got, "\n"); first != "Unknown command \"/"+strings.Repeat("x", 58)+"…\"." {
		t.Errorf("Handle(a 10 KB unknown command) starts %q; want it cut short", first)
	}
}
