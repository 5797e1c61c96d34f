package ingest

import (
	"errors"
	"net/url"
	"path/filepath"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/briefbot/briefbot/summarize"
)

// ErrNoArticle is returned for an HTML page in which no article text is found.
var ErrNoArticle = errors.New("no article text in the page")

// IsHTML reports whether a file name is an HTML page's.
func IsHTML(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	return false
}

// ParseHTML keeps the article of an HTML page, as Readability does: its
// main text, one paragraph a line, with its title, site, authors, date and
// address.
// Scripts, menus, comments and sharing buttons do not reach the body.
// page is already UTF-8 (DecodeHTML reads it in its declared encoding), so
// it is parsed as it is: Readability's own reader would guess the encoding
// again from the bytes and, on a short page, take UTF-8 for Windows-1252.
// pageURL may be empty.
func ParseHTML(name, page, pageURL string) (summarize.Article, error) {
	var u *url.URL
	if pageURL != "" {
		if parsed, err := url.Parse(pageURL); err == nil {
			u = parsed
		}
	}
	root, err := html.Parse(transform.NewReader(strings.NewReader(page), composeText()))
	if err != nil {
		return summarize.Article{}, ErrNoArticle
	}
	parser := readability.NewParser()
	doc, err := parser.ParseAndMutate(root, u)
	if err != nil {
		return summarize.Article{}, ErrNoArticle
	}
	var text strings.Builder // not bytes.Buffer, whose String would copy the page
	if doc.Node == nil || doc.RenderText(&text) != nil {
		return summarize.Article{}, ErrNoArticle
	}
	body := trimBlankLines(normalise(text.String()))
	if !hasWords(body, 20) {
		return summarize.Article{}, ErrNoArticle // a menu or a stub, not an article
	}
	a := summarize.Article{Title: strings.TrimSpace(doc.Title()), URL: pageURL, Source: doc.SiteName()}
	a.Byline = cleanByline(doc.Byline(), a.Source)
	a.Title = cleanTitle(a.Title, a.Source, a.Byline)
	a.Body = dropBylineLine(body, a.Byline)
	if a.Source == "" {
		a.Source = filepath.Base(name)
	}
	if t, err := doc.PublishedTime(); err == nil {
		a.Published = t
	}
	return a, nil
}

// composeText composes characters (NFC) and drops soft hyphens, as
// Readability's own reader does, so that a word typed with a combining
// accent or hyphenation hints matches the same word typed plainly.
func composeText() transform.Transformer {
	softHyphen := runes.Predicate(func(r rune) bool { return r == '\u00AD' })
	return transform.Chain(norm.NFD, runes.Remove(softHyphen), norm.NFC)
}

// normalise puts each paragraph on one line: Readability's text may wrap
// a paragraph over lines and separates paragraphs with blank lines. It
// writes word by word, as splitting a long page into a slice of its words
// took fifteen times the page's size.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for para := range strings.SplitSeq(strings.ReplaceAll(s, "\r", ""), "\n\n") {
		words := 0
		for w := range strings.FieldsSeq(para) {
			if words > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			words++
		}
		if words > 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// hasWords reports whether s has at least n words, reading no further than
// the nth.
func hasWords(s string, n int) bool {
	for range strings.FieldsSeq(s) {
		if n--; n <= 0 {
			return true
		}
	}
	return n <= 0
}
