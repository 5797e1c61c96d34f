package ingest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// maxByline is the longest byline kept, in characters; a longer one is a
// paragraph that Readability took for a byline.
const maxByline = 120

// months begin a date that pages run on after the names ("By Ann Lee
// March 11, 2015 3:46 PM"), when a number follows: Theresa May is a name.
var months = []string{
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}

// cleanByline returns the authors' names in byline as a reader wants them
// under a briefing: without a leading "By", without a date or time run on
// after them, and in ordinary case if the page shouts them. It returns ""
// for a byline that is only the site's name, a date, or too long to be
// names.
func cleanByline(byline, site string) string {
	words := strings.Fields(byline)
	if len(words) > 0 && strings.EqualFold(words[0], "by") {
		words = words[1:]
	}
	for i, w := range words {
		bare := strings.ToLower(strings.Trim(w, ".,:;"))
		date := slices.Contains(months, bare) && i+1 < len(words) && unicode.IsDigit(firstRune(words[i+1]))
		if date || w == "|" || w == "•" || w == "-" || w == "–" || w == "—" || unicode.IsDigit(firstRune(w)) ||
			bare == "updated" || bare == "published" || bare == "posted" {
			words = words[:i]
			break
		}
	}
	s := strings.Trim(strings.Join(words, " "), " ,;:|-–—")
	if s == "" || strings.EqualFold(s, strings.TrimSpace(site)) || utf8.RuneCountInString(s) > maxByline ||
		strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return ""
	}
	if strings.IndexFunc(s, unicode.IsLower) < 0 {
		s = titleCase(s)
	}
	return s
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// titleCase lower-cases each word of s after its first letter: "GILLIAN
// MOHNEY" → "Gillian Mohney", "AND" → "and".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lower := strings.ToLower(w)
		if lower == "and" || lower == "by" || lower == "in" {
			words[i] = lower
			continue
		}
		r, n := utf8.DecodeRuneInString(lower)
		words[i] = string(unicode.ToUpper(r)) + lower[n:]
	}
	return strings.Join(words, " ")
}

// authors is the byline of a feed item: its authors' names, or the
// feed's when the item names none.
func authors(fi *gofeed.Item, feed *gofeed.Feed) string {
	people := fi.Authors
	if len(people) == 0 {
		people = feed.Authors
	}
	var names []string
	for _, p := range people {
		if p == nil {
			continue
		}
		if n := strings.Join(strings.Fields(htmlText(p.Name)), " "); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	var s string
	switch len(names) {
	case 0:
		return ""
	case 1:
		s = names[0]
	default:
		s = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return cleanByline(s, feed.Title)
}

// dropBylineLine removes a line of the body's first few that only gives
// the byline ("By Ana Tremaine"), as Readability may leave it in the
// text, where it would be taken for the article's opening sentence.
func dropBylineLine(body, byline string) string {
	if byline == "" {
		return body
	}
	rest := body
	for range 3 {
		line, after, found := strings.Cut(rest, "\n")
		if line = strings.TrimSpace(line); line != "" {
			if strings.EqualFold(cleanByline(line, ""), byline) {
				start := len(body) - len(rest)
				return trimBlankLines(body[:start] + strings.TrimLeft(after, "\n"))
			}
		}
		if !found {
			break
		}
		rest = after
		for strings.HasPrefix(rest, "\n") {
			rest = rest[1:]
		}
	}
	return body
}

// cleanTitle drops what a page's title adds after the headline: the site's
// name or the byline ("Whales strand again | Eleanor Ainge Roy", "Harbour
// reopens – The Coastal Gazette").
func cleanTitle(title, site, byline string) string {
	for range 2 {
		cut := false
		for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			tail := strings.TrimSpace(title[i+len(sep):])
			if tail != "" && (strings.EqualFold(tail, strings.TrimSpace(site)) || byline != "" && strings.EqualFold(cleanByline(tail, ""), byline)) {
				title, cut = strings.TrimSpace(title[:i]), true
				break
			}
		}
		if !cut {
			break
		}
	}
	return title
}
