package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// page is an article page as sites serve them: navigation, scripts,
// comments and sharing around the article.
const page = `<!DOCTYPE html>
<html><head><title>Harbour reopens after storm | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="article:published_time" content="2026-11-20T08:30:00Z">
<script>var tracker = "do not show this script text";</script>
<style>.nav { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport menu item</a></li></ul></nav>
<div class="share">Share on social media</div>
<article>
<h1>Harbour reopens after storm</h1>
<p class="byline">By <a rel="author" href="/staff/ana">Ana Tremaine</a></p>
<p>The harbour at Port Ellin reopened on Thursday after a week of repairs, the harbour authority said.</p>
<p>“The storm damage was lighter than we feared,” said harbour master Ian Clarke, who has run the port since 2009.</p>
<p>Ferries to the islands will resume on Friday morning, with extra sailings over the weekend to clear the backlog of freight and passengers.</p>
<p>Local businesses said the closure had cost them dearly during what is usually a busy week for visitors to the town.</p>
</article>
<!-- comment: do not show this comment -->
<section class="comments"><p>Reader comment: first!</p></section>
<footer>Copyright footer text</footer>
</body></html>`

func TestParseHTML(t *testing.T) {
	a, err := ParseHTML("harbour.html", page, "https://gazette.example/harbour")
	if err != nil {
		t.Fatalf("ParseHTML = %v", err)
	}
	if a.Title != "Harbour reopens after storm | The Coastal Gazette" && a.Title != "Harbour reopens after storm" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Source != "The Coastal Gazette" || a.URL != "https://gazette.example/harbour" || a.Published.IsZero() || a.Byline != "Ana Tremaine" {
		t.Errorf("Source, URL, Published, Byline = %q, %q, %v, %q", a.Source, a.URL, a.Published, a.Byline)
	}
	for _, want := range []string{
		"The harbour at Port Ellin reopened on Thursday",
		"“The storm damage was lighter than we feared,” said harbour master Ian Clarke",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("Body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, junk := range []string{"Ana Tremaine", "do not show this script", "Sport menu item", "do not show this comment", "color: red"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("Body keeps %q:\n%s", junk, a.Body)
		}
	}
	// One paragraph a line, so quotes and paragraphs are found as in text files.
	for line := range strings.SplitSeq(a.Body, "\n") {
		if strings.Contains(line, "Port Ellin") && strings.Contains(line, "Ferries") {
			t.Errorf("paragraphs run together: %q", line)
		}
	}
}

func TestParseHTMLNoArticle(t *testing.T) {
	if _, err := ParseHTML("empty.html", "<html><body><nav>Home</nav></body></html>", ""); !errors.Is(err, ErrNoArticle) {
		t.Errorf("ParseHTML(no article) = %v; want ErrNoArticle", err)
	}
}

func TestReadFileHTML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "harbour.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ReadFile(path, 1<<20)
	if err != nil || !strings.Contains(a.Body, "Ian Clarke") || strings.Contains(a.Body, "<p>") {
		t.Errorf("ReadFile(%q) = %q, %v; want the article's text", path, a.Body, err)
	}
}

func TestHasWords(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want bool
	}{
		{"", 1, false},
		{"one two three", 3, true},
		{"one two three", 4, false},
		{"  one\n\ntwo  ", 2, true},
		{"x", 0, true},
	} {
		if got := hasWords(tc.s, tc.n); got != tc.want {
			t.Errorf("hasWords(%q, %d) = %v; want %v", tc.s, tc.n, got, tc.want)
		}
	}
}

// BenchmarkParseHTML parses a 1 MB page; its B/op is what an HTML page
// costs in memory before it is briefed.
func BenchmarkParseHTML(b *testing.B) {
	var page strings.Builder
	page.WriteString(`<html><head><meta charset="utf-8"><title>Long</title></head><body><article>`)
	for page.Len() < 1<<20 {
		page.WriteString("<p>“The storm damage was lighter than we feared,” said harbour master Ian Clarke, who has run the port since 2009.</p>\n")
	}
	page.WriteString("</article></body></html>")
	b.SetBytes(int64(page.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseHTML("long.html", page.String(), ""); err != nil {
			b.Fatal(err)
		}
	}
}
