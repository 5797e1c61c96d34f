package summarize

import (
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
	howClause    // a quotation inside a sentence about someone
	howRanked    // no rule: the best of the candidates around it (rank.go)
)

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
	d.inferGender()
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
	// Quotations with no speaker from their own sentence: a chain's
	// first speaker, or the candidate the text around them ranks first
	// (rank.go).
	for i := range d.spans {
		sp := &d.spans[i]
		if !sp.quote || sp.who >= 0 {
			continue
		}
		if sp.prev >= 0 {
			sp.who, sp.how = d.spans[sp.prev].who, howChain
			continue
		}
		sp.who, sp.how = d.contextSpeaker(i)
	}
	d.answers()
}

// clauseSubject attributes a quotation set inside a sentence that no
// speech verb introduces to who the sentence is about: "Ames described the
// plan as “a wish list”", "Ames worried the fund was becoming “a piggy
// bank”". A quotation that opens its sentence has no such subject.
func (d *doc) clauseSubject(i int) (int, int) {
	sp := &d.spans[i]
	si := int(d.toks[sp.open].sent)
	s := &d.sents[si]
	if w := d.subordinateSubject(sp); w >= 0 {
		return w, howClause
	}
	if w := d.relativeWho(sp); w >= 0 {
		return w, howClause
	}
	sub := s.subject
	if sub < 0 || sp.open <= d.skipIntro(s.t0, s.t1) {
		return -1, howNone
	}
	if e := &d.ents[sub]; e.kind != mPerson && e.kind != mOrg || d.titleCase(si) {
		return -1, howNone // a headline's words are no one's
	}
	return sub, howClause
}

// relativeWho: "Quist contrasted that with Dana Rell, who is trying to
// bring “the valley together”": a fragment in a relative clause about a
// person is that person's; else -1.
func (d *doc) relativeWho(sp *span) int {
	t0 := d.sentOf(sp.open).t0
	for k := sp.open - 1; k > t0 && k > sp.open-16; k-- {
		if d.toks[k].span >= 0 || d.toks[k].kind == tPunct && d.toks[k].r != ',' {
			return -1
		}
		if _, _, n := d.cueAt(k); n > 0 {
			return -1 // the relative clause's own speech verb decides
		}
		if d.is(k, "who") && d.toks[k].fl&fLower != 0 {
			j := k - 1
			if d.punct(j, ',') {
				j--
			}
			if mi := d.mentionOf(j); mi >= 0 && d.mentions[mi].c1 == j+1 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
				return d.mentions[mi].ent
			}
			return -1
		}
	}
	return -1
}

// subordinateSubject: "While Mr. Rayburn, speaking for the party, laid
// out a plan for “a simpler tax code,” Ben Corlett …": a quotation that
// ends a clause opened by a subordinator belongs to the person that clause
// opens with, when no one else is named between them; else -1.
func (d *doc) subordinateSubject(sp *span) int {
	s := d.sentOf(sp.open)
	if !subordinators[d.low(s.t0)] && !d.is(s.t0, "as") {
		return -1
	}
	mi := d.mentionOf(s.t0 + 1)
	if mi < 0 || d.mentions[mi].c0 != s.t0+1 || d.mentions[mi].kind != mPerson || d.mentions[mi].ent < 0 {
		return -1
	}
	m := d.mentions[mi]
	for _, o := range d.mentionsIn(int(d.toks[sp.open].sent)) {
		if o.c0 >= m.c1 && o.c0 < sp.open && o.ent >= 0 && o.ent != m.ent && o.kind != mPlace {
			return -1
		}
	}
	text := strings.TrimRight(d.body[sp.s:sp.e], " ")
	if ends := strings.HasSuffix(text, ",") || d.punct(sp.close+1, ','); !ends || sp.close < 0 {
		return -1 // the quotation must close the clause
	}
	return m.ent
}

// titleCase reports whether most words of sentence si are capitalised, as
// in a headline or a subhead.
func (d *doc) titleCase(si int) bool {
	words, caps := d.capitals(si)
	return words >= 3 && caps*4 >= words*3
}

// capitals returns how many words of sentence si stand outside quotation
// marks, and how many of those are capitalised; counted once for all
// sentences, on first use.
func (d *doc) capitals(si int) (words, caps int) {
	if len(d.caps) != len(d.sents) {
		d.caps = d.caps[:0]
		for _, s := range d.sents {
			var c [2]int32
			for k := s.t0; k < s.t1; k++ {
				if t := &d.toks[k]; t.kind == tWord && t.span < 0 {
					c[0]++
					if t.fl&(fCap|fAllCaps) != 0 {
						c[1]++
					}
				}
			}
			d.caps = append(d.caps, c)
		}
	}
	return int(d.caps[si][0]), int(d.caps[si][1])
}

