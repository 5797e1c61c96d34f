package summarize

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord uint8 = iota
	tNum
	tPunct
	tMark // a quotation mark, or an apostrophe the pairing will tell apart
)

// Token flags.
const (
	fCap        uint16 = 1 << iota // first letter upper case
	fAllCaps                       // two or more letters, all upper case
	fLower                         // first letter lower case
	fPossessive                    // ends in ’s or s’
	fCanOpen                       // a mark that could open a quotation
	fCanClose                      // a mark that could close one
	fDouble                        // a mark of the double family
	fOpen                          // a mark that opens a top-level quotation
	fClose                         // a mark that closes one
	fParaStart                     // first token of a paragraph
)

// token is 32 bytes: a 10 MB article has about two million of them.
type token struct {
	s, e   int32 // bytes of the body
	lo, hi int32 // lower-case form in doc.lower (words)
	sent   int32
	span   int32 // the top-level quotation the token is inside, or -1
	lex    uint16
	fl     uint16
	r      uint16 // the rune of a punctuation or mark token (see bmp)
	kind   uint8
}

// estimateTokens returns a little more than the number of tokens body
// will have: its words (each run after a space) and its punctuation (ASCII
// marks, and the three-byte dashes and quotation marks of U+2000–U+206F),
// so that the token slice is made once instead of growing a quarter at a
// time, which on a long text allocates five times what it keeps.
func estimateTokens(body string) int {
	n, space := 0, true
	for i := 0; i < len(body); i++ {
		switch byteClass[body[i]] {
		case classSpace:
			space = true
		case classPunct:
			n++
			space = true
		case classE2:
			if i+1 < len(body) && body[i+1] == 0x80 {
				n++ // “ ” ‘ ’ — – …
				space = true
				i += 2
				continue
			}
			fallthrough
		default:
			if space {
				n++
			}
			space = false
		}
	}
	return n + n/16 + 16
}

// The classes of bytes estimateTokens tells apart, by a table.
const (
	classOther = iota
	classSpace
	classPunct
	classE2
)

var byteClass = func() (t [256]uint8) {
	for _, c := range " \n\t\r" {
		t[c] = classSpace
	}
	for _, c := range ".,;:!?\"'()[]-" {
		t[c] = classPunct
	}
	t[0xE2] = classE2
	return t
}()

// bmp is a punctuation or mark rune as a token keeps it: every mark and
// dash the rules compare against is in the Basic Multilingual Plane; a
// rune beyond it becomes U+FFFD, which no rule looks for.
func bmp(r rune) uint16 {
	if r > 0xFFFF {
		return 0xFFFD
	}
	return uint16(r)
}

type paragraph struct {
	s, e   int // bytes
	t0, t1 int // tokens [t0, t1)
}

func (d *doc) lx(i int) *lexInfo { return &lexTable[d.toks[i].lex] }

func (d *doc) has(i int, flag uint64) bool {
	return i >= 0 && i < len(d.toks) && lexTable[d.toks[i].lex].flags&flag != 0
}

// mentionOf is the index of the mention starting at token i, or -1, also
// for an i outside the tokens.
func (d *doc) mentionOf(i int) int {
	if i < 0 || i >= len(d.mentionAt) {
		return -1
	}
	return int(d.mentionAt[i])
}

// dashAt reports whether token i is a dash that sets off words (– — --),
// not a hyphen.
func (d *doc) dashAt(i int) bool {
	if !d.punctAt(i) || !isDash(rune(d.toks[i].r)) {
		return false
	}
	if d.toks[i].r != '-' {
		return true
	}
	// A hyphen with a space on each side stands for a dash: "worried - as
	// Tallis has said - and".
	s, e := int(d.toks[i].s), int(d.toks[i].e)
	return s > 0 && e < len(d.body) && d.body[s-1] == ' ' && d.body[e] == ' '
}

// punctAt reports whether token i exists and is punctuation.
func (d *doc) punctAt(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].kind == tPunct }

func (d *doc) text(i int) string { return d.body[d.toks[i].s:d.toks[i].e] }

// low returns token i in lower case: a slice of doc.lowStr, the
// lower-case text made once per article, so that no call allocates. Outside
// the tokens it is "".
func (d *doc) low(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	t := &d.toks[i]
	if t.hi <= t.lo {
		return ""
	}
	return d.lowStr[t.lo:t.hi]
}

