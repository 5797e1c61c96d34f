package summarize

// Speakers described rather than named: "the company", "the star", "one resident".

import (
	"slices"
	"strings"
)

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

// maxDescription is the longest phrase, in tokens, read as a description
// of a speaker; a longer run before a verb is a clause, not a subject.
const maxDescription = 20

// description is a phrase that describes a speaker, taken apart: [a, e)
// the phrase, h its head noun and hw that noun's bare form.
type description struct {
	a, e, h     int
	hw          string
	si          int  // its sentence
	subordinate bool // it follows a subordinating word: "after the lender warned"
	plural      bool // a group: "the ministers"
	person      bool // a person: "the spokesperson", "the 34-year-old"
	org         bool // a body: "the company"
	definite    bool // "the", "this" or "that"
}

// nominal resolves a described speaker [a, e): "the DG of his campaign
// organisation" to the person whose role matches, "the star" to the person
// the text is about, "the company" to the organisation; "one person" and
// "the foreign ministers of …" speak for themselves. Its stages, in order:
// trim the phrase, the body a document is from, "one of them", a
// nationality, the head noun and its phrase, a document's author, then
// the person, group or body it describes, and last a described speaker
// of its own.
func (d *doc) nominal(a, e int, create bool) int {
	a, e, subordinate := d.trimDescription(a, e)
	if w := d.documentOfBody(a, e); w >= 0 {
		return w
	}
	e = d.dropTrailingPhrase(a, e)
	if e <= a || e-a > maxDescription || !d.subjectStart(a) {
		return -1
	}
	if w, ok := d.oneOfThem(a, e, create); ok {
		return w
	}
	if w, ok := d.byNationality(a, e); ok {
		return w
	}
	h := d.descriptionHead(a, e)
	if h < 0 {
		return -1
	}
	if mi := d.mentionAt[h]; mi >= 0 && d.mentions[mi].kind == mPerson {
		return -1 // "Justice Varga's comments": the title of a name, no description
	}
	// "a development one analyst described as": the phrase starts at the
	// last determiner before its noun.
	for k := h - 1; k > a; k-- {
		if d.is(k, "a") || d.is(k, "an") || d.is(k, "the") || d.is(k, "one") || d.is(k, "this") || d.is(k, "that") {
			a = k
			break
		}
	}
	e, w, ok := d.headPhrase(a, h, e)
	if ok {
		return w
	}
	x := description{a: a, e: e, h: h, si: int(d.toks[a].sent), subordinate: subordinate}
	x.hw = strings.TrimSuffix(strings.TrimSuffix(d.low(h), "'s"), "’s")
	x.plural = d.has(h, wGroupNoun) || d.plural(h) >= 0 && !d.has(h, wRole|wPersonNoun|wOrgNoun)
	x.person = !x.plural && (d.has(h, wRole|wTitle|wRoleAcronym|wPersonNoun) || strings.HasSuffix(x.hw, "-old") || epithets[x.hw])
	x.org = !x.plural && d.has(h, wOrgNoun)
	if !x.plural && !x.person && !x.org {
		if w, ok := d.documentSpeaker(&x, create); ok {
			return w
		}
	}
	x.definite = d.is(a, "the") || d.is(a, "this") || d.is(a, "that")
	if w := d.roleGivenBefore(&x); w >= 0 {
		return w
	}
	if w := d.ownersBody(&x, create); w >= 0 {
		return w
	}
	if w := d.describedOne(&x); w >= 0 {
		return w
	}
	if w := d.ownersPerson(&x, create); w >= 0 {
		return w
	}
	if w := d.describedBody(&x, create); w >= 0 {
		return w
	}
	if !create {
		return -1
	}
	return d.newDescribed(&x)
}

// roleGivenBefore: "Piet Lorcan, a real-estate developer, … “…,” the
// developer said": a short definite phrase whose head is the noun of an
// appositive given to one person named before, and no one else, is that
// person; else -1.
func (d *doc) roleGivenBefore(x *description) int {
	if !x.definite || x.plural || x.e-x.a > 3 || d.toks[x.h].fl&fLower == 0 || x.h != x.e-1 {
		return -1
	}
	found := -1
	for si := max(0, x.si-12); si <= x.si; si++ {
		for _, m := range d.mentionsIn(si) {
			if m.kind != mPerson || m.ent < 0 || m.inQuote || m.c1 > x.a || m.ent == found {
				continue
			}
			if d.appositiveHead(m, x.hw) {
				if found >= 0 {
					return -1 // two of them: the phrase does not tell which
				}
				found = m.ent
			}
		}
	}
	return found
}

// ownersBody: "Her campaign said", "his office said": the body of the
// person the pronoun stands for, named after them ("Lia Brandt's campaign"),
// not a pronoun no reader can place; else -1.
func (d *doc) ownersBody(x *description, create bool) int {
	if !x.org {
		return -1
	}
	return d.owners(x, Organisation, create)
}

// ownersPerson: "his wife said", "her chief aide said": the person of the
// one the pronoun stands for ("Ed Harkin's wife"), when the story names
// no one so; else -1.
func (d *doc) ownersPerson(x *description, create bool) int {
	if !x.person || x.plural {
		return -1
	}
	return d.owners(x, Person, create)
}

// owners finds or makes the entity "NAME's NOUN" for a phrase "his NOUN"
// or "her NOUN" (a modifier or two between allowed), of kind k.
func (d *doc) owners(x *description, k Kind, create bool) int {
	if x.h > x.a+3 || x.h != x.e-1 || !(d.is(x.a, "his") || d.is(x.a, "her")) {
		return -1
	}
	p := d.resolvePronoun(x.a)
	if p < 0 || d.ents[p].kind != mPerson {
		return -1
	}
	name := d.ents[p].name + "'s " + strings.ToLower(d.body[d.toks[x.a+1].s:d.toks[x.h].e])
	if !create {
		for i := range d.ents {
			if e := &d.ents[i]; e.kind == 0 && strings.EqualFold(e.name, name) {
				return i
			}
		}
		return -1
	}
	return d.described(name, k, x.si, x.hw)
}

