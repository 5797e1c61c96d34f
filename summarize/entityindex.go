package summarize

import (
	"bytes"
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
	for _, w := range e.words {
		d.addKey(w, i)
	}
	for _, f := range e.forms {
		d.formKeys(i, f)
	}
	d.addKey(strings.ToLower(e.acronym), i)
}

// addKey lists entity i under key k, once in a row.
func (d *doc) addKey(k string, i int) {
	if l := d.entKeys[k]; k != "" && (len(l) == 0 || l[len(l)-1] != int32(i)) {
		d.entKeys[k] = append(l, int32(i))
	}
}

// addEntityKey indexes entity i under the words of one more form of its
// name: "Kelvale" for Aleksander, "Sen. Paul Torwell".
func (d *doc) addEntityKey(i int, form string) {
	if i < d.entIndexed { // else syncIndex will index every form
		d.formKeys(i, form)
	}
}

// formKeys lists entity i under the lower-case words of form. A form's
// words are mostly keys of the entity already: they are lower-cased into a
// buffer and looked up without making a string, which is made only for a
// key the entity lacks.
func (d *doc) formKeys(i int, form string) {
	for _, w := range strings.Fields(form) {
		d.keyBuf = append(d.keyBuf[:0], w...)
		for k, c := range d.keyBuf {
			if 'A' <= c && c <= 'Z' {
				d.keyBuf[k] = c + 'a' - 'A'
			} else if c >= 0x80 {
				d.keyBuf = append(d.keyBuf[:0], strings.ToLower(w)...)
				break
			}
		}
		b := bytes.TrimSuffix(bytes.TrimSuffix(d.keyBuf, []byte(".")), []byte("'s"))
		if l := d.entKeys[string(b)]; len(b) == 0 || len(l) > 0 && l[len(l)-1] == int32(i) {
			continue
		}
		d.addKey(string(b), i)
	}
}

// candidates returns, in ascending order, the entities that share a word
// of words with their names or the forms they were called by: the only
// ones a mention with those words can be linked to (a name, form or
// acronym equal to the mention's shares its words).
func (d *doc) candidates(words []string) []int32 {
	if len(d.ents) < indexFrom {
		return d.allEntities()
	}
	d.syncIndex()
	c := d.candBuf[:0]
	for _, w := range words {
		c = append(c, d.entKeys[w]...)
	}
	slices.Sort(c)
	c = slices.Compact(c)
	d.candBuf = c
	return c
}

// indexFrom is how many entities an article needs before the index pays:
// below it, looking at every entity is cheaper than keeping the index
// (BenchmarkBrief's articles have a few dozen; a long one has thousands).
const indexFrom = 64

// allEntities returns every entity's index, in order. The slice is shared
// and only grows, so one caller's iteration survives another's call.
func (d *doc) allEntities() []int32 {
	for i := len(d.allBuf); i < len(d.ents); i++ {
		d.allBuf = append(d.allBuf, int32(i))
	}
	return d.allBuf[:len(d.ents)]
}

// withWord returns the entities listed under word w (every entity, while
// there are too few to index); the caller checks each.
func (d *doc) withWord(w string) []int32 {
	if len(d.ents) < indexFrom {
		return d.allEntities()
	}
	d.syncIndex()
	return d.entKeys[w]
}

// syncIndex indexes the entities added since the last look-up.
func (d *doc) syncIndex() {
	for d.entIndexed < len(d.ents) {
		d.indexEntity(d.entIndexed)
		d.entIndexed++
	}
}
