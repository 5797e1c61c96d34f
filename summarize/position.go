package summarize

import "strings"

// position is a reported statement: who, and the clause's bytes.
type position struct {
	ent  int
	s, e int
}

// positions finds reported speech: SUBJECT said [that] CLAUSE, and the
// clauses after "saying", "insisting that", "told reporters".
func (d *doc) positions() []position {
	var out []position
	for si := range d.sents {
		out = d.frontPositions(si, out)
		out = d.callPositions(si, out)
		s := &d.sents[si]
		for c := s.t0; c < s.t1; c++ {
			form, kind, width := d.cueAt(c)
			if width == 0 || form == cueAccording || kind == cueRead || kind == cueWeak || kind == cueAs || d.has(c, wNoClause) {
				continue
			}
			if form != cueIng && d.inverted(c) {
				continue // “Q,” said X: the quotation is the statement
			}
			if d.modalBefore(c) {
				continue // "the party should say that …": nothing said yet
			}
			k := d.clauseStartAfter(c, width, kind, s)
			if k < 0 {
				continue
			}
			if d.relativeCue(c) {
				continue // "the list, which the campaign says includes …": no clause of its own
			}
			for {
				if d.is(k, "that") {
					k++
					if k < s.t1 && d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0 && !d.has(k, wDet|wPron) && !d.clauseWord(k) &&
						(d.has(k+1, wPrep) || d.punctAt(k+1)) && !d.hasVerb(k, s.t1) {
						break // "reiterated that approach in his interview": a determiner
					}
				}
				if k >= s.t1 || !d.clauseWord(k) && !d.startsClause(k) && !d.fragmentOpens(k, s.t1) {
					break
				}
				if d.is(k, "it") && (k+1 >= s.t1 || d.toks[k+1].kind != tWord || d.has(k+1, wPrep|wDet|wConj)) {
					break // "had said it in the debate": an object
				}
				if (d.toks[k].kind == tNum || numberWords[d.low(k)]) && !d.is(k-1, "that") && !d.hasVerb(k, s.t1) {
					break // "had confirmed 68 nominees by this point": an object
				}
				if mi := d.mentionOf(k); mi >= 0 && !d.is(k-1, "that") && (d.is(d.mentions[mi].c1, "of") || d.is(d.mentions[mi].c1, "for")) {
					break // "accused Harkin of …", "blamed Ames for …": whom, not what
				}
				if !d.is(k-1, "that") && !d.clauseWord(k) && d.toks[k].fl&fLower != 0 && !d.has(c, wBareClause) &&
					(!d.has(k, wDet|wPron) || !d.hasVerb(k, s.t1)) {
					// Only "said", "told" and the like drop their "that" before a
					// bare noun; others need a clause with a verb: "admitted his
					// side had switched off", not "could signal a change".
					break
				}
				e, again := d.clauseEndAt(k, s.t1)
				if !d.is(k-1, "that") && !d.finiteVerb(k, e) && !d.fragmentOpens(k, s.t1) {
					break // "acknowledged Harkin's success": an object, no clause
				}
				if e-k >= 3 && !d.allQuoted(k, e) {
					who := d.cueSubject(c)
					if who < 0 {
						break
					}
					out = append(out, position{ent: who, s: int(d.toks[k].s), e: d.trimEnd(k, e)})
				}
				if !again {
					break
				}
				k = e + 1 // after "and", at "that"
			}
		}
	}
	return out
}

// dashBefore reports whether a dash opens an aside shortly before token k
// in its sentence, with no dash between: the clause at k is inside it.
func (d *doc) dashBefore(k int) bool {
	t0 := d.sentOf(k).t0
	for j := k - 1; j >= t0 && j > k-maxAside; j-- {
		if d.dashAt(j) {
			return j > t0
		}
	}
	return false
}