// is reports whether token i is the lower-case word w. It does not allocate.
func (d *doc) is(i int, w string) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := &d.toks[i]
	return t.kind == tWord && d.lowStr[t.lo:t.hi] == w
}

// lowerWordAt reports whether token i is a word in lower case; false
// outside the tokens.
func (d *doc) lowerWordAt(i int) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tWord && d.toks[i].fl&fLower != 0
}

func (d *doc) punct(i int, r rune) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tPunct && rune(d.toks[i].r) == r
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟', '〝', '〞', '＂':
		return true
	}
	return false
}

func isSingleMark(r rune) bool {
	switch r {
	case '\'', '‘', '’', '‚', '‹', '›', '‛':
		return true
	}
	return false
}

func isMark(r rune) bool { return isDoubleMark(r) || isSingleMark(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‐' || r == '‑' || r == '―'
}

func runeAt(s string, i int) rune {
	if i < 0 || i >= len(s) {
		return 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func runeBefore(s string, i int) rune {
	if i <= 0 || i > len(s) {
		return 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// elisions are words that start with an apostrophe.
var elisions = [...]string{"em", "til", "tis", "twas", "cause", "bout", "round", "n"}

// tokenize splits the body into paragraphs and tokens.
func (d *doc) tokenize() {
	body := d.body
	if n := estimateTokens(body); cap(d.toks) < n {
		d.toks = make([]token, 0, n)
	}
	if cap(d.lower) < len(body) {
		d.lower = make([]byte, 0, len(body)+8)
	}
	ps := -1 // start of the current paragraph's text
	lineStart := true
	for i := 0; i < len(body); {
		r, size := rune(body[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(body[i:])
		}
		if r == '\n' {
			lineStart = true
			i++
			continue
		}
		if r == ' ' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && (unicode.IsSpace(r) || r == utf8.RuneError && size == 1 || r == '\uFEFF') {
			i += size
			continue
		}
		if lineStart {
			lineStart = false
			if !d.softWrap(i) {
				if ps >= 0 {
					d.closePara()
				}
				ps = i
				d.paras = append(d.paras, paragraph{s: i, t0: len(d.toks)})
			}
		}
		start := len(d.toks)
		switch {
		case isWordRune(r) && !isApostrophe(r) || (r == '@' || r == '#') && isWordRune(runeAt(body, i+1)):
			i = d.word(i)
		case r == '\'' && i+1 < len(body) && body[i+1] == '\'' && !(i+2 < len(body) && body[i+2] == '\'' && i > 0 && !isSpace(runeBefore(body, i))):
			// Two straight apostrophes stand for a double mark in some
			// archives' copy: ''We will,'' she said. Of three after a word,
			// the first closes a single quotation inside: ''… 'old-school,'''
			// (the next pass takes the last two).
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + 2), kind: tMark, r: '"'})
			i += 2
		case isApostrophe(r) || r == '‘':
			if j := d.elision(i, size); j > i {
				i = j
				break
			}
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + size), kind: tMark, r: bmp(r)})
			i += size
		case isMark(r):
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + size), kind: tMark, r: bmp(r)})
			i += size
		case r == '-' && i+1 < len(body) && body[i+1] == '-':
			// An ASCII double hyphen is a dash: "“We will rebuild.” -- said Ana Dalmere."
			j := i + 2
			for j < len(body) && body[j] == '-' {
				j++
			}
			d.toks = append(d.toks, token{s: int32(i), e: int32(j), kind: tPunct, r: '—'})
			i = j
		case r == '.' && i+2 < len(body) && body[i+1] == '.' && body[i+2] == '.':
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + 3), kind: tPunct, r: '…'})
			i += 3
		default:
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + size), kind: tPunct, r: bmp(r)})
			i += size
		}
		if start == d.paras[len(d.paras)-1].t0 && start < len(d.toks) {
			d.toks[start].fl |= fParaStart
		}
	}
	if ps >= 0 {
		d.closePara()
	}
	for i := range d.toks {
		d.toks[i].span = -1
	}
}

func (d *doc) closePara() {
	p := &d.paras[len(d.paras)-1]
	p.t1 = len(d.toks)
	if p.t1 > p.t0 {
		p.e = int(d.toks[p.t1-1].e)
	} else {
		p.e = p.s
	}
}

