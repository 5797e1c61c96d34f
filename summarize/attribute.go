package summarize

import (
	"slices"
	"strings"
)

// Rules that attribute a quotation, most certain first.
const (
	howNone      = iota
	howAfter     // “Q,” said X / “Q,” X said / “Q” — X
	howBefore    // X said: “Q” / X said that … “Q”
	howLater     // a speech verb later in the sentence
	howColon     // X was blunt: “Q”
	howChain     // a quotation running over paragraphs
	howSameSpeak // a later quotation in the same paragraph
	howCarry     // a paragraph that is only a quotation continues the last speaker
	howNear      // a fragment with the nearest person before it
)

const cueAccording uint8 = 9 // "according to"

// cueAt reports whether token i is a speech verb outside quotations, and
// returns its form (cueFinite or cueIng), its kind and how many tokens it
// takes ("hit back" takes two).
func (d *doc) cueAt(i int) (form, kind uint8, width int) {
	if i < 0 || i >= len(d.toks) {
		return
	}
	t := &d.toks[i]
	if t.kind != tWord || t.span >= 0 || t.lex == 0 {
		return
	}
	lx := &lexTable[t.lex]
	if lx.flags&wCue == 0 || t.fl&fPossessive != 0 {
		if lx.flags&wAccording != 0 && d.is(i, "according") && d.is(i+1, "to") {
			return cueAccording, cueNormal, 2
		}
		if d.is(i, "words") && d.is(i+1, "of") && d.is(i-1, "the") && d.is(i-2, "in") {
			return cueAccording, cueNormal, 2 // "in the words of CEO Priya Natarajan"
		}
		return
	}
	kind, width = lx.cueKind, 1
	if kind == cueBare {
		if n := i + 1; n < len(d.toks) && d.toks[n].kind == tWord && d.toks[n].sent == t.sent {
			return 0, 0, 0 // "would continue to", not "…,” she continued."
		}
	}
	if kind == cueParticle {
		if !d.is(i+1, lx.particle) {
			return 0, 0, 0
		}
		width = 2
	}
	if kind == cueRead {
		// "a statement that read", "a statement from the ministry read".
		for k := i - 1; k >= 0 && k >= i-7 && d.toks[k].sent == t.sent && d.toks[k].kind == tWord; k-- {
			if d.has(k, wSpeechNoun) {
				return cueFinite, kind, 1
			}
		}
		return 0, 0, 0
	}
	if i > 0 && d.has(i-1, wDet) && !d.is(i-1, "that") && d.toks[i-1].kind == tWord && lx.cueForm != cueIng {
		return 0, 0, 0 // a noun: "the report", "his post"
	}
	if lx.cueForm == cueBase && i > 1 && d.has(i-2, wDet) && !d.is(i-2, "that") && d.toks[i-1].fl&fLower != 0 &&
		!d.has(i-1, wAux|wPron|wConj|wPrep|wCue) {
		return 0, 0, 0 // "a handwritten note", "the annual report"
	}
	form = lx.cueForm
	if form == cueBase {
		form = cueFinite
		if d.is(i-1, "to") {
			form = cueIng // "went on to say": no subject of its own
		}
	}
	be := d.is(i-1, "was") || d.is(i-1, "is") || d.is(i-1, "were") || d.is(i-1, "are") || d.is(i-1, "been") || d.is(i-1, "be") || d.is(i-1, "being")
	if form == cueIng && be {
		form = cueFinite // "she was saying"
	} else if be {
		return 0, 0, 0 // "the court was told": passive, nobody speaks
	}
	return form, kind, width
}

func (d *doc) sentOf(i int) *sentence { return &d.sents[d.toks[i].sent] }

// clauseStart returns where the clause holding token c starts, after any
// introductory phrase ("In a statement on Wednesday, …").
func (d *doc) clauseStart(c int) int {
	s := d.sentOf(c)
	cs := s.t0
	for k := c - 1; k >= s.t0; k-- {
		t := d.toks[k]
		if t.span >= 0 {
			cs = k + 1
			break
		}
		if t.kind == tPunct && (t.r == ';' || t.r == ':' || isDash(t.r) && t.r != '-') {
			cs = k + 1
			break
		}
		if t.kind != tWord {
			continue
		}
		w := d.low(k)
		switch w {
		case "while", "whereas", "although", "though", "because", "but", "as", "when", "after", "before",
			"if", "since", "until", "whether", "unless", "what", "so":
			cs = k + 1
		case "which", "whom":
			if d.has(k+1, wDet|wPron) || isCapWord(d, k+1) {
				cs = k + 1 // "which the study describes as …"
			}
		case "that":
			if _, _, n := d.cueAt(k - 1); n > 0 || d.has(k-1, wTime) {
				cs = k + 1
			}
		case "and":
			if d.punct(k-1, ',') && (d.has(k+1, wPron) || isCapWord(d, k+1)) {
				cs = k + 1
			}
		}
		if cs != s.t0 {
			if d.has(cs-1, wConj) {
				// An introductory clause: "Asked whether she would stand, Romero said".
				for k := cs; k < c; k++ {
					if d.punct(k, ',') {
						cs = k + 1
						break
					}
				}
			}
			break
		}
	}
	return d.skipIntro(cs, c)
}

// skipIntro skips introductory phrases that end in a comma before c:
// "In a statement on Wednesday,", "Speaking to reporters,", "However,".
func (d *doc) skipIntro(a, c int) int {
	for a < c {
		t := d.toks[a]
		if t.kind != tWord {
			if t.kind == tPunct && t.r == ',' {
				a++
				continue
			}
			return a
		}
		intro := d.has(a, wIntro|wTime) && !d.has(a, wDet|wPron) || t.fl&fLower != 0 && strings.HasSuffix(d.low(a), "ing") ||
			d.sentenceInitial(a) && strings.HasSuffix(d.low(a), "ing") && !d.has(a, wGiven)
		if d.has(a, wDet) && d.has(a, wTime) { // "This week, …", "Last month, …"
			intro = true
		}
		if !intro {
			return a
		}
		comma := -1
		for k := a + 1; k < c; k++ {
			if d.punct(k, ',') {
				comma = k
				break
			}
			if d.toks[k].span >= 0 {
				break
			}
			if d.toks[k].fl&fAllCaps == 0 && (d.is(k, "he") || d.is(k, "she") || d.is(k, "they") || d.is(k, "we") || d.is(k, "i")) {
				return k // "By 1962 he was …": the clause starts at its pronoun
			}
		}
		if comma < 0 {
			return a
		}
		a = comma + 1
		// "In a statement signed by his press secretary, Tunde Ajibola, the
		// governor …": a name set off after a role belongs to the phrase.
		if d.has(comma-1, wRole|wTitle) {
			if mi := d.mentionAt[a]; mi >= 0 && d.punct(d.mentions[mi].c1, ',') && d.mentions[mi].c1 < c {
				a = d.mentions[mi].c1 + 1
			}
		}
		// "At the Astrodome, which was turned into a shelter, Olaño said":
		// a relative clause after the phrase belongs to it too.
		if d.is(a, "which") || d.is(a, "where") || d.is(a, "when") {
			for k := a + 1; k < c; k++ {
				if d.punct(k, ',') {
					a = k + 1
					break
				}
			}
		}
	}
	return a
}