// answers gives back to the one asked a reply that a pronoun took for the
// asker's: "“Do you think about your age?” Halholm asked. / “Only when …,”
// she said." — she is the runner, not the host, when both are women.
func (d *doc) answers() {
	for i := 1; i < len(d.spans); i++ {
		sp := &d.spans[i]
		if !sp.quote || sp.who < 0 || sp.close < 0 || sp.how != howAfter {
			continue
		}
		k := sp.close + 1
		for k < len(d.toks) && d.punct(k, ',') {
			k++
		}
		if _, _, n := d.cueAt(k); n > 0 {
			k = k + n // "said she"
		}
		if !d.is(k, "he") && !d.is(k, "she") {
			continue
		}
		j := i - 1
		for j >= 0 && !d.spans[j].quote {
			j--
		}
		if j < 0 || d.spans[j].who != sp.who || d.spans[j].para != sp.para-1 || !d.question(j) {
			continue
		}
		g := d.lx(k).gender
		if w := d.interviewee(int(d.toks[d.spans[j].open].sent)); w >= 0 && w != sp.who && d.compatible(w, g) {
			sp.who = w // "She was asked about it at her news conference."
			continue
		}
		for q := j - 1; q >= 0; q-- {
			if w := d.spans[q].who; d.spans[q].quote && w >= 0 && w != sp.who {
				if d.compatible(w, g) {
					sp.who = w
				}
				break
			}
		}
	}
}

// replied reports whether quotation i was given as a retort: "…," his
// brother replies.
func (d *doc) replied(i int) bool {
	sp := &d.spans[i]
	if sp.close < 0 {
		return false
	}
	s := d.sents[d.toks[sp.close].sent]
	for k := sp.close + 1; k < s.t1 && k < sp.close+6; k++ {
		switch d.low(k) {
		case "replies", "replied", "retorts", "retorted", "counters", "countered", "shoots", "shot", "snaps", "snapped":
			return true
		}
	}
	return false
}

// question reports whether quotation i asks something: it ends with "?".
func (d *doc) question(i int) bool {
	t := strings.TrimRight(d.body[d.spans[i].s:d.spans[i].e], " ,”\"’'")
	return strings.HasSuffix(t, "?")
}

// hasCue reports whether sentence si reports speech outside quotations.
func (d *doc) hasCue(si int) bool {
	s := d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if form, kind, n := d.cueAt(k); n > 0 && form == cueFinite && kind != cueWeak && !d.has(k, wNoClause) {
			return true
		}
	}
	return false
}

// reportsThat reports whether sentence si reports speech with a
// participle and "that": "…, arguing that the order book had shrunk".
func (d *doc) reportsThat(si int) bool {
	s := d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if form, kind, n := d.cueAt(k); n > 0 && form == cueIng && kind != cueWeak && d.is(k+n, "that") {
			return true
		}
	}
	return false
}

// openingClauseEnd returns where the main clause of sentence si starts
// when the sentence opens with a subordinate clause ("When Harkin suggested
// that …, Valk fired back"): after that clause's comma; else the
// sentence's start.
func (d *doc) openingClauseEnd(si int) int {
	s := &d.sents[si]
	if !subordinators[d.low(s.t0)] && !d.is(s.t0, "as") {
		return s.t0 // "As for the pundits who claim …, Bolt said": "as" opens one too
	}
	for k := s.t0 + 1; k < s.t1; k++ {
		if d.toks[k].span >= 0 {
			return s.t0
		}
		if d.punct(k, ',') {
			return k + 1
		}
	}
	return s.t0
}

