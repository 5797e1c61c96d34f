package summarize

import "strings"

// Reported speech set before the words that say who reported it:
// "The fund is short, Ames said.", "…, said Ames.", "…, according to
// Ames.", and the clause after "According to Ames, …".

// Limits of the rules below, each with its reason.
const (
	// A subject between a comma and its speech verb is a name or a short
	// description ("the Ohio senator"); a longer run is a clause of its own.
	maxTrailingSubject = 8
	// A reported clause has a few words at least; "In Iowa, Ames said" has
	// an adverbial, not a statement, before the comma.
	minFrontClause = 4
	// "According to X, …": the source is named within this many tokens
	// before the comma that opens the clause.
	maxAccordingSource = 12
)

// frontPositions adds to out the reported speech of sentence si that comes
// before its speech verb, or after an opening "according to X,".
func (d *doc) frontPositions(si int, out []position) []position {
	s := &d.sents[si]
	for c := s.t0; c < s.t1; c++ {
		if lexTable[d.toks[c].lex].flags&(wCue|wAccording) == 0 {
			continue // the common case, decided without cueAt
		}
		form, kind, width := d.cueAt(c)
		if width == 0 || kind == cueRead || kind == cueAs || kind == cueWeak {
			continue
		}
		if form == cueAccording {
			if p, ok := d.accordingFront(si, c, width); ok {
				out = append(out, p)
			} else if p, ok := d.trailingSource(si, c, c); ok {
				out = append(out, p)
			}
			continue
		}
		if form != cueFinite || d.has(c, wNoClause) {
			continue
		}
		if a := d.subjectBefore(si, c); a >= 0 {
			if p, ok := d.trailingSource(si, a, c); ok {
				out = append(out, p)
			}
		}
		if p, ok := d.parentheticalSource(si, c, width); ok {
			out = append(out, p)
		}
	}
	return out
}

// subjectBefore returns where the speaker of the speech verb at c starts
// when a comma sets it off from a clause before it — "…, Ames said",
// "…, said Ames" (then c itself) — or -1.
func (d *doc) subjectBefore(si, c int) int {
	s := &d.sents[si]
	a := c
	for a > s.t0 && c-a < maxTrailingSubject {
		t := &d.toks[a-1]
		if t.span >= 0 || !(t.kind == tWord || t.kind == tNum || t.kind == tPunct && t.r == '.' && d.abbreviation(a-1)) {
			break
		}
		if t.kind == tWord && d.has(a-1, wConj|wPrep|wCue) && !d.has(a-1, wDet|wPron) {
			return -1 // "…, and Linvale admitted": a clause of its own, not a speaker
		}
		a--
	}
	if !d.commaBefore(a) || a < c && !d.subjectStart(a) {
		return -1
	}
	if a == c {
		// "…, said Ames.", "…, said former governor Ed Rendell.": a name or
		// a description must follow; "…, said that" is no inversion.
		n := c + 1
		if !isCapWord(d, n) && !(d.is(n, "the") || d.is(n, "a") || d.is(n, "an") || d.is(n, "former") || d.lowerWordAt(n) && d.has(n, wRole|wTitle)) {
			return -1
		}
		// The speaker's phrase ends the sentence or a comma ends it: not
		// "…, who chairs the committee, said the police plan was …".
		if e := d.npEnd(n, s.t1); e < s.t1 && d.toks[e].kind != tPunct {
			return -1
		}
		return c
	}
	// "…, Ames said." ends there, or goes on with when and where only
	// ("in a statement", "on Tuesday"), or a listener ("told reporters"),
	// not with a clause of its own ("…, Ames said the case …").
	_, kind, width := d.cueAt(c)
	n := d.skipTimes(c+width, s.t1)
	if n < s.t1 && !(d.punct(n, '.') || d.punct(n, ',') || d.punct(n, '!') || d.punct(n, '?')) &&
		!(d.has(n, wPrep) && !d.is(n, "that")) && kind != cueTell {
		return -1 // a clause, a colon or a quotation follows: the statement is there
	}
	return a
}