// npEnd returns where the subject noun phrase starting at a ends: at its
// verb, a relative pronoun or a conjunction. Commas do not end it, so that
// appositives stay inside.
func (d *doc) npEnd(a, b int) int {
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind == tMark || t.span >= 0 {
			return k
		}
		if t.kind == tPunct && (t.r == ';' || t.r == ':') {
			return k
		}
		if t.kind != tWord || k == a {
			continue
		}
		if d.mentionAt[k] >= 0 && d.mentions[d.mentionAt[k]].kind != mPlace {
			continue
		}
		if _, _, n := d.cueAt(k); n > 0 {
			return k
		}
		if d.has(k, wAux) && !d.has(k, wRole|wDept|wTitle) && !d.has(k, wTime) {
			return k
		}
		switch d.low(k) {
		case "who", "which", "whose", "whom", "while", "but", "because", "when", "although":
			return k
		}
	}
	return b
}

// inPP reports whether the name starting at c0 is the object of a
// preposition: "to Nyoro", "of research firm Endpoint".
func (d *doc) inPP(c0, c1, a int) bool {
	list := d.is(c1, "and") || d.is(c1, "or") || d.punct(c1, ',') || d.is(c0-1, "and") || d.is(c0-1, "or")
	for k := c0 - 1; k >= a && k > c0-9; k-- {
		t := d.toks[k]
		if list && t.kind == tPunct && t.r == ',' && (isCapWord(d, k-1) || d.has(k-1, wPlace)) && !d.has(k-1, wRole|wTitle) {
			continue // a list: "of Norway, Sweden and Finland"
		}
		if t.kind != tWord {
			return false
		}
		if d.is(k, "and") && isCapWord(d, k-1) {
			continue
		}
		if d.has(k, wPrep) {
			return true
		}
		if d.has(k, wCue|wAux|wConj|wPron) {
			return false
		}
	}
	return false
}

// headIn finds who a noun phrase region [a, b) names: a pronoun, the first
// name that is neither a modifier nor inside a prepositional phrase, or a
// description such as "the company" or "one person". With create unset,
// descriptions only resolve to entities already known.
func (d *doc) headIn(a, b int, create bool) int {
	for a < b && (d.punct(a, ',') || d.is(a, "and") || d.is(a, "but") || d.is(a, "yet") || d.is(a, "so") || d.has(a, wAux) && !d.has(a, wPron|wRole|wDet|wTime) && d.toks[a].fl&fLower != 0) {
		a++
	}
	if a >= b {
		return -1
	}
	if d.toks[a].fl&fAllCaps == 0 && (d.toks[a].kind == tWord && d.has(a, wPron) && !d.has(a, wDet)) || d.is(a, "he") || d.is(a, "she") || d.is(a, "they") || d.is(a, "it") {
		if d.is(a, "his") || d.is(a, "her") || d.is(a, "their") || d.is(a, "its") {
			// "his lawyer": someone else, described.
			if create {
				return d.nominal(a, d.nominalEnd(a, d.npEnd(a, b)), create)
			}
			return -1
		}
		return d.resolvePronoun(a)
	}
	end := d.npEnd(a, b)
	for k := a; k < end; k++ {
		mi := d.mentionAt[k]
		if mi < 0 {
			continue
		}
		m := &d.mentions[mi]
		k = m.c1 - 1
		if m.kind == mPlace || m.ent < 0 || m.modifier || d.inPP(m.c0, m.c1, a) {
			continue
		}
		return m.ent
	}
	// "A firefighter who gave only his first name, Thomas, said": a name set
	// off by commas names the described speaker.
	for k := end; k < b; k++ {
		if mi := d.mentionAt[k]; mi >= 0 && d.punct(k-1, ',') {
			m := &d.mentions[mi]
			if m.c0 == k && m.kind == mPerson && m.ent >= 0 && (d.punct(m.c1, ',') || m.c1 == b) && !d.inPP(m.c0, m.c1, a) {
				return m.ent
			}
		}
	}
	return d.nominal(a, d.nominalEnd(a, end), create)
}

// subjectStart reports whether a subject can start at token k: a name, a
// pronoun, a determiner, a number or a noun for a speaker.
func (d *doc) subjectStart(k int) bool {
	t := d.toks[k]
	if t.kind == tNum || isCapWord(d, k) {
		return true
	}
	return t.kind == tWord && (d.has(k, wDet|wPron) || d.nounish(k))
}

// nominalEnd returns where a described speaker's phrase ends: at a comma,
// unless what follows is a list of names up to the end.
func (d *doc) nominalEnd(a, end int) int {
	for k := a; k < end; k++ {
		if d.punct(k, ',') || d.punct(k, '(') || d.punct(k, ')') {
			list := true
			for j := k + 1; j < end; j++ {
				if !(isCapWord(d, j) || d.punct(j, ',') || d.is(j, "and") || d.is(j, "or")) {
					list = false
					break
				}
			}
			if list && d.punct(k, ',') {
				return end
			}
			return k
		}
	}
	return end
}

