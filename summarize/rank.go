package summarize

// Choosing a speaker by ranking candidates: the last stage for a quotation
// that no rule attributes. Each candidate — someone quoted or named near
// the quotation — gets a score from named features; the best wins when it
// is clearly ahead, and otherwise the quotation keeps no speaker (a wrong
// name is worse than none). New evidence is a new feature here, with its
// weight and its reason, not another branch in a rule.

// A feature is one piece of evidence that a candidate spoke a quotation.
type feature struct {
	name   string
	weight float64
	why    string
}

// The features and their weights, in one place.
var (
	featLastSpeaker = feature{"last speaker", 2.0,
		"news alternates quotation and narration; the last person quoted is the likeliest to go on"}
	featSubjectBefore = feature{"subject of the sentence before", 1.5,
		"a sentence about someone often introduces their words"}
	featNamedInParagraph = feature{"named earlier in the paragraph", 1.0,
		"a paragraph is usually about one speaker"}
	featPerson = feature{"a person", 0.5,
		"people are quoted more often than bodies"}
	featParagraphsAway = feature{"paragraphs away", -0.5,
		"evidence fades with each paragraph in between (per paragraph)"}
	featOtherBetween = feature{"someone else named since", -1.5,
		"another person named after the candidate and before the quotation is as likely"}
)

// Limits of the choice.
const (
	// minRankScore is the score a candidate needs at all: the last speaker
	// alone is enough, a mere mention is not.
	minRankScore = 2.0
	// minRankMargin is how far ahead of the next the best must be; closer
	// than this, the text does not say who spoke.
	minRankMargin = 1.0
	// rankWindow is how many paragraphs back candidates are drawn from.
	rankWindow = 3
)

// candidate is someone who may have spoken a quotation, and their score.
type candidate struct {
	ent   int
	score float64
	last  int // the last sentence before the quotation that names them
}

// rankSpeaker returns the best-scoring candidate for quotation i when it
// clears minRankScore by minRankMargin, else -1.
func (d *doc) rankSpeaker(i int) int {
	sp := &d.spans[i]
	if sp.cued {
		return -1 // a speech verb names a speaker the text does not ("one post read:")
	}
	si := int(d.toks[sp.open].sent)
	if !d.floating(i, si) {
		return -1 // its sentence says more: "“Well,” came a voice from the back"
	}
	var cands []candidate
	add := func(e, at int, f feature) {
		if e < 0 || d.ents[e].kind == mPlace || d.ents[e].kind == mUnknown {
			return // a place, or one capitalised word that may be anything
		}
		for k := range cands {
			if cands[k].ent == e {
				cands[k].score += f.weight
				cands[k].last = max(cands[k].last, at)
				return
			}
		}
		cands = append(cands, candidate{ent: e, score: f.weight, last: at})
	}
	// The last quotation's speaker within the window.
	for j := i - 1; j >= 0; j-- {
		if p := &d.spans[j]; p.quote && p.who >= 0 {
			if sp.para-p.para <= rankWindow {
				add(p.who, p.sent, featLastSpeaker)
			}
			break
		}
	}
	// The subject of the sentence before, in this paragraph or the last.
	if si > 0 && d.sents[si-1].para >= sp.para-1 {
		add(d.sents[si-1].subject, si-1, featSubjectBefore)
	}
	// Names earlier in the paragraph, outside quotations.
	for s := si; s >= 0 && d.sents[s].para == sp.para; s-- {
		for _, m := range d.mentionsIn(s) {
			if !m.inQuote && m.ent >= 0 && m.c0 < sp.open && m.kind != mPlace {
				add(m.ent, s, featNamedInParagraph)
			}
		}
	}
	if len(cands) == 0 {
		return -1
	}
	for k := range cands {
		c := &cands[k]
		if d.ents[c.ent].kind == mPerson || d.ents[c.ent].kind == 0 && d.ents[c.ent].nominal == Person {
			c.score += featPerson.weight
		}
		c.score += featParagraphsAway.weight * float64(sp.para-d.sents[c.last].para)
		if d.otherNamedSince(c.ent, c.last, sp.open) {
			c.score += featOtherBetween.weight
		}
	}
	best, second := -1, -1
	for k := range cands {
		switch {
		case best < 0 || cands[k].score > cands[best].score:
			best, second = k, best
		case second < 0 || cands[k].score > cands[second].score:
			second = k
		}
	}
	if cands[best].score < minRankScore || second >= 0 && cands[best].score-cands[second].score < minRankMargin {
		return -1
	}
	return cands[best].ent
}

// otherNamedSince reports whether a person other than ent is named outside
// quotations after sentence from and before token end.
func (d *doc) otherNamedSince(ent, from, end int) bool {
	for s := from; s <= int(d.toks[end].sent); s++ {
		for _, m := range d.mentionsIn(s) {
			if m.inQuote || m.ent < 0 || m.ent == ent || m.c0 >= end || m.kind != mPerson {
				continue
			}
			if s > from || m.c0 > d.sents[from].t0 {
				return true
			}
		}
	}
	return false
}

// floating reports whether quotation i is all of sentence si but its
// marks and punctuation: a quotation the text around it must attribute.
func (d *doc) floating(i, si int) bool {
	s := &d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if t := &d.toks[k]; t.kind == tWord && int(t.span) != i {
			return false
		}
	}
	return true
}
