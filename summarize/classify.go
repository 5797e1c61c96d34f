package summarize

// Which quoted spans are speech, and which are fragments.

import (
	"strings"
)

// innerSentence reports whether a span holds a sentence end before its last
// word: "Yes. We will." rather than a title.
func (d *doc) innerSentence(sp *span) bool {
	t := strings.TrimRight(d.body[sp.s:sp.e], ".,!?… ")
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '!', '?':
			return true
		case '.':
			// Not the point in "1.5" or "U.S.": a full stop ends a word.
			if i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '"' || t[i+1] == '\'' {
				return true
			}
		}
	}
	return false
}

// byline reports whether "by" and a name follow quotation sp: the title
// of a story, a song or a book and who made it.
func (d *doc) byline(sp *span) bool {
	if sp.close < 0 {
		return false
	}
	k := sp.close + 1
	comma := strings.HasSuffix(d.body[sp.s:sp.e], ",")
	if d.punct(k, ',') {
		k, comma = k+1, true
	}
	// A comma sets the title off; without one, "by" is a passive's agent:
	// "declared him “anointed” by God".
	// A title opens with a capital: the "ugliness of utterances," by a
	// candidate is a fragment of speech.
	return comma && d.is(k, "by") && d.toks[k].fl&fLower != 0 && isCapWord(d, k+1) && d.toks[sp.open+1].fl&fLower == 0
}

// linkLine reports whether paragraph p is a link to another story or a
// clip, as pages print them between paragraphs: "READ MORE: …", "WATCH:
// …", "Related: …".
func (d *doc) linkLine(p int) bool {
	t0, t1 := d.paras[p].t0, d.paras[p].t1
	for k := t0; k < t1 && k < t0+4; k++ {
		if d.punct(k, ':') {
			if k == t0 {
				return false
			}
			switch strings.ToLower(d.body[d.toks[t0].s:d.toks[k-1].e]) {
			case "read more", "read", "watch", "related", "listen", "see also", "more", "also read", "recommended", "further reading":
				return true
			}
			return false
		}
		if d.toks[k].kind != tWord {
			return false
		}
	}
	return false
}

// contractedSubject reports whether token k is a pronoun joined to its
// verb — it's, I'm, we're, they've, that's, there's — which opens a clause
// where a title would open with a name or a noun.
func (d *doc) contractedSubject(k int) bool {
	subj, verb, ok := strings.Cut(d.low(k), "'") // the lower-case text writes every apostrophe '
	if !ok {
		return false
	}
	switch verb {
	case "s", "m", "re", "ve", "ll", "d":
	default:
		return false
	}
	switch subj {
	case "it", "i", "we", "you", "they", "he", "she", "that", "there", "here", "what":
		return true
	}
	return false
}

