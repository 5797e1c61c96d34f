package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefManyFilesInOrder checks that briefing many files at once, on
// every core, prints exactly what briefing them one by one prints, in the
// order given, with the errors for bad files in that order too.
func TestBriefManyFilesInOrder(t *testing.T) {
	sources, err := filepath.Glob("../../summarize/testdata/*.txt")
	if err != nil || len(sources) == 0 {
		t.Fatalf("no articles: %v", err)
	}
	dir := t.TempDir()
	var files []string
	for i := range 120 {
		path := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if i%40 != 9 { // a few files missing
			body, err := os.ReadFile(sources[i%len(sources)])
			if err != nil {
				t.Fatal(err)
			}
			text := fmt.Sprintf("%s\n\n%s\n\nThis is copy %d of the story.", body, strings.Repeat("More text follows. ", i%13), i)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, path)
	}
	for _, format := range []string{"text", "json"} {
		var wantOut, wantErr strings.Builder
		for _, f := range files {
			out, errOut, _ := runArgs(t, "", "brief", "--format", format, f)
			if out != "" && wantOut.Len() > 0 && format == "text" {
				wantOut.WriteString("\n")
			}
			wantOut.WriteString(out)
			wantErr.WriteString(errOut)
		}
		out, errOut, err := runArgs(t, "", append([]string{"brief", "--format", format}, files...)...)
		if err == nil {
			t.Errorf("brief --format %s over missing files = nil error; want one", format)
		}
		if out != wantOut.String() {
			t.Errorf("brief --format %s over %d files printed %d bytes, not the %d of one file at a time", format, len(files), len(out), wantOut.Len())
		}
		if errOut != wantErr.String() {
			t.Errorf("brief --format %s stderr = %q; want %q", format, errOut, wantErr.String())
		}
	}
}
