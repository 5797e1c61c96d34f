package store_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSpeakersAndTopics(t *testing.T) {
	db := open(t)
	save(t, db, "Bridge closes", day(1), []string{"Limerick", "Ireland"},
		said{who: "Nora Walsh", role: "engineer", text: "The cables need replacing this spring"},
		said{who: "Nora Walsh", text: "The work will take a year"},
		said{who: "Tom Reilly", text: "Traffic will move to the ring road"})
	save(t, db, "Port reopens", day(2), []string{"Ireland"},
		said{who: "Nuala O'Brien", text: "The ferries sail again on Monday"},
		said{who: "Harbour_Board", kind: "organization", text: "Fees stay as they are"})
	ctx := t.Context()
	for _, tt := range []struct {
		prefix string
		want   []string
	}{
		{"n", []string{"Nora Walsh", "Nuala O'Brien"}}, // Walsh is quoted most
		{"WAL", []string{"Nora Walsh"}},                // by surname
		{"  reilly ", []string{"Tom Reilly"}},
		{"harbour_", []string{"Harbour_Board"}}, // _ is no wildcard
		{"harbour%", nil},
		{"z", nil},
	} {
		got, err := db.Speakers(ctx, tt.prefix, 25)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Speakers(%q) (-want +got):\n%s", tt.prefix, diff)
		}
	}
	if got, _ := db.Speakers(ctx, "", 1); len(got) != 1 || got[0] != "Nora Walsh" {
		t.Errorf("Speakers(\"\", 1) = %q; want the most quoted, Nora Walsh", got)
	}
	for _, tt := range []struct {
		prefix string
		want   []string
	}{
		{"", []string{"Ireland", "Limerick"}}, // Ireland is in two articles
		{"LIM", []string{"Limerick"}},
		{"x", nil},
	} {
		got, err := db.Topics(ctx, tt.prefix, 25)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Topics(%q) (-want +got):\n%s", tt.prefix, diff)
		}
	}
}
