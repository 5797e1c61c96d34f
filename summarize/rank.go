package summarize

// Choosing the speaker of a quotation whose own sentence names none, by
// ranking candidates. Every piece of evidence in the text around the
// quotation is a feature: a rule that names a candidate (a credit line
// under it, the thread of quotations, a lead-in sentence …) or a weaker
// sign (the last speaker, the subject of the sentence before, a name
// earlier in the paragraph). Each candidate's score is the sum of the
// weights of its features; the best wins when it clears minRankScore by
// minRankMargin, and otherwise the quotation keeps no speaker (a wrong name
// is worse than none). New evidence is a new feature here, with its weight
// and its reason, not another branch in a rule.
//
// Quotations whose own sentence has a speech verb are attributed before
// this stage by the sentence rules (attribute.go): the subject of the
// verb is the speaker, and grammar, not weighing, decides it.

// A feature is one piece of evidence that a candidate spoke a quotation.
type feature struct {
	name   string
	weight float64
	why    string
}

// The features and their weights, in one place. The rules' weights keep
// the order in which they proved reliable, most certain first, spaced so
// that one weak sign never reverses two rules; evidence that agrees adds
// up, so that two rules naming one candidate outweigh a single stronger
// rule naming another. The weak signs decide between candidates that no
// rule names.
var (
	featCreditBelow = feature{"credit line under the paragraph", 40,
		"“…” then a line “-Ana Ruiz, Philadelphia.” names the speaker outright"}
	featGesture = feature{"a gesture after it", 34,
		"“Everyone asks that.” She smiled: who is shown speaking spoke"}
	featNamedSubject = feature{"the subject of its own sentence, named there", 28,
		"a fragment inside a sentence about someone named in it is theirs"}
	featSameParagraph = feature{"the speaker or subject earlier in the paragraph", 22,
		"a paragraph keeps to one speaker"}
	featColonBefore = feature{"the paragraph before ends with a colon", 18,
		"“The minister said:” introduces what follows"}
	featReportedBefore = feature{"the paragraph before ends with their reported speech", 15,
		"“He explained that …” and then his words"}
	featThread = feature{"the thread of quotations", 12,
		"the last speaker goes on while no one else is named"}
	featLeadIn = feature{"a lead-in on how they speak", 9,
		"“Pryor is unequivocal.” introduces Pryor's words"}
	featClauseSubject = feature{"who the quotation's sentence is about", 6,
		"“Ames described the plan as “a wish list”” with no speech verb: Ames's words"}

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
	// minRankScore is the score a candidate needs at all: any rule, or the
	// last speaker alone, is enough; a mere mention is not.
	minRankScore = 2.0
	// minRankMargin is how far ahead of the next the best must be; closer
	// than this, the text does not say who spoke.
	minRankMargin = 1.0
	// rankWindow is how many paragraphs back the weak signs draw
	// candidates from.
	rankWindow = 3
)

// contextRule is a rule that names a candidate for quotation i from the
// text around it, as a feature; stop ends the search (the quotation does
// not open its paragraph, so no paragraph-level rule applies to it).
type contextRule struct {
	feat *feature
	how  int
	find func(d *doc, i int) (who int, stop bool)
}

// contextRules are the rules, strongest first.
var contextRules = [...]contextRule{
	{&featCreditBelow, howAfter, (*doc).creditBelowRule},
	{&featGesture, howAfter, (*doc).gestureRule},
	{&featNamedSubject, howClause, (*doc).namedSubjectRule},
	{&featSameParagraph, howSameSpeak, (*doc).sameParagraph},
	{&featColonBefore, howColon, (*doc).colonBefore},
	{&featReportedBefore, howCarry, (*doc).reportedBefore},
	{&featThread, howCarry, (*doc).thread},
	{&featLeadIn, howCarry, (*doc).leadInRule},
}

// candidate is someone who may have spoken a quotation, and their score.
type candidate struct {
	ent   int
	score float64
	last  int     // the last sentence before the quotation that names them, or -1
	how   int     // the rule of their strongest feature
	top   float64 // that feature's weight
}

// ballot gathers the candidates for one quotation.
type ballot []candidate