// nominal resolves a described speaker [a, e): "the DG of his campaign
// organisation" to the person whose role matches, "the star" to the person
// the text is about, "the company" to the organisation; "one person" and
// "the foreign ministers of …" speak for themselves.
func (d *doc) nominal(a, e int, create bool) int {
	for e > a && (d.punct(e-1, ',') || d.has(e-1, wTime|wAux) && d.toks[e-1].fl&fLower != 0 || d.toks[e-1].kind == tPunct) {
		e--
	}
	// Drop a trailing "in a statement", "on Thursday".
	for k := e - 1; k > a && k >= e-4; k-- {
		if d.has(k, wPrep) && (d.has(e-1, wSpeechNoun|wTime) || isCapWord(d, e-1) && d.has(e-1, wTime)) {
			e = k
			break
		}
	}
	if e <= a || e-a > 20 || !d.subjectStart(a) {
		return -1
	}
	// The head is the first noun for a person, body or group, with any
	// noun that follows it ("bus driver"); an "of" phrase after it stays.
	h := -1
	for k := a; k < e; k++ {
		if d.toks[k].kind != tWord {
			if h >= 0 && d.toks[k].kind == tPunct {
				break
			}
			continue
		}
		if d.has(k, wPrep) && !d.nounish(k) {
			if h >= 0 {
				break
			}
			continue
		}
		if d.nounish(k) {
			h = k // the last such noun before a preposition: "one emergency nurse"
		}
	}
	if h < 0 {
		for k := a; k < e && k < a+3; k++ {
			if d.has(k, wSpeechNoun) && d.toks[k].fl&fLower != 0 {
				h = k // "the statement read"
				break
			}
		}
	}
	if h < 0 {
		return -1
	}
	if h+1 < e && (d.is(h+1, "of") || d.is(h+1, "for") || d.is(h+1, "at") || d.is(h+1, "from") || d.is(h+1, "including") || d.toks[h+1].kind == tPunct && d.toks[h+1].r == '(') {
		// keep the phrase: "the DG of his campaign organisation"
		e = d.ppEnd(h+1, e)
	} else {
		e = h + 1
	}
	hw := d.low(h)
	plural := d.has(h, wGroupNoun) || d.plural(h) >= 0 && !d.has(h, wRole|wPersonNoun|wOrgNoun)
	person := !plural && (d.has(h, wRole|wTitle|wRoleAcronym|wPersonNoun) || strings.HasSuffix(hw, "-old") || epithets[hw])
	org := !plural && d.has(h, wOrgNoun)
	if !plural && !person && !org {
		if d.has(h, wSpeechNoun) && (d.is(a, "the") || d.is(a, "this")) {
			if w := d.authorOf(hw, int(d.toks[a].sent)); w >= 0 || !create || !d.has(h, wWork) {
				return w
			}
			org = true // "the study describes it as …": the study speaks
		} else {
			return -1
		}
	}
	definite := d.is(a, "the") || d.is(a, "this") || d.is(a, "that")
	si := int(d.toks[a].sent)
	if person && (d.is(a, "his") || d.is(a, "her") || d.is(a, "their")) {
		// "his daughter said": the person introduced with that role, if any.
		if p := d.personByRole(a, e, si, genderUnknown); p >= 0 && d.ents[p].kind == mPerson && len(d.ents[p].roleWord) > 0 {
			return p
		}
	}
	if definite && person && !d.has(h, wPersonNoun) || definite && (hw == "man" || hw == "woman") || strings.HasSuffix(hw, "-old") {
		if p := d.personByRole(a, e, si, d.lx(h).gender); p >= 0 {
			return p
		}
	}
	if definite && plural {
		// "the three ministers": a group named just before.
		for s := si; s >= 0 && s >= si-3; s-- {
			if sub := d.sents[s].subject; sub >= 0 && d.ents[sub].kind == 0 && d.ents[sub].nominal == Group && strings.Contains(strings.ToLower(d.ents[sub].name), hw) {
				return sub
			}
		}
	}
	if definite && org {
		if o := d.orgByNoun(hw, si); o >= 0 {
			return o
		}
	}
	if definite {
		// "The spokesperson added": the "government spokesperson" met before.
		for i := len(d.ents) - 1; i >= 0; i-- {
			if en := &d.ents[i]; en.kind == 0 && en.last <= si && strings.EqualFold(lastWord(en.name), hw) {
				return i
			}
		}
	}
	if !create {
		return -1
	}
	name := d.body[d.toks[a].s:d.toks[e-1].e]
	if person && h+2 < e && (d.is(h+1, "for") || d.is(h+1, "of") || d.is(h+1, "at")) && d.is(h+2, "the") && e-h <= 5 {
		// "a spokesperson for the company": name the company the story means.
		if o := d.orgByNoun(d.low(e-1), si); o >= 0 && d.ents[o].kind != 0 {
			name = d.body[d.toks[a].s:d.toks[h+1].e] + " " + d.ents[o].name
		}
	}
	for i := range d.ents {
		if d.ents[i].kind == 0 && strings.EqualFold(d.ents[i].name, name) {
			return i
		}
	}
	k := Person
	switch {
	case plural:
		k = Group
	case org:
		k = Organisation
	}
	d.ents = append(d.ents, entity{name: name, forms: []string{name}, nominal: k, last: si})
	return len(d.ents) - 1
}

// lastWord returns the last word of a phrase, in lower case.
func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(s)
}

// ppEnd returns where the prepositional phrase starting at p ends, within
// e: after its noun and any list of names that follows ("of Chile, Kenya and
// Norway", "of key European powers including Germany, France …").
func (d *doc) ppEnd(p, e int) int {
	if d.toks[p].kind == tPunct {
		return e // a bracket: keep what the caller found
	}
	k := p + 1
	for k < e && d.has(k, wDet|wPron) && k < p+3 {
		k++ // "his", "one", "the"
	}
	if k >= e {
		return e
	}
	k++
	for k < e {
		w := d.low(k)
		switch {
		case isCapWord(d, k) || d.nounish(k):
			k++
		case d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0 && !d.has(k, wPrep|wConj|wAux|wDet|wPron|wCue|wTime) &&
			!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly"):
			k++ // "of one patient", "from one Gulf delegation
		case (d.punct(k, ',') || d.is(k, "and") || d.is(k, "or")) && k+1 < e && isCapWord(d, k+1):
			k++
		case d.is(k, "including") || d.is(k, "from") || d.is(k, "of"):
			return d.ppEnd(k, e)
		default:
			return k
		}
	}
	return k
}