// sentenceSubject returns who sentence si is about.
func (d *doc) sentenceSubject(si int) int {
	s := &d.sents[si]
	// "When Harkin suggested that …, Valk fired back: …": the main
	// clause's speech verb first, then the opening clause's.
	main := d.openingClauseEnd(si)
	for _, from := range [2]int{main, s.t0} {
		for k := from; k < s.t1; k++ {
			if form, kind, n := d.cueAt(k); n > 0 && form == cueFinite && kind != cueWeak && !d.inAside(k, k+n, s.t1) {
				if w := d.cueSubject(k); w >= 0 {
					d.ents[w].spoke = true
					return w
				}
			}
		}
		if main == s.t0 {
			break
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

// A sentenceRule attributes a quotation from its own sentence, or returns
// -1. directSpeaker runs them in order, most certain first, and the first
// that names someone wins; a new kind of case is a new rule here, with
// its own test, not another branch inside one.
type sentenceRule struct {
	name string
	how  int
	find func(d *doc, sp *span) int
}

var sentenceRules = [...]sentenceRule{
	{"a possessor's words: X's “Q” comment", howBefore, (*doc).possessorsWords},
	{"credit after the quotation: “Q,” said X / “Q,” X said / “Q” — X", howAfter, (*doc).creditAfter},
	{"speech verb before it: X said: “Q” / X said that … “Q”", howBefore, (*doc).verbBefore},
	{"speech verb later in the sentence", howLater, (*doc).verbLater},
	{"the next sentence names the speaker: “Q!” That was the message from X", howLater, (*doc).namedNext},
	{"colon lead-in: X was blunt: “Q”", howColon, (*doc).colonLeadIn},
	{"a transcript's speaker label: DANA PRUITT: “Q”", howColon, (*doc).transcriptLabel},
}

// directSpeaker attributes a quotation from its own sentence.
func (d *doc) directSpeaker(sp *span) (int, int) {
	sp.descA, sp.descC = -1, -1
	for _, r := range sentenceRules {
		if w := r.find(d, sp); w >= 0 {
			return w, r.how
		}
	}
	return -1, howNone
}

// creditAfter finds the speaker credited right after the quotation: “Q,”
// said X / “Q,” X said / “Q” — X. A description no role list knows ("the
// juggler said") is kept in sp.descA/descC as a last resort.
func (d *doc) creditAfter(sp *span) int {
	s := d.sentOf(sp.open)
	if sp.close < 0 {
		return -1
	}
	if c := sp.open - 1; c > s.t0 && !d.quoteLike(sp) {
		if _, kind, n := d.cueAt(c); n > 0 && kind == cueWeak {
			// "In a clip that Judge Morrow called “crude,” Sutter said":
			// the fragment is what the one who called it said.
			if w := d.cueSubject(c); w >= 0 {
				return -1
			}
		}
	}
	k := sp.close + 1
	for k < s.t1 && d.punct(k, ',') {
		k++
	}
	if k >= s.t1 || d.toks[k].span >= 0 {
		return -1
	}
	if d.toks[k].kind == tPunct && isDash(rune(d.toks[k].r)) && k+1 < s.t1 && !d.has(k+1, wConj|wPrep|wCue|wAux) && !d.is(k+1, "that") &&
		!d.dashAt(sp.open-1) && // not “…gaffes – “Q?” – voters said”: a quotation set off in dashes is the aside's
		!d.dashClause(k+1) { // not "– he has often been …", "– a word he used": a clause, no credit

		// “Q” — Dana Pruitt; not “I don't think the wisdom” -- that
		// Mayor Bloom is seen as a liberal -- “is going to last,” he says.
		if w := d.headIn(k+1, d.clauseEnd(k+1), true); w >= 0 {
			return w
		}
	}
	// A verb with a colon brings the next quotation, after one that is a
	// whole sentence (“We are not terrorists.” Mr. Haidari said: “…”) or
	// one in a clause with a speech verb of its own ("After Fesk said
	// that some would do better at “less demanding schools,” Rell said:
	// “…”").
	if endsSentence(d.body[sp.s:sp.e]) && d.cueBeforeColon(k, s.t1, true) ||
		d.finiteCueIn(s.t0, sp.open) && d.cueBeforeColon(k, s.t1, false) {
		return -1
	}
	if _, _, n := d.cueAt(k); n > 0 {
		sp.cued = true // “…,” said someone: speech, whoever spoke
		if w := d.cueSubject(k); w >= 0 {
			return w
		}
	}
	for c := k + 1; c < s.t1 && c < k+14 && d.subjectStart(k); c++ {
		t := d.toks[c]
		if t.span >= 0 || t.kind == tMark || t.kind == tPunct && t.r != ',' && t.r != '(' && t.r != ')' && t.r != '-' && !(t.r == '.' && (d.partyTag(c-1) || d.has(c-1, wHonorific|wTitle) || d.initialAt(c))) {
			break // but not at the full stop of a party tag: "Rep. Ivo Landry, R-Ga., said"
		}
		if form, _, n := d.cueAt(c); n > 0 {
			if form == cueFinite && d.npEnd(k, c) == c {
				sp.cued = true // “Ready,” she said: speech even when "she" is no one known
				if w := d.headIn(k, c, true); w >= 0 {
					return w
				}
				sp.descA, sp.descC = k, c // a description no role list knows: last resort
			}
			break
		}
	}
	return -1
}

// modalBefore reports whether the speech verb at c follows should, must,
// might, could or ought: speech wanted or possible, not reported.
func (d *doc) modalBefore(c int) bool {
	switch d.low(c - 1) {
	case "should", "must", "might", "could", "ought":
		return true
	}
	return false
}

// dashClause reports whether the words after a dash at k-1 make a clause
// of their own — "– he has often been …", "– a word he used several
// times" — rather than a credit: "— Agnes Moore, 80, who has lived …".
func (d *doc) dashClause(k int) bool {
	ce := d.clauseEnd(k)
	e := d.npEnd(k, ce)
	if e >= ce {
		return false
	}
	if d.is(e, "who") || d.is(e, "whose") || d.punct(e, ',') {
		return false
	}
	return d.has(e, wAux|wPron) || d.finiteVerb(e, e+1)
}

// wordsNouns name a saying a possessor owns: "Ostby's “freeloaders”
// remark", "the mayor's “nobody loses their doctor” promise".
var wordsNouns = map[string]bool{
	"comment": true, "comments": true, "remark": true, "remarks": true, "promise": true, "pledge": true,
	"line": true, "quip": true, "slogan": true, "speech": true, "statement": true, "vow": true, "claim": true,
	"phrase": true, "refrain": true, "mantra": true, "catchphrase": true, "boast": true, "warning": true,
}

// possessorsWords: "Ostby's “freeloaders” remark": the words are the
// possessor's.
func (d *doc) possessorsWords(sp *span) int {
	if sp.close < 0 || !wordsNouns[d.low(sp.close+1)] || d.toks[sp.close+1].fl&fLower == 0 {
		return -1
	}
	p := sp.open - 1
	if p < 0 || d.toks[p].fl&fPossessive == 0 {
		return -1
	}
	if mi := d.mentionOf(p); mi >= 0 && d.mentions[mi].c1 == p+1 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace {
		return d.mentions[mi].ent
	}
	return -1
}

// verbBefore finds the subject of a speech verb before the quotation in its
// sentence: X said: “Q” / X said that … “Q”, and whose insistence or claim
// a fragment is.
func (d *doc) verbBefore(sp *span) int {
	s := d.sentOf(sp.open)
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
		if (d.has(c, wSpeechNoun) || claimNouns[d.low(c)]) && d.toks[c].fl&fLower != 0 && c-1 > s.t0 && d.toks[c-1].fl&fPossessive != 0 && d.is(c+1, "that") {
			// "despite the county council’s insistence that the change was
			// “extensively advertised”": whose insistence it is (but not "she
			// described the minister’s remarks as “…”").
			if mi := d.mentionOf(c - 1); mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
				return d.mentions[mi].ent // "FBI Director Jon Crane's conclusion that"
			}
			a := c - 1
			for a > s.t0 && d.toks[a-1].kind == tWord && !d.has(a-1, wPrep|wCue) && c-a < 6 {
				a--
			}
			if w := d.headIn(a, c, true); w >= 0 {
				return w
			}
		}
		if d.is(c, "asked") && d.is(c+1, "by") {
			// "Asked by the chair, broadcaster Graham Pelridge, “Q?”": the one
			// who asked speaks, when the quotation follows straight on.
			if w := d.askedBy(c+2, sp.open); w >= 0 {
				return w
			}
		}
		if _, kind, n := d.cueAt(c); n > 0 {
			if d.modalBefore(c) {
				continue // "the charter should reiterate the town's support for …": no one speaking yet
			}
			if d.inAside(c, c+n, sp.open) {
				continue // "he is not worried – as Tallis has said – and he can “promise”": the aside's verb is not the clause's
			}
			if kind == cueWeak && d.quoteLike(sp) && !d.lowerWordAt(sp.open+1) && sp.open-c > 4 {
				continue // "called" far from a quotation of whole sentences names something else
			}
			if kind != cueWeak || sp.open-c <= 4 {
				sp.cued = true // "called the book “a quiet triumph”" is quoted all the same
			}
			if w := d.cueSubject(c); w >= 0 {
				return w
			}
		}
	}
	return -1
}

// cueBeforeColon reports whether the first speech verb within a few words
// from k, before any punctuation (an honorific's full stop passed over
// when honorific is set: "Mr. Haidari said:"), is followed by a colon.
func (d *doc) cueBeforeColon(k, end int, honorific bool) bool {
	for c := k; c < end && c < k+6 && (d.toks[c].kind == tWord || honorific && d.punct(c, '.')); c++ {
		if _, _, n := d.cueAt(c); n > 0 {
			return d.punct(c+n, ':')
		}
	}
	return false
}

// verbLater finds the subject of a speech verb later in the sentence,
// before any other quotation.
func (d *doc) verbLater(sp *span) int {
	if sp.close < 0 {
		return -1
	}
	s := d.sentOf(sp.open)
	for c := sp.close + 1; c < s.t1; c++ {
		if d.toks[c].span >= 0 {
			break
		}
		if form, _, n := d.cueAt(c); n > 0 && form == cueFinite {
			if d.punct(c+n, ':') && endsSentence(d.body[sp.s:sp.e]) {
				break // “We are not terrorists.” Mr. Haidari said: “…”: his words come next
			}
			if d.punct(c-1, ',') && c-1 > sp.close && !strings.ContainsRune(d.body[sp.s:sp.e], ' ') {
				break // "He pressed “cancel” and the order vanished, said Ana Ruiz": a label
			}
			if w := d.cueSubject(c); w >= 0 {
				return w
			}
		}
	}
	return -1
}

// colonLeadIn finds who the clause before a colon is about: X was blunt:
// “Q” (but not "a banner that read:", which names no one).
func (d *doc) colonLeadIn(sp *span) int {
	if !d.punct(sp.open-1, ':') || d.has(sp.open-2, wCue) {
		return -1
	}
	a := d.clauseStart(sp.open - 1)
	// "Asked by a student what advice she would give, Garwell did not
	// hesitate:": the main clause, after the last comma, if it names
	// someone; else the whole ("The host, Omar Said, pressed her:").
	starts := []int{a}
	for k := sp.open - 2; k > a; k-- {
		if d.punct(k, ',') {
			starts = []int{k + 1, a}
			break
		}
	}
	found := false
	for _, a := range starts {
		if w := d.headIn(a, sp.open-1, true); w >= 0 {
			if d.ents[w].kind != mOrg && (d.ents[w].kind != 0 || d.ents[w].nominal != Organisation) {
				return w
			}
			found = true
			break
		}
	}
	// "Hoffler’s letter makes a plain case:": the letter's writer.
	if mi := d.mentionOf(a); !found && mi >= 0 && d.mentions[mi].c0 == a && d.mentions[mi].ent >= 0 && d.mentions[mi].kind == mPerson {
		if e := d.mentions[mi].c1; d.toks[e-1].fl&fPossessive != 0 && d.has(e, wSpeechNoun) && d.toks[e].fl&fLower != 0 {
			return d.mentions[mi].ent
		}
	}
	// A title in the clause hides its subject: "Darnell Calbury, who
	// played his nephew in “Bluebell Motel,” kept it short:".
	if !found && d.spansBetween(d.sentOf(sp.open).t0, a) {
		if w := d.sentenceSubject(int(d.toks[sp.open].sent)); w >= 0 && d.ents[w].kind == mPerson {
			return w
		}
	}
	return -1
}

// maxLabelWords is the longest speaker label of a transcript, in words:
// "HOST", "DANA PRUITT", "SEN. DALE KRUPP".
const maxLabelWords = 4

// transcriptLabel returns who a transcript's label names, when the
// quotation's paragraph opens with words in capitals and a colon — "DANA
// PRUITT: “…”" — and the label is someone the text names; else -1.
func (d *doc) transcriptLabel(sp *span) int {
	p := d.paras[sp.para]
	colon := sp.open - 1
	if !d.punct(colon, ':') || colon <= p.t0 || colon-p.t0 > maxLabelWords+1 {
		return -1
	}
	for k := p.t0; k < colon; k++ {
		if t := &d.toks[k]; !(t.kind == tWord && t.fl&fAllCaps != 0 || t.kind == tPunct && t.r == '.') {
			return -1
		}
	}
	if mi := d.mentionOf(p.t0); mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind == mPerson {
		return d.mentions[mi].ent
	}
	// A label in capitals the name finder passed over: the person whose
	// surname it ends with.
	k := colon - 1
	for k > p.t0 && d.toks[k].kind != tWord {
		k--
	}
	return d.personNamed(d.low(k))
}

// describedSpeaker returns a speaker described by a noun phrase [a, c)
// that the role lists do not know — "the juggler", "a caretaker at the
// school" — as a person of its own, when the phrase is a determiner and
// lower-case words; else -1.
func (d *doc) describedSpeaker(a, c int) int {
	if !(d.is(a, "the") || d.is(a, "a") || d.is(a, "an")) || c-a < 2 || c-a > 8 {
		return -1
	}
	for k := a + 1; k < c; k++ {
		t := &d.toks[k]
		if t.kind != tWord || t.fl&fLower == 0 || d.has(k, wPron|wAux|wCue) {
			return -1
		}
	}
	return d.described(d.body[d.toks[a].s:d.toks[c-1].e], Person, int(d.toks[a].sent), d.low(c-1))
}

// spansBetween reports whether a quotation mark's span lies in [a, b).
func (d *doc) spansBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].span >= 0 {
			return true
		}
	}
	return false
}

