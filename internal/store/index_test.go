package store

import (
	"slices"
	"testing"
)

func TestExpandTopic(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"Europe", []string{"europe", "european"}},
		{"european", []string{"european", "europe"}},
		{"Europeans", []string{"europeans", "europe", "european"}},
		{"UKRAINE", []string{"ukraine", "ukrainian"}},
		{"Ukrainian", []string{"ukrainian", "ukraine"}},
		{"Ukrainians", []string{"ukrainians", "ukraine", "ukrainian"}},
		{"America", []string{"america", "american", "united states", "usa"}},
		{"Americans", []string{"americans", "america", "american", "united states", "usa"}},
		{"United  States", []string{"united states", "america", "american", "usa"}},
		{"British", []string{"british", "britain", "briton", "united kingdom", "uk"}},
		{"Britons", []string{"britons", "britain", "british", "briton", "united kingdom", "uk"}},
		{"russia", []string{"russia", "russian"}},
		{"Germans", []string{"germans", "germany", "german"}},
		{"French", []string{"french", "france"}},
		{"China", []string{"china", "chinese"}},
		{"Indian", []string{"indian", "india"}},
		{"Africa", []string{"africa", "african"}},
		{"Asian", []string{"asian", "asia"}},
		{"Estonian", []string{"estonian", "estonia"}},
		{"Poland", []string{"poland", "polish"}},
		{"Irish", []string{"irish", "ireland"}},
		{"Scottish", []string{"scottish", "scotland", "scot"}},
		{"Canadian", []string{"canadian", "canada"}},
		{"Australia", []string{"australia", "australian"}},
		{"Nigerians", []string{"nigerians", "nigeria", "nigerian"}},
		{"Kenya", []string{"kenya", "kenyan"}},
		{"Japanese", []string{"japanese", "japan"}},
		{"Wales", []string{"wales", "welsh"}},
		{"negotiations", []string{"negotiations"}},
		{"Tariffs", []string{"tariffs"}},
		{"s", []string{"s"}},
	}
	// The word itself first, then at least these forms: the table is the
	// summarizer's, which may know more ("aussie", "welshman").
	for _, tc := range tests {
		got := expandTopic(tc.word)
		if len(got) == 0 || got[0] != tc.want[0] {
			t.Errorf("expandTopic(%q) = %q; want %q first", tc.word, got, tc.want[0])
			continue
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("expandTopic(%q) = %q; want %q among them", tc.word, got, w)
			}
		}
	}
	if got := expandTopic("us"); len(got) != 1 {
		t.Errorf(`expandTopic("us") = %q; the pronoun is no place`, got)
	}
}

func TestMatchQuery(t *testing.T) {
	tests := []struct {
		topic, want string
	}{
		{"", ""},
		{" \t", ""},
		{`"*()^:+-`, ""},
		{"negotiations", `("negotiations")`},
		{"European", `("european" OR "europe")`},
		{"Europeans", `("europe" OR "european")`},
		{"Europe's defence", `("europe" OR "european") AND ("defence")`},
		{"United States tariffs", `("united states" OR "usa" OR "america" OR "american") AND ("tariffs")`},
		{"the war in Ukraine", `("war") AND ("ukraine" OR "ukrainian")`},
		{"the", `("the")`},
		{"AND OR NOT", `("and") AND ("or") AND ("not")`},
		{`tariffs" OR "x`, `("tariffs") AND ("x")`},
		{"NEAR(grain ports, 2)", `("grain") AND ("ports") AND ("2")`},
		{"col:grain*", `("col") AND ("grain")`},
		{"O'Brien", `("o brien")`},
		{"anti-war", `("anti war")`},
		{"Zürich", `("zürich" OR "zurich")`},
		{"a b c d e f g h i j k l m n o p q r s", `("b") AND ("c") AND ("d") AND ("e") AND ("f") AND ("g") AND ("h") AND ("i") AND ("j") AND ("k") AND ("l") AND ("m") AND ("n") AND ("o") AND ("p")`},
	}
	for _, tc := range tests {
		if got := matchQuery(tc.topic); got != tc.want {
			t.Errorf("matchQuery(%q) = %s; want %s", tc.topic, got, tc.want)
		}
	}
}

func TestForms(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"European and Ukrainian leaders met", "europe ukraine"},
		{"Europe met Ukraine", ""},
		{"the United States and the UK", "britain"},
		{"America and the UK", "united states britain"},
		{"Americans and American firms", "united states"},
		{"tariffs", ""},
	}
	for _, tc := range tests {
		if got := forms(tc.text); got != tc.want {
			t.Errorf("forms(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Hegseth", "Pete Hegseth", true},
		{"Pete Hegseth", "US Defense Secretary Pete Hegseth", true},
		{"hegseth", "US Defense Secretary Pete Hegseth", true},
		{"Pete Hegseth", "Pete Hegseth", true},
		{"John Sheahan", "Kevin Sheahan", false},
		{"Sheahan", "Kevin Sheahan", true},
		{"Pete Hegseth", "Pete Buttigieg", false},
		{"Mary Lou McDonald", "McDonald", true},
		{"Mary Lou McDonald", "Lou McDonald", true},
		{"Mary Lou McDonald", "Mary Lou", false},
		{"Jean-Luc Picard", "Picard", true},
		{"", "Picard", false},
	}
	for _, tc := range tests {
		for _, pair := range [][2]string{{tc.a, tc.b}, {tc.b, tc.a}} {
			if got := samePerson(pair[0], pair[1]); got != tc.want {
				t.Errorf("samePerson(%q, %q) = %v; want %v", pair[0], pair[1], got, tc.want)
			}
		}
	}
}

func TestDistinctForms(t *testing.T) {
	tests := []struct {
		forms, want []string
	}{
		{[]string{"ukrainians", "ukraine", "ukrainian"}, []string{"ukraine", "ukrainian"}},
		{[]string{"united states", "usa", "united states of america", "american", "americans"}, []string{"united states", "usa", "american"}},
		{[]string{"america", "american"}, []string{"america", "american"}},
		{[]string{"philippines", "philippine"}, []string{"philippine"}},
		// Stemming makes "ties" "ti", not "tie"; "glass" stays "glass".
		{[]string{"ties", "tie"}, []string{"ties", "tie"}},
		{[]string{"glass", "glas"}, []string{"glass", "glas"}},
		{[]string{"tariffs"}, []string{"tariffs"}},
	}
	for _, tc := range tests {
		if got := distinctForms(tc.forms); !slices.Equal(got, tc.want) {
			t.Errorf("distinctForms(%q) = %q; want %q", tc.forms, got, tc.want)
		}
	}
}