// reportNoun reports whether token k is a noun that a "that" clause can
// complete: reports, claims, allegations, speculation, fears …
func (d *doc) reportNoun(k int) bool {
	if d.toks[k].kind != tWord || d.toks[k].fl&fLower == 0 {
		return false
	}
	w := d.low(k)
	switch w {
	case "reports", "report", "claims", "allegations", "allegation", "suggestions", "suggestion", "rumours", "rumors",
		"rumour", "rumor", "speculation", "news", "word", "fears", "concerns", "accusations", "accusation", "charges":
		return true
	}
	return claimNouns[w]
}

// clauseStartAfter returns where the reported clause after the speech verb
// at c (of the given width and kind) opens in sentence s — past a
// listener ("told reporters he …"), times and adverbs ("noted repeatedly
// that"), an aside before "that" and a phrase ("said in a statement that
// …") — or -1 when none does.
func (d *doc) clauseStartAfter(c, width int, kind uint8, s *sentence) int {
	k := c + width
	if kind == cueTell && d.objectPronoun(k) && d.has(k+1, wDet) && d.hasVerb(k+1, s.t1) {
		k++ // "told me the subsidy could not last": the clause after the listener
	} else if kind == cueTell && !d.is(k, "that") && !d.clauseWord(k) {
		// told reporters he …, told the BBC that …: only a clause that
		// "that" or a pronoun opens after the listener.
		j := k
		for j < s.t1 && j < k+10 && (d.toks[j].kind == tWord || d.toks[j].kind == tNum) && !(d.is(j, "that") && !d.relativeThat(j)) && !d.clauseWord(j) && !(j > k && d.possessivePronoun(j) && d.hasVerb(j, s.t1)) {
			j++
		}
		if !d.is(j, "that") && !d.clauseWord(j) && !(d.possessivePronoun(j) && d.hasVerb(j, s.t1)) {
			return -1
		}
		k = j
	}
	k = d.skipTimes(k, s.t1)
	for k < s.t1 && d.adverb(k) {
		k++ // "noted repeatedly that"
	}
	if d.punct(k, ',') {
		// "said, among other things, that …": an aside before "that".
		for j := k + 1; j < s.t1 && j < k+8; j++ {
			if d.punct(j, ',') {
				if d.is(j+1, "that") {
					k = j + 1
				}
				break
			}
			if d.toks[j].kind != tWord {
				break
			}
		}
	}
	if d.has(k, wPrep) && !d.is(k, "that") {
		// said in a statement that …, said in Madison, Wisconsin, that …
		found := -1
		for j := k + 1; j < s.t1 && j < k+10; j++ {
			if d.is(j, "that") && d.reportNoun(j-1) {
				break // "declined to comment on reports that …": the reports' clause, not the comment's
			}
			if d.is(j, "that") && !d.relativeThat(j) {
				found = j
				break
			}
			if d.toks[j].kind != tWord && !d.punct(j, ',') {
				break
			}
		}
		if found < 0 {
			return -1
		}
		k = found
	}
	return k
}

// relativeCue reports whether the speech verb at c stands in a relative
// clause whose object is gone: "Vale's donor list, which the campaign
// says includes 2.7 million contributors".
func (d *doc) relativeCue(c int) bool {
	for j := c - 1; j >= 0 && j >= c-5; j-- {
		if d.toks[j].kind != tWord {
			return false
		}
		if (d.is(j, "which") || d.is(j, "whom")) && j < c-1 {
			return true
		}
	}
	return false
}

// fragmentOpens reports whether a reported clause opens at k with a
// quoted fragment and goes on after it: "said “zero” voters would follow
// him".
func (d *doc) fragmentOpens(k, end int) bool {
	if k >= end || d.toks[k].kind != tMark || d.toks[k].fl&fOpen == 0 || d.toks[k].span < 0 {
		return false
	}
	c := d.spans[d.toks[k].span].close
	return c > k && d.lowerWordAt(c+1) && c+1 < end && d.lowerWordAt(k+1)
}

