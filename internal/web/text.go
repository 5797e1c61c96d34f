package web

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/store"
)

// node is a piece of an article's text: plain text, or a quote or position
// holding the nodes inside it (a fragment quoted in reported speech).
type node struct {
	Text string // plain text; "" for a quote or position
	// Quote is true for a quote, false for a position; Kind is "" for
	// plain text.
	Kind      string
	ID        string // the anchor links land on
	Speaker   string
	SpeakerID int64
	Children  []node
}

// mark is a statement's place in the text.
type mark struct {
	start, end int
	s          store.Statement
}

// markText splits body into plain text and marked statements, nested where
// one holds another. A statement that starts inside another and ends after
// it is cut at its end, so that the marks nest. It also counts the
// statements whose offsets do not fit body, which are left unmarked.
func markText(body string, said []store.Statement) (nodes []node, misfits int) {
	var marks []mark
	for _, s := range said {
		if s.Start < 0 || s.End <= s.Start || s.End > len(body) ||
			!boundary(body, s.Start) || !boundary(body, s.End) {
			misfits++
			continue
		}
		marks = append(marks, mark{s.Start, s.End, s})
	}
	// Outer first: earlier start, then longer, then a quote before a
	// position over the same words.
	slices.SortStableFunc(marks, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(kind(a.s), kind(b.s)))
	})
	used := map[string]bool{}
	return nest(body, 0, len(body), marks, used), misfits
}

func kind(s store.Statement) int {
	if s.Quote {
		return 0
	}
	return 1
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// nest makes the nodes of body[lo:hi] from marks, which lie within it,
// sorted outer first.
func nest(body string, lo, hi int, marks []mark, used map[string]bool) []node {
	var out []node
	pos := lo
	for i := 0; i < len(marks); {
		m := marks[i]
		m.start = max(m.start, pos)
		i++
		if m.start >= m.end {
			continue
		}
		var inner []mark
		for i < len(marks) && marks[i].start < m.end {
			k := marks[i]
			k.end = min(k.end, m.end)
			inner = append(inner, k)
			i++
		}
		if m.start > pos {
			out = append(out, node{Text: body[pos:m.start]})
		}
		n := node{Kind: "position", Speaker: m.s.Speaker, SpeakerID: m.s.SpeakerID}
		if m.s.Quote {
			n.Kind = "quote"
		}
		// Links name a statement by its own offsets, kept whatever cut it.
		if id := anchor(m.s.Start, m.s.End); !used[id] {
			used[id] = true
			n.ID = id
		}
		n.Children = nest(body, m.start, m.end, inner, used)
		out = append(out, n)
		pos = m.end
	}
	if pos < hi {
		out = append(out, node{Text: body[pos:hi]})
	}
	return out
}
