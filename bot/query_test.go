package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
)

func TestParseQuery(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in      string
		want    bot.Query
		wantErr string
	}{
		{in: "europe", want: bot.Query{Words: "europe"}},
		{in: "hegseth since:7d about:ukraine", want: bot.Query{Words: "hegseth", About: "ukraine", Since: now.AddDate(0, 0, -7)}},
		{in: "since:2026-12-01 until:2026-12-03 nato", want: bot.Query{Words: "nato",
			Since: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)}},
		{in: `source:"Le Monde" speaker:Pevkur europe page:2`, want: bot.Query{Words: "europe", Source: "Le Monde", Speaker: "Pevkur", Page: 2}},
		{in: "SINCE:12h quotes:only", want: bot.Query{Since: now.Add(-12 * time.Hour), QuotesOnly: true}},
		{in: "since:2w", want: bot.Query{Since: now.AddDate(0, 0, -14)}},
		// A colon that is no filter stays in the words.
		{in: "talks at 10:30 http://x", want: bot.Query{Words: "talks at 10:30 http://x"}},
		{in: "europe since:yesterday", wantErr: `"yesterday": want a date such as 2026-12-01 or an age such as 7d, 2w or 12h`},
		{in: "since:99999999999d", wantErr: "want a date"},
		{in: "europe page:0", wantErr: "page:0: want a page number"},
	} {
		got, err := bot.ParseQuery(tc.in, now)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseQuery(%q) = %+v, %v; want error %q", tc.in, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseQuery(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestMore(t *testing.T) {
	for _, tc := range []struct {
		answer, want string
		ok           bool
	}{
		{"Who said what about \"europe\":\n\nA\n\n…and 5 more: /who-said europe page:2", "/who-said europe page:2", true},
		{"Quotes from A:\n\n“x”\n\nMore: /quotes ada since:7d page:3\n", "/quotes ada since:7d page:3", true},
		{"Who said what about \"europe\":\n\nA", "", false},
		{"…and 5 more: /who-said a very long topic that was cut short by the ech…", "", false},
		{"…and 5 more: /digest page:2", "", false},
		{"More: /who-said europe", "", false},
	} {
		line, ok := bot.More(tc.answer)
		if ok != tc.ok || ok && line != tc.want {
			t.Errorf("More(%q) = %q, %v; want %q, %v", tc.answer, line, ok, tc.want, tc.ok)
		}
	}
}
