package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// fakeArchive answers from fixed data and records what it was asked.
type fakeArchive struct {
	hits   []Hit
	more   int
	quotes []QuoteRow
	err    error
	asked  []string
}

func (f *fakeArchive) WhoSaid(_ context.Context, topic string, limit int) ([]Hit, int, error) {
	f.asked = append(f.asked, "who-said "+topic)
	if len(f.hits) > limit {
		return f.hits[:limit], f.more + len(f.hits) - limit, f.err
	}
	return f.hits, f.more, f.err
}

func (f *fakeArchive) Quotes(_ context.Context, speaker string, _ int) ([]QuoteRow, error) {
	f.asked = append(f.asked, "quotes "+speaker)
	return f.quotes, f.err
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
	if got := c.Handle(t.Context(), "console:terminal", "/who-said europe"); !strings.Contains(got, "…and 1 more.") || strings.Contains(got, "foreign ministers") {
		t.Errorf("Handle with a cap of 1 = %q; want one speaker and a count of the rest", got)
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
