package summarize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// goldFile is an article's answers, in the format of the shared evaluation
// guidelines: each quote with who said it and the strings a right speaker
// contains.
type goldFile struct {
	Quotes []struct {
		Text    string   `json:"text"`
		Speaker *string  `json:"speaker"`
		Match   []string `json:"match"`
	} `json:"quotes"`
}

// overlapTokens splits s into lower-case words, curly apostrophes straightened.
func overlapTokens(s string) []string {
	s = strings.ToLower(strings.NewReplacer("’", "'", "‘", "'").Replace(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'') })
}

// overlap is the token F1 of two texts.
func overlap(a, b string) float64 {
	ta, tb := overlapTokens(a), overlapTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	pool := map[string]int{}
	for _, t := range tb {
		pool[t]++
	}
	common := 0
	for _, t := range ta {
		if pool[t] > 0 {
			pool[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(ta)), float64(common)/float64(len(tb))
	return 2 * p * r / (p + r)
}

// TestHeldOut scores the extractor on fictional articles written with gold
// answers by people who had not seen the code (testdata/heldout), the way
// the shared scorer does, and fails when quote finding or attribution falls
// below what it reached when they were added.
func TestHeldOut(t *testing.T) {
	golds, err := filepath.Glob("testdata/heldout/*.gold.json")
	if err != nil || len(golds) == 0 {
		t.Fatalf("no held-out articles: %v", err)
	}
	var nGold, nPred, found, right int
	for _, g := range golds {
		var gold goldFile
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		body, err := os.ReadFile(strings.TrimSuffix(g, ".gold.json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		b := Brief(Article{Body: string(body)})
		nGold += len(gold.Quotes)
		nPred += len(b.Quotes)
		type pair struct {
			o    float64
			g, p int
		}
		var pairs []pair
		for gi, gq := range gold.Quotes {
			for pi, pq := range b.Quotes {
				if o := overlap(gq.Text, pq.Text); o >= 0.8 {
					pairs = append(pairs, pair{o, gi, pi})
				}
			}
		}
		sort.Slice(pairs, func(i, j int) bool { return pairs[i].o > pairs[j].o })
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			if usedG[pr.g] || usedP[pr.p] {
				continue
			}
			usedG[pr.g], usedP[pr.p] = true, true
			found++
			gq, got := gold.Quotes[pr.g], strings.ToLower(b.Quotes[pr.p].Speaker)
			ok := false
			if gq.Speaker == nil || *gq.Speaker == "" {
				ok = got == ""
			}
			for _, m := range gq.Match {
				ok = ok || strings.Contains(got, strings.ToLower(m))
			}
			if ok {
				right++
			} else {
				t.Logf("%s: %.40q said by %q; want %q", filepath.Base(g), gq.Text, b.Quotes[pr.p].Speaker, gq.Match)
			}
		}
		for gi, gq := range gold.Quotes {
			if !usedG[gi] {
				t.Logf("%s: missed %.40q", filepath.Base(g), gq.Text)
			}
		}
	}
	p, r := float64(found)/float64(nPred), float64(found)/float64(nGold)
	f1 := 2 * p * r / (p + r)
	attribution := float64(right) / float64(found)
	t.Logf("%d articles, %d gold quotes: quote F1 %.3f, speaker right %.3f", len(golds), nGold, f1, attribution)
	if f1 < 0.98 || attribution < 0.97 {
		t.Errorf("held-out quote F1 = %.3f, attribution = %.3f; want at least 0.98 and 0.97", f1, attribution)
	}
}
