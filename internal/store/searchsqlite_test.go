package store

import "testing"

func TestDocLength(t *testing.T) {
	for _, tc := range []struct {
		sz   []byte
		want int
	}{
		{nil, 0},
		{[]byte{6, 0, 2, 1}, 9},              // text, topics, speaker, forms
		{[]byte{0x81, 0x00, 3}, 128 + 3},     // two bytes, then one
		{[]byte{0x82, 0x80, 0x01, 0}, 32769}, // three bytes
		{[]byte{0x81}, 1},                    // cut short: what is there
	} {
		if got := docLength(tc.sz); got != tc.want {
			t.Errorf("docLength(%#v) = %d; want %d", tc.sz, got, tc.want)
		}
	}
}
