package summarize

import (
	"strings"
	"sync"
)

// PlaceForms returns the forms of the place that the lower-case word or
// phrase w names or describes: the place's name first, then its other
// names and its demonyms, all in lower case ("european" gives europe,
// european, europeans; "uk" gives britain, uk, united kingdom, great
// britain, british, briton, britons). It returns nil for any other word.
// The tables are the ones the summarizer reads places with, so the archive
// search and the briefings agree on what a place is called.
func PlaceForms(w string) []string {
	return placeForms()[w]
}

// ambiguousAliases are short names of places that are ordinary words too:
// "US" would make every "us" in a quotation a mention of America.
var ambiguousAliases = map[string]bool{"us": true, "in": true, "me": true, "or": true, "ok": true, "hi": true}

var placeForms = sync.OnceValue(func() map[string][]string {
	groups := map[string][]string{} // by place name
	var order []string
	add := func(place, form string) {
		p := strings.ToLower(place)
		f := strings.ToLower(strings.TrimSpace(form))
		if f == "" || ambiguousAliases[f] || strings.ContainsAny(f, ".()") {
			return
		}
		g, ok := groups[p]
		if !ok {
			order = append(order, p)
			g = []string{p}
		}
		for _, x := range g {
			if x == f {
				groups[p] = g
				return
			}
		}
		groups[p] = append(g, f)
	}
	eachPlaceName(func(name, canonical string) { add(canonical, name) })
	readLines("data/demonyms.txt", func(f []string) {
		if len(f) >= 2 {
			add(f[1], f[0])
		}
	})
	m := map[string][]string{}
	for _, p := range order {
		g := groups[p]
		if len(g) < 2 {
			continue // a place with no other form joins nothing
		}
		for _, f := range g {
			if _, taken := m[f]; !taken {
				m[f] = g
			}
		}
	}
	return m
})