// relativeThat reports whether "that" at j opens a relative clause, as a
// verb right after it shows: "in a story that aired this week that he …".
func (d *doc) relativeThat(j int) bool {
	n := j + 1
	if n >= len(d.toks) || d.toks[n].kind != tWord || d.toks[n].fl&fLower == 0 || d.has(n, wDet|wPron) || d.clauseWord(n) {
		return false
	}
	w := d.low(n)
	return d.has(n, wAux) || irregularPast[w] || strings.HasSuffix(w, "ed")
}

// possessivePronoun reports whether token k is his, her, their, its, our
// or my, which may open a reported clause after a listener: "told the AP
// his firm worked closely with …".
func (d *doc) possessivePronoun(k int) bool {
	switch d.low(k) {
	case "his", "her", "their", "its", "our", "my":
		return d.toks[k].fl&fLower != 0
	}
	return false
}

// subjectPronoun reports whether token k is a personal pronoun that can
// be a subject: he, she, they, it, we, I, you.
func (d *doc) subjectPronoun(k int) bool {
	if d.toks[k].kind != tWord {
		return false
	}
	switch d.low(k) {
	case "he", "she", "they", "it", "we", "i", "you":
		return true
	}
	return false
}

// objectPronoun reports whether token k is me, us, him or them: a listener
// that cannot begin a longer phrase, as "her" can ("told her husband").
func (d *doc) objectPronoun(k int) bool {
	switch d.low(k) {
	case "me", "us", "him", "them":
		return d.toks[k].fl&fLower != 0
	}
	return false
}

// clauseWord reports whether token k can open a reported clause: a pronoun
// or "there".
func (d *doc) clauseWord(k int) bool {
	if k >= len(d.toks) {
		return false
	}
	return d.subjectPronoun(k) || d.toks[k].kind == tWord && (d.is(k, "there") || d.contractedSubject(k)) // "said he'd back it", "says it's “ruinous”"
}

// startsClause reports whether a reported clause can start at token k: a
// noun phrase, not a verb, a preposition or a subordinate conjunction.
func (d *doc) startsClause(k int) bool {
	if k >= len(d.toks) {
		return false
	}
	t := d.toks[k]
	if t.span >= 0 && t.fl&fOpen != 0 {
		return false
	}
	if t.kind == tNum {
		return true
	}
	if t.kind != tWord {
		return false
	}
	if d.is(k-1, "that") && (subordinators[d.low(k)] || d.is(k, "even") || d.has(k, wPrep) && !d.is(k, "to")) && t.fl&fLower != 0 {
		return true // "said that if the court rules …", "that even though …", "that in 2012 it paid …"
	}
	if w := d.low(k); d.is(k-1, "that") && d.has(k, wCue) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !d.has(k, wAux) && t.fl&fLower != 0 && d.has(k+1, wAux) && d.toks[k+1].fl&fLower != 0 {
		return true // "adding that protests would be held": a plural noun before its verb ("that" is no demonstrative before a plural)
	}
	if d.has(k, wAux|wPrep|wConj|wCue) && !d.has(k, wDet|wPron) {
		return false
	}
	if d.is(k, "what") || d.is(k, "which") || d.is(k, "whether") || d.is(k, "how") || d.is(k, "why") || d.is(k, "who") {
		return false
	}
	if d.has(k, wDet|wPron) || t.fl&(fCap|fAllCaps) != 0 {
		return true
	}
	if d.is(k-1, "that") && !d.has(k, wAux|wPrep|wConj|wCue) {
		return true // after "that" a clause starts, whatever its first word
	}
	if (d.is(k, "about") || d.is(k, "around") || d.is(k, "nearly") || d.is(k, "almost")) && k+1 < len(d.toks) && d.toks[k+1].kind == tNum {
		return true // "about 1,100 procedures"
	}
	if numberWords[d.low(k)] {
		return true // "said four of his aides will speak"
	}
	// A bare noun phrase: "said emergency departments would …". Not an
	// adverb, a verb form we know or a function word.
	w := d.low(k)
	return t.fl&fLower != 0 && !strings.HasSuffix(w, "ly") && !d.has(k, wStop|wAux|wPrep|wConj|wCue|wTime|wIntro)
}

