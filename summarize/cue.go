package summarize

// Speech verbs and their subjects: who speaks through "said", "told", "according to".

import (
	"slices"
	"strings"
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
	if t.kind != tWord || t.span >= 0 {
		return
	}
	if t.lex == 0 {
		if t.fl&fLower != 0 && d.is(i, "came") && d.afterQuotation(i) {
			return cueFinite, cueNormal, 1 // "“Count the votes,” came cries from the protesters"
		}
		return
	}
	lx := &lexTable[t.lex]
	if lx.flags&wCue != 0 && t.fl&fCap != 0 && !d.sentenceInitial(i) {
		return // "Minister of State", "Post Office": part of a name
	}
	if lx.flags&wCue == 0 || t.fl&fPossessive != 0 {
		if lx.flags&wAccording != 0 && d.is(i, "according") && d.is(i+1, "to") {
			return cueAccording, cueNormal, 2
		}
		if d.is(i, "words") && d.is(i+1, "of") && d.is(i-1, "the") && d.is(i-2, "in") {
			return cueAccording, cueNormal, 2 // "in the words of CEO Priya Halcombe"
		}
		return
	}
	kind, width = lx.cueKind, 1
	if w := d.low(i); (w == "states" || w == "state") && !d.stateIsVerb(i) {
		return 0, 0, 0 // "delegate-rich states that vote a week later": the noun
	}
	if n := d.low(i + 1); n == "responsibility" || n == "credit" || n == "victory" || n == "asylum" {
		return 0, 0, 0 // "claimed responsibility", "claimed victory": no speech reported
	}
	if kind == cueBare && !d.afterQuotation(i) {
		if n := i + 1; n < len(d.toks) && d.toks[n].kind == tWord && d.toks[n].sent == t.sent && !(d.is(n, "that") && d.toks[i].fl&fLower != 0) {
			return 0, 0, 0 // "would continue to", not "…,” she continued." or "they write that"
		}
		if n := i + 1; n < len(d.toks) && d.toks[n].kind == tMark && d.toks[n].fl&fOpen != 0 && d.toks[n].span >= 0 && d.toks[n].sent == t.sent {
			return 0, 0, 0 // "He pressed “cancel”": a button, not a follow-up question
		}
	}
	if kind == cueParticle {
		if !d.is(i+1, lx.particle) {
			return 0, 0, 0
		}
		width = 2
	}
	if kind == cueRead {
		// "a statement that read", "a statement from the ministry read",
		// "the message he got from her, at 4.52pm, read".
		for k := i - 1; k >= 0 && k >= i-10 && d.toks[k].sent == t.sent && (d.toks[k].kind == tWord || d.toks[k].kind == tNum || d.punct(k, ',')); k-- {
			if d.has(k, wSpeechNoun) {
				return cueFinite, kind, 1
			}
		}
		return 0, 0, 0
	}
	if i > 0 && d.has(i-1, wDet) && !d.is(i-1, "that") && d.toks[i-1].kind == tWord && lx.cueForm != cueIng {
		return 0, 0, 0 // a noun: "the report", "his post"
	}
	if w := d.low(i); i > 0 && d.has(i-1, wPrep) && !d.is(i-1, "that") && !d.is(i-1, "past") && d.toks[i-1].fl&fLower != 0 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && lx.cueForm == cueFinite {
		return 0, 0, 0 // a plural noun after a preposition: "reacted to reports that", "amid claims that"
	}
	if (d.is(i-1, "and") || d.is(i-1, "or")) && i > 1 && d.has(i-2, wSpeechNoun) && d.toks[i-2].fl&fLower != 0 && lx.cueForm != cueIng &&
		!strings.HasSuffix(d.low(i), "ed") && !irregularPast[d.low(i)] && d.low(i) != "said" {
		return 0, 0, 0 // a noun beside a noun: "with speeches and promises"
	}
	if i+1 < len(d.toks) && d.toks[i+1].fl&fLower != 0 && d.has(i+1, wSpeechNoun) && lx.cueForm != cueIng && !d.has(i+1, wPron|wDet) {
		return 0, 0, 0 // an adjective: "a widely shared post", "a written statement"
	}
	if lx.cueForm == cueBase && i+1 < len(d.toks) && d.toks[i+1].fl&fLower != 0 && d.has(i+1, wRole|wTitle|wOrgNoun) && !d.has(i+1, wPrep|wDet|wPron) {
		return 0, 0, 0 // a noun before a noun: "label boss", "post office"
	}
	if lx.cueForm == cueBase && t.fl&fLower != 0 && isCapWord(d, i+1) && d.has(i+1, wTitle|wHonorific|wRole) {
		return 0, 0, 0 // "state Sen. Bargate Dormore", "state Attorney General …"
	}
	if lx.cueForm == cueBase && (d.has(i+1, wCue) && d.toks[i+1].fl&fLower != 0 || d.has(i-1, wCue) && d.toks[i-1].fl&fLower != 0 && lexTable[d.toks[i-1].lex].cueForm == cueFinite) {
		return 0, 0, 0 // a noun between verbs: "a widely shared post read"
	}
	if lx.cueForm == cueBase && i > 1 && d.has(i-2, wDet) && !d.is(i-2, "that") && d.toks[i-1].fl&fLower != 0 &&
		!d.has(i-1, wAux|wPron|wConj|wPrep|wCue) && !(d.has(i-1, wGroupNoun) && d.is(i+1, "that")) {
		return 0, 0, 0 // "a handwritten note", "the annual report", not "the researchers write that"
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
	} else if be && !(kind == cueWeak && d.agentAfter(i) >= 0) {
		return 0, 0, 0 // "the court was told": passive, nobody speaks; but "was called “reckless” by Marsh"
	}
	return form, kind, width
}

func (d *doc) sentOf(i int) *sentence { return &d.sents[d.toks[i].sent] }

