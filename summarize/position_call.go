package summarize

// Calls, demands and pledges: "urged Congress to pass the bill", "called on
// donors to give", "called for an inquiry into the fire", "pledged to cut
// fares", "proposed a tax on sugar". What is asked for or promised is the
// actor's position, verbatim from its object to the end of the clause.

// callVerbs are the speech verbs (all in the lexicon's cue list) whose position is what they ask for or
// promise, and whether the thing asked for may be a bare noun phrase
// ("called for an inquiry") rather than an infinitive ("urged X to …").
var callVerbs = map[string]bool{
	"urge": false, "urges": false, "urged": false, "urging": false,
	"ask": false, "asks": false, "asked": false, "asking": false,
	"plead": false, "pleads": false, "pleaded": false, "pleading": false,
	"pledge": false, "pledges": false, "pledged": false, "pledging": false,
	"promise": false, "promises": false, "promised": false, "promising": false,
	"vow": false, "vows": false, "vowed": false, "vowing": false,
	"threaten": false, "threatens": false, "threatened": false, "threatening": false,
	"demand": true, "demands": true, "demanded": true, "demanding": true,
	"propose": true, "proposes": true, "proposed": true, "proposing": true,
	"call": true, "calls": true, "called": true, "calling": true,
}

// maxCallObject is how far "to" may stand after the verb: the one urged is
// a name or a short phrase ("the state's two senators"); past this the
// "to" belongs to something else.
const maxCallObject = 8

// callPositions adds to out what the calls and pledges in sentence si ask
// for or promise.
func (d *doc) callPositions(si int, out []position) []position {
	s := &d.sents[si]
	for c := s.t0; c < s.t1; c++ {
		t := &d.toks[c]
		if t.kind != tWord || t.span >= 0 || t.fl&fLower == 0 || lexTable[t.lex].flags&wCue == 0 {
			continue // every call verb is a speech verb of the lexicon
		}
		if d.has(c-1, wDet|wPrep) {
			continue // "the call", "a pledge": a noun; "over proposed cuts": an adjective
		}
		start, ok := d.askedWhy(c)
		if !ok {
			bare, isCall := callVerbs[d.low(c)]
			if !isCall {
				continue
			}
			k := c + 1
			if d.low(c)[0] == 'c' {
				// "call" asks only with "on", "upon" or "for".
				switch {
				case d.is(k, "on") || d.is(k, "upon"):
					k++
					bare = false
				case d.is(k, "for"):
					k++
				default:
					continue
				}
			}
			if start, ok = d.callObject(k, s.t1, bare); !ok {
				continue
			}
		}
		e, _ := d.clauseEndAt(start, s.t1)
		if e-start < 3 || d.allQuoted(start, e) {
			continue
		}
		who := d.callSubject(c)
		if who < 0 {
			continue
		}
		out = append(out, position{ent: who, s: int(d.toks[start].s), e: d.trimEnd(start, e)})
	}
	return out
}

// callObject returns where what is asked for starts after a call verb whose
// object starts at k: "to" right after it ("pledged to cut"), or the one
// urged before "to" ("urged Congress to act"), or, where bare is set, the
// noun phrase itself ("called for an inquiry").
func (d *doc) callObject(k, end int, bare bool) (int, bool) {
	if k >= end || d.toks[k].span >= 0 && d.toks[k].fl&fOpen == 0 {
		return 0, false
	}
	if d.is(k, "to") {
		return k, d.lowerWordAt(k + 1)
	}
	if d.is(k, "not") || d.is(k, "that") || d.clauseWord(k) || d.has(k, wPrep) && !d.has(k, wDet) {
		// "asked not to be named" asks for nothing a briefing reports.
		return 0, false // "said that …" is the ordinary rule's; "asked about it" asks nothing
	}
	if d.is(k, "guilty") || d.is(k, "innocent") {
		return 0, false // "pleaded guilty to fraud": a plea in court
	}
	for j := k; j < end && j <= k+maxCallObject; j++ {
		if d.toks[j].kind == tPunct || d.toks[j].span >= 0 {
			break
		}
		if d.is(j, "to") && j+1 < end && d.toks[j+1].kind == tMark && d.toks[j+1].fl&fOpen != 0 && d.lowerWordAt(j+2) {
			return k, true // "asked donors to “prayerfully consider” …"
		}
		if d.is(j, "who") && j > k && !d.has(j-1, wPron) {
			continue // "called on others who took the money to return it": a relative clause
		}
		if d.has(j, wAux) && !d.is(j, "to") || d.is(j, "what") || d.is(j, "whether") || d.is(j, "if") || d.is(j, "how") || d.is(j, "why") || d.is(j, "who") || d.is(j, "when") {
			return 0, false // "asked him what he thought", "asked him who": a question, not a call
		}
		if d.is(j, "to") && d.lowerWordAt(j+1) && !d.has(j+1, wDet|wPron) {
			return k, true
		}
	}
	if bare && (d.has(k, wDet) || d.toks[k].kind == tNum || d.toks[k].fl&fLower != 0 && !d.has(k, wAux|wCue)) {
		return k, true
	}
	return 0, false
}

// questionVerbs ask a question whose words are the actor's position:
// "questioned why the governor's wife did not speak".
var questionVerbs = map[string]bool{
	"asked": true, "asks": true, "asking": true, "questioned": true, "questions": true, "questioning": true,
	"wondered": true, "wonders": true, "wondering": true,
}

// explainVerbs say why or how something is: "explained why Ulm was
// chosen".
var explainVerbs = map[string]bool{"explained": true, "explains": true, "explaining": true, "explain": true}

// askedWhy returns where the question after "asked why", "questioned
// whether", "wondered how", "explained to CBS why" starts.
func (d *doc) askedWhy(c int) (int, bool) {
	k := c + 1
	switch {
	case questionVerbs[d.low(c)]:
	case explainVerbs[d.low(c)]:
		if d.is(k, "to") { // the listener: "explained to CBS why"
			for j := k + 1; j < len(d.toks) && j <= k+4; j++ {
				if d.is(j, "why") || d.is(j, "how") {
					k = j
					break
				}
			}
		}
	default:
		return 0, false
	}
	if d.is(k, "why") || d.is(k, "whether") || d.is(k, "how") {
		return k, d.toks[k].fl&fLower != 0
	}
	return 0, false
}

// callSubject returns who makes the call at c: the subject of its clause.
func (d *doc) callSubject(c int) int {
	if _, _, n := d.cueAt(c); n > 0 {
		return d.cueSubject(c)
	}
	return d.mainSubject(c)
}