// authorOf returns who issued the statement (letter, post) that "the
// statement" refers to: the speaker of the latest earlier sentence that
// mentions one.
func (d *doc) authorOf(noun string, si int) int {
	for s := si - 1; s >= 0 && s >= si-6; s-- {
		for k := d.sents[s].t0; k < d.sents[s].t1; k++ {
			if d.toks[k].span < 0 && d.low(k) == noun && d.sents[s].subject >= 0 {
				return d.sents[s].subject
			}
		}
	}
	return -1
}

// nounish reports whether token k is a noun for a person, body or group.
func (d *doc) nounish(k int) bool {
	if d.toks[k].kind != tWord || d.has(k, wCue|wAux) && !d.has(k, wRole|wOrgNoun) {
		return false
	}
	return d.has(k, wRole|wTitle|wRoleAcronym|wPersonNoun|wOrgNoun|wGroupNoun) || d.plural(k) >= 0 || strings.HasSuffix(d.low(k), "-old") ||
		epithets[d.low(k)]
}

// personByRole finds the person a description [a, e) refers to.
func (d *doc) personByRole(a, e, si int, g int8) int {
	var words []string
	for k := a; k < e; k++ {
		if d.toks[k].kind == tWord && !d.has(k, wDet|wPrep|wPron|wConj) {
			words = append(words, d.low(k))
		}
	}
	best, bestScore := -1, 0
	for i := range d.ents {
		en := &d.ents[i]
		if en.kind != mPerson || len(en.roleWord) == 0 {
			continue
		}
		score := 0
		for _, w := range words {
			if containsString(en.roleWord, w) {
				score++
			}
			if len(w) >= 2 && len(w) <= 4 && initialsMatch(w, en.roleWord) {
				score += 2
			}
		}
		if score > bestScore || score == bestScore && score > 0 && en.last > d.ents[best].last {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		return best
	}
	// "the star", "the 54-year-old": the person the story is about. Not "the
	// spokesman", who is someone else unless named as such.
	if h := words[len(words)-1]; epithets[h] || strings.HasSuffix(h, "-old") || strings.Contains(h, "-of-") {
		return d.salientPerson(si, g)
	}
	return -1
}

// genericOrg are nouns a story uses for the organisation it is about.
var genericOrg = map[string]bool{
	"company": true, "firm": true, "group": true, "business": true, "carmaker": true, "automaker": true,
	"developer": true, "retailer": true, "airline": true, "lender": true, "insurer": true, "bank": true,
	"club": true, "team": true, "band": true, "startup": true, "chain": true, "operator": true,
	"manufacturer": true, "maker": true, "producer": true, "supplier": true, "conglomerate": true,
	"giant": true, "chipmaker": true, "miner": true, "brand": true, "platform": true, "app": true,
	"network": true, "broadcaster": true, "publisher": true, "newspaper": true, "label": true,
	"studio": true, "charity": true, "organisation": true, "organization": true, "utility": true,
	"drugmaker": true, "telco": true, "carrier": true, "builder": true, "housebuilder": true, "party": true, "union": true, "movement": true,
	"alliance": true, "coalition": true, "campaign": true,
}

// epithets are nouns a story uses for the person it is about.
var epithets = map[string]bool{
	"star": true, "singer": true, "actor": true, "actress": true, "presenter": true, "host": true,
	"player": true, "striker": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"man": true, "woman": true, "boy": true, "girl": true, "veteran": true, "politician": true,
	"champion": true, "celebrity": true, "musician": true, "rapper": true, "comedian": true,
	"author": true, "writer": true, "novelist": true, "billionaire": true, "entrepreneur": true,
	"aspirant": true, "candidate": true, "teenager": true, "pensioner": true, "grandmother": true,
	"grandfather": true, "mother": true, "father": true, "athlete": true, "driver": true,
	"victim": true, "survivor": true, "winner": true, "artist": true, "designer": true, "model": true,
	"chef": true, "reality": true, "influencer": true, "youngster": true, "star's": true,
	"bombshell": true, "beauty": true, "stunner": true, "hunk": true, "socialite": true, "heiress": true,
	"hitmaker": true, "songstress": true, "starlet": true, "diva": true, "icon": true, "legend": true,
	"superstar": true, "sensation": true, "personality": true, "blonde": true, "brunette": true,
	"redhead": true, "mum": true, "dad": true, "beau": true, "newlywed": true, "bride": true, "groom": true,
}

// initialsMatch reports whether an acronym (dg) is the initials of
// consecutive role words (director general).
func initialsMatch(acr string, words []string) bool {
	for i := 0; i+len(acr) <= len(words); i++ {
		ok := true
		for j := 0; j < len(acr); j++ {
			if words[i+j] == "" || words[i+j][0] != acr[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// salientPerson returns the person the text has lately been about: the
// latest sentence subject, else the latest person named.
func (d *doc) salientPerson(si int, g int8) int {
	for s := si; s >= 0 && s > si-15; s-- {
		if sub := d.sents[s].subject; sub >= 0 && d.compatible(sub, g) && d.ents[sub].kind == mPerson {
			return sub
		}
	}
	best, bestAt := -1, -1
	for i := range d.ents {
		if d.ents[i].kind == mPerson && d.compatible(i, g) && d.seenBy(i, si-1) > bestAt {
			best, bestAt = i, d.seenBy(i, si-1)
		}
	}
	return best
}

// seenBy returns the latest sentence up to si where entity e is named
// outside quotations, or -1.
func (d *doc) seenBy(e, si int) int {
	ss := d.ents[e].sents
	i, _ := slices.BinarySearch(ss, int32(si+1))
	if i > 0 {
		return int(ss[i-1])
	}
	if d.ents[e].kind == 0 {
		return d.ents[e].last // a described speaker, known since it was met
	}
	return -1
}

// mentionsIn returns the mentions in sentence s.
func (d *doc) mentionsIn(s int) []mention {
	return d.mentions[d.sentM[s]:d.sentM[s+1]]
}

// spansIn returns the indexes [i, j) of the spans that open in sentence s.
func (d *doc) spansIn(s int) (int, int) {
	return int(d.sentSp[s]), int(d.sentSp[s+1])
}

// indexSentences records where each sentence's mentions and spans start.
func (d *doc) indexSentences() {
	d.sentM, d.sentSp = d.sentM[:0], d.sentSp[:0]
	m, sp := 0, 0
	for s := 0; s <= len(d.sents); s++ {
		for m < len(d.mentions) && d.mentions[m].sent < s {
			m++
		}
		for sp < len(d.spans) && d.spans[sp].sent < s {
			sp++
		}
		d.sentM = append(d.sentM, int32(m))
		d.sentSp = append(d.sentSp, int32(sp))
	}
}

// orgByNoun finds the organisation "the ministry" or "the company" means.
func (d *doc) orgByNoun(noun string, si int) int {
	best, bestAt := -1, -1
	for i := range d.ents {
		en := &d.ents[i]
		if (en.kind == mOrg || en.kind == mUnknown) && containsString(en.words, noun) {
			if at := d.seenBy(i, si); at > bestAt {
				best, bestAt = i, at
			}
		}
	}
	if best >= 0 {
		return best
	}
	if !genericOrg[noun] {
		// "the supervisory board", "the interior ministry": a body of its own.
		if noun == "force" || noun == "service" {
			for s := si - 1; s >= 0 && s >= si-2; s-- {
				if sub := d.sents[s].subject; sub >= 0 && d.ents[sub].kind == 0 && d.ents[sub].nominal != Person {
					return sub // "Greater Manchester police said … the force said"
				}
			}
		}
		return -1
	}
	for s := si; s >= 0 && s > si-10; s-- {
		if sub := d.sents[s].subject; sub >= 0 && (d.ents[sub].kind == mOrg || d.ents[sub].kind == mUnknown) && !d.ents[sub].source && d.ents[sub].outside && d.ents[sub].head {
			return sub
		}
	}
	for i := range d.ents {
		en := &d.ents[i]
		if (en.kind == mOrg || en.kind == mUnknown) && !en.source && en.head {
			if at := d.seenBy(i, si-1); at > bestAt {
				best, bestAt = i, at
			}
		}
	}
	return best
}

func (d *doc) compatible(ent int, g int8) bool {
	e := &d.ents[ent]
	switch g {
	case genderUnknown:
		return e.kind == mPerson || e.kind == 0 && e.nominal == Person
	case genderMale, genderFemale:
		if e.kind == mPerson || e.kind == 0 && e.nominal == Person {
			return e.gender == g || e.gender == genderUnknown
		}
		return false
	case genderPlural:
		// Bodies and groups, and an unnamed person ("one engineer … they said").
		return e.kind == 0 || e.kind == mOrg
	case genderNeuter:
		return e.kind == mOrg || e.kind == mUnknown || e.kind == 0 && e.nominal == Organisation
	}
	return false
}

// resolvePronoun finds who a he, she, they or it at token i refers to: an
// earlier name in the same sentence, else the subject of an earlier sentence,
// else a name in it.
func (d *doc) resolvePronoun(i int) int {
	g := d.lx(i).gender
	if g == genderUnknown {
		return -1
	}
	si := int(d.toks[i].sent)
	intro := d.skipIntro(d.sents[si].t0, i)
	ms := d.mentionsIn(si)
	for mi := len(ms) - 1; mi >= 0; mi-- {
		m := &ms[mi]
		if m.c0 >= i || m.inQuote || m.ent < 0 || m.c0 < intro {
			continue // "In an interview with the magazine X, he said": not X
		}
		if d.compatible(m.ent, g) {
			return m.ent
		}
	}
	// "The company confirmed …, though it said": the clause's described subject.
	if s0 := d.sents[si].t0; i > s0+1 {
		if a := d.skipIntro(s0, i); a < i && !d.has(a, wPron) {
			if w := d.headIn(a, d.npEnd(a, i), false); w >= 0 && d.compatible(w, g) {
				return w
			}
		}
	}
	para := d.sents[si].para
	for s := si - 1; s >= 0 && s >= si-8 && d.sents[s].para >= para-3; s-- {
		if sub := d.sents[s].subject; sub >= 0 && d.compatible(sub, g) {
			return sub
		}
		for _, m := range d.mentionsIn(s) {
			if m.inQuote || m.ent < 0 || m.modifier {
				continue
			}
			if d.compatible(m.ent, g) {
				return m.ent
			}
		}
		if w := d.describedPerson(s, g); w >= 0 {
			return w
		}
	}
	return -1
}

// describedPerson returns a person sentence s describes without naming,
// such as "the daughter of one resident", when one fits the pronoun's gender.
func (d *doc) describedPerson(si int, g int8) int {
	if g != genderMale && g != genderFemale {
		return -1
	}
	s := d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if d.toks[k].span >= 0 || !d.is(k, "the") && !d.is(k, "a") && !d.is(k, "an") && !d.is(k, "one") {
			continue
		}
		h := k + 1
		for h < s.t1 && h < k+4 && d.toks[h].kind == tWord && d.toks[h].fl&fLower != 0 && !d.has(h, wPersonNoun|wRole) && !d.has(h, wPrep|wCue|wAux) {
			h++
		}
		if h >= s.t1 || !d.has(h, wPersonNoun|wRole) || d.toks[h].fl&fLower == 0 {
			continue
		}
		if hg := d.lx(h).gender; hg != g {
			continue // only a noun of the pronoun's sex: daughter for she
		}
		if w := d.nominal(k, d.nominalEnd(k, d.npEnd(k, s.t1)), true); w >= 0 && d.ents[w].kind == 0 {
			d.ents[w].gender = g
			return w
		}
	}
	return -1
}

// inverted reports whether the speech verb at c follows its quotation, so
// that its subject comes after it: “Q,” said X.
func (d *doc) inverted(c int) bool {
	k := c - 1
	for k >= 0 && d.has(k, wAux) && d.toks[k].fl&fLower != 0 && !d.has(k, wPron) {
		k--
	}
	if k < 0 || d.toks[k].sent != d.toks[c].sent {
		return (k < 0 || d.toks[c].fl&fParaStart != 0) && isCapWord(d, c+1)
	}
	if d.toks[k].fl&fClose != 0 {
		return true
	}
	if d.toks[k].kind == tPunct && (d.toks[k].r == ',' || isDash(d.toks[k].r)) && k > 0 && d.toks[k-1].fl&fClose != 0 {
		return true
	}
	return false
}

// clauseEnd returns where the clause after token a ends: the sentence's end,
// a quotation, or a semicolon.
func (d *doc) clauseEnd(a int) int {
	if a >= len(d.toks) {
		return a
	}
	s := d.sentOf(min(a, len(d.toks)-1))
	for k := a; k < s.t1; k++ {
		t := d.toks[k]
		if t.span >= 0 || t.kind == tMark || t.kind == tPunct && (t.r == ';' || t.r == '.') {
			return k
		}
	}
	return s.t1
}

// cueSubject returns who speaks through the speech verb at c.
func (d *doc) cueSubject(c int) int {
	form, kind, width := d.cueAt(c)
	if width == 0 {
		return -1
	}
	if form == cueAccording {
		return d.headIn(c+2, d.clauseEnd(c+2), true)
	}
	if form == cueIng {
		return d.mainSubject(c)
	}
	if d.inverted(c) {
		a := c + width
		return d.headIn(a, d.clauseEnd(a), true)
	}
	// "One engineer, who asked not to be named because they …, said": the
	// subject stands before the relative clause.
	if d.punct(c-1, ',') {
		for w := c - 2; w > d.sentOf(c).t0; w-- {
			if d.toks[w].span >= 0 {
				break
			}
			if (d.is(w, "who") || d.is(w, "which")) && d.punct(w-1, ',') {
				if sub := d.headIn(d.clauseStart(w-1), w-1, true); sub >= 0 {
					return sub
				}
				break
			}
		}
	}
	// "X said", "she described": a name or pronoun right before the verb.
	k := c - 1
	for k > 0 && d.has(k, wAux) && d.toks[k].fl&fLower != 0 && !d.has(k, wPron) {
		k--
	}
	if k >= 0 && d.toks[k].sent == d.toks[c].sent {
		if d.is(k, "who") {
			// "Gloria Smith, 79, who testified": the name before the relative pronoun.
			for j := k - 1; j >= d.sentOf(c).t0 && j > k-6; j-- {
				if mi := d.mentionAt[j]; mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace {
					return d.mentions[mi].ent
				}
				if !(d.punct(j, ',') || d.toks[j].kind == tNum) {
					break
				}
			}
		}
		if d.toks[k].fl&fAllCaps == 0 && (d.is(k, "he") || d.is(k, "she") || d.is(k, "they") || d.is(k, "it")) {
			return d.resolvePronoun(k)
		}
		if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace && !d.mentions[mi].modifier && d.mentions[mi].c1 == k+1 {
			if m := d.mentions[mi]; !d.inPP(m.c0, m.c1, d.sentOf(c).t0) {
				return m.ent
			}
		}
	}
	cs := d.clauseStart(c)
	if kind == cueRead || d.is(c-1, "that") || d.is(c-1, "which") {
		// "a statement that read", "a statement from the ministry read": the
		// writer speaks, named in the phrase or by an earlier verb.
		for k := cs; k < c; k++ {
			if d.is(k, "from") || d.is(k, "by") {
				if w := d.headIn(k+1, c, true); w >= 0 {
					return w
				}
			}
		}
		for k := c - 1; k >= d.sentOf(c).t0; k-- {
			if _, _, n := d.cueAt(k); n > 0 && k != c {
				return d.cueSubject(k)
			}
		}
		// "The ministry issued a statement that read": whoever issued it.
		for k := cs; k < c; k++ {
			if d.has(k, wSpeechNoun) && d.toks[k].fl&fLower != 0 {
				j := k - 1
				for j > cs && d.has(j, wDet) {
					j--
				}
				if d.has(j, wPublish) {
					return d.headIn(cs, j, true)
				}
				break
			}
		}
		if d.is(cs, "the") || d.is(cs, "this") {
			return d.headIn(cs, c, false) // "the statement read": its author, if known
		}
		return -1 // "a note … which read": the article does not say who wrote it
	}
	if cs >= c || d.has(c-1, wConj) {
		// "… but warned that": the verb shares the sentence's subject.
		return d.mainSubject(c)
	}
	return d.headIn(cs, c, true)
}

// mainSubject returns the subject of the sentence's main clause, for a
// participle such as "saying" at c.
func (d *doc) mainSubject(c int) int {
	s := d.sentOf(c)
	for k := s.t0; k < c; k++ {
		if form, _, n := d.cueAt(k); n > 0 && form == cueFinite {
			if w := d.cueSubject(k); w >= 0 {
				return w
			}
		}
	}
	i, j := d.spansIn(int(d.toks[c].sent))
	for ; i < j; i++ {
		if d.spans[i].open < c && d.spans[i].who >= 0 {
			return d.spans[i].who
		}
	}
	return d.headIn(d.skipIntro(s.t0, c), c, true)
}

// attribute finds the speaker of every quotation and the subject of every
// sentence, in text order so that pronouns meet what came before.
func (d *doc) attribute() {
	next := 0
	for si := range d.sents {
		s := &d.sents[si]
		// Quotations in this sentence, by the rules that need no context.
		for ; next < len(d.spans) && d.spans[next].sent == si; next++ {
			sp := &d.spans[next]
			sp.who, sp.how = d.directSpeaker(sp)
		}
		s.subject = d.sentenceSubject(si)
	}
	d.classify()
	// A quotation over several paragraphs has one speaker.
	for i := range d.spans {
		sp := &d.spans[i]
		if sp.prev >= 0 || sp.next < 0 {
			continue
		}
		who := -1
		for k := i; k >= 0; k = d.spans[k].next {
			if d.spans[k].who >= 0 {
				who = d.spans[k].who
				break
			}
		}
		if who < 0 {
			continue
		}
		for k := i; k >= 0; k = d.spans[k].next {
			if d.spans[k].who < 0 {
				d.spans[k].who, d.spans[k].how = who, howChain
			}
		}
	}
	// Quotations with no speech verb take the speaker before them.
	for i := range d.spans {
		sp := &d.spans[i]
		if !sp.quote || sp.who >= 0 {
			continue
		}
		if sp.prev >= 0 {
			sp.who, sp.how = d.spans[sp.prev].who, howChain
			continue
		}
		sp.who, sp.how = d.carry(i)
	}
}

// sentenceSubject returns who sentence si is about.
func (d *doc) sentenceSubject(si int) int {
	s := &d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if form, kind, n := d.cueAt(k); n > 0 && form == cueFinite && kind != cueWeak {
			if w := d.cueSubject(k); w >= 0 {
				return w
			}
		}
	}
	for i, j := d.spansIn(si); i < j; i++ {
		if d.spans[i].who >= 0 {
			return d.spans[i].who
		}
	}
	a := d.skipIntro(s.t0, s.t1)
	if a < s.t1 && d.toks[a].span < 0 {
		return d.headIn(a, d.npEnd(a, s.t1), false)
	}
	return -1
}

// directSpeaker attributes a quotation from its own sentence.
func (d *doc) directSpeaker(sp *span) (int, int) {
	s := d.sentOf(sp.open)
	// “Q,” said X / “Q,” X said / “Q” — X
	if sp.close >= 0 {
		k := sp.close + 1
		for k < s.t1 && d.punct(k, ',') {
			k++
		}
		if k < s.t1 && d.toks[k].span < 0 {
			if d.toks[k].kind == tPunct && isDash(d.toks[k].r) && k+1 < s.t1 {
				if w := d.headIn(k+1, d.clauseEnd(k+1), true); w >= 0 {
					return w, howAfter
				}
			}
			if _, _, n := d.cueAt(k); n > 0 {
				if w := d.cueSubject(k); w >= 0 {
					return w, howAfter
				}
			}
			for c := k + 1; c < s.t1 && c < k+14 && d.subjectStart(k); c++ {
				t := d.toks[c]
				if t.span >= 0 || t.kind == tMark || t.kind == tPunct && t.r != ',' && t.r != '(' && t.r != ')' && t.r != '-' {
					break
				}
				if form, _, n := d.cueAt(c); n > 0 {
					if form == cueFinite && d.npEnd(k, c) == c {
						if w := d.headIn(k, c, true); w >= 0 {
							return w, howAfter
						}
					}
					break
				}
			}
		}
	}
	// X said: “Q” / X said that … “Q”
	fragment := d.partialAt(sp.open) && !d.quoteLike(sp)
	for c := sp.open - 1; c >= s.t0; c-- {
		if d.toks[c].span >= 0 && d.toks[c].fl&fClose == 0 {
			continue
		}
		if fragment && d.punct(c-1, ',') && d.toks[c].fl&fLower != 0 && strings.HasSuffix(d.low(c), "ing") {
			if _, _, n := d.cueAt(c); n == 0 {
				break // "…, referring to a previous “farewell” tour": another clause
			}
		}
		if _, kind, n := d.cueAt(c); n > 0 {
			if kind == cueWeak && d.quoteLike(sp) && sp.open-c > 4 {
				continue // "called" far from a quotation of whole sentences names something else
			}
			if kind != cueWeak {
				sp.cued = true
			}
			if w := d.cueSubject(c); w >= 0 {
				return w, howBefore
			}
		}
	}
	// A speech verb later in the sentence.
	if sp.close >= 0 {
		for c := sp.close + 1; c < s.t1; c++ {
			if d.toks[c].span >= 0 {
				break
			}
			if form, _, n := d.cueAt(c); n > 0 && form == cueFinite {
				if w := d.cueSubject(c); w >= 0 {
					return w, howLater
				}
			}
		}
	}
	if w := d.namedNext(sp); w >= 0 {
		return w, howLater
	}
	// X was blunt: “Q”
	if d.punct(sp.open-1, ':') {
		if w := d.headIn(d.clauseStart(sp.open-1), sp.open-1, false); w >= 0 && d.ents[w].kind != mOrg {
			return w, howColon
		}
	}
	return -1, howNone
}

// innerSentence reports whether a span holds a sentence end before its last
// word: "Yes. We will." rather than a title.
func (d *doc) innerSentence(sp *span) bool {
	t := strings.TrimRight(d.body[sp.s:sp.e], ".,!?… ")
	return strings.ContainsAny(t, ".!?")
}

// namedNext attributes a quotation that opens a paragraph from the sentence
// after it: "“I’ve married my best friend!” That was the message from Jade
// Harrington".
func (d *doc) namedNext(sp *span) int {
	s := d.sentOf(sp.open)
	if sp.close < 0 || sp.open != s.t0 || int(d.toks[sp.close].sent)+1 >= len(d.sents) {
		return -1
	}
	n := d.sents[d.toks[sp.close].sent+1]
	if n.para != sp.para || !(d.is(n.t0, "that") || d.is(n.t0, "this") || d.is(n.t0, "those") || d.is(n.t0, "such")) ||
		!(d.is(n.t0+1, "was") || d.is(n.t0+1, "were") || d.is(n.t0+1, "is")) {
		return -1
	}
	for k := n.t0 + 2; k < n.t1 && k < n.t0+14; k++ {
		if d.is(k, "from") || d.is(k, "of") || d.is(k, "by") {
			for _, m := range d.mentionsIn(int(d.toks[k].sent)) {
				if m.c0 > k && m.c0 < k+8 && m.ent >= 0 && m.kind == mPerson && !m.modifier {
					return m.ent
				}
			}
			return -1
		}
	}
	return -1
}

// quoteLike reports whether a span reads as a quotation of full sentences,
// for which weak cues such as "called" do not count.
func (d *doc) quoteLike(sp *span) bool {
	return strings.Count(d.body[sp.s:sp.e], " ") >= 5 || endsSentence(d.body[sp.s:sp.e])
}

// carry attributes a quotation that has no speech verb in its sentence: a
// later quotation in a paragraph, or a paragraph that is only a quotation,
// continues the speaker before it unless someone else is named in between.
func (d *doc) carry(i int) (int, int) {
	sp := &d.spans[i]
	s := d.sentOf(sp.open)
	// The same paragraph: the subject of an earlier sentence.
	for k := int(d.toks[sp.open].sent) - 1; k >= 0 && d.sents[k].para == sp.para; k-- {
		if sub := d.sents[k].subject; sub >= 0 && (d.ents[sub].kind == mPerson || d.ents[sub].kind == 0 && d.ents[sub].nominal == Person) {
			return sub, howSameSpeak
		}
		for j := i - 1; j >= 0 && d.spans[j].sent == k; j-- {
			if d.spans[j].who >= 0 {
				return d.spans[j].who, howSameSpeak
			}
		}
	}
	// A paragraph that opens with the quotation continues the last speaker.
	if sp.open != s.t0 || s.t0 != d.paras[sp.para].t0 {
		return -1, howNone
	}
	// "The minister said:" ending the paragraph before introduces it.
	if sp.para > 0 {
		if last := d.paras[sp.para-1].t1 - 1; last >= 0 && d.punct(last, ':') {
			if sub := d.sents[d.toks[last].sent].subject; sub >= 0 {
				return sub, howColon
			}
		}
	}
	for j := i - 1; j >= 0; j-- {
		prev := &d.spans[j]
		if !prev.quote {
			continue
		}
		if prev.who < 0 || sp.para-prev.para > 3 {
			return -1, howNone
		}
		// Someone else named in between, outside quotations, breaks the thread.
		for si := int(d.toks[prev.open].sent) + 1; si <= int(d.toks[sp.open].sent); si++ {
			for _, m := range d.mentionsIn(si) {
				if m.inQuote || m.ent < 0 || m.ent == prev.who || m.kind == mPlace {
					continue
				}
				if m.c0 < sp.open && d.ents[m.ent].kind == mPerson {
					return -1, howNone
				}
			}
		}
		return prev.who, howCarry
	}
	return -1, howNone
}

// classify decides which spans are quotations of speech, not titles, names
// or scare quotes, and which are fragments inside a sentence.
func (d *doc) classify() {
	for i := range d.spans {
		sp := &d.spans[i]
		text := d.body[sp.s:sp.e]
		words := 0
		caps := 0
		letters := false
		for k := sp.open + 1; k < len(d.toks) && (sp.close < 0 || k < sp.close) && d.toks[k].span == int32(i); k++ {
			t := d.toks[k]
			if t.kind != tWord {
				continue
			}
			letters = true
			words++
			if t.fl&(fCap|fAllCaps) != 0 || d.has(k, wPrep|wDet|wConj) && t.e-t.s <= 4 {
				caps++
			}
		}
		ends := endsSentence(text) || strings.HasSuffix(text, ",")
		sp.partial = d.partialAt(sp.open)
		chained := sp.prev >= 0 || sp.next >= 0
		switch {
		case !letters:
			sp.quote = false
		case chained:
			sp.quote = true
		case caps == words && d.toks[sp.open+1].fl&fCap != 0 && (!ends || words >= 2 && words <= 6 && !d.innerSentence(sp)):
			// Titles and names: the "Listening Tour", 'Zombi', “Wreck Me Slowly.”
			sp.quote = false
		case d.namedBefore(sp.open) && (words <= 6 || d.strongNaming(sp.open)) && !d.innerSentence(sp):
			sp.quote = false
		case words >= 5 || ends && words >= 2 || !sp.partial && sp.who >= 0:
			sp.quote = true
		case sp.who >= 0 || sp.cued:
			sp.quote = true // "a rep said they were “over the moon”", whoever the rep is
		default:
			// A fragment with no speech verb: a quotation only when lower case and
			// said of a person just before it ("because she wanted to “shake up”").
			if d.toks[sp.open+1].fl&fLower != 0 {
				if w := d.nearestPerson(sp.open); w >= 0 {
					sp.who, sp.how = w, howNear
					sp.quote = true
				}
			}
		}
		if !sp.quote {
			sp.who, sp.how = -1, howNone
		}
	}
}

// partialAt reports whether the quotation opening at o is a fragment inside
// a sentence: the word before it is not a speech verb, a colon or a comma.
func (d *doc) partialAt(o int) bool {
	k := o - 1
	if k < 0 || d.toks[k].sent != d.toks[o].sent || d.toks[o].fl&fParaStart != 0 {
		return false
	}
	t := d.toks[k]
	if t.kind != tWord {
		return false
	}
	if _, kind, n := d.cueAt(k); n > 0 {
		return kind == cueWeak // "a choice she called “terrifying”"
	}
	if t.e-t.s > 1 && d.body[t.e-1] == '.' && d.toks[o+1].fl&fCap != 0 {
		return false // "after 11 p.m. “The voters…”": a sentence ends in the abbreviation
	}
	if k > 0 {
		if _, _, n := d.cueAt(k - 1); n == 2 {
			return false // "hit back"
		}
	}
	return true
}

// namedBefore reports whether a naming word comes just before the quotation
// at o: dubbed the "Listening Tour", the so-called "peace plan".
func (d *doc) namedBefore(o int) bool {
	if d.punct(o-1, ',') && d.has(o-2, wWork) {
		return true // "The study, ‘Running behaviour in …’, is published today"
	}
	if d.is(o-1, "as") {
		for k := o - 2; k >= 0 && k >= o-5 && d.toks[k].kind == tWord; k-- {
			if d.is(k, "known") || d.is(k, "dubbed") || d.is(k, "nicknamed") || d.is(k, "referred") || d.is(k, "billed") {
				return true // known to fans as “the Kentucky Nightingale”
			}
		}
	}
	for k := o - 1; k >= 0 && k >= o-3; k-- {
		if d.toks[k].kind != tWord || d.toks[k].sent != d.toks[o].sent {
			return false
		}
		if d.has(k, wNaming) {
			switch d.low(k) {
			case "called", "named", "labelled", "labeled", "branded", "known":
				// "a ship called “Endeavour”", but "called it “a disgrace”".
				return d.toks[o+1].fl&(fCap|fAllCaps) != 0
			}
			return true
		}
		if !d.has(k, wDet) {
			return false
		}
	}
	return false
}

// strongNaming reports whether the word before the quotation at o only ever
// introduces a name or title: titled, entitled, dubbed.
func (d *doc) strongNaming(o int) bool {
	if d.punct(o-1, ',') && d.has(o-2, wWork) {
		return true // "The study, ‘Running behaviour in …’,"
	}
	switch {
	case d.is(o-1, "titled"), d.is(o-1, "entitled"), d.is(o-1, "dubbed"), d.is(o-1, "headlined"), d.is(o-1, "nicknamed"):
		return true
	}
	return false
}

// nearestPerson returns the person named or referred to last before token o
// in its clause.
func (d *doc) nearestPerson(o int) int {
	s := d.sentOf(o)
	for k := o - 1; k >= s.t0 && k >= o-12; k-- {
		if d.toks[k].span >= 0 {
			return -1
		}
		if mi := d.mentionAt[k]; mi >= 0 {
			m := d.mentions[mi]
			if m.ent >= 0 && d.ents[m.ent].kind == mPerson && !m.modifier {
				return m.ent
			}
		}
		if d.is(k, "he") || d.is(k, "she") {
			return d.resolvePronoun(k)
		}
	}
	return -1
}
