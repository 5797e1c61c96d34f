package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// shortPage is the kind of page whose encoding a guess gets wrong: short,
// with few characters outside ASCII. Readability's own reader took these
// UTF-8 bytes for Windows-1252 and gave "â€œYes.â€�".
func shortPage(head, body string) string {
	return "<html><head>" + head + "<title>Talks</title></head><body><article><p>" + body +
		"</p></article></body></html>"
}

const (
	// curlyBody has Windows-1252's curly quotes, not in Latin-1, and
	// nothing else outside ASCII: the page a guess took for Windows-1252.
	curlyBody = "He said: “Yes.” The minister told reporters in Brussels on Thursday after the meeting of allies ended late in the evening with no deal at all."
	// latinBody has Latin-1 letters and guillemets only.
	latinBody = "Le café «Chez Zoé» reopened on Thursday, the owner told reporters in Brussels after the meeting of allies ended late in the evening with no deal."
)

func TestDecodeHTMLDeclarations(t *testing.T) {
	utf8Page := func(head, body string) []byte { return []byte(shortPage(head, body)) }
	encode := func(e *charmap.Charmap) func(head, body string) []byte {
		return func(head, body string) []byte {
			b, err := e.NewEncoder().Bytes([]byte(shortPage(head, body)))
			if err != nil {
				t.Fatalf("encoding %q: %v", body, err)
			}
			return b
		}
	}
	cp1252, latin1 := encode(charmap.Windows1252), encode(charmap.ISO8859_1)
	tests := []struct {
		name        string
		data        []byte
		contentType string
		want        string
	}{
		{"UTF-8 in the HTTP header", utf8Page("", curlyBody), "text/html; charset=utf-8", curlyBody},
		{"UTF-8 in the HTTP header, quoted", utf8Page("", curlyBody), `text/html; charset="UTF-8"`, curlyBody},
		{"UTF-8 with a BOM", append([]byte("\xEF\xBB\xBF"), utf8Page("", curlyBody)...), "", curlyBody},
		{"UTF-8 in meta charset", utf8Page(`<meta charset="utf-8">`, curlyBody), "", curlyBody},
		{"UTF-8 in meta http-equiv", utf8Page(`<meta http-equiv="Content-Type" content="text/html; charset=utf-8">`, curlyBody), "", curlyBody},
		{"UTF-8 undeclared", utf8Page("", curlyBody), "", curlyBody},
		{"UTF-8 Latin letters undeclared", utf8Page("", latinBody), "", latinBody},
		{"Windows-1252 in the HTTP header", cp1252("", curlyBody), "text/html; charset=windows-1252", curlyBody},
		{"Windows-1252 in meta charset", cp1252(`<meta charset="windows-1252">`, curlyBody), "", curlyBody},
		{"Windows-1252 in meta http-equiv", cp1252(`<meta http-equiv="content-type" content="text/html; charset=windows-1252">`, curlyBody), "", curlyBody},
		{"Windows-1252 undeclared", cp1252("", curlyBody), "", curlyBody},
		{"ISO-8859-1 in the HTTP header", latin1("", latinBody), "text/html; charset=ISO-8859-1", latinBody},
		{"ISO-8859-1 in meta charset", latin1(`<meta charset="iso-8859-1">`, latinBody), "", latinBody},
		{"ISO-8859-1 in meta http-equiv", latin1(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, latinBody), "", latinBody},
		{"ISO-8859-1 undeclared", latin1("", latinBody), "", latinBody},
		// The HTTP header outranks the page's own meta tag.
		{"header over meta", cp1252(`<meta charset="utf-8">`, curlyBody), "text/html; charset=windows-1252", curlyBody},
		// A page declared UTF-8 that is not is read as the guess reads it.
		{"false UTF-8 declaration", cp1252(`<meta charset="utf-8">`, curlyBody), "", curlyBody},
		{"false UTF-8 header", cp1252("", curlyBody), "text/html; charset=utf-8", curlyBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := DecodeHTML(tt.data, tt.contentType)
			if err != nil {
				t.Fatalf("DecodeHTML(%q) = %v", tt.contentType, err)
			}
			a, err := ParseHTML("talks.html", text, "")
			if err != nil {
				t.Fatalf("ParseHTML = %v", err)
			}
			if got := strings.TrimSpace(a.Body); got != tt.want {
				t.Errorf("DecodeHTML(%q) then ParseHTML: body = %q; want %q", tt.contentType, got, tt.want)
			}
		})
	}
}

func TestDecodeHTMLOtherDeclaredEncoding(t *testing.T) {
	// A declaration the guess could never make: ISO-8859-7 (Greek).
	body := "Ο υπουργός είπε «ναι» στις Βρυξέλλες την Πέμπτη, after the meeting of allies ended late in the evening with no deal near."
	for _, tt := range []struct{ head, contentType string }{
		{`<meta charset="iso-8859-7">`, ""},
		{"", "text/html; charset=iso-8859-7"},
	} {
		data, err := charmap.ISO8859_7.NewEncoder().Bytes([]byte(shortPage(tt.head, body)))
		if err != nil {
			t.Fatal(err)
		}
		text, err := DecodeHTML(data, tt.contentType)
		if err != nil || !strings.Contains(text, body) {
			t.Errorf("DecodeHTML(ISO-8859-7 page %q, %q) = %q, %v; want it to contain %q", tt.head, tt.contentType, text, err, body)
		}
	}
}

func TestDecodeHTMLErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		data string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"whitespace", " \n\t", ErrEmpty},
		{"binary", "<html>\x00\x01\x02</html>", ErrBinary},
		{"binary under a declaration", "<meta charset=\"iso-8859-7\">\x00\x01", ErrBinary},
	} {
		if _, err := DecodeHTML([]byte(tt.data), ""); !errors.Is(err, tt.want) {
			t.Errorf("DecodeHTML(%s) = %v; want %v", tt.name, err, tt.want)
		}
	}
}

// TestReadFileHTMLDeclared checks that an HTML file is read in the encoding
// its meta tag declares, and a short UTF-8 one as UTF-8.
func TestReadFileHTMLDeclared(t *testing.T) {
	cp1252, err := charmap.Windows1252.NewEncoder().String(shortPage(`<meta charset="windows-1252">`, curlyBody))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, page := range map[string]string{
		"cp1252.html": cp1252,
		"utf8.htm":    shortPage(`<meta charset="utf-8">`, curlyBody),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := ReadFile(path, 1<<20)
		if got := strings.TrimSpace(a.Body); err != nil || got != curlyBody {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, curlyBody)
		}
	}
}