// coordinators join clauses without making one subordinate: a sentence
// that opens with one has its subject straight after it.
var coordinators = map[string]bool{"but": true, "and": true, "so": true, "yet": true, "or": true, "nor": true}

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
		if d.dashAt(k) {
			if j := d.asideOpen(k); j >= 0 {
				k = j // "Brannick, later alleging – again wrongly – that …, said": past the aside
				continue
			}
		}
		if t.kind == tPunct && (t.r == ';' || t.r == ':') || d.dashAt(k) {
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
			if _, _, n := d.cueAt(k - 1); n > 0 || d.has(k-1, wTime) || d.is(k-2, "so") || d.is(k-2, "such") {
				cs = k + 1 // "said that …", "so awkward that a spokeswoman simply joked"
			}
		case "and":
			if d.punct(k-1, ',') && (d.has(k+1, wPron) || isCapWord(d, k+1) || d.has(k+1, wDet) && d.finiteVerb(s.t0, k-1)) {
				cs = k + 1 // ", and the operator warned": a clause of its own after one with its verb, not a list's last item
			}
		}
		if cs != s.t0 {
			if d.has(cs-1, wConj) && !(cs-1 == s.t0 && coordinators[d.low(cs-1)]) {
				// An introductory clause: "Asked whether she would stand, Romero said";
				// not a sentence opened by "But": "But Marta Quillby, a member of
				// the board, recalled" has Quillby for subject.
				for k := cs; k < c; k++ {
					if mi := d.mentionOf(cs); k == cs && mi >= 0 && d.mentions[mi].c0 == cs && d.mentions[mi].kind == mPerson && d.punct(d.mentions[mi].c1, ',') &&
						(d.is(d.mentions[mi].c1+1, "a") || d.is(d.mentions[mi].c1+1, "an") || d.is(d.mentions[mi].c1+1, "the") || d.rolePhraseAt(d.mentions[mi].c1+1, c) || d.participleAt(d.mentions[mi].c1+1)) {
						break // "As Andrew Tabbert, an expert on Syria, noted", "As Akhil Ramar, professor of law, put it", "after Mr. Ostrander, asked about it, had said": the name and its appositive
					}
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
	a = d.skipDateline(a, c)
	for a < c {
		t := d.toks[a]
		if t.kind != tWord {
			if t.kind == tPunct && t.r == ',' {
				a++
				continue
			}
			return a
		}
		if !d.introAt(a, c) {
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
			if k <= a+3 && d.has(a, wPrep) && d.toks[k].fl&fAllCaps == 0 && (d.is(k, "he") || d.is(k, "she") || d.is(k, "they") || d.is(k, "we") || d.is(k, "i")) {
				return k // "By 1962 he was …": the clause starts at its pronoun
			}
			if k <= a+3 && d.has(a, wPrep) && d.has(k-1, wTime) && d.mentionAt[k] >= 0 && d.mentions[d.mentionAt[k]].kind != mPlace {
				return k // "On Friday Marshaw called …": or at a name
			}
		}
		if comma < 0 {
			return a
		}
		a = d.pastIntroTail(comma, comma+1, c)
	}
	return a
}

// introAt reports whether an introductory phrase opens at a, before c:
// a time, a preposition, a participle, an adverb set off by a comma
// ("Specifically,"), or "Two days later,".
func (d *doc) introAt(a, c int) bool {
	t := d.toks[a]
	intro := d.has(a, wIntro|wTime) && !d.has(a, wDet|wPron) || t.fl&fLower != 0 && strings.HasSuffix(d.low(a), "ing") ||
		d.sentenceInitial(a) && strings.HasSuffix(d.low(a), "ing") && !d.has(a, wGiven) ||
		// "Pressed on whether he had spoken to Dorley, he smiled"
		d.sentenceInitial(a) && strings.HasSuffix(d.low(a), "ed") && !d.has(a, wGiven) &&
			(d.has(a+1, wPrep) || d.is(a+1, "whether") || d.is(a+1, "if"))
	if d.has(a, wDet) && d.has(a, wTime) { // "This week, …", "Last month, …"
		intro = true
	}
	switch d.low(a) {
	case "even", "just", "only", "shortly", "soon", "long", "right", "well":
		if d.has(a+1, wIntro) && d.toks[a+1].fl&fLower != 0 {
			intro = true // "Even before Rell took the stage, …"
		}
	}
	if d.sentenceInitial(a) && d.punct(a+1, ',') && strings.HasSuffix(d.low(a), "ly") && !d.has(a, wGiven) && d.mentionAt[a] < 0 {
		intro = true // "Specifically, he thought": an adverb, not a name like Kelly
	}
	if mi := d.mentionAt[a]; intro && mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].c0 == a {
		intro = false // "April Delorne, a spokeswoman, said": a name, not a month
	}
	if !intro {
		// "Twenty miles away in Fond du Lac, …", "Two days later, …"
		for k := a + 1; k < c && k < a+10 && !d.punct(k, ','); k++ {
			if (d.is(k, "away") || d.is(k, "later") || d.is(k, "earlier") || d.is(k, "ago")) && !d.has(k-1, wDet) {
				intro = d.toks[k].fl&fLower != 0 // not "her earlier statement"
				break
			}
		}
	}
	return intro
}

// pastIntroTail returns where the clause starts after an introductory
// phrase that ends at the comma before a: past a place's state and a day,
// a name set off after a role, and a relative clause that belong to it.
func (d *doc) pastIntroTail(comma, a, c int) int {
	// "At a town hall in Dunmore, Vermont Monday, the …": the
	// state of the town, and a day, belong to the phrase.
	if a >= c {
		return a
	}
	if mi := d.mentionAt[a]; mi >= 0 && d.mentions[mi].kind == mPlace && d.mentions[mi].c0 == a {
		e := d.mentions[mi].c1
		if d.has(e, wTime) && !d.has(e, wDet) {
			e++
		}
		if d.punct(e, ',') && e+1 < c {
			a = e + 1
		}
	}
	// "In a statement signed by his press secretary, Tunde Fenfield, the
	// governor …": a name set off after a role belongs to the phrase.
	if d.has(comma-1, wRole|wTitle) {
		if mi := d.mentionAt[a]; mi >= 0 && d.punct(d.mentions[mi].c1, ',') && d.mentions[mi].c1 < c {
			a = d.mentions[mi].c1 + 1
		} else if mi >= 0 {
			// "Addressing Jorbury’s lead counsel, Theodore Varley of
			// the law firm Quinwood Quayside, he put it bluntly".
			for k := d.mentions[mi].c1; k < c && k < d.mentions[mi].c1+8 && d.toks[k].span < 0 && (d.toks[k].kind == tWord || d.punct(k, ',')); k++ {
				if d.punct(k, ',') {
					if d.is(k+1, "he") || d.is(k+1, "she") || d.is(k+1, "they") {
						a = k + 1
					}
					break
				}
			}
		}
	}
	// "At the Arena, which was turned into a shelter, Rorstad said":
	// a relative clause after the phrase belongs to it too.
	if d.is(a, "which") || d.is(a, "where") || d.is(a, "when") {
		for k := a + 1; k < c; k++ {
			if d.punct(k, ',') {
				a = k + 1
				break
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
		if t.kind == tMark && t.fl&(fOpen|fClose) == 0 && t.span < 0 {
			continue // an apostrophe: "a residents' group"
		}
		if t.kind == tMark || t.span >= 0 {
			return k
		}
		if t.kind == tPunct && (t.r == ';' || t.r == ':') {
			return k
		}
		if t.kind != tWord || k == a {
			continue
		}
		if k == a+1 && d.subjectPronoun(a) {
			return k // a pronoun is a whole phrase: "they need …, X said"
		}
		if d.mentionAt[k] >= 0 && d.mentions[d.mentionAt[k]].kind != mPlace {
			continue
		}
		if _, _, n := d.cueAt(k); n > 0 && !d.has(k-1, wPrep) {
			return k // not after a preposition: "secretary of state" goes on
		}
		if d.has(k, wAux) && !d.has(k, wRole|wDept|wTitle) && !d.has(k, wTime) {
			return k
		}
		switch d.low(k) {
		case "who", "which", "whose", "whom", "while", "but", "because", "when", "although":
			return k
		}
		if w := d.low(k); t.fl&fLower != 0 && (strings.HasSuffix(w, "ed") || irregularPast[w]) && d.has(k-1, wRole|wPersonNoun|wGroupNoun|wOrgNoun) && d.toks[k-1].fl&fLower != 0 {
			return k // "The Vermont senator emailed supporters": a verb after the head noun
		}
	}
	return b
}

// inPP reports whether the name starting at c0 is the object of a
// preposition: "to Nyoro", "of research firm Endpoint".
func (d *doc) inPP(c0, c1, a int) bool {
	if c0 > 0 && d.toks[c0-1].fl&fLower != 0 && d.has(c0-1, wRole|wTitle) && !d.has(c0-1, wPrep) {
		return false // "Bureau of Meteorology senior forecaster Kate Wenholm": the role's own phrase
	}
	list := d.is(c1, "and") || d.is(c1, "or") || d.punct(c1, ',') || d.is(c0-1, "and") || d.is(c0-1, "or")
	if mi := d.mentionAt[c0]; mi >= 0 && d.mentions[mi].kind == mPerson && d.has(d.mentions[mi].n0, wGiven) && d.mentions[mi].n1-d.mentions[mi].n0 >= 2 && d.punct(c0-1, ',') {
		list = false // "his best friend at Carrow, Ben Tully,": an appositive, not a list of places
	}
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
		if d.is(k, "both") || d.is(k, "all") {
			continue // "with ties to both Tallises": a determiner inside the phrase
		}
		if d.is(k, "that") || d.is(k, "which") || d.is(k, "who") {
			return false // a relative clause starts: "figures that the NHS Confederation described"
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
	for a < b && (d.punct(a, ',') || d.is(a, "and") || d.is(a, "but") || d.is(a, "yet") || d.is(a, "so") ||
		d.has(a, wAux) && !d.has(a, wPron|wRole|wDet) && (d.toks[a].fl&fLower != 0 || d.sentenceInitial(a))) {
		a++
	}
	if a >= b {
		return -1
	}
	alone := d.pronounAlone(a, b)
	if d.toks[a].fl&fAllCaps == 0 && (d.toks[a].kind == tWord && d.has(a, wPron) && (!d.has(a, wDet) || alone)) || d.is(a, "he") || d.is(a, "she") || d.is(a, "they") || d.is(a, "it") {
		if (d.is(a, "his") || d.is(a, "her") || d.is(a, "their") || d.is(a, "its")) && !alone {
			// "His wife Pelwood": the name given; "his lawyer": someone else, described.
			end := d.npEnd(a, b)
			for k := a + 1; k < end; k++ {
				if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 && !d.mentions[mi].modifier && !d.inPP(d.mentions[mi].c0, d.mentions[mi].c1, a) {
					return d.mentions[mi].ent
				}
			}
			// "said his best friend at Carrow, Ben Tully, who …": the
			// name set off after the description.
			for k := end; k < b && k < end+8; k++ {
				if mi := d.mentionAt[k]; mi >= 0 && d.punct(k-1, ',') && d.mentions[mi].c0 == k && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 &&
					(d.punct(d.mentions[mi].c1, ',') || d.mentions[mi].c1 >= b) {
					return d.mentions[mi].ent
				}
			}
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
		if m.kind == mPlace && create && end == b && m.c1 == end && (d.has(m.c1-1, wPlace) || !d.has(m.c1-1, wDemonym)) && (m.c0 == a || m.c0 == a+1 && d.is(a, "the")) {
			// "Beijing insisted", "The Kremlin replied": a place that speaks
			// is its government or see.
			return d.described(d.body[d.toks[m.c0].s:d.toks[m.c1-1].e], Organisation, int(m.sent), d.low(m.c1-1))
		}
		// A person named last, just before the verb, heads a long title:
		// "Leader of the Opposition in the Sindh Assembly Muhammad Ali Khan
		// criticised".
		titled := m.kind == mPerson && m.c1 == end && m.n0 > m.c0 && !m.modifier && m.ent >= 0
		if !titled && (m.kind == mPlace || m.ent < 0 || m.modifier || d.inPP(m.c0, m.c1, a) || d.punct(m.c0-1, '(')) {
			continue // "(KWSC)" explains a name; it is not the subject
		}
		if n := m.c1 + btoi(d.punct(m.c1, '+')); n < end && d.rolePhraseAt(n, end) && (m.kind != mPerson || d.personAfter(n, end)) {
			continue // "one OPEC+ delegate", "Islamist politicians", "Senate minority leader X", "Harbor Hour co-host Stu Penrick": the name says whose
		}
		if w := d.jointSpeaker(m, end); w >= 0 {
			return w
		}
		return m.ent
	}
	// "A firefighter who gave only his first name, Thomas, said": a name set
	// off by commas names the described speaker.
	for k := end; k < b; k++ {
		start := k
		if d.is(k, "the") && d.punct(k-1, ',') {
			k++ // "A group founded by a congressman, the Partnership for Cleaner Harbors, has"
		}
		if mi := d.mentionAt[k]; mi >= 0 && d.punct(start-1, ',') {
			m := &d.mentions[mi]
			body := m.kind == mOrg && k > start && (d.has(a, wDet) && d.has(a+1, wGroupNoun|wOrgNoun) || d.has(a, wGroupNoun|wOrgNoun))
			if m.c0 == k && (m.kind == mPerson || body) && m.ent >= 0 && (d.punct(m.c1, ',') || m.c1 == b) && !d.inPP(m.c0, m.c1, a) {
				return m.ent
			}
		}
	}
	if n := end + 1 + btoi(d.is(end, "calling") && (d.is(end+1, "himself") || d.is(end+1, "herself") || d.is(end+1, "themselves"))); (d.is(end, "named") || d.is(end, "called") || n > end+1) && n < len(d.toks) && d.toks[n].sent == d.toks[a].sent && !d.has(a, wPron) {
		// "a worker named Tomas Ruedas has", "a man calling himself Paul
		// Parr": the name given.
		if mi := d.mentionAt[n]; mi >= 0 && d.mentions[mi].c0 == n && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
			return d.mentions[mi].ent
		}
	}
	if d.is(a, "one") && d.is(a+1, "of") && (d.is(a+2, "them") || d.is(a+2, "those") || d.is(a+2, "these")) {
		// "One of them, the Marwell school district, said", "One of those
		// employees, a former engineer who …, said": the appositive says which.
		c := a + 3
		for c < a+5 && c < b && !d.punct(c, ',') {
			c++
		}
		if d.punct(c, ',') {
			if w := d.nominal(c+1, d.nominalEnd(c+1, b), create); w >= 0 {
				return w
			}
		}
	}
	return d.nominal(a, d.nominalEnd(a, end), create)
}

// jointSpeaker returns the two people or bodies "X and Y" name together
// when the phrase holds nothing else — "Dalmere and Gargate said" — as one
// speaker of their own, or -1.
func (d *doc) jointSpeaker(m *mention, end int) int {
	if m.kind == mPlace || m.ent < 0 || m.modifier || !d.is(m.c1, "and") {
		return -1
	}
	k := m.c1 + 1
	if d.is(k, "the") {
		k++ // "Dana Rell and the State Department have asserted"
	}
	mi := d.mentionOf(k)
	if mi < 0 {
		return -1
	}
	n := &d.mentions[mi]
	if n.kind == mPlace || n.ent < 0 || n.ent == m.ent || n.c1 != end || n.modifier {
		return -1
	}
	and := " and "
	if k > m.c1+1 {
		and = " and the "
	}
	return d.described(d.ents[m.ent].name+and+d.ents[n.ent].name, Group, n.sent, "")
}

// personAfter reports whether a person is named within [n, end).
func (d *doc) personAfter(n, end int) bool {
	for k := n; k < end; k++ {
		if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].c0 == k {
			return true
		}
	}
	return false
}

// rolePhraseAt reports whether a role or a noun for people, in lower
// case, comes at n or after a word or two more in lower case before end:
// "delegate", "minority leader", "deputy press secretary".
func (d *doc) rolePhraseAt(n, end int) bool {
	for k := n; k < end && k < n+3; k++ {
		if d.toks[k].kind != tWord || d.toks[k].fl&fLower == 0 || d.has(k, wPrep|wCue|wAux|wDet|wPron|wConj) {
			return false
		}
		if d.has(k, wRole|wPersonNoun|wGroupNoun) {
			return true
		}
	}
	return false
}

// subjectStart reports whether a subject can start at token k: a name, a
// pronoun, a determiner, a number or a noun for a speaker.
func (d *doc) subjectStart(k int) bool {
	t := d.toks[k]
	if d.has(k, wPrep) && !d.has(k, wDet|wPron) {
		return false // "At the city hall, …" is no speaker
	}
	switch d.low(k) {
	case "no", "none", "neither", "nobody", "nothing":
		return false // "no group claimed responsibility": nobody speaks
	}
	if t.kind == tNum || isCapWord(d, k) {
		return true
	}
	return t.kind == tWord && (d.has(k, wDet|wPron) || d.nounish(k) || numberWords[d.low(k)])
}

// numberWords start a noun phrase: "three people familiar with the talks".
var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "several": true, "dozens": true, "hundreds": true,
}

// inverted reports whether the speech verb at c follows its quotation, so
// that its subject comes after it: “Q,” said X.
func (d *doc) inverted(c int) bool {
	k := c - 1
	for k >= 0 && d.has(k, wAux) && d.toks[k].fl&fLower != 0 && !d.has(k, wPron) {
		k--
	}
	if k < 0 || d.toks[k].sent != d.toks[c].sent {
		if k >= 0 && d.toks[c].fl&fParaStart == 0 && isCapWord(d, c+1) {
			// "Said Crane, “…”" opening a sentence: the name, then a comma or colon.
			for j := c + 2; j < len(d.toks) && j < c+6 && d.toks[j].sent == d.toks[c].sent; j++ {
				if d.punct(j, ',') || d.punct(j, ':') {
					return d.mentionOf(j-1) >= 0
				}
			}
			return false
		}
		return (k < 0 || d.toks[c].fl&fParaStart != 0) && isCapWord(d, c+1)
	}
	closed := d.toks[k].fl&fClose != 0 ||
		d.toks[k].kind == tPunct && (d.toks[k].r == ',' || isDash(rune(d.toks[k].r))) && k > 0 && d.toks[k-1].fl&fClose != 0
	if !closed {
		return k == c-1 && d.punct(k, ',') && d.namedAfter(c)
	}
	// "…of “Rormere’s Law,” posted on Instagram:": a title closes before
	// the verb, and no speaker follows it.
	_, _, w := d.cueAt(c)
	if n := c + max(w, 1); n < len(d.toks) && d.toks[n].sent == d.toks[c].sent && (d.has(n, wPrep) && !d.has(n, wDet|wPron) || d.punct(n, ':') || d.is(n, "that")) {
		return false
	}
	return true
}

// pronounAlone reports whether the pronoun at a is all of the phrase
// [a, b), or all of it before a comma: "according to her," is the person,
// not a possessive such as "her aide".
func (d *doc) pronounAlone(a, b int) bool {
	return a+1 >= b || d.toks[a+1].kind == tPunct && d.toks[a+1].r != '\''
}

// namedThenVerb reports whether a person's name at k is followed by a
// verb in the past: "… and Mayor Ida Brenner fired her chief", a clause of
// its own.
func (d *doc) namedThenVerb(k int) bool {
	mi := d.mentionOf(k)
	if mi < 0 || d.mentions[mi].c0 != k || d.mentions[mi].kind != mPerson {
		return false
	}
	n := d.mentions[mi].c1
	if n >= len(d.toks) || d.toks[n].kind != tWord || d.toks[n].fl&fLower == 0 {
		return false
	}
	w := d.low(n)
	return strings.HasSuffix(w, "ed") || irregularPast[w] || d.has(n, wAux) && !d.has(n, wPron)
}

// subordinateStart returns where the subordinate clause holding the verb
// at j opens ("whether the trust could question"), or -1 when no
// "whether" or "if" stands between the verb and the last comma or t0.
func (d *doc) subordinateStart(j, t0 int) int {
	for k := j - 1; k > t0 && k > j-12; k-- {
		if d.toks[k].kind != tWord || d.toks[k].span >= 0 {
			return -1
		}
		if (d.is(k, "whether") || d.is(k, "if")) && d.toks[k].fl&fLower != 0 {
			return k
		}
	}
	return -1
}

// passiveBefore reports whether the past participle at c follows a form
// of "be": "was called", "has been labelled".
func (d *doc) passiveBefore(c int) bool {
	w := d.low(c)
	if !strings.HasSuffix(w, "ed") && !irregularPast[w] {
		return false
	}
	switch d.low(c - 1) {
	case "was", "were", "is", "are", "been", "being", "be":
		return d.toks[c-1].fl&fLower != 0 || d.sentenceInitial(c-1)
	}
	return false
}

// agentAfter returns who "by" names after the passive verb at c, past any
// quotation, within its clause: "called “reckless” by Tobin Marsh"; else -1.
func (d *doc) agentAfter(c int) int {
	end := d.sentOf(c).t1
	for k := c + 1; k < end && k < c+16; k++ {
		if d.toks[k].span >= 0 {
			continue
		}
		if d.toks[k].kind == tPunct && d.toks[k].r != ',' || d.is(k, "and") || d.is(k, "but") {
			return -1
		}
		if d.is(k, "by") {
			return d.headIn(k+1, d.clauseEnd(k+1), true)
		}
	}
	return -1
}

// afterQuotation reports whether token i comes right after a closing
// quotation mark, or after one and a comma: “…,” reacted Ames.
func (d *doc) afterQuotation(i int) bool {
	k := i - 1
	if k >= 0 && d.punct(k, ',') {
		k--
	}
	return k >= 0 && d.toks[k].kind == tMark && d.toks[k].fl&fClose != 0 && d.toks[k].span >= 0
}

// personInTitle returns the person named at the end of a run of titles
// starting at a, before any comma: "former Ohio Gov. and party Chairman Ed
// Rennard"; else -1.
func (d *doc) personInTitle(a int) int {
	if a >= len(d.toks) {
		return -1
	}
	end := d.sentOf(a).t1 // not clauseEnd: "Gov." has a full stop
	for k := a; k < end && k < a+10 && d.toks[k].span < 0; k++ {
		if d.punct(k, ',') || d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0 && d.has(k, wPrep|wCue|wPron|wAux|wDet) {
			break
		}
		if mi := d.mentionOf(k); mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
			return d.mentions[mi].ent
		}
	}
	return -1
}

// describedThenNamed returns the person named right after the comma that
// ends a description starting at a — "one veteran Harbor Court advocate,
// Dana Rell, a partner" — or -1. The description must have a
// role or a word for a person, so that a body ("the Harbor Court, Dana
// Rell's firm") is not passed over.
func (d *doc) describedThenNamed(a int) int {
	if a >= len(d.toks) {
		return -1
	}
	end := d.sentOf(a).t1
	role := false
	for k := a; k < end && k < a+10 && d.toks[k].span < 0; k++ {
		if d.punct(k, ',') {
			if k+1 >= end {
				return -1
			}
			if mi := d.mentionOf(k + 1); role && mi >= 0 && d.mentions[mi].c0 == k+1 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
				return d.mentions[mi].ent
			}
			return -1
		}
		if d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0 {
			if d.has(k, wRole|wPersonNoun) {
				role = true
			} else if k > a && d.has(k, wPrep|wCue|wPron|wAux) {
				return -1
			}
		}
	}
	return -1
}