// quoteLike reports whether a span reads as a quotation of full sentences,
// for which weak cues such as "called" do not count.
func (d *doc) quoteLike(sp *span) bool {
	return strings.Count(d.body[sp.s:sp.e], " ") >= 5 || endsSentence(d.body[sp.s:sp.e])
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
		case !letters || d.imagined(sp.open):
			sp.quote = false // "as if to say “not my problem”": words no one said
		case sp.s > 1 && d.body[sp.s-2] == '=':
			sp.quote = false // author="someone": a value in markup, no speech
		case d.headlineQuote(sp):
			sp.quote = false // "Harbor bill stalls amid 'hidden riders'": a headline's
		case d.linkLine(sp.para):
			sp.quote = false // "READ MORE: “Five things to know”": a link to another story
		case d.byline(sp):
			sp.quote = false // "“Harbor fees to rise,” by the Ledger's Ana Vell": a story's title and byline
		case chained:
			sp.quote = true
		case d.wholeParagraph(sp) && (ends || sp.who >= 0):
			sp.quote = true // a line of dialogue: “Where?”
		case caps == words && d.toks[sp.open+1].fl&fCap != 0 && !(sp.how == howAfter && strings.HasSuffix(text, ",") && d.has(sp.close-2, wDet|wConj|wPrep)) &&
			!(sp.how == howAfter && d.contractedSubject(sp.open+1)) && // “It's a Band-Aid,” she said: a clause, no title
			!(sp.who >= 0 && d.punct(sp.open-1, ':') && ends) && // adding: “Goodnight, Da.”
			(!ends || words >= 2 && words <= 6 && !d.innerSentence(sp) || words <= 5 && sp.partial && sp.how != howAfter && !d.has(sp.open-2, wSpeechNoun)):
			// Titles and names: the "Listening Tour", 'Zombi', “Mend Me Gently.”
			sp.quote = false
		case d.namedBefore(sp.open) && (words <= 6 || d.strongNaming(sp.open)) && !d.innerSentence(sp):
			sp.quote = false
		case words <= 3 && d.glossed(sp):
			sp.quote = false // a commitment to “monozukuri,” the Japanese ideal of craftsmanship
		case d.is(sp.open-1, "words") || d.is(sp.open-1, "message") || d.is(sp.open-1, "reading"):
			sp.quote = true // "the words “Darfur will return” have been painted"
		case words >= 5 || ends && words >= 2 || !sp.partial && sp.who >= 0:
			sp.quote = true
		case sp.who >= 0 || sp.cued:
			sp.quote = true // "a rep said they were “over the moon”", whoever the rep is
		default:
			// A fragment with no speech verb: a quotation only when lower case and
			// said of a person just before it ("because she wanted to “shake up”").
			if d.toks[sp.open+1].fl&fLower != 0 {
				if w := d.nearestPerson(sp.open); w >= 0 {
					// The sentence's subject before the nearest person:
					// "Orwin credited Ulm with holding “the entire
					// continent together”" is Orwin's.
					if sub := d.sents[sp.sent].subject; sub >= 0 && sub != w && d.ents[sub].kind == mPerson && d.seenBy(sub, sp.sent) == sp.sent {
						w = sub
					}
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

// headlineQuote reports whether sp is set in single marks in a first
// line of one sentence, as headlines set their quotations: "With 'tax
// cheat' jibe, Rell sharpens attack."
func (d *doc) headlineQuote(sp *span) bool {
	if sp.para != 0 || d.toks[sp.open].r != '\'' && d.toks[sp.open].r != '‘' {
		return false
	}
	p := d.paras[0]
	if len(d.paras) < 2 || d.sents[d.toks[p.t0].sent].t1 < p.t1 || p.t1-p.t0 > 30 {
		return false // an article of one line, or a first paragraph of sentences
	}
	for k := p.t0; k < p.t1; k++ {
		if _, _, n := d.cueAt(k); n > 0 {
			return false // "‘We are proud,’ said Rebecca Lind.": a lede with its credit
		}
	}
	return true
}

// imagined reports whether the quotation opening at o gives words no one
// said: "as if to say “…”", "as though saying “…”".
func (d *doc) imagined(o int) bool {
	k := o - 1
	for k >= 0 && d.punct(k, ',') {
		k--
	}
	switch {
	case d.is(k, "say") && d.is(k-1, "to"):
		k -= 2
	case d.is(k, "saying"):
		k--
	default:
		return false
	}
	return (d.is(k, "if") || d.is(k, "though")) && d.is(k-1, "as")
}

// wholeParagraph reports whether the quotation is its paragraph's only
// text.
func (d *doc) wholeParagraph(sp *span) bool {
	p := d.paras[sp.para]
	if sp.open != p.t0 || sp.close < 0 {
		return false
	}
	last := p.t1 - 1
	for last > sp.close && d.toks[last].kind == tPunct {
		last--
	}
	return last == sp.close
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
	if d.is(o-1, "reading") || d.is(o-1, "read") || d.is(o-1, "saying") || d.is(o-1, "that") && d.is(o-2, "read") {
		// "handmade signs reading “Titicaca is alive”": a slogan, not speech.
		for k := o - 2; k >= 0 && k >= o-4; k-- {
			switch strings.TrimSuffix(d.low(k), "s") {
			case "sign", "placard", "banner", "poster", "t-shirt", "billboard", "graffiti", "plaque":
				return true
			}
		}
	}
	if d.is(o-1, "chanted") || d.is(o-1, "chanting") || d.is(o-1, "chant") || d.is(o-1, "chants") {
		return true // protesters chanted “Pay up!”: a slogan
	}
	as := o - 1
	if d.has(as, wDet) && d.toks[as].sent == d.toks[o].sent {
		as-- // known as the “fear gauge”
	}
	if d.is(as, "as") {
		for k := as - 1; k >= 0 && k >= as-6 && d.toks[k].kind == tWord; k-- {
			if d.is(k, "known") || d.is(k, "dubbed") || d.is(k, "nicknamed") || d.is(k, "referred") || d.is(k, "billed") {
				return true // known to fans as “the Kentucky Thrush”
			}
			if d.is(k, "described") && habitual(d.low(k-1)) {
				return true // a system often described as a “heat dome”
			}
		}
	}
	for k := o - 1; k >= 0 && k >= o-3; k-- {
		if d.toks[k].kind != tWord || d.toks[k].sent != d.toks[o].sent {
			return false
		}
		if d.has(k, wNaming) {
			switch d.low(k) {
			case "dubbed", "titled", "entitled", "nicknamed", "so-called", "codenamed", "code-named",
				"hashtag", "slogan", "motto", "term", "word", "phrase":
				return true
			}
			if habitual(d.low(k - 1)) {
				return true // often called “subconcussive” hits
			}
			if k == o-1 && (d.is(k-2, "what") || d.is(k-3, "what")) && !d.has(o+1, wDet) {
				return true // what the team calls “active sleep”, not what it called “a decisive blow”
			}
			if d.is(o+1, "the") && isCapWord(d, o+2) {
				return true // calling her “the Ice Listener”
			}
			// "a ship called “Endeavour”", "the novel “Dune”", but "called it
			// “a disgrace”", "called the novel “a quiet triumph”".
			return d.toks[o+1].fl&(fCap|fAllCaps) != 0
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

// glossed reports whether the words in span sp are a term that the text
// goes on to explain, which no one is quoted as saying: “monozukuri,” the
// Japanese ideal of craftsmanship.
func (d *doc) glossed(sp *span) bool {
	c := sp.close
	if c < 0 {
		return false
	}
	k := c + 1
	if d.punct(c-1, ',') {
		k = c + 1 // the comma inside the marks
	} else if d.punct(k, ',') {
		k++
	} else {
		return false
	}
	if !d.is(k, "the") && !d.is(k, "a") && !d.is(k, "an") {
		return false
	}
	for j := k + 1; j < len(d.toks) && j <= k+4 && d.toks[j].kind == tWord; j++ {
		if glossNouns[d.low(j)] {
			return true
		}
	}
	return false
}

// glossNouns are what a text calls a term it explains.
var glossNouns = map[string]bool{
	"ideal": true, "concept": true, "term": true, "word": true, "notion": true, "idea": true,
	"principle": true, "philosophy": true, "practice": true, "tradition": true, "phrase": true,
	"expression": true, "art": true, "custom": true, "doctrine": true, "ethic": true,
}

// habitual reports whether w says a name is in common use: "often called",
// "widely described as".
func habitual(w string) bool {
	switch w {
	case "often", "commonly", "widely", "sometimes", "popularly", "usually", "generally", "affectionately", "informally":
		return true
	}
	return false
}
