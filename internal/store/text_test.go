package store

import "testing"

// TestOwnText keeps a quote's or position's text only when it is not the
// body's bytes between its offsets, which are read from the body instead.
func TestOwnText(t *testing.T) {
	const body = "He said “we will stay” in Kyiv."
	start := len("He said “")
	end := start + len("we will stay")
	tests := []struct {
		name, text string
		start, end int
		want       string
	}{
		{"the body's bytes", "we will stay", start, end, ""},
		{"other words", "we will leave", start, end, "we will leave"},
		{"offsets past the body", "we will stay", start, len(body) + 5, "we will stay"},
		{"offsets reversed", "we will stay", end, start, "we will stay"},
	}
	for _, tt := range tests {
		if got := ownText(body, tt.text, tt.start, tt.end); got != tt.want {
			t.Errorf("%s: ownText(%q, %d, %d) = %q; want %q", tt.name, tt.text, tt.start, tt.end, got, tt.want)
		}
	}
}