// namedAfter reports whether a person is named right after the speech verb
// at c, past any title before the name: "…, said Gerrit Valk, founder of
// the league", "…, said former Ohio Gov. and party Chairman Ed Rennard".
func (d *doc) namedAfter(c int) bool {
	_, _, w := d.cueAt(c)
	n := c + max(w, 1)
	if n >= len(d.toks) || d.toks[n].sent != d.toks[c].sent || d.has(n, wTime) || !isCapWord(d, n) && !d.is(n, "former") {
		return false
	}
	end := d.clauseEnd(n)
	for k := n; k < end && k < n+10; k++ {
		if d.punct(k, ',') {
			break
		}
		if mi := d.mentionOf(k); mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
			// The name ends the clause: not "…, said Pryor had exploited
			// them", where Pryor is the reported clause's subject.
			e := d.mentions[mi].c1
			return e >= d.sentOf(c).t1 || d.toks[e].kind == tPunct && d.toks[e].r != '\''
		}
	}
	return false
}

// stateIsVerb reports whether "states" or "state" at i is the verb: after
// a pronoun, a name or "the report", not after an adjective or a number
// ("delegate-rich states", "30 states", "other states").
func (d *doc) stateIsVerb(i int) bool {
	p := i - 1
	if p >= 0 && d.toks[p].sent == d.toks[i].sent && (d.punct(p, ')') || d.dashAt(p)) {
		return true // "Byne — who was posted at the door — states that"
	}
	if p < 0 || d.toks[p].kind != tWord || d.toks[p].sent != d.toks[i].sent {
		return false
	}
	if d.clauseWord(p) || d.mentionOf(p) >= 0 || d.is(p, "to") {
		return true // "he states", "the almanac states", "prompted it to state"
	}
	switch d.low(p - 1) {
	case "the", "a", "an", "this", "its", "his", "her", "their":
		return d.toks[p].fl&fLower != 0 && !d.has(p, wDet|wStop) && !strings.ContainsRune(d.low(p), '-')
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

// cueSubject returns who speaks through the speech verb at c. Its stages
// run from the most particular shape to the plainest: "according to X",
// "prompting X to warn", a participle's main clause, an inverted "said X",
// then, before the verb, a name set off by commas, a subject before a
// relative clause, a description, a coordinated clause's subject, a name
// or pronoun right before the verb, and last the head of the clause.
func (d *doc) cueSubject(c int) int {
	form, kind, width := d.cueAt(c)
	if width == 0 {
		return -1
	}
	if form == cueAccording {
		end := d.clauseEnd(c + 2)
		for k := c + 2; k < end; k++ {
			if mi := d.mentionAt[min(k+1, len(d.toks)-1)]; d.punct(k, ',') && mi >= 0 && d.mentions[mi].c0 == k+1 && (d.mentions[mi].c1 >= end || d.punct(d.mentions[mi].c1, ',') || d.punct(d.mentions[mi].c1, '.')) {
				continue // "according to her management company, Bluewater Artists.": an appositive name
			}
			if d.punct(k, ',') && !d.partyTag(k+1) && !d.partyTag(k-1) {
				// "According to a study by Schaff and Pierson, the long
				// drought is …": the source ends at its comma.
				if w := d.headIn(c+2, k, true); w >= 0 || k > c+3 {
					return w
				}
				break
			}
		}
		return d.headIn(c+2, end, true)
	}
	if kind == cueWeak && d.passiveBefore(c) {
		// "was called “reckless” by Tobin Marsh": the agent; the one
		// called it is not the one who spoke.
		return d.agentAfter(c)
	}
	if w := d.promptedSubject(c); w >= 0 {
		return w
	}
	if form == cueIng {
		return d.participleSubject(c)
	}
	if d.inverted(c) {
		a := c + width
		if d.is(c, "came") {
			// "“Count the votes,” came cries from the protesters": who they came from.
			for k := a; k < a+4 && k < len(d.toks) && d.toks[k].kind == tWord; k++ {
				if d.is(k, "from") {
					return d.headIn(k+1, d.clauseEnd(k+1), true) // not "a voice from the back of the room"
				}
			}
		}
		w := d.headIn(a, d.clauseEnd(a), true)
		if w >= 0 && d.ents[w].kind == mPerson {
			return w
		}
		if p := d.personInTitle(a); p >= 0 {
			return p // "said Air Force 1st Lt. Tyler Livenby", "said former Ohio Gov. and party Chairman Ed Rennard"
		}
		if p := d.describedThenNamed(a); p >= 0 {
			return p // "said one veteran Harbor Court advocate, Dana Rell, …"
		}
		return w
	}
	before := d.subjectEnd(c)
	if w := d.setOffName(before); w >= 0 {
		return w
	}
	if w := d.beforeRelative(c, before); w >= 0 {
		return w
	}
	if w := d.beforeBareRelative(c, before); w >= 0 {
		return w
	}
	if w := d.describedBeforeVerb(c, kind); w >= 0 {
		return w
	}
	if w := d.coordinatedSubject(c); w >= 0 {
		return w
	}
	if w, ok := d.adjacentSubject(c); ok {
		return w
	}
	return d.clauseHead(c, kind)
}

// promptedSubject: "prompting MSP Alasdair Dorton to warn that": the one
// prompted; else -1.
func (d *doc) promptedSubject(c int) int {
	if d.is(c-1, "to") && (d.is(c-3, "led") || d.is(c-3, "prompted") || d.is(c-3, "pushed") || d.is(c-3, "forced")) {
		// "a win that led her to declare that": the one led.
		if d.is(c-2, "her") || d.is(c-2, "him") || d.is(c-2, "them") {
			return d.resolvePronoun(c - 2)
		}
		if mi := d.mentionOf(c - 2); mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
			return d.mentions[mi].ent
		}
	}
	if d.is(c-1, "to") {
		for j := c - 2; j > d.sentOf(c).t0 && j > c-12; j-- {
			if d.toks[j].kind != tWord || d.toks[j].span >= 0 {
				break
			}
			if w := d.low(j); (w == "prompted" || w == "forced" || w == "asked" || w == "moved") && d.has(j-1, wAux) && d.toks[j-1].fl&fLower != 0 {
				// "Mr. Harkin was prompted to say": the one prompted is the subject.
				if mi := d.mentionOf(j - 2); mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace {
					return d.mentions[mi].ent
				}
				if d.is(j-2, "he") || d.is(j-2, "she") {
					return d.resolvePronoun(j - 2)
				}
				break
			} else if w == "prompting" || w == "prompted" || w == "leading" || w == "led" || w == "forcing" || w == "urging" || w == "asking" {
				// The person named, past any place in their title:
				// "Highlands and Islands MSP Alasdair Dorton".
				for _, m := range d.mentionsIn(int(d.toks[c].sent)) {
					if m.c0 > j && m.c1 <= c-1 && m.kind == mPerson && m.ent >= 0 {
						if d.toks[m.c1-1].fl&fPossessive != 0 && isCapWord(d, m.c1) {
							continue // "prompted Ena Moss's Almanac to state": the Almanac
						}
						return m.ent
					}
				}
				if sub := d.headIn(j+1, c-1, true); sub >= 0 {
					return sub
				}
				break
			}
		}
	}

	return -1
}

// participleSubject: "with several lawmakers shouting “Shame!”": the phrase
// after "with"; else the main clause's subject.
func (d *doc) participleSubject(c int) int {
	// "“…,” Lowden added, saying": the speech verb just before the
	// comma, not the sentence's first.
	if d.punct(c-1, ',') {
		if f, _, n := d.cueAt(c - 2); n == 1 && f == cueFinite {
			if w := d.cueSubject(c - 2); w >= 0 {
				return w
			}
		}
	}
	// "Marsh turned to wages, but Rell steered him to the fees, asking …": the
	// subject of the nearest clause joined by ", but" or ", and".
	for k := c - 2; k > d.sentOf(c).t0+1 && k > c-25; k-- {
		if d.toks[k].span >= 0 {
			break
		}
		if (d.is(k, "but") || d.is(k, "and")) && d.toks[k].fl&fLower != 0 && (d.punct(k-1, ',') && (isCapWord(d, k+1) || d.subjectPronoun(k+1)) || d.namedThenVerb(k+1)) {
			if w := d.headIn(k+1, d.npEnd(k+1, c), true); w >= 0 {
				return w
			}
			break
		}
	}
	// "with several lawmakers shouting “Shame!”": the phrase after "with".
	for w := c - 1; w > d.sentOf(c).t0 && w > c-10; w-- {
		if d.is(w, "with") {
			if sub := d.headIn(w+1, c, true); sub >= 0 {
				return sub
			}
			break
		}
		if d.toks[w].kind != tWord && !(d.punct(w, '.') && d.has(w-1, wHonorific|wTitle)) {
			break // but on past "Sen.": "with Sen. Jon Maccabe calling it"
		}
	}
	return d.mainSubject(c)
}

// subjectEnd returns the last token before the verb at c that may end its
// subject, past a parenthesis in dashes or brackets ("A group, which
// adopted the slogan “Achub y Bws” – Save the Bus – said") and a party and
// state ("Sen. Margaret Kinridge, D-Ore., called"; ", Republican of New
// York,").
func (d *doc) subjectEnd(c int) int {
	before := c - 1
	if before > 0 && (d.dashAt(before) || d.punct(before, ')')) {
		open := rune(d.toks[before].r)
		if open == ')' {
			open = '('
		}
		for w := before - 1; w > d.sentOf(c).t0; w-- {
			if d.toks[w].kind == tPunct && (rune(d.toks[w].r) == open || isDash(open) && isDash(rune(d.toks[w].r))) {
				before = w - 1
				break
			}
		}
	}
	// "Sen. Margaret Kinridge, D-Ore., called": the party and state, as US
	// wire copy gives them, are no subject.
	if before > 0 && d.punct(before, ',') {
		k := before - 1
		if d.punct(k, '.') {
			k--
		}
		if d.partyTag(k) && d.punct(k-1, ',') {
			before = k - 1
		} else if p := d.partyAppositive(before); p >= 0 {
			before = p // "Peter T. King, Republican of New York, said"
		}
	}
	return before
}

// setOffName: "…Executive, Alhaji Abdul-Karim Dalford, says": the name
// set off by commas just before the verb; else -1.
func (d *doc) setOffName(before int) int {
	if before > 2 && d.punct(before, ',') && d.toks[before-1].kind == tNum && d.punct(before-2, ',') {
		before -= 2 // "…, shopkeeper Ilona Varga, 54, said": past the age
	}
	if before > 0 && d.punct(before, ',') {
		if mi := d.mentionOf(before - 1); mi >= 0 {
			m := d.mentions[mi]
			j := m.c0 - 1
			for j > m.c0-4 && j > 0 && d.toks[j].kind == tWord && d.toks[j].fl&fLower != 0 && d.has(j, wRole|wRoleAdj|wPersonNoun) {
				j-- // "…, shopkeeper Ilona Varga, 54, said"
			}
			if m.kind == mPerson && m.ent >= 0 && m.c1 == before && d.punct(j, ',') && !d.objectAppositive(j) &&
				!(d.has(j-1, wOrgNoun) && d.toks[j-1].fl&fLower != 0) { // not "the diocese's newspaper, L'Eco Marino,"
				return m.ent
			}
		}
	}
	return -1
}

// beforeRelative: "One engineer, who asked not to be named because they
// …, said": the subject stands before the relative clause; else -1.
func (d *doc) beforeRelative(c, before int) int {
	// "One engineer, who asked not to be named because they …, said": the
	// subject stands before the relative clause. American style puts the
	// clause's comma inside a title's marks: "who starred in “The Last
	// Ferry,” wrote".
	titleComma := before > 0 && d.toks[before].kind == tMark && d.toks[before].fl&fClose != 0 && d.punct(before-1, ',')
	if d.punct(before, ',') || before != c-1 || titleComma {
		for w := before - 1; w > d.sentOf(c).t0; w-- {
			if d.toks[w].span >= 0 && d.toks[w].fl&fClose == 0 {
				continue
			}
			if (d.is(w, "who") || d.is(w, "which")) && d.punct(w-1, ',') {
				end := w - 1
				// "Madam Morvale Ah Kinley, 68, who": past the age.
				if end > 0 && d.toks[end-1].kind == tNum && d.punct(end-2, ',') {
					end -= 2
				}
				if sub := d.headIn(d.clauseStart(end), end, true); sub >= 0 {
					return sub
				}
				break
			}
		}
	}
	return -1
}

// beforeBareRelative: "“…,” a European diplomat who attended the meeting
// as an observer told AFP": the subject before a relative clause set off by
// no comma; else -1.
func (d *doc) beforeBareRelative(c, before int) int {
	if before == c-1 && !d.punct(before, ',') {
		t0 := d.sentOf(c).t0
		for w := c - 1; w > t0 && w > c-14; w-- {
			if d.toks[w].kind != tWord || d.toks[w].span >= 0 {
				break
			}
			if d.is(w, "who") && d.toks[w].fl&fLower != 0 && (d.nounish(w-1) || d.mentionOf(w-1) >= 0) {
				a := w - 1
				for a > t0 && d.toks[a-1].kind == tWord && d.toks[a-1].span < 0 && !d.has(a-1, wCue) {
					a--
				}
				// Only a subject that opens the sentence or follows the
				// quotation: not "Karim, a 26-year-old from Tunisia who
				// asked …", whose appositive is no subject.
				if a > t0 && !(d.toks[a-1].kind == tMark && d.toks[a-1].fl&fClose != 0) {
					break
				}
				if named := slices.ContainsFunc(d.mentionsIn(int(d.toks[c].sent)), func(m mention) bool {
					return m.c0 > w && m.c1 == c && m.kind != mPlace
				}); named {
					break // "A trader who gave her name only as Jorstad told": Jorstad
				}
				if sub := d.headIn(a, c, true); sub >= 0 {
					return sub
				}
				break
			}
		}
	}
	return -1
}

// describedBeforeVerb: "…, the agency said": a described subject right
// before the verb, when the clause around it starts elsewhere; else -1.
func (d *doc) describedBeforeVerb(c int, kind uint8) int {
	// "…, the agency said": a described subject right before the verb, when
	// the clause around it starts elsewhere ("that have pushed rents above
	// $4,000, the agency said").
	if j := c - 1; j > 0 && d.toks[j].kind == tWord && d.toks[j].fl&fLower != 0 && d.nounish(j) {
		a := j
		for a > d.sentOf(c).t0 && a > j-4 && d.toks[a-1].kind == tWord && d.toks[a-1].fl&fLower != 0 && !d.has(a-1, wPrep|wCue|wPron|wConj) {
			a--
		}
		if d.is(a, "the") && d.punct(a-1, ',') {
			if w := d.nominal(a, c, true); w >= 0 {
				return w
			}
		}
		// "results the company called “a major step”": a relative clause
		// without its "that", its subject right before the verb.
		for k := j - 1; k > a; k-- {
			if d.is(k, "the") && k-1 == a && !d.has(a, wDet|wPrep|wPron|wConj|wAux|wCue) && d.punct(a-1, ',') && kind == cueWeak {
				if w := d.nominal(k, c, true); w >= 0 {
					return w
				}
				break
			}
		}
	}
	return -1
}

// coordinatedSubject: "welcomed the change but said", "… and has said",
// "did not name him but did note": the subject of the clause before; else
// -1.
func (d *doc) coordinatedSubject(c int) int {
	b := c - 1
	for b > d.sentOf(c).t0 && d.has(b, wAux) && d.toks[b].fl&fLower != 0 && !d.has(b, wPron) {
		b--
	}
	if (d.is(b, "but") || d.is(b, "and")) && d.toks[b].fl&fLower != 0 {
		t0 := d.sentOf(c).t0
		cued, from := false, b
		for j := b - 1; j > t0; j-- {
			if d.toks[j].span >= 0 {
				break
			}
			if _, _, n := d.cueAt(j); n > 0 {
				if s0 := d.subordinateStart(j, t0); s0 >= 0 {
					j, from = s0, s0 // "delayed ruling on whether the trust may depose her but said": not the trust's verb
					continue
				}
				if w := d.cueSubject(j); w >= 0 {
					return w
				}
				cued = true
				break
			}
		}
		if s0 := d.subordinateStart(from, t0); !cued && s0 >= 0 {
			from = s0 // "… whether the trust may depose her but said": the clause around it
		}
		if a := d.skipIntro(d.clauseStart(from), from); !cued && a < from && d.toks[a].span < 0 && d.subjectStart(a) {
			if w := d.headIn(a, d.npEnd(a, from), false); w >= 0 {
				return w
			}
		}
	}
	return -1
}

// adjacentSubject: "X said", "she described", "she jokingly tells": a name
// or pronoun right before the verb. ok is set when the answer is final,
// even -1 (a pronoun that resolves to no one).
func (d *doc) adjacentSubject(c int) (int, bool) {
	k := c - 1
	for k > 0 && (d.has(k, wAux) || d.adverb(k)) && d.toks[k].fl&fLower != 0 && !d.has(k, wPron) {
		k--
	}
	if k > 1 && d.has(k, wTime) && d.is(k-1, "on") {
		k -= 2 // "who Marsh on Wednesday called": the day between subject and verb
	}
	if k >= 0 && d.toks[k].sent == d.toks[c].sent {
		if d.is(k, "who") {
			// "Gloria Smith, 79, who testified": the name before the relative pronoun.
			for j := k - 1; j >= d.sentOf(c).t0 && j > k-6; j-- {
				if mi := d.mentionAt[j]; mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace {
					if m := d.mentions[mi]; m.kind != mPerson || d.has(m.c0-1, wPrep) && d.toks[m.c0-1].fl&fLower != 0 {
						// "who" is a person: "Gwen Kelridge, of the patient
						// group Resist Together, who said"; not the place in "a
						// mother of three from Kiryat Shmona who moved back".
						if p := d.personBefore(d.mentions[mi].c0, d.sentOf(c).t0); p >= 0 {
							return p, true
						}
					}
					return d.mentions[mi].ent, true
				}
				if !(d.punct(j, ',') || d.toks[j].kind == tNum) {
					break
				}
			}
		}
		if d.toks[k].fl&fAllCaps == 0 && (d.is(k, "he") || d.is(k, "she") || d.is(k, "they") || d.is(k, "it")) {
			return d.resolvePronoun(k), true
		}
		if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace && !d.mentions[mi].modifier && d.mentions[mi].c1 == k+1 {
			if m := d.mentions[mi]; !d.inPP(m.c0, m.c1, d.sentOf(c).t0) {
				if and := m.c0 - 1 - btoi(d.is(m.c0-1, "the")); d.is(and, "and") {
					if pi := d.mentionOf(and - 1); pi >= 0 {
						if first := &d.mentions[pi]; first.c1 == and {
							if w := d.jointSpeaker(first, m.c1); w >= 0 {
								return w, true // "Dalmere and Gargate said"
							}
						}
					}
				}
				return m.ent, true
			}
		}
	}
	return -1, false
}

// clauseHead returns the head of the clause before the verb at c: past an
// appositive phrase, the writer of "a statement that read", or the
// clause's own subject.
func (d *doc) clauseHead(c int, kind uint8) int {
	cs := d.clauseStart(c)
	if cs > 0 && d.punct(cs-1, ',') && d.objectAppositive(cs-1) {
		// "Rui Zelton, speaking after talks with …, Marta Pelbury,
		// said": the subject opens the sentence, before the phrase.
		t0 := d.sentOf(c).t0
		for j := cs - 2; j > t0; j-- {
			if d.punct(j, ',') && d.toks[j+1].fl&fLower != 0 && strings.HasSuffix(d.low(j+1), "ing") {
				if w := d.headIn(d.skipIntro(t0, j), j, true); w >= 0 {
					return w
				}
				break
			}
		}
	}
	if kind == cueRead || d.is(c-1, "that") || d.is(c-1, "which") {
		// "a statement that read", "a statement from the ministry read": the
		// writer speaks, named in the phrase or by an earlier verb.
		for k := cs; k < c; k++ {
			if d.is(k, "from") || d.is(k, "by") {
				if d.is(k+1, "her") || d.is(k+1, "him") {
					// "the last message he received from her read"
					if w := d.resolvePronoun(k + 1); w >= 0 {
						return w
					}
					if w := d.lastOfSex(int(d.toks[k].sent), d.lx(k+1).gender); w >= 0 {
						return w
					}
				}
				if w := d.headIn(k+1, c, true); w >= 0 {
					return w
				}
			}
		}
		// "The ministry issued a statement that read": whoever issued it.
		for k := cs; k < c; k++ {
			if d.has(k, wSpeechNoun) && d.toks[k].fl&fLower != 0 {
				if w := d.bodyOfDocument(k); w >= 0 {
					return w // "A council statement read": the council's
				}
				j := k - 1
				for j > cs && d.has(j, wDet) {
					j--
				}
				if d.has(j, wPublish) && j < k-1 {
					return d.headIn(cs, j, true)
				}
				break
			}
		}
		if d.is(cs, "the") || d.is(cs, "this") {
			return d.headIn(cs, c, false) // "the statement read": its author, if known
		}
		for k := cs; k < c-1; k++ {
			if (d.is(k, "sent") || d.is(k, "mailed") || d.is(k, "emailed") || d.is(k, "circulated")) && d.is(k+1, "to") {
				// "A letter sent to parents read": the body the story is
				// about wrote to them.
				return d.recentBody(int(d.toks[c].sent))
			}
		}
		return -1 // "a note … which read": the article does not say who wrote it
	}
	if cs >= c || d.has(c-1, wConj) {
		// "… but warned that": the verb shares the sentence's subject.
		return d.mainSubject(c)
	}
	if t0 := d.skipIntro(d.sentOf(c).t0, c); t0 < cs && (d.is(t0, "a") || d.is(t0, "an") || d.is(t0, "the")) &&
		d.has(t0+1, wSpeechNoun) && d.toks[t0+1].fl&fLower != 0 && subordinators[d.low(cs-1)] {
		// "A statement issued by the police a week after the disappearance
		// said": the sentence's subject, not "the disappearance".
		if w := d.nominal(t0, cs-1, true); w >= 0 {
			return w
		}
	}
	return d.headIn(cs, c, true)
}

// adverb reports whether token k is an adverb in -ly: "jokingly",
// "repeatedly".
func (d *doc) adverb(k int) bool {
	w := d.low(k)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && d.toks[k].kind == tWord && !d.has(k, wCue|wTime)
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

// personBefore returns the person named in the appositive phrase that ends
// at end — "Gwen Kelridge, of the group Resist Together" — or -1.
func (d *doc) personBefore(end, t0 int) int {
	for j := end - 1; j >= t0 && j > end-12; j-- {
		if d.punct(j, ',') {
			if j <= t0 || j < 1 {
				return -1
			}
			if mi := d.mentionOf(j - 1); mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
				return d.mentions[mi].ent
			}
			return -1
		}
	}
	return -1
}

// lastOfSex returns the person of sex g named last, outside quotations, up
// to sentence si: for a pronoun whose referent was named paragraphs back.
// Unlike compatible, it wants the sex known, since any name of unknown sex
// would otherwise do.
func (d *doc) lastOfSex(si int, g int8) int {
	best, bestAt := -1, -1
	for i := range d.ents {
		if e := &d.ents[i]; e.kind == mPerson && e.gender == g {
			if at := d.seenBy(i, si); at > bestAt {
				best, bestAt = i, at
			}
		}
	}
	return best
}

// objectAppositive reports whether the name set off after the comma at k
// names the object of a preposition in a phrase before it, not the subject:
// "Rui Zelton, speaking after talks with Spain's secretary of state,
// Marta Pelbury, said" — Zelton speaks.
func (d *doc) objectAppositive(k int) bool {
	t0 := d.sentOf(k).t0
	for j := k - 1; j > t0; j-- {
		if d.punct(j, ',') {
			// The phrase before the role opened with a participle: "speaking
			// after talks with …".
			if d.toks[j+1].fl&fLower != 0 && strings.HasSuffix(d.low(j+1), "ing") {
				return true
			}
			return false
		}
		if d.toks[j].fl&fLower != 0 && (d.is(j, "with") || d.is(j, "to") || d.is(j, "from")) {
			// "with Spain's secretary of state for transport, Marta Pelbury"
			for i := j - 1; i > t0; i-- {
				if d.punct(i, ',') {
					return d.toks[i+1].fl&fLower != 0 && strings.HasSuffix(d.low(i+1), "ing")
				}
			}
			return false
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// partyTag reports whether the word at k is a US party and state, "D-Ore"
// or "R-Ariz".
func (d *doc) partyTag(k int) bool {
	if k < 0 || k >= len(d.toks) || d.toks[k].kind != tWord {
		return false
	}
	w := d.text(k)
	return len(w) >= 4 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// bodyOfDocument returns the body a lower-case noun names just before the
// document noun at k — "a council statement", "the ministry's letter" —
// as the body of that kind named before, or as "the council" if none was;
// else -1.
func (d *doc) bodyOfDocument(k int) int {
	j := k - 1
	if j < 0 || d.toks[j].kind != tWord || d.toks[j].fl&fLower == 0 || !d.has(j, wOrgNoun) {
		return -1
	}
	noun := strings.TrimSuffix(strings.TrimSuffix(d.low(j), "'s"), "’s")
	si := int(d.toks[k].sent)
	if o := d.orgByNoun(noun, si, false); o >= 0 {
		return o
	}
	return d.described("the "+noun, Organisation, si, noun)
}

// partyAppositive returns the comma that opens a party affiliation set off
// just before the comma at c — ", Republican of New York," or ", a Democrat
// from Ohio," — or -1.
func (d *doc) partyAppositive(c int) int {
	for k := c - 1; k > 0 && k > c-8; k-- {
		if !d.punct(k, ',') {
			continue
		}
		n := k + 1
		if d.is(n, "a") || d.is(n, "an") {
			n++
		}
		switch d.low(n) {
		case "republican", "democrat", "democratic", "independent", "conservative", "labour", "liberal":
			if isCapWord(d, n) && (d.is(n+1, "of") || d.is(n+1, "from") || n+1 == c) {
				return k
			}
		}
		return -1
	}
	return -1
}

// skipDateline returns where the sentence starting at a begins after a
// dateline that opens a paragraph — "BONN, Germany (AP) —", "LAGOS:" —
// or a when there is none.
func (d *doc) skipDateline(a, c int) int {
	if a >= c || d.toks[a].fl&fParaStart == 0 || d.toks[a].fl&fAllCaps == 0 || d.toks[a].kind != tWord {
		return a
	}
	for k := a + 1; k < c && k < a+12; k++ {
		t := d.toks[k]
		switch {
		case t.kind == tWord && t.fl&(fCap|fAllCaps) != 0, t.kind == tNum, t.kind == tPunct && (t.r == ',' || t.r == '(' || t.r == ')' || t.r == '.'):
		case t.kind == tPunct && (isDash(rune(t.r)) || t.r == ':'):
			return k + 1
		default:
			return a
		}
	}
	return a
}

// participleAt reports whether token k is a participle in lower case
// opening a phrase set off by commas: "asked about it", "speaking to".
func (d *doc) participleAt(k int) bool {
	w := d.low(k)
	return d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !d.has(k, wAux|wPrep)
}

// maxAside is the most tokens a parenthesis set off by dashes holds:
// "– again wrongly –", "– as Tallis has said –".
const maxAside = 12

// asideOpen returns the dash that opens the aside the dash at k closes —
// words, and no quotation, between two dashes of one sentence — or -1.
func (d *doc) asideOpen(k int) int {
	t0 := d.sentOf(k).t0
	for j := k - 1; j >= t0 && j > k-maxAside; j-- {
		if d.dashAt(j) {
			if j < k-1 {
				return j
			}
			return -1
		}
		if d.toks[j].span >= 0 || d.toks[j].kind == tPunct && d.toks[j].r != ',' {
			return -1
		}
	}
	return -1
}
