package store_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/summarize"
)

func TestArchiveQuotesNamesOneSpeaker(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	save(t, db, "quills", day(3), nil,
		said{who: "Ada Quill", text: "The pier plan stands"},
		said{who: "Ben Quill", text: "The pier plan must go"},
		said{who: "Quillon Moss", text: "Piers are for fishing"},
		said{who: "Ben Quill", text: "the council never asked", position: true})
	a := db.Archive()
	for _, tc := range []struct {
		name           string
		want           []string // the texts of the rows
		wantCandidates []string
	}{
		{name: "ada quill", want: []string{"The pier plan stands"}},
		{name: "Ada Quill's", want: []string{"The pier plan stands"}},
		{name: "ben quill’s", want: []string{"The pier plan must go"}},
		{name: "ada", want: []string{"The pier plan stands"}},
		// Quill is a whole word of two names: neither is picked; Quillon
		// Moss only starts with it.
		{name: "quill", wantCandidates: []string{"Ada Quill", "Ben Quill"}},
		{name: "quillon", want: []string{"Piers are for fishing"}},
		{name: "qu", wantCandidates: []string{"Ada Quill", "Ben Quill", "Quillon Moss"}},
		{name: "nobody at all"},
	} {
		page, err := a.Quotes(t.Context(), bot.Query{Words: tc.name}, 0, 0)
		if err != nil {
			t.Fatalf("Quotes(%q): %v", tc.name, err)
		}
		var got []string
		for _, r := range page.Rows {
			got = append(got, r.Text)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Quotes(%q) rows (-want +got):\n%s", tc.name, diff)
		}
		if diff := cmp.Diff(tc.wantCandidates, page.Candidates); diff != "" {
			t.Errorf("Quotes(%q) candidates (-want +got):\n%s", tc.name, diff)
		}
	}
}

// saveReprint saves the filler articles, then Ada Quill's text from the
// wire and, a day later, a reprint of it beside Bo Reed's words.
func saveReprint(t *testing.T, db *store.DB, text string) {
	t.Helper()
	saveFiller(t, db)
	save(t, db, "wire", day(2), nil, said{who: "Ada Quill", text: text})
	save(t, db, "reprint", day(3), nil, said{who: "Ada Quill", text: text},
		said{who: "Bo Reed", text: "We print what the wire sends"})
}

func TestArchiveQuotesFiltersPagesAndReprints(t *testing.T) {
	db := open(t)
	saveReprint(t, db, "Fees on the pier will fall")
	save(t, db, "later", day(6), nil, said{who: "Ada Quill", text: "Negotiations with Ukraine go on"},
		said{who: "Ada Quill", text: "The budget is done"})
	a := db.Archive()
	for _, tc := range []struct {
		name          string
		q             bot.Query
		offset, limit int
		want          []string
		wantMore      int
	}{
		{name: "all, a reprint once", q: bot.Query{Words: "quill"}, want: []string{"Negotiations with Ukraine go on", "The budget is done", "Fees on the pier will fall"}},
		{name: "paged", q: bot.Query{Words: "quill"}, limit: 2, want: []string{"Negotiations with Ukraine go on", "The budget is done"}, wantMore: 1},
		{name: "second page", q: bot.Query{Words: "quill"}, offset: 2, limit: 2, want: []string{"Fees on the pier will fall"}},
		{name: "since", q: bot.Query{Words: "quill", Since: day(5)}, want: []string{"Negotiations with Ukraine go on", "The budget is done"}},
		{name: "until", q: bot.Query{Words: "quill", Until: day(3)}, want: []string{"Fees on the pier will fall"}},
		{name: "source", q: bot.Query{Words: "quill", Source: "reprint.txt"}, want: []string{"Fees on the pier will fall"}},
		{name: "about, in another form", q: bot.Query{Words: "quill", About: "ukrainian negotiation"}, want: []string{"Negotiations with Ukraine go on"}},
		{name: "about nothing she said", q: bot.Query{Words: "quill", About: "harbour"}},
	} {
		page, err := a.Quotes(t.Context(), tc.q, tc.offset, tc.limit)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, r := range page.Rows {
			got = append(got, r.Text)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" || page.More != tc.wantMore {
			t.Errorf("%s: Quotes more %d; want %d; rows (-want +got):\n%s", tc.name, page.More, tc.wantMore, diff)
		}
	}
	page, err := a.Quotes(t.Context(), bot.Query{Words: "quill", Until: day(5)}, 0, 0)
	if err != nil || len(page.Rows) != 1 || page.Rows[0].Title != "reprint" || len(page.Rows[0].Also) != 1 || page.Rows[0].Also[0].Title != "wire" {
		t.Errorf("Quotes(quill, until day 5) = %+v, %v; want the reprint, the wire copy in Also", page, err)
	}
}

