package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/summarize"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "story.txt", []byte("Ministers meet in Brussels\r\n\r\nThey said \x93no\x94.\r\n"))
	got, err := ReadFile(path, 1024)
	if err != nil {
		t.Fatalf("ReadFile(%q) = %v; want no error", path, err)
	}
	want := summarize.Article{Title: "Ministers meet in Brussels", Body: "They said “no”.\n", Source: "story.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadFile(%q) mismatch (-want +got):\n%s", path, diff)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		path     string
		maxBytes int64
		want     error
		wantMsg  string
	}{
		{
			name:     "missing",
			path:     filepath.Join(dir, "missing.txt"),
			maxBytes: 1024,
			want:     fs.ErrNotExist,
			wantMsg:  "no such file",
		},
		{
			name:     "directory",
			path:     dir,
			maxBytes: 1024,
			want:     errIsDir,
			wantMsg:  "is a directory",
		},
		{
			name:     "too large",
			path:     writeFile(t, dir, "big.txt", []byte(strings.Repeat("a", 101))),
			maxBytes: 100,
			want:     ErrTooLarge,
			wantMsg:  "file too large: 101 bytes, over the limit of 100",
		},
		{
			name:     "empty",
			path:     writeFile(t, dir, "empty.txt", nil),
			maxBytes: 1024,
			want:     ErrEmpty,
			wantMsg:  "empty file",
		},
		{
			name:     "binary",
			path:     writeFile(t, dir, "x.bin", []byte("\x7fELF\x02\x01\x01\x00\x00")),
			maxBytes: 1024,
			want:     ErrBinary,
			wantMsg:  "binary data, not text",
		},
		{
			name:     "undefined byte",
			path:     writeFile(t, dir, "odd.txt", []byte("Caf\xE9\x90")),
			maxBytes: 1024,
			want:     ErrEncoding,
			wantMsg:  "not UTF-8, Windows-1252 or Latin-1 text",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(tt.path, tt.maxBytes)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ReadFile(%q) = %v; want error %v", tt.path, err, tt.want)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "reading "+`"`+tt.path+`": `) || !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("ReadFile(%q) = %q; want `reading %q: ...%s...`", tt.path, msg, tt.path, tt.wantMsg)
			}
		})
	}
}

func TestReadFileNoLimit(t *testing.T) {
	path := writeFile(t, t.TempDir(), "a.md", []byte("# A\n\nb"))
	got, err := ReadFile(path, 0)
	want := summarize.Article{Title: "A", Body: "b", Source: "a.md"}
	if err != nil || !cmp.Equal(want, got) {
		t.Errorf("ReadFile(%q, 0) = %+v, %v; want %+v, nil", path, got, err, want)
	}
}

func TestReadAll(t *testing.T) {
	got, err := ReadAll(strings.NewReader("# Title\n\nBody."), "stdin", 100)
	want := summarize.Article{Title: "Title", Body: "Body.", Source: "stdin"}
	if err != nil || !cmp.Equal(want, got) {
		t.Errorf("ReadAll = %+v, %v; want %+v, nil", got, err, want)
	}
}

func TestReadAllErrors(t *testing.T) {
	tests := []struct {
		name, data string
		maxBytes   int64
		want       error
		wantMsg    string
	}{
		{"at limit", strings.Repeat("a", 100), 100, nil, ""},
		{"over limit", strings.Repeat("a", 101), 100, ErrTooLarge, `reading "stdin": file too large: over the limit of 100 bytes`},
		{"empty", "", 100, ErrEmpty, `reading "stdin": empty file`},
		{"whitespace", " \n\t\n", 100, ErrEmpty, `reading "stdin": empty file: only whitespace`},
		{"binary", "a\x00b", 100, ErrBinary, `reading "stdin": binary data, not text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.data), "stdin", tt.maxBytes)
			if !errors.Is(err, tt.want) || (err != nil && err.Error() != tt.wantMsg) {
				t.Errorf("ReadAll(%q) = %v; want %q", tt.data, err, tt.wantMsg)
			}
		})
	}
}

// BenchmarkReadFile reads a 4 MB article; its B/op shows that a file is read
// into one buffer of its size (once for the bytes, once for the text), not
// one that doubles as it fills.
func BenchmarkReadFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "long.txt")
	text := strings.Repeat("The minister said the talks would resume on Friday.\n", 4<<20/52)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadFile(path, 8<<20); err != nil {
			b.Fatal(err)
		}
	}
}
