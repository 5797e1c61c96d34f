// Package ingest holds the adapters that turn files, web pages and feed items
// into summarize.Article, and that find them: a watched folder, polled feeds.
//
// Files come from people, so they come in whatever encoding the editor that
// saved them used: UTF-8 with or without a byte order mark, UTF-16 from
// Windows tools, Windows-1252 from older ones. Decode turns all of those into
// UTF-8 and refuses anything that is not text, so the summarizer never sees
// mojibake or binary noise.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The sentinel errors that Decode, ReadFile and ReadAll wrap; test for them
// with errors.Is.
var (
	// ErrEmpty reports a file with no text, or only whitespace.
	ErrEmpty = errors.New("empty file")
	// ErrBinary reports data that is not text at all.
	ErrBinary = errors.New("binary data, not text")
	// ErrEncoding reports text in an encoding that Decode does not read.
	ErrEncoding = errors.New("not UTF-8, Windows-1252 or Latin-1 text")
	// ErrTooLarge reports a file over the size limit.
	ErrTooLarge = errors.New("file too large")
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// hasUndefined1252 reports whether b holds a byte that Windows-1252 leaves
// unassigned. Text with one is neither Windows-1252 nor Latin-1 prose (in
// Latin-1 they are C1 control codes), so a guess would only give garbage.
// (bytes.ContainsAny would not do: it compares runes, not bytes.)
func hasUndefined1252(b []byte) bool {
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return true
		}
	}
	return false
}

// Decode returns data as UTF-8 text with LF line endings.
//
// It reads UTF-8 (a byte order mark is dropped), UTF-16 that starts with a
// byte order mark, and Windows-1252, which also covers Latin-1 text in
// practice. Data with a NUL byte or more than 1% control characters is
// ErrBinary; invalid UTF-8 with a byte that Windows-1252 leaves undefined is
// ErrEncoding; data that is empty or only whitespace is ErrEmpty.
func Decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", ErrEmpty
	}
	var text string
	switch {
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// UTF-16 has NUL bytes in every ASCII character, so it must be
		// decoded before the binary check.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		b, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: bad UTF-16", ErrEncoding)
		}
		if binary(b) {
			return "", ErrBinary
		}
		text = string(b)
	case bytes.HasPrefix(data, bomUTF8):
		b := data[len(bomUTF8):]
		if binary(b) {
			return "", ErrBinary
		}
		// The mark promises UTF-8; a file that breaks the promise is
		// probably two files pasted together, and no single guess fits.
		if !utf8.Valid(b) {
			return "", fmt.Errorf("%w: invalid UTF-8 after a UTF-8 byte order mark", ErrEncoding)
		}
		text = string(b)
	default:
		if binary(data) {
			return "", ErrBinary
		}
		if utf8.Valid(data) {
			text = string(data)
			break
		}
		if hasUndefined1252(data) {
			return "", ErrEncoding
		}
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", ErrEncoding
		}
		text = string(b)
	}
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%w: only whitespace", ErrEmpty)
	}
	return text, nil
}

// DecodeHTML returns an HTML page as UTF-8 text with LF line endings,
// read in the encoding the page declares.
//
// The declaration is looked for where the HTML standard says, in its
// order (charset.DetermineEncoding): a byte order mark, the charset of the
// HTTP Content-Type (contentType, empty for a file), then a <meta charset>
// or <meta http-equiv="Content-Type"> in the first 1,024 bytes. A page that
// declares nothing is read as Decode reads text: UTF-8 when all of it is
// valid UTF-8, else Windows-1252. Two declarations are not taken at their
// word, because they are wrong far more often than the guess: UTF-8 that is
// not valid UTF-8 (a Windows-1252 page under a UTF-8 template), and a meta
// tag's Windows-1252 or Latin-1 on a page that is valid UTF-8, which
// charset.DetermineEncoding cannot tell apart from its own guess.
// Errors are Decode's.
func DecodeHTML(data []byte, contentType string) (string, error) {
	if len(data) == 0 {
		return "", ErrEmpty
	}
	e, name, certain := charset.DetermineEncoding(data, contentType)
	switch {
	case bytes.HasPrefix(data, bomUTF8), bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		return Decode(data) // Decode reads every byte order mark the same way
	case !certain && (e == encoding.Nop || name == "windows-1252"):
		return Decode(data) // no declaration, or one the guess agrees with
	case name == "utf-8":
		if !utf8.Valid(data) {
			return Decode(data)
		}
		return finish(data)
	}
	b, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: not %s as declared", ErrEncoding, name)
	}
	return finish(b)
}

// finish checks decoded UTF-8 for binary data and emptiness and normalises
// its line endings.
func finish(b []byte) (string, error) {
	if binary(b) {
		return "", ErrBinary
	}
	text := normalizeNewlines(string(b))
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%w: only whitespace", ErrEmpty)
	}
	return text, nil
}

// binary reports whether b looks like binary data rather than text: it has a
// NUL byte, or more than 1% C0 control characters other than tab, newline,
// carriage return and form feed. The ratio lets a long text carry a stray
// control or two (an ESC from a terminal, a DOS end-of-file mark).
func binary(b []byte) bool {
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\r', c == '\f':
		case c < 0x20:
			controls++
		}
	}
	return controls*100 > len(b)
}

// normalizeNewlines turns CRLF and lone CR line endings into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
