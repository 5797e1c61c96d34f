package ingest

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/summarize"
)

// maxTitleWords is the most words a first paragraph may have and still be
// taken for a title: headlines are short, opening sentences are not.
const maxTitleWords = 20

// ParseText makes an Article from decoded text or markdown. The Source is
// the agency a wire dateline opening the body names ("BRUSSELS (AFP) -"),
// or else the base name of name.
//
// A first line "# Heading" is the title. Otherwise the first paragraph is the
// title when it looks like a headline: a single line of at most 20 words,
// not ending in . ! ? : , ; or a dash (closing quotes and brackets aside),
// not opening with a quote mark, and followed by more paragraphs. Body is
// the text after the title, with leading blank lines removed. Quote and
// Position offsets in a Briefing are byte offsets into Body, not into the
// file.
func ParseText(name, text string) summarize.Article {
	a := parseText(name, text)
	if agency := dateline(a.Body); agency != "" {
		a.Source = agency
	}
	return a
}

func parseText(name, text string) summarize.Article {
	a := summarize.Article{Source: filepath.Base(name)}
	text = trimBlankLines(text)
	first, rest, _ := strings.Cut(text, "\n")
	if title, ok := heading(first); ok {
		a.Title = title
		a.Body = trimBlankLines(rest)
		return a
	}
	// rest starts with a blank line when the first paragraph is one line.
	if strings.TrimSpace(first) != "" && !startsWithText(rest) {
		if body := trimBlankLines(rest); body != "" && headline(first) {
			a.Title = strings.TrimSpace(first)
			a.Body = body
			return a
		}
	}
	a.Body = text
	return a
}

// heading returns the text of a markdown level-1 heading line.
func heading(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "#")
	if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	title := strings.TrimSpace(rest)
	return title, title != ""
}

// startsWithText reports whether s begins with a non-blank line, that is
// whether the line before it continues the same paragraph.
func startsWithText(s string) bool {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line) != ""
}

// headline reports whether line reads like a headline rather than a
// sentence.
func headline(line string) bool {
	line = strings.TrimSpace(line)
	if len(strings.Fields(line)) > maxTitleWords {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(line); strings.ContainsRune(quoteMarks, r) {
		return false
	}
	// A sentence may end inside its closing quote or bracket: `he said "no."`
	end := strings.TrimRight(line, closers)
	if end == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(end)
	return !strings.ContainsRune(".!?:,;-–—…", r)
}

// quoteMarks open a quotation; a paragraph that opens with one is a quote,
// not a title.
const quoteMarks = "\"'“‘„‚«‹”’»›「『"

// closers are the marks that may follow a sentence's final punctuation.
const closers = "\"'”’»›)]」』"

// trimBlankLines drops the blank lines at the start of s, keeping the
// indentation of its first non-blank line.
func trimBlankLines(s string) string {
	for {
		line, rest, found := strings.Cut(s, "\n")
		if strings.TrimSpace(line) != "" {
			return s
		}
		if !found {
			return ""
		}
		s = rest
	}
}
