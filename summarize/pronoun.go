package summarize

// Pronouns: he, she and they, resolved to people and bodies named before.

func (d *doc) compatible(ent int, g int8) bool {
	e := &d.ents[ent]
	switch g {
	case genderUnknown:
		return e.kind == mPerson || e.kind == 0 && e.nominal == Person
	case genderMale, genderFemale:
		if e.placeLike {
			return false // "voters in Vell Harbor … he asked": not the town
		}
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
	if mi := d.mentionAt[i]; mi >= 0 && d.mentions[mi].ent >= 0 {
		return d.mentions[mi].ent // the surname He, not a pronoun
	}
	g := d.lx(i).gender
	if g == genderUnknown {
		return -1
	}
	si := int(d.toks[i].sent)
	intro := d.skipIntro(d.sents[si].t0, i)
	if g == genderNeuter && intro < i && !d.has(intro, wPron) {
		// "Mozambique's army said it had recaptured the town of Mucojo …,
		// in what it called": the body the sentence is about, before any
		// place or thing named on the way.
		if w := d.headIn(intro, d.npEnd(intro, i), true); w >= 0 && d.compatible(w, g) && (d.ents[w].kind == mOrg || d.ents[w].kind == 0) {
			return w
		}
	}
	if w := d.sameAsOpening(i, si, intro); w >= 0 {
		return w
	}
	ante := d.relativeAntecedent(i)
	if d.is(i-1, "whom") && i-1 > intro {
		// "Perrin set the rival candidate, whom he described as …,
		// against Rell": the one who speaks in the main clause, not its object.
		if w := d.headIn(intro, d.npEnd(intro, i), false); w >= 0 && w != ante && d.compatible(w, g) {
			return w
		}
	}
	if w := d.antecedentInSentence(i, si, intro, ante, g); w >= 0 {
		return w
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
	if g == genderPlural && si > 0 && d.sents[si-1].para >= para-1 {
		// "The researchers acknowledge the limits. In the paper they
		// describe": the group that opened the sentence before.
		s := d.sents[si-1]
		if k := s.t0; d.is(k, "the") && d.has(k+1, wGroupNoun) && d.toks[k+1].fl&fLower != 0 {
			if w := d.nominal(k, k+2, true); w >= 0 {
				return w
			}
		}
	}
	return d.antecedentBefore(si, para, g)
}

// antecedentInSentence returns the person or body named earlier in
// sentence si, after its introduction, that the pronoun at i (of sex g)
// stands for: the nearest that fits, passing over the one a relative
// pronoun refers to (ante), a possessor unless no one else fits, and names
// used as modifiers; else -1.
func (d *doc) antecedentInSentence(i, si, intro, ante int, g int8) int {
	ms := d.mentionsIn(si)
	possessor := -1
	for mi := len(ms) - 1; mi >= 0; mi-- {
		m := &ms[mi]
		if m.c0 >= i || m.inQuote || m.ent < 0 || m.c0 < intro {
			continue // "In an interview with the magazine X, he said": not X
		}
		if m.ent == ante {
			continue // "Dana Pirrell, whom he called …": he is not Pirrell
		}
		if m.c1 == i-1 && d.punct(i-1, ',') && d.parentheticalCue(i) {
			continue // "and Ms. Varga, she said, “is one of us”": Varga is what she spoke of
		}
		if d.inAside(m.c0, m.c1, i) {
			continue // "“…” -- that Mayor Bloom is a liberal -- “…,” he says": not Bloom
		}
		if n := m.c1; n < i && d.toks[n].fl&fLower != 0 && d.has(n, wGroupNoun|wPersonNoun|wRole) && m.kind != mPerson {
			continue // "from Islamist insurgents, in what it called": not "Islamist"
		}
		if d.compatible(m.ent, g) {
			if d.toks[m.c1-1].fl&fPossessive != 0 && m.kind == mPerson && (g == genderMale || g == genderFemale) {
				// "Morrow saw Sutter's words differently: “…,” he
				// said": the one whose words they are yields to a
				// person named before as the subject.
				if possessor < 0 {
					possessor = m.ent
				}
				continue
			}
			if (m.modifier || d.is(m.c0-1, "the") && !d.has(m.c1, wCue|wAux|wPrep|wConj|wPron|wDet)) && m.kind == mPerson &&
				(g == genderMale || g == genderFemale) && m.c1 < i && d.toks[m.c1].kind == tWord && d.toks[m.c1].fl&fLower != 0 {
				continue // "go ahead with the Pike meeting, although he tweeted": not Pike
			}
			return m.ent
		}
	}
	return possessor
}

// antecedentBefore returns who a pronoun of sex g in sentence si stands
// for from the sentences before, in paragraph para or the three before: a
// sentence's subject, a surname alone that just spoke, a name, or a person
// described; else -1.
func (d *doc) antecedentBefore(si, para int, g int8) int {
	for s := si - 1; s >= 0 && s >= si-8 && d.sents[s].para >= para-3; s-- {
		if sub := d.sents[s].subject; sub >= 0 && d.compatible(sub, g) {
			return sub
		}
		if sub := d.sents[s].subject; s == si-1 && sub >= 0 && (g == genderMale || g == genderFemale) && d.ents[sub].kind == mUnknown && d.ents[sub].spoke && !d.ents[sub].thing {
			return sub // "Cox says …. He says": a surname alone that just spoke
		}
		for _, m := range d.mentionsIn(s) {
			if m.inQuote || m.ent < 0 || m.modifier {
				continue
			}
			if d.is(m.c0-1, "the") && m.c1 < len(d.toks) && d.toks[m.c1].kind == tWord && d.toks[m.c1].fl&fLower != 0 && !d.has(m.c1, wCue|wAux|wPrep|wConj|wPron|wDet) {
				continue // "after the Howard storms": a name used as a modifier
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

// parentheticalCue reports whether the pronoun at i opens a speech verb
// set off by commas inside a clause: ", she said,".
func (d *doc) parentheticalCue(i int) bool {
	form, _, n := d.cueAt(i + 1)
	return n > 0 && form == cueFinite && d.punct(i+1+n, ',')
}

// sameAsOpening: "He declared that …, Pike would have a path, which he
// declared “a total disaster”": a he or she later in a sentence that a
// he or she of the same sex opened is the same person; else -1.
func (d *doc) sameAsOpening(i, si, intro int) int {
	if intro >= i-1 || d.toks[intro].fl&fAllCaps != 0 || d.low(intro) != d.low(i) || (d.low(i) != "he" && d.low(i) != "she") {
		return -1
	}
	return d.resolvePronoun(intro)
}

// inAside reports whether tokens [a, b) stand between two dashes that
// both come before token i in its sentence: an aside the sentence's
// pronouns do not reach into.
func (d *doc) inAside(a, b, i int) bool {
	closed := false
	for k := b; k < i; k++ {
		if d.dashAt(k) {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	for k := a - 1; k >= d.sentOf(a).t0; k-- {
		if d.dashAt(k) {
			return true
		}
	}
	return false
}

// relativeAntecedent returns who a relative pronoun right before the
// pronoun at i stands for — Pirrell in "Dana Pirrell, whom he called" —
// or -1. The pronoun is the relative clause's subject, so it cannot be
// the one the clause is about.
func (d *doc) relativeAntecedent(i int) int {
	if !(d.is(i-1, "whom") || d.is(i-1, "who") || d.is(i-1, "which") || d.is(i-1, "that")) {
		return -1
	}
	j := i - 2
	if d.punct(j, ',') {
		j--
	}
	if mi := d.mentionOf(j); mi >= 0 && d.mentions[mi].c1 == j+1 {
		return d.mentions[mi].ent
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
		for h < s.t1 && h < k+4 && d.toks[h].kind == tWord && d.toks[h].fl&fLower != 0 && !d.has(h, wPersonNoun|wRole) && !d.has(h, wPrep|wCue|wAux|wDet|wPron) {
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
