package summarize

import "testing"

// The context rules run strongest first, and every feature says why it
// counts: the table is the one place a reader learns how a speaker is
// chosen.
func TestContextRulesStrongestFirstWithReasons(t *testing.T) {
	for i, r := range contextRules {
		if r.feat.why == "" || r.feat.name == "" {
			t.Errorf("rule %d has no name or reason", i)
		}
		if i > 0 && r.feat.weight >= contextRules[i-1].feat.weight {
			t.Errorf("rule %q (%.1f) is not weaker than %q (%.1f) before it", r.feat.name, r.feat.weight, contextRules[i-1].feat.name, contextRules[i-1].feat.weight)
		}
	}
	if last := contextRules[len(contextRules)-1].feat.weight; featClauseSubject.weight >= last || featClauseSubject.weight < minRankScore {
		t.Errorf("the sentence's subject (%.1f) must rank below every rule and clear minRankScore", featClauseSubject.weight)
	}
}

// Evidence for one candidate adds up, places never speak, and a candidate
// keeps the rule of its strongest evidence.
func TestBallotAddsEvidence(t *testing.T) {
	d := new(doc)
	d.ents = []entity{{kind: mPerson}, {kind: mPerson}, {kind: mPlace}}
	var b ballot
	b.add(d, 0, -1, howCarry, &featThread)
	b.add(d, 1, -1, howColon, &featColonBefore)
	b.add(d, 2, -1, howColon, &featCreditBelow) // a place never speaks
	b.add(d, 0, -1, howSameSpeak, &featSameParagraph)
	if len(b) != 2 {
		t.Fatalf("got %d candidates, want 2 (no place)", len(b))
	}
	if b[0].score != featThread.weight+featSameParagraph.weight || b[0].how != howSameSpeak {
		t.Errorf("candidate 0: score %.1f how %d; want %.1f and the paragraph rule", b[0].score, b[0].how, featThread.weight+featSameParagraph.weight)
	}
}

// The best candidate wins only when it clears the minimum score by the
// margin: a mere mention is not enough, and two close candidates give no
// speaker.
func TestBallotWinner(t *testing.T) {
	d := new(doc)
	d.ents = []entity{{kind: mPerson}, {kind: mPerson}}
	cases := []struct {
		name    string
		votes   []int // entity per vote, each the last-speaker sign
		other   *feature
		who     int
		wantHow int
	}{
		{"one sign alone clears the minimum", []int{0}, nil, 0, howRanked},
		{"a mere mention does not", nil, &featNamedInParagraph, -1, howNone},
		{"too close to call", []int{0, 1}, nil, -1, howNone},
		{"a rule ahead of a sign", []int{1}, &featThread, 0, howCarry},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b ballot
			for _, e := range tc.votes {
				b.add(d, e, -1, howRanked, &featLastSpeaker)
			}
			if tc.other != nil {
				how := howRanked
				if tc.other == &featThread {
					how = howCarry
				}
				b.add(d, 0, -1, how, tc.other)
			}
			if who, how := b.winner(); who != tc.who || how != tc.wantHow {
				t.Errorf("winner() = %d, %d; want %d, %d", who, how, tc.who, tc.wantHow)
			}
		})
	}
}
