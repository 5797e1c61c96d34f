package summarize

import (
	"strings"
	"sync"
)

// A politician's party and state, as US copy gives them after the name —
// "Sen. Rona Pell (D-Vt.)", "Rep. Ira Kell, R-N.Y.,", "Sen. Carl Dunmore
// of Texas", ", Republican of Ohio," — are words a later description uses
// for them: "the Vermont senator", "the Texas Republican".

// usStates maps a state's names and abbreviations, as AP style and the
// post office write them (lower case, without full stops), to its name;
// made on first use, as the lexicon is, not at start-up.
var usStates = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, row := range strings.Split(`alabama al ala|alaska ak|arizona az ariz|arkansas ar ark|california ca calif|colorado co colo|connecticut ct conn|delaware de del|florida fl fla|georgia ga|hawaii hi|idaho id|illinois il ill|indiana in ind|iowa ia|kansas ks kan kans|kentucky ky|louisiana la|maine me|maryland md|massachusetts ma mass|michigan mi mich|minnesota mn minn|mississippi ms miss|missouri mo|montana mt mont|nebraska ne neb nebr|nevada nv nev|new_hampshire nh|new_jersey nj|new_mexico nm|new_york ny|north_carolina nc|north_dakota nd|ohio oh|oklahoma ok okla|oregon or ore|pennsylvania pa|rhode_island ri|south_carolina sc|south_dakota sd|tennessee tn tenn|texas tx tex|utah ut|vermont vt|virginia va|washington wa wash|west_virginia wv wva|wisconsin wi wis|wyoming wy wyo`, "|") {
		f := strings.Fields(row)
		name := strings.ReplaceAll(f[0], "_", " ")
		m[f[0]] = name
		for _, a := range f[1:] {
			m[a] = name
		}
	}
	return m
})

// partyNames are the party letters of a tag such as "D-Vt.".
var partyNames = map[byte]string{'D': "democrat", 'R': "republican", 'I': "independent"}

// homeWords adds to e's role words the party and state written after
// mention m.
func (d *doc) homeWords(m *mention, e *entity) {
	add := func(w string) {
		for _, x := range strings.Fields(w) {
			if !containsString(e.roleWord, x) {
				e.roleWord = append(e.roleWord, x)
			}
		}
	}
	k := m.c1
	if d.punct(k, '(') || d.punct(k, ',') {
		k++
	}
	switch {
	case d.partyTag(k):
		// "D-Vt." or "D-N.Y.", in one token or with its full stops apart.
		tag := d.text(k)
		for j := k + 1; j < len(d.toks) && j < k+4 && (d.punct(j, '.') || d.toks[j].kind == tWord && d.toks[j].s == d.toks[j-1].e); j++ {
			tag += d.text(j)
		}
		add(partyNames[tag[0]])
		if st, ok := usStates()[strings.ToLower(strings.ReplaceAll(tag[2:], ".", ""))]; ok {
			add(st)
		}
	case d.is(m.c1, "of") || d.is(m.c1, "from"):
		// "Sen. Carl Dunmore of Texas": only after a title, since "Ana Ruiz
		// of the council" is no statement of where she stands for.
		if m.n0 > m.c0 {
			d.addState(m.c1+1, add)
		}
	case d.punct(m.c1, ','):
		// ", Republican of Ohio,", ", a Democrat from Maine,".
		n := m.c1 + 1
		if d.is(n, "a") || d.is(n, "an") {
			n++
		}
		switch d.low(n) {
		case "republican", "democrat", "independent":
			if isCapWord(d, n) && (d.is(n+1, "of") || d.is(n+1, "from")) {
				add(d.low(n))
				d.addState(n+2, add)
			}
		}
	}
}

// addState passes to add the name of the US state written at k, if one is.
func (d *doc) addState(k int, add func(string)) {
	if k >= len(d.toks) || !isCapWord(d, k) {
		return
	}
	if st, ok := usStates()[d.low(k)]; ok && len(st) > 2 && d.low(k) == st {
		add(st)
		return
	}
	if k+1 < len(d.toks) {
		if st, ok := usStates()[d.low(k)+"_"+d.low(k+1)]; ok {
			add(st)
		}
	}
}

// stateName writes a state's name as a place is written: "new york" →
// "New York".
func stateName(st string) string {
	b := []byte(st)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