// claimNouns say that someone said something: "the council's insistence
// that …".
var claimNouns = map[string]bool{
	"insistence": true, "claim": true, "claims": true, "assertion": true, "contention": true,
	"admission": true, "promise": true, "pledge": true, "assurance": true, "assurances": true,
	"conclusion": true, "argument": true, "belief": true, "view": true, "warning": true, "complaint": true,
}

// gestures are what a speaker does in the sentence after their words:
// "“Everyone asks that.” She smiled."
var gestures = map[string]bool{
	"smiled": true, "laughed": true, "shrugged": true, "nodded": true, "grinned": true,
	"sighed": true, "paused": true, "winked": true, "frowned": true, "chuckled": true,
	"beamed": true, "laughs": true, "smiles": true, "shrugs": true, "nods": true, "grins": true,
	"gives": true, "sighs": true, "pauses": true, "winces": true, "winced": true, "frowns": true,
}

// gestureAfter returns who the words right after quotation i show
// doing something as they speak ("She smiled."), or -1.
func (d *doc) gestureAfter(i int) int {
	sp := &d.spans[i]
	if sp.close < 0 {
		return -1
	}
	si := int(d.toks[sp.close].sent)
	n := d.sents[si]
	k := sp.close + 1
	if k >= n.t1 || d.toks[k].kind == tPunct {
		// The quotation ends its sentence: look at the next.
		if si+1 >= len(d.sents) || d.sents[si+1].para != sp.para || n.t1 > sp.close+2 {
			return -1
		}
		n = d.sents[si+1]
		k = n.t0
	}
	subj := -1
	switch {
	case d.is(k, "he") || d.is(k, "she"):
		subj = d.resolvePronoun(k)
		if subj < 0 {
			// In a long interview: the last to speak who fits.
			g := d.lx(k).gender
			for j := i - 1; j >= 0 && subj < 0; j-- {
				if w := d.spans[j].who; d.spans[j].quote && w >= 0 && d.compatible(w, g) {
					subj = w
				}
			}
		}
		k++
	case d.mentionAt[k] >= 0 && d.mentions[d.mentionAt[k]].kind == mPerson:
		m := d.mentions[d.mentionAt[k]]
		subj, k = m.ent, m.c1
	}
	if subj < 0 || k >= n.t1 || !gestures[d.low(k)] {
		return -1
	}
	return subj
}