func (d *doc) skipTimes(k, end int) int {
	for k < end {
		switch {
		case d.has(k, wTime) && d.toks[k].kind == tWord && !d.is(k, "this") && !d.is(k, "that"):
			k++
		case (d.is(k, "on") || d.is(k, "last") || d.is(k, "this") || d.is(k, "earlier") || d.is(k, "early") || d.is(k, "late") || d.is(k, "later")) && d.has(k+1, wTime):
			k += 2
		default:
			return k
		}
	}
	return k
}

// clauseEndAt returns where a reported clause starting at k ends, and
// whether another "and that" clause follows.
func (d *doc) clauseEndAt(k, end int) (int, bool) {
	for j := k + 1; j < end; j++ {
		t := d.toks[j]
		if t.span >= 0 && t.fl&fClose == 0 && t.fl&fOpen == 0 {
			continue // inside a quotation: its full stop is not the clause's
		}
		if (d.is(j, "and") || d.is(j, "but")) && j+1 < end {
			if _, _, n := d.cueAt(j + 1); n > 0 && j+1 != k {
				return j, false // "… and noted that …": another statement
			}
			if d.has(j+1, wAux) && !d.has(j+1, wPron) && d.toks[j+1].fl&fLower != 0 {
				if _, _, n := d.cueAt(j + 2); n > 0 {
					return j, false
				}
			}
		}
		if t.kind == tPunct {
			if d.dashAt(j) && d.dashBefore(k) {
				return j, false // "Rell – who once said she would “sink” it – said": the aside ends the clause
			}
			if d.dashAt(j) && j > k+2 {
				switch d.low(j + 1) {
				case "and", "but", "even", "while", "as", "although", "though", "yet", "so", "because":
					return j, false // "the mood is turning their way — and the council is …": another clause
				}
			}
			switch t.r {
			case '.':
				if j+1 < len(d.toks) && d.toks[j+1].sent == t.sent && (d.toks[j+1].kind == tWord || d.toks[j+1].kind == tNum) {
					continue // "Mr. Bashir", "Dale J. Krupp", "since Jan. 7": no sentence ends there
				}
				return j, false
			case ';', '!', '?', ':':
				return j, false
			case ',':
				// A direct quotation, a participle or a new clause after a comma ends it.
				n := j + 1
				if d.toks[n%len(d.toks)].kind == tMark && d.toks[n%len(d.toks)].fl&fOpen != 0 {
					return j, false
				}
				if (d.is(n, "who") || d.is(n, "which")) && d.toks[n].fl&fLower != 0 {
					if c := d.relativeClauseEnd(n, end); c > 0 {
						j = c // "that the billionaire, who is now the nominee, would unite …"
						continue
					}
				}
				if d.afterComma(n) || d.speakerFollows(n) {
					return j, false
				}
			}
			continue
		}
		if t.kind == tMark && t.fl&fClose != 0 && d.punctInside(j, ',') && d.afterComma(j+1) {
			return j + 1, false
		}
		if t.kind != tWord || t.span >= 0 {
			continue
		}
		if d.is(j, "and") && d.is(j+1, "that") {
			return j, true
		}
		if form, _, n := d.cueAt(j); n > 0 && form == cueIng && j > k+2 && strings.HasSuffix(d.low(j), "ing") && !d.has(j-1, wDet|wPron|wPrep) && !d.possessiveAt(j-1) && !strings.HasSuffix(d.low(j-1), "ed") && !irregularPast[d.low(j-1)] {
			// "said she quit her job claiming …", not "the chance to speak",
			// "his paid speaking schedule" or "in speaking".
			return j, false
		}
	}
	return end, false
}