func TestArchiveWhoSaidPages(t *testing.T) {
	db := open(t)
	saveFiller(t, db)
	for i, who := range []string{"Ada Quill", "Ben Stone", "Cy Marsh", "Dee Park", "Eve Lund"} {
		save(t, db, who, day(2+i), nil, said{who: who, text: "The pier needs repairs"})
	}
	a := db.Archive()
	all, more, err := a.WhoSaid(t.Context(), bot.Query{Words: "pier"}, 0, 0)
	if err != nil || len(all) != 5 || more != 0 {
		t.Fatalf("WhoSaid(pier) = %d hits, %d more, %v; want 5, 0", len(all), more, err)
	}
	var paged []string
	for offset := 0; offset < 5; offset += 2 {
		hits, more, err := a.WhoSaid(t.Context(), bot.Query{Words: "pier"}, offset, 2)
		if err != nil {
			t.Fatal(err)
		}
		if want := max(5-offset-2, 0); more != want {
			t.Errorf("WhoSaid(pier, %d, 2) more = %d; want %d", offset, more, want)
		}
		for _, h := range hits {
			paged = append(paged, h.Speaker)
			if h.SpeakerID == 0 || len(h.Said) != 1 || h.ArticleID == 0 {
				t.Errorf("WhoSaid(pier) hit %+v; want a speaker id, the quote and its article", h)
			}
		}
	}
	var whole []string
	for _, h := range all {
		whole = append(whole, h.Speaker)
	}
	if diff := cmp.Diff(whole, paged); diff != "" {
		t.Errorf("WhoSaid(pier) pages differ from the whole (-whole +pages):\n%s", diff)
	}
	// With a filter, the rest is not counted, only said to be there.
	hits, more, err := a.WhoSaid(t.Context(), bot.Query{Words: "pier", Since: day(3)}, 0, 2)
	if err != nil || len(hits) != 2 || more != -1 {
		t.Errorf("WhoSaid(pier since day 3, 2) = %d hits, %d more, %v; want 2, -1", len(hits), more, err)
	}
	hits, more, err = a.WhoSaid(t.Context(), bot.Query{Words: "pier", Since: day(5)}, 0, 2)
	if err != nil || len(hits) != 2 || more != 0 {
		t.Errorf("WhoSaid(pier since day 5, 2) = %d hits, %d more, %v; want 2, 0", len(hits), more, err)
	}
	if hits, _, err := a.WhoSaid(t.Context(), bot.Query{Words: "!?"}, 0, 0); err != nil || hits != nil {
		t.Errorf("WhoSaid(!?) = %v, %v; want nothing", hits, err)
	}
}

