package summarize

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	d := &doc{body: string(b)}
	d.tokenize()
	d.markContext()
	d.pairMarks()
	d.splitSentences()
	d.findMentions()
	d.attribute()
	for si, s := range d.sents {
		sub := ""
		if s.subject >= 0 {
			sub = d.ents[s.subject].name
		}
		fmt.Printf("S%d p%d subj=%q: %s\n", si, s.para, sub, d.body[d.toks[s.t0].s:d.toks[s.t1-1].e])
	}
	for _, m := range d.mentions {
		n := ""
		if m.ent >= 0 {
			n = d.ents[m.ent].name
		}
		fmt.Printf("M kind=%d %q -> %q mod=%v s%d\n", m.kind, d.body[d.toks[m.c0].s:d.toks[m.c1-1].e], n+m.place, m.modifier, m.sent)
	}
	for _, sp := range d.spans {
		w := ""
		if sp.who >= 0 {
			w = d.ents[sp.who].name
		}
		fmt.Printf("Q quote=%v partial=%v how=%d who=%q prev=%d next=%d %q\n", sp.quote, sp.partial, sp.how, w, sp.prev, sp.next, d.body[sp.s:min(sp.e, sp.s+60)])
	}
	for _, e := range d.ents {
		fmt.Printf("E %q kind=%d g=%d role=%q forms=%q\n", e.name, e.kind, e.gender, e.role, e.forms)
	}
}

func TestDebug2(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	d := &doc{body: string(b)}
	d.tokenize()
	d.markContext()
	d.pairMarks()
	d.splitSentences()
	d.findMentions()
	for i := range d.toks {
		f, k, w := d.cueAt(i)
		if w > 0 {
			fmt.Println("cue", d.text(i), f, k, "inverted", d.inverted(i), "cs", d.text(d.clauseStart(i)), "subj", d.cueSubject(i))
		}
	}
}
