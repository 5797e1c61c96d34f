package summarize

import (
	"strings"
	"unicode"
)

type sentence struct {
	t0, t1  int // tokens [t0, t1)
	para    int
	subject int // the entity the sentence is about, or -1
}

// endsSentence reports whether a text ends in a sentence-ending mark.
func endsSentence(s string) bool {
	for i := len(s); i > 0; {
		r := runeBefore(s, i)
		switch r {
		case '.', '!', '?', '…':
			return true
		case ')', ']', ' ':
			i--
			continue
		}
		return false
	}
	return false
}

// splitSentences cuts each paragraph into sentences, treating a top-level
// quotation as one unit.
func (d *doc) splitSentences() {
	for pi, p := range d.paras {
		start := p.t0
		for i := p.t0; i < p.t1; i++ {
			t := &d.toks[i]
			cut := false
			switch {
			case t.span >= 0 && t.fl&fClose != 0:
				// “…” — Morag Stewart: a dash after a quotation attributes it.
				// A speech verb after it attributes it too, unless the
				// sentence already reported speech before the quotation:
				// "X says “…” because “….” He says" starts anew at "He".
				open := d.spans[t.span].open
				text := d.body[d.spans[t.span].s:d.spans[t.span].e]
				cut = endsSentence(text) && d.newSentenceAt(i+1, p.t1) &&
					(!d.cueFollows(i+1, p.t1) || d.finiteCueIn(start, open) || d.weakCueBefore(start, open) || d.capitalPronoun(i+1) ||
						strings.HasSuffix(strings.TrimRight(text, " "), ".") && d.reportsClause(i+1, p.t1)) &&
					!(i+1 < p.t1 && d.toks[i+1].kind == tPunct && isDash(rune(d.toks[i+1].r)))
			case t.span >= 0:
			case t.kind == tWord && d.body[t.e-1] == '.' && i+1 < p.t1 && d.capitalPronoun(i+1):
				cut = true // "attacks in the U.S. He says": a dotted acronym's period ends it
			case t.kind == tPunct && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == '…'):
				if t.r == '.' && d.abbreviation(i) {
					break
				}
				j := i + 1
				for j < p.t1 && d.toks[j].kind == tPunct && (d.toks[j].r == ')' || d.toks[j].r == ']') {
					j++
				}
				if j < p.t1 && d.toks[j].kind == tMark && d.toks[j].fl&fOpen == 0 && d.toks[j].fl&fCanClose != 0 {
					j++ // a closing mark of a quotation that is not top-level
				}
				if d.newSentenceAt(j, p.t1) {
					i = j - 1
					cut = true
				}
			}
			if cut {
				d.sents = append(d.sents, sentence{t0: start, t1: i + 1, para: pi, subject: -1})
				start = i + 1
			}
		}
		if start < p.t1 {
			d.sents = append(d.sents, sentence{t0: start, t1: p.t1, para: pi, subject: -1})
		}
	}
	for si, s := range d.sents {
		for i := s.t0; i < s.t1; i++ {
			d.toks[i].sent = int32(si)
		}
	}
	for i := range d.spans {
		d.spans[i].sent = int(d.toks[d.spans[i].open].sent)
	}
}

// newSentenceAt reports whether token j can start a sentence.
func (d *doc) newSentenceAt(j, end int) bool {
	if j >= end {
		return true
	}
	t := d.toks[j]
	switch t.kind {
	case tWord:
		return t.fl&fCap != 0 || t.fl&fLower == 0 && !unicode.IsLetter(runeAt(d.body, int(t.s)))
	case tNum:
		return true
	case tMark:
		return t.fl&fCanOpen != 0
	case tPunct:
		return t.r == '(' || t.r == '[' || isDash(rune(t.r))
	}
	return false
}

// cueFollows reports whether a speech verb comes within a few words after j,
// before any punctuation: “Why?” Smith asked.
func (d *doc) cueFollows(j, end int) bool {
	tagged := false
	for k := j; k < end && (k < j+6 || tagged && k < j+10); k++ {
		t := d.toks[k]
		if t.kind == tPunct && t.r == '.' && (d.abbreviation(k) || d.partyTag(k-1)) {
			continue // “Why?” Mrs. Rell asked.
		}
		if t.kind == tPunct && t.r == ',' && (d.partyTag(k+1) || d.partyTag(k-1) || d.punct(k-1, '.') && d.partyTag(k-2)) {
			tagged = true
			continue // “Go!” Rep. Glenn Tomlin, R-Pa., said.
		}
		if t.kind != tWord {
			return false
		}
		if lexTable[t.lex].flags&wCue != 0 && lexTable[t.lex].cueForm != cueIng {
			be := d.is(k-1, "was") || d.is(k-1, "were") || d.is(k-1, "been") || d.is(k-1, "is") || d.is(k-1, "are")
			return !be // "The court was told …" starts a sentence
		}
	}
	return false
}