// askedBy returns who "asked by" names in [a, open) when nothing but
// commas stands between that name and the quotation at open, else -1.
func (d *doc) askedBy(a, open int) int {
	who, end := -1, a
	for _, m := range d.mentionsIn(int(d.toks[a].sent)) {
		if m.c0 >= a && m.c1 <= open && m.ent >= 0 && !m.modifier && m.kind != mPlace {
			// The first person named: "Tomás Lorgate of Fenmore & Zelgate".
			if who < 0 || m.kind == mPerson && d.ents[who].kind != mPerson {
				who = m.ent
			}
			end = m.c1
		}
	}
	if who < 0 {
		return -1
	}
	for k := end; k < open; k++ {
		if !d.punct(k, ',') && !d.punct(k, ':') {
			return -1
		}
	}
	return who
}

// namedNext attributes a quotation that opens a paragraph from the sentence
// after it: "“I’ve married my best friend!” That was the message from Jade
// Zelbrook".
func (d *doc) namedNext(sp *span) int {
	s := d.sentOf(sp.open)
	if sp.close < 0 || sp.open != s.t0 || int(d.toks[sp.close].sent)+1 >= len(d.sents) {
		return -1
	}
	n := d.sents[d.toks[sp.close].sent+1]
	if n.para > sp.para+1 {
		return -1
	}
	switch {
	case d.is(n.t0, "that's") || d.is(n.t0, "that’s"):
		// "That’s how actor Jonah Nesgate announced his engagement"
		if d.is(n.t0+1, "how") || d.is(n.t0+1, "what") {
			for _, m := range d.mentionsIn(int(d.toks[n.t0].sent)) {
				if m.c0 > n.t0 && m.c0 < n.t0+10 && m.ent >= 0 && m.kind == mPerson && !m.modifier {
					return m.ent
				}
			}
		}
		return -1
	case d.is(n.t0, "the") && (d.is(n.t0+1, "words") || d.is(n.t0+1, "remarks") || d.is(n.t0+1, "comments")) &&
		(d.is(n.t0+2, "were") || d.is(n.t0+2, "came")):
		// "The words were those of Councillor Dawn Dormere"
		n.t0++
	case !(d.is(n.t0, "that") || d.is(n.t0, "this") || d.is(n.t0, "those") || d.is(n.t0, "such")) ||
		!(d.is(n.t0+1, "was") || d.is(n.t0+1, "were") || d.is(n.t0+1, "is")):
		return -1
	case d.is(n.t0+2, "how") || d.is(n.t0+2, "what"):
		// "That was how Marisol Garwell … opened her event"
		for _, m := range d.mentionsIn(int(d.toks[n.t0].sent)) {
			if m.c0 > n.t0+2 && m.c0 < n.t0+10 && m.ent >= 0 && m.kind == mPerson && !m.modifier {
				return m.ent
			}
		}
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

func (d *doc) creditBelowRule(i int) (int, bool) { return d.creditBelow(&d.spans[i]), false }

func (d *doc) gestureRule(i int) (int, bool) { return d.gestureAfter(i), false }

// namedSubjectRule: "She has been under fire for a lunch. Candidate Rolf
// Vantner has held up the lunch as proof of a “stacked deck.”": a fragment
// inside a sentence whose subject is a person named in that sentence is
// that person's, before the paragraph's earlier speaker.
func (d *doc) namedSubjectRule(i int) (int, bool) {
	sp := &d.spans[i]
	if !sp.partial {
		return -1, false
	}
	w, _ := d.clauseSubject(i)
	if w < 0 || d.ents[w].kind != mPerson {
		return -1, false
	}
	for _, m := range d.mentionsIn(int(d.toks[sp.open].sent)) {
		if m.ent == w && !m.inQuote && m.c1 <= sp.open && !m.modifier {
			return w, false
		}
	}
	return -1, false
}

// sameParagraph gives a quotation the speaker of a quotation earlier in its
// paragraph, or the subject of an earlier sentence there. A quotation's
// speaker comes before the sentence's subject: "In 2009, when Vell offered
// …, “…,” Dorsey said. “And he …”". A quotation that does not open its
// paragraph gets nothing more.
func (d *doc) sameParagraph(i int) (int, bool) {
	sp := &d.spans[i]
	for k := int(d.toks[sp.open].sent) - 1; k >= 0 && d.sents[k].para == sp.para; k-- {
		for j := i - 1; j >= 0 && d.spans[j].sent >= k; j-- {
			if d.spans[j].sent == k && d.spans[j].quote && d.spans[j].who >= 0 && d.spans[j].how <= howBefore {
				return d.spans[j].who, false
			}
		}
		if sub := d.sents[k].subject; sub >= 0 && (d.ents[sub].kind == mPerson || d.ents[sub].kind == 0 && d.ents[sub].nominal == Person) {
			return sub, false
		}
		for j := i - 1; j >= 0 && d.spans[j].sent == k; j-- {
			if d.spans[j].who >= 0 {
				return d.spans[j].who, false
			}
		}
	}
	s := d.sentOf(sp.open)
	return -1, sp.open != s.t0 || s.t0 != d.paras[sp.para].t0
}

// colonBefore: "The minister said:" ending the paragraph before introduces
// it.
func (d *doc) colonBefore(i int) (int, bool) {
	sp := &d.spans[i]
	if sp.para > 0 {
		if last := d.paras[sp.para-1].t1 - 1; last >= 0 && d.punct(last, ':') {
			if sub := d.sents[d.toks[last].sent].subject; sub >= 0 {
				return sub, false
			}
		}
	}
	return -1, false
}

// reportedBefore: "He explained that …" ending the paragraph before: he
// goes on speaking.
func (d *doc) reportedBefore(i int) (int, bool) {
	sp := &d.spans[i]
	if sp.para == 0 {
		return -1, false
	}
	last := d.paras[sp.para-1].t1 - 1
	if ls := int(d.toks[last].sent); ls >= 0 && ls < len(d.sents) {
		if sub := d.sents[ls].subject; sub >= 0 && d.ents[sub].kind == mPerson && (d.hasCue(ls) || d.reportsThat(ls)) {
			if j, _ := d.spansIn(ls); j == int(d.sentSp[ls+1]) || !d.spans[j].quote {
				return sub, false
			}
		}
	}
	return -1, false
}

// thread continues the speaker of the last quotation, within three
// paragraphs, unless someone else is named in between; a bare answer to a
// bare question goes to the one asked, and dialogue takes turns.
func (d *doc) thread(i int) (int, bool) {
	sp := &d.spans[i]
	for j := i - 1; j >= 0; j-- {
		prev := &d.spans[j]
		if !prev.quote {
			continue
		}
		if prev.who < 0 && prev.para == sp.para-1 && d.question(j) {
			// A bare answer to a bare question, after "She was asked about
			// it": the one asked answers.
			if w := d.interviewee(int(d.toks[prev.open].sent)); w >= 0 {
				return w, false
			}
		}
		if prev.who < 0 || sp.para-prev.para > 3 {
			return -1, false
		}
		// Someone else named in between, outside quotations, breaks the thread.
		for si := int(d.toks[prev.open].sent) + 1; si <= int(d.toks[sp.open].sent); si++ {
			for _, m := range d.mentionsIn(si) {
				if m.inQuote || m.ent < 0 || m.ent == prev.who || m.kind == mPlace {
					continue
				}
				if m.c0 < sp.open && d.ents[m.ent].kind == mPerson {
					return -1, false
				}
			}
		}
		// Dialogue: after an exchange between two people, paragraphs of bare
		// quotation take turns when they ask or answer — "“So is a ladder?”
		// / “No, Your Honor.” / “And hovering over my patio isn’t?”".
		if w := d.turn(i, j); w >= 0 {
			return w, false
		}
		return prev.who, false
	}
	return -1, false
}

func (d *doc) leadInRule(i int) (int, bool) { return d.leadIn(d.spans[i].para), false }

// maxCreditLine is the length of a credit line under a quotation, in
// tokens: a dash, a name and perhaps a place ("-Ana Dalmere, Philadelphia.").
const maxCreditLine = 10

// creditBelow returns who the short line under a paragraph of quotation
// credits — "“…”" then "-Ana Dalmere, Philadelphia." — or -1.
func (d *doc) creditBelow(sp *span) int {
	if !d.wholeParagraph(sp) || sp.para+1 >= len(d.paras) {
		return -1
	}
	p := d.paras[sp.para+1]
	if p.t1-p.t0 > maxCreditLine || d.toks[p.t0].kind != tPunct || !isDash(rune(d.toks[p.t0].r)) {
		return -1
	}
	if mi := d.mentionOf(p.t0 + 1); mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace {
		return d.mentions[mi].ent
	}
	return -1
}

// leadIn returns the person a paragraph of bare quotation is introduced
// by, or -1: the subject of the sentence that ends the paragraph before,
// when that sentence is about them alone and quotes no one — "Edmund
// Yorthorpe is unequivocal.", "She is candid about the earlier mistakes.",
// "Dorridge chose his words carefully."
func (d *doc) leadIn(para int) int {
	if para == 0 {
		return -1
	}
	last := d.paras[para-1].t1 - 1
	if last < 0 || !d.punct(last, '.') {
		return -1
	}
	ls := int(d.toks[last].sent)
	if ls < 0 || ls >= len(d.sents) {
		return -1
	}
	sub := d.sents[ls].subject
	if sub < 0 || !(d.ents[sub].kind == mPerson || d.ents[sub].kind == 0 && d.ents[sub].nominal == Person) {
		return -1
	}
	if j, _ := d.spansIn(ls); j < int(d.sentSp[ls+1]) {
		return -1 // it quotes, or names something, itself
	}
	st := &d.sents[ls]
	if st.t1-d.skipIntro(st.t0, st.t1) > 32 {
		return -1 // counted past "Asked whether the work depresses her,"
	}
	for _, m := range d.mentionsIn(ls) {
		if m.ent >= 0 && m.ent != sub && d.ents[m.ent].kind == mPerson {
			return -1 // "Fenford pressed Dorridge on it."
		}
	}
	// It must say how they speak: "The director, Julia Park, has asked
	// for photographs." introduces no one's words.
	for k := st.t0; k < st.t1; k++ {
		if d.toks[k].kind == tWord && manner[d.low(k)] {
			return sub
		}
	}
	return -1
}

// manner are words that say how someone speaks, or their stance, in a
// sentence that introduces their words: "She is candid about it.",
// "He chose his words carefully.", "Dalmere puts it bluntly."
var manner = map[string]bool{
	"words": true, "blunt": true, "bluntly": true, "candid": true, "candidly": true, "frank": true,
	"frankly": true, "unequivocal": true, "adamant": true, "emphatic": true, "firm": true,
	"defiant": true, "unapologetic": true, "philosophical": true, "upbeat": true, "optimistic": true,
	"pessimistic": true, "sanguine": true, "cautious": true, "confident": true, "forthright": true,
	"scathing": true, "dismissive": true, "sceptical": true, "skeptical": true, "pragmatic": true,
	"insistent": true, "measured": true, "guarded": true, "diplomatic": true, "unrepentant": true,
	"circumspect": true, "realistic": true, "hopeful": true, "defensive": true, "doubt": true,
	"regrets": true, "plainly": true, "simply": true, "succinctly": true, "mince": true,
	"resolute": true, "unmoved": true, "unfazed": true, "unrepentantly": true, "modest": true,
	"answering": true, "replying": true, "pauses": true, "paused": true, "quiet": true,
	"wasted": true, "swinging": true, "fiery": true, "first": true, "thanked": true, "turned": true,
}

// turn returns who answers in turn at quotation i, whose last quotation
// before it is j: the speaker before j's, when the two spoke in the two
// paragraphs before i, one of i and j is a question, and i's paragraph is
// quotation only. Else -1.
func (d *doc) turn(i, j int) int {
	sp, prev := &d.spans[i], &d.spans[j]
	if prev.para != sp.para-1 || !(d.question(i) || d.question(j) || d.replied(j)) {
		return -1
	}
	k := j - 1
	for k >= 0 && (!d.spans[k].quote || d.spans[k].para == prev.para) {
		k--
	}
	if k < 0 || d.spans[k].para != prev.para-1 || d.spans[k].who < 0 || d.spans[k].who == prev.who {
		return -1
	}
	// The paragraph holds nothing but the quotation.
	last := d.paras[sp.para].t1 - 1
	if sp.close < 0 || sp.close < last-1 {
		return -1
	}
	return d.spans[k].who
}

// interviewee returns the person the sentences shortly before sentence si
// say was asked something — "She was asked about it at her news
// conference.", "Yorcombe asked Garford what …" — or -1.
func (d *doc) interviewee(si int) int {
	para := d.sents[si].para
	for s := si - 1; s >= 0 && s >= si-6 && d.sents[s].para >= para-3; s-- {
		st := &d.sents[s]
		for k := st.t0; k < st.t1; k++ {
			if d.toks[k].span >= 0 || !d.is(k, "asked") {
				continue
			}
			if d.is(k-1, "was") || d.is(k-1, "were") || d.is(k-1, "being") {
				if sub := st.subject; sub >= 0 && d.ents[sub].kind == mPerson {
					return sub
				}
			} else if mi := d.mentionOf(k + 1); mi >= 0 && d.mentions[mi].kind == mPerson && d.mentions[mi].ent >= 0 {
				return d.mentions[mi].ent
			}
		}
	}
	return -1
}
