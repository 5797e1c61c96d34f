package summarize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of name mention.
const (
	mPerson uint8 = iota + 1
	mOrg
	mPlace
	mUnknown // one capitalised word that may be a surname or a company
)

// mention is one occurrence of a name in the text.
type mention struct {
	c0, c1   int // the whole capitalised chunk, titles included
	n0, n1   int // the name itself
	kind     uint8
	ent      int // index into doc.ents, or -1 (places)
	sent     int
	inQuote  bool
	modifier bool // "NATO chief", "Germany’s defence minister": describes the next noun
	place    string
}

// entity is a person, body or group the article refers to.
type entity struct {
	name     string   // the fullest form seen
	words    []string // lower-case name words, for matching short forms
	forms    []string // every form used, in order of first use
	role     string
	kind     uint8 // mPerson, mOrg, mUnknown, or 0 for a nominal (described, not named)
	nominal  Kind  // for nominal entities: what sort of speaker
	gender   int8
	acronym  string // upper-case initials of an organisation's name
	last     int    // sentence of the latest mention
	source   bool   // named only as a source ("according to The Independent")
	speaks   bool
	outside  bool     // named outside quotations at least once
	head     bool     // named at least once as a head, not only as a modifier ("Property developer")
	sents    []int32  // sentences where it is named outside quotations, in order
	headWord string   // for a described speaker, its head noun: "spokesperson"
	roleWord []string // lower-case content words of role, for matching "the DG"
	titles   []string // lower-case titles it was named with: "dr", "professor"
	headline bool     // named so far only in a title-case line, whose verbs join names
	// spoke: the subject of a speech verb, so that a surname alone
	// (mUnknown) is someone the next sentence's he or she can stand for.
	spoke bool
	// thing: named once after "the" or "a" ("The original Lumo"), as
	// products and places are and people are not.
	thing bool
	// guessed: gender comes only from a lone word that is also a given
	// name ("Carson", "Scott"), which a later full name may overrule.
	guessed bool
	// kin: introduced as someone's relative, the kinship word before the
	// name ("her husband, Frank Norfield"); not "Liz Varn, the daughter of
	// …", whose description follows her name.
	kin bool
	// placeLike: named so far only as where something happens ("voters
	// in Vell Harbor"): a he or she does not stand for it.
	placeLike bool
}

func isCapWord(d *doc, i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := &d.toks[i]
	return t.kind == tWord && t.fl&(fCap|fAllCaps) != 0
}

// findMentions finds every name in the text and links it to an entity, in
// text order, so that a short form always meets the full name before it.
func (d *doc) findMentions() {
	d.mentionAt = slices.Grow(d.mentionAt[:0], len(d.toks))[:len(d.toks)]
	capitals := 0
	for i := range d.mentionAt {
		d.mentionAt[i] = -1
		if d.toks[i].fl&(fCap|fAllCaps) != 0 {
			capitals++
		}
	}
	// Most capitalised words start a mention: made once, the slice does
	// not grow a quarter at a time through a long text.
	d.mentions = slices.Grow(d.mentions[:0], capitals*3/4+8)
	for pi, p := range d.paras {
		if d.headlineLine(pi) {
			continue // a headline or a link to another story names people in passing, with its verbs capitalised
		}
		i := p.t0
		for i < p.t1 {
			if !isCapWord(d, i) && !d.articleName(i) || d.dropWord(i) && !d.placeStarts(i) {
				i++
				continue
			}
			j := d.chunkEnd(i, p.t1)
			d.chunk(i, j)
			i = j
		}
	}
}

// oneSpace reports whether body[a:b] is one space other than a line
// break: "Stu\u00a0Penrick", with a no-break space, is one name.
func (d *doc) oneSpace(a, b int) bool {
	r, n := utf8.DecodeRuneInString(d.body[a:b])
	return n == b-a && r != '\n' && r != '\u2028' && r != '\u2029' && unicode.IsSpace(r)
}

// inferGender, run once the sentences are indexed, gives a person whose sex their name does not tell the sex
// of the pronouns that follow them in a sentence about them alone:
// "Garford, whose memoir …, received treatment on her right shoulder."
func (d *doc) inferGender() {
	for si := range d.sents {
		who, first := -1, -1
		for _, m := range d.mentionsIn(si) {
			if m.inQuote || m.ent < 0 || m.kind == mPlace || d.ents[m.ent].kind == mOrg {
				continue
			}
			if d.ents[m.ent].kind != mPerson || who >= 0 && m.ent != who {
				who = -2 // someone else, or something that may be a person
				break
			}
			if who < 0 {
				who, first = m.ent, m.c1
			}
		}
		if who < 0 || d.ents[who].gender != genderUnknown {
			continue
		}
		end := d.sents[si].t1
		if n := si + 1; n < len(d.sents) && d.sents[n].para == d.sents[si].para && !slices.ContainsFunc(d.mentionsIn(n), func(m mention) bool {
			return !m.inQuote && m.kind != mPlace && m.ent >= 0
		}) {
			end = d.sents[n].t1 // "Yorbrook Yorstad … has been in Juárez for weeks. Asked …, he laughs."
		}
		g := genderUnknown
		for k := first; k < end; k++ {
			if d.toks[k].span >= 0 || d.toks[k].kind != tWord || d.toks[k].fl&fAllCaps != 0 {
				continue
			}
			var kg int8
			switch d.low(k) {
			case "he", "his", "him", "himself":
				kg = genderMale
			case "she", "her", "hers", "herself":
				kg = genderFemale
			default:
				continue
			}
			if g != genderUnknown && g != kg {
				g = -1
				break
			}
			g = kg
		}
		if g == genderMale || g == genderFemale {
			d.ents[who].gender = g
		}
	}
}

// postNominal reports whether w is letters written after a name.
func postNominal(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "kc", "qc", "sc", "mp", "msp", "mla", "mep", "ms", "td", "mpp", "obe", "mbe", "cbe", "kbe", "dbe", "phd", "jr", "sr", "ii", "iii", "frs", "fca":
		return true
	}
	return false
}

// calendarWord reports whether w names a day or a month, which never belongs
// to a name.
func calendarWord(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august", "september", "october",
		"november", "december":
		return true
	}
	return false // "Jun" and "Mar" are names too ("Morvale Jun Linwell"); abbreviated months pass
}

// partyWord reports whether w names a party's side, used before a noun:
// "the Democratic front-runner", "Republican senators".
func partyWord(w string) bool {
	switch w {
	case "democratic", "republican", "democrat", "conservative", "liberal", "labour", "libertarian", "progressive":
		return true
	}
	return false
}

// foreignArticle reports whether w is a French, Spanish, Italian or German
// article, which English copy keeps before a foreign title.
func foreignArticle(w string) bool {
	switch w {
	case "le", "la", "les", "el", "los", "las", "il", "der", "die", "das":
		return true
	}
	return false
}

// placeStarts reports whether a place of several words starts at i: "New
// Zealand" keeps its "New".
func (d *doc) placeStarts(i int) bool {
	for _, mp := range multiPlaces[d.low(i)] {
		ok := i+len(mp.words) <= len(d.toks)
		for x := 1; ok && x < len(mp.words); x++ {
			ok = strings.TrimSuffix(d.low(i+x), "'s") == mp.words[x]
		}
		if ok {
			return true
		}
	}
	return false
}

// chunkEnd returns the end of the run of capitalised words starting at i.
func (d *doc) chunkEnd(i, end int) int {
	j := i + 1
	for j < end {
		n := d.nameGoesOn(i, j, end)
		if n < 0 {
			break
		}
		j = n
	}
	return j
}

