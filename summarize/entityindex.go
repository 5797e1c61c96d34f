package summarize

import (
	"slices"
	"strings"
)

// An index of entities by the words of their names. A mention can only be
// linked to an entity that shares a word with it (a surname, an acronym, a
// form used before), so addMention looks at those alone: an article's cost
// grows with its length, not with its length squared.

// indexEntity adds entity i's keys to the index: the lower-case words of
// its name, each form it was called by, and its acronym. Called again
// when a name grows; a key listed twice is harmless.
func (d *doc) indexEntity(i int) {
	if d.entKeys == nil {
		d.entKeys = make(map[string][]int32)
	}
	e := &d.ents[i]
	add := func(k string) {
		if k == "" {
			return
		}
		if l := d.entKeys[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
			d.entKeys[k] = append(l, int32(i))
		}
	}
	for _, w := range e.words {
		add(w)
	}
	for _, f := range e.forms {
		add(strings.ToLower(f))
	}
	add(strings.ToLower(e.name))
	add(strings.ToLower(e.acronym))
}

// addEntityKey indexes entity i under one more form of its name.
func (d *doc) addEntityKey(i int, form string) {
	if i < d.entIndexed {
		k := strings.ToLower(form)
		if l := d.entKeys[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
			d.entKeys[k] = append(l, int32(i))
		}
	}
}

// candidates returns, in ascending order, the entities that share a word
// of words, or the whole of name, with their own names: the only ones a
// mention with those words can be linked to.
func (d *doc) candidates(words []string, name string) []int32 {
	d.syncIndex()
	c := d.candBuf[:0]
	for _, w := range words {
		c = append(c, d.entKeys[w]...)
	}
	c = append(c, d.entKeys[strings.ToLower(name)]...)
	slices.Sort(c)
	c = slices.Compact(c)
	d.candBuf = c
	return c
}

// syncIndex indexes the entities added since the last look-up.
func (d *doc) syncIndex() {
	for d.entIndexed < len(d.ents) {
		d.indexEntity(d.entIndexed)
		d.entIndexed++
	}
}