// softWrap reports whether the line starting at i continues the paragraph
// before it: hard-wrapped text, where a line ends mid-sentence and the next
// starts in lower case.
func (d *doc) softWrap(i int) bool {
	if len(d.paras) == 0 || len(d.toks) == 0 {
		return false
	}
	r := runeAt(d.body, i)
	if !unicode.IsLower(r) {
		return false
	}
	// The previous line must not end a sentence, a quotation or a clause,
	// and must directly precede this one (no blank line).
	j := i - 1
	for j >= 0 && d.body[j] != '\n' {
		j--
	}
	if j <= 0 || d.body[j-1] == '\n' || d.body[j-1] == '\r' {
		return false
	}
	last := d.toks[len(d.toks)-1]
	if last.kind == tMark {
		return false
	}
	if last.kind == tPunct {
		switch last.r {
		case '.', '!', '?', ':', '…', ';':
			return false
		}
	}
	return true
}

// word scans a word or number starting at i and returns the index after it.
func (d *doc) word(i int) int {
	body := d.body
	j := i
	if body[j] == '@' || body[j] == '#' {
		j++
	}
	letters, upper, digits := 0, 0, 0
	var first rune
	for j < len(body) {
		r, size := rune(body[j]), 1
		if r < utf8.RuneSelf {
			// ASCII letters and digits, the common case, without table look-ups.
			c := byte(r)
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				if first == 0 {
					first = r
				}
				letters++
				if c <= 'Z' {
					upper++
				}
				j++
				continue
			}
			if '0' <= c && c <= '9' {
				digits++
				if first == 0 {
					first = r
				}
				j++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(body[j:])
		}
		switch {
		case r >= utf8.RuneSelf && isApostrophe(r):
			if !unicode.IsLetter(runeBefore(body, j)) || !unicode.IsLetter(runeAt(body, j+size)) {
				goto done
			}
		case unicode.IsLetter(r):
			if first == 0 {
				first = r
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
			if first == 0 {
				first = r
			}
		case unicode.IsMark(r):
		case isApostrophe(r) && unicode.IsLetter(runeBefore(body, j)) && unicode.IsLetter(runeAt(body, j+size)):
			// don't, O’Brien, Germany’s
		case (r == '-' || r == '‐' || r == '‑') && isWordRune(runeBefore(body, j)) && isWordRune(runeAt(body, j+size)):
			// mother-of-three, 61-year-old
		case (r == '.' || r == ',' || r == ':') && unicode.IsDigit(runeBefore(body, j)) && unicode.IsDigit(runeAt(body, j+size)):
			// 10.4, 300,000, 1:52
		case r == '.' && unicode.IsLetter(runeBefore(body, j)) && unicode.IsLetter(runeAt(body, j+size)) && isInitial(body, j):
			// U.S, p.m
		case r == '&' && unicode.IsUpper(runeBefore(body, j)) && unicode.IsUpper(runeAt(body, j+size)):
			// AT&T
		case 0x80 <= r && r <= 0xBF && (runeBefore(body, j) == 'Ã' || runeBefore(body, j) == 'Â' || runeBefore(body, j) == '\u0303' || runeBefore(body, j) == '\u0302'):
			// UTF-8 once read as Latin-1, as some archives print names:
			// "RenÃ©e" is one word, its Ã composed or not (A and a
			// combining tilde).
		default:
			goto done
		}
		j += size
	}
done:
	// U.S. keeps its final period.
	if j < len(body) && body[j] == '.' && j-i >= 3 && body[j-2] == '.' && unicode.IsLetter(runeBefore(body, j)) {
		j++
	}
	t := token{s: int32(i), e: int32(j), kind: tWord}
	if letters == 0 {
		t.kind = tNum
	}
	switch {
	case unicode.IsUpper(first):
		t.fl |= fCap
		if letters >= 2 && upper == letters {
			t.fl |= fAllCaps
		}
	case unicode.IsLower(first):
		t.fl |= fLower
	}
	// Lower-case the word into doc.lower, hashing it on the way for the
	// lexicon look-up.
	t.lo = int32(len(d.lower))
	h := uint64(fnvOffset)
	for k := i; k < j; {
		if c := body[k]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			d.lower = append(d.lower, c)
			h = (h ^ uint64(c)) * fnvPrime
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[k:])
		n := len(d.lower)
		if isApostrophe(r) {
			d.lower = append(d.lower, '\'')
		} else {
			d.lower = utf8.AppendRune(d.lower, unicode.ToLower(r))
		}
		for _, c := range d.lower[n:] {
			h = (h ^ uint64(c)) * fnvPrime
		}
		k += size
	}
	t.hi = int32(len(d.lower))
	lw := d.lower[t.lo:t.hi]
	if n := len(lw); n > 2 && lw[n-2] == '\'' && lw[n-1] == 's' {
		t.fl |= fPossessive
	}
	if t.kind == tWord {
		t.lex = lookupHash(h|1, lw)
		if t.lex == 0 {
			if a := bytes.LastIndexByte(lw, '\''); a > 0 && a >= len(lw)-3 {
				// Germany's, we're, he'll: the word before the ending.
				t.lex = lookup(lw[:a])
			}
		}
	}
	d.toks = append(d.toks, t)
	return j
}