// nameGoesOn returns where the name that starts at i and has reached j
// goes on, past the words at j that still belong to it (a nickname, a
// capitalised word, a particle, "of" in a title, an initial …), or -1
// when it ends at j.
func (d *doc) nameGoesOn(i, j, end int) int {
	t0, t := d.toks[i], d.toks[j]
	if t.kind == tMark && t.fl&fOpen != 0 && t0.span < 0 {
		if n := d.nicknameEnd(j); n > 0 && d.toks[n].sent == t0.sent {
			return n // a nickname between names: Danny ‘Tank’ Marby
		}
	}
	if t.sent != t0.sent || t.span != t0.span || t.s > d.toks[j-1].e+1 && !d.oneSpace(int(d.toks[j-1].e), int(t.s)) {
		return -1 // another sentence or quotation, or more than a space between
	}
	if d.toks[j-1].fl&fPossessive != 0 {
		switch strings.TrimSuffix(strings.TrimSuffix(d.low(j-1), "'s"), "’s") {
		case "people", "women", "children", "men":
			// "the People's Freedom Movement", "Children's Hospital":
			// inside a name, when a capitalised word follows.
			if isCapWord(d, j) {
				return j + 1
			}
		}
		return -1
	}
	if t.kind == tMark && t.fl&(fOpen|fClose) == 0 && t.s == d.toks[j-1].e && isApostrophe(rune(t.r)) && isCapWord(d, j+1) && runeBefore(d.body, int(t.s)) == 's' {
		return j + 1 // "the Rail Drivers’ Union"
	}
	if isCapWord(d, j) {
		if calendarWord(d.low(j)) || d.headlineVerb(j) {
			// "Harkin on Wednesday", but "Night Market" stays one name;
			// "Dale Krupp Refuses To …", "Harkin Is …": a headline's verb
			// ends the name.
			return -1
		}
		return j + 1
	}
	if d.articleName(j) {
		return j + 1 // "Yahya al-Mahdi"
	}
	if t.kind == tWord && d.has(j, wParticle) && d.has(j+1, wParticle) && isCapWord(d, j+2) && d.toks[j+2].sent == t0.sent {
		return j + 3 // "Joost van der Kamp"
	}
	if t.kind == tWord && isCapWord(d, j+1) && d.toks[j+1].s == t.e+1 {
		w := d.low(j)
		switch {
		case d.has(j, wParticle):
			return j + 2
		case (w == "of" || w == "for" || w == "on") && d.has(j-1, wTitle|wOrgWord|wHonorific) && !d.has(j+1, wTime):
			return j + 2
		case w == "and" || w == "&":
			// Inside an organisation's name: Nursing and Midwifery Council.
			k := j + 1
			for k < end && isCapWord(d, k) && d.toks[k].sent == t0.sent {
				k++
			}
			if d.has(k-1, wOrgWord) && !d.has(j-1, wGiven) && d.personNamed(d.low(j-1)) < 0 {
				return k // not "Wenmere and Branmore Records" after Noor Wenmere
			}
		}
	}
	if t.kind != tPunct {
		return -1
	}
	switch {
	case t.r == '.' && t.s == d.toks[j-1].e && isCapWord(d, j+1) && d.toks[j-1].e-d.toks[j-1].s == 1 && (j-1 > i || d.leadingInitial(j+1)):
		return j + 1 // a middle initial: "Harold W. Wenley"; a first: "J. Walter Cormere"
	case t.r == '.' && t.s == d.toks[j-1].e && d.has(j-1, wHonorific|wTitle) && d.has(j-1, wAbbrev) && isCapWord(d, j+1):
		return j + 1 // "Ms. Kelmere", "Gov. Newsom"
	case t.r == '&' && isCapWord(d, j+1):
		return j + 2
	case t.r == '.' && t.s == d.toks[j-1].e && (d.is(j-1, "st") || d.is(j-1, "ft") || d.is(j-1, "mt")) && isCapWord(d, j+1) && d.toks[j+1].sent == t0.sent:
		return j + 1 // "St. Paul City Council", "Ft. Worth"
	}
	return -1
}

// nicknameEnd returns the word after a nickname in quotation marks that
// opens at j between two names — Danny ‘Tank’ Marby, Ramon “Mon” dela
// Cruz — or 0 when the marks hold no nickname.
func (d *doc) nicknameEnd(j int) int {
	sp := d.spans[d.toks[j].span]
	next := sp.close + 1
	if d.has(next, wParticle) && d.toks[next].fl&fLower != 0 {
		next++ // Ramon “Mon” dela Cruz
	}
	if sp.close <= j || sp.close > j+3 || !isCapWord(d, next) {
		return 0
	}
	for k := j + 1; k < sp.close; k++ {
		if !isCapWord(d, k) {
			return 0
		}
	}
	return next
}

// leadingInitial reports whether the name that starts at k, after an
// initial, goes on as a name: "C. Stewart Vandry", "J. Walter Cormere", not
// "Plan B. Then".
func (d *doc) leadingInitial(k int) bool {
	if d.has(k, wGiven) && isCapWord(d, k+1) {
		return true
	}
	if d.toks[k].e-d.toks[k].s == 1 && d.toks[k].fl&fCap != 0 && d.punct(k+1, '.') && d.toks[k+1].s == d.toks[k].e && isCapWord(d, k+2) {
		return true // "J. J. Pryce": a second initial
	}
	if isCapWord(d, k+1) && d.toks[k+1].s == d.toks[k].e+1 && d.toks[k+1].sent == d.toks[k].sent && !d.has(k, wCue|wPron|wDet) {
		return true
	}
	// "R. Selvadurai, 58, said", "K. Arumugam said": an initial and a
	// surname alone, set off or speaking.
	if isCapWord(d, k) && d.toks[k].fl&fAllCaps == 0 && !d.has(k, wCue|wPron|wDet|wPrep|wConj|wIntro|wTime|wStop|wPlace) {
		_, _, n := d.cueAt(k + 1)
		return d.punct(k+1, ',') || n > 0
	}
	return false
}

// afterHonorific reports whether the word at k follows Mr, Ms, Mrs or the
// like, which makes it a surname whatever else it means: "Ms. Boxer",
// "Mr. Judge".
func (d *doc) afterHonorific(k int) bool {
	p := k - 1
	if d.punct(p, '.') {
		p--
	}
	return p >= 0 && d.has(p, wHonorific) && d.lx(p).gender != genderUnknown
}

// initialAt reports whether token k is the full stop of an initial:
// "Peter T. King".
func (d *doc) initialAt(k int) bool {
	return d.punct(k, '.') && k > 0 && d.toks[k-1].kind == tWord && d.toks[k-1].e-d.toks[k-1].s == 1 && d.toks[k-1].fl&fCap != 0 && d.toks[k-1].e == d.toks[k].s
}

// headlineSentence reports whether sentence si reads as a headline: at
// least minHeadlineWords+1 words, four in five of them capitalised
// (stricter than titleCase: "J. Walter Pell agreed." is no headline).
func (d *doc) headlineSentence(si int) bool {
	words, caps := d.capitals(si)
	return words > minHeadlineWords && caps*5 >= words*4
}

// minHeadlineWords is the fewest words a line needs to be taken for a
// headline by its capitals alone; shorter lines are names and labels.
const minHeadlineWords = 4

// headlineLine reports whether paragraph pi is a headline: one sentence in
// title case with no full stop at its end — "Nina Vale Endorses Ed
// Harkin", a link to another story set between paragraphs. A list of names in
// a sentence keeps its full stop.
func (d *doc) headlineLine(pi int) bool {
	p := d.paras[pi]
	if p.t1 <= p.t0 {
		return false
	}
	si := int(d.toks[p.t0].sent)
	if d.sents[si].t1 < p.t1 {
		return false // more than one sentence
	}
	last := d.toks[p.t1-1]
	if last.kind == tPunct && (last.r == '.' || last.r == '!' || last.r == '?' || last.r == ':') || last.kind == tMark {
		// A full stop ends a sentence (a first line in title case may be
		// news: "Former Secretary of State Maren Nesthorpe toured Iowa."),
		// unless every word is capitalised, small words too: "Dale Krupp
		// Receives More Bad News After Separation From Wife."
		if !(last.kind == tPunct && last.r == '.' && pi == 0 && d.strictTitle(p.t0, p.t1)) {
			return false
		}
	}
	words := 0
	for k := p.t0; k < p.t1; k++ {
		if d.toks[k].span >= 0 {
			return false // a quotation: a sentence, not a headline
		}
		if d.toks[k].kind == tWord {
			words++
		}
	}
	return words >= minHeadlineWords && d.titleCase(si)
}

// strictTitle reports whether every word of [a, b) of four letters or
// more is capitalised and at least one capitalised word after the first
// is a verb or function word, which a run of names would not hold.
func (d *doc) strictTitle(a, b int) bool {
	small := false
	for k := a; k < b; k++ {
		t := &d.toks[k]
		if t.kind != tWord {
			continue
		}
		if t.fl&fLower != 0 && t.e-t.s >= 4 {
			return false
		}
		if k > a && t.fl&fCap != 0 && d.has(k, wPrep|wConj|wAux|wCue|wStop) {
			small = true
		}
	}
	return small
}

// headlineVerb reports whether the capitalised word at j, in a sentence
// written in title case as headlines are, is a verb or function word that
// a name cannot hold: "Refuses", "Is", "Says", "To".
func (d *doc) headlineVerb(j int) bool {
	if d.toks[j].fl&fAllCaps != 0 || !d.has(j, wCue|wAux|wPron|wConj) || d.has(j, wGiven|wTitle|wOrgWord|wPlace|wRole) {
		return false
	}
	return d.titleCase(int(d.toks[j].sent))
}