// commaBefore reports whether token a follows a comma, or a closing
// quotation mark with the comma inside it: "Teachers are “looking to
// see …,” union President Lily Garza said".
func (d *doc) commaBefore(a int) bool {
	if d.punct(a-1, ',') {
		return true
	}
	return a > 0 && d.toks[a-1].kind == tMark && d.toks[a-1].fl&fClose != 0 && d.punctInside(a-1, ',')
}

// trailingSource returns the reported clause that opens sentence si and
// ends at the comma before token a, spoken by the subject of the speech
// verb (or "according to") at c.
func (d *doc) trailingSource(si, a, c int) (position, bool) {
	s := &d.sents[si]
	if !d.commaBefore(a) {
		return position{}, false
	}
	start := d.skipDateline(s.t0, a-1)
	for start < a-1 && (d.is(start, "but") || d.is(start, "and") || d.is(start, "so")) {
		start++
	}
	if a-1-start < minFrontClause || !d.frontClause(start, a-1) {
		return position{}, false
	}
	who := -1
	switch _, _, width := d.cueAt(c); {
	case d.is(c, "according"):
		who = d.cueSubject(c)
	case a == c: // "…, said Omar Pelton, the plant's manager."
		who = d.headIn(c+width, d.clauseEnd(c+width), true)
	default: // "…, a senior diplomat told reporters."
		who = d.headIn(a, c, true)
	}
	if who < 0 || d.namedLast(start, a-1, who) {
		return position{}, false // "Dalmere's lawyer, Ana Bell, said": an appositive
	}
	end := a - 1
	if d.toks[end].kind == tMark {
		end = a // the quotation's closing mark, with the comma inside it
	}
	return position{ent: who, s: int(d.toks[start].s), e: d.trimEnd(start, end)}, true
}

// frontClause reports whether tokens [a, b) read as a reported statement:
// not a direct quotation (its words are the quote), and with no speech
// verb of their own, whose statement it would rather be.
func (d *doc) frontClause(a, b int) bool {
	if d.allQuoted(a, b) || d.quotationOnly(a, b) {
		return false // “…,” Ames said: the quotation is the statement
	}
	if (subordinators[d.low(a)] || d.is(a, "as")) && !d.finiteVerb(d.afterFirstComma(a, b), b) {
		return false // "As the crowd booed,": a setting, not a statement; "While …, her rivals have …" is one
	}
	if !d.finiteVerb(a, b) {
		return false // "Notably absent from the talks,"
	}
	for k := a; k < b; k++ {
		if d.toks[k].span >= 0 {
			continue
		}
		if form, _, n := d.cueAt(k); n > 0 && form != cueIng {
			if (d.is(k, "added") || d.is(k, "adds")) && (d.toks[k+n].kind == tNum || numberWords[d.low(k+n)]) {
				continue // "organizers added 160 security staff": a sum, not speech
			}
			return false
		}
		if d.punct(k, ':') || d.punct(k, ';') {
			return false
		}
	}
	return true
}

// accordingFront returns the clause after "According to X," when the
// sentence opens with it.
func (d *doc) accordingFront(si, c, width int) (position, bool) {
	s := &d.sents[si]
	if d.skipIntro(s.t0, c) != c {
		return position{}, false
	}
	p := c + width
	for p < s.t1 && p < c+width+maxAccordingSource && !d.punct(p, ',') {
		if d.toks[p].span >= 0 {
			return position{}, false
		}
		p++
	}
	if !d.punct(p, ',') {
		return position{}, false
	}
	start := p + 1
	e, _ := d.clauseEndAt(start, s.t1)
	if e-start < minFrontClause || !d.frontClause(start, e) {
		return position{}, false
	}
	who := d.cueSubject(c)
	if who < 0 {
		return position{}, false
	}
	return position{ent: who, s: int(d.toks[start].s), e: d.trimEnd(start, e)}, true
}

