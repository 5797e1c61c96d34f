package summarize

import (
	"slices"
	"unicode"
)

// span is a top-level quotation: the text between a pair of marks, or from
// an opening mark to the end of its paragraph.
type span struct {
	open, close int // mark tokens; close is -1 when the paragraph ends first
	s, e        int // bytes of the text inside the marks
	para        int
	next, prev  int // the same quotation's span in the next or previous paragraph, or -1
	sent        int
	quote       bool // a quotation of speech, not a title or a scare quote
	cued        bool // a speech verb stands before it in its sentence
	partial     bool
	who         int // speaker: an index into doc.ents, or -1
	how         int // the rule that attributed it, for tests and debugging
	// descA and descC bound a description no role list knows that a
	// speech verb after the quotation has as its subject ("the juggler
	// said"), or are -1: the speaker when nothing better is found.
	descA, descC int
}

// markContext sets fCanOpen and fCanClose on every mark from the characters
// on either side of it.
func (d *doc) markContext() {
	body := d.body
	for i := range d.toks {
		t := &d.toks[i]
		if t.kind != tMark {
			continue
		}
		if isDoubleMark(rune(t.r)) {
			t.fl |= fDouble
		}
		prev := runeBefore(body, int(t.s))
		next := runeAt(body, int(t.e))
		prevSpace := prev == 0 || unicode.IsSpace(prev)
		nextSpace := next == 0 || unicode.IsSpace(next)
		openBefore := prevSpace || isMark(prev) || isDash(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '/' || prev == ':'
		closeAfter := nextSpace || isMark(next) || isDash(next) || unicode.IsPunct(next) && next != '#' && next != '@' && next != '&'
		// French spacing: « Non ».
		if t.r == '«' && openBefore {
			nextSpace = false
		}
		if t.r == '»' && !nextSpace && !closeAfter && prevSpace {
			prevSpace = false
			closeAfter = true
		} else if t.r == '»' && prevSpace && closeAfter {
			prevSpace = false
		}
		if prevSpace && nextSpace && prev != 0 && next != 0 && d.closesAfterSpace(int(t.s)) {
			// "… we back anyone,' " she said": a spaced mark
			// after an inner quotation's close or a comma closes.
			prevSpace = false
		}
		if !nextSpace && openBefore {
			t.fl |= fCanOpen
		}
		if !prevSpace && closeAfter {
			t.fl |= fCanClose
		}
		// A mark between a word and the next word, like word"word, could be either.
		if !prevSpace && !nextSpace && !openBefore && !closeAfter {
			t.fl |= fCanOpen | fCanClose
		}
	}
}

// plainPossessives marks as possessive a capitalised word ending in s that
// a lone apostrophe follows, before a lower-case word: "Voss' team", "the
// Joneses’ lawyer". The apostrophe opened and closed no quotation.
func (d *doc) plainPossessives() {
	for i := 1; i+1 < len(d.toks); i++ {
		t := &d.toks[i]
		if t.kind != tMark || t.fl&(fOpen|fClose) != 0 || !isApostrophe(rune(t.r)) {
			continue
		}
		p, n := &d.toks[i-1], &d.toks[i+1]
		if p.kind != tWord || p.e != t.s || p.fl&fCap == 0 || d.lower[p.hi-1] != 's' {
			continue
		}
		if n.kind == tWord && n.fl&fLower != 0 && n.s == t.e+1 && d.body[t.e] == ' ' {
			p.fl |= fPossessive
		}
	}
}

// closesAfterSpace reports whether the mark at byte s follows a single
// space after a closing mark or a comma, full stop, question or
// exclamation mark: the close of a quotation set off by a space.
func (d *doc) closesAfterSpace(s int) bool {
	if s < 2 || d.body[s-1] != ' ' {
		return false
	}
	r := runeBefore(d.body, s-1)
	return r == ',' || r == '.' || r == '?' || r == '!' || r == '\'' || r == '’'
}

// prefersClose reports whether a mark that could open or close should close
// when a quotation of its family is open.
func prefersClose(r rune) bool {
	switch r {
	case '“', '‘', '„', '‚', '«', '‹':
		return false
	}
	return true
}

// pairMarks finds the top-level quotations of every paragraph.
func (d *doc) pairMarks() {
	var stack []int
	marks := 0
	for i := range d.toks {
		if d.toks[i].kind == tMark {
			marks++
		}
	}
	d.spans = slices.Grow(d.spans[:0], marks/2+4) // two marks a span, at most
	for pi, p := range d.paras {
		stack = stack[:0]
		for i := p.t0; i < p.t1; i++ {
			t := &d.toks[i]
			if t.kind != tMark {
				continue
			}
			double := t.fl&fDouble != 0
			top := -1 // the innermost open mark of the same family
			for k := len(stack) - 1; k >= 0; k-- {
				if (d.toks[stack[k]].fl&fDouble != 0) == double {
					top = k
					break
				}
			}
			canO, canC := t.fl&fCanOpen != 0, t.fl&fCanClose != 0
			closeIt := false
			switch {
			case canC && !canO:
				closeIt = top >= 0
			case canC && canO:
				closeIt = top >= 0 && (prefersClose(rune(t.r)) || d.toks[stack[top]].r == t.r)
			}
			if closeIt && !double && d.possessive(i, p.t1) {
				closeIt = false
				canO = false
			}
			switch {
			case closeIt:
				o := stack[top]
				// Single marks left open beneath a closing double mark were
				// apostrophes, not quotations.
				outer := true
				for k := 0; k < top; k++ {
					if u := d.toks[stack[k]]; u.fl&fDouble != 0 || !double || u.r != '’' || u.fl&fParaStart != 0 {
						outer = false
					}
				}
				stack = stack[:top]
				if outer {
					stack = stack[:0]
					d.addSpan(o, i, pi)
				}
			case canO:
				stack = append(stack, i)
			}
		}
		// An opening mark left open runs to the end of its paragraph. Only the
		// outermost one counts; a lone single mark counts only where a quotation
		// plainly starts (paragraph start, after a colon or comma).
		if len(stack) > 0 {
			o := stack[0]
			if d.toks[o].fl&fDouble != 0 || d.plainOpening(o) {
				d.addSpan(o, -1, pi)
			}
		}
	}
	d.plainPossessives()
	// A paragraph that ends inside a quotation continues into the next one
	// when that opens with a mark of the same family.
	for i := range d.spans {
		sp := &d.spans[i]
		if sp.close >= 0 || i+1 >= len(d.spans) {
			continue
		}
		nx := &d.spans[i+1]
		if nx.para != sp.para+1 {
			continue
		}
		if nx.open != d.paras[nx.para].t0 {
			continue
		}
		if (d.toks[nx.open].fl&fDouble != 0) != (d.toks[sp.open].fl&fDouble != 0) {
			continue
		}
		sp.next = i + 1
		nx.prev = i
	}
}

// possessive reports whether the single mark at i, which could close a
// quotation, is rather the apostrophe of a plural possessive (the Joneses’
// house): it follows an s, and another closing mark comes later in the
// paragraph.
func (d *doc) possessive(i, end int) bool {
	t := d.toks[i]
	prev := runeBefore(d.body, int(t.s))
	if prev != 's' && prev != 'S' {
		return false
	}
	next := runeAt(d.body, int(t.e))
	if next != ' ' {
		return false
	}
	for k := i + 1; k < end; k++ {
		u := d.toks[k]
		if u.kind != tMark || u.fl&fDouble != 0 {
			continue
		}
		if u.fl&fCanClose != 0 {
			return true
		}
		if u.fl&fCanOpen != 0 {
			return false
		}
	}
	return false
}

func (d *doc) plainOpening(o int) bool {
	if d.toks[o].fl&fParaStart != 0 {
		return true
	}
	// After a colon, a comma or the end of a sentence: "… Rorcombe said. 'The players knew.".
	return d.punct(o-1, ':') || d.punct(o-1, ',') || d.punct(o-1, '.') || d.punct(o-1, '!') || d.punct(o-1, '?')
}

func (d *doc) addSpan(o, c, para int) {
	s := int(d.toks[o].e)
	e := d.paras[para].e
	if c >= 0 {
		e = int(d.toks[c].s)
	}
	for e > s && (d.body[e-1] == ' ' || d.body[e-1] == '\t' || d.body[e-1] == '\r') {
		e--
	}
	for s < e && (d.body[s] == ' ' || d.body[s] == '\t') {
		s++
	}
	if e <= s {
		return
	}
	idx := int32(len(d.spans))
	d.spans = append(d.spans, span{open: o, close: c, s: s, e: e, para: para, next: -1, prev: -1, who: -1, descA: -1, descC: -1})
	last := c
	if last < 0 {
		last = d.paras[para].t1 - 1
	}
	for k := o; k <= last; k++ {
		d.toks[k].span = idx
	}
	d.toks[o].fl |= fOpen
	if c >= 0 {
		d.toks[c].fl |= fClose
	}
}
