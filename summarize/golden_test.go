package summarize

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// TestGolden briefs every testdata/*.txt article and compares the whole
// briefing with its golden file, as go/doc does.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(Brief(Article{Body: string(body)}), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Brief(%s) differs from %s (-want +got):\n%s", f, golden, cmp.Diff(string(want), string(got)))
			}
		})
	}
}

// TestSeed checks the seed article against what it is known to say: 13
// quotes, seven speakers with their roles, each with a position.
func TestSeed(t *testing.T) {
	body, err := os.ReadFile("testdata/seed-afp-nato.txt")
	if err != nil {
		t.Fatal(err)
	}
	b := Brief(Article{Body: string(body)})
	want := []q{
		{"certainly not a betrayal", "Pete Hegseth"},
		{"There is no betrayal there. There is a recognition that the whole world and the United States is invested and interested in peace,", "Pete Hegseth"},
		{"That will require both sides recognizing things they don’t want to.", "Pete Hegseth"},
		{"overwhelming share", "Pete Hegseth"},
		{"regrettable", "Boris Pistorius"},
		{"concessions", "Boris Pistorius"},
		{"In my view it would have been better to speak about a possible NATO membership for Ukraine or possible losses of territory at the negotiating table,", "Boris Pistorius"},
		{"Ukraine and Europe must be part of any negotiations.", "the foreign ministers of key European powers including Germany, France, Poland and Britain"},
		{"closely involved", "Mark Rutte"},
		{"there can be no negotiation about Ukraine without Ukraine, and Ukraine’s voice must be at the heart of any talks.", "John Healey"},
		{"enduring,", "Mark Rutte"},
		{"Europe has to be part of these negotiations. It’s not a question at all,", "Hanno Pevkur"},
		{"Europe is investing in Ukrainian defense, and Europe is rebuilding Ukraine with European Union money, with our bilateral aid — so we have to be there.", "Hanno Pevkur"},
	}
	if diff := cmp.Diff(want, quotesOf(b)); diff != "" {
		t.Errorf("seed quotes (-want +got):\n%s", diff)
	}
	roles := map[string]string{
		"Pete Hegseth":    "US Secretary of Defense",
		"Boris Pistorius": "Germany’s defense minister",
		"Mark Rutte":      "NATO chief",
		"John Healey":     "Britain’s defense secretary",
		"Hanno Pevkur":    "Estonian defense minister",
		"European powers": "",
		"the foreign ministers of key European powers including Germany, France, Poland and Britain": "",
	}
	got := map[string]string{}
	for _, a := range b.Actors {
		got[a.Name] = a.Role
	}
	if diff := cmp.Diff(roles, got); diff != "" {
		t.Errorf("seed actors and roles (-want +got):\n%s", diff)
	}
	// Every actor speaks: in reported speech (a position) or in quotation
	// marks. A quotation is never also given as a position, where its
	// words would read as the article's.
	said := map[string]int{}
	for _, p := range b.Positions {
		said[p.Actor]++
		for _, x := range b.Quotes {
			if p.Start >= x.Start && p.End <= x.End {
				t.Errorf("position %q of %s is inside the quotation %q", p.Text, p.Actor, x.Text)
			}
		}
	}
	for _, x := range b.Quotes {
		said[x.Speaker]++
	}
	for name := range roles {
		if said[name] == 0 && name != "European powers" {
			t.Errorf("actor %q neither speaks nor is reported", name)
		}
	}
	for _, want := range []string{
		"it was not realistic for Ukraine to regain all its land or become a member of NATO",
		"the United States would not deploy troops as a security guarantee under any deal",
		"Kyiv and other countries on the continent must have a seat at the table of any future negotiations",
		"it was “regrettable” that Washington had made “concessions” to Russia before peace talks had even started",
		"it was crucial Kyiv is “closely involved” in any talks about what is happening in Ukraine",
	} {
		found := false
		for _, p := range b.Positions {
			found = found || p.Text == want
		}
		if !found {
			t.Errorf("no position %q", want)
		}
	}
	var hegseth Actor
	for _, a := range b.Actors {
		if a.Name == "Pete Hegseth" {
			hegseth = a
		}
	}
	for _, alias := range []string{"Pete Hegseth", "Hegseth", "US Secretary of Defense Pete Hegseth"} {
		if !containsString(hegseth.Aliases, alias) {
			t.Errorf("Hegseth's aliases %q lack %q", hegseth.Aliases, alias)
		}
	}
	for _, topic := range []string{"Europe", "Ukraine", "NATO", "Estonia", "Hanno Pevkur"} {
		if !containsString(b.Topics, topic) {
			t.Errorf("topics %q lack %q", b.Topics, topic)
		}
	}
}

// FuzzBrief checks that no input panics and that every quote and position
// is a verbatim slice of the body, in bounds and in order.
func FuzzBrief(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(string(b))
	}
	f.Add("“Unclosed, he said.\n\n‘Also ’n’ odd’ ' \" «»„“")
	f.Add("\"\"\"'''“”‘’ said said. Mr. “.” —")
	f.Fuzz(func(t *testing.T, body string) {
		ch := make(chan Briefing, 1)
		go func() { ch <- Brief(Article{Body: body}) }()
		var b Briefing
		select {
		case b = <-ch:
		case <-time.After(2 * time.Second):
			t.Fatalf("HANG %q", body)
		}
		last := -1
		for _, q := range b.Quotes {
			if q.Start < 0 || q.End > len(body) || q.Start >= q.End || body[q.Start:q.End] != q.Text {
				t.Fatalf("quote %q at [%d:%d] is not the body's text", q.Text, q.Start, q.End)
			}
			if q.SentenceStart < 0 || q.SentenceStart > q.Start || q.SentenceEnd < q.End || q.SentenceEnd > len(body) {
				t.Fatalf("quote %q at [%d:%d] is not inside its sentence [%d:%d]", q.Text, q.Start, q.End, q.SentenceStart, q.SentenceEnd)
			}
			if q.Start <= last {
				t.Fatalf("quote %q at %d out of order after %d", q.Text, q.Start, last)
			}
			last = q.Start
		}
		for _, p := range b.Positions {
			if p.Start < 0 || p.End > len(body) || p.Start >= p.End || body[p.Start:p.End] != p.Text {
				t.Fatalf("position %q at [%d:%d] is not the body's text", p.Text, p.Start, p.End)
			}
		}
		if utf8.ValidString(body) {
			for _, q := range b.Quotes {
				if !utf8.ValidString(q.Text) {
					t.Fatalf("quote %q splits a character", q.Text)
				}
			}
		}
	})
}

// BenchmarkBrief briefs the testdata articles, reporting MB/s.
func BenchmarkBrief(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.txt")
	var bodies []string
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, string(data))
		n += len(data)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			Brief(Article{Body: body})
		}
	}
}

// BenchmarkBriefLong briefs the held-out and golden articles as one long
// document (800 KB, hundreds of distinct names) and its first eighth
// (100 KB), reporting MB/s: linking a mention looks only at entities
// that share a word with it, so the long one should run at nearly the
// short one's speed, not an eighth of it.
func BenchmarkBriefLong(b *testing.B) {
	files, _ := filepath.Glob("testdata/heldout/*.txt")
	more, _ := filepath.Glob("testdata/*.txt")
	var all strings.Builder
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(data)
		all.WriteString("\n\n")
	}
	long := all.String()
	for _, size := range []int{len(long) / 8, len(long)} {
		body := long[:size]
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				Brief(Article{Body: body})
			}
		})
	}
}
