package summarize

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// doc is the working state of one Brief call.
type doc struct {
	body      string
	toks      []token
	lower     []byte
	paras     []paragraph
	sents     []sentence
	spans     []span
	mentions  []mention
	mentionAt []int32
	ents      []entity
	sentM     []int32 // the first mention of each sentence, and one past the last
	sentSp    []int32 // the first span opening in each sentence, and one past the last
	lowStr    string  // lower, as a string: what low slices
	lowers    wordSet // the words seen in lower case
	capital   wordSet // the words seen capitalised inside a sentence
	// entKeys indexes entities by the lower-case words and forms of their
	// names (entityindex.go), so that linking a mention costs the entities
	// that share a word with it, not all of them.
	entKeys    map[string][]int32
	entIndexed int        // entities [0, entIndexed) are in entKeys
	caps       [][2]int32 // per sentence: words outside quotations, and how many are capitalised
	candBuf    []int32
	ballot     ballot  // contextSpeaker's candidates, reused
	keyBuf     []byte  // formKeys' lower-case word
	allBuf     []int32 // 0, 1, 2, …: every entity, for articles too small to index
}

// bigArticle is the size past which an article's working buffers are
// dropped rather than kept for the next call: a pooled doc would otherwise
// hold tens of megabytes after one large file.
const bigArticle = 4 << 20

// docs keeps working buffers between calls; nothing in a Briefing points
// into them.
var docs = sync.Pool{New: func() any { return new(doc) }}

func (d *doc) reset(body string) {
	d.body = body
	d.toks = d.toks[:0]
	d.lower = d.lower[:0]
	d.paras = d.paras[:0]
	d.sents = d.sents[:0]
	d.spans = d.spans[:0]
	d.mentions = d.mentions[:0]
	d.mentionAt = d.mentionAt[:0]
	clear(d.ents)
	d.ents = d.ents[:0]
	d.lowStr = ""
	d.lowers.reset()
	d.capital.reset()
	clear(d.entKeys)
	d.entIndexed = 0
	d.caps = d.caps[:0]
}

// Brief reads an article and returns its briefing.
func Brief(a Article) Briefing {
	lexiconOnce.Do(loadLexicon)
	d := docs.Get().(*doc)
	d.reset(a.Body)
	defer func() {
		d.reset("")
		if len(a.Body) <= bigArticle {
			docs.Put(d) // a big article's buffers go with it
		}
	}()
	d.tokenize()
	d.lowStr = string(d.lower)
	if len(d.lower) > bigArticle {
		d.lower = nil // lowStr has it now; a big buffer is not kept for the next article
	}
	d.markContext()
	d.pairMarks()
	d.splitSentences()
	d.findMentions()
	d.indexSentences()
	d.attribute()

	b := Briefing{Title: strings.TrimSpace(a.Title), Lede: d.lede()}
	order := []int{}         // entities that speak
	firstAt := map[int]int{} // where each first speaks, in quotation or reported speech
	speaks := func(e, at int) {
		if e < 0 {
			return
		}
		if !d.ents[e].speaks {
			d.ents[e].speaks = true
			order = append(order, e)
			firstAt[e] = at
		}
		firstAt[e] = min(firstAt[e], at)
	}
	quotes := 0
	for i := range d.spans {
		if d.spans[i].quote {
			quotes++
		}
	}
	if quotes > 0 {
		b.Quotes = make([]Quote, 0, quotes)
	}
	for i := range d.spans {
		sp := &d.spans[i]
		if !sp.quote {
			continue
		}
		q := Quote{Text: d.body[sp.s:sp.e], Start: sp.s, End: sp.e, Partial: sp.partial}
		q.SentenceStart, q.SentenceEnd = d.sentenceSpan(sp)
		if sp.who >= 0 {
			q.Speaker = d.ents[sp.who].name
			q.Role = shownRole(d.ents[sp.who].role)
			speaks(sp.who, sp.s)
		}
		b.Quotes = append(b.Quotes, q)
	}
	ps := d.positions()
	seen := make(map[[2]int]bool, len(ps))
	if len(ps) > 0 {
		b.Positions = make([]Position, 0, len(ps))
	}
	inside := nested(ps)
	for i, p := range ps {
		if seen[[2]int{p.s, p.e}] || inside[i] {
			continue
		}
		seen[[2]int{p.s, p.e}] = true
		speaks(p.ent, p.s)
		b.Positions = append(b.Positions, Position{Actor: d.ents[p.ent].name, Text: d.body[p.s:p.e], Start: p.s, End: p.e})
	}
	// Reported speech in text order, and actors in order of first speaking,
	// whether in quotation or in reported speech.
	slices.SortStableFunc(b.Positions, func(x, y Position) int { return x.Start - y.Start })
	slices.SortStableFunc(order, func(x, y int) int { return firstAt[x] - firstAt[y] })
	for _, e := range order {
		en := &d.ents[e]
		act := Actor{Name: en.name, Role: shownRole(en.role), Kind: en.actorKind()}
		act.Aliases = append(act.Aliases, en.name)
		for _, f := range en.forms {
			if !containsString(act.Aliases, f) {
				act.Aliases = append(act.Aliases, f)
			}
		}
		b.Actors = append(b.Actors, act)
	}
	b.Topics = d.topics()
	return b
}