// appositiveHead reports whether the name at m is set off with a phrase
// whose noun is hw: "Piet Lorcan, a real-estate developer," or "The
// real-estate developer behind it, Piet Lorcan,".
func (d *doc) appositiveHead(m mention, hw string) bool {
	if d.punct(m.c1, ',') && (d.is(m.c1+1, "a") || d.is(m.c1+1, "an") || d.is(m.c1+1, "the")) {
		for k := m.c1 + 2; k < m.c1+6 && k < len(d.toks) && d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0; k++ {
			if d.low(k) == hw {
				// The phrase ends there or goes on with a preposition:
				// not "in Githunguri, the clerk told her".
				return k+1 >= len(d.toks) || d.toks[k+1].kind == tPunct || d.has(k+1, wPrep) || d.is(k+1, "who")
			}
		}
	}
	if d.punct(m.c0-1, ',') {
		for k := m.c0 - 2; k > m.c0-9 && k >= 0 && d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0; k-- {
			if d.low(k) == hw {
				return true
			}
		}
	}
	return false
}

// trimDescription narrows [a, e) to the phrase itself: after a
// subordinating word ("Shares fell after the lender warned": the lender;
// "…, results the company called": a relative clause without "that"),
// without trailing commas, times and auxiliaries.
func (d *doc) trimDescription(a, e int) (int, int, bool) {
	subordinate := a > 0 && d.toks[a-1].fl&fLower != 0 && subordinators[d.low(a-1)] ||
		// "…, results the company called": a relative clause without "that".
		a > 1 && d.is(a, "the") && d.toks[a-1].kind == tWord && d.toks[a-1].fl&fLower != 0 && !d.has(a-1, wDet|wPrep|wPron|wConj|wAux|wCue) && d.punct(a-2, ',')
	for k := e - 1; k > a; k-- {
		if d.toks[k].fl&fLower != 0 && subordinators[d.low(k)] {
			a, subordinate = k+1, true
			break
		}
	}
	for e > a && (d.punct(e-1, ',') || d.has(e-1, wTime|wAux) && d.toks[e-1].fl&fLower != 0 || d.toks[e-1].kind == tPunct) {
		e--
	}
	return a, e, subordinate
}

// dropTrailingPhrase drops a trailing "in a statement", "on Thursday".
func (d *doc) dropTrailingPhrase(a, e int) int {
	for k := e - 1; k > a && k >= e-4; k-- {
		if d.has(k, wPrep) && (d.has(e-1, wSpeechNoun|wTime) || isCapWord(d, e-1) && d.has(e-1, wTime)) {
			e = k
			break
		}
	}
	return e
}

// documentOfBody returns the body a document named in [a, e) is from: "A
// University of Nottingham press release" said; else -1.
func (d *doc) documentOfBody(a, e int) int {
	if e > a && e-a <= maxDescription && d.has(e-1, wSpeechNoun) && d.toks[e-1].fl&fLower != 0 && !d.has(a, wPrep) {
		// "A University of Nottingham press release": the body it is from.
		for k := a; k < e-1; k++ {
			if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].kind == mOrg && d.mentions[mi].ent >= 0 && d.mentions[mi].c1 < e && !d.has(d.mentions[mi].c0-1, wPrep) {
				return d.mentions[mi].ent
			}
		}
	}
	return -1
}

// oneOfThem resolves "One of them described", "One of those people": one
// of the group named just before, a speaker of its own.
func (d *doc) oneOfThem(a, e int, create bool) (int, bool) {
	if (e == a+3 || e == a+4 && d.is(a+2, "those") && d.pluralNoun(a+3)) && d.is(a, "one") && d.is(a+1, "of") && (d.is(a+2, "them") || d.is(a+2, "those")) {
		// "People familiar with the talks said … One of them described",
		// "according to three people familiar … One of those people": one
		// of the group named just before.
		si := int(d.toks[a].sent)
		group := -1
		for s := si - 1; s >= 0 && s >= si-3 && group < 0; s-- {
			if sub := d.sents[s].subject; sub >= 0 && d.ents[sub].kind == 0 && d.ents[sub].nominal == Group {
				group = sub
			}
		}
		for i := len(d.ents) - 1; i >= 0 && group < 0; i-- {
			if en := &d.ents[i]; en.kind == 0 && en.nominal == Group && en.last < si && en.last >= si-3 {
				group = i
			}
		}
		if sub := group; sub >= 0 {
			{
				g := d.ents[sub].name
				g = strings.ToLower(g[:1]) + g[1:]
				if !strings.HasPrefix(g, "the ") {
					g = "the " + g // "one of the people familiar with the talks"
				}
				name := "one of " + g
				for i := range d.ents {
					if d.ents[i].kind == 0 && d.ents[i].name == name {
						return i, true
					}
				}
				if !create {
					return -1, true
				}
				d.ents = append(d.ents, entity{name: name, forms: []string{name}, nominal: Person, last: si, headWord: d.ents[sub].headWord})
				return len(d.ents) - 1, true
			}
		}
	}
	return -1, false
}

