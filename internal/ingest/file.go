package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/briefbot/briefbot/summarize"
)

// errIsDir reports a directory given where a file was expected.
var errIsDir = errors.New("is a directory")

// ReadFile reads, decodes and parses the text, markdown or HTML file at
// path; an HTML page is reduced to its article (see ParseHTML).
//
// A file over maxBytes is ErrTooLarge; a maxBytes of zero or less means no
// limit. The limit also holds for pipes and other files whose size is not
// known in advance. Errors name the file and wrap the cause, so errors.Is
// works with the sentinels in this package and with fs.ErrNotExist.
func ReadFile(path string, maxBytes int64) (summarize.Article, error) {
	data, err := readFile(path, maxBytes)
	if err != nil {
		return summarize.Article{}, fmt.Errorf("reading %q: %w", path, err)
	}
	if IsHTML(path) {
		text, err := DecodeHTML(data, "")
		if err != nil {
			return summarize.Article{}, fmt.Errorf("reading %q: %w", path, err)
		}
		a, err := ParseHTML(path, text, "")
		if err != nil {
			return a, fmt.Errorf("reading %q: %w", path, err)
		}
		return a, nil
	}
	text, err := Decode(data)
	if err != nil {
		return summarize.Article{}, fmt.Errorf("reading %q: %w", path, err)
	}
	return ParseText(path, text), nil
}

func readFile(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, plain(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, plain(err)
	}
	if info.IsDir() {
		return nil, errIsDir
	}
	if maxBytes > 0 && info.Size() > maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, info.Size(), maxBytes)
	}
	return readLimited(f, maxBytes, info.Size())
}

// ReadAll reads, decodes and parses text from r, such as standard input.
// The name stands for the file in errors and in the Article's Source.
// maxBytes works as for ReadFile.
func ReadAll(r io.Reader, name string, maxBytes int64) (summarize.Article, error) {
	data, err := readLimited(r, maxBytes, 0)
	if err != nil {
		return summarize.Article{}, fmt.Errorf("reading %q: %w", name, err)
	}
	text, err := Decode(data)
	if err != nil {
		return summarize.Article{}, fmt.Errorf("reading %q: %w", name, err)
	}
	return ParseText(name, text), nil
}

// readLimited reads all of r, or fails with ErrTooLarge once more than
// maxBytes arrive, without holding more than maxBytes+1 of them. size is
// how much r is expected to hold (0 when unknown), so that a file is read
// into one buffer of its size instead of one that doubles as it fills,
// which for a large file took twice its size.
func readLimited(r io.Reader, maxBytes, size int64) ([]byte, error) {
	if maxBytes > 0 {
		r = io.LimitReader(r, maxBytes+1)
		size = min(size, maxBytes+1)
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead) // MinRead spare, so reading EOF does not grow it
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, plain(err)
	}
	if maxBytes > 0 && int64(buf.Len()) > maxBytes {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, maxBytes)
	}
	return buf.Bytes(), nil
}

// plain drops the operation and path from an *fs.PathError, which the
// caller's "reading %q" already gives, leaving a plain reason such as "no
// such file or directory". The reason still matches fs.ErrNotExist and
// friends with errors.Is.
func plain(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}