// isInitial reports whether the period at j follows a run of at most two
// letters that starts a word or follows another period: U.S, e.g, p.m.
func isInitial(s string, j int) bool {
	n := 0
	k := j
	for k > 0 {
		r := runeBefore(s, k)
		if !unicode.IsLetter(r) {
			break
		}
		k -= utf8.RuneLen(r)
		n++
	}
	return n <= 2
}

// elision reads a word that starts with an apostrophe (’90s, ’em, rock ’n’
// roll) and returns the index after it, or i when there is none.
func (d *doc) elision(i, size int) int {
	body := d.body
	prev := runeBefore(body, i)
	if prev != 0 && !unicode.IsSpace(prev) && prev != '(' && !isDash(prev) {
		return i
	}
	next := runeAt(body, i+size)
	if unicode.IsDigit(next) {
		j := i + size
		for j < len(body) && (unicode.IsDigit(runeAt(body, j)) || runeAt(body, j) == 's') {
			j++
		}
		if j < len(body) && isWordRune(runeAt(body, j)) {
			return i
		}
		d.appendWordToken(i, j)
		return j
	}
	for _, e := range elisions {
		j := i + size
		if len(body) < j+len(e) || !equalFoldASCII(body[j:j+len(e)], e) {
			continue
		}
		j += len(e)
		if e == "n" {
			// rock ’n’ roll: the closing apostrophe belongs to the word.
			if r := runeAt(body, j); isApostrophe(r) {
				j += utf8.RuneLen(r)
			} else {
				continue
			}
		}
		if isWordRune(runeAt(body, j)) {
			continue
		}
		if (e == "tis" || e == "twas") && d.opensQuotation(i, size, j) {
			return i // ‘'Tis the season,’ she said: the mark opens a quotation too
		}
		d.appendWordToken(i, j)
		return j
	}
	return i
}

// opensQuotation reports whether the apostrophe of size bytes at i, before
// an elided word ending at j ('Tis, 'Twas), opens a quotation as well: it
// starts a line and the same mark closes something later on that line
// before any other opens.
func (d *doc) opensQuotation(i, size, j int) bool {
	body := d.body
	if p := runeBefore(body, i); p != 0 && p != '\n' {
		return false
	}
	mark := runeAt(body, i)
	for k := j; k < len(body) && body[k] != '\n'; {
		r, n := utf8.DecodeRuneInString(body[k:])
		if r == mark {
			before, after := runeBefore(body, k), runeAt(body, k+n)
			if unicode.IsSpace(before) && isWordRune(after) {
				return false // another quotation opens first
			}
			if !unicode.IsSpace(before) && (after == 0 || unicode.IsSpace(after) || unicode.IsPunct(after)) {
				return true
			}
		}
		k += n
	}
	return false
}

func (d *doc) appendWordToken(i, j int) {
	t := token{s: int32(i), e: int32(j), kind: tWord, fl: fLower, lo: int32(len(d.lower))}
	d.lower = append(d.lower, d.body[i:j]...)
	t.hi = int32(len(d.lower))
	d.toks = append(d.toks, t)
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[i] {
			return false
		}
	}
	return true
}

// isSpace reports whether r is white space, or the start of the text (0).
func isSpace(r rune) bool { return r == 0 || unicode.IsSpace(r) }