// byNationality resolves "said the Norwegian": the person the story is on,
// by nationality.
func (d *doc) byNationality(a, e int) (int, bool) {
	if d.is(a, "the") && e == a+2 && isCapWord(d, a+1) && peopleWord(d.low(a+1)) && d.has(a+1, wDemonym) {
		// "The Russians have used …, saying": the people, as a group.
		return d.described(d.body[d.toks[a].s:d.toks[a+1].e], Group, int(d.toks[a].sent), d.low(a+1)), true
	}
	if d.is(a, "the") && e == a+2 && isCapWord(d, a+1) && !peopleWord(d.low(a+1)) {
		if mi := d.mentionOf(a + 1); mi >= 0 && d.mentions[mi].kind == mPlace && !strings.EqualFold(d.text(a+1), d.mentions[mi].place) {
			return d.salientPerson(int(d.toks[a].sent), genderUnknown), true
		}
	}
	return -1, false
}

// peopleWord reports whether a demonym names a people, not one person:
// "the Russians", "the Chinese", "the British", "the Swiss" (but "the
// Russian", "the Frenchman").
func peopleWord(w string) bool {
	for _, suf := range [...]string{"s", "ese", "ish", "ch"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// descriptionHead returns the head of the phrase: the first noun for a
// person, body or group, with any noun that follows it ("bus driver"), or
// a document ("the statement read"); -1 when there is none.
func (d *doc) descriptionHead(a, e int) int {
	h := -1
	for k := a; k < e; k++ {
		if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].kind == mOrg && d.mentions[mi].c1 < e && d.mentions[mi].c1 > k+1 &&
			d.toks[d.mentions[mi].c1].fl&fLower != 0 && d.nounish(d.mentions[mi].c1) {
			// "A Department for Education spokesperson": a body's name used
			// as a modifier; the head comes after it.
			k = d.mentions[mi].c1 - 1
			continue
		}
		if d.toks[k].kind != tWord {
			if d.punct(k, '+') && k > a && d.toks[k].s == d.toks[k-1].e {
				continue // "OPEC+"
			}
			if h >= 0 && d.toks[k].kind == tPunct {
				break
			}
			continue
		}
		if h < 0 && d.has(k, wSpeechNoun) && d.toks[k].fl&fLower != 0 && (d.is(k+1, "from") || d.is(k+1, "by")) {
			h = k // "a statement from the center": its author, below
			break
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
		for k := a; k < e && k < a+6; k++ {
			if d.has(k, wSpeechNoun) && d.toks[k].fl&fLower != 0 {
				h = k // "the statement read"
				break
			}
		}
	}
	return h
}

// headPhrase returns where the phrase around head h ends — "one person
// close to the board", "the DG of his campaign organisation", "a person
// who attended the hearing" — or, for "strategists led by X", X himself
// (ok set).
func (d *doc) headPhrase(a, h, e int) (int, int, bool) {
	// "strategists led by Joanna Gilwell wrote": she speaks for them,
	// and is who a reader looks for.
	if h+3 < len(d.toks) && d.is(h+1, "led") && d.is(h+2, "by") {
		if mi := d.mentionOf(h + 3); mi >= 0 && d.mentions[mi].ent >= 0 && d.ents[d.mentions[mi].ent].kind == mPerson {
			return e, d.mentions[mi].ent, true
		}
	}
	if h+2 < e && (d.is(h+1, "close") || d.is(h+1, "familiar") || d.is(h+1, "involved") || d.is(h+1, "briefed") || d.is(h+1, "opposed")) && d.has(h+2, wPrep) {
		e = d.ppEnd(h+2, e) // "one person close to the board"
	} else if h+1 < e && (d.is(h+1, "of") || d.is(h+1, "for") || d.is(h+1, "at") || d.is(h+1, "from") || d.is(h+1, "including") || d.toks[h+1].kind == tPunct && d.toks[h+1].r == '(' ||
		d.is(h+1, "in") && !d.has(h, wOrgNoun) && d.namesBody(h+2, min(e, h+7))) {
		// keep the phrase: "the DG of his campaign organisation"
		e = d.ppEnd(h+1, e)
	} else if h+3 < e && e-h <= 6 && d.punct(h+1, ',') && d.has(h+2, wPrep) && d.namesBody(h+3, e) {
		// "A second source, at Falthorpe": the appositive says which.
	} else if anonymous[d.low(h)] && d.is(h+1, "who") {
		// "a person who attended the hearing and asked not to be named":
		// the clause is all that says who.
		end := d.sentOf(h).t1
		k := h + 2
		for k < end && k < h+10 && d.toks[k].kind == tWord && d.toks[k].span < 0 && !d.is(k, "and") && !d.is(k, "but") && !d.has(k, wCue) {
			k++
		}
		e = k
		if k == h+2 || k == h+10 {
			e = h + 1 // "a person who spoke on condition of anonymity", or a long clause
		}
	} else {
		e = h + 1
	}
	return e, -1, false
}

// documentSpeaker resolves a phrase whose head is a document or a work:
// its author ("A statement issued by the Erie Police Department said",
// "Her report … began"), the document itself where it speaks ("An internal
// audit report concluded"), or no one (ok set, w -1). Not ok: carry on,
// the phrase now read as a body's.
func (d *doc) documentSpeaker(x *description, create bool) (int, bool) {
	a, h, hw := x.a, x.h, x.hw
	if d.has(h, wSpeechNoun|wWork) {
		// "A statement issued by the Erie Police Department said", "An
		// email sent by a senior operations manager instructed": its author.
		end := d.sentOf(h).t1
		for k := h + 1; k < end && k < h+4; k++ {
			if d.toks[k].kind != tWord || d.toks[k].span >= 0 {
				break
			}
			if d.is(k, "by") || d.is(k, "from") {
				if mi := d.mentionOf(k + 1); mi >= 0 && d.mentions[mi].ent >= 0 && d.mentions[mi].kind != mPlace {
					return d.mentions[mi].ent, true
				}
				if k+1 < len(d.toks) && d.mentionOf(k+2) >= 0 && d.is(k+1, "the") {
					if m := d.mentions[d.mentionOf(k+2)]; m.ent >= 0 && m.kind != mPlace {
						return m.ent, true
					}
				}
				// "a statement from the center": the Lowland Center for
				// Vaccine Research named before.
				if k+3 < len(d.toks) && d.is(k+1, "the") && d.toks[k+2].kind == tWord && d.toks[k+2].fl&fLower != 0 && (k+3 >= end || d.toks[k+3].kind != tWord) {
					if o := d.orgByNoun(d.low(k+2), int(d.toks[k].sent), false); o >= 0 && d.ents[o].kind != 0 {
						return o, true
					}
				}
				if w := d.nominal(k+1, d.nominalEnd(k+1, d.npEnd(k+1, end)), create); w >= 0 {
					return w, true
				}
				break
			}
		}
		// "Her report … began", "Her reply … ended": hers.
		if d.is(a, "her") || d.is(a, "his") || d.is(a, "their") {
			if w := d.resolvePronoun(a); w >= 0 {
				return w, true
			}
		}
	}
	switch {
	case d.has(h, wSpeechNoun|wWork) && (d.is(a, "a") || d.is(a, "an")) && d.has(h, wWork) && create:
		x.org = true // "An internal audit report concluded that …": the report speaks
	case d.has(h, wSpeechNoun) && (d.is(a, "the") || d.is(a, "this")):
		if w := d.authorOf(hw, int(d.toks[a].sent)); w >= 0 || !create || !d.has(h, wWork) && !alerts[hw] && !documents[hw] {
			return w, true
		}
		x.org = true // "the study describes it as …": the study speaks
	default:
		return -1, true
	}
	return -1, false
}

// describedOne resolves a phrase for a person or a group to someone the
// text names: a relative, the holder of a role, the person the story is
// on, or a group named just before.
func (d *doc) describedOne(x *description) int {
	a, e, h, hw, si := x.a, x.e, x.h, x.hw, x.si
	person, plural, definite := x.person, x.plural, x.definite
	if person && (d.is(a, "his") || d.is(a, "her") || d.is(a, "their")) {
		// "his daughter said": the person introduced with that role, if any.
		if p := d.personByRole(a, e, si, genderUnknown); p >= 0 && d.ents[p].kind == mPerson && len(d.ents[p].roleWord) > 0 {
			return p
		}
		// "his brother replies", "her husband disagrees": the other of the
		// family named, of the relative's sex.
		if g, ok := kinSex[hw]; ok && e == h+1 {
			if p := d.resolvePronoun(a); p >= 0 && d.ents[p].kind == mPerson {
				if q := d.relative(p, g, si); q >= 0 {
					return q
				}
			}
		}
	}
	if person && isCapWord(d, a) && d.toks[a].fl&fPossessive != 0 {
		// "Peru's foreign minister": the one named with that title,
		// before or after.
		if p := d.personByRole(a, e, si, d.lx(h).gender); p >= 0 {
			return p
		}
	}
	if a == h && hw == "counsel" && d.toks[h].fl&fLower != 0 {
		// "counsel said", as court reports write it: the lawyer just heard.
		if p := d.salientPerson(si, genderUnknown); p >= 0 {
			return p
		}
	}
	if !definite && person && (d.is(a, "a") || d.is(a, "an")) && d.sents[si].para == 0 && !d.has(h, wPersonNoun) {
		// A lead's "A senior emergency doctor has said" is the doctor named
		// further down, when one fits the description well.
		if p := d.personByRole(a, e, si, d.lx(h).gender); p >= 0 && d.seenBy(p, si) < 0 {
			return p
		}
	}
	if definite && person && e-a <= 6 && d.ageIn(a, e) && d.toks[a].fl&fLower != 0 {
		// "the 34-year-old mother of four told Al Jazeera": the person the
		// story is on, of the noun's sex.
		if p := d.salientPerson(si, d.lx(h).gender); p >= 0 {
			return p
		}
	}
	if definite && person && (!d.has(h, wPersonNoun) || epithets[hw]) || definite && (hw == "man" || hw == "woman") || strings.HasSuffix(hw, "-old") {
		if p := d.personByRole(a, e, si, d.lx(h).gender); p >= 0 {
			if seen := d.seenBy(p, si); seen >= 0 && seen < si-3 && si > 0 {
				// "Penning praised Corvin. … “…,” the governor said": one given
				// the role long before yields to the person the paragraph is
				// about, when the story gave that one no role.
				if sub := d.sents[si-1].subject; sub >= 0 && sub != p && d.ents[sub].kind == mPerson && len(d.ents[sub].roleWord) == 0 && d.compatible(sub, d.lx(h).gender) && d.sents[si-1].para >= d.sents[si].para-1 {
					return sub
				}
			}
			if d.seenBy(p, si) < 0 && si > 0 && d.sents[si-1].para == d.sents[si].para {
				// One named with the role only later yields to the person
				// the sentence before is about: "Norvale said the film
				// grew out of two summers. “…,” the director said."
				if sub := d.sents[si-1].subject; sub >= 0 && sub != p && d.ents[sub].kind == mPerson && d.compatible(sub, d.lx(h).gender) {
					return sub
				}
			}
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
	return -1
}

// describedBody resolves a phrase for a body, or a definite one met before
// in the paragraph: the body the paragraph opened with, the body of that
// kind named before, a new one of the kind brought in earlier, or the
// described speaker met before with the same head.
func (d *doc) describedBody(x *description, create bool) int {
	a, e, h, hw, si := x.a, x.e, x.h, x.hw, x.si
	org, definite, subordinate := x.org, x.definite, x.subordinate
	named := false // "the GMB union": a body named in the phrase itself
	for k := a + 1; k < h; k++ {
		// Not "the Milwaukee-based lender" or "the German carmaker": a place
		// says where the body is, not which.
		place := strings.HasSuffix(d.low(k), "-based") || d.is(k+1, "-based") || d.is(k+2, "based") && d.toks[k+1].kind == tPunct ||
			d.mentionAt[k] >= 0 && d.mentions[d.mentionAt[k]].kind == mPlace
		named = named || isCapWord(d, k) && !place
	}
	if h+2 < e && (d.is(h+1, "at") || d.is(h+1, "of") || d.is(h+1, "for")) {
		// "the labor union at Marwood Chemical": the phrase says which.
		for k := h + 2; k < e; k++ {
			if mi := d.mentionAt[k]; mi >= 0 && d.mentions[mi].kind != mPlace && d.mentions[mi].ent >= 0 {
				named = true
				break
			}
		}
	}
	if definite && org && !named && create {
		// "The labor union at Marwood Chemical, which represents 3,800
		// workers, said … The union called the merger …": the body a
		// sentence of the paragraph opened with.
		for s := si - 1; s >= 0 && s >= si-2 && d.sents[s].para == d.sents[si].para; s-- {
			k := d.skipIntro(d.sents[s].t0, d.sents[s].t1)
			if !d.is(k, "the") {
				continue
			}
			end := d.npEnd(k, d.sents[s].t1)
			for h2 := k + 1; h2 <= k+3 && h2 < end; h2++ {
				if d.low(h2) == hw && d.toks[h2].fl&fLower != 0 && h2+1 < end && (d.is(h2+1, "at") || d.is(h2+1, "of") || d.is(h2+1, "for")) {
					if w := d.nominal(k, d.nominalEnd(k, end), create); w >= 0 {
						return w
					}
				}
			}
		}
	}
	if definite && org && !named {
		if o := d.orgByNoun(hw, si, subordinate); o >= 0 {
			return o
		}
	}
	if definite {
		// "A second source, at Falthorpe, was less gracious. “…,” the source
		// said": a new one of the kind, brought in earlier in the paragraph.
		for s := si - 1; s >= 0 && d.sents[s].para == d.sents[si].para; s-- {
			k := d.sents[s].t0
			if !d.is(k, "a") && !d.is(k, "an") && !d.is(k, "another") {
				continue
			}
			for h2 := k + 1; h2 <= k+3 && h2 < d.sents[s].t1; h2++ {
				if d.low(h2) != hw {
					continue
				}
				end := d.nominalEnd(k, d.npEnd(k, d.sents[s].t1))
				if d.punct(end, ',') && d.has(end+1, wPrep) {
					for j := end + 2; j < d.sents[s].t1 && j < end+8; j++ {
						if d.punct(j, ',') {
							end = j // ", at Falthorpe,": the appositive says which
							break
						}
					}
				}
				if w := d.nominal(k, end, true); w >= 0 {
					return w
				}
			}
		}
		// "The spokesperson added": the "government spokesperson" met before.
		for i := len(d.ents) - 1; i >= 0; i-- {
			if en := &d.ents[i]; en.kind == 0 && en.last <= si && en.headWord == hw {
				return i
			}
		}
	}
	return -1
}

// newDescribed makes the phrase a speaker of its own: "a spokesperson for
// Calmore Coaches", "the foreign ministers of …".
func (d *doc) newDescribed(x *description) int {
	a, e, h, hw, si := x.a, x.e, x.h, x.hw, x.si
	person, plural, org := x.person, x.plural, x.org
	name := strings.TrimSuffix(strings.TrimSuffix(d.body[d.toks[a].s:d.toks[e-1].e], "’s"), "'s")
	if k := a + 1; k < h && d.toks[k].kind == tMark && d.toks[a].fl&fPossessive != 0 {
		// "Voss' team" is written as "Voss's team" is.
		name = d.body[d.toks[a].s:d.toks[a].e] + "'s " + d.body[d.toks[k+1].s:d.toks[e-1].e]
	}
	if spokes[hw] && e == h+1 && (d.is(a, "a") || d.is(a, "an")) && h-a <= 1 {
		// "Calmore Coaches said … A spokesperson said": the body just named.
		for s := si - 1; s >= 0 && s >= si-2 && d.sents[s].para >= d.sents[si].para-1; s-- {
			if sub := d.sents[s].subject; sub >= 0 && d.ents[sub].kind == mOrg {
				name = name + " for " + d.ents[sub].name
				break
			}
		}
	}
	if person && h+2 < e && (d.is(h+1, "for") || d.is(h+1, "of") || d.is(h+1, "at")) && d.is(h+2, "the") && e-h <= 5 {
		// "a spokesperson for the company": name the company the story means.
		if o := d.orgByNoun(d.low(e-1), si, false); o >= 0 && d.ents[o].kind != 0 {
			name = d.body[d.toks[a].s:d.toks[h+1].e] + " " + d.ents[o].name
		}
	}
	k := Person
	switch {
	case plural:
		k = Group
	case org:
		k = Organisation
	}
	return d.described(name, k, si, hw)
}

// described returns the speaker the text calls only name — a description
// ("the juggler", "the council") or a pair ("Ruiz and Okafor") — made of
// kind k, first met in sentence si, with head noun head, the first time it
// is asked for.
func (d *doc) described(name string, k Kind, si int, head string) int {
	for i := range d.ents {
		if e := &d.ents[i]; e.kind == 0 && strings.EqualFold(e.name, name) {
			return i
		}
	}
	d.ents = append(d.ents, entity{name: name, forms: []string{name}, nominal: k, last: si, headWord: head})
	return len(d.ents) - 1
}

var subordinators = map[string]bool{
	"after": true, "before": true, "when": true, "while": true, "because": true, "since": true,
	"until": true, "although": true, "though": true, "if": true, "unless": true, "whereas": true,
}

// kinSex is the sex of each kind of relative.
var kinSex = map[string]int8{
	"mother": genderFemale, "wife": genderFemale, "sister": genderFemale, "daughter": genderFemale,
	"grandmother": genderFemale, "aunt": genderFemale, "widow": genderFemale,
	"father": genderMale, "husband": genderMale, "brother": genderMale, "son": genderMale,
	"grandfather": genderMale, "uncle": genderMale, "widower": genderMale,
}

// relative returns the person other than p who shares p's surname and is
// of sex g (or of unknown sex when none is known), named by sentence si:
// "Kelvale says … his brother replies" is Tomas Torstad.
func (d *doc) relative(p int, g int8, si int) int {
	pw := d.ents[p].words
	if len(pw) == 0 {
		return -1
	}
	surname := pw[len(pw)-1]
	// Named together when first named, "Her sons, Tomas and Aleksander":
	// siblings, who lend a surname to one named without.
	var together []int
	if len(d.ents[p].sents) > 0 {
		for _, m := range d.mentionsIn(int(d.ents[p].sents[0])) {
			if m.kind == mPerson && m.ent >= 0 && m.ent != p && !slices.Contains(together, m.ent) {
				together = append(together, m.ent)
				if len(pw) == 1 && len(d.ents[m.ent].words) >= 2 {
					surname = d.ents[m.ent].words[len(d.ents[m.ent].words)-1]
				}
			}
		}
	}
	best, bestAt, loose := -1, -1, -1
	for i := range d.ents {
		e := &d.ents[i]
		sibling := slices.Contains(together, i)
		if i == p || e.kind != mPerson || !sibling && (len(e.words) < 2 || e.words[len(e.words)-1] != surname) || d.seenBy(i, si) < 0 {
			continue
		}
		switch {
		case e.gender == g:
			if at := d.seenBy(i, si); at > bestAt {
				best, bestAt = i, at
			}
		case e.gender == genderUnknown && loose < 0:
			loose = i
		}
	}
	if best >= 0 {
		return best
	}
	return loose
}

// namesBody reports whether [a, e) names a place or body, for keeping "in
// South Korea's presidential office" with "an official".
func (d *doc) namesBody(a, e int) bool {
	for k := a; k < e; k++ {
		if isCapWord(d, k) || d.has(k, wOrgNoun) && d.toks[k].fl&fLower != 0 {
			return true
		}
	}
	return false
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
		case isCapWord(d, k) || d.nounish(k) || d.toks[k].fl&fPossessive != 0:
			k++ // "of the company's 20 largest shareholders"
		case d.toks[k].kind == tNum:
			k++
		case d.punct(k, '.') && d.has(k-1, wAbbrev) && isCapWord(d, k+1):
			k++ // "for Rep. Glenn Harbin"
		case d.toks[k].kind == tWord && d.toks[k].fl&fLower != 0 && !d.has(k, wPrep|wConj|wAux|wDet|wPron|wCue|wTime) &&
			!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly") && !irregularPast[w]:
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
			if d.toks[k].span < 0 && d.low(k) == noun {
				// "a post shared on the association's Facebook page": the
				// page's owner wrote it.
				for j := k + 1; j < d.sents[s].t1 && j < k+9; j++ {
					if d.toks[j].fl&fPossessive != 0 && d.toks[j].kind == tWord {
						a := j
						for a > k+1 && d.toks[a-1].kind == tWord && !d.has(a-1, wPrep|wPublish) {
							a--
						}
						if w := d.headIn(a, j+1, true); w >= 0 {
							return w
						}
						break
					}
				}
				// A document a story cites, leaked or seen, is no one's
				// statement but its own: "according to a leaked internal
				// memo seen by the BBC".
				cited := false
				for j := k - 1; j >= d.sents[s].t0 && j >= k-5; j-- {
					if d.is(j, "according") || d.is(j, "leaked") || d.is(j, "obtained") {
						cited = true
					}
				}
				if d.is(k+1, "seen") || d.is(k+1, "obtained") || d.is(k+1, "reviewed") {
					cited = true
				}
				if cited {
					return -1
				}
				// Who opens the sentence issued it: "Mr Marley’s family paid
				// tribute in a statement read by Detective Sergeant Owen Marshaw".
				if a := d.skipIntro(d.sents[s].t0, d.sents[s].t1); a < k {
					if w := d.headIn(a, d.npEnd(a, k), true); w >= 0 {
						return w
					}
				}
				if d.sents[s].subject >= 0 {
					return d.sents[s].subject
				}
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

// recentBody returns the organisation or described body that is the
// subject of the nearest of the ten sentences before si, or -1.
func (d *doc) recentBody(si int) int {
	for s := si - 1; s >= 0 && s >= si-10; s-- {
		sub := d.sents[s].subject
		if sub < 0 || d.ents[sub].source {
			continue
		}
		if en := &d.ents[sub]; en.kind == mOrg || en.kind == 0 && en.nominal == Organisation {
			return sub
		}
	}
	return -1
}

// parties maps the words for a party to one name, so that a description
// of one party's member never finds another's.
var parties = map[string]string{
	"democratic": "democratic", "democrat": "democratic", "republican": "republican", "gop": "republican",
	"labour": "labour", "conservative": "conservative", "tory": "conservative",
}

// otherParty reports whether words name a party and roleWords another.
func otherParty(words, roleWords []string) bool {
	for _, w := range words {
		p, ok := parties[w]
		if !ok {
			continue
		}
		for _, r := range roleWords {
			if q, ok := parties[r]; ok && q != p {
				return true
			}
		}
	}
	return false
}

// roleSynonyms gives the words of a title that a one-word description
// stands for: "Prime Minister Tariq Hameed" is "the premier" later on.
var roleSynonyms = map[string][]string{
	"premier": {"prime", "minister"},
	"pm":      {"prime", "minister"},
}

// personByRole finds the person a description [a, e) refers to.
func (d *doc) personByRole(a, e, si int, g int8) int {
	var words, places []string
	head := ""
	for k := a; k < e; k++ {
		if d.toks[k].kind == tWord && !d.has(k, wDet|wPrep|wPron|wConj) {
			words = append(words, d.low(k))
			if head == "" && d.has(k, wRole|wPersonNoun|wTitle) {
				head = d.low(k)
			}
			if st, ok := usStates()[d.low(k)]; ok && st == d.low(k) && isCapWord(d, k) && head == "" {
				places = append(places, st) // "the Vermont senator", not "the senator from Vermont"
			}
		}
	}
	best, bestScore := -1, 0
	for i := range d.ents {
		en := &d.ents[i]
		if en.kind != mPerson || len(en.roleWord) == 0 {
			continue
		}
		if !subset(places, en.roleWord) {
			continue // "the Vermont senator" is neither the senator from Texas nor one from nowhere known
		}
		if otherParty(words, en.roleWord) {
			continue // "the Democratic council candidate" is not the Republican one
		}
		score := 0
		later := d.seenBy(i, si) < 0
		for _, w := range words {
			if containsString(en.roleWord, w) || roleSynonyms[w] != nil && subset(roleSynonyms[w], en.roleWord) {
				score++
				if w == head {
					score++ // "the officer leading the inquiry": the officer named later
				}
			}
			if len(w) >= 2 && len(w) <= 4 && initialsMatch(w, en.roleWord) {
				score += 2
			}
		}
		if later && score < 2 {
			continue // someone named only later must fit the description well
		}
		switch {
		case score > bestScore:
			best, bestScore = i, score
		case score == bestScore && score > 0:
			// Of two named before, the later; of two named after, the
			// first (the story's lead investigator, not the liaison
			// officer); one named before over one named after.
			if later && d.seenBy(best, si) >= 0 {
				break
			}
			if later && len(en.sents) > 0 && len(d.ents[best].sents) > 0 && d.seenBy(best, si) < 0 {
				if en.sents[0] < d.ents[best].sents[0] {
					best = i
				}
			} else if !later && d.seenBy(i, si) > d.seenBy(best, si) {
				best = i // named more recently before the description
			}
		}
	}
	if best >= 0 {
		return best
	}
	// "the star", "the 54-year-old": the person the story is about. Not "the
	// spokesman", who is someone else unless named as such.
	if len(words) == 0 {
		return -1 // the span held only determiners and the like
	}
	if h := words[len(words)-1]; epithets[h] || strings.HasSuffix(h, "-old") || strings.Contains(h, "-of-") {
		return d.salientPerson(si, g)
	}
	if d.modifiedRole(a, e) {
		// "the Vermont senator", "the former governor": a role with a place
		// or a "former" before it stands for someone just named, whom the
		// story has not given that role.
		return d.latestPerson(si, a, g)
	}
	return -1
}

// modifiedRole reports whether the definite phrase [a, e) is a role of
// public life with a place, a party or "former" before it: "the Vermont
// senator", "the former secretary of state", "the Democratic governor".
func (d *doc) modifiedRole(a, e int) bool {
	if !d.is(a, "the") || e-a < 3 || e-a > 6 {
		return false
	}
	head := -1
	for k := a + 1; k < e; k++ {
		if d.toks[k].kind != tWord || d.has(k, wPrep) {
			return false // "the contention of former secretary …": no role heads it
		}
		if d.has(k, wRole) && d.toks[k].fl&fLower != 0 && publicRoles[d.low(k)] {
			head = k
			break
		}
	}
	if head < 0 {
		return false
	}
	for k := a + 1; k < head; k++ {
		if d.is(k, "former") || d.is(k, "ex") || d.has(k, wPlace) || partyWord(d.low(k)) || isCapWord(d, k) {
			return true
		}
	}
	return false
}

// publicRoles are the offices campaign copy uses for the person just named.
var publicRoles = map[string]bool{
	"senator": true, "governor": true, "congressman": true, "congresswoman": true, "lawmaker": true,
	"mayor": true, "secretary": true, "president": true, "representative": true, "legislator": true,
	"speaker": true, "candidate": true, "nominee": true, "first": true,
}

// latestPerson returns the person last named, outside quotations, before
// token a in sentence si or in the three before it, of sex g.
func (d *doc) latestPerson(si, a int, g int8) int {
	for s := si; s >= 0 && s >= si-3; s-- {
		ms := d.mentionsIn(s)
		for mi := len(ms) - 1; mi >= 0; mi-- {
			m := ms[mi]
			if m.ent < 0 || m.inQuote || m.modifier || m.c0 >= a {
				continue
			}
			if k := d.ents[m.ent].kind; k == mPerson && d.compatible(m.ent, g) || k == mUnknown {
				return m.ent // a surname alone is a person too: "whether Marwood was ready"
			}
		}
	}
	return -1
}

// alerts are things that speak for whoever issued them.
var alerts = map[string]bool{"alert": true, "warning": true, "advisory": true, "bulletin": true, "order": true, "notice": true}

// bodyNouns are nouns for public bodies that stories use for one another.
var bodyNouns = map[string]bool{
	"agency": true, "authority": true, "commission": true, "office": true, "service": true,
	"administration": true, "board": true, "bureau": true, "department": true, "directorate": true,
}

// spokes are nouns for people who speak for a body.
var spokes = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "representative": true, "rep": true,
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
	"alliance": true, "coalition": true, "campaign": true, "association": true, "federation": true,
	"lobby": true,
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
	// Campaign and business copy's variations on the name just given.
	"nominee": true, "front-runner": true, "frontrunner": true, "hopeful": true, "contender": true,
	"challenger": true, "incumbent": true, "tycoon": true, "magnate": true, "mogul": true,
	"businessman": true, "businesswoman": true,
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

// orgByNoun finds the organisation "the ministry" or "the company" means
// in sentence si, among those named before it, or before it in the same
// sentence when sameSentence is set.
func (d *doc) orgByNoun(noun string, si int, sameSentence bool) int {
	best, bestAt := -1, -1
	nouns := []string{noun}
	if noun == "force" {
		nouns = append(nouns, "police", "constabulary") // "Avon and Somerset Police … the force said"
	}
	nouns = append(nouns, nounForms[noun]...) // "the club" is Clube Pacífico
	if bodyNouns[noun] {
		// "the agency" may be the "Traffic Management Authority" named before.
		nouns = append(nouns, "agency", "authority", "commission", "office", "service", "administration", "board", "bureau", "department", "directorate")
	}
	for _, n := range nouns {
		for _, ci := range d.withWord(n) {
			i := int(ci)
			en := &d.ents[i]
			if (en.kind == mOrg || en.kind == mUnknown) && containsString(en.words, n) {
				if at := d.seenBy(i, si); at > bestAt || at == bestAt && at >= 0 && i < best {
					best, bestAt = i, at
				}
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
	// The body its own paragraph is about: "Barthorpe … has told
	// passengers to expect delays. A spokesperson for the airline said".
	for s := si - 1; s >= 0 && d.sents[s].para == d.sents[si].para; s-- {
		if sub := d.sents[s].subject; sub >= 0 && (d.ents[sub].kind == mOrg || d.ents[sub].kind == mUnknown) && !d.ents[sub].source && d.ents[sub].head {
			return sub
		}
	}
	// The nearest body that spoke, in the sentences before: "Yorwood
	// confirmed the flaw in a statement … “We take security seriously,”
	// the company said". A single word that speaks and is not a person's
	// name is a body.
	for s := si - 1; s >= 0 && s > si-10; s-- {
		sub := d.sents[s].subject
		if sub < 0 || d.ents[sub].source || !d.ents[sub].outside || !d.ents[sub].head {
			continue
		}
		if en := &d.ents[sub]; en.kind == mOrg || en.kind == mUnknown && en.gender == genderUnknown && d.hasCue(s) {
			if en.kind == mUnknown {
				return sub
			}
			break // the loop below prefers it as well
		}
	}
	// Prefer what is plainly an organisation ("developer Beacon Fox Games")
	// to a capitalised word that may be anything ("Cosy farming sim").
	for _, kind := range [...]uint8{mOrg, mUnknown} {
		for s := si; s >= 0 && s > si-10; s-- {
			if sub := d.sents[s].subject; sub >= 0 && d.ents[sub].kind == kind && !d.ents[sub].source && d.ents[sub].outside && d.ents[sub].head {
				return sub
			}
		}
		for i := range d.ents {
			en := &d.ents[i]
			if en.kind == kind && !en.source && en.head {
				// Named before, or earlier in the same sentence when the
				// noun is in a clause of its own: "Shares of Acme Bancorp
				// fell after the lender warned".
				by := si - 1
				if sameSentence {
					by = si
				}
				if at := d.seenBy(i, by); at > bestAt {
					best, bestAt = i, at
				}
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// anonymous are the nouns for a speaker the story does not name.
var anonymous = map[string]bool{
	"person": true, "people": true, "source": true, "sources": true, "official": true, "officials": true,
	"insider": true, "insiders": true, "someone": true, "witness": true, "witnesses": true,
	"attendee": true, "attendees": true, "employee": true, "employees": true,
}

// nounForms are the words a body's name uses, in other languages, for what
// a story calls it.
var nounForms = map[string][]string{
	"club":       {"clube", "klub", "fc", "afc", "cf", "sc", "ssc", "club"},
	"university": {"universidad", "université", "universität", "universiteit", "università"},
}

// irregularPast are common past-tense verbs without "-ed", which end a
// noun phrase: "Delegates from coastal nations left the session".
var irregularPast = map[string]bool{
	"left": true, "went": true, "came": true, "made": true, "took": true, "gave": true, "held": true,
	"met": true, "sent": true, "ran": true, "won": true, "lost": true, "kept": true, "led": true,
	"spent": true, "began": true, "broke": true, "brought": true, "built": true, "bought": true,
	"chose": true, "drew": true, "fell": true, "felt": true, "fought": true, "found": true,
	"got": true, "grew": true, "knew": true, "paid": true, "rose": true, "saw": true, "sold": true,
	"stood": true, "struck": true, "threw": true, "withdrew": true, "sought": true,
}

// ageIn reports whether [a, e) gives an age: "34-year-old".
func (d *doc) ageIn(a, e int) bool {
	for k := a; k < e; k++ {
		if strings.HasSuffix(d.low(k), "-old") {
			return true
		}
	}
	return false
}

// documents are papers a story quotes that speak for themselves when no
// one is named as their author: "the memo says".
var documents = map[string]bool{
	"memo": true, "memorandum": true, "document": true, "dossier": true, "draft": true,
	"cable": true, "minutes": true, "filing": true, "letter": true, "briefing": true,
}