// relativeClauseEnd returns the comma that closes a relative clause
// opening at n ("who is now the nominee,") when the clause around it goes
// on with its verb after it ("would unite"), or 0.
func (d *doc) relativeClauseEnd(n, end int) int {
	for j := n + 1; j < end && j < n+25; j++ {
		if d.toks[j].span >= 0 {
			return 0
		}
		if d.punct(j, ',') {
			if v := j + 1; v < end && d.has(v, wAux) && d.toks[v].fl&fLower != 0 && !d.has(v, wPron) {
				return j
			}
			return 0
		}
		if d.toks[j].kind == tPunct && d.toks[j].r != '-' {
			return 0
		}
	}
	return 0
}

// possessiveAt reports whether token k is a possessive: "his", "its",
// "Ohio's".
func (d *doc) possessiveAt(k int) bool {
	return k >= 0 && k < len(d.toks) && d.toks[k].fl&fPossessive != 0
}

// speakerFollows reports whether a new speaker and speech verb start at n
// ("…, Vale insisted that …"): a name or a pronoun, then the verb.
func (d *doc) speakerFollows(n int) bool {
	if n >= len(d.toks) || d.toks[n].kind != tWord {
		return false
	}
	k := n
	if mi := d.mentionOf(n); mi >= 0 {
		k = d.mentions[mi].c1
	} else if d.clauseWord(n) {
		k = n + 1
	} else {
		return false
	}
	form, _, w := d.cueAt(k)
	return w > 0 && form == cueFinite
}

// punctInside reports whether the quotation closed by the mark at j ends in r.
func (d *doc) punctInside(j int, r rune) bool {
	return j > 0 && d.punct(j-1, r)
}

// afterComma reports whether token n starts something that ends a reported
// clause when it follows a comma.
func (d *doc) afterComma(n int) bool {
	if n >= len(d.toks) || d.toks[n].kind != tWord {
		return false
	}
	if d.toks[n].fl&fLower != 0 && len(d.low(n)) > 4 && d.low(n)[len(d.low(n))-3:] == "ing" {
		return true
	}
	switch d.low(n) {
	case "but", "while", "although", "though", "whereas", "according", "as", "adding", "saying", "which", "who":
		return true
	case "and", "so", "yet":
		// "…, and Ms. Varga is among …", "…, and he left": a clause of
		// its own, with its own subject.
		k := n + 1
		if d.is(k, "he") || d.is(k, "she") || d.is(k, "they") || d.is(k, "we") || d.is(k, "i") || d.is(k, "it") {
			return d.toks[k].fl&fAllCaps == 0
		}
		if mi := d.mentionAt[k]; k < len(d.toks) && mi >= 0 && d.mentions[mi].c0 == k && d.mentions[mi].kind != mPlace {
			return d.has(d.mentions[mi].c1, wAux|wCue) || d.finiteVerb(d.mentions[mi].c1, min(d.mentions[mi].c1+1, len(d.toks)))
		}
	}
	return false
}

// allQuoted reports whether the tokens [k, e) all sit inside one quotation.
func (d *doc) allQuoted(k, e int) bool {
	sp := d.toks[k].span
	if sp < 0 && d.toks[k].kind == tMark && k+1 < e {
		sp = d.toks[k+1].span
	}
	if sp < 0 {
		return false
	}
	for j := k; j < e; j++ {
		if d.toks[j].span != sp {
			return false
		}
	}
	return true
}

// trimEnd returns the end byte of a clause [k, e) without trailing spaces or
// punctuation outside quotation marks.
func (d *doc) trimEnd(k, e int) int {
	for e > k+1 && d.toks[e-1].kind == tPunct && d.toks[e-1].r != ')' {
		e--
	}
	return int(d.toks[e-1].e)
}

// hasVerb reports whether the words from k up to the first comma or the
// end of the sentence hold a verb that makes them a clause: an auxiliary
// or a past form.
func (d *doc) hasVerb(k, end int) bool {
	for j := k; j < end && !d.punct(j, ','); j++ {
		if d.toks[j].kind != tWord || d.toks[j].fl&fLower == 0 {
			continue
		}
		if d.has(j, wAux) || irregularPast[d.low(j)] || strings.HasSuffix(d.low(j), "ed") {
			return true
		}
	}
	return false
}