// TestWhoSaidNeverHeadedByNoName checks that a letter or a clause taken
// for a speaker, however much it said, does not head an answer, and is
// still in it.
func TestWhoSaidNeverHeadedByNoName(t *testing.T) {
	for _, noName := range []string{"C", "the officials who spoke on condition of anonymity about the pier", "officials"} {
		t.Run(noName, func(t *testing.T) {
			db := open(t)
			saveFiller(t, db)
			save(t, db, "loud", day(3), nil,
				said{who: noName, text: "The pier is closing, the pier is closing, the pier"},
				said{who: noName, text: "The pier will not reopen, not the pier"})
			save(t, db, "quiet", day(2), nil, said{who: "Ada Quill", text: "The pier needs care"})
			hits, _, err := db.Archive().WhoSaid(t.Context(), bot.Query{Words: "pier"}, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, h := range hits {
				names = append(names, h.Speaker)
			}
			if len(names) != 2 || names[0] != "Ada Quill" {
				t.Errorf("WhoSaid(pier) = %q; want Ada Quill first, then %q", names, noName)
			}
			// The ranking without the rule puts the no-name first, or the
			// test shows nothing.
			raw, _, err := db.WhoSaid(t.Context(), "pier", 0)
			if err != nil || len(raw) != 2 || raw[0].Speaker == "Ada Quill" {
				t.Fatalf("DB.WhoSaid(pier) = %+v, %v; the test needs %q ranked first", raw, err, noName)
			}
		})
	}
}

// TestArchiveWhoSaidReprints checks that /who-said in chat shows the same
// words carried by two articles (wire copy reprinted) once, citing both,
// even when the reprint comes after the texts a hit shows.
func TestArchiveWhoSaidReprints(t *testing.T) {
	db := open(t)
	saveReprint(t, db, "Fees on the pier will fall soon")
	save(t, db, "later", day(6), nil, said{who: "Ada Quill", text: "The pier café stays shut"})
	hits, _, err := db.Archive().WhoSaid(t.Context(), bot.Query{Words: "pier"}, 0, 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("WhoSaid(pier) = %+v, %v; want Ada Quill alone", hits, err)
	}
	type text struct{ Text, Source, Also string }
	var got []text
	for _, s := range hits[0].Said {
		x := text{Text: s.Text, Source: s.Source.Title}
		for _, a := range s.Also {
			x.Also += a.Title
		}
		got = append(got, x)
	}
	want := []text{{"The pier café stays shut", "later", ""}, {"Fees on the pier will fall soon", "reprint", "wire"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WhoSaid(pier) texts mismatch (-want +got):\n%s", diff)
	}
	answer := (&bot.Commands{Archive: db.Archive()}).Handle(t.Context(), "console:terminal", "/who-said pier")
	if strings.Count(answer, "Fees on the pier") != 1 || !strings.Contains(answer, "Fees on the pier will fall soon”\n  — reprint") ||
		!strings.Contains(answer, "\n  — also wire") {
		t.Errorf("/who-said pier = %q; want the reprinted quote once, from reprint and also wire", answer)
	}
	var out strings.Builder
	if err := bot.WriteJSON(t.Context(), db.Archive(), &out, "who-said", "pier", bot.JSONPage{}, day(7)); err != nil {
		t.Fatal(err)
	}
	var line struct {
		Said []struct {
			Source struct{ Title string }
			Also   []struct{ Title string }
		}
	}
	if err := json.Unmarshal([]byte(out.String()), &line); err != nil || len(line.Said) != 2 ||
		line.Said[0].Source.Title != "" || line.Said[1].Source.Title != "reprint" || len(line.Said[1].Also) != 1 || line.Said[1].Also[0].Title != "wire" {
		t.Errorf("who-said --format json pier = %s; want the second text from reprint (the first from the hit's article), also in wire", out.String())
	}
}

// TestWhoSaidWeighsWhereTheWordsAre checks each speaker's relevance: a
// text with the words weighs 4, 5 when the speaker's name has them too,
// and a text whose speaker is only named by them 1; with two terms, one
// in the text and one in the name, 1 too.
func TestWhoSaidWeighsWhereTheWordsAre(t *testing.T) {
	if store.OnPostgres() {
		t.Skip("PostgreSQL weighs rows by ts_rank")
	}
	db := open(t)
	saveFiller(t, db)
	save(t, db, "levy", day(3), nil,
		said{who: "Tariff Watch", kind: summarize.Organisation, text: "The tariff hurts the mills"},
		said{who: "Ada Quill", text: "A tariff on nets is coming"},
		said{who: "Tariff Council", kind: summarize.Organisation, text: "We meet on Monday"},
		said{who: "Tariff Council", kind: summarize.Organisation, text: "Minutes go out later"},
		said{who: "Strike Committee", kind: summarize.Organisation, text: "The hospital stays open"},
		said{who: "Ben Stone", text: "The hospital strike goes on"})
	for _, tc := range []struct {
		topic string
		want  map[string]float64
	}{
		{"tariffs", map[string]float64{"Tariff Watch": 5, "Ada Quill": 4, "Tariff Council": 2}},
		{"hospital strike", map[string]float64{"Ben Stone": 4, "Strike Committee": 1}},
	} {
		hits, _, err := db.WhoSaid(t.Context(), tc.topic, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, h := range hits {
			got[h.Speaker] = h.Score
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("WhoSaid(%q) scores mismatch (-want +got):\n%s", tc.topic, diff)
		}
	}
}