// reportsClause reports whether the speech verb that follows j reports a
// clause of its own — “… no place in a campaign.” Ohio Gov. Jon Kasko said
// he would have … — so that the words before it are not what it credits.
func (d *doc) reportsClause(j, end int) bool {
	for k := j; k < end && k < j+6; k++ {
		if d.toks[k].kind != tWord {
			if d.punct(k, '.') && d.abbreviation(k) {
				continue
			}
			return false
		}
		if _, kind, n := d.cueAt(k); n > 0 && kind != cueTell {
			switch x := k + n; {
			case d.is(x, "he") || d.is(x, "she") || d.is(x, "they") || d.is(x, "that") || d.is(x, "the"):
				return true
			default:
				return false
			}
		}
	}
	return false
}

// capitalPronoun reports whether token j is a third-person pronoun
// written with a capital, which after a quotation's full stop starts a
// sentence: "“….” He added" (the words after a comma would read "he").
func (d *doc) capitalPronoun(j int) bool {
	if j >= len(d.toks) || d.toks[j].fl&fCap == 0 || d.toks[j].fl&fAllCaps != 0 {
		return false
	}
	switch d.low(j) {
	case "he", "she", "they", "it", "we":
		return true
	}
	return false
}

// finiteCueIn reports whether a speech verb in lower case, finite or a
// participle, stands outside quotation marks in tokens [a, b): "X attacked
// Y, calling her “a failed mayor.” Y fired back" has its speaker already.
func (d *doc) finiteCueIn(a, b int) bool {
	for k := a; k < b; k++ {
		t := &d.toks[k]
		if t.kind == tWord && t.span < 0 && t.fl&fLower != 0 && lexTable[t.lex].flags&wCue != 0 && (lexTable[t.lex].cueForm == cueFinite && lexTable[t.lex].cueKind != cueWeak || lexTable[t.lex].cueForm == cueIng) {
			return true
		}
	}
	return false
}

// weakCueBefore reports whether a weak speech verb stands within a few
// words before the quotation opening at open: "Gov. Ducey called the
// lines “unacceptable.” Mayor Stanton wrote …" has its speaker already.
func (d *doc) weakCueBefore(start, open int) bool {
	for k := max(start, open-4); k < open; k++ {
		t := &d.toks[k]
		if t.kind == tWord && t.span < 0 && t.fl&fLower != 0 && lexTable[t.lex].flags&wCue != 0 && lexTable[t.lex].cueKind == cueWeak && lexTable[t.lex].cueForm == cueFinite {
			return true
		}
	}
	return false
}

// abbreviation reports whether the period at i ends an abbreviation rather
// than a sentence.
func (d *doc) abbreviation(i int) bool {
	if i == 0 {
		return false
	}
	w := &d.toks[i-1]
	if w.kind != tWord || w.e != d.toks[i].s {
		return false
	}
	lw := d.lowStr[w.lo:w.hi]
	if len(lw) == 1 && w.fl&fCap != 0 {
		return true // an initial: J. R. Smith
	}
	if lexTable[w.lex].flags&wAbbrev != 0 {
		// "Co." and "Inc." end sentences too; they do when a capitalised word
		// that is no name follows. Keep it simple: titles never end one.
		if lw == "no" && i+1 < len(d.toks) && d.toks[i+1].kind == tNum {
			return true // "stall No. 02-17"
		}
		switch lw {
		case "co", "inc", "corp", "ltd", "etc", "pa", "va", "mass", "calif", "fla", "ga", "ill", "mich",
			"minn", "mo", "nev", "ore", "tenn", "tex", "wash", "wis", "conn", "colo", "ariz", "ala", "ark",
			"del", "ky", "la", "md", "miss", "neb", "okla", "wyo", "bros", "est", "approx", "no":
			return i+1 < len(d.toks) && d.toks[i+1].kind == tWord && d.toks[i+1].fl&fLower != 0
		}
		return true
	}
	return false
}