// finiteVerb reports whether tokens [a, b) outside quotation marks hold a
// verb that makes them a clause: an auxiliary, a past form or a present
// form in -s after a name or noun.
func (d *doc) finiteVerb(a, b int) bool {
	for j := a; j < b; j++ {
		if d.toks[j].kind != tWord || d.toks[j].fl&fLower == 0 {
			continue
		}
		w := d.low(j)
		if strings.HasSuffix(w, "ed") && (d.is(j-1, "a") || d.is(j-1, "an") || d.is(j-1, "the")) {
			continue // "an animated meeting", "the revised plan": an adjective
		}
		if d.has(j, wAux) || irregularPast[w] || strings.HasSuffix(w, "ed") || d.contractedSubject(j) { // "he'd", "it's"
			return true
		}
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && j > a && (isCapWord(d, j-1) || d.toks[j-1].kind == tWord && d.toks[j-1].fl&fLower != 0 && !d.has(j-1, wDet|wPrep|wAux)) && d.has(j+1, wDet|wPrep) {
			return true // "the fund needs more", "Ohio leads the field"
		}
	}
	return false
}

// namedLast reports whether tokens [a, b) end with a name of entity ent.
func (d *doc) namedLast(a, b, ent int) bool {
	for k := b - 1; k >= a && k >= b-6; k-- {
		if mi := d.mentionOf(k); mi >= 0 {
			return d.mentions[mi].ent == ent && d.mentions[mi].c1 == b
		}
	}
	return false
}

// quotationOnly reports whether tokens [a, b) are a quotation and nothing
// after it but punctuation: "“We will not close,”" before ", Vogt said".
// "“For teachers, he’s saying the right things” about pay" is more.
func (d *doc) quotationOnly(a, b int) bool {
	if d.toks[a].kind != tMark || d.toks[a].span < 0 {
		return false
	}
	c := d.spans[d.toks[a].span].close
	if c < 0 || c >= b {
		return true
	}
	k := c + 1
	for k < b && d.toks[k].kind == tPunct {
		k++
	}
	// Nothing after it, or the speaker's name and role: "“…,” Lorley Salmore,
	// the union’s secretary, told a rally".
	return k >= b || isCapWord(d, k)
}

// afterFirstComma returns the token after the first comma in [a, b), or b.
func (d *doc) afterFirstComma(a, b int) int {
	for k := a; k < b; k++ {
		if d.punct(k, ',') && d.toks[k].span < 0 {
			return k + 1
		}
	}
	return b
}

// parentheticalSource returns the clause after a speech verb set off by a
// comma — "In particular, he said, the foundation had free use of …",
// "But as Corley noted, those voters will …", "Vale said, the system
// is rigged" — spoken by the verb's subject: a name or pronoun opening the
// sentence or set off by a comma before, or after "as".
func (d *doc) parentheticalSource(si, c, width int) (position, bool) {
	s := &d.sents[si]
	n := c + width
	if !d.punct(n, ',') {
		return position{}, false
	}
	a := c
	for a > s.t0 && c-a < maxTrailingSubject && d.toks[a-1].kind == tWord && d.toks[a-1].span < 0 && !d.is(a-1, "as") {
		a--
	}
	if a == c || !(a == d.skipIntro(s.t0, c) || d.punct(a-1, ',') || d.is(a-1, "as")) {
		return position{}, false
	}
	start := n + 1
	if start >= s.t1 || d.toks[start].kind == tMark {
		return position{}, false // "He said, “…”": the quotation is the statement
	}
	e, _ := d.clauseEndAt(start, s.t1)
	if e-start < minFrontClause || !d.frontClause(start, e) {
		return position{}, false
	}
	who := d.headIn(a, c, true)
	if who < 0 {
		return position{}, false
	}
	return position{ent: who, s: int(d.toks[start].s), e: d.trimEnd(start, e)}, true
}