// articleName reports whether the word at i is a surname with an Arabic
// article, written in lower case: "al-Mahdi", "el-Sayed", "bin-Laden".
func (d *doc) articleName(i int) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].kind != tWord || d.toks[i].fl&fLower == 0 {
		return false
	}
	w := d.text(i)
	if len(w) < 4 || (w[0] != 'a' && w[0] != 'e' && w[0] != 'b' && w[0] != 'i') || w[2] != '-' && w[3] != '-' {
		return false
	}
	for _, p := range [...]string{"al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "ar-", "an-", "bin-", "ibn-", "abu-"} {
		if len(w) > len(p) && w[:len(p)] == p && w[len(p)] >= 'A' && w[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}

// dropWord reports whether a capitalised word is an ordinary word that is
// capitalised only because it starts a sentence (or is "The" before a name).
func (d *doc) dropWord(i int) bool {
	if d.surnameHe(i) {
		return false
	}
	if strings.HasSuffix(d.low(i), "n't") {
		return true // "Don’t voters run the risk": a verb, not Don
	}
	if t := d.text(i); strings.Contains(t, "-") {
		if r := t[strings.LastIndexByte(t, '-')+1:]; r != "" && 'a' <= r[0] && r[0] <= 'z' {
			return true // "board-led", "Vantner-style", "T-shirt": an adjective or a noun, no name
		}
	}
	lx := d.lx(i)
	if lx.flags&(wDet|wPron|wConj|wStop) != 0 && lx.flags&(wGiven|wPlace|wHonorific) == 0 {
		if d.toks[i].fl&fAllCaps == 0 || len(d.low(i)) > 1 {
			return true
		}
	}
	if lx.flags&wTime != 0 && lx.flags&wGiven == 0 {
		return !d.monthAsGiven(i)
	}
	if !d.sentenceInitial(i) {
		return false
	}
	switch d.low(i) {
	case "given", "granted", "provided", "considering", "regarding", "concerning", "following", "including", "barring", "pending", "despite":
		return true // "Given his past comments, …": a preposition, no name
	}
	if lx.flags&(wGiven|wPlace|wDemonym|wHonorific|wTitle) != 0 {
		return false
	}
	if lx.flags&(wPrep|wAux|wCue|wRole|wOrgNoun|wGroupNoun|wPersonNoun|wIntro|wSpeechNoun|wNaming) != 0 {
		return true
	}
	if d.toks[i].fl&fAllCaps != 0 {
		return false
	}
	w := d.low(i)
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") {
		// Unless the text capitalises it mid-sentence too ("the delivery app
		// Swiftly … Swiftly declined"), or a name goes on after it ("Orly
		// Ben-Tov").
		return !d.seenCapital(w) && !(isCapWord(d, i+1) && d.toks[i+1].s == d.toks[i].e+1 && !d.has(i+1, wPrep|wDet))
	}
	// "Climate Action Network" keeps its first word.
	if isCapWord(d, i+1) {
		return false
	}
	if d.seenLower(w) {
		return d.personNamed(w) < 0 // not "Small, who attended", after Ed Small
	}
	// A capitalised opening word never written so inside a sentence and no
	// one's name: "Therefore, it …", "Back in 1999", "Corporate lobbyists
	// say", "Will the senators …". Not "Tobbin said", "Tobbin, 52,".
	if d.seenCapital(w) || d.personNamed(w) >= 0 {
		return false
	}
	n := i + 1
	switch {
	case d.punct(n, ','):
		return d.has(n+1, wPron|wIntro) && !d.has(n+1, wDet)
	case n < len(d.toks) && d.toks[n].kind == tWord && d.toks[n].fl&fLower != 0:
		if d.is(n, "of") || d.is(n, "from") || d.has(n, wCue|wAux) {
			return false // "Tobbin of the union said"
		}
		return d.has(n, wPrep|wDet|wGroupNoun) || d.plural(n) >= 0
	}
	return false
}

func (d *doc) sentenceInitial(i int) bool {
	if d.toks[i].fl&fParaStart != 0 {
		return true
	}
	if i == 0 {
		return true
	}
	k := i - 1
	for k >= 0 && (d.toks[k].kind == tMark || d.toks[k].kind == tPunct && (d.toks[k].r == '(' || d.toks[k].r == '[' || isDash(rune(d.toks[k].r)))) {
		if d.toks[k].fl&fParaStart != 0 {
			return true
		}
		k--
	}
	if k < 0 {
		return true
	}
	if d.toks[k].sent != d.toks[i].sent {
		return true
	}
	if k+1 < i && isDash(rune(d.toks[k+1].r)) && (d.toks[k].fl&fAllCaps != 0 || d.punct(k, ')') && d.toks[k+1].kind == tPunct) {
		return true // after a dateline: "SINGAPORE – Property developer …", "BONN (AP) — Negotiators …"
	}
	t := d.toks[k]
	return t.kind == tPunct && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == ':' || t.r == '…')
}

// seenCapital reports whether w is written capitalised somewhere inside a
// sentence, as a name is. The first call collects those words.
func (d *doc) seenCapital(w string) bool {
	if !d.capital.built {
		d.capital.build(d, func(t *token, k int) bool {
			return t.fl&fCap != 0 && t.fl&fAllCaps == 0 && !d.sentenceInitial(k)
		})
	}
	return d.capital.has(w)
}

// seenLower reports whether the word appears in lower case somewhere in the
// text. The first call collects those words.
func (d *doc) seenLower(w string) bool {
	if !d.lowers.built {
		d.lowers.build(d, func(t *token, _ int) bool { return t.fl&fLower != 0 })
	}
	return d.lowers.has(w)
}

// wordSetMax is the most tokens a text may have for its word sets to be
// open-addressing tables of hashes, sized by its tokens; past it they are
// maps, which grow with its distinct words instead. The tables pay on
// ordinary articles (BenchmarkBrief ran about 6% slower with maps) and
// would cost tens of megabytes on a long one.
const wordSetMax = 1 << 16

// wordSet is a set of the lower-case forms of some of a text's words.
type wordSet struct {
	built  bool
	hashes []uint64            // hashString of each word, 0 for an empty slot
	words  map[string]struct{} // for texts past wordSetMax tokens
}

func (ws *wordSet) reset() {
	ws.built = false
	ws.hashes = ws.hashes[:0]
	ws.words = nil
}

// build puts in the set every word token k of d for which keep is true.
func (ws *wordSet) build(d *doc, keep func(t *token, k int) bool) {
	ws.built = true
	if len(d.toks) > wordSetMax {
		ws.words = make(map[string]struct{})
		for k := range d.toks {
			if t := &d.toks[k]; t.kind == tWord && keep(t, k) {
				ws.words[d.low(k)] = struct{}{}
			}
		}
		return
	}
	n := 64
	for n < 2*len(d.toks) {
		n *= 2
	}
	ws.hashes = slices.Grow(ws.hashes[:0], n)[:n]
	clear(ws.hashes)
	for k := range d.toks {
		if t := &d.toks[k]; t.kind == tWord && keep(t, k) {
			h := hashString(d.low(k))
			for i := h & uint64(n-1); ; i = (i + 1) & uint64(n-1) {
				if ws.hashes[i] == 0 || ws.hashes[i] == h {
					ws.hashes[i] = h
					break
				}
			}
		}
	}
}

