package ingest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestFetchArticleCharsetFromHeader checks that a feed item's page is read
// in the encoding its response declares, with no meta tag in the page: a
// short UTF-8 page, which a guess took for Windows-1252 ("â€œYes.â€�"), and a
// Greek one, which no guess would read.
func TestFetchArticleCharsetFromHeader(t *testing.T) {
	page := func(body string) string {
		return "<html><head><title>Talks</title></head><body><article><p>" + body + "</p></article></body></html>"
	}
	greek := "Ο υπουργός είπε «ναι» στις Βρυξέλλες την Πέμπτη, after the meeting of allies ended late in the evening with no deal near."
	greekPage, err := charmap.ISO8859_7.NewEncoder().String(page(greek))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		contentType, page, want string
	}{
		{"text/html; charset=utf-8", page(curly), curly},
		{"text/html; charset=ISO-8859-7", greekPage, greek},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", tt.contentType)
			w.Write([]byte(tt.page))
		}))
		a, err := FetchArticle(t.Context(), srv.Client(), srv.URL+"/talks", 1<<20)
		srv.Close()
		if err != nil {
			t.Errorf("FetchArticle(%s) = %v", tt.contentType, err)
			continue
		}
		if got := strings.TrimSpace(a.Body); got != tt.want {
			t.Errorf("FetchArticle(%s) body = %q; want %q", tt.contentType, got, tt.want)
		}
	}
}

const curly = "He said: “Yes.” The minister told reporters in Brussels on Thursday after the meeting of allies ended late in the evening with no deal at all."