func (e *entity) actorKind() Kind {
	switch e.kind {
	case mPerson:
		return Person
	case mOrg, mUnknown:
		return Organisation
	}
	return e.nominal
}

// topics lists the places, organisations and people mentioned, in order of
// first mention, each once.
func (d *doc) topics() []string {
	var out []string
	var seen map[string]bool // past a few dozen topics, a map beats comparing with each
	add := func(s string) {
		if s == "" {
			return
		}
		if seen == nil {
			for _, t := range out {
				if strings.EqualFold(t, s) {
					return
				}
			}
			out = append(out, s)
			if len(out) == 64 {
				seen = make(map[string]bool, 128)
				for _, t := range out {
					seen[strings.ToLower(t)] = true
				}
			}
			return
		}
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	for _, m := range d.mentions {
		switch {
		case m.kind == mPlace:
			add(m.place)
		case m.ent >= 0 && (d.ents[m.ent].head || d.ents[m.ent].kind != mUnknown):
			add(d.ents[m.ent].name) // not "Western" of "Western powers" alone
		}
	}
	return out
}

// lede returns the article's opening sentence, or two when the first is
// short, without a dateline such as "BRUSSELS (AFP):".
func (d *doc) lede() string {
	for si := 0; si < len(d.sents); si++ {
		s := d.sents[si]
		if s.t1-s.t0 < 6 {
			continue
		}
		a := s.t0
		// A dateline: upper-case words, maybe a bracketed agency, then a colon or dash.
		for k := s.t0; k < s.t1 && k < s.t0+8; k++ {
			t := d.toks[k]
			if t.kind == tPunct && (t.r == ':' || isDash(rune(t.r))) && k > s.t0 && d.toks[s.t0].fl&fAllCaps != 0 {
				a = k + 1
				break
			}
			if t.kind == tWord && t.fl&(fCap|fAllCaps) == 0 {
				break
			}
		}
		if a >= s.t1 {
			continue
		}
		start, end := int(d.toks[a].s), int(d.toks[s.t1-1].e)
		if end-start < 100 && si+1 < len(d.sents) && d.sents[si+1].para == s.para {
			end = int(d.toks[d.sents[si+1].t1-1].e)
		}
		return d.body[start:end]
	}
	return ""
}

// sentenceSpan returns the byte offsets of the sentences quotation sp is
// in, from the one it opens in to the one it closes in (or its last
// word's, when it is not closed).
func (d *doc) sentenceSpan(sp *span) (int, int) {
	first := d.sentOf(sp.open)
	last := first
	if sp.close >= 0 {
		last = d.sentOf(sp.close)
	} else if end := sort.Search(len(d.toks), func(k int) bool { return int(d.toks[k].s) >= sp.e }); end > 0 {
		last = d.sentOf(end - 1)
	}
	return int(d.toks[first.t0].s), max(int(d.toks[last.t1-1].e), sp.e)
}

// shownRole is a role as a briefing shows it, out of the article's
// sentence: one given relative to someone else loses its possessive ("her
// longtime guitarist" → "longtime guitarist"), and a relative ("his
// father", "her 22-year-old son") says nothing at all without it.
func shownRole(role string) string {
	w, rest, _ := strings.Cut(role, " ")
	switch strings.ToLower(w) {
	case "his", "her", "their", "its", "my", "our", "your":
		last := rest[strings.LastIndexByte(rest, ' ')+1:]
		if _, kin := kinSex[strings.ToLower(last)]; kin || rest == "" {
			return ""
		}
		return rest
	}
	return role
}

// nested reports which positions lie within another of the same actor's:
// "surrogates to stump for him" inside "he rarely asks surrogates to stump
// for him" says nothing more. One sort and one pass, for long texts.
func nested(ps []position) []bool {
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if ps[a].s != ps[b].s {
			return ps[a].s - ps[b].s
		}
		return ps[b].e - ps[a].e // the longer first
	})
	inside := make([]bool, len(ps))
	reach := map[int]int{} // for each actor, the furthest end so far
	for _, i := range order {
		p := ps[i]
		if e, ok := reach[p.ent]; ok && p.e <= e {
			inside[i] = true
			continue
		}
		reach[p.ent] = p.e
	}
	return inside
}
