package ingest

import (
	"bytes"
	"errors"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func utf16(t *testing.T, order unicode.Endianness, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q as UTF-16: %v", s, err)
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"ASCII", []byte("Hello, world.\n"), "Hello, world.\n"},
		{"UTF-8", []byte("Café “quoted” — ok\n"), "Café “quoted” — ok\n"},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFCafé\n"), "Café\n"},
		{"UTF-16 LE BOM", utf16(t, unicode.LittleEndian, "Café “x”\r\n"), "Café “x”\n"},
		{"UTF-16 BE BOM", utf16(t, unicode.BigEndian, "Café “x”\n"), "Café “x”\n"},
		{"Windows-1252 quotes", []byte("He said \x93no\x94 \x96 twice\x85\n"), "He said “no” – twice…\n"},
		{"Latin-1 e-acute", []byte("Caf\xE9 au lait\n"), "Café au lait\n"},
		{"CRLF", []byte("one\r\ntwo\r\n\r\nthree"), "one\ntwo\n\nthree"},
		{"lone CR", []byte("one\rtwo\r\rthree"), "one\ntwo\n\nthree"},
		{"tab and form feed", []byte("a\tb\fc\n"), "a\tb\fc\n"},
		{"one stray control in long text", append([]byte("\x1B"), bytes.Repeat([]byte("text "), 40)...), "\x1B" + string(bytes.Repeat([]byte("text "), 40))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.data)
			if err != nil || got != tt.want {
				t.Errorf("Decode(%q) = %q, %v; want %q, nil", tt.data, got, err, tt.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"spaces and newlines", []byte("  \n\t\r\n \n"), ErrEmpty},
		{"BOM only", []byte("\xEF\xBB\xBF"), ErrEmpty},
		{"UTF-16 BOM only", []byte("\xFF\xFE"), ErrEmpty},
		{"NUL byte", []byte("text\x00more text"), ErrBinary},
		{"UTF-16 without BOM", []byte("h\x00i\x00"), ErrBinary},
		{"UTF-16 with NUL", utf16(t, unicode.LittleEndian, "a\x00b"), ErrBinary},
		{"many controls", []byte("ab\x01\x02\x03cd\x04ef\x05\x06gh\x07"), ErrBinary},
		{"PNG header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"undefined byte 0x81", []byte("Caf\xE9 \x81"), ErrEncoding},
		{"undefined byte 0x8D", []byte("Caf\xE9 \x8D"), ErrEncoding},
		{"undefined byte 0x8F", []byte("Caf\xE9 \x8F"), ErrEncoding},
		{"undefined byte 0x90", []byte("Caf\xE9 \x90"), ErrEncoding},
		{"undefined byte 0x9D", []byte("Caf\xE9 \x9D"), ErrEncoding},
		{"bad UTF-8 after UTF-8 BOM", []byte("\xEF\xBB\xBFCaf\xE9"), ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("Decode(%q) = %q, %v; want error %v", tt.data, got, err, tt.want)
			}
		})
	}
}