func (ws *wordSet) has(w string) bool {
	if ws.words != nil {
		_, ok := ws.words[w]
		return ok
	}
	n := uint64(len(ws.hashes))
	h := hashString(w)
	for i := h & (n - 1); ; i = (i + 1) & (n - 1) {
		switch ws.hashes[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// chunk reads the capitalised run [a, b): a title, a person's name, an
// organisation or places.
func (d *doc) chunk(a, b int) {
	if b == a+1 && d.loneWordNoName(a) {
		return
	}
	// Leading words that never start a name: The, Thursday.
	for a < b && !d.placeStarts(a) && (d.has(a, wDet|wTime|wAux) && !d.has(a, wGiven|wPlace) && !d.monthAsGiven(a) || d.dropWordInside(a) ||
		b > a+1 && calendarWord(d.low(a)) && a > 0 && datePrep[d.low(a-1)]) { // "In April Delorne said": the month, then the name
		a++
	}
	if a >= b || d.titleOrDateline(a, b) {
		return
	}
	// Letters after a name are no part of it: "Judge Rebecca Nesshaw KC".
	for b-a > 1 && postNominal(d.low(b-1)) {
		b--
	}
	n0 := d.nameRunStart(a, b)
	m := mention{c0: a, c1: b, n0: n0, n1: b, sent: int(d.toks[a].sent), inQuote: d.toks[a].span >= 0, ent: -1}
	if !d.classifyChunk(&m) {
		return
	}
	// Places inside a title: "Germany" in "Germany’s defence minister" is a
	// separate chunk; "US" in "US Secretary of Defense" is not.
	for k := a; k < m.n0; k++ {
		if d.has(k, wPlace|wDemonym) && !d.has(k, wHonorific|wTitle) {
			d.addPlace(k, k+1, d.lx(k).place, m.sent, m.inQuote)
		}
	}
	m.modifier = d.modifierAt(b)
	if d.toks[b-1].fl&fPossessive != 0 && !d.contractedHas(b) {
		m.modifier = true
	}
	d.addMention(m)
}

// loneWordNoName reports whether the one capitalised word at a names no
// one, and records it as a place when it is a state as AP writes it.
func (d *doc) loneWordNoName(a int) bool {
	b := a + 1
	if d.partyTag(a) {
		return true // "D-Ore.": a senator's party and state
	}
	if partyWord(d.low(a)) && a+1 < len(d.toks) && d.toks[a+1].kind == tWord && d.toks[a+1].fl&fLower != 0 {
		return true // "the Democratic front-runner": a party's adjective, no one
	}
	if d.punct(a-1, ',') && d.punct(b, '.') && d.toks[b].s == d.toks[a].e {
		// "Dunmore, Calif.", "Carrow, Va.,": a state as AP writes it.
		if st, ok := usStates()[d.low(a)]; ok && st != d.low(a) {
			d.addPlace(a, b, stateName(st), int(d.toks[a].sent), d.toks[a].span >= 0)
			return true
		}
	}
	if d.is(a, "may") && d.personNamed("may") < 0 {
		return true // "May said": the month, unless someone named May was met
	}
	if foreignArticle(d.low(a)) && d.toks[a].fl&fCap != 0 && a+1 < len(d.toks) && d.toks[a+1].kind == tWord && d.toks[a+1].fl&fLower != 0 {
		return true // "Le député Paul Varne": an article before a title, no name
	}
	if calendarWord(d.low(a)) && (d.has(a-1, wPrep) || a+1 < len(d.toks) && d.toks[a+1].kind == tNum) {
		return true // "from April", "April 3": a month, not a woman
	}
	return false
}

// placeIn returns how many words of the run [k, b) from k make a place
// of several words (New York, United States), and its name; else 0.
func (d *doc) placeIn(k, b int) (int, string) {
	if k >= b {
		return 0, ""
	}
	for _, mp := range multiPlaces[d.low(k)] {
		if k+len(mp.words) > b {
			continue
		}
		ok := true
		for x, w := range mp.words {
			lw := d.low(k + x)
			if d.toks[k+x].fl&fPossessive != 0 {
				lw = strings.TrimSuffix(lw, "'s")
			}
			if lw != w {
				ok = false
				break
			}
		}
		if ok {
			return len(mp.words), mp.canonical
		}
	}
	return 0, ""
}

// titleOrDateline reports whether the run [a, b) is a title, not a name,
// or a dateline in capitals (recorded as a place when the lexicon knows it).
func (d *doc) titleOrDateline(a, b int) bool {
	// A run that ends in a role noun is a title, not a name: "The Police
	// Public Relations Officer in the state, SP Yakubu Quinstad".
	if d.has(b-1, wRole|wTitle) && !d.has(b-1, wGiven|wOrgWord) && d.toks[b-1].fl&fAllCaps == 0 && !d.afterHonorific(b-1) && !(b-a >= 2 && (d.has(b-2, wGiven) && !d.has(b-2, wRole|wTitle) || d.initialAt(b-2))) && !d.titleAsSurname(a, b) || d.is(b-1, "opposition") && b-a > 1 {
		return true // "Leader of the Opposition" too
	}
	// A dateline in capitals opening the story, of a place the lexicon does
	// not know: "CEBU CITY, Philippines —" (SACRAMENTO is a place, and a topic).
	if d.toks[a].fl&fParaStart != 0 && d.toks[a].fl&fAllCaps != 0 && !(b == a+1 && d.has(a, wPlace)) && !d.placeStarts(a) && d.toks[b-1].fl&fAllCaps != 0 && b-a <= 3 && d.sents[d.toks[a].sent].para == 0 &&
		(d.punct(b, ',') || b < len(d.toks) && d.toks[b].kind == tPunct && isDash(rune(d.toks[b].r))) {
		return true
	}
	// A place in capitals, as a dateline writes it: "CEBU CITY", "NEW YORK".
	if d.toks[a].fl&fAllCaps != 0 && d.toks[b-1].fl&fAllCaps != 0 {
		if n, c := d.placeIn(a, b); n == b-a {
			d.addPlace(a, b, c, int(d.toks[a].sent), d.toks[a].span >= 0)
			return true
		}
	}
	return false
}

// nameRunStart returns where a person's name would start in the run
// [a, b): the run of name words at its end.
func (d *doc) nameRunStart(a, b int) int {
	n0 := b
	for n0 > a && !(d.has(n0-1, wRole) && !d.has(n0-1, wGiven) && d.has(n0, wGiven)) && (d.nameWord(n0-1) || d.toks[n0-1].span != d.toks[b-1].span ||
		d.punct(n0-1, '.') && n0-2 >= a && d.toks[n0-2].e-d.toks[n0-2].s == 1 && d.toks[n0-2].e == d.toks[n0-1].s ||
		d.has(n0-1, wPlace) && n0-2 >= a && d.has(n0-2, wGiven) && d.toks[n0-2].fl&fAllCaps == 0 ||
		n0 == b && n0-2 >= a && d.has(n0-1, wTitle|wHonorific) && d.toks[n0-1].fl&fAllCaps == 0 && (d.has(n0-2, wGiven) && !d.has(n0-2, wTitle|wHonorific) || d.initialAt(n0-2))) {
		// A role before a given name ends the name ("Ledger
		// Editor-in-Chief Paul Earl"); a nickname in quotation marks
		// stays inside the name; so does
		// "Lima" in "Ana Lima", and a title word as a surname after a given
		// name or an initial: "Martin Baron", "Peter T. King"
		n0--
	}
	if n0 < b {
		if n, _ := d.placeIn(n0, b); n > 0 && n0+n == b {
			n0 = b // the tail is a place: "New York"
		}
	}
	for n0 < b-1 && d.has(n0, wRole) && !d.has(n0, wGiven) {
		n0++ // "Chef Rosa Alvarez": a role written like a title
	}
	return n0
}

// classifyChunk sets the kind of mention m — a person, a body or one
// word that may be anything — and where its name starts. A run of places,
// demonyms and titles only is recorded as places, and classifyChunk
// reports false: no mention.
func (d *doc) classifyChunk(m *mention) bool {
	a, b, n0 := m.c0, m.c1, m.n0
	sent, inQuote := m.sent, m.inQuote
	hasTitle := false
	hasOrg := false
	for k := a; k < n0; k++ {
		if d.has(k, wTitle|wHonorific|wRoleAcronym|wRole) && !d.has(k, wOrgWord) {
			hasTitle = true
		}
		if d.has(k, wOrgWord) {
			hasOrg = true
		}
	}
	if b-a == 2 && n0 == a && !d.has(a+1, wGiven) && d.regionPair(a) {
		d.addPlace(a, b, d.nameText(a, b), sent, inQuote)
		return false
	}
	// "the Norvale Arena", "the magazine Folk Review Monthly": no person.
	theName := (d.is(a-1, "the") || d.has(a-1, wOrgNoun) && (d.toks[a-1].fl&fLower != 0 || d.sentenceInitial(a-1))) && !hasTitle && !d.has(n0, wGiven)
	// "Association of Tourist Apartment Owners", "Union of Concerned
	// Scientists": a body's name, whatever words follow its "of".
	bodyOf := d.has(a, wOrgWord) && !d.has(a, wGiven) && (d.is(a+1, "of") || d.is(a+1, "for")) && n0 < b
	for k := a + 2; bodyOf && k < b; k++ {
		bodyOf = !d.has(k, wGiven)
	}
	switch {
	case bodyOf:
		m.kind = mOrg
		m.n0 = a
	case n0 < b && theName && d.personNamed(d.low(b-1)) < 0:
		m.kind = mOrg
		m.n0 = a
	case n0 < b && !hasTitle && !d.has(n0, wGiven) && d.pluralNoun(b-1) && !d.personAppositive(b):
		// "Calmore Coaches", "Northern Grid Networks": a business, not a person.
		m.kind = mOrg
		m.n0 = a
	case n0 < b:
		d.nameRunKind(m, hasTitle)
	case hasOrg || d.toks[b-1].fl&fAllCaps != 0 && !d.has(b-1, wRoleAcronym|wPlace|wDemonym):
		m.kind = mOrg
		m.n0 = a
		if !hasOrg && b-a > 1 && d.has(a, wPlace|wDemonym) {
			m.n0 = a // "US Senate"
		}
	case b-a == 2 && d.has(a, wGiven) && !d.has(a, wPlace) && d.has(a+1, wDemonym|wPlace) && d.toks[a].fl&fAllCaps == 0:
		// "Peter Danish", "Jack London": a given name and a surname that is
		// also a place's word.
		m.kind = mPerson
		m.n0 = a
	case b == a+1 && d.has(a, wDemonym|wPlace) && d.personNamed(d.low(a)) >= 0:
		m.kind = mPerson // "Danish said", after Peter Danish
		m.n0 = a
	case d.titleAsSurname(a, b):
		m.kind = mPerson // "said Earl", after Paul Earl
		m.n0 = a
	case b-a >= 2 && d.has(b-1, wDemonym|wPlace) && d.afterHonorific(b-1):
		m.kind = mPerson // "Mr. English": an honorific makes the word a surname
		m.n0 = b - 1
	case d.notOnlyPlaces(a, b):
		// "Johannesburg Water", "Bristol Rovers": a place and a word that is
		// neither a place nor a title make a body's name.
		m.kind = mOrg
		m.n0 = a
	default:
		// Places, demonyms and titles only.
		for k := a; k < b; {
			if n, c := d.placeIn(k, b); n > 0 {
				d.addPlace(k, k+n, c, sent, inQuote)
				k += n
				continue
			}
			if d.has(k, wPlace|wDemonym) {
				d.addPlace(k, k+1, d.lx(k).place, sent, inQuote)
			}
			k++
		}
		return false
	}
	return true
}

// regionPair reports whether the two capitalised words at a name a region
// ("East Sussex", "West Midlands") or are a region's adjective ("Middle
// Eastern"), not a person.
func (d *doc) regionPair(a int) bool {
	switch d.low(a) {
	case "east", "west", "north", "south", "northern", "southern", "eastern", "western", "greater", "upper", "lower", "central":
		return true
	}
	switch d.low(a + 1) {
	case "eastern", "western", "northern", "southern":
		return true
	}
	return false
}

// nameRunKind sets the kind of mention m whose name words run from m.n0
// to its end: a person, a body, or one word that may be anything.
func (d *doc) nameRunKind(m *mention, hasTitle bool) {
	a, b, n0 := m.c0, m.c1, m.n0
	single := b-n0 == 1
	switch {
	case !single && !hasTitle && !d.has(n0, wGiven) && clubNames[d.low(b-1)]:
		m.kind = mOrg // "Dunmore United", "Vell Rovers": a sports club
		m.n0 = a
	case !single && !d.has(b-1, wOrgWord), hasTitle, d.has(n0, wGiven) && (!single || d.personNamed(d.low(n0)) >= 0):
		m.kind = mPerson
	case single && d.personNamed(d.low(n0)) >= 0:
		m.kind = mPerson
	case n0 > a && !hasTitle:
		// "Texas Instruments": a place or other word before one unknown word.
		m.kind = mOrg
		m.n0 = a
	case single && d.has(n0, wGiven):
		m.kind = mPerson
	case single && n0 == a && a > 0 && d.toks[a-1].fl&fLower != 0 && d.has(a-1, wRole|wPersonNoun) && !d.has(a-1, wOrgNoun):
		m.kind = mPerson // "His wife Pelwood", "her son Yusuf"
	case single && (d.agedAfter(b) || d.personAppositive(b)):
		m.kind = mPerson // "Gargate, 52, a nurse, said": an age or a person's description
	default:
		m.kind = mUnknown
	}
}

// titleAsSurname: "said Earl", after Paul Earl was named: a title
// word alone, with no article before it, that is a known person's surname.
func (d *doc) titleAsSurname(a, b int) bool {
	if b != a+1 || d.has(a-1, wDet) {
		return false
	}
	p := d.personNamed(d.low(a))
	return p >= 0 && len(d.ents[p].words) > 1 && d.ents[p].words[len(d.ents[p].words)-1] == d.low(a)
}

// contractedHas reports whether the 's before token b stands for "has":
// "Marsh's been making the case", not "Marsh's plan".
func (d *doc) contractedHas(b int) bool {
	switch d.low(b) {
	case "been", "got", "gotten", "never", "already", "always", "long":
		return true
	}
	return false
}

// notOnlyPlaces reports whether the run [a, b) holds a place and also a word
// that is no place, demonym or title.
func (d *doc) notOnlyPlaces(a, b int) bool {
	place, other := false, false
	for k := a; k < b; {
		if n, _ := d.placeIn(k, b); n > 0 {
			place = true
			k += n
			continue
		}
		switch {
		case d.has(k, wPlace|wDemonym):
			place = true
		case d.toks[k].kind == tWord && !d.has(k, wTitle|wHonorific|wRoleAcronym|wDet) && d.toks[k].fl&fAllCaps == 0:
			other = true
		}
		k++
	}
	return place && other
}

// dropWordInside reports whether a word inside a chunk is an ordinary word
// that starts the sentence: "Angry General Service Unit officers".
func (d *doc) dropWordInside(i int) bool {
	return d.sentenceInitial(i) && d.dropWord(i)
}

// nameWord reports whether token k can be part of a personal name.
func (d *doc) nameWord(k int) bool {
	t := &d.toks[k]
	if t.kind != tWord {
		return false
	}
	lx := d.lx(k)
	if lx.flags&wGiven != 0 && t.fl&fAllCaps == 0 {
		return true
	}
	if lx.flags&wParticle != 0 && t.fl&fLower != 0 || d.articleName(k) || d.monthAsGiven(k) {
		return true
	}
	if lx.flags&(wHonorific|wTitle|wOrgWord|wDept|wPlace|wDemonym|wTime|wRoleAcronym|wDet|wPrep|wConj) != 0 {
		return false
	}
	if t.e-t.s == 1 && t.fl&fCap != 0 {
		return true // an initial
	}
	if t.e-t.s == 2 && t.fl&fAllCaps != 0 && lx.flags&(wPlace|wRoleAcronym|wOrgWord|wPron) == 0 && k+1 < len(d.toks) && d.toks[k+1].fl&fCap != 0 && d.toks[k+1].fl&fAllCaps == 0 && d.toks[k+1].s == t.e+1 {
		return true // initials before a surname: "PJ Calford"
	}
	if t.fl&fAllCaps != 0 && t.e-t.s <= 5 {
		return false // an acronym: NATO, RCN
	}
	return t.fl&(fCap|fAllCaps) != 0
}

// modifierAt reports whether the word at k makes the name before it a
// modifier of a noun: "NATO chief", "Facebook whistleblower".
func (d *doc) modifierAt(k int) bool {
	if d.is(k, "state") && strings.HasSuffix(d.low(k-1), "s") && d.toks[k-1].fl&fPossessive == 0 &&
		(d.has(k+1, wPrep) || d.is(k+1, "that") || d.punctAt(k+1) || k+1 < len(d.toks) && d.toks[k+1].kind == tMark) {
		return false // "the Vantorians state in a paper": the verb, not "the Vantorian state"
	}
	// "Nation senior reporter": a role noun within a few lower-case words.
	for j := k; j < k+3 && j < len(d.toks) && d.toks[j].kind == tWord && d.toks[j].fl&fLower != 0; j++ {
		if d.has(j, wRole|wTitle|wOrgNoun) && !d.has(j, wCue|wAux) {
			return true // "NATO chief", "the Var fire service"
		}
		if !d.has(j, wRoleAdj|wDept|wOrgNoun) {
			break // "emergency management controller" goes on; "met union leader" stops
		}
	}
	if k >= len(d.toks) || d.toks[k].kind != tWord || d.toks[k].fl&fLower == 0 {
		return false
	}
	if d.has(k, wCue|wAux|wPrep|wConj|wDet|wPron) && !d.has(k, wRole|wDept) {
		return false
	}
	return d.has(k, wRole|wTitle|wOrgNoun|wDept|wGroupNoun|wPersonNoun|wSpeechNoun) || d.plural(k) >= 0
}

// pluralNoun reports whether token k is the plural of a common noun for a
// trade, body or field ("Coaches", "Networks", "Homes"), which ends the name
// of a business rather than of a person. Surnames such as Williams, whose
// singular is a given name, are not.
func (d *doc) pluralNoun(k int) bool {
	lw := d.low(k)
	n := len(lw)
	if n < 4 || lw[n-1] != 's' || lw[n-2] == 's' || d.has(k, wGiven) {
		return false
	}
	for _, cut := range [...]int{1, 2} {
		if e := lexIndex[lw[:n-cut]]; e != 0 && lexTable[e].flags&(wOrgWord|wOrgNoun|wDept|wRole) != 0 && lexTable[e].flags&wGiven == 0 {
			return true
		}
	}
	return false
}

// plural returns the lexicon entry of a plural noun's singular (attorneys →
// attorney), or -1.
func (d *doc) plural(k int) int {
	lw := d.low(k)
	n := len(lw)
	if n < 4 || lw[n-1] != 's' {
		return -1
	}
	if idx, ok := lexIndex[lw[:n-1]]; ok && lexTable[idx].flags&(wRole|wPersonNoun|wOrgNoun|wTitle) != 0 {
		return int(idx)
	}
	return -1
}

func (d *doc) addPlace(a, b int, canonical string, sent int, inQuote bool) {
	if canonical == "" {
		return
	}
	d.mentions = append(d.mentions, mention{c0: a, c1: b, n0: a, n1: b, kind: mPlace, ent: -1, sent: sent, inQuote: inQuote, place: canonical})
	for k := a; k < b; k++ {
		d.mentionAt[k] = int32(len(d.mentions) - 1)
	}
}

// nameText returns the name of a mention without a final possessive.
func (d *doc) nameText(a, b int) string {
	for k := a; k < b; k++ {
		if d.toks[k].span != d.toks[b-1].span && d.toks[k].kind == tMark && d.toks[k].fl&fOpen != 0 {
			// Leave out a nickname: Calwell “Corford Corford” Kinmore → Calwell Kinmore.
			c := d.spans[d.toks[k].span].close
			if k > a && c+1 < b {
				return d.nameText(a, k) + " " + d.nameText(c+1, b)
			}
		}
	}
	s := d.body[d.toks[a].s:d.toks[b-1].e]
	if d.toks[b-1].fl&fPossessive != 0 && strings.HasSuffix(s, "s") {
		if r, size := utf8.DecodeLastRuneInString(s[:len(s)-1]); isApostrophe(r) {
			s = s[:len(s)-1-size] // "Voss's"; not "Voss" of "Voss' team"
		}
	}
	if strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsSpace(r) }) >= 0 {
		// "Stu\u00a0Penrick" is the same name as "Stu Penrick".
		s = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

func (d *doc) nameWords(a, b int) []string {
	var ws []string
	for k := a; k < b; k++ {
		if d.toks[k].kind != tWord || d.toks[k].span != d.toks[b-1].span {
			continue
		}
		if d.has(k, wParticle) && (d.toks[k].fl&fLower != 0 || k+1 < b && d.capitalParticle(k)) {
			continue // "van der", and "Van der Walt" or "De Vell" opening a sentence
		}
		w := d.low(k)
		if d.toks[k].fl&fPossessive != 0 {
			w = strings.TrimSuffix(w, "'s")
		}
		ws = append(ws, strings.TrimSuffix(w, "."))
	}
	return ws
}

// personNamed returns the most recent person whose name has the word w.
func (d *doc) personNamed(w string) int {
	best := -1
	for _, ci := range d.withWord(w) {
		i := int(ci)
		e := &d.ents[i]
		if e.kind != mPerson || !containsString(e.words, w) {
			continue
		}
		if best < 0 || e.last > d.ents[best].last || e.last == d.ents[best].last && i > best {
			best = i
		}
	}
	return best
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// addMention links a mention to an entity, creating one when it is new.
func (d *doc) addMention(m mention) {
	words := d.nameWords(m.n0, m.n1)
	if len(words) == 0 {
		return
	}
	name := d.nameText(m.n0, m.n1)
	g := d.genderOf(m)
	lone := m.n1-m.n0 == 1 && m.c0 == m.n0 // a lone word's sex is the given name's guess
	best := d.entityFor(&m, words, name, g)
	d.noteMention(best, m, words, name, g, lone)
	m.ent = best
	d.mentions = append(d.mentions, m)
	for k := m.c0; k < m.c1; k++ {
		d.mentionAt[k] = int32(len(d.mentions) - 1)
	}
	d.roleOf(len(d.mentions) - 1)
	e := &d.ents[best]
	if e.kind == mPerson && e.gender == genderUnknown {
		for _, w := range e.roleWord {
			if i, ok := lexIndex[w]; ok && lexTable[i].flags&wRole != 0 && lexTable[i].gender != genderUnknown {
				e.gender = lexTable[i].gender // "her son, Morvale Jun Linwell"
				break
			}
		}
	}
	// "Royal College of Nursing (RCN)": the acronym in brackets names the same body.
	if e.kind == mOrg && d.punct(m.c1, '(') && m.c1+2 < len(d.toks) && d.toks[m.c1+1].fl&fAllCaps != 0 && d.punct(m.c1+2, ')') {
		e.acronym = d.text(m.c1 + 1)
		d.addEntityKey(best, e.acronym)
	}
}

// entityFor returns the entity mention m names — one met before under
// another form of the name, or a new one — and may settle m's kind.
func (d *doc) entityFor(m *mention, words []string, name string, g int8) int {
	best := -1
	lone := m.n1-m.n0 == 1 && m.c0 == m.n0
	if alias := d.knownAs(*m); alias >= 0 {
		// "Aleksander, 34, known to everyone as Kelvale": another name for him.
		best, m.kind = alias, mPerson
	}
	switch {
	case best >= 0:
	case m.kind == mPerson || m.kind == mUnknown:
		if lone {
			best = d.personFor(m, words, name, genderUnknown) // "Scott" after "Maren Scott"
		} else {
			best = d.personFor(m, words, name, g)
		}
	case m.kind == mOrg:
		best = d.bodyFor(words, name)
	}
	if best < 0 {
		e := entity{name: name, words: words, kind: m.kind, headline: len(words) > 2 && d.headlineSentence(m.sent)}
		if m.kind == mOrg || m.kind == mUnknown {
			e.acronym = acronymOf(name)
			if d.toks[m.n0].fl&fAllCaps != 0 && m.n1-m.n0 == 1 {
				e.acronym = strings.ToUpper(strings.TrimSuffix(name, "."))
			}
		}
		d.ents = append(d.ents, e)
		best = len(d.ents) - 1
	}
	return best
}

// noteMention records on entity best what mention m tells of it: a
// fuller name, whether it is a thing or a place, where it is named
// outside quotations and as a source, its forms and titles, and its sex.
func (d *doc) noteMention(best int, m mention, words []string, name string, g int8, lone bool) {
	e := &d.ents[best]
	if m.kind == mPerson && e.kind == mUnknown {
		e.kind = mPerson
	}
	if k := m.c0 - 1; d.is(k, "the") || d.is(k, "a") || d.is(k, "an") || k > 0 && d.toks[k].kind == tWord && d.has(k-1, wDet) && d.toks[k].fl&fLower != 0 {
		e.thing = true // "the Lumo", "The original Lumo"
	}
	switch inHeadline := d.headlineSentence(m.sent); {
	case e.headline && !inHeadline:
		// "Dana Pruitt Backs Reform Bill …" then "Dana Pruitt said": the
		// body's form is the name.
		e.name, e.words, e.headline = name, words, false
		if best < d.entIndexed {
			d.indexEntity(best)
		}
	case len(words) > len(e.words) && subset(e.words, words) && (e.headline || !inHeadline):
		e.name, e.words = name, words
		if best < d.entIndexed {
			d.indexEntity(best)
		}
	}
	e.last = m.sent
	if inPlace := d.afterLocative(m.c0) && d.toks[m.c1-1].fl&fPossessive == 0; len(e.forms) == 0 {
		e.placeLike = inPlace
	} else if !inPlace {
		e.placeLike = false
	}
	if !m.modifier {
		e.head = true
	}
	if !m.inQuote {
		e.outside = true
		if n := len(e.sents); n == 0 || e.sents[n-1] != int32(m.sent) {
			e.sents = append(e.sents, int32(m.sent))
		}
		// A body named as the source of a report: "according to The Independent".
		k := m.c0 - 1
		if d.is(k, "the") {
			k--
		}
		if d.is(k, "to") && d.is(k-1, "according") {
			e.source = true
		}
		// Or as an analyst's employer: "an analyst at Fenwick & Vance",
		// "strategists at Torcombe Bay Securities". It is not the company
		// the story is about.
		if (d.is(k, "at") || d.is(k, "with") || d.is(k, "from")) && k > 0 && analystNouns[d.low(k-1)] {
			e.source = true
		}
	}
	if !containsString(e.forms, name) {
		e.forms = append(e.forms, name)
		d.addEntityKey(best, name)
	}
	for k := m.c0; k < m.n0; k++ {
		if t := d.titleAt(k); t != "" && !containsString(e.titles, t) {
			e.titles = append(e.titles, t)
		}
	}
	switch {
	case e.kind != mPerson || g == genderUnknown:
	case e.gender == genderUnknown:
		e.gender, e.guessed = g, lone
	case e.guessed && !lone:
		e.gender, e.guessed = g, false // "Scott", then "Maren Scott"
	}
}

// personFor returns the person (or body) a name of a person, or of one
// that may be a person, refers to: the latest one whose name contains it
// or that it contains, of no other sex; -1 for someone new. It may settle
// the mention's kind.
func (d *doc) personFor(m *mention, words []string, name string, g int8) int {
	best, short := -1, -1
	up := ""
	for _, ci := range d.candidates(words) {
		i := int(ci)
		e := &d.ents[i]
		if e.kind == mOrg && g == genderUnknown && d.orgShortForm(words, e.words) {
			short = i // "Quay Ridgeline" after "Quay Ridgeline Bancorp", unless a person has the name
			continue
		}
		if e.kind != mPerson && e.kind != mUnknown && !(m.kind == mUnknown && e.kind == mOrg) {
			continue
		}
		if g != genderUnknown && e.gender != genderUnknown && e.gender != g && !(e.guessed && len(words) > len(e.words)) {
			continue // "Ms. Kelmere" is not Patrick Kelmere
		}
		match := subset(words, e.words) || e.kind == mPerson && m.kind == mPerson && subset(e.words, words) && !d.hasGiven(words, e.words) ||
			e.kind == mPerson && len(words) == 1 && containsString(e.forms, name) || // a nickname given before: "Kelvale"
			d.surnameFirst(m, words, e)
		if e.kind == mOrg {
			if up == "" {
				up = strings.ToUpper(name)
			}
			match = strings.EqualFold(e.name, name) || e.acronym != "" && e.acronym == up
		}
		if !match {
			continue
		}
		if best >= 0 && len(words) == 1 && e.kind == mPerson && d.ents[best].kind == mPerson {
			// A surname shared by two people.
			if p := d.preferNamesake(*m, name, &d.ents[best], e); p != 0 {
				if p > 0 {
					best = i
				}
				continue
			}
		}
		if best < 0 || e.last >= d.ents[best].last {
			best = i
		}
	}
	if best < 0 || short >= 0 && d.ents[best].kind != mPerson {
		best = short // "Vantner said" is Rolf Vantner's, not Vantner Academy's
	}
	if m.kind == mUnknown && best >= 0 && d.ents[best].kind == mPerson {
		m.kind = mPerson
	}
	if best >= 0 && d.ents[best].kind == mOrg {
		m.kind = mOrg
	}
	return best
}

// surnameFirst: "Halvorsen-Pike pillories …", then "Speaker Inga
// Halvorsen-Pike": a lone word first taken for nothing in particular is the
// surname of the person named in full later.
func (d *doc) surnameFirst(m *mention, words []string, e *entity) bool {
	return m.kind == mPerson && e.kind == mUnknown && !e.thing && len(e.words) == 1 && len(words) > 1 && words[len(words)-1] == e.words[0]
}

// bodyFor returns the body a body's name refers to: the same name, a form
// or acronym of it, or its short form; -1 for a new one. A body first
// taken for a person ("Quay Ridgeline shares sink") becomes a body.
func (d *doc) bodyFor(words []string, name string) int {
	best := -1
	up := strings.ToUpper(name)
	for _, ci := range d.candidates(words) {
		i := int(ci)
		e := &d.ents[i]
		if e.kind == mPerson {
			// A body first named short, as a headline does, taken for
			// a person: "Quay Ridgeline shares sink", then "Quay Ridgeline
			// Bancorp".
			if e.gender == genderUnknown && d.orgShortForm(e.words, words) {
				e.kind = mOrg
				best = i
			}
			continue
		}
		if strings.EqualFold(e.name, name) || containsString(e.forms, name) || e.acronym != "" && e.acronym == up ||
			len(words) == 1 && acronymOf(name) == "" && e.acronym == up ||
			e.gender == genderUnknown && (d.orgShortForm(e.words, words) || d.orgShortForm(words, e.words)) {
			best = i
		}
	}
	return best
}

// knownAs returns the person a name is given as another name for —
// "Aleksander, 34, known to everyone as Kelvale", "Dolores, known as Corford" —
// the last person named before it in the sentence, or -1.
func (d *doc) knownAs(m mention) int {
	k := m.c0 - 1
	if !d.is(k, "as") {
		return -1
	}
	known := false
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if d.is(j, "known") || d.is(j, "nicknamed") || d.is(j, "called") {
			known = true
			break
		}
	}
	if !known {
		return -1
	}
	for i := len(d.mentions) - 1; i >= 0 && d.mentions[i].sent == m.sent; i-- {
		if mm := d.mentions[i]; mm.kind == mPerson && mm.ent >= 0 && mm.c1 <= k {
			return mm.ent
		}
	}
	return -1
}

// preferNamesake chooses between two people a bare surname fits: 1 for b,
// -1 for a, 0 for no preference (then the one named last is meant).
//
//   - "Dr Marby" is the one introduced as Dr, not the Professor.
//   - The one the text has already called by the surname alone ("Corthorpe" the
//     stationmaster, not Yui Corthorpe), unless "the younger" marks a change.
//   - Not a relative introduced as such: after "her husband, Frank
//     Norfield", "Norfield" is still the woman the story is about;
//     the husband is called Frank.
func (d *doc) preferNamesake(m mention, name string, a, b *entity) int {
	for k := m.c0; k < m.n0; k++ {
		if t := d.titleAt(k); t != "" {
			if at, bt := containsString(a.titles, t), containsString(b.titles, t); at != bt {
				if bt {
					return 1
				}
				return -1
			}
		}
	}
	if !d.is(m.c0-1, "younger") && !d.is(m.c0-1, "elder") && !d.is(m.c0-1, "older") {
		if af, bf := containsString(a.forms, name), containsString(b.forms, name); af != bf {
			if bf {
				return 1
			}
			return -1
		}
	}
	if ak, bk := a.kin, b.kin; ak != bk {
		if ak {
			return 1
		}
		return -1
	}
	return 0
}

// afterLocative reports whether the name at c follows a preposition of
// place: "in Vell Harbor", "at Dunmore".
func (d *doc) afterLocative(c int) bool {
	switch d.low(c - 1) {
	case "in", "at", "near", "outside", "inside":
		return d.toks[c-1].fl&fLower != 0
	}
	return false
}

// titleAt returns the title or honorific at k, one spelling for each:
// "Dr." and "Doctor" are "doctor"; "" when there is none.
func (d *doc) titleAt(k int) string {
	if !d.has(k, wTitle|wHonorific) {
		return ""
	}
	t := strings.TrimSuffix(d.low(k), ".")
	switch t {
	case "dr":
		return "doctor"
	case "prof":
		return "professor"
	}
	return t
}

var kinship = map[string]bool{
	"husband": true, "wife": true, "son": true, "daughter": true, "mother": true, "father": true,
	"brother": true, "sister": true, "partner": true, "widow": true, "widower": true,
	"grandson": true, "granddaughter": true, "grandmother": true, "grandfather": true,
	"uncle": true, "aunt": true, "nephew": true, "niece": true, "cousin": true,
	"stepfather": true, "stepmother": true, "fiance": true, "fiancee": true, "fiancé": true, "fiancée": true,
}

// orgShortForm reports whether short is an organisation's name without
// its last words ("Quay Ridgeline" for "Quay Ridgeline Bancorp"), as a person's
// name never is: it starts the same, and has no given name.
func (d *doc) orgShortForm(short, org []string) bool {
	if len(short) == 0 || len(short) >= len(org) {
		return false
	}
	for i, w := range short {
		if w != org[i] {
			return false
		}
		if e, ok := lexIndex[w]; ok && lexTable[e].flags&wGiven != 0 {
			return false
		}
	}
	return true
}

// hasGiven reports whether the longer name adds a given name the shorter one
// lacks while the shorter has one of its own: "John Morfield" is not "Kevin Morfield".
func (d *doc) hasGiven(long, short []string) bool {
	for _, w := range short {
		if e, ok := lexIndex[w]; ok && lexTable[e].flags&wGiven != 0 && !containsString(long, w) {
			return true
		}
	}
	return false
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// acronymOf returns the initials of a name of several words: Royal College of
// Nursing → RCN.
func acronymOf(name string) string {
	var b strings.Builder
	n := 0
	for w := range strings.FieldsSeq(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		b.WriteRune(r)
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// genderOf tells a person's sex from an honorific or a given name.
func (d *doc) genderOf(m mention) int8 {
	for k := m.c0; k < m.n1; k++ {
		lx := d.lx(k)
		if lx.flags&(wHonorific|wTitle) != 0 && lx.gender != genderUnknown && k < m.n0 {
			return lx.gender
		}
	}
	// A given name tells only when it comes first in a name of two words or
	// more: a lone "Vance" may be a surname. It tells before a role word
	// does: "spokesman Hope Harlan" is a woman.
	if m.n1-m.n0 >= 2 {
		if lx := d.lx(m.n0); lx.flags&wGiven != 0 && lx.gender != genderUnknown {
			return lx.gender
		}
	}
	if m.n0 > 0 && d.toks[m.n0-1].kind == tWord && d.has(m.n0-1, wRole) && d.lx(m.n0-1).gender != genderUnknown {
		return d.lx(m.n0 - 1).gender
	}
	if m.n1-m.n0 >= 2 {
		if lx := d.lx(m.n0); lx.flags&wGiven != 0 {
			return lx.gender
		}
	} else if m.n1-m.n0 == 1 && d.personNamed(d.low(m.n0)) < 0 {
		if lx := d.lx(m.n0); lx.flags&wGiven != 0 {
			return lx.gender // "Laura wrote", with no Laura named before
		}
	}
	return genderUnknown
}

// roleOf finds the title or affiliation the text gives a person at mention
// mi: "US Secretary of Defense Pete Hegseth", "NATO chief Mark Rutte",
// "Germany’s defense minister, Boris Pistorius", "Tricia Marwick, the
// presiding officer".
func (d *doc) roleOf(mi int) {
	m := d.mentions[mi]
	if m.kind != mPerson || m.inQuote || m.ent < 0 {
		return
	}
	e := &d.ents[m.ent]
	d.homeWords(&m, e)
	if k := m.c0 - 1 - btoi(d.punct(m.c0-1, ',')); kinship[d.low(k)] && (d.is(k-1, "whose") || d.has(k-1, wPron)) {
		e.kin = true // "whose husband, Navy diver Tom Penn,": his wife is the story's Penn
	}
	// "Sen. Paul Torwell" is "the senator" later on.
	for k := m.c0; k < m.n0; k++ {
		if w, ok := offices[strings.TrimSuffix(d.low(k), ".")]; ok && !containsString(e.roleWord, w) {
			e.roleWord = append(e.roleWord, w)
		}
	}
	if e.role != "" {
		return
	}
	set := func(a, b int) {
		for a < b && (d.is(a, "a") || d.is(a, "an")) {
			a++
		}
		if a >= b {
			return
		}
		e.role = d.body[d.toks[a].s:d.toks[b-1].e]
		if b == m.n0 || b == m.c0 {
			// The role and the name together are a form of the name too.
			if full := d.body[d.toks[a].s:d.toks[m.n1-1].e]; !containsString(e.forms, full) {
				form := strings.TrimSuffix(strings.TrimSuffix(full, "’s"), "'s")
				e.forms = append(e.forms, form)
				d.addEntityKey(m.ent, form)
			}
		}
		for k := a; k < b; k++ {
			if d.toks[k].kind == tWord && !d.has(k, wDet|wPrep|wPron|wConj) {
				w := strings.TrimSuffix(d.low(k), "'s")
				e.roleWord = append(e.roleWord, w)
				if kinship[w] && b <= m.c0 {
					e.kin = true
				}
			}
		}
	}
	// A title in the chunk: "US Secretary of Defense", "Sen.".
	for k := m.c0; k < m.n0; k++ {
		if _, office := offices[strings.TrimSuffix(d.low(k), ".")]; d.has(k, wTitle|wRoleAcronym) || office && d.low(k) != "dr" && d.low(k) != "prof" {
			a := m.c0
			if pa := d.premodifier(m.c0); pa < m.c0 {
				a = pa
			}
			set(a, m.n0)
			// "Detective Inspector Rachel Dorwell, the senior investigating
			// officer,": the appositive describes her too ("the officer").
			if d.punct(m.c1, ',') {
				if b, ok := d.roleNP(m.c1+1, +1); ok {
					for k := m.c1 + 1; k < b; k++ {
						if d.toks[k].kind == tWord && !d.has(k, wDet|wPrep|wPron|wConj) && !containsString(e.roleWord, d.low(k)) {
							e.roleWord = append(e.roleWord, d.low(k))
						}
					}
				}
			}
			return
		}
	}
	// Words before the name: "NATO chief", "Estonian defense minister".
	if pa := d.premodifier(m.c0); pa < m.c0 {
		set(pa, m.c0)
		return
	}
	// An appositive after: "Tricia Marwick, the presiding officer, said".
	if d.punct(m.c1, ',') && !d.is(m.c1+1, "whose") {
		a := m.c1 + 1
		b, ok := d.roleNP(a, +1)
		if ok {
			set(a, b)
			return
		}
	}
	// An appositive before: "Germany’s defense minister, Boris Pistorius, said".
	if d.punct(m.c0-1, ',') {
		if a, ok := d.roleNP(m.c0-1, -1); ok && (d.punct(m.c1, ',') || d.punct(m.c1, '(') || d.has(m.c1, wCue|wAux) || d.punct(m.c1, '.')) {
			set(a, m.c0-1)
		}
	}
}

// capitalParticle reports whether the capitalised word at k is a
// surname's particle, written in capitals when the surname stands alone
// ("Van der Walt", "De Vell") and in lower case after a given name
// ("Pieter van der Walt", "Ana de Vell"). Van and Von are also given
// names ("Van Pruitt"), so they count only before another particle.
func (d *doc) capitalParticle(k int) bool {
	switch d.low(k) {
	case "van", "von", "ten", "ter":
		return d.has(k+1, wParticle)
	case "de", "der", "den", "du", "da", "di", "del", "della", "la", "le":
		return !d.has(k, wGiven)
	}
	return false
}

// clubNames end the names of sports clubs, which are no people: "Dunmore
// United". They are not organisation words everywhere ("United States").
var clubNames = map[string]bool{
	"united": true, "rovers": true, "wanderers": true, "athletic": true, "albion": true, "hotspur": true,
}

// offices maps titles written before names, abbreviated or not, to the noun
// a story uses for the office later: Sen. → senator.
var offices = map[string]string{
	"sen": "senator", "senator": "senator", "rep": "representative", "representative": "representative",
	"gov": "governor", "governor": "governor", "gen": "general", "general": "general", "lt": "lieutenant",
	"sgt": "sergeant", "sergeant": "sergeant", "capt": "captain", "captain": "captain", "col": "colonel",
	"colonel": "colonel", "adm": "admiral", "admiral": "admiral", "amb": "ambassador",
	"ambassador": "ambassador", "pres": "president", "president": "president", "insp": "inspector",
	"inspector": "inspector", "supt": "superintendent", "superintendent": "superintendent", "det": "detective",
	"detective": "detective", "cllr": "councillor", "councillor": "councillor", "councilman": "councilman",
	"councilwoman": "councilwoman", "prof": "professor", "professor": "professor", "dr": "doctor",
	"judge": "judge", "justice": "justice", "mayor": "mayor", "premier": "premier", "chancellor": "chancellor",
	"minister": "minister", "secretary": "secretary", "coach": "coach", "chief": "chief", "bishop": "bishop",
	"rev": "reverend", "pastor": "pastor", "imam": "imam", "rabbi": "rabbi", "sheriff": "sheriff",
	"commissioner": "commissioner", "congressman": "congressman", "congresswoman": "congresswoman",
}

// premodifier returns where a role written before a name starts, or c0 when
// there is none. The word just before the name must be a role noun.
func (d *doc) premodifier(c0 int) int {
	k := c0 - 1
	if k < 0 || d.toks[k].kind != tWord || d.toks[k].sent != d.toks[c0].sent || d.toks[k].span != d.toks[c0].span {
		return c0
	}
	if !d.has(k, wRole|wTitle|wRoleAcronym) || d.has(k, wCue|wAux|wPrep|wDet|wPron) {
		return c0
	}
	a := k
	for j := k - 1; j >= 0 && j > k-8; j-- {
		t := d.toks[j]
		if t.kind != tWord || t.sent != d.toks[c0].sent || t.span != d.toks[c0].span {
			break
		}
		if t.fl&fLower != 0 {
			// Only words that make up a role: "senior", "defense", "union".
			if !d.has(j, wRole|wDept|wRoleAdj|wTitle|wOrgNoun) || d.has(j, wCue|wAux|wPrep|wConj|wPron|wDet) {
				break
			}
		} else if mi := d.mentionAt[j]; mi >= 0 && d.mentions[mi].kind == mPerson {
			break // another person's name
		} else if mi < 0 && !d.has(j, wPlace|wDemonym|wOrgWord|wTitle|wDept) && t.fl&fAllCaps == 0 && t.fl&fPossessive == 0 {
			// A capitalised word that is no name of place or body ends the role,
			// unless it is a modifier of the role noun after it.
			if !(d.toks[j+1].fl&fLower != 0) {
				break
			}
		}
		a = j
	}
	return a
}

// roleNP reads a noun phrase that names a role, starting after a comma at
// from (dir +1) or ending before the comma at from (dir -1). It returns the
// other end and whether the phrase holds a role noun.
func (d *doc) roleNP(from, dir int) (int, bool) {
	sent := -1
	if from >= 0 && from < len(d.toks) {
		sent = int(d.toks[from].sent)
	}
	role := false
	k := from
	if dir < 0 {
		k = from - 1
	}
	n := 0
	last := from
	for ; k >= 0 && k < len(d.toks) && n < 14; k += dir {
		t := d.toks[k]
		if int(t.sent) != sent || t.span >= 0 {
			break
		}
		if t.kind == tPunct {
			if t.r == '&' || t.r == '-' {
				n++
				last = k
				continue
			}
			break
		}
		if t.kind == tMark {
			break
		}
		if d.has(k, wCue|wAux) && !d.has(k, wRole|wTitle) && t.fl&fLower != 0 {
			return 0, false
		}
		if d.has(k, wConj) && !d.is(k, "and") {
			break
		}
		if dir < 0 && d.has(k, wPrep) && !d.is(k, "of") && !d.is(k, "for") && !d.is(k, "at") {
			break
		}
		if dir < 0 && d.is(k, "and") {
			break
		}
		if d.has(k, wRole|wTitle|wRoleAcronym) {
			role = true
		}
		n++
		last = k
	}
	if !role || n == 0 {
		return 0, false
	}
	if dir > 0 {
		// It must start like a noun phrase and end at a comma, a bracket or the sentence's end.
		if !(d.has(from, wDet|wRole|wTitle) || isCapWord(d, from) || d.toks[from].fl&fPossessive != 0) {
			return 0, false
		}
		if k < len(d.toks) && int(d.toks[k].sent) == sent && !(d.punct(k, ',') || d.punct(k, ')') || d.punct(k, '.') || d.punct(k, ';')) {
			return 0, false
		}
		return last + 1, true
	}
	// Before a name it must start the clause: after a comma, a preposition or the sentence start.
	return last, true
}

// analystNouns are the people a story quotes for their view of it, whose
// employers are sources rather than its subject.
var analystNouns = map[string]bool{
	"analyst": true, "analysts": true, "strategist": true, "strategists": true,
	"economist": true, "economists": true,
}

// surnameHe reports whether "He" at i is the surname He, as in "He Salwood,
// a spokesperson, said" or "“…,” He said", not the pronoun: followed by a
// word the lexicon does not know, or capitalised after a quotation, where
// the pronoun would be "he".
func (d *doc) surnameHe(i int) bool {
	if !d.is(i, "he") || d.toks[i].fl&fCap == 0 || d.toks[i].fl&fAllCaps != 0 {
		return false
	}
	if n := i + 1; isCapWord(d, n) && d.toks[n].lex == 0 && d.toks[n].s == d.toks[i].e+1 && d.toks[n].sent == d.toks[i].sent {
		return true
	}
	p := i - 1
	if p < 0 || d.toks[p].kind != tMark || d.toks[p].fl&fClose == 0 || d.toks[p].sent != d.toks[i].sent {
		return false
	}
	// "“…,” He said", not "“….” He said", where the pronoun starts anew.
	sp := d.toks[p].span
	return sp < 0 || !endsSentence(d.body[d.spans[sp].s:d.spans[sp].e])
}

// datePrep holds the words before a month that make it a date even when a
// name follows: "in April Delorne said", "since May Ortiz took over".
var datePrep = map[string]bool{"in": true, "since": true, "until": true, "till": true, "through": true,
	"during": true, "last": true, "next": true, "early": true, "late": true, "this": true}

// monthAsGiven reports whether a month's short form at i is a given name,
// as before a surname: "Mar Hicks", "Jun Park", not "Mar 3" or "Mar. 3".
func (d *doc) monthAsGiven(i int) bool {
	switch d.low(i) {
	case "mar", "jun", "jul", "sep", "oct", "nov", "dec", "jan", "feb", "apr", "aug":
		n := i + 1
		return isCapWord(d, n) && d.toks[n].s == d.toks[i].e+1 && d.toks[n].sent == d.toks[i].sent && !calendarWord(d.low(n)) && !d.has(n, wTime)
	}
	return false
}

// agedAfter reports whether the name ending at b is followed by an age set
// off by commas: "Gargate, 52,".
func (d *doc) agedAfter(b int) bool {
	if !d.punct(b, ',') || b+2 >= len(d.toks) || d.toks[b+1].kind != tNum || !d.punct(b+2, ',') {
		return false
	}
	n := d.text(b + 1)
	return len(n) <= 3 && n[0] != '0'
}

// personAppositive reports whether the name ending at b is set off with a
// description of a person: "Mar Hicks, a historian at the institute", not
// "Calmore Coaches, a family firm".
func (d *doc) personAppositive(b int) bool {
	if !d.punct(b, ',') || !(d.is(b+1, "a") || d.is(b+1, "an") || d.is(b+1, "the")) {
		return false
	}
	for k := b + 2; k < len(d.toks) && k <= b+4 && d.toks[k].kind == tWord; k++ {
		if d.has(k, wOrgNoun|wGroupNoun) {
			return false
		}
		if d.has(k, wRole|wPersonNoun) {
			return true
		}
	}
	return false
}