// add counts feature f for entity e, seen last in sentence at (or -1).
func (b *ballot) add(d *doc, e, at, how int, f *feature) {
	if e < 0 || d.ents[e].kind == mPlace {
		return
	}
	for k := range *b {
		if c := &(*b)[k]; c.ent == e {
			c.score += f.weight
			c.last = max(c.last, at)
			if f.weight > c.top {
				c.how, c.top = how, f.weight
			}
			return
		}
	}
	*b = append(*b, candidate{ent: e, score: f.weight, last: at, how: how, top: f.weight})
}

// contextSpeaker returns the speaker of quotation i from the text around
// it, and the rule that found them, or -1 and howNone.
func (d *doc) contextSpeaker(i int) (int, int) {
	sp := &d.spans[i]
	b := ballot(d.ballot[:0])
	defer func() { d.ballot = b[:0] }()
	for _, r := range contextRules {
		w, stop := r.find(d, i)
		b.add(d, w, -1, r.how, r.feat)
		if stop {
			break
		}
	}
	if len(b) == 0 {
		// No rule applies: the subject of the quotation's own sentence.
		if w, how := d.clauseSubject(i); w >= 0 {
			b.add(d, w, -1, how, &featClauseSubject)
		}
	}
	d.weakSigns(i, &b)
	who, how := b.winner()
	if sp.descA >= 0 && (who < 0 || d.ents[who].kind != mPerson) {
		// “…,” the juggler said: the description itself, unless it
		// varies the name of a person the text carries over ("the
		// gambling tycoon" for the donor named before); another
		// description is someone else ("a passer-by", then "the
		// caretaker").
		if w := d.describedSpeaker(sp.descA, sp.descC); w >= 0 {
			return w, howAfter
		}
	}
	return who, how
}

// winner returns the best candidate and the rule of its strongest
// evidence when it clears minRankScore by minRankMargin, else -1 and
// howNone.
func (b ballot) winner() (int, int) {
	best, second := -1, -1
	for k := range b {
		switch {
		case best < 0 || b[k].score > b[best].score:
			best, second = k, best
		case second < 0 || b[k].score > b[second].score:
			second = k
		}
	}
	if best < 0 || b[best].score < minRankScore || second >= 0 && b[best].score-b[second].score < minRankMargin {
		return -1, howNone
	}
	return b[best].ent, b[best].how
}

// weakSigns adds the weak features for quotation i: the last speaker, the
// subject of the sentence before, names earlier in the paragraph, and for
// every candidate, being a person, distance and someone named since. They
// count only for a quotation that is its sentence and that no speech verb
// credits: "“Well,” came a voice from the back" says more.
func (d *doc) weakSigns(i int, b *ballot) {
	sp := &d.spans[i]
	si := int(d.toks[sp.open].sent)
	if sp.cued || !d.floating(i, si) {
		return
	}
	add := func(e, at int, f *feature) {
		if e >= 0 && d.ents[e].kind != mUnknown {
			b.add(d, e, at, howRanked, f) // not one capitalised word that may be anything
		}
	}
	// The last quotation's speaker within the window.
	for j := i - 1; j >= 0; j-- {
		if p := &d.spans[j]; p.quote && p.who >= 0 {
			if sp.para-p.para <= rankWindow {
				add(p.who, p.sent, &featLastSpeaker)
			}
			break
		}
	}
	// The subject of the sentence before, in this paragraph or the last.
	if si > 0 && d.sents[si-1].para >= sp.para-1 {
		add(d.sents[si-1].subject, si-1, &featSubjectBefore)
	}
	// Names earlier in the paragraph, outside quotations.
	for s := si; s >= 0 && d.sents[s].para == sp.para; s-- {
		for _, m := range d.mentionsIn(s) {
			if !m.inQuote && m.ent >= 0 && m.c0 < sp.open && m.kind != mPlace {
				add(m.ent, s, &featNamedInParagraph)
			}
		}
	}
	for k := range *b {
		c := &(*b)[k]
		if d.ents[c.ent].kind == mPerson || d.ents[c.ent].kind == 0 && d.ents[c.ent].nominal == Person {
			c.score += featPerson.weight
		}
		if c.last < 0 {
			continue // named by a rule: its own reach
		}
		c.score += featParagraphsAway.weight * float64(sp.para-d.sents[c.last].para)
		if d.otherNamedSince(c.ent, c.last, sp.open) {
			c.score += featOtherBetween.weight
		}
	}
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
